import * as z from 'zod/mini';
import { RULE_LABELS, type EntryKind } from '../../typings/points';
import { action } from '../core/define';
import { AppError, conflict, exhausted, forbidden, invalid, notFound } from '../core/errors';
import { requestId } from '../core/validation';
import { afterCursor, cursor, keysetPage, limit, PAGE_MAX, type Order } from '../core/paging';
import { maskName } from '../core/mask';
import { docs, findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember, assertStaff } from '../user/caller';
import { USERS, UserDoc } from '../user/model';
import { post, reverse as reverseEntry } from './ledger';
import { COMMUNITIES, CommunityDoc } from '../community/model';
import { ACCOUNTS, AccountDoc, ENTRIES, EntryDoc, accountId, ofAccount } from './model';
import { RULES, RulesDoc, pointsFor, rulesView } from './rules';
import { PointsCtx, audit, newId } from './context';
import { id, points, reason, ruleKey, rulePoints } from './schemas';
import { toEntry } from './view';

const KINDS = ['earn', 'spend', 'refund', 'adjust'] as const;

/** The balance of the caller's community, and what they left in communities they lived in before (shown, not spendable here). */
export const balance = action(z.object({}), async function balance(ctx: PointsCtx) {
  const user = await requireMember(ctx.openid);
  const accounts = await findMany<AccountDoc>(ACCOUNTS, { userId: user._id }, { orderBy: [['updatedAt', 'desc']], limit: 20 });
  const here = accounts.find((a) => a._id === accountId(user.communityId, user._id));
  const left = accounts.filter((a) => a.communityId !== user.communityId && !a.account && a.balance > 0);
  const names = left.length ? await findMany<CommunityDoc>(COMMUNITIES, { _id: { $in: left.map((a) => a.communityId) } }, { limit: left.length }) : [];
  const elsewhere = left.map((a) => ({ communityId: a.communityId, communityName: names.find((c) => c._id === a.communityId)?.name ?? '原社区', balance: a.balance }));
  return { balance: here?.balance ?? 0, earned: here?.earned ?? 0, spent: here?.spent ?? 0, ...(elsewhere.length ? { elsewhere } : {}) };
});

const LEDGER_ORDER: Order = [['at', 'desc'], ['_id', 'desc']];

export const history = action(z.object({ kind: z.optional(z.enum(KINDS, { error: '记录类型不正确' })), cursor, limit }), async function history(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  const size = input.limit ?? PAGE_MAX;
  // The entries of this community's account: their balances after are that account's.
  const where = { userId: user._id, communityId: user.communityId, ...ofAccount('points'), ...(input.kind ? { kind: input.kind as EntryKind } : {}) };
  // A ledger grows for years: pages follow the last entry's key, never skip.
  const after = afterCursor(input.cursor, LEDGER_ORDER);
  const rows = await findMany<EntryDoc>(ENTRIES, after ? { ...where, $or: after } : where, { orderBy: LEDGER_ORDER, limit: size + 1 });
  return keysetPage(rows, size, LEDGER_ORDER, toEntry);
});

export const rules = action(z.object({}), async function rules(ctx: PointsCtx) {
  const user = await requireMember(ctx.openid);
  return { rules: rulesView(await docs.get<RulesDoc>(RULES, user.communityId)) };
});

export const setRules = action(
  z.object({ values: z.partialRecord(ruleKey, rulePoints, { error: '请填写积分规则' }), reason: z.optional(reason('调整原因')), requestId }),
  async function setRules(ctx: PointsCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user);
    if (!Object.keys(input.values).length) throw invalid('请至少调整一项积分规则');
    const doc = await transact((tx) =>
      once(tx, requestKey(user._id, 'points', 'setRules', input.requestId), async () => {
        const cur = await tx.get<RulesDoc>(RULES, user.communityId);
        const values = { ...(cur?.values ?? {}), ...input.values };
        const changes = Object.fromEntries(
          Object.entries(input.values)
            .filter(([k, v]) => rulesView(cur).find((r) => r.key === k)?.points !== v)
            .map(([k, v]) => [k, { from: rulesView(cur).find((r) => r.key === k)?.points ?? null, to: v }]),
        );
        const next: RulesDoc = { _id: user.communityId, values, updatedBy: user._id, updatedAt: ctx.now };
        await tx.set(RULES, user.communityId, next);
        if (Object.keys(changes).length) await audit(tx, user, user.communityId, ctx.now, { action: 'rules.set', target: { type: 'rules', id: user.communityId }, reason: input.reason, changes });
        return next;
      }),
    );
    return { rules: rulesView(doc) };
  },
);

