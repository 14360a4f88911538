import { call, newRequestId, ok } from '../support/cloud';
import { newResident, userIdOf } from '../support/wish';
import { account as accountOf, ageOrder, countOf, doc, fireTimer, give, newGoods, where } from '../support/points';
import { seedsFrom } from '../support/seeds';

/** Real parallel calls: the local cloud runs up to 4 instances of the function, so these contend. */
const all = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

/**
 * Each user's balance is the sum of their entries; no entry leaves a balance below zero.
 * An account is created by its first entry, so someone who never earned has neither (as the
 * server's reconcile and `balance` read it): no account means zero and no entries.
 */
async function ledgerAgrees(userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    const entries = await where('points_entries', { userId, communityId: 'c_beihai' });
    const account = await accountOf(userId);
    if (!account) {
      expect(entries).toEqual([]);
      continue;
    }
    expect(account.balance).toBe(entries.reduce((s: number, e: any) => s + e.amount, 0));
    expect(account.balance).toBeGreaterThanOrEqual(0);
    for (const e of entries) expect(e.balanceAfter).toBeGreaterThanOrEqual(0);
  }
}

describe('races', () => {
  it('stock 10 and 200 concurrent redemptions: exactly 10 orders, stock 0, 10 spend entries', async () => {
    const started = Date.now();
    const goodsId = await newGoods({ name: '抢兑大米', cost: 10, stock: 10, perPersonLimit: 2 });
    const people = await all(50, () => newResident());
    const ids = await all(50, (i) => give(people[i], 100));

    const results = await all(200, (i) => call('points', { action: 'redeem', goodsId, requestId: newRequestId() }, people[i % 50]));
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok) as Array<{ ok: false; code: string; message: string }>;
    expect(won.length).toBe(10);
    expect(lost.every((r) => r.code === 'RESOURCE_EXHAUSTED')).toBe(true);
    expect(lost.every((r) => /已兑完|每人限兑/.test(r.message))).toBe(true);

    const goods = await doc('points_goods', goodsId);
    expect(goods).toMatchObject({ stock: 0, supplied: 10 });
    const orders = await where('points_orders', { goodsId });
    expect(orders).toHaveLength(10);
    expect(new Set(orders.map((o: any) => o.code)).size).toBe(10);
    const spends = await where('points_entries', { 'source.type': 'order', kind: 'spend', 'source.id': { $in: orders.map((o: any) => o._id) } } as any);
    expect(spends).toHaveLength(10);
    expect(await countOf('points_entries', { kind: 'spend', reason: '兑换：抢兑大米×1' })).toBe(10);
    const holdings = await where('points_holdings', { goodsId });
    expect(holdings.every((h: any) => h.count <= 2)).toBe(true);
    expect(holdings.reduce((s: number, h: any) => s + h.count, 0)).toBe(10);
    const balances = await all(50, (i) => accountOf(ids[i]));
    expect(balances.reduce((s, a) => s + a.balance, 0)).toBe(50 * 100 - 10 * 10);
    await ledgerAgrees(ids);
    console.log(`[race] 200 redemptions of stock 10 by 50 people: ${won.length} orders, ${lost.length} refused (${[...new Set(lost.map((r) => r.message.replace(/\d+/g, 'N')))].join(' / ')}), ${Date.now() - started} ms`);
  });

  it('one balance spent by concurrent redemptions never goes negative', async () => {
    const resident = await newResident();
    const userId = await give(resident, 100);
    const goods = await all(5, (i) => newGoods({ name: `抢兑商品${i}`, cost: 30, stock: 50, perPersonLimit: 10 }));
    const results = await all(24, (i) => call('points', { action: 'redeem', goodsId: goods[i % 5], requestId: newRequestId() }, resident));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.code === 'RESOURCE_EXHAUSTED' && /积分不足/.test(r.message))).toHaveLength(21);
    expect((await accountOf(userId)).balance).toBe(10);
    await ledgerAgrees([userId]);
    const stock = await all(5, (i) => doc('points_goods', goods[i]));
    expect(stock.reduce((s, g) => s + (50 - g.stock), 0)).toBe(3);
  });

  it('cancel, expiry and pickup racing on the same orders: each ends once, refunds at most once', async () => {
    const goodsId = await newGoods({ name: '竞态商品', cost: 10, stock: 20, perPersonLimit: 20 });
    const resident = await newResident();
    const userId = await give(resident, 200);
    const orders = (await all(8, () => ok('points', { action: 'redeem', goodsId }, resident))).map((r) => r.order);
    await all(8, (i) => ageOrder(orders[i].id, { expiresAt: Date.now() - 1000 }));
    await Promise.all([
      ...orders.map((o) => call('points', { action: 'cancelOrder', id: o.id }, resident)),
      ...orders.map((o) => call('points', { action: 'verify', code: o.pickupCode }, 'demo-staff')),
      fireTimer('points', 'expireOrders'),
      call('points', { action: 'orders' }, resident),
    ]);
    for (const o of orders) {
      const stored = await doc('points_orders', o.id);
      expect(['cancelled', 'expired']).toContain(stored.status);
      expect(stored.events).toHaveLength(2);
      expect(await where('points_entries', { 'source.id': o.id, kind: 'refund' })).toHaveLength(1);
    }
    expect((await doc('points_goods', goodsId)).stock).toBe(20);
    expect((await accountOf(userId)).balance).toBe(200);
    await ledgerAgrees([userId]);
  });
});

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}

