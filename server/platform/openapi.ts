import { cloud } from './cloud';
import { decodeOpenApiResponse, encodeOpenApiRequest } from './wire';

/**
 * WeChat open APIs through CloudBase's cloud call (云调用), answered by stand-ins on the local cloud.
 *
 * This speaks exactly what wx-server-sdk 4.x's `cloud.openapi.*` sends, over the SDK we already
 * ship: the `wx.openApi` action (`callCompatibleWxOpenApi`, multipart) carrying a protobuf
 * `CommApiData` (OPEN_API, one key/value pair per parameter), answered by a protobuf
 * `CommOpenApiResp` whose body is JSON or, for mini-program codes, the image. wx-server-sdk itself
 * is not a dependency: it pins its own, older @cloudbase/node-sdk (a second copy per function),
 * its `wx.api` path is deprecated, and the request it builds is the one built here. Each function
 * that calls an API declares it in `cloudfunctions/<fn>/config.json` `permissions.openapi`.
 */
export class OpenApiError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number | string,
    message: string,
  ) {
    super(`${api}: ${errcode} ${message}`);
  }
}

/** The JSON WeChat answers with: an error, or (the content check) a verdict. */
interface OpenApiJson {
  errcode?: number | string;
  errmsg?: string;
  result?: { suggest?: string };
}

interface OpenApiReply {
  contentType: string;
  body: Buffer;
  json?: OpenApiJson;
}

async function callOpenApi(api: string, params: Record<string, unknown>, timeoutMs?: number): Promise<OpenApiReply> {
  const call = cloud().callCompatibleWxOpenApi({ apiName: api, requestData: encodeOpenApiRequest(params) }, timeoutMs ? { timeout: timeoutMs } : undefined);
  const raw: unknown = timeoutMs ? await withTimeout(call, timeoutMs, api) : await call;
  if (!Buffer.isBuffer(raw)) {
    const r = raw as { code?: string; message?: string } | undefined;
    throw new OpenApiError(api, r?.code ?? 'NO_RESPONSE', r?.message ?? 'no response body');
  }
  let resp;
  try {
    resp = decodeOpenApiResponse(raw);
  } catch {
    // Not a CommOpenApiResp: CloudBase answers its own errors as JSON `{code, message}`.
    let r: { code?: string; message?: string } = {};
    try {
      r = JSON.parse(raw.toString('utf8'));
    } catch {
      /* neither */
    }
    throw new OpenApiError(api, r.code ?? 'BAD_RESPONSE', r.message ?? `unreadable response (${raw.length} bytes)`);
  }
  // WeChat's own refusal before the API ran, e.g. -604101 when the permission is not declared.
  if (resp.errorCode) throw new OpenApiError(api, resp.errorCode, 'cloud call refused');
  if (!resp.respData.length) throw new OpenApiError(api, 'EMPTY', 'empty response');
  const reply: OpenApiReply = { contentType: resp.contentType.trim(), body: resp.respData };
  if (/application\/json|text\/plain/.test(reply.contentType)) {
    const json: OpenApiJson = JSON.parse(reply.body.toString('utf8'));
    if (json.errcode) throw new OpenApiError(api, json.errcode, String(json.errmsg ?? ''));
    reply.json = json;
  }
  return reply;
}

function withTimeout<T>(p: Promise<T>, ms: number, api: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OpenApiError(api, 'TIMEOUT', `no answer in ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** What WeChat's content check says of a text (v2): pass, risky, or review (a person should look). */
export type TextVerdict = 'pass' | 'risky' | 'review';

/** security.msgSecCheck v2. Throws when the check could not be made (error or timeout). */
export async function checkText(content: string, openid: string, timeoutMs: number): Promise<TextVerdict> {
  try {
    const { json } = await callOpenApi('security.msgSecCheck', { content, version: 2, scene: 1, openid }, timeoutMs);
    const suggest = json?.result?.suggest;
    if (suggest === 'pass' || suggest === 'risky' || suggest === 'review') return suggest;
    throw new OpenApiError('security.msgSecCheck', 'BAD_RESPONSE', `no verdict in ${JSON.stringify(json).slice(0, 120)}`);
  } catch (e) {
    // 87014: the v1 way of saying risky, still answered by some gateways.
    if (e instanceof OpenApiError && Number(e.errcode) === 87014) return 'risky';
    throw e;
  }
}

/** wxacode.getUnlimited: the mini-program code image for a scene (≤ 32 visible characters). */
export async function miniProgramCode(scene: string, page: string): Promise<Buffer> {
  const reply = await callOpenApi('wxacode.getUnlimited', { scene, page, width: 430, check_path: false });
  if (!/^image\//.test(reply.contentType)) throw new OpenApiError('wxacode.getUnlimited', 'BAD_RESPONSE', `expected an image, got ${reply.contentType || 'nothing'}`);
  return reply.body;
}

export async function sendSubscribeMessage(touser: string, templateId: string, page: string, data: Record<string, { value: string }>): Promise<void> {
  await callOpenApi('subscribeMessage.send', { touser, template_id: templateId, page, data, miniprogram_state: 'formal', lang: 'zh_CN' });
}
