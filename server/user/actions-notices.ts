import * as z from 'zod/mini';
import type { NoticeKind, TestNoticeResult } from '../../typings/user';
import { action } from '../core/define';
import { invalid } from '../core/errors';
import { requestId } from '../core/validation';
import { docs } from '../platform/store';
import { transact } from '../platform/tx';
import { REQUESTS, once, requestKey } from '../platform/idempotency';
import { KIND_NAMES, kindSpec } from '../notify/kinds';
import { deliver, refusalText } from '../notify/outbox';
import { NOTICE_SETTINGS, NoticeSettingsDoc, TEMPLATE_ID, kindView, mappingProblem, sampleValues } from '../notify/settings';
import { Member, requireMember, requireRole } from './caller';

/** Subscribe-message templates: community settings an admin keeps on the notice settings page. */

interface Ctx {
  openid?: string;
  now: number;
}

async function requireAdmin(ctx: Ctx): Promise<Member> {
  const user = await requireMember(ctx.openid);
  requireRole(user, ['admin'], '只有社区管理员可以设置订阅消息');
  return user;
}

const settingsOf = (communityId: string) => docs.get<NoticeSettingsDoc>(NOTICE_SETTINGS, communityId);

const kind = z.enum(KIND_NAMES as [NoticeKind, ...NoticeKind[]], { error: '消息类型不正确' });

/** The templates the mini-program may ask a member to allow: configured kinds only. */
export const notices = action(z.object({}), async function notices(ctx: Ctx) {
  const user = await requireMember(ctx.openid);
  const settings = await settingsOf(user.communityId);
  const templates: Partial<Record<NoticeKind, string>> = {};
  for (const k of KIND_NAMES) {
    const id = settings?.kinds?.[k]?.templateId;
    if (id) templates[k] = id;
  }
  return { templates };
});

export const noticeSettings = action(z.object({}), async function noticeSettings(ctx: Ctx) {
  const user = await requireAdmin(ctx);
  const settings = await settingsOf(user.communityId);
  return { kinds: KIND_NAMES.map((k) => kindView(k, settings?.kinds?.[k])) };
});

export const setNoticeSettings = action(
  z.object({
    kind,
    templateId: z.string({ error: '请填写模板ID' }).check(z.maxLength(64, '模板ID不正确'), z.trim()),
    keywords: z.record(
      z.string().check(z.maxLength(40, '字段名不正确')),
      z.string({ error: '模板关键词须为文字，如 thing1' }).check(z.maxLength(40, '模板关键词不正确'), z.trim(), z.toLowerCase()),
    ),
    requestId,
  }),
  async function setNoticeSettings(ctx: Ctx, input) {
    const user = await requireAdmin(ctx);
    const on = input.templateId !== '';
    if (on && !TEMPLATE_ID.test(input.templateId)) throw invalid('模板ID不正确，请从“订阅消息—我的模板”中复制');
    const problem = on ? mappingProblem(input.kind, input.keywords) : null;
    if (problem) throw invalid(problem);
    return transact((tx) =>
      once(tx, requestKey(user._id, 'user', 'setNoticeSettings', input.requestId), async () => {
        const doc = await tx.get<NoticeSettingsDoc>(NOTICE_SETTINGS, user.communityId);
        const kinds = { ...(doc?.kinds ?? {}) };
        if (on) kinds[input.kind] = { templateId: input.templateId, keywords: input.keywords, updatedBy: user._id, updatedAt: ctx.now };
        else delete kinds[input.kind];
        await tx.set(NOTICE_SETTINGS, user.communityId, { communityId: user.communityId, kinds, updatedAt: ctx.now });
        return { kind: kindView(input.kind, kinds[input.kind]) };
      }),
    );
  },
);

/** A sample message of a kind to the admin themself, through the same path every message takes. */
export const testNotice = action(z.object({ kind, requestId }), async function testNotice(ctx: Ctx, input) {
  const user = await requireAdmin(ctx);
  const key = requestKey(user._id, 'user', 'testNotice', input.requestId);
  const prior = key ? await docs.get<{ result: TestNoticeResult }>(REQUESTS, key) : null;
  if (prior) return prior.result;
  let result: TestNoticeResult;
  try {
    const sent = await deliver(user, input.kind, kindSpec(input.kind).page, sampleValues(input.kind, ctx.now));
    result = sent
      ? { sent: true, message: '测试消息已发出，请在微信“服务通知”中查看', templateId: sent.templateId, data: sent.data }
      : { sent: false, message: '这类消息还没有填写模板ID，请先保存' };
  } catch (e) {
    result = { sent: false, message: refusalText(e) };
  }
  if (key) await docs.set(REQUESTS, key, { result, createdAt: ctx.now });
  return result;
});
