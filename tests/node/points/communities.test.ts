import { call, newRequestId, ok } from '../support/cloud';
import { newCommunity } from '../support/map';
import { give, where } from '../support/points';
import { newVolunteer } from '../support/wish';

/** Moves a person to a community by its poster, as the front door does: login offers, bindCommunity moves. */
async function moveTo(openid: string, code: string): Promise<void> {
  const { moveOffer } = await ok('user', { action: 'login', scene: `c=${code}` }, openid);
  await ok('user', { action: 'bindCommunity', scene: moveOffer.scene, requestId: newRequestId() }, openid);
}

describe('points belong to a community', () => {
  it('points earned in one community are not spent in another; each reconciles its own', async () => {
    const volunteer = await newVolunteer();
    const userId = await give(volunteer, 260);
    const other = await newCommunity();
    const { goods } = await ok('points', { action: 'manageGoods', op: 'create', name: '海晏大米', cost: 100, stock: 5, pickupPlace: '海晏社区服务台', perPersonLimit: 2, requestId: newRequestId() }, other.admin);

    await moveTo(volunteer, other.code);
    const refused = await call('points', { action: 'redeem', goodsId: goods.id, requestId: newRequestId() }, volunteer);
    expect(refused).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    expect((refused as any).message).toContain('积分不足');
    const here = await ok('points', { action: 'balance' }, volunteer);
    expect(here).toMatchObject({ balance: 0, earned: 0, spent: 0 });
    expect(here.elsewhere).toEqual([{ communityId: 'c_beihai', communityName: '北海社区', balance: 260 }]);

    // Earned here, spent here, reconciled here.
    await ok('points', { action: 'award', userId, points: 150, reason: '参加海晏社区志愿服务', requestId: newRequestId() }, other.admin);
    const { balance } = await ok('points', { action: 'redeem', goodsId: goods.id, requestId: newRequestId() }, volunteer);
    expect(balance).toBe(50);
    const history = await ok('points', { action: 'history' }, volunteer);
    expect(history.items.map((e: any) => e.amount)).toEqual([-100, 150]);
    const report = await ok('points', { action: 'reconcile' }, other.admin);
    expect(report).toMatchObject({ accounts: 1, entries: 2, mismatches: [], negative: 0 });
    const entries = await where('points_entries', { userId });
    expect(entries.filter((e: any) => e.communityId === other.id).reduce((s: number, e: any) => s + e.amount, 0)).toBe(50);
    expect(entries.filter((e: any) => e.communityId === 'c_beihai').reduce((s: number, e: any) => s + e.amount, 0)).toBe(260);

    // Back home: the old balance is spendable there again, this one stays behind.
    await moveTo(volunteer, 'beihai');
    const home = await ok('points', { action: 'balance' }, volunteer);
    expect(home).toMatchObject({ balance: 260, earned: 260 });
    expect(home.elsewhere).toEqual([{ communityId: other.id, communityName: expect.stringContaining('测试社区'), balance: 50 }]);
    const mine = (await ok('points', { action: 'reconcile' }, 'demo-admin')).mismatches.filter((m: any) => m.userId === userId);
    expect(mine).toEqual([]);
  });

  it('an order placed before moving away is refunded to the community it was spent in', async () => {
    const volunteer = await newVolunteer();
    await give(volunteer, 100);
    const { goods } = await ok('points', { action: 'manageGoods', op: 'create', name: '搬家前兑换', cost: 40, stock: 5, pickupPlace: '服务台', perPersonLimit: 1, requestId: newRequestId() }, 'demo-staff');
    const { order } = await ok('points', { action: 'redeem', goodsId: goods.id, requestId: newRequestId() }, volunteer);
    const other = await newCommunity();
    await moveTo(volunteer, other.code);
    await ok('points', { action: 'cancelOrder', id: order.id, reason: '居民搬走', requestId: newRequestId() }, 'demo-staff');
    const after = await ok('points', { action: 'balance' }, volunteer);
    expect(after.balance).toBe(0);
    expect(after.elsewhere).toEqual([{ communityId: 'c_beihai', communityName: '北海社区', balance: 100 }]);
  });
});
