import { call, newRequestId, ok } from '../support/cloud';
import { newResident, newVolunteer, userIdOf } from '../support/wish';
import { account, ageOrder, doc, expectNoWrite, fireTimer, give, newGoods, where } from '../support/points';

const DAY = 24 * 3600 * 1000;

describe('the mall', () => {
  it('staff create, edit, restock, take off and put back goods; every change is audited', async () => {
    const created = await ok(
      'points',
      { action: 'manageGoods', op: 'create', name: '大米 5kg', description: '本地粳米', cost: 100, stock: 5, pickupPlace: '党群服务中心一楼服务台', perPersonLimit: 1 },
      'demo-staff',
    );
    expect(created.goods).toMatchObject({ name: '大米 5kg', cost: 100, stock: 5, provider: '北海社区', status: 'on_shelf', supplied: 5, myRemaining: 1 });
    const id = created.goods.id;

    const edited = await ok('points', { action: 'manageGoods', op: 'edit', id, cost: 90, unitId: 'unit_power', reason: '供电公司赞助' }, 'demo-staff');
    expect(edited.goods).toMatchObject({ cost: 90, provider: '国网东台市供电公司', unitId: 'unit_power' });
    const restocked = await ok('points', { action: 'manageGoods', op: 'restock', id, quantity: 3 }, 'demo-staff');
    expect(restocked.goods).toMatchObject({ stock: 8, supplied: 8 });
    await ok('points', { action: 'manageGoods', op: 'offShelf', id, reason: '春节暂停兑换' }, 'demo-staff');

    // Off the shelf: gone for residents, still there for staff.
    const resident = await newResident();
    const shelf = await ok('points', { action: 'goods' }, resident);
    expect(shelf.items.map((g: any) => g.id)).not.toContain(id);
    expect(await call('points', { action: 'goodsDetail', id }, resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('points', { action: 'redeem', goodsId: id }, resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    const all = await ok('points', { action: 'goods', all: true }, 'demo-staff');
    expect(all.items.find((g: any) => g.id === id)).toMatchObject({ status: 'off_shelf' });

    await ok('points', { action: 'manageGoods', op: 'onShelf', id }, 'demo-staff');
    const detail = await ok('points', { action: 'goodsDetail', id }, resident);
    expect(detail.goods).toMatchObject({ status: 'on_shelf', stock: 8, cost: 90, pickupPlace: '党群服务中心一楼服务台', perPersonLimit: 1 });
    expect(detail.goods.supplied).toBeUndefined();

    // Back to the community's own goods; an edit that changes nothing is not a change.
    const own = await ok('points', { action: 'manageGoods', op: 'edit', id, unitId: null }, 'demo-staff');
    expect(own.goods).toMatchObject({ provider: '北海社区' });
    expect(own.goods.unitId).toBeUndefined();
    await ok('points', { action: 'manageGoods', op: 'edit', id, cost: 90 }, 'demo-staff');

    const log = await ok('points', { action: 'audit', targetId: id }, 'demo-staff');
    expect(log.items.map((a: any) => a.action).reverse()).toEqual(['goods.create', 'goods.edit', 'goods.restock', 'goods.offShelf', 'goods.onShelf', 'goods.edit']);
    expect(log.items[0].changes).toEqual({ unitId: { from: 'unit_power', to: null }, providerName: { from: '国网东台市供电公司', to: '北海社区' } });
    expect(log.items.findLast((a: any) => a.action === 'goods.edit')).toMatchObject({ by: '社区工作者', reason: '供电公司赞助', changes: { cost: { from: 100, to: 90 }, unitId: { from: null, to: 'unit_power' } } });
    expect(log.items.find((a: any) => a.action === 'goods.restock').changes.stock).toEqual({ from: 5, to: 8 });
  });

  it('lists on-shelf goods of my community, at most 20 a page, with what I may still redeem', async () => {
    const id = await newGoods({ name: '面粉 2.5kg', cost: 50, stock: 40, perPersonLimit: 2 });
    const resident = await newResident();
    await give(resident, 50);
    await ok('points', { action: 'redeem', goodsId: id }, resident);
    const first = await ok('points', { action: 'goods', limit: 20 }, resident);
    expect(first.items.length).toBeLessThanOrEqual(20);
    let items = first.items;
    let next = first.next;
    while (next) {
      const page = await ok('points', { action: 'goods', cursor: next }, resident);
      items = items.concat(page.items);
      next = page.next;
    }
    expect(items.every((g: any) => g.status === 'on_shelf')).toBe(true);
    expect(items.find((g: any) => g.id === id)).toMatchObject({ stock: 39, myRemaining: 1, perPersonLimit: 2 });
    expect(await call('points', { action: 'goods', limit: 21 }, resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(/20/) });
  });
});

describe('redeem → verify', () => {
  it('a resident redeems, the providing unit verifies the pickup code, with a full timeline', async () => {
    const goodsId = await newGoods({ name: '健康体检券', cost: 80, stock: 3, unitId: 'unit_hospital', pickupPlace: '北海社区卫生服务站' });
    const resident = await newResident();
    const residentId = await give(resident, 100);

    const redeemed = await ok('points', { action: 'redeem', goodsId, requestId: newRequestId() }, resident);
    expect(redeemed.balance).toBe(20);
    const order = redeemed.order;
    expect(order).toMatchObject({ goodsId, goodsName: '健康体检券', provider: '东台市人民医院', quantity: 1, points: 80, status: 'pending', can: ['cancel'] });
    expect(order.pickupCode).toMatch(/^\d{8}$/);
    expect(order.pickupQr).toBe(`honglin://pickup/${order.pickupCode}`);
    expect(order.expiresAt - order.createdAt).toBe(14 * DAY);
    expect((await ok('points', { action: 'goodsDetail', id: goodsId }, resident)).goods).toMatchObject({ stock: 2, myRemaining: 0 });
    expect((await ok('points', { action: 'balance' }, resident)).balance).toBe(20);
    const spend = await where('points_entries', { 'source.id': order.id });
    expect(spend).toEqual([expect.objectContaining({ userId: residentId, kind: 'spend', amount: -80, balanceAfter: 20 })]);

    // The hospital's member verifies by the QR text, as wx.scanCode reads it.
    const verified = await ok('points', { action: 'verify', code: order.pickupQr }, 'demo-unit');
    expect(verified.order).toMatchObject({ id: order.id, status: 'redeemed', holder: expect.stringMatching(/^居\*+$/) });
    expect(verified.order.pickupCode).toBeUndefined();
    expect(verified.order.timeline.map((e: any) => [e.from, e.to, e.by])).toEqual([
      [null, 'pending', expect.stringMatching(/^居民 居\*+$/)],
      ['pending', 'redeemed', '共建单位 东台市人民医院'],
    ]);
    expect(JSON.stringify(verified)).not.toMatch(/demo-|1385|孙医生/);

    // Twice is refused, and the holder sees it picked up, without the code any more.
    expect(await call('points', { action: 'verify', code: order.pickupCode }, 'demo-staff')).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/已于.*核销/) });
    const mine = await ok('points', { action: 'orders' }, resident);
    expect(mine.items[0]).toMatchObject({ id: order.id, status: 'redeemed', can: [] });
    expect(mine.items[0].pickupCode).toBeUndefined();
    expect(await call('points', { action: 'cancelOrder', id: order.id }, resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    const stored = await doc('points_orders', order.id);
    expect(stored.events.at(-1)).toMatchObject({ from: 'pending', to: 'redeemed', byUserId: 'u_demo_unit', at: expect.any(Number), why: expect.any(String) });
  });

  it('with the demo accounts: demo-resident redeems, demo-staff verifies the typed digits', async () => {
    const goodsId = await newGoods({ name: '洗车卡（单次）', cost: 40, stock: 5, perPersonLimit: 50 });
    await give('demo-resident', 40);
    const before = (await ok('points', { action: 'balance' }, 'demo-resident')).balance;
    const { order, balance } = await ok('points', { action: 'redeem', goodsId }, 'demo-resident');
    expect(balance).toBe(before - 40);
    const verified = await ok('points', { action: 'verify', code: order.pickupCode }, 'demo-staff');
    expect(verified.order).toMatchObject({ status: 'redeemed', holder: '王**' });
    expect(verified.order.timeline.at(-1).by).toBe('社区工作者');
    const history = await ok('points', { action: 'history', kind: 'spend' }, 'demo-resident');
    expect(history.items[0]).toMatchObject({ amount: -40, kind: 'spend', sourceType: 'order', reason: expect.stringMatching(/洗车卡/) });
  });

  it('the wrong unit, a resident and a volunteer cannot verify; nothing is written', async () => {
    const goodsId = await newGoods({ name: '节能LED灯泡', cost: 40, stock: 5, unitId: 'unit_power' });
    const resident = await newResident();
    await give(resident, 40);
    const { order } = await ok('points', { action: 'redeem', goodsId }, resident);
    for (const [who, code] of [
      ['demo-unit', 'FORBIDDEN'],
      ['demo-resident', 'FORBIDDEN'],
      ['demo-volunteer', 'FORBIDDEN'],
      ['demo-gridworker', 'FORBIDDEN'],
      [resident, 'FORBIDDEN'],
    ]) {
      await expectNoWrite(async () => {
        const r = await call('points', { action: 'verify', code: order.pickupCode }, who);
        expect(r).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
      });
    }
    const wrongUnit = await call('points', { action: 'verify', code: order.pickupCode }, 'demo-unit');
    expect(wrongUnit).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/国网东台市供电公司/) });
    // A member of the providing unit may.
    const powerMember = await newVolunteer('unit_member');
    expect((await ok('points', { action: 'verify', code: order.pickupCode }, powerMember)).order.status).toBe('redeemed');
  });

  it.each([
    [{ action: 'verify', code: '1234567' }, 'INVALID_ARGUMENT', /8位数字/],
    [{ action: 'verify', code: 'honglin://pickup/abc' }, 'INVALID_ARGUMENT', /8位数字/],
    [{ action: 'verify' }, 'INVALID_ARGUMENT', /提货码/],
    [{ action: 'verify', code: { $gt: '' } }, 'INVALID_ARGUMENT', /提货码/],
  ])('%j is refused clearly', async (event, code, message) => {
    await expectNoWrite(async () => {
      expect(await call('points', event, 'demo-staff')).toMatchObject({ ok: false, code, message: expect.stringMatching(message) });
    });
  });

  it('an unknown code is not found', async () => {
    // Codes are random; one not issued is overwhelmingly likely among 10^8.
    const codes = await where('points_pickup_codes', {});
    let code = '00000000';
    while (codes.some((c: any) => c._id === code)) code = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'verify', code }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringMatching(/提货码不存在/) });
    });
  });
});

