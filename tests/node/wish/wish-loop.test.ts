import { call, ok, sdk, snapshot, newRequestId } from '../support/cloud';
import { age, balanceOf, newResident, newVolunteer, openWish, userIdOf } from '../support/wish';

const DAY = 24 * 3600 * 1000;
const WATCHED = ['wishes', 'wish_events', 'wish_claimers', 'points_entries', 'points_accounts', 'requests'];

async function expectNoWrite(run: () => Promise<unknown>) {
  const before = await snapshot(WATCHED);
  await run();
  expect(await snapshot(WATCHED)).toEqual(before);
}

describe('the wish loop', () => {
  it('publish → review → claim → proof → confirm → points, with a full timeline', async () => {
    const resident = await newResident();
    const volunteer = await newVolunteer();
    const volunteerId = await userIdOf(volunteer);
    const before = await balanceOf(volunteerId);

    const published = await ok('wish', { action: 'publish', title: '想要一副老花镜', content: '眼睛花了看不清药盒上的字，想要一副老花镜。', category: '医疗健康', showPhone: true, requestId: newRequestId() }, resident);
    expect(published.wish).toMatchObject({ status: 'pending_review', mine: true, wants: 1 });
    const id = published.wish.id;

    // Not on the wall until reviewed.
    const wall = await ok('wish', { action: 'list' }, volunteer);
    expect(wall.items.map((w: any) => w.id)).not.toContain(id);

    const reviewed = await ok('wish', { action: 'review', id, approve: true }, 'demo-staff');
    expect(reviewed.wish.status).toBe('open');
    const outbox = await sdk().database().collection('outbox').where({ template_id: 'tmpl-wish-reviewed', touser: resident }).get();
    expect(outbox.data).toHaveLength(1);

    const claimed = await ok('wish', { action: 'claim', id }, volunteer);
    expect(claimed.wish).toMatchObject({ status: 'claimed', claimedByMe: true });
    expect(claimed.wish.contact).toEqual({ name: expect.stringMatching(/^居民/) });
    expect(claimed.wish.leaseUntil).toBeGreaterThan(Date.now() + 6 * DAY);

    const proof = await ok('wish', { action: 'submitProof', id, note: '已送到家中，老人试戴合适。' }, volunteer);
    expect(proof.wish.status).toBe('awaiting_confirmation');

    const confirmed = await ok('wish', { action: 'confirm', id }, resident);
    expect(confirmed.wish.status).toBe('completed');
    expect(confirmed.pointsAwarded).toBe(10);
    expect(await balanceOf(volunteerId)).toBe(before + 10);

    const rated = await ok('wish', { action: 'rate', id, stars: 5, comment: '谢谢小伙子' }, resident);
    expect(rated.wish.rating).toEqual({ stars: 5, comment: '谢谢小伙子' });

    const { wish } = await ok('wish', { action: 'get', id }, resident);
    expect(wish.timeline.map((e: any) => [e.from, e.to])).toEqual([
      [null, 'pending_review'],
      ['pending_review', 'open'],
      ['open', 'claimed'],
      ['claimed', 'awaiting_confirmation'],
      ['awaiting_confirmation', 'completed'],
    ]);
    expect(wish.timeline[1].by).toBe('社区工作者');
    expect(wish.timeline[2].by).toMatch(/^志愿者 居\*+$/);
    const events = await sdk().database().collection('wish_events').where({ wishId: id }).get();
    for (const e of events.data) expect(e).toMatchObject({ byUserId: expect.any(String), at: expect.any(Number), to: expect.any(String) });
  });

  it('the claimer sees the phone only when the resident allowed it', async () => {
    const withPhone = await openWish('帮忙买米送上楼', 'demo-resident');
    const volunteer = await newVolunteer();
    expect((await ok('wish', { action: 'claim', id: withPhone }, volunteer)).wish.contact.phoneMasked).toBe('138****4501');
    expect(await ok('wish', { action: 'contact', id: withPhone }, volunteer)).toEqual({ phone: '13851234501' });
    const resident = await newResident();
    const noPhone = await openWish('帮忙换个水龙头', resident, { showPhone: false });
    const v2 = await newVolunteer();
    const claimed = await ok('wish', { action: 'claim', id: noPhone }, v2);
    expect(claimed.wish.contact.phoneMasked).toBeUndefined();
    expect(await call('wish', { action: 'contact', id: noPhone }, v2)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });
});

describe('claims under pressure', () => {
  it('50 volunteers claiming one wish at once: exactly one wins, the rest get CONFLICT', async () => {
    const id = await openWish('周末陪老人去医院复查');
    const volunteers = await Promise.all(Array.from({ length: 50 }, () => newVolunteer()));
    const results = await Promise.all(volunteers.map((v) => call('wish', { action: 'claim', id }, v)));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(49);
    const claimers = await sdk().database().collection('wish_claimers').where({ live: 1 }).get();
    const winnerId = (winners[0] as any).data.wish.claimer;
    expect(winnerId).toBeTruthy();
    const events = await sdk().database().collection('wish_events').where({ wishId: id, to: 'claimed' }).get();
    expect(events.data).toHaveLength(1);
    expect(claimers.data.length).toBeGreaterThanOrEqual(1);
  });

  it('two confirms at once award the points once', async () => {
    const id = await openWish('帮忙修理轮椅刹车');
    const volunteer = await newVolunteer();
    const vid = await userIdOf(volunteer);
    await ok('wish', { action: 'claim', id }, volunteer);
    await ok('wish', { action: 'submitProof', id, note: '刹车已修好' }, volunteer);
    const before = await balanceOf(vid);
    const results = await Promise.all([call('wish', { action: 'confirm', id }, 'demo-resident'), call('wish', { action: 'confirm', id }, 'demo-resident')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await balanceOf(vid)).toBe(before + 10);
    const entries = await sdk().database().collection('points_entries').where({ 'source.id': id }).get();
    expect(entries.data).toHaveLength(1);
  });

  it('a person holds at most three live claims, even when claiming four at once', async () => {
    const ids = await Promise.all(['买菜', '取药', '修门锁', '送报纸'].map((t) => openWish(`请帮忙${t}，谢谢邻居`)));
    const volunteer = await newVolunteer();
    const results = await Promise.all(ids.map((id) => call('wish', { action: 'claim', id }, volunteer)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.code === 'RESOURCE_EXHAUSTED')).toHaveLength(1);
  });

  it('replaying a claim with the same requestId writes nothing again', async () => {
    const id = await openWish('帮忙把旧家具搬下楼');
    const volunteer = await newVolunteer();
    const requestId = newRequestId();
    const first = await ok('wish', { action: 'claim', id, requestId }, volunteer);
    const events = async () => (await sdk().database().collection('wish_events').where({ wishId: id }).count()).total;
    const n = await events();
    const again = await ok('wish', { action: 'claim', id, requestId }, volunteer);
    expect(again.wish.status).toBe(first.wish.status);
    expect(await events()).toBe(n);
  });
});

describe('back on the wall', () => {
  it('release and revoke return the wish to open and free the claim slot', async () => {
    const id = await openWish('帮忙贴春联');
    const volunteer = await newVolunteer();
    await ok('wish', { action: 'claim', id }, volunteer);
    expect((await ok('wish', { action: 'release', id }, volunteer)).wish.status).toBe('open');
    await ok('wish', { action: 'claim', id }, volunteer);
    expect(await call('wish', { action: 'revoke', id }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect((await ok('wish', { action: 'revoke', id, reason: '志愿者联系不上' }, 'demo-staff')).wish.status).toBe('open');
    const vid = await userIdOf(volunteer);
    expect((await sdk().database().collection('wish_claimers').doc(vid).get()).data[0].live).toBe(0);
  });

  it('an expired lease is released by the timer trigger', async () => {
    const id = await openWish('帮忙调电视机顶盒');
    const volunteer = await newVolunteer();
    await ok('wish', { action: 'claim', id }, volunteer);
    await age(id, { 'claim.leaseUntil': Date.now() - 1000 });
    const res = await fetch(`${process.env.HONGLIN_URL}/timers/wish/expireLeases`, { method: 'POST' });
    expect(res.status).toBe(200);
    const { wish } = await ok('wish', { action: 'get', id }, 'demo-staff');
    expect(wish.status).toBe('open');
    expect(wish.timeline.at(-1)).toMatchObject({ from: 'claimed', to: 'open', by: '系统' });
  });

  it('an expired lease is released on read, too', async () => {
    const id = await openWish('帮忙看看漏水的水管');
    const volunteer = await newVolunteer();
    await ok('wish', { action: 'claim', id }, volunteer);
    await age(id, { 'claim.leaseUntil': Date.now() - 1000 });
    const wall = await ok('wish', { action: 'list', status: 'open' }, 'demo-resident');
    expect(wall.items.find((w: any) => w.id === id)?.status).toBe('open');
  });

  it('a dispute sends it back to the claimer', async () => {
    const id = await openWish('帮忙修理晾衣架');
    const volunteer = await newVolunteer();
    await ok('wish', { action: 'claim', id }, volunteer);
    await ok('wish', { action: 'submitProof', id, note: '修好了' }, volunteer);
    expect(await call('wish', { action: 'dispute', id }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const r = await ok('wish', { action: 'dispute', id, reason: '还是晃，没有修好' }, 'demo-resident');
    expect(r.wish.status).toBe('claimed');
  });
});

describe('confirmation by staff', () => {
  it('staff alone may confirm only after the resident has been silent three days', async () => {
    const id = await openWish('帮忙办理老年卡');
    const volunteer = await newVolunteer();
    await ok('wish', { action: 'claim', id }, volunteer);
    await ok('wish', { action: 'submitProof', id, note: '老年卡已办好送到' }, volunteer);
    await expectNoWrite(async () => {
      expect(await call('wish', { action: 'confirm', id }, 'demo-staff')).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/3天/) });
    });
    await age(id, { 'proof.at': Date.now() - 3 * DAY - 1000 });
    const r = await ok('wish', { action: 'confirm', id }, 'demo-staff');
    expect(r.wish.status).toBe('completed');
    expect(r.wish.timeline.at(-1).why).toMatch(/社区代为确认/);
  });
});

describe('refusals change nothing', () => {
  let id: string;
  beforeAll(async () => {
    id = await openWish('帮忙给老人理发');
  });

  it.each([
    ['a resident claims', 'demo-resident', { action: 'claim' }, 'FORBIDDEN'],
    ['staff claim', 'demo-staff', { action: 'claim' }, 'FORBIDDEN'],
    ['a volunteer reviews', 'demo-volunteer', { action: 'review', approve: true }, 'FORBIDDEN'],
    ['a volunteer takes down', 'demo-volunteer', { action: 'takedown', reason: '不合适' }, 'FORBIDDEN'],
    ['someone else withdraws', 'demo-volunteer', { action: 'withdraw' }, 'FORBIDDEN'],
    ['a non-claimer submits proof', 'demo-volunteer', { action: 'submitProof', note: '好了' }, 'FORBIDDEN'],
    ['review of an open wish', 'demo-staff', { action: 'review', approve: true }, 'FAILED_PRECONDITION'],
    ['confirm of an open wish', 'demo-resident', { action: 'confirm' }, 'FAILED_PRECONDITION'],
    ['rating before completion', 'demo-resident', { action: 'rate', stars: 5 }, 'CONFLICT'],
    ['a stranger reads', 'nobody-knows-me', { action: 'get' }, 'UNAUTHENTICATED'],
  ])('%s → %s', async (_name, openid, event, code) => {
    await expectNoWrite(async () => {
      expect(await call('wish', { ...event, id }, openid)).toMatchObject({ ok: false, code });
    });
  });

  it('the publisher cannot claim their own wish', async () => {
    const volunteer = await newVolunteer();
    const own = await openWish('帮忙取快递', volunteer);
    await expectNoWrite(async () => {
      expect(await call('wish', { action: 'claim', id: own }, volunteer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    });
  });

  it.each([
    [{ action: 'publish', title: '', content: '内容', category: '其他' }, /标题/],
    [{ action: 'publish', title: '标'.repeat(31), content: '内容', category: '其他' }, /30/],
    [{ action: 'publish', title: '标题', content: '内'.repeat(301), category: '其他' }, /300/],
    [{ action: 'publish', title: '标题', content: '内容', category: '买房' }, /类别/],
    [{ action: 'publish', title: '标题', content: '内容', category: '其他', photos: ['http://evil'] }, /上传/],
    [{ action: 'publish', title: '赌博', content: '一起来', category: '其他' }, /不适宜/],
    [{ action: 'claim', id: { $gt: '' } }, /心愿编号/],
    [{ action: 'rate', id: 'w_x', stars: 6 }, /1到5/],
    [{ action: 'list', limit: 100 }, /20/],
    [{ action: 'list', status: 'pending_review' }, /./],
  ])('%j is refused clearly', async (event, message) => {
    await expectNoWrite(async () => {
      const r = await call('wish', event, 'demo-resident');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).not.toBe('INTERNAL');
        expect(r.message).toMatch(message);
      }
    });
  });
});
