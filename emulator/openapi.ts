import protobuf from 'protobufjs';
import QRCode from 'qrcode';
import type { Store } from './db/store';
import { newId } from './db/store';

/**
 * Stand-ins for the WeChat open APIs the functions call, over the wire form real CloudBase takes
 * (the `wx.openApi` action): a protobuf `CommApiData` in, a protobuf `CommOpenApiResp` out. The
 * messages are declared here with protobufjs from wx-server-sdk 4.x's definitions, independently
 * of the functions' hand-written codec, so a mistake there fails here. Mini-program codes are real
 * QR PNGs of the scene; the content check flags words from a list; subscribe messages land in
 * `outbox`. A function may only call what its config.json declares in `permissions.openapi`.
 */
export const BLOCKED_WORDS = ['赌博', '博彩', '色情', '毒品', '枪支', '代开发票', '刷单', '传销'];
/** Words the stand-in answers `review` for, as WeChat does for text a person should look at. */
export const REVIEW_WORDS = ['待人工复核'];

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: { fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 }, contenttype: { type: 'string', id: 3 }, filename: { type: 'string', id: 4 } } },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: { apiType: { type: 'ApiType', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } },
      nested: { ApiType: { values: { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } } },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** WeChat's answer when the calling function has not declared the API (云调用 没有权限). */
export const NO_PERMISSION = -604101;

export type FaultMode = 'error' | 'timeout';

/** A refusal at the CloudBase layer, before WeChat: answered as JSON `{code, message}`. */
export class CloudRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the parameters out of a `CommApiData`; anything else (raw JSON, say) is refused. */
export function decodeRequest(bytes: Buffer): Record<string, unknown> {
  let msg: any;
  try {
    msg = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true });
  } catch (e) {
    throw new CloudRefusal('INVALID_PARAM', `requestData is not a CommApiData: ${(e as Error).message}`);
  }
  if (msg.apiType !== 0 || !msg.openapiData?.pairs?.length) throw new CloudRefusal('INVALID_PARAM', 'requestData is not an OPEN_API CommApiData');
  const params: Record<string, unknown> = {};
  for (const p of msg.openapiData.pairs as Array<{ key: string; value: Uint8Array }>) {
    try {
      params[p.key] = JSON.parse(Buffer.from(p.value).toString('utf8'));
    } catch {
      throw new CloudRefusal('INVALID_PARAM', `parameter ${p.key} is not JSON`);
    }
  }
  return params;
}

function reply(respData: Buffer, contentType: string, errorCode = 0): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ respData, contentType, errorCode, httpCode: 200 })).finish());
}

const json = (body: Record<string, unknown>) => reply(Buffer.from(JSON.stringify(body)), 'application/json; charset=UTF-8');

export async function miniProgramCode(body: { scene?: string; page?: string; width?: number }): Promise<Buffer> {
  const text = `honglin://${body.page ?? 'pages/home/index'}?scene=${encodeURIComponent(body.scene ?? '')}`;
  return QRCode.toBuffer(text, { type: 'png', width: Math.max(280, Math.min(1280, body.width ?? 430)), margin: 2 });
}

/**
 * One `wx.openApi` call: the API, the raw `requestData` and the permissions of the function that
 * called (from its `wxCloudApiToken`); answers the encoded `CommOpenApiResp`.
 */
export async function openApi(store: Store, apiName: string, requestData: Buffer, allowed: string[] | undefined): Promise<Buffer> {
  const data = decodeRequest(requestData);
  if (!allowed?.includes(apiName)) return reply(Buffer.alloc(0), '', NO_PERMISSION);
  switch (apiName) {
    case 'wxacode.getUnlimited': {
      const scene = String(data.scene ?? '');
      if (!scene || scene.length > 32) return json({ errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' });
      return reply(await miniProgramCode(data as { scene: string; page?: string; width?: number }), 'image/png');
    }
    case 'security.msgSecCheck': {
      if (data.version !== 2 || !data.openid || data.scene === undefined) return json({ errcode: 47001, errmsg: 'data format error: version 2 needs openid and scene' });
      const content = String(data.content ?? '');
      const hit = BLOCKED_WORDS.find((w) => content.includes(w));
      const review = REVIEW_WORDS.find((w) => content.includes(w));
      const result = hit ? { suggest: 'risky', label: 20001 } : review ? { suggest: 'review', label: 21000 } : { suggest: 'pass', label: 100 };
      return json({ errcode: 0, errmsg: 'ok', result, detail: [{ strategy: 'content_model', errcode: 0, ...result, ...(hit ? { keyword: hit } : {}) }], trace_id: newId() });
    }
    case 'subscribeMessage.send': {
      if (!data.touser || !data.template_id) return json({ errcode: 47003, errmsg: 'argument invalid! touser/template_id' });
      const id = newId();
      const { touser, template_id, page, data: fields, miniprogram_state, lang } = data as Record<string, unknown>;
      store.commit([{ coll: 'outbox', id, doc: { _id: id, touser, template_id, page, data: fields, miniprogram_state, lang, sentAt: new Date() } }]);
      return json({ errcode: 0, errmsg: 'ok', msgid: id });
    }
    default:
      return json({ errcode: 40001, errmsg: `local cloud has no stand-in for ${apiName}` });
  }
}

/**
 * A failing WeChat for tests: per API, an error answer or no answer at all; for everyone, or only
 * for calls about one person (msgSecCheck's `openid`, subscribeMessage's `touser`), so tests
 * running side by side on one local cloud do not fail each other's checks.
 */
export class OpenApiFaults {
  private modes = new Map<string, FaultMode>();

  set(api: string, mode: FaultMode | 'off', openid?: string): void {
    const key = `${api}|${openid ?? ''}`;
    if (mode === 'off') this.modes.delete(key);
    else this.modes.set(key, mode);
  }

  get(api: string, requestData: Buffer): FaultMode | undefined {
    if (!this.modes.size) return undefined;
    let who = '';
    try {
      const p = decodeRequest(requestData);
      who = String(p.openid ?? p.touser ?? '');
    } catch {
      /* refused later, as it would be without a fault */
    }
    return (who && this.modes.get(`${api}|${who}`)) || this.modes.get(`${api}|`);
  }

  /** An answer for an API made to fail with `error`: WeChat's "system busy". */
  static busy(): Buffer {
    return json({ errcode: -1, errmsg: 'system error' });
  }
}