describe('cancel and expiry', () => {
  it('the holder cancels before pickup: points and stock come back once, by a refund entry', async () => {
    const goodsId = await newGoods({ name: '压榨花生油', cost: 120, stock: 2 });
    const resident = await newResident();
    const userId = await give(resident, 150);
    const { order } = await ok('points', { action: 'redeem', goodsId }, resident);
    expect((await doc('points_goods', goodsId)).stock).toBe(1);

    const results = await Promise.all([0, 1, 2].map(() => call('points', { action: 'cancelOrder', id: order.id, reason: '临时有事不去领了' }, resident)));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'FAILED_PRECONDITION')).toHaveLength(2);
    expect((won[0] as any).data).toMatchObject({ balance: 150, order: { status: 'cancelled', can: [] } });
    expect((won[0] as any).data.order.timeline.at(-1)).toMatchObject({ from: 'pending', to: 'cancelled', why: '临时有事不去领了', by: expect.stringMatching(/^居民/) });
    expect((await doc('points_goods', goodsId)).stock).toBe(2);
    const entries = await where('points_entries', { 'source.id': order.id });
    expect(entries.map((e: any) => [e.kind, e.amount]).sort()).toEqual([
      ['refund', 120],
      ['spend', -120],
    ]);
    expect((await account(userId)).balance).toBe(150);
    expect((await doc('points_holdings', `${goodsId}.${userId}`)).count).toBe(0);
    // Cancelled codes are not valid for pickup.
    expect(await call('points', { action: 'verify', code: order.pickupCode }, 'demo-staff')).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('someone else may not cancel; staff may, with a reason', async () => {
    const goodsId = await newGoods({ name: '爱心理发券', cost: 30, stock: 5 });
    const resident = await newResident();
    await give(resident, 30);
    const { order } = await ok('points', { action: 'redeem', goodsId }, resident);
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'cancelOrder', id: order.id }, 'demo-volunteer')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call('points', { action: 'cancelOrder', id: order.id }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(/原因/) });
      expect(await call('points', { action: 'cancelOrder', id: 'po_nothing' }, resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    });
    const r = await ok('points', { action: 'cancelOrder', id: order.id, reason: '理发师本周休息' }, 'demo-staff');
    expect(r.order).toMatchObject({ status: 'cancelled' });
    expect(r.balance).toBeUndefined();
    expect(r.order.timeline.at(-1)).toMatchObject({ by: '社区工作者', why: '理发师本周休息' });
    expect((await ok('points', { action: 'balance' }, resident)).balance).toBe(30);
  });

  it('an order not picked up in 14 days expires by the timer: points and stock back, by 系统', async () => {
    const goodsId = await newGoods({ name: '洗衣液 2kg', cost: 60, stock: 1 });
    const resident = await newResident();
    const userId = await give(resident, 60);
    const { order } = await ok('points', { action: 'redeem', goodsId }, resident);
    expect((await doc('points_goods', goodsId)).stock).toBe(0);
    // Not yet due: the timer leaves it alone.
    await fireTimer('points', 'expireOrders');
    expect((await doc('points_orders', order.id)).status).toBe('pending');

    await ageOrder(order.id, { createdAt: order.createdAt - 15 * DAY, expiresAt: Date.now() - 1000 });
    const fired = await fireTimer('points', 'expireOrders');
    expect(fired.ok).toBe(true);
    const stored = await doc('points_orders', order.id);
    expect(stored.status).toBe('expired');
    expect(stored.events.at(-1)).toMatchObject({ from: 'pending', to: 'expired', byUserId: 'system', byLabel: '系统', why: expect.stringMatching(/14天/) });
    expect((await doc('points_goods', goodsId)).stock).toBe(1);
    expect((await account(userId)).balance).toBe(60);
    // Firing again changes nothing.
    await fireTimer('points', 'expireOrders');
    expect(await where('points_entries', { 'source.id': order.id, kind: 'refund' })).toHaveLength(1);
    const mine = await ok('points', { action: 'orders', status: 'expired' }, resident);
    expect(mine.items.map((o: any) => o.id)).toEqual([order.id]);
  });

  it('a lapsed order is refused at pickup and expires then, even before the timer runs', async () => {
    const goodsId = await newGoods({ name: '一对一法律咨询', cost: 20, stock: 3, unitId: 'unit_court' });
    const resident = await newResident();
    await give(resident, 20);
    const { order } = await ok('points', { action: 'redeem', goodsId }, resident);
    await ageOrder(order.id, { expiresAt: Date.now() - 1000 });
    const r = await call('points', { action: 'verify', code: order.pickupCode }, 'demo-staff');
    expect(r).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringMatching(/过期/) });
    expect((await doc('points_orders', order.id)).status).toBe('expired');
    expect((await ok('points', { action: 'balance' }, resident)).balance).toBe(20);
  });

  it('my orders expire when I look at them, too', async () => {
    const goodsId = await newGoods({ name: '暑期托管体验课', cost: 50, stock: 3, unitId: 'unit_school' });
    const resident = await newResident();
    await give(resident, 50);
    const { order } = await ok('points', { action: 'redeem', goodsId }, resident);
    await ageOrder(order.id, { expiresAt: Date.now() - 1000 });
    const mine = await ok('points', { action: 'orders' }, resident);
    expect(mine.items[0]).toMatchObject({ id: order.id, status: 'expired' });
    expect(mine.items[0].pickupCode).toBeUndefined();
  });
});

