import { call, cloudUrl, newRequestId, ok, sdk } from '../support/cloud';
import { offset } from '../support/map';
import { memberForm, openCallout, partyCommunity, partyMember, residentIn, type PartyCommunity } from '../support/party';

type Fail = { ok: false; code: string; message: string };

async function docOf(coll: string, id: string) {
  return (await sdk().database().collection(coll).doc(id).get()).data[0];
}

async function userIdOf(openid: string): Promise<string> {
  return (await ok('user', { action: 'me' }, openid)).me.id;
}

/** A grid of the community with its centre `north` metres north of the community's. */
async function gridAt(c: PartyCommunity, code: string, north: number): Promise<string> {
  const id = `${c.gridId}_${code}`;
  await sdk().database().collection('grids').doc(id).set({ communityId: c.id, code, name: `${code}网格`, buildings: ['1幢'], center: offset(c.center, north, 0) });
  return id;
}

async function liveIn(openid: string, gridId: string): Promise<void> {
  await ok('user', { action: 'chooseGrid', gridId, building: '1幢' }, openid);
}

/** A volunteer (by invite) who offers a skill in the resources list. */
async function skilledVolunteer(c: PartyCommunity, name: string, skill: string): Promise<{ openid: string; userId: string }> {
  const openid = await residentIn(c, name);
  const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, c.admin);
  await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
  const userId = await userIdOf(openid);
  const now = Date.now();
  await sdk().database().collection('resources').doc(`rs_${userId}`).set({
    communityId: c.id,
    title: `${name}的${skill}`,
    providerKind: 'volunteer',
    providerId: userId,
    providerName: name,
    userId,
    categories: [skill],
    capacity: 2,
    period: 'week',
    area: {},
    status: 'active',
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  });
  return { openid, userId };
}

