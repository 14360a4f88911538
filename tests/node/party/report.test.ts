import { randomBytes } from 'node:crypto';
import { call, newRequestId, ok, sdk } from '../support/cloud';
import { grant } from '../support/map';
import { checkInOnSite, nextPhone, openCallout, partyCommunity, partyMember, residentIn, type PartyCommunity } from '../support/party';

const DAY = 24 * 3600_000;

/** This year's first instant in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiYear(now: number): { year: number; start: number } {
  const year = new Date(now + 8 * 3600_000).getUTCFullYear();
  return { year, start: Date.UTC(year, 0, 1) - 8 * 3600_000 };
}

const seed = async (coll: string, docs: Array<Record<string, unknown>>) => {
  const db = sdk().database();
  for (const d of docs) await db.collection(coll).doc(`${coll.slice(0, 2)}_${randomBytes(8).toString('hex')}`).set(d);
};

describe('双报告: a year of records and the figures generated from them', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('counts every kind of record of the member within the year, and nothing outside it', async () => {
    const member = await partyMember(c, '吴先锋');
    const someoneElse = await partyMember(c, '黄路人');
    const now = Date.now();
    const { year, start } = shanghaiYear(now);
    const inYear = [start, now - 1000, Math.max(start, now - 30 * DAY)];
    const lastYear = start - 1;
    const me = member.userId;
    const cid = c.id;
    await seed('wishes', [
      { communityId: cid, title: '修水管', status: 'completed', claim: { userId: me }, completedAt: inYear[0], rating: { stars: 5, at: now } },
      { communityId: cid, title: '陪同就医', status: 'completed', claim: { userId: me }, completedAt: inYear[1], rating: { stars: 4, at: now } },
      { communityId: cid, title: '代买药品', status: 'completed', claim: { userId: me }, completedAt: inYear[2] },
      { communityId: cid, title: '去年的心愿', status: 'completed', claim: { userId: me }, completedAt: lastYear, rating: { stars: 1, at: lastYear } },
      { communityId: cid, title: '还没完成', status: 'claimed', claim: { userId: me } },
      { communityId: cid, title: '别人的心愿', status: 'completed', claim: { userId: someoneElse.userId }, completedAt: inYear[1], rating: { stars: 1, at: now } },
      { communityId: `c_elsewhere_${randomBytes(4).toString('hex')}`, title: '别的社区', status: 'completed', claim: { userId: me }, completedAt: inYear[1] },
    ]);
    await seed('tickets', [
      { communityId: cid, title: '路灯', resolvedBy: me, resolvedAt: inYear[1], rating: { stars: 3, at: now } },
      { communityId: cid, title: '井盖', resolvedBy: me, resolvedAt: inYear[2] },
      { communityId: cid, title: '去年的工单', resolvedBy: me, resolvedAt: lastYear },
    ]);
    await seed('booking_signups', [
      { communityId: cid, userId: me, status: 'checked_out', checkOutAt: inYear[1], minutes: 90 },
      { communityId: cid, userId: me, status: 'checked_out', checkOutAt: inYear[2], minutes: 60 },
      { communityId: cid, userId: me, status: 'signed_up' },
      { communityId: cid, userId: me, status: 'checked_out', checkOutAt: lastYear, minutes: 600 },
    ]);
    await seed('points_entries', [
      { communityId: cid, userId: me, kind: 'earn', amount: 10, at: inYear[1], source: { type: 'test', id: 'a' } },
      { communityId: cid, userId: me, kind: 'earn', amount: 7, at: lastYear, source: { type: 'test', id: 'b' } },
      { communityId: cid, userId: me, kind: 'spend', amount: -5, at: inYear[1], source: { type: 'test', id: 'c' } },
    ]);
    // A call-out answered and attended through the functions: 2 hours, 9 points.
    const callout = await openCallout(c, 2);
    await ok('party', { action: 'respond', id: callout, answer: 'coming' }, member.openid);
    await checkInOnSite(c, callout, member.openid);
    await ok('party', { action: 'close', id: callout, note: '已完成' }, c.admin);

    const { report } = await ok('party', { action: 'report', year }, member.openid);
    expect(report).toMatchObject({ subjectId: member.registrationId, kind: 'member', name: '吴先锋', year, people: 1 });
    expect(report.figures).toEqual({ wishes: 3, tickets: 2, activities: 2, callouts: 1, minutes: 90 + 60 + 120, points: 10 + 9, ratings: 3, averageStars: 4 });
    // Last year holds only last year's.
    const before = await ok('party', { action: 'report', year: year - 1, subjectId: member.registrationId }, c.admin);
    expect(before.report.figures).toEqual({ wishes: 1, tickets: 1, activities: 1, callouts: 0, minutes: 600, points: 7, ratings: 1, averageStars: 1 });

    const { items } = await ok('party', { action: 'reports', year, kind: 'member' }, c.admin);
    expect(items.find((r: any) => r.subjectId === member.registrationId)).toMatchObject({ name: '吴先锋', figures: report.figures });
    const notYet = items.find((r: any) => r.subjectId === someoneElse.registrationId);
    expect(notYet.name).toBe('黄路人');
    expect(notYet.figures).toBeUndefined();

    expect(await call('party', { action: 'report', year, subjectId: member.registrationId }, someoneElse.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'report', year, subjectId: member.registrationId }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('party', { action: 'reports', year }, member.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'report', year: 1999 }, member.openid)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('staff appraise a year; the member confirms it, and from then on it stays as it was', async () => {
    const member = await partyMember(c, '蒋先锋');
    const { year } = shanghaiYear(Date.now());
    const form = { action: 'appraise', subjectId: member.registrationId, year, grade: 'excellent', comment: '巡逻、助老表现突出' };
    expect(await call('party', form, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await call('party', { action: 'acknowledge', year }, member.openid)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    const first = await ok('party', { action: 'report', year }, member.openid);
    expect(first.report.figures.callouts).toBe(0);
    expect(await call('party', { ...form, grade: 'best' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('party', form, member.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The member confirms only once staff have appraised.
    expect(await call('party', { action: 'acknowledge', year }, member.openid)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    const requestId = newRequestId();
    const appraised = await ok('party', { ...form, requestId }, c.admin);
    expect(appraised.report.appraisal).toMatchObject({ grade: 'excellent', gradeLabel: '优秀', comment: '巡逻、助老表现突出', by: '社区工作者' });
    expect(await ok('party', { ...form, requestId }, c.admin)).toEqual(appraised);
    // Generated again, the appraisal stays.
    expect((await ok('party', { action: 'report', year }, member.openid)).report.appraisal).toMatchObject({ gradeLabel: '优秀' });

    const acknowledged = await ok('party', { action: 'acknowledge', year }, member.openid);
    expect(acknowledged.report.acknowledgedAt).toEqual(expect.any(Number));
    expect(await call('party', { action: 'acknowledge', year, subjectId: member.registrationId }, c.admin)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { ...form, grade: 'good' }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    // A call-out attended afterwards does not change a confirmed report.
    const callout = await openCallout(c, 1);
    await ok('party', { action: 'respond', id: callout, answer: 'coming' }, member.openid);
    await checkInOnSite(c, callout, member.openid);
    await ok('party', { action: 'close', id: callout, note: '已完成' }, c.admin);
    const after = await ok('party', { action: 'report', year }, member.openid);
    expect(after.report).toEqual(acknowledged.report);
    const { items } = await ok('party', { action: 'reports', year }, c.admin);
    expect(items.find((r: any) => r.subjectId === member.registrationId)).toMatchObject({ gradeLabel: '优秀', acknowledged: true });
  });

  it('a unit’s report counts all its members and carries its commitments; one not yet confirmed has none', async () => {
    const [contact, colleague] = [await residentIn(c, '孙国平'), await residentIn(c, '何工')];
    for (const p of [contact, colleague]) {
      const { invite } = await ok('user', { action: 'createInvite', role: 'unit_member', unitId: c.unitId }, c.admin);
      await ok('user', { action: 'redeemInvite', code: invite.code }, p);
    }
    const { registration } = await ok('party', { action: 'register', kind: 'unit', branch: '常州供电公司党委', phone: nextPhone(), commitments: [{ title: '上门检修老旧线路', target: 12, unit: '户' }] }, contact);
    const { year } = shanghaiYear(Date.now());
    expect(await call('party', { action: 'report', year }, contact)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await call('party', { action: 'report', year, subjectId: registration.id }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    await ok('party', { action: 'confirm', id: registration.id }, c.admin);
    const ids = await Promise.all([contact, colleague].map(async (o) => (await ok('user', { action: 'me' }, o)).me.id));
    await seed('wishes', [{ communityId: c.id, status: 'completed', claim: { userId: ids[1] }, completedAt: Date.now() - 1000 }]);
    await seed('tickets', [{ communityId: c.id, resolvedBy: ids[0], resolvedAt: Date.now() - 1000, rating: { stars: 5 } }]);
    const { report } = await ok('party', { action: 'report', year }, contact);
    expect(report).toMatchObject({ kind: 'unit', name: '常州供电公司', people: 2, commitments: [expect.objectContaining({ title: '上门检修老旧线路', target: 12, done: 0 })] });
    expect(report.figures).toMatchObject({ wishes: 1, tickets: 1, ratings: 1, averageStars: 5 });
    // Staff read any report of their community.
    const staff = await residentIn(c, '社工');
    await grant(staff, 'staff', c.id);
    expect((await ok('party', { action: 'report', year, subjectId: registration.id }, staff)).report.figures).toEqual(report.figures);
  });
});
