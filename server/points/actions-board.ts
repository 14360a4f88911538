import * as z from 'zod/mini';
import type { AccountKind, LeaderboardRow, LeaderboardScope, ReconcileReport } from '../../typings/points';
import { action } from '../core/define';
import { forbidden, notFound } from '../core/errors';
import { dayjs, localDate, ZONE, DAY_MS } from '../core/time';
import { maskName } from '../core/mask';
import { PAGE_MAX } from '../core/paging';
import { docs, findMany } from '../platform/store';
import { groupSum, readWith } from '../platform/aggregate';
import { requireMember } from '../user/caller';
import { USERS, UserDoc, defaultName, hasRole } from '../user/model';
import { COMMUNITIES, GRIDS, GridDoc, shortGridName } from '../community/model';
import { SEASONS, type SeasonDoc } from '../community/seasons';
import { ACCOUNTS, AccountDoc, ENTRIES, GOODS, GoodsDoc, HOLDING_ORDER, ORDERS, accountId, ofAccount } from './model';
import type { PointsCtx } from './context';
import { earnedTotals, rankTotals } from './rank';

const RECENT_DAYS = 90;

/** Midnight starting a Shanghai calendar day, in epoch ms. */
const dayStart = (date: string) => dayjs.tz(date, 'YYYY-MM-DD', ZONE).valueOf();

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const users = await findMany<UserDoc>(USERS, { _id: { $in: ids } }, { limit: ids.length });
  return new Map(users.map((u) => [u._id, maskName(u.displayName)]));
}

/**
 * How the board tells people apart without naming them: the masked name (a stand-in name such as
 * 居民81BE, the same for everyone who has not chosen one, keeps its last two characters: 居民**BE),
 * and the grid they live in, short (第三网格).
 */
function boardNamesOf(communityId: string, users: UserDoc[], grids: GridDoc[]): Map<string, { name: string; grid?: string }> {
  const gridNames = new Map(grids.map((g) => [g._id, shortGridName(g.name)]));
  return new Map(
    users.map((u) => {
      const grid = u.communityId === communityId && u.gridId ? gridNames.get(u.gridId) : undefined;
      const name = u.displayName === defaultName(u._id) ? `居民**${u.displayName.slice(-2)}` : maskName(u.displayName);
      return [u._id, { name, ...(grid ? { grid } : {}) }];
    }),
  );
}

/** 光荣榜: who earned most in the season under way (or the one asked for), else in the last 90 days. Names masked. */
const seasonId = z.string({ error: '季编号不正确' }).check(z.regex(/^[\w-]{1,64}\.s\d{1,4}$/, '季编号不正确'));

export const leaderboard = action(z.object({ seasonId: z.optional(seasonId) }), async function leaderboard(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  const communityId = user.communityId;
  const today = localDate(ctx.now);
  // The seasons and the grids (for the short grid names), beside the community: one request.
  const got = await readWith(COMMUNITIES, communityId, {
    seasons: { from: SEASONS, where: { communityId }, orderBy: [['number', 'desc']], limit: 50 },
    grids: { from: GRIDS, where: { communityId }, limit: 100 },
  });
  const seasons = (got?.rows.seasons ?? []) as unknown as SeasonDoc[];
  const season = input.seasonId ? seasons.find((s) => s._id === input.seasonId) : seasons.find((s) => s.startDate <= today && today <= s.endDate);
  if (input.seasonId && !season) throw notFound('没有这一季');
  const scope: LeaderboardScope = season
    ? { kind: 'season', name: season.name, startDate: season.startDate, endDate: season.endDate }
    : { kind: 'recent', name: `近${RECENT_DAYS}天`, startDate: localDate(ctx.now - (RECENT_DAYS - 1) * DAY_MS), endDate: today };
  const at = season ? { $gte: dayStart(season.startDate), $lt: dayStart(season.endDate) + DAY_MS } : { $gte: ctx.now - RECENT_DAYS * DAY_MS, $lte: ctx.now };
  const { totals, users } = await earnedTotals({ communityId, at, ...ofAccount('points') });
  const rows = rankTotals(totals);
  const top = rows.slice(0, PAGE_MAX);
  const mine = rows.find((r) => r.userId === user._id);
  const shown = [...top, ...(mine ? [mine] : [])].flatMap((r) => users.get(r.userId) ?? []);
  const names = boardNamesOf(communityId, shown, (got?.rows.grids ?? []) as unknown as GridDoc[]);
  const view = (r: (typeof rows)[number]): LeaderboardRow => ({ rank: r.rank, name: '居民', ...names.get(r.userId), points: r.points, me: r.userId === user._id });
  return { scope, items: top.map(view), me: mine ? view(mine) : undefined };
});

