import { call, newRequestId, ok, sdk, uniqueOpenid } from '../support/cloud';
import { newCommunity } from '../support/map';
import { newResident, newVolunteer, userIdOf } from '../support/wish';
import { account, countOf, doc, expectNoWrite, give, newGoods, where } from '../support/points';

const DAY = 24 * 3600 * 1000;

describe('balance, history, rules', () => {
  it('a newcomer has nothing yet; an award shows in balance and history, newest first', async () => {
    const resident = await newResident();
    expect(await ok('points', { action: 'balance' }, resident)).toEqual({ balance: 0, earned: 0, spent: 0 });
    expect(await ok('points', { action: 'history' }, resident)).toEqual({ items: [] });
    const userId = await userIdOf(resident);
    const a = await ok('points', { action: 'award', userId, points: 8, reason: '参加楼道清洁' }, 'demo-staff');
    expect(a.entry).toMatchObject({ amount: 8, kind: 'earn', sourceType: 'award', reason: '参加楼道清洁', balanceAfter: 8 });
    expect(a.holder).toMatch(/^居\*+$/);
    const b = await ok('points', { action: 'award', userId, rule: 'activity_attended', reason: '重阳节敬老活动' }, 'demo-admin');
    expect(b.entry).toMatchObject({ amount: 5, reason: '参加一次社区活动：重阳节敬老活动', balanceAfter: 13 });
    expect(await ok('points', { action: 'balance' }, resident)).toEqual({ balance: 13, earned: 13, spent: 0 });
    const h = await ok('points', { action: 'history', limit: 1 }, resident);
    expect(h.items).toHaveLength(1);
    expect(h.items[0].id).toBe(b.entry.id);
    const rest = await ok('points', { action: 'history', cursor: h.next }, resident);
    expect(rest.items.map((e: any) => e.id)).toEqual([a.entry.id]);
    // The award is in the audit trail, by role, with its reason.
    const log = await ok('points', { action: 'audit' }, 'demo-staff');
    expect(log.items.find((x: any) => x.target.id === a.entry.id)).toMatchObject({ action: 'award', by: '社区工作者', reason: '参加楼道清洁', changes: { balance: { from: 0, to: 8 } } });
  });

  it('rules: the defaults, and a community value set by staff (audited)', async () => {
    const { rules } = await ok('points', { action: 'rules' }, 'demo-resident');
    expect(rules.find((r: any) => r.key === 'wish_completed')).toMatchObject({ label: '完成一个微心愿', points: 10 });
    const before = rules.find((r: any) => r.key === 'neighbour_help');
    const set = await ok('points', { action: 'setRules', values: { neighbour_help: before.points + 1 }, reason: '鼓励邻里互助' }, 'demo-staff');
    expect(set.rules.find((r: any) => r.key === 'neighbour_help')).toMatchObject({ points: before.points + 1, custom: true });
    const resident = await newResident();
    const userId = await userIdOf(resident);
    expect((await ok('points', { action: 'award', userId, rule: 'neighbour_help', reason: '帮邻居搬家' }, 'demo-staff')).entry.amount).toBe(before.points + 1);
    const log = await ok('points', { action: 'audit' }, 'demo-staff');
    expect(log.items.find((x: any) => x.action === 'rules.set')).toMatchObject({ reason: '鼓励邻里互助', changes: { neighbour_help: { from: before.points, to: before.points + 1 } } });
    // Put it back: other tests read the rules of the same community.
    await ok('points', { action: 'setRules', values: { neighbour_help: before.points } }, 'demo-staff');
  });

  it.each([
    ['a volunteer', 'demo-volunteer', { values: { neighbour_help: 9 } }, 'FORBIDDEN', /工作人员/],
    ['an unknown rule', 'demo-staff', { values: { lottery: 9 } }, 'INVALID_ARGUMENT', /积分规则/],
    ['a negative value', 'demo-staff', { values: { neighbour_help: -1 } }, 'INVALID_ARGUMENT', /规则分值/],
    ['nothing to set', 'demo-staff', { values: {} }, 'INVALID_ARGUMENT', /至少/],
    ['no values', 'demo-staff', {}, 'INVALID_ARGUMENT', /积分规则/],
  ])('setRules by %s is refused, nothing written', async (_name, openid, extra, code, message) => {
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'setRules', ...extra }, openid)).toMatchObject({ ok: false, code, message: expect.stringMatching(message) });
    });
  });
});