async function fault(api: string, mode: 'error' | 'off', openid: string): Promise<void> {
  const res = await fetch(`${cloudUrl()}/openapi/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api, mode, openid }) });
  expect(res.status).toBe(200);
}

async function count(coll: string, where: Record<string, unknown>): Promise<number> {
  return (await sdk().database().collection(coll).where(where).count()).total;
}

describe('社区吹哨 nearest first, to those who fit', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('可通知 lists members with the post and volunteers with the skill, nearest first, those without a place last', async () => {
    const [near, far] = [await gridAt(c, 'n', 200), await gridAt(c, 'f', 2000)];
    const farMember = await partyMember(c, '远党员');
    await liveIn(farMember.openid, far);
    const nearMember = await partyMember(c, '近党员');
    await liveIn(nearMember.openid, near);
    const nowhere = await partyMember(c, '无网格');
    const plumber = await skilledVolunteer(c, '水电师傅', '水电维修');
    await liveIn(plumber.openid, near);
    const teacher = await skilledVolunteer(c, '手机老师', '电脑手机教学');

    const location = offset(c.center, 150, 0);
    const both = await ok('party', { action: 'audience', posts: ['平安巡逻'], skills: ['水电维修'], location }, c.admin);
    expect(both.people.map((p: any) => [p.name, p.why])).toEqual([
      ['近党员', '岗位：平安巡逻'],
      ['水电师傅', '技能：水电维修'],
      ['远党员', '岗位：平安巡逻'],
      ['无网格', '岗位：平安巡逻'],
    ]);
    // The support's metres-to-degrees is rounded: within 10 m of the offsets' difference.
    expect(Math.abs(both.people[0].distanceM - 50)).toBeLessThan(10);
    expect(Math.abs(both.people[2].distanceM - 1850)).toBeLessThan(10);
    expect(both.people[3].distanceM).toBeUndefined();
    expect(both.total).toBe(4);

    const skillOnly = await ok('party', { action: 'audience', skills: ['电脑手机教学'] }, c.admin);
    expect(skillOnly.people.map((p: any) => p.name)).toEqual(['手机老师']);
    // A whistle asking for nothing reaches every registered member and every volunteer.
    const all = await ok('party', { action: 'audience', location }, c.admin);
    expect(new Set(all.people.map((p: any) => p.userId))).toEqual(new Set([nearMember, farMember, nowhere, plumber, teacher].map((p) => p.userId)));

    expect(await call('party', { action: 'audience' }, nearMember.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'audience', skills: ['修飞机'] }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '技能类别不正确' });

    // The whistle goes to the same people: the skilled volunteer hears it, the other one does not.
    const start = Date.now() + 3600_000;
    const { callout } = await ok('party', { action: 'callout', title: '楼道线路检修', place: '一网格3幢', location, start, end: start + 3600_000, needed: 2, skills: ['水电维修'] }, c.admin);
    expect(callout.skills).toEqual(['水电维修']);
    expect(await count('notices', { to: plumber.userId, title: '社区吹哨：楼道线路检修' })).toBe(1);
    expect(await count('notices', { to: teacher.userId, title: '社区吹哨：楼道线路检修' })).toBe(0);
    expect(await count('notices', { to: nearMember.userId, title: '社区吹哨：楼道线路检修' })).toBe(0);
  });

  it('a person sees open call-outs nearest to their grid first, then closed ones', async () => {
    const d = await partyCommunity();
    const home = await gridAt(d, 'h', 0);
    const member = await partyMember(d, '近邻');
    await liveIn(member.openid, home);
    const now = Date.now();
    const make = (title: string, north: number | null, start: number) =>
      ok('party', { action: 'callout', title, place: '社区', ...(north === null ? {} : { location: offset(d.center, north, 0) }), start, end: start + 3600_000, needed: 3 }, d.admin);
    await make('远处先开始', 1500, now + 600_000);
    await make('近处后开始', 100, now + 7200_000);
    await make('没有位置', null, now + 60_000);
    const done = await make('已结束的', 10, now + 60_000);
    await ok('party', { action: 'close', id: done.callout.id, note: '取消' }, d.admin);
    const { items } = await ok('party', { action: 'callouts' }, member.openid);
    expect(items.map((i: any) => i.title)).toEqual(['近处后开始', '远处先开始', '没有位置', '已结束的']);
  });
});

describe('现场签到', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('a member who answered 报到 checks in with the typed code or the QR, once; others and wrong codes are refused', async () => {
    const id = await openCallout(c, 5);
    const { site, callout } = await ok('party', { action: 'responses', id }, c.admin);
    expect(site.code).toMatch(/^\d{6}$/);
    expect(site.qr).toBe(`hl-callout:${id}?k=${site.code}`);
    expect(callout.arrived).toBe(0);

    const typed = await partyMember(c, '陈打字');
    const scanned = await partyMember(c, '林扫码');
    const late = await partyMember(c, '何未报');
    for (const p of [typed, scanned]) await ok('party', { action: 'respond', id, answer: 'coming' }, p.openid);
    const wrong = String((Number(site.code) + 1) % 1_000_000).padStart(6, '0');
    expect(await call('party', { action: 'checkIn', id, code: wrong }, typed.openid)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '签到码不对，请核对现场出示的6位签到码' });
    expect(await call('party', { action: 'checkIn', id, code: `hl-callout:co_other?k=${site.code}` }, typed.openid)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('party', { action: 'checkIn', id, code: site.code }, late.openid)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '您没有报到这次吹哨，请先点“报到”' });
    expect(await call('party', { action: 'checkIn', id }, typed.openid)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect((await docOf('party_responses', `${id}.${typed.userId}`)).checkedInAt).toBeUndefined();

    const first = await ok('party', { action: 'checkIn', id, code: ` ${site.code} ` }, typed.openid);
    expect(first.callout).toMatchObject({ arrived: 1, mine: 'coming' });
    expect(first.callout.checkedInAt).toEqual(expect.any(Number));
    expect(first.response).toMatchObject({ checkedInBy: 'self', name: '陈**' });
    const again = await ok('party', { action: 'checkIn', id, code: site.code }, typed.openid);
    expect(again.callout.checkedInAt).toBe(first.callout.checkedInAt);
    expect(again.callout.arrived).toBe(1);

    expect(await call('party', { action: 'respond', id, answer: 'declined' }, typed.openid)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '您已在现场签到，不能再改为不能到' });
    await ok('party', { action: 'checkIn', id, code: site.qr }, scanned.openid);
    const doc = await docOf('party_callouts', id);
    expect(doc.arrivedIds).toEqual([typed.userId, scanned.userId]);
    const answers = await ok('party', { action: 'responses', id }, c.admin);
    expect(answers.callout.arrived).toBe(2);
    expect(answers.responses.filter((r: any) => r.checkedInAt).map((r: any) => r.name).sort()).toEqual(['林扫码', '陈打字'].sort());
  });

  it('staff check someone in by hand; nobody else may; not before the window opens', async () => {
    const now = Date.now();
    const later = (await ok('party', { action: 'callout', title: '明晚巡逻', place: '北门', start: now + 3 * 3600_000, end: now + 4 * 3600_000, needed: 3 }, c.admin)).callout.id;
    const id = await openCallout(c, 3);
    const p = await partyMember(c, '郭手签');
    const other = await partyMember(c, '郑旁人');
    for (const x of [id, later]) await ok('party', { action: 'respond', id: x, answer: 'coming' }, p.openid);
    expect(await call('party', { action: 'checkIn', id, userId: p.userId }, other.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'checkIn', id, userId: other.userId }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '此人没有报到这次吹哨' });
    const { site } = await ok('party', { action: 'responses', id: later }, c.admin);
    const early = (await call('party', { action: 'checkIn', id: later, code: site.code }, p.openid)) as Fail;
    expect(early).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(early.message).toMatch(/^未到签到时间，可在\d+月\d+日 \d\d:\d\d后签到$/);

    const requestId = newRequestId();
    const res = await ok('party', { action: 'checkIn', id, userId: p.userId, requestId }, c.admin);
    expect(res.response).toMatchObject({ name: '郭手签', checkedInBy: 'staff' });
    expect(await ok('party', { action: 'checkIn', id, userId: p.userId, requestId }, c.admin)).toEqual(res);
    const events = (await sdk().database().collection('party_events').where({ targetId: id, why: '郭手签由工作人员代为签到' }).get()).data;
    expect(events).toHaveLength(1);
  });

  it('closing credits those checked in by default; staff add one who came and take off one who left; once', async () => {
    const id = await openCallout(c, 5);
    const { site } = await ok('party', { action: 'responses', id }, c.admin);
    const [inA, inB, came, stayedHome] = [await partyMember(c, '甲签到'), await partyMember(c, '乙签到'), await partyMember(c, '丙忘签'), await partyMember(c, '丁没来')];
    for (const p of [inA, inB, came, stayedHome]) await ok('party', { action: 'respond', id, answer: 'coming' }, p.openid);
    for (const p of [inA, inB]) await ok('party', { action: 'checkIn', id, code: site.code }, p.openid);
    const requestId = newRequestId();
    const closed = await ok('party', { action: 'close', id, note: '巡逻结束', absent: [inB.userId], present: [came.userId], requestId }, c.admin);
    expect(closed.credited).toBe(2);
    expect(await ok('party', { action: 'close', id, note: '巡逻结束', absent: [inB.userId], present: [came.userId], requestId }, c.admin)).toEqual(closed);
    const entries = (await sdk().database().collection('points_entries').where({ source: { type: 'callout', id } }).get()).data;
    // Points entries, beside the 先锋积分 the party members among them earn too.
    expect(entries.filter((e: any) => e.account !== 'vanguard').map((e: any) => e.userId).sort()).toEqual([inA.userId, came.userId].sort());
    for (const [p, attended] of [[inA, true], [inB, false], [came, true], [stayedHome, false]] as const) {
      expect(await docOf('party_responses', `${id}.${p.userId}`)).toMatchObject({ attended, minutes: attended ? 120 : 0 });
    }
    expect(await call('party', { action: 'checkIn', id, code: site.code }, stayedHome.openid)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '这次吹哨已结束，不能签到' });
    expect((await ok('party', { action: 'responses', id }, c.admin)).site).toBeUndefined();
  });
});

describe('content check of registrations and call-outs', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('a registration with a blocked word is refused and nothing is stored; one that cannot be checked waits for staff with the reason', async () => {
    const someone = await residentIn(c, '周报到');
    const userId = await userIdOf(someone);
    const refused = (await call('party', memberForm({ workUnit: '刷单工作室' }), someone)) as Fail;
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '报到信息含有不适宜的词语，请修改后再提交' });
    expect(await count('party_registrations', { userId })).toBe(0);

    await fault('security.msgSecCheck', 'error', someone);
    try {
      const { registration } = await ok('party', memberForm(), someone);
      expect(registration).toMatchObject({ status: 'pending', held: '内容安全检查暂不可用，待人工审核' });
    } finally {
      await fault('security.msgSecCheck', 'off', someone);
    }
    const { registration } = await ok('party', memberForm(), someone);
    expect(registration.held).toBeUndefined();
  });

  it('a call-out with a blocked word, or one that cannot be checked, is not blown and nobody is told', async () => {
    const member = await partyMember(c, '吴听哨');
    const start = Date.now() + 3600_000;
    const whistle = { action: 'callout', title: '清查赌博窝点', place: '北门', start, end: start + 3600_000, needed: 2 };
    expect(await call('party', whistle, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '吹哨内容含有不适宜的词语，请修改后再吹哨' });
    await fault('security.msgSecCheck', 'error', c.admin);
    try {
      expect(await call('party', { ...whistle, title: '清理楼道杂物' }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    } finally {
      await fault('security.msgSecCheck', 'off', c.admin);
    }
    expect(await count('party_callouts', { communityId: c.id })).toBe(0);
    expect(await count('notices', { to: member.userId })).toBe(0);
  });
});
