import { randomBytes } from 'node:crypto';
import type { NoticeKind } from '../../typings/user';
import { docs } from '../platform/store';

export const SEND_FAILURES = 'send_failures';

/** Why a subscribe message did not go: the person has not agreed, the template is missing or wrong, WeChat's quota, or anything else WeChat answered. */
export type SendFailureReason = 'not_subscribed' | 'template' | 'quota' | 'platform';

export const SEND_FAILURE_LABELS: Record<SendFailureReason, string> = {
  not_subscribed: '居民未订阅',
  template: '模板未配置或不正确',
  quota: '超出微信发送额度',
  platform: '微信平台错误',
};

export interface SendFailureDoc {
  _id: string;
  communityId: string;
  userId: string;
  kind: NoticeKind;
  reason: SendFailureReason;
  /** WeChat's answer, cut short. */
  detail: string;
  at: number;
}

/** The reason of a refusal, from WeChat's errcode (subscribeMessage.send). */
export function failureReason(e: unknown): SendFailureReason {
  const err = e as { errCode?: unknown; errcode?: unknown; code?: unknown; message?: unknown };
  const text = String(err?.message ?? e ?? '');
  const code = [err?.errCode, err?.errcode, err?.code].map(Number).find((n) => Number.isInteger(n) && n > 0) ?? Number(/\b(4\d{4})\b/.exec(text)?.[1]);
  if (code === 43101) return 'not_subscribed';
  if (code === 40037 || code === 47003 || code === 41030) return 'template';
  if (code === 45009 || code === 45011 || code === 45047) return 'quota';
  return 'platform';
}

/**
 * Keeps a message that did not go, for 系统状态. A kind without a template is kept once per
 * community, kind and day (the same id), the rest one by one. Best effort: never fails the change.
 */
export async function recordSendFailure(f: Omit<SendFailureDoc, '_id'>): Promise<void> {
  const day = new Date(f.at + 8 * 3600_000).toISOString().slice(0, 10);
  const id = f.reason === 'template' && !f.detail ? `${f.communityId}.${f.kind}.${day}` : `${f.at}.${randomBytes(4).toString('hex')}`;
  try {
    await docs.set(SEND_FAILURES, id, { ...f, detail: f.detail.slice(0, 120) });
  } catch (e) {
    console.warn(`[notify] failure of ${f.kind} not recorded: ${(e as Error).message}`);
  }
}