/** Every document of a collection matching a filter, 1000 at a time. */
async function all<T>(coll: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const rows = await findMany<T>(coll, where, { orderBy: [['_id', 'asc']], skip: out.length, limit: 1000 });
    out.push(...rows);
    if (rows.length < 1000) return out;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One account's balance against the sum of its entries, read so that a write in between cannot fool it. */
async function accountAgrees(communityId: string, userId: string, kind: AccountKind): Promise<{ ok: boolean; balance: number | null; sum: number; n: number }> {
  const id = accountId(communityId, userId, kind);
  for (let attempt = 0; ; attempt++) {
    const before = await docs.get<AccountDoc>(ACCOUNTS, id);
    const [row] = await groupSum<{ total: number }>(ENTRIES, { match: { communityId, userId, ...ofAccount(kind) }, by: 'userId', sum: { total: 'amount' } });
    const after = await docs.get<AccountDoc>(ACCOUNTS, id);
    const sum = row?.total ?? 0;
    const balance = after?.balance ?? null;
    if (same(before, after) || attempt >= 4) return { ok: (balance ?? 0) === sum && (balance === null) === !row, balance, sum, n: row?.n ?? 0 };
  }
}

/**
 * The accounts of one kind in a community against their entries. Suspects found in the bulk pass
 * are read again one by one, so that writes racing the check are not reported as mismatches.
 */
async function reconcileAccounts(communityId: string, kind: AccountKind) {
  const accounts = await all<AccountDoc>(ACCOUNTS, { communityId, ...ofAccount(kind) });
  const balances = new Map(accounts.map((a) => [a.userId, a.balance]));
  const sums = new Map<string, { total: number; n: number }>();
  for (let i = 0; i < accounts.length; i += 100) {
    const ids = accounts.slice(i, i + 100).map((a) => a.userId);
    for (const r of await groupSum<{ total: number }>(ENTRIES, { match: { communityId, userId: { $in: ids }, ...ofAccount(kind) }, by: 'userId', sum: { total: 'amount' } })) sums.set(r._id, r);
  }
  // People with entries here but no account of this kind in this community.
  const here = await groupSum<{ total: number }>(ENTRIES, { match: { communityId, ...ofAccount(kind) }, by: 'userId', sum: { total: 'amount' } });
  const suspects = new Set<string>();
  for (const a of accounts) if (a.balance !== (sums.get(a.userId)?.total ?? 0) || a.balance < 0) suspects.add(a.userId);
  for (const r of here) if (!balances.has(r._id) && !(await docs.get<AccountDoc>(ACCOUNTS, accountId(communityId, r._id, kind)))) suspects.add(r._id);
  const mismatches: ReconcileReport['mismatches'] = [];
  const names = await namesOfAll([...suspects]);
  for (const userId of suspects) {
    const check = await accountAgrees(communityId, userId, kind);
    if (!check.ok) mismatches.push({ userId, name: names.get(userId) ?? '居民', ...(kind === 'vanguard' ? { account: kind } : {}), balance: check.balance, sumOfEntries: check.sum, entries: check.n });
  }
  return { accounts: accounts.length, entries: [...sums.values()].reduce((n, r) => n + r.n, 0), mismatches, negative: accounts.filter((a) => a.balance < 0).length };
}

async function stockAgrees(goodsId: string): Promise<{ ok: boolean; goods: GoodsDoc | null; held: number }> {
  for (let attempt = 0; ; attempt++) {
    const before = await docs.get<GoodsDoc>(GOODS, goodsId);
    const [row] = await groupSum<{ q: number }>(ORDERS, { match: { goodsId, status: { $in: HOLDING_ORDER } }, by: 'goodsId', sum: { q: 'quantity' } });
    const after = await docs.get<GoodsDoc>(GOODS, goodsId);
    const held = row?.q ?? 0;
    if (same(before, after) || attempt >= 4) return { ok: !!after && after.stock >= 0 && after.stock + held === after.supplied, goods: after, held };
  }
}

/** Admin: every balance of the community (积分 and 先锋积分) recomputed from its entries, every stock from its orders. */
export const reconcile = action(z.object({}), async function reconcile(ctx: PointsCtx): Promise<ReconcileReport> {
  const user = await requireMember(ctx.openid);
  if (!hasRole(user, 'admin')) throw forbidden('只有管理员可以对账');
  const communityId = user.communityId;
  const kinds = [await reconcileAccounts(communityId, 'points'), await reconcileAccounts(communityId, 'vanguard')];

  const goods = await all<GoodsDoc>(GOODS, { communityId });
  const heldRows = await groupSum<{ q: number }>(ORDERS, { match: { communityId, status: { $in: HOLDING_ORDER } }, by: 'goodsId', sum: { q: 'quantity' } });
  const held = new Map(heldRows.map((r) => [r._id, r.q]));
  const stockMismatches: ReconcileReport['stockMismatches'] = [];
  for (const g of goods) {
    if (g.stock >= 0 && g.stock + (held.get(g._id) ?? 0) === g.supplied) continue;
    const check = await stockAgrees(g._id);
    if (!check.ok) stockMismatches.push({ goodsId: g._id, name: g.name, stock: check.goods?.stock ?? 0, supplied: check.goods?.supplied ?? 0, held: check.held });
  }

  return {
    accounts: kinds.reduce((n, k) => n + k.accounts, 0),
    entries: kinds.reduce((n, k) => n + k.entries, 0),
    mismatches: kinds.flatMap((k) => k.mismatches),
    negative: kinds.reduce((n, k) => n + k.negative, 0),
    goods: goods.length,
    stockMismatches,
    checkedAt: ctx.now,
  };
});

async function namesOfAll(ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100) for (const [k, v] of await namesOf(ids.slice(i, i + 100))) out.set(k, v);
  return out;
}
