import type { NoticeKind } from '../../typings/user';
import { docs } from '../platform/store';
import { sendSubscribeMessage } from '../platform/openapi';
import { USERS, UserDoc } from '../user/model';
import type { NoticeValues } from './kinds';
import { NOTICE_SETTINGS, NoticeSettingsDoc, messageData } from './settings';
import { failureReason, recordSendFailure } from './failures';

export interface Sent {
  templateId: string;
  data: Record<string, { value: string }>;
}

/**
 * Sends one message of `kind` to a person with the template their community configured, every
 * value formatted to its keyword's rule. Null when the community sends no such message.
 * Throws what the platform threw.
 */
export async function deliver<K extends NoticeKind>(user: Pick<UserDoc, 'openid' | 'communityId'>, kind: K, page: string, values: NoticeValues<K>): Promise<Sent | null> {
  if (!user.communityId) return null;
  const settings = await docs.get<NoticeSettingsDoc>(NOTICE_SETTINGS, user.communityId);
  const config = settings?.kinds?.[kind];
  if (!config?.templateId) return null;
  const data = messageData(kind, config.keywords, values);
  await sendSubscribeMessage(user.openid, config.templateId, page, data);
  return { templateId: config.templateId, data };
}

/**
 * Tells a person something happened. Best effort: a kind the community has not configured, a
 * person who has not subscribed, or a platform hiccup must not undo the change that committed;
 * each is kept with its reason for 系统状态 (notify/failures.ts).
 */
export async function notify<K extends NoticeKind>(userId: string, kind: K, page: string, values: NoticeValues<K>): Promise<void> {
  let user: UserDoc | null = null;
  try {
    user = await docs.get<UserDoc>(USERS, userId);
    if (user?.communityId && !(await deliver(user, kind, page, values))) await recordSendFailure({ communityId: user.communityId, userId, kind, reason: 'template', detail: '', at: Date.now() });
  } catch (e) {
    console.warn(`[notify] ${kind} to ${userId} not sent: ${(e as Error).message}`);
    if (user?.communityId) await recordSendFailure({ communityId: user.communityId, userId, kind, reason: failureReason(e), detail: (e as Error)?.message ?? String(e), at: Date.now() });
  }
}

/** What WeChat's refusal means, for the admin (errcodes of subscribeMessage.send). */
const REFUSALS: Record<number, string> = {
  40003: '接收人的 openid 不正确',
  40037: '模板ID不正确，请核对“我的模板”中的模板ID',
  43101: '您还没有同意接收这类消息，请在弹窗中点“允许”后再试',
  47003: '模板参数不符合要求，请核对每个字段对应的关键词',
  41030: '跳转页面不存在，请确认小程序已发布',
};

export function refusalText(e: unknown): string {
  const err = e as { errCode?: unknown; errcode?: unknown; code?: unknown; message?: unknown };
  const text = String(err?.message ?? e ?? '');
  const code = [err?.errCode, err?.errcode, err?.code].map(Number).find((n) => Number.isInteger(n) && n > 0) ?? Number(/errcode\D{0,4}(\d{5})/i.exec(text)?.[1] ?? /\b(4\d{4})\b/.exec(text)?.[1]);
  const field = /data\.([a-z_]+\d+)\.value/.exec(text)?.[1];
  const known = REFUSALS[code];
  if (known) return `微信未发送：${known}${code === 47003 && field ? `（${field}）` : ''}`;
  return `微信未发送：${text.slice(0, 80) || '未知原因'}`;
}