describe('limits', () => {
  it('per-person limit per item holds; a cancel gives the allowance back', async () => {
    const goodsId = await newGoods({ name: '面粉', cost: 10, stock: 10, perPersonLimit: 2 });
    const resident = await newResident();
    await give(resident, 100);
    const a = await ok('points', { action: 'redeem', goodsId }, resident);
    await ok('points', { action: 'redeem', goodsId }, resident);
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'redeem', goodsId }, resident)).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/每人限兑2件/) });
      expect(await call('points', { action: 'redeem', goodsId, quantity: 3 }, resident)).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    });
    await ok('points', { action: 'cancelOrder', id: a.order.id }, resident);
    const again = await ok('points', { action: 'redeem', goodsId }, resident);
    expect(again.order.status).toBe('pending');
  });

  it('quantity takes that many pieces and points at once', async () => {
    const goodsId = await newGoods({ name: '节能灯', cost: 15, stock: 4, perPersonLimit: 3 });
    const resident = await newResident();
    await give(resident, 100);
    const r = await ok('points', { action: 'redeem', goodsId, quantity: 3 }, resident);
    expect(r.order).toMatchObject({ quantity: 3, points: 45 });
    expect(r.balance).toBe(55);
    expect((await doc('points_goods', goodsId)).stock).toBe(1);
  });

  it('too few points or too little stock: refused, nothing written', async () => {
    const goodsId = await newGoods({ name: '大米', cost: 100, stock: 1, perPersonLimit: 5 });
    const poor = await newResident();
    await give(poor, 99);
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'redeem', goodsId }, poor)).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/积分不足/) });
    });
    const rich = await newResident();
    await give(rich, 500);
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'redeem', goodsId, quantity: 2 }, rich)).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/仅剩1件/) });
    });
    await ok('points', { action: 'redeem', goodsId }, rich);
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'redeem', goodsId }, rich)).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/已兑完/) });
    });
  });
});

