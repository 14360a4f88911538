import { call, newRequestId, ok, sdk } from '../support/cloud';
import { nextPhone, openCallout, partyCommunity, partyMember, residentIn, type PartyCommunity } from '../support/party';

/**
 * 共建单位: its offers become resources of the unit in 资源清单 once staff confirm it; members join
 * with the unit's code and count in its 双报告; staff export every subject's year as CSV.
 */

const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

async function unitContact(c: PartyCommunity, name = '孙国平'): Promise<string> {
  const contact = await residentIn(c, name);
  const { invite } = await ok('user', { action: 'createInvite', role: 'unit_member', unitId: c.unitId }, c.admin);
  await ok('user', { action: 'redeemInvite', code: invite.code }, contact);
  return contact;
}

const unitForm = (offers: Array<{ title: string; category: string }>) => ({
  action: 'register',
  kind: 'unit',
  branch: '常州供电公司党委',
  phone: nextPhone(),
  offers,
  commitments: [{ title: '上门检修老旧线路', target: 12, unit: '户' }],
});

async function resourcesOf(registrationId: string) {
  return (await sdk().database().collection('resources').where({ registrationId }).get()).data;
}

async function userOf(openid: string) {
  const { me } = await ok('user', { action: 'me' }, openid);
  return (await sdk().database().collection('users').doc(me.id).get()).data[0];
}

/** A confirmed unit of the test's own community and its contact. */
async function confirmedUnit(c: PartyCommunity) {
  const contact = await unitContact(c);
  const { registration } = await ok('party', unitForm([{ title: '电力抢修', category: '水电维修' }]), contact);
  await ok('party', { action: 'confirm', id: registration.id }, c.admin);
  return { contact, id: registration.id as string };
}

describe('a unit’s offers feed the resources list', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('confirming lists each offer once as an active resource of the unit; the matcher proposes it', async () => {
    const contact = await unitContact(c);
    const first = await ok('party', unitForm([{ title: '电力抢修', category: '水电维修' }, { title: '用电安全宣讲', category: '安全巡查' }]), contact);
    // Sent again while it waits (an offer dropped, one repeated): the same titles keep their ids.
    const { registration } = await ok('party', unitForm([{ title: '电力抢修', category: '水电维修' }, { title: '电力抢修', category: '水电维修' }, { title: '用电安全宣讲', category: '安全巡查' }]), contact);
    expect(registration.offers.map((o: any) => o.id)).toEqual(first.registration.offers.map((o: any) => o.id));
    expect(registration).toMatchObject({ resources: ['电力抢修', '用电安全宣讲'], offers: [{ title: '电力抢修', category: '水电维修' }, { title: '用电安全宣讲', category: '安全巡查' }] });
    expect(registration.offers[0].resourceId).toBeUndefined();
    expect(await resourcesOf(registration.id)).toEqual([]);

    const requestId = newRequestId();
    const confirmed = await ok('party', { action: 'confirm', id: registration.id, requestId }, c.admin);
    expect(await ok('party', { action: 'confirm', id: registration.id, requestId }, c.admin)).toEqual(confirmed);
    expect(await call('party', { action: 'confirm', id: registration.id }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });

    const listed = await resourcesOf(registration.id);
    expect(listed).toHaveLength(2);
    expect(confirmed.registration.offers.map((o: any) => o.resourceId).sort()).toEqual(listed.map((r: any) => r._id).sort());
    const { items } = await ok('lists', { action: 'resources', providerKind: 'unit' }, c.resident);
    const power = items.find((r: any) => r.title === '电力抢修');
    expect(power).toMatchObject({ providerKind: 'unit', providerName: '常州供电公司', categories: ['水电维修'], status: 'active', capacity: 4 });
    expect(listed[0]).toMatchObject({ unitId: c.unitId, providerId: `unit:${c.unitId}`, area: { gridIds: [c.gridId] } });
    // The unit's member may keep it as any resource of the unit.
    expect((await ok('lists', { action: 'resource', id: power.id }, contact)).timeline[0]).toMatchObject({ to: 'active', why: '共建单位报到确认，资源入清单' });

    await ok('lists', { action: 'addNeed', category: '水电维修', title: '楼道灯不亮', gridId: c.gridId }, c.admin);
    const { job } = await ok('lists', { action: 'match' }, c.admin);
    const result = await ok('lists', { action: 'matchResult', jobId: job.id }, c.admin);
    expect(result.items.map((s: any) => s.resource.id)).toContain(power.id);
  });

  it('a refused unit lists nothing', async () => {
    const contact = await unitContact(c, '钱宏');
    const { registration } = await ok('party', unitForm([{ title: '义诊', category: '医疗义诊' }]), contact);
    await ok('party', { action: 'reject', id: registration.id, reason: '请补充党组织全称' }, c.admin);
    expect(await resourcesOf(registration.id)).toEqual([]);
  });

  it('refuses an offer without a category of the list, and changes nothing', async () => {
    const contact = await unitContact(c, '赵明');
    const res = await call('party', unitForm([{ title: '场地', category: '借场地' }]), contact);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '请选择服务类别' });
    expect((await ok('party', { action: 'mine' }, contact)).registrations).toEqual([]);
  });
});

