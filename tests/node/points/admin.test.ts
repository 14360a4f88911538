import { call, newRequestId, ok, sdk } from '../support/cloud';
import { member, newCommunity } from '../support/map';
import { userIdOf } from '../support/wish';
import { fireTimer, where } from '../support/points';

describe('a resident\'s account as staff read it', () => {
  it('shows the person by name, the balance, each entry with who posted it by real name, and what was reversed', async () => {
    const c = await newCommunity();
    await ok('user', { action: 'updateProfile', displayName: '沈主任' }, c.admin);
    const staff = await member(c, '陈红梅', 'staff');
    const resident = await member(c, '王桂英');
    const first = await ok('points', { action: 'award', userId: resident.id, points: 8, reason: '参加楼道清洁', requestId: newRequestId() }, staff.openid);
    await ok('points', { action: 'award', userId: resident.id, rule: 'activity_attended', reason: '重阳节敬老活动', requestId: newRequestId() }, c.admin);
    const back = await ok('points', { action: 'reverse', entryId: first.entry.id, reason: '记错了人', requestId: newRequestId() }, staff.openid);

    const trail = await ok('points', { action: 'account', userId: resident.id }, staff.openid);
    expect(trail).toMatchObject({ holder: { id: resident.id, name: '王桂英' }, balance: 5, earned: 5, spent: 0 });
    expect(trail.entries.map((e: any) => [e.amount, e.by, e.reversed, e.reversible])).toEqual([
      [-8, '社区工作者 陈红梅', false, false],
      [5, '社区工作者 沈主任', false, true],
      [8, '社区工作者 陈红梅', true, false],
    ]);
    expect(trail.entries[0]).toMatchObject({ id: back.entry.id, reverses: first.entry.id, reason: '冲正：记错了人' });
    expect(trail.next).toBeUndefined();
    expect(JSON.stringify(trail)).not.toMatch(/openid|padm-/);
  });

  it('pages 20 entries at a time', async () => {
    const c = await newCommunity();
    const resident = await member(c, '李秀兰');
    for (let i = 0; i < 21; i++) await ok('points', { action: 'award', userId: resident.id, points: 1, reason: `第${i + 1}次`, requestId: newRequestId() }, c.admin);
    const page1 = await ok('points', { action: 'account', userId: resident.id }, c.admin);
    expect(page1.entries).toHaveLength(20);
    expect(page1.entries[0].reason).toBe('第21次');
    const page2 = await ok('points', { action: 'account', userId: resident.id, cursor: page1.next }, c.admin);
    expect(page2.entries.map((e: any) => e.reason)).toEqual(['第1次']);
    expect(page2.next).toBeUndefined();
  });

  it('is refused to residents and volunteers, and another community\'s staff find nobody', async () => {
    const c = await newCommunity();
    const other = await newCommunity();
    const resident = await member(c, '赵大爷');
    await ok('points', { action: 'award', userId: resident.id, points: 3, reason: '帮忙', requestId: newRequestId() }, c.admin);
    const volunteer = await member(c, '志愿者甲', 'volunteer');
    for (const openid of [c.resident, volunteer.openid]) {
      expect(await call('points', { action: 'account', userId: resident.id }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/工作人员/) });
    }
    expect(await call('points', { action: 'account', userId: resident.id }, other.admin)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '没有找到这位居民' });
    expect(await call('points', { action: 'account', userId: 'u_nobody_here' }, c.admin)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('points', { action: 'account', userId: '../x' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});

describe('the nightly reconcile', () => {
  it('tells each admin of a community whose balances do not add up, once a night, and nobody where they do', async () => {
    const bad = await newCommunity();
    const good = await newCommunity();
    const adminId = await userIdOf(bad.admin);
    await ok(
      'user',
      { action: 'setNoticeSettings', kind: 'staffQueue', templateId: `t-${bad.code}-queue`, keywords: { matter: 'thing1', count: 'number2', at: 'time3' }, requestId: newRequestId() },
      bad.admin,
    );
    const resident = await member(bad, '周阿姨');
    const goodResident = await member(good, '吴大伯');
    await ok('points', { action: 'award', userId: resident.id, points: 10, reason: '参加活动', requestId: newRequestId() }, bad.admin);
    await ok('points', { action: 'award', userId: goodResident.id, points: 10, reason: '参加活动', requestId: newRequestId() }, good.admin);
    // A balance that drifted from its entries (what a faulty write would leave).
    const accounts = sdk().database().collection('points_accounts');
    await accounts.doc(`${bad.id}.${resident.id}`).update({ balance: 17 });

    try {
      const first = (await fireTimer('points', 'reconcileNightly')).result;
      expect(first.ok).toBe(true);
      expect(first.data.mismatched).toContain(bad.id);
      expect(first.data.mismatched).not.toContain(good.id);
      await fireTimer('points', 'reconcileNightly');

      const notices = await where<{ title: string; body: string; page: string }>('notices', { communityId: bad.id, to: adminId });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ title: '积分对账发现不一致', body: '夜间对账：积分账户1个与明细不一致，请到积分规则与对账页查看', page: '/package-staff/pages/points-admin/index' });
      expect(await where('notices', { communityId: good.id, title: '积分对账发现不一致' })).toEqual([]);
      const sent = await where<{ data: Record<string, { value: string }> }>('outbox', { template_id: `t-${bad.code}-queue` });
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent[0].data.thing1.value).toMatch(/^积分对账/);
      expect(sent[0].data.number2.value).toBe('1');

      const report = await ok('points', { action: 'reconcile' }, bad.admin);
      expect(report.mismatches).toEqual([expect.objectContaining({ userId: resident.id, balance: 17, sumOfEntries: 10 })]);
    } finally {
      await accounts.doc(`${bad.id}.${resident.id}`).update({ balance: 10 });
    }
  });
});
