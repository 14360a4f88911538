import QRCode from 'qrcode';
import type { Store } from './db/store';
import { newId } from './db/store';

/**
 * Stand-ins for the WeChat open APIs the functions call. Mini-program codes are real QR PNGs of
 * the scene; the content check flags words from a list; subscribe messages land in `outbox`.
 */
export const BLOCKED_WORDS = ['赌博', '博彩', '色情', '毒品', '枪支', '代开发票', '刷单', '传销'];

export async function miniProgramCode(body: { scene?: string; page?: string; width?: number }): Promise<Buffer> {
  const text = `honglin://${body.page ?? 'pages/home/index'}?scene=${encodeURIComponent(body.scene ?? '')}`;
  return QRCode.toBuffer(text, { type: 'png', width: Math.max(280, Math.min(1280, body.width ?? 430)), margin: 2 });
}

export interface JsonApiResult {
  errcode: number;
  errmsg: string;
  [k: string]: unknown;
}

export function jsonApi(store: Store, apiName: string, data: Record<string, any>): JsonApiResult {
  switch (apiName) {
    case 'security.msgSecCheck':
    case '/wxa/msg_sec_check': {
      const hit = BLOCKED_WORDS.find((w) => String(data.content ?? '').includes(w));
      return hit
        ? { errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20001, keyword: hit } }
        : { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } };
    }
    case 'subscribeMessage.send':
    case '/cgi-bin/message/subscribe/send': {
      if (!data.touser || !data.template_id) return { errcode: 47003, errmsg: 'argument invalid! touser/template_id' };
      const id = newId();
      store.commit([{ coll: 'outbox', id, doc: { _id: id, ...data, sentAt: new Date() } }]);
      return { errcode: 0, errmsg: 'ok', msgid: id };
    }
    default:
      return { errcode: 40001, errmsg: `local cloud has no stand-in for ${apiName}` };
  }
}