describe('refusals change nothing', () => {
  let goodsId: string;
  beforeAll(async () => {
    goodsId = await newGoods({ name: '拒绝测试商品', cost: 10, stock: 3 });
  });

  it.each([
    ['a resident creates goods', 'demo-resident', { action: 'manageGoods', op: 'create', name: '米', cost: 1, stock: 1, pickupPlace: '服务台' }, 'FORBIDDEN'],
    ['a unit member restocks', 'demo-unit', { action: 'manageGoods', op: 'restock', quantity: 5 }, 'FORBIDDEN'],
    ['a grid worker takes goods off', 'demo-gridworker', { action: 'manageGoods', op: 'offShelf', reason: '不要了' }, 'FORBIDDEN'],
    ['a volunteer reads all goods', 'demo-volunteer', { action: 'goods', all: true }, 'FORBIDDEN'],
    ['a resident reads the audit trail', 'demo-resident', { action: 'audit' }, 'FORBIDDEN'],
    ['staff reconcile', 'demo-staff', { action: 'reconcile' }, 'FORBIDDEN'],
    ['a stranger redeems', 'nobody-knows-me', { action: 'redeem' }, 'UNAUTHENTICATED'],
    ['redeem of unknown goods', 'demo-resident', { action: 'redeem', goodsId: 'gd_nothing' }, 'NOT_FOUND'],
    ['edit of unknown goods', 'demo-staff', { action: 'manageGoods', op: 'edit', id: 'gd_nothing', cost: 5 }, 'NOT_FOUND'],
  ])('%s → %s', async (_name, openid, event, code) => {
    await expectNoWrite(async () => {
      const r = await call('points', { id: goodsId, goodsId, ...event }, openid);
      expect(r).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    });
  });

  it.each([
    [{ op: 'create', name: '', cost: 1, stock: 1, pickupPlace: '服务台' }, /商品名称/],
    [{ op: 'create', name: '米', cost: 0, stock: 1, pickupPlace: '服务台' }, /所需积分/],
    [{ op: 'create', name: '米', cost: 1.5, stock: 1, pickupPlace: '服务台' }, /整数/],
    [{ op: 'create', name: '米', cost: 10, stock: -1, pickupPlace: '服务台' }, /库存/],
    [{ op: 'create', name: '米', cost: 10, stock: 1 }, /领取地点/],
    [{ op: 'create', name: '米', cost: 10, stock: 1, pickupPlace: '服务台', unitId: 'unit_nowhere' }, /共建单位/],
    [{ op: 'create', name: '米', cost: 10, stock: 1, pickupPlace: '服务台', photo: 'http://evil' }, /上传/],
    [{ op: 'destroy', id: 'x' }, /操作类型/],
    [{}, /操作类型/],
    [{ op: 'restock', id: 'gd_x', quantity: 0 }, /补货数量/],
    [{ op: 'offShelf', id: 'gd_x' }, /下架原因/],
  ])('manageGoods %j is refused clearly', async (event, message) => {
    await expectNoWrite(async () => {
      const r = await call('points', { action: 'manageGoods', ...event }, 'demo-staff');
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    });
  });

  it.each([
    [{ action: 'redeem' }, /商品编号/],
    [{ action: 'redeem', goodsId: { $ne: null } }, /商品编号/],
    [{ action: 'redeem', goodsId: 'gd_x', quantity: 0 }, /数量/],
    [{ action: 'redeem', goodsId: 'gd_x', requestId: 'short' }, /requestId/],
    [{ action: 'cancelOrder' }, /订单编号/],
    [{ action: 'orders', status: 'lost' }, /订单状态/],
    [{ action: 'history', kind: 'gift' }, /记录类型/],
    [{ action: 'nothing' }, /不支持/],
  ])('%j is refused clearly', async (event, message) => {
    await expectNoWrite(async () => {
      const r = await call('points', event, 'demo-resident');
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    });
  });
});

describe('privacy', () => {
  it('no openid, phone or full name of anyone in goods, orders, history', async () => {
    const goodsId = await newGoods({ name: '隐私测试商品', cost: 5, stock: 5 });
    await give('demo-volunteer', 5);
    const { order } = await ok('points', { action: 'redeem', goodsId }, 'demo-volunteer');
    const responses = await Promise.all([
      call('points', { action: 'goods' }, 'demo-volunteer'),
      call('points', { action: 'orders' }, 'demo-volunteer'),
      call('points', { action: 'history' }, 'demo-volunteer'),
      call('points', { action: 'verify', code: order.pickupCode }, 'demo-staff'),
      call('points', { action: 'audit' }, 'demo-staff'),
    ]);
    for (const r of responses) {
      expect(r.ok).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/demo-|1385123|李建华|陈书记|王桂英/);
    }
    expect(await userIdOf('demo-volunteer')).toBe('u_demo_volunteer');
  });
});