/** A person of the caller's community, by id; another community's people are not ours to find. */
async function memberOf(communityId: string, userId: string): Promise<UserDoc> {
  const target = await docs.get<UserDoc>(USERS, userId);
  if (!target || target.communityId !== communityId) throw notFound('没有找到这位居民');
  return target;
}

export const award = action(
  z.object({ userId: id('居民编号'), points: z.optional(points), rule: z.optional(ruleKey), reason: reason('奖励原因'), requestId }),
  async function award(ctx: PointsCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有本社区的工作人员可以奖励积分');
    if (input.points === undefined && !input.rule) throw invalid('请填写奖励积分或选择积分规则');
    if (input.userId === user._id) throw forbidden('不能给自己奖励积分');
    const target = await memberOf(user.communityId, input.userId);
    const entryKey = await transact((tx) =>
      once(tx, requestKey(user._id, 'points', 'award', input.requestId), async () => {
        const amount = input.points ?? (await pointsFor(tx, user.communityId, input.rule!));
        if (amount <= 0) throw invalid('该积分规则的分值为0，请直接填写积分');
        const why = input.rule ? `${RULE_LABELS[input.rule]}：${input.reason}` : input.reason;
        const { entry, duplicate } = await post(tx, {
          userId: target._id,
          communityId: user.communityId,
          amount,
          kind: 'earn',
          source: { type: 'award', id: input.requestId ?? newId('aw') },
          reason: why,
          by: user._id,
          at: ctx.now,
        });
        if (duplicate) throw conflict('请求编号重复，请刷新后重试');
        await audit(tx, user, user.communityId, ctx.now, {
          action: 'award',
          target: { type: 'entry', id: entry._id },
          reason: why,
          changes: { balance: { from: entry.balanceAfter - amount, to: entry.balanceAfter } },
        });
        return entry._id;
      }),
    );
    const entry = (await docs.get<EntryDoc>(ENTRIES, entryKey))!;
    return { entry: toEntry(entry), holder: maskName(target.displayName) };
  },
);

export const reverse = action(z.object({ entryId: z.string({ error: '缺少积分记录' }).check(z.regex(/^[\w.-]{1,200}$/, '积分记录不正确')), reason: reason('冲正原因'), requestId }), async function reverse(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有本社区的工作人员可以冲正积分');
  const result = await transact((tx) =>
    once(tx, requestKey(user._id, 'points', 'reverse', input.requestId), async () => {
      const original = await tx.get<EntryDoc>(ENTRIES, input.entryId);
      if (!original || original.communityId !== user.communityId) throw notFound('积分记录不存在');
      let out;
      try {
        out = await reverseEntry(tx, original._id, user._id, ctx.now, `冲正：${input.reason}`);
      } catch (e) {
        if (e instanceof AppError && e.code === 'RESOURCE_EXHAUSTED') throw exhausted('该居民的积分已经用掉，余额不足以冲正，请联系管理员');
        throw e;
      }
      if (out.duplicate) throw conflict('这条积分记录已经冲正过了');
      await audit(tx, user, user.communityId, ctx.now, { action: 'reverse', target: { type: 'entry', id: original._id }, reason: input.reason, changes: { amount: { from: original.amount, to: 0 } } });
      return { entryId: out.entry._id, userId: original.userId };
    }),
  );
  const [entry, holder] = await Promise.all([docs.get<EntryDoc>(ENTRIES, result.entryId), docs.get<UserDoc>(USERS, result.userId)]);
  return { entry: toEntry(entry!), holder: maskName(holder?.displayName) };
});