describe('award and reverse', () => {
  it.each([
    ['a resident awards', 'demo-resident', { points: 5, reason: '帮忙' }, 'FORBIDDEN'],
    ['a volunteer awards', 'demo-volunteer', { points: 5, reason: '帮忙' }, 'FORBIDDEN'],
    ['a grid worker awards', 'demo-gridworker', { points: 5, reason: '帮忙' }, 'FORBIDDEN'],
    ['no reason', 'demo-staff', { points: 5 }, 'INVALID_ARGUMENT'],
    ['a blank reason', 'demo-staff', { points: 5, reason: '   ' }, 'INVALID_ARGUMENT'],
    ['zero points', 'demo-staff', { points: 0, reason: '帮忙' }, 'INVALID_ARGUMENT'],
    ['too many points', 'demo-staff', { points: 1001, reason: '帮忙' }, 'INVALID_ARGUMENT'],
    ['fractional points', 'demo-staff', { points: 2.5, reason: '帮忙' }, 'INVALID_ARGUMENT'],
    ['points as text', 'demo-staff', { points: '5', reason: '帮忙' }, 'INVALID_ARGUMENT'],
    ['neither points nor rule', 'demo-staff', { reason: '帮忙' }, 'INVALID_ARGUMENT'],
    ['an unknown rule', 'demo-staff', { rule: 'lottery', reason: '帮忙' }, 'INVALID_ARGUMENT'],
    ['to nobody', 'demo-staff', { userId: 'u_nobody', points: 5, reason: '帮忙' }, 'NOT_FOUND'],
    ['to oneself', 'demo-staff', { userId: 'u_demo_staff', points: 5, reason: '自己' }, 'FORBIDDEN'],
  ])('%s → %s, nothing written', async (_name, openid, extra, code) => {
    await expectNoWrite(async () => {
      const r = await call('points', { action: 'award', userId: 'u_demo_resident', ...extra }, openid);
      expect(r).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    });
  });

  it('a mistaken award is corrected by a reversing entry, once; it never deletes', async () => {
    const volunteer = await newVolunteer();
    const userId = await userIdOf(volunteer);
    const { entry } = await ok('points', { action: 'award', userId, points: 30, reason: '重复登记的志愿服务' }, 'demo-staff');
    const r = await ok('points', { action: 'reverse', entryId: entry.id, reason: '重复发放' }, 'demo-staff');
    expect(r.entry).toMatchObject({ amount: -30, kind: 'adjust', sourceType: 'reversal', reverses: entry.id, balanceAfter: 0 });
    expect(await ok('points', { action: 'balance' }, volunteer)).toEqual({ balance: 0, earned: 0, spent: 0 });
    expect(await doc('points_entries', entry.id)).toMatchObject({ amount: 30, kind: 'earn' });
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'reverse', entryId: entry.id, reason: '再来一次' }, 'demo-staff')).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(await call('points', { action: 'reverse', entryId: r.entry.id, reason: '冲正的冲正' }, 'demo-staff')).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
      expect(await call('points', { action: 'reverse', entryId: entry.id, reason: '我也来' }, 'demo-volunteer')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call('points', { action: 'reverse', entryId: 'award.none.earn.u_x', reason: '没有' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await call('points', { action: 'reverse', entryId: entry.id }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(/冲正原因/) });
    });
  });

  it('spent points cannot be reversed below zero; spends are not reversible by hand', async () => {
    const resident = await newResident();
    const userId = await userIdOf(resident);
    const { entry } = await ok('points', { action: 'award', userId, points: 20, reason: '参加义诊志愿服务' }, 'demo-staff');
    const goodsId = await newGoods({ cost: 15, stock: 2 });
    const { order } = await ok('points', { action: 'redeem', goodsId }, resident);
    const [spend] = await where('points_entries', { 'source.id': order.id, kind: 'spend' });
    await expectNoWrite(async () => {
      expect(await call('points', { action: 'reverse', entryId: entry.id, reason: '误发' }, 'demo-staff')).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/余额不足/) });
      expect(await call('points', { action: 'reverse', entryId: spend._id, reason: '退款' }, 'demo-staff')).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    });
  });
});

