import { call, newRequestId, ok } from '../support/cloud';
import { member, newCommunity } from '../support/map';

const shanghaiDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

describe('user.auditLog', () => {
  it('reads who did what to which record, by real name, narrowed by person, record and day', async () => {
    const c = await newCommunity();
    await ok('user', { action: 'updateProfile', displayName: '沈主任' }, c.admin);
    const staff = await member(c, '陈红梅', 'staff');
    const resident = await member(c, '王桂英');
    const mine = await ok('points', { action: 'award', userId: resident.id, points: 5, reason: '参加楼道清洁', requestId: newRequestId() }, staff.openid);
    await ok('points', { action: 'award', userId: resident.id, points: 3, reason: '帮邻居取药', requestId: newRequestId() }, c.admin);

    const all = await ok('user', { action: 'auditLog', log: 'points' }, staff.openid);
    expect(all.items.map((e: any) => [e.action, e.by, e.why])).toEqual([
      ['award', '社区工作者 沈主任', '帮邻居取药'],
      ['award', '社区工作者 陈红梅', '参加楼道清洁'],
    ]);
    expect(all.items[1]).toMatchObject({ targetType: 'entry', targetId: mine.entry.id, byUserId: staff.id, changes: { balance: { from: 0, to: 5 } } });

    const byStaff = await ok('user', { action: 'auditLog', log: 'points', byUserId: staff.id }, c.admin);
    expect(byStaff.items.map((e: any) => e.why)).toEqual(['参加楼道清洁']);
    const byRecord = await ok('user', { action: 'auditLog', log: 'points', targetId: mine.entry.id }, c.admin);
    expect(byRecord.items.map((e: any) => e.id)).toEqual([all.items[1].id]);
    const today = await ok('user', { action: 'auditLog', log: 'points', day: shanghaiDay(Date.now()) }, c.admin);
    expect(today.items).toHaveLength(2);
    const yesterday = await ok('user', { action: 'auditLog', log: 'points', day: shanghaiDay(Date.now() - 86_400_000) }, c.admin);
    expect(yesterday.items).toEqual([]);

    // A role taken back is in the people log, with the reason.
    const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer', requestId: newRequestId() }, staff.openid);
    await ok('user', { action: 'redeemInvite', code: invite.code, requestId: newRequestId() }, resident.openid);
    await ok('user', { action: 'revokeRole', userId: resident.id, role: 'volunteer', reason: '本人申请退出', requestId: newRequestId() }, staff.openid);
    const people = await ok('user', { action: 'auditLog', log: 'people', targetId: resident.id }, staff.openid);
    expect(people.items[0]).toMatchObject({ targetType: 'user', targetId: resident.id, by: '社区工作者 陈红梅', why: '本人申请退出' });
    expect(JSON.stringify(people)).not.toMatch(/openid|audit-/);
  });

  it('pages 20 at a time, and shows nothing of another community', async () => {
    const c = await newCommunity();
    const other = await newCommunity();
    const resident = await member(c, '李秀兰');
    for (let i = 0; i < 21; i++) await ok('points', { action: 'award', userId: resident.id, points: 1, reason: `第${i + 1}次`, requestId: newRequestId() }, c.admin);
    const first = await ok('user', { action: 'auditLog', log: 'points' }, c.admin);
    expect(first.items).toHaveLength(20);
    const rest = await ok('user', { action: 'auditLog', log: 'points', cursor: first.next }, c.admin);
    expect(rest.items.map((e: any) => e.why)).toEqual(['第1次']);
    expect(await ok('user', { action: 'auditLog', log: 'points', targetId: first.items[0].targetId }, other.admin)).toEqual({ items: [] });
  });

  it.each([
    ['a resident', {}, 'FORBIDDEN'],
    ['an unknown log', { log: 'secrets' }, 'INVALID_ARGUMENT'],
    ['a day that is no day', { day: '2026-02-30' }, 'INVALID_ARGUMENT'],
    ['a record id with slashes', { targetId: '../users' }, 'INVALID_ARGUMENT'],
  ])('is refused for %s', async (who, extra, code) => {
    const c = await newCommunity();
    const caller = who === 'a resident' ? c.resident : c.admin;
    expect(await call('user', { action: 'auditLog', log: 'points', ...extra }, caller)).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });
});