describe('a randomized parallel run of earn / redeem / cancel / expire / verify, then reconcile', () => {
  const SEEDS = seedsFrom(process.env.POINTS_SEED, 20260101);
  const ROUNDS = 8;
  const OPS = 40;

  it.each(SEEDS)('seed %i: zero mismatches', async (seed) => {
    const r = rng(seed);
    const started = Date.now();
    const people = await all(12, () => newResident());
    const ids = await all(12, (i) => userIdOf(people[i]));
    const goods = await all(4, (i) => newGoods({ name: `随机商品${seed % 1000}-${i}`, cost: r.int(5, 40), stock: r.int(4, 10), perPersonLimit: r.int(1, 3) }));
    const pending: Array<{ id: string; code: string; owner: string }> = [];
    const tally: Record<string, number> = {};
    const count = (k: string) => (tally[k] = (tally[k] ?? 0) + 1);

    for (let round = 0; round < ROUNDS; round++) {
      const ops: Array<() => Promise<unknown>> = [];
      for (let i = 0; i < OPS; i++) {
        const kind = r.pick(['award', 'award', 'redeem', 'redeem', 'redeem', 'cancel', 'expire', 'verify', 'restock', 'reverse']);
        const who = r.int(0, people.length - 1);
        const order = pending.length ? pending[r.int(0, pending.length - 1)] : undefined;
        const run = async (): Promise<unknown> => {
          if (kind === 'award') return call('points', { action: 'award', userId: ids[who], points: r.int(1, 60), reason: '随机志愿服务', requestId: newRequestId() }, 'demo-staff');
          if (kind === 'redeem') {
            const res = await call('points', { action: 'redeem', goodsId: r.pick(goods), quantity: r.int(1, 2), requestId: newRequestId() }, people[who]);
            if (res.ok) pending.push({ id: res.data.order.id, code: res.data.order.pickupCode, owner: people[who] });
            return res;
          }
          if (kind === 'cancel' && order) return call('points', { action: 'cancelOrder', id: order.id, requestId: newRequestId() }, order.owner);
          if (kind === 'expire' && order) {
            await ageOrder(order.id, { expiresAt: Date.now() - 1 });
            return fireTimer('points', 'expireOrders');
          }
          if (kind === 'verify' && order) return call('points', { action: 'verify', code: order.code }, 'demo-staff');
          if (kind === 'restock') return call('points', { action: 'manageGoods', op: 'restock', id: r.pick(goods), quantity: r.int(1, 3) }, 'demo-staff');
          if (kind === 'reverse') {
            const [e] = await where('points_entries', { userId: ids[who], kind: 'earn' });
            if (e) return call('points', { action: 'reverse', entryId: e._id, reason: '随机冲正' }, 'demo-staff');
          }
          return { ok: true, data: 'skipped' };
        };
        ops.push(async () => {
          const res: any = await run();
          const outcome = res?.data === 'skipped' ? 'skipped' : res?.ok ? 'ok' : res?.code;
          count(`${kind}:${outcome}`);
          if (res && res.ok === false) expect(res.code).not.toBe('INTERNAL');
        });
      }
      await Promise.all(ops.map((op) => op()));
    }

    const report = await ok('points', { action: 'reconcile' }, 'demo-admin');
    expect(report.mismatches).toEqual([]);
    expect(report.stockMismatches).toEqual([]);
    expect(report.negative).toBe(0);

    // And independently of reconcile: balances, stock and every order's entries.
    await ledgerAgrees(ids);
    for (const g of goods) {
      const d = await doc('points_goods', g);
      const held = (await where('points_orders', { goodsId: g })).filter((o: any) => o.status === 'pending' || o.status === 'redeemed').reduce((s: number, o: any) => s + o.quantity, 0);
      expect(d.stock).toBeGreaterThanOrEqual(0);
      expect(d.stock + held).toBe(d.supplied);
    }
    for (const o of pending) {
      const stored = await doc('points_orders', o.id);
      const entries = await where('points_entries', { 'source.id': o.id });
      expect(entries.filter((e: any) => e.kind === 'spend')).toHaveLength(1);
      expect(entries.filter((e: any) => e.kind === 'refund')).toHaveLength(stored.status === 'cancelled' || stored.status === 'expired' ? 1 : 0);
      expect(stored.events.length).toBe(stored.status === 'pending' ? 1 : 2);
    }
    const total = Object.values(tally).reduce((s, n) => s + n, 0);
    console.log(
      `[random] seed ${seed}: ${ROUNDS} rounds × ${OPS} parallel ops = ${total} ops, ${pending.length} orders; reconcile: ${report.accounts} accounts, ${report.entries} entries, ${report.goods} goods, ` +
        `${report.mismatches.length} balance and ${report.stockMismatches.length} stock mismatches; ${Date.now() - started} ms\n  ${Object.entries(tally)
          .sort()
          .map(([k, n]) => `${k}=${n}`)
          .join(' ')}`,
    );
  });
});