describe('replaying any mutating call with the same requestId: same answer, nothing written again', () => {
  const replay = async (event: Record<string, unknown>, openid: string) => {
    const requestId = newRequestId();
    const first = await call('points', { ...event, requestId }, openid);
    expect(first.ok).toBe(true);
    const counts = await Promise.all(['points_entries', 'points_orders', 'points_audit', 'points_goods', 'requests'].map(async (c) => countOf(c)));
    const again = await Promise.all([0, 1, 2].map(() => call('points', { ...event, requestId }, openid)));
    for (const a of again) expect(a).toEqual(first);
    const after = await Promise.all(['points_entries', 'points_orders', 'points_audit', 'points_goods', 'requests'].map(async (c) => countOf(c)));
    expect(after).toEqual(counts);
    return (first as any).data;
  };

  it('award, reverse, setRules', async () => {
    const resident = await newResident();
    const userId = await userIdOf(resident);
    const { entry } = await replay({ action: 'award', userId, points: 7, reason: '文明劝导' }, 'demo-staff');
    expect(await where('points_entries', { userId })).toHaveLength(1);
    await replay({ action: 'reverse', entryId: entry.id, reason: '登记错了' }, 'demo-staff');
    expect((await account(userId)).balance).toBe(0);
    const { rules } = await ok('points', { action: 'rules' }, 'demo-staff');
    const cur = rules.find((r: any) => r.key === 'garbage_sorting').points;
    await replay({ action: 'setRules', values: { garbage_sorting: cur } }, 'demo-staff');
  });

  it('manageGoods: create, edit, restock, offShelf, onShelf', async () => {
    const { goods } = await replay({ action: 'manageGoods', op: 'create', name: '重放测试', cost: 5, stock: 5, pickupPlace: '服务台' }, 'demo-staff');
    await replay({ action: 'manageGoods', op: 'edit', id: goods.id, cost: 6 }, 'demo-staff');
    await replay({ action: 'manageGoods', op: 'restock', id: goods.id, quantity: 5 }, 'demo-staff');
    expect((await doc('points_goods', goods.id)).stock).toBe(10);
    await replay({ action: 'manageGoods', op: 'offShelf', id: goods.id, reason: '测试' }, 'demo-staff');
    await replay({ action: 'manageGoods', op: 'onShelf', id: goods.id }, 'demo-staff');
    expect(await where('points_audit', { 'target.id': goods.id })).toHaveLength(5);
  });

  it('redeem, cancelOrder, verify', async () => {
    const goodsId = await newGoods({ cost: 10, stock: 5, perPersonLimit: 5 });
    const resident = await newResident();
    const userId = await give(resident, 50);
    const a = await replay({ action: 'redeem', goodsId }, resident);
    expect(await where('points_orders', { userId })).toHaveLength(1);
    expect((await doc('points_goods', goodsId)).stock).toBe(4);
    await replay({ action: 'cancelOrder', id: a.order.id }, resident);
    expect((await account(userId)).balance).toBe(50);
    const b = await replay({ action: 'redeem', goodsId }, resident);
    await replay({ action: 'verify', code: b.order.pickupCode }, 'demo-staff');
    expect((await account(userId)).balance).toBe(40);
    expect((await doc('points_goods', goodsId)).stock).toBe(4);
  });
});

