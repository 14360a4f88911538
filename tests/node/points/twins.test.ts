import { call, newRequestId } from '../support/cloud';
import { newResident } from '../support/wish';
import { account, doc, give, newGoods, where } from '../support/points';

const all = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

/**
 * A request sent twice at once with one requestId (a double tap on a slow network): whichever
 * copy commits second must answer with the first one's result, not with the refusal the first
 * one's write now causes ("请求编号重复", "已兑完", "已核销").
 */
describe('twin requests with one requestId', () => {
  it('an award, a redemption of the last piece and a pickup each answer both twins alike and write once', async () => {
    const people = await all(10, () => newResident());
    const ids = await all(10, (i) => give(people[i], 30));
    const goods = await all(10, (i) => newGoods({ name: `双击商品${i}`, cost: 10, stock: 1, perPersonLimit: 1 }));
    const twice = (fn: string, event: Record<string, unknown>, openid: string) => {
      const e = { ...event, requestId: newRequestId() };
      return Promise.all([call(fn, e, openid), call(fn, e, openid)]);
    };

    const awards = await all(10, (i) => twice('points', { action: 'award', userId: ids[i], points: 5, reason: '双击奖励' }, 'demo-staff'));
    const redeems = await all(10, (i) => twice('points', { action: 'redeem', goodsId: goods[i] }, people[i]));
    const codes = await all(10, async (i) => (await where('points_orders', { goodsId: goods[i] }))[0]?.code);
    const verifies = await all(10, (i) => twice('points', { action: 'verify', code: codes[i] }, 'demo-staff'));

    for (const [pairs, idOf] of [
      [awards, (d: any) => d.entry.id],
      [redeems, (d: any) => d.order.id],
      [verifies, (d: any) => d.order.id],
    ] as const) {
      for (const [a, b] of pairs) {
        expect([a, b]).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
        if (a.ok && b.ok) expect(idOf(b.data)).toBe(idOf(a.data));
      }
    }
    for (let i = 0; i < 10; i++) {
      expect(await where('points_entries', { userId: ids[i], reason: '双击奖励' })).toHaveLength(1);
      expect(await where('points_orders', { goodsId: goods[i] })).toHaveLength(1);
      expect((await doc('points_goods', goods[i])).stock).toBe(0);
      expect((await account(ids[i])).balance).toBe(30 + 5 - 10);
    }
  });
});