describe('members join through the unit', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('the contact gets one join code and its mini-program code; a person who joins is a member, once, and the contact sees them', async () => {
    const { contact, id } = await confirmedUnit(c);
    // Asked for twice at once (the contact and staff): one code.
    const [{ join }, other] = await Promise.all([ok('party', { action: 'unitJoin', id }, contact), ok('party', { action: 'unitJoin', id }, c.admin)]);
    expect(other.join.code).toBe(join.code);
    expect((await sdk().database().collection('party_unit_codes').where({ registrationId: id }).get()).data).toHaveLength(1);
    expect(join).toMatchObject({ unitName: '常州供电公司', scene: `c=${c.code}&u=${join.code}`, image: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(join.scene.length).toBeLessThanOrEqual(32);
    expect((await ok('party', { action: 'unitJoin', id }, c.admin)).join.code).toBe(join.code);
    expect(await call('party', { action: 'unitJoin', id }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const member = await residentIn(c, '周晓红');
    const requestId = newRequestId();
    const joined = await ok('party', { action: 'join', code: join.code.toLowerCase(), requestId }, member);
    expect(joined).toEqual({ unitName: '常州供电公司', registrationId: id });
    expect(await ok('party', { action: 'join', code: join.code, requestId }, member)).toEqual(joined);
    expect(await ok('party', { action: 'join', code: join.code }, member)).toEqual(joined);
    const grants = (await userOf(member)).grants.filter((g: any) => g.role === 'unit_member');
    expect(grants).toEqual([expect.objectContaining({ communityId: c.id, unitId: c.unitId })]);
    expect((await ok('user', { action: 'me' }, member)).me.roles).toContain('unit_member');

    const { members } = await ok('party', { action: 'unitMembers', id }, contact);
    expect(members.map((m: any) => m.name)).toEqual(['周**', '孙**']);
    expect((await ok('party', { action: 'unitMembers', id }, c.admin)).members.map((m: any) => m.name)).toEqual(['周晓红', '孙国平']);
    expect(await call('party', { action: 'unitMembers', id }, member)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // The member's year counts in the unit's report: they answer a call-out and come.
    const before = (await ok('party', { action: 'report', year }, contact)).report;
    expect(before).toMatchObject({ people: 2, figures: { callouts: 0, points: 0 } });
    const callout = await openCallout(c, 2);
    await ok('party', { action: 'respond', id: callout, answer: 'coming' }, member);
    await ok('party', { action: 'close', id: callout, note: '巡逻结束' }, c.admin);
    const after = (await ok('party', { action: 'report', year }, contact)).report;
    expect(after.figures).toMatchObject({ callouts: 1, minutes: 120 });
    expect(after.figures.points).toBeGreaterThan(0);
  });

  it('refuses a wrong code, another community’s code and a unit not yet confirmed', async () => {
    const { contact, id } = await confirmedUnit(c);
    const { join } = await ok('party', { action: 'unitJoin', id }, contact);
    const stranger = await residentIn(c, '吴小军');
    expect(await call('party', { action: 'join', code: 'ZZZZ2222' }, stranger)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '加入码不存在，请核对后重新输入' });
    const other = await partyCommunity();
    const outsider = await residentIn(other, '郑强');
    expect(await call('party', { action: 'join', code: join.code }, outsider)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await userOf(outsider)).grants).toEqual([]);
    // A member of another unit of the community asks staff before changing units.
    await sdk().database().collection('units').doc(`${c.unitId}b`).set({ communityId: c.id, name: '常州第一中学', kind: '学校' });
    const teacher = await residentIn(c, '褚老师');
    const { invite } = await ok('user', { action: 'createInvite', role: 'unit_member', unitId: `${c.unitId}b` }, c.admin);
    await ok('user', { action: 'redeemInvite', code: invite.code }, teacher);
    expect(await call('party', { action: 'join', code: join.code }, teacher)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await userOf(teacher)).grants.filter((g: any) => g.role === 'unit_member').map((g: any) => g.unitId)).toEqual([`${c.unitId}b`]);
    const waiting = await unitContact(other, '冯涛');
    const { registration } = await ok('party', unitForm([]), waiting);
    expect(await call('party', { action: 'unitJoin', id: registration.id }, waiting)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });
});

describe('双报告 in the exports', () => {
  it('staff export one row per confirmed subject with its figures; others are refused', async () => {
    const c = await partyCommunity();
    const { contact, id } = await confirmedUnit(c);
    await ok('party', { action: 'report', year }, contact);
    await ok('party', { action: 'appraise', subjectId: id, year, grade: 'excellent', comment: '服务群众积极主动' }, c.admin);
    // A party member who came to a call-out: the row's figures are the report's.
    const member = await partyMember(c, '吴先锋');
    const callout = await openCallout(c, 2);
    await ok('party', { action: 'respond', id: callout, answer: 'coming' }, member.openid);
    await ok('party', { action: 'close', id: callout, note: '巡逻结束' }, c.admin);
    const { report } = await ok('party', { action: 'report', year }, member.openid);
    const res = await ok('party', { action: 'exportReports', year }, c.admin);
    expect(res.filename).toMatch(new RegExp(`^party-reports-${year}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(res.rows).toBe(2);
    expect(res.next).toBeUndefined();
    const lines = res.csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('编号,类别,名称,党组织,人数,点亮心愿,办结工单,参加活动,吹哨报到,服务时长（小时）,获得积分,居民评价数,平均星级,承诺完成,评议等次,评语,本人确认');
    expect(lines[1]).toBe(`${id},共建单位,常州供电公司,常州供电公司党委,1,0,0,0,0,0,0,0,,上门检修老旧线路 0/12户,优秀,服务群众积极主动,`);
    const f = report.figures;
    expect(lines[2]).toBe(`${member.registrationId},在职党员,吴**,东台市供电公司第一党支部,1,${f.wishes},${f.tickets},${f.activities},1,2,${f.points},0,,,,,`);
    expect(f.points).toBeGreaterThan(0);
    expect(await call('party', { action: 'exportReports', year }, contact)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'exportReports', year, cursor: 'x1' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});