describe('光荣榜', () => {
  it('ranks earnings of the season (or the last 90 days), names masked, ties shared, reversals off', async () => {
    const [a, b, c] = await Promise.all([newVolunteer(), newVolunteer(), newVolunteer()]);
    await give(a, 3000, '党员志愿服务');
    await give(b, 2600, '党员志愿服务');
    await give(c, 2600, '党员志愿服务');
    const board = await ok('points', { action: 'leaderboard' }, b);
    expect(['season', 'recent']).toContain(board.scope.kind);
    expect(board.scope.startDate <= board.scope.endDate).toBe(true);
    expect(board.items.length).toBeLessThanOrEqual(20);
    for (let i = 1; i < board.items.length; i++) expect(board.items[i].points).toBeLessThanOrEqual(board.items[i - 1].points);
    const rowsOf = (pts: number) => board.items.filter((r: any) => r.points === pts);
    expect(rowsOf(3000)).toHaveLength(1);
    expect(rowsOf(2600)).toHaveLength(2);
    expect(rowsOf(2600)[0].rank).toBe(rowsOf(2600)[1].rank);
    expect(rowsOf(2600)[0].rank).toBe(rowsOf(3000)[0].rank + 1);
    expect(board.me).toMatchObject({ points: 2600, me: true });
    // Masked, or a stand-in name (居民81BE) masked to its end (居民**BE); the grid short (第三网格).
    expect(board.items.every((r: any) => /^.\*+$/.test(r.name) || /^居民(\*\*[0-9A-Z]{2})?$/.test(r.name))).toBe(true);
    expect(board.items.every((r: any) => r.grid === undefined || /^第.网格$/.test(r.grid))).toBe(true);
    expect(JSON.stringify(board)).not.toMatch(/demo-|u_|1385/);

    // Spending does not lower a place; a reversed (mistaken) earning does.
    const aId = await userIdOf(a);
    const [first] = await where('points_entries', { userId: aId, kind: 'earn' });
    await ok('points', { action: 'reverse', entryId: first._id, reason: '重复登记' }, 'demo-staff');
    const after = await ok('points', { action: 'leaderboard' }, a);
    expect(after.me.points).toBe(3000 - first.amount);
  });

  it('in a community of its own: exactly the season under way, or a season asked for, or the last 90 days', async () => {
    const c = await newCommunity();
    const people = await Promise.all([0, 1, 2].map(async () => {
      const openid = uniqueOpenid('lb');
      await ok('user', { action: 'login', scene: `c=${c.code}` }, openid);
      await ok('user', { action: 'updateProfile', displayName: '欧阳修竹' }, openid);
      return { openid, id: await userIdOf(openid) };
    }));
    const award = (i: number, points: number) => ok('points', { action: 'award', userId: people[i].id, points, reason: '志愿服务' }, c.admin);
    await award(0, 40);
    await award(1, 25);
    const old = await award(2, 60);
    // No season yet: the last 90 days, which the entry moved back 100 days has left.
    await sdk().database().collection('points_entries').doc(old.entry.id).update({ at: Date.now() - 100 * DAY });
    const recent = await ok('points', { action: 'leaderboard' }, people[1].openid);
    expect(recent.scope).toMatchObject({ kind: 'recent', name: '近90天' });
    expect(recent.items).toEqual([
      { rank: 1, name: '欧**', points: 40, me: false },
      { rank: 2, name: '欧**', points: 25, me: true },
    ]);
    expect(recent.me).toEqual({ rank: 2, name: '欧**', points: 25, me: true });

    // Seasons (dates in Shanghai): the one under way counts its own days only.
    const day = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const seasons = sdk().database().collection('wish_seasons');
    await seasons.doc(`${c.id}.s1`).set({ communityId: c.id, number: 1, name: '第1季', startDate: day(Date.now() - 120 * DAY), endDate: day(Date.now() - 30 * DAY), createdBy: 't', createdAt: 0 });
    await seasons.doc(`${c.id}.s2`).set({ communityId: c.id, number: 2, name: '第2季', startDate: day(Date.now() - 29 * DAY), endDate: day(Date.now() + 60 * DAY), createdBy: 't', createdAt: 0 });
    const current = await ok('points', { action: 'leaderboard' }, people[2].openid);
    expect(current.scope).toMatchObject({ kind: 'season', name: '第2季' });
    expect(current.items.map((r: any) => r.points)).toEqual([40, 25]);
    expect(current.me).toBeUndefined();
    const past = await ok('points', { action: 'leaderboard', seasonId: `${c.id}.s1` }, people[2].openid);
    expect(past.scope).toMatchObject({ kind: 'season', name: '第1季' });
    expect(past.items).toEqual([{ rank: 1, name: '欧**', points: 60, me: true }]);
    // Another community's season is not ours.
    expect(await call('points', { action: 'leaderboard', seasonId: `${c.id}.s1` }, 'demo-resident')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('an unknown season is not found; a malformed one is refused', async () => {
    expect(await call('points', { action: 'leaderboard', seasonId: 'c_beihai.s999' }, 'demo-resident')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('points', { action: 'leaderboard', seasonId: { $ne: 1 } }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '季编号不正确' });
  });
});

describe('reconcile', () => {
  it('admin only; every balance agrees with its entries, every stock with its orders', async () => {
    expect(await call('points', { action: 'reconcile' }, 'demo-staff')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await give(await newResident(), 12);
    const report = await ok('points', { action: 'reconcile' }, 'demo-admin');
    expect(report.accounts).toBeGreaterThan(0);
    expect(report.entries).toBeGreaterThanOrEqual(report.accounts);
    expect(report.mismatches).toEqual([]);
    expect(report.stockMismatches).toEqual([]);
    expect(report.negative).toBe(0);
  });

  it('reports a balance that drifted from its entries, and a stock that drifted from its orders', async () => {
    const resident = await newResident();
    const userId = await give(resident, 25);
    const goodsId = await newGoods({ name: '对账测试商品', cost: 5, stock: 4 });
    const accounts = sdk().database().collection('points_accounts');
    const goods = sdk().database().collection('points_goods');
    try {
      await accounts.doc(`c_beihai.${userId}`).update({ balance: 26 });
      await goods.doc(goodsId).update({ stock: 3 });
      const report = await ok('points', { action: 'reconcile' }, 'demo-admin');
      expect(report.mismatches).toEqual([{ userId, name: expect.stringMatching(/^居\*+$/), balance: 26, sumOfEntries: 25, entries: 1 }]);
      expect(report.stockMismatches).toEqual([{ goodsId, name: '对账测试商品', stock: 3, supplied: 4, held: 0 }]);
    } finally {
      await accounts.doc(`c_beihai.${userId}`).update({ balance: 25 });
      await goods.doc(goodsId).update({ stock: 4 });
    }
    const clean = await ok('points', { action: 'reconcile' }, 'demo-admin');
    expect(clean.mismatches).toEqual([]);
    expect(clean.stockMismatches).toEqual([]);
  });
});

describe('another community', () => {
  it('its staff cannot see, award, verify or cancel anything of 北海社区; its people see their own mall', async () => {
    const c = await newCommunity();
    const goodsId = await newGoods({ name: '跨社区测试商品', cost: 5, stock: 5 });
    const resident = await newResident();
    await give(resident, 5);
    const { order } = await ok('points', { action: 'redeem', goodsId }, resident);
    await expectNoWrite(async () => {
      for (const [event, code] of [
        [{ action: 'award', userId: await userIdOf(resident), points: 5, reason: '越权' }, 'NOT_FOUND'],
        [{ action: 'goodsDetail', id: goodsId }, 'NOT_FOUND'],
        [{ action: 'redeem', goodsId }, 'NOT_FOUND'],
        [{ action: 'manageGoods', op: 'restock', id: goodsId, quantity: 5 }, 'NOT_FOUND'],
        [{ action: 'verify', code: order.pickupCode }, 'NOT_FOUND'],
        [{ action: 'cancelOrder', id: order.id, reason: '越权' }, 'NOT_FOUND'],
      ] as const) {
        expect(await call('points', event, c.admin)).toMatchObject({ ok: false, code });
      }
    });
    const theirs = await ok('points', { action: 'goods' }, c.resident);
    expect(theirs.items).toEqual([]);
    const report = await ok('points', { action: 'reconcile' }, c.admin);
    expect(report).toMatchObject({ accounts: 0, goods: 0, mismatches: [], stockMismatches: [] });
  });
});
