import type { AccountKind, ReconcileReport } from '../../typings/points';
import { maskName } from '../core/mask';
import { docs, findMany } from '../platform/store';
import { groupSum } from '../platform/aggregate';
import { USERS, UserDoc } from '../user/model';
import { ACCOUNTS, AccountDoc, ENTRIES, GOODS, GoodsDoc, HOLDING_ORDER, ORDERS, accountId, ofAccount } from './model';

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

/** Every balance of the community (积分 and 先锋积分) recomputed from its entries, every stock from its orders. */
export async function reconcileCommunity(communityId: string, now: number): Promise<ReconcileReport> {
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
    checkedAt: now,
  };
}

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const users = await findMany<UserDoc>(USERS, { _id: { $in: ids } }, { limit: ids.length });
  return new Map(users.map((u) => [u._id, maskName(u.displayName)]));
}

async function namesOfAll(ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100) for (const [k, v] of await namesOf(ids.slice(i, i + 100))) out.set(k, v);
  return out;
}
