import { call, newRequestId, ok, sdk } from '../support/cloud';
import { all } from '../support/booking';
import { openCallout, partyCommunity, partyMember, residentIn, type PartyCommunity } from '../support/party';

type Fail = { ok: false; code: string; message: string };

async function docOf(coll: string, id: string) {
  return (await sdk().database().collection(coll).doc(id).get()).data[0];
}

async function volunteerIn(c: PartyCommunity): Promise<string> {
  const openid = await residentIn(c, '钱志愿');
  const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, c.admin);
  await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
  return openid;
}

describe('社区吹哨、党员报到', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('staff blow a whistle; bad ones are refused; residents who have not registered cannot see or answer', async () => {
    const now = Date.now();
    const base = { action: 'callout', title: '清扫积雪', place: '2幢门前', start: now + 3600_000, end: now + 7200_000, needed: 3 };
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...base, end: base.start }, /结束时间须晚于开始时间/],
      [{ ...base, start: now - 7200_000, end: now - 3600_000 }, /结束时间已过/],
      [{ ...base, needed: 0 }, /至少需要1人/],
      [{ ...base, posts: ['开飞机'] }, /不在本社区的岗位清单/],
      [{ ...base, title: '' }, /吹哨事项/],
    ];
    for (const [event, message] of bad) {
      const r = await call('party', event, c.admin);
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      if (!r.ok) expect(r.message).toMatch(message);
    }
    expect(await call('party', base, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const requestId = newRequestId();
    const first = await ok('party', { ...base, posts: ['环境整治'], urgency: 'urgent', requestId }, c.admin);
    expect(await ok('party', { ...base, posts: ['环境整治'], urgency: 'urgent', requestId }, c.admin)).toEqual(first);
    expect(first.callout).toMatchObject({ title: '清扫积雪', needed: 3, coming: 0, status: 'open', full: false, urgency: 'urgent', posts: ['环境整治'] });
    expect(first.callout.when).toMatch(/^\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect((await sdk().database().collection('party_callouts').where({ communityId: c.id, title: '清扫积雪' }).get()).data).toHaveLength(1);

    expect(await call('party', { action: 'callouts' }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'respond', id: first.callout.id, answer: 'coming' }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Another community's staff see nothing of it.
    expect(await call('party', { action: 'responses', id: first.callout.id }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('open call-outs come first, the soonest first, each with the caller’s own answer', async () => {
    const d = await partyCommunity();
    const now = Date.now();
    const make = (title: string, start: number) => ok('party', { action: 'callout', title, place: '社区广场', start, end: start + 3600_000, needed: 2 }, d.admin);
    const later = await make('明晚巡逻', now + 30 * 3600_000);
    const sooner = await make('今晚巡逻', now + 3600_000);
    const done = await make('昨晚巡逻', now - 600_000);
    await ok('party', { action: 'close', id: done.callout.id, note: '已结束' }, d.admin);
    const member = await partyMember(d);
    await ok('party', { action: 'respond', id: later.callout.id, answer: 'declined' }, member.openid);
    const { items } = await ok('party', { action: 'callouts' }, member.openid);
    expect(items.map((i: any) => [i.title, i.status, i.mine])).toEqual([
      ['今晚巡逻', 'open', undefined],
      ['明晚巡逻', 'open', 'declined'],
      ['昨晚巡逻', 'closed', undefined],
    ]);
    expect((await ok('party', { action: 'callouts', status: 'closed' }, member.openid)).items.map((i: any) => i.title)).toEqual(['昨晚巡逻']);
    expect(sooner.callout.status).toBe('open');
  });

  it('报到 and 不能到: a place is taken and given back; a repeat writes nothing again; a full call-out says so', async () => {
    const id = await openCallout(c, 1);
    const member = await partyMember(c, '刘党员');
    const volunteer = await volunteerIn(c);
    const requestId = newRequestId();
    const first = await ok('party', { action: 'respond', id, answer: 'coming', requestId }, member.openid);
    expect(first.callout).toMatchObject({ coming: 1, full: true, mine: 'coming' });
    expect(await ok('party', { action: 'respond', id, answer: 'coming', requestId }, member.openid)).toEqual(first);
    // Answering 报到 twice keeps one place.
    expect((await ok('party', { action: 'respond', id, answer: 'coming' }, member.openid)).callout.coming).toBe(1);
    const full = await call('party', { action: 'respond', id, answer: 'coming' }, volunteer);
    expect(full).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    if (!full.ok) expect(full.message).toMatch(/报到人数已满/);
    // 不能到 is always heard, and gives the place back.
    expect((await ok('party', { action: 'respond', id, answer: 'declined' }, volunteer)).callout).toMatchObject({ mine: 'declined', coming: 1 });
    expect((await ok('party', { action: 'respond', id, answer: 'declined' }, member.openid)).callout).toMatchObject({ coming: 0, full: false });
    expect((await ok('party', { action: 'respond', id, answer: 'coming' }, volunteer)).callout).toMatchObject({ coming: 1, mine: 'coming' });

    const { responses } = await ok('party', { action: 'responses', id }, c.admin);
    expect(responses.map((r: any) => [r.name, r.answer, r.party])).toEqual([
      ['刘党员', 'declined', true],
      ['钱志愿', 'coming', false],
    ]);
    expect(await call('party', { action: 'responses', id }, volunteer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('200 answers at once for 20 places: exactly 20 报到, the rest told it is full', async () => {
    const d = await partyCommunity();
    const id = await openCallout(d, 20);
    const people = await all(100, async () => {
      const openid = await residentIn(d, '抢报到');
      const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, d.admin);
      await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
      return openid;
    });
    // Each taps twice at once (a double tap, two phones).
    const t0 = Date.now();
    const results = await all(200, (i) => call('party', { action: 'respond', id, answer: 'coming', requestId: newRequestId() }, people[i % 100]));
    const elapsed = Date.now() - t0;
    const won = results.flatMap((r, i) => (r.ok ? [{ person: i % 100, mine: (r.data as any).callout.mine }] : []));
    const lost = results.filter((r) => !r.ok) as Fail[];
    expect(lost.every((r) => r.code === 'RESOURCE_EXHAUSTED' || r.code === 'CONFLICT')).toBe(true);
    const callout = await docOf('party_callouts', id);
    expect(callout.comingIds).toHaveLength(20);
    expect(new Set(callout.comingIds).size).toBe(20);
    const coming = (await sdk().database().collection('party_responses').where({ calloutId: id, answer: 'coming' }).limit(1000).get()).data;
    expect(coming.map((r: any) => r.userId).sort()).toEqual([...callout.comingIds].sort());
    // Whoever was answered 报到 holds one of the 20 places (a twin answers as its person).
    expect(new Set(won.map((w) => w.person)).size).toBe(20);
    expect(won.every((w) => w.mine === 'coming')).toBe(true);
    console.log(`[race] 200 answers (100 people, each twice at once) for a call-out of 20: ${callout.comingIds.length} 报到, ${lost.length} refused; ${elapsed} ms`);
    // 100 people joining and 200 answers at once: with both cores busy elsewhere this takes minutes, not seconds.
  }, 300_000);

  it('closing credits those who came once through the ledger, none who were absent or said 不能到', async () => {
    const id = await openCallout(c, 3);
    const came = await partyMember(c, '郑先锋');
    const absent = await partyMember(c, '冯缺席');
    const declined = await partyMember(c, '陈有事');
    for (const p of [came, absent]) await ok('party', { action: 'respond', id, answer: 'coming' }, p.openid);
    await ok('party', { action: 'respond', id, answer: 'declined' }, declined.openid);
    expect(await call('party', { action: 'close', id, note: '巡逻结束' }, came.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const requestId = newRequestId();
    const closed = await ok('party', { action: 'close', id, note: '巡逻结束，未发现隐患', absent: [absent.userId], requestId }, c.admin);
    expect(closed).toMatchObject({ credited: 1, callout: { status: 'closed', note: '巡逻结束，未发现隐患' } });
    expect(await ok('party', { action: 'close', id, note: '巡逻结束，未发现隐患', absent: [absent.userId], requestId }, c.admin)).toEqual(closed);
    expect(await call('party', { action: 'close', id, note: '再关一次' }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await call('party', { action: 'respond', id, answer: 'coming' }, declined.openid)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });

    const entries = (await sdk().database().collection('points_entries').where({ source: { type: 'callout', id } }).get()).data;
    // 参加一次社区活动 5 + 2 hours × 志愿服务每满1小时 2.
    // The party member's points, and the same 9 as 先锋积分 on their vanguard account.
    expect(entries.sort((x: any, y: any) => (x._id < y._id ? -1 : 1))).toEqual([
      expect.objectContaining({ userId: came.userId, amount: 9, kind: 'earn', reason: '党员响应社区吹哨：夜间平安巡逻（2小时）' }),
      expect.objectContaining({ userId: came.userId, amount: 9, kind: 'earn', account: 'vanguard' }),
    ]);
    const account = await docOf('points_accounts', `${c.id}.${came.userId}`);
    expect(account).toMatchObject({ balance: 9, earned: 9 });
    expect(await docOf('party_responses', `${id}.${came.userId}`)).toMatchObject({ attended: true, minutes: 120 });
    expect(await docOf('party_responses', `${id}.${absent.userId}`)).toMatchObject({ attended: false, minutes: 0 });
  });
});
