import { ok, sdk } from '../support/cloud';
import { age, newResident, newVolunteer, openWish, userIdOf } from '../support/wish';

jest.setTimeout(60_000);

const DAY = 24 * 3600_000;

async function noticesTo(userId: string): Promise<any[]> {
  const res = await sdk().database().collection('notices').where({ to: userId }).limit(100).get();
  return (res.data as any[]).sort((a, b) => a.at - b.at);
}

async function claimMessages(openid: string): Promise<any[]> {
  const res = await sdk().database().collection('outbox').where({ template_id: 'tmpl-claim-changed', touser: openid }).limit(100).get();
  return res.data as any[];
}

/** A fresh volunteer holding a claim on a fresh wish of a fresh resident. */
async function claimed(title: string) {
  const resident = await newResident();
  const volunteer = await newVolunteer();
  const id = await openWish(title, resident);
  await ok('wish', { action: 'claim', id }, volunteer);
  return { id, resident, volunteer, volunteerId: await userIdOf(volunteer) };
}

describe('the volunteer is told what became of their claim, with the reason', () => {
  it('revoked by staff: a notice on 首页 and the subscribe message, once for a resent request', async () => {
    const w = await claimed('帮忙取快递');
    const requestId = `req-told-${Date.now()}`;
    await ok('wish', { action: 'revoke', id: w.id, reason: '居民已自行解决', requestId }, 'demo-staff');
    await ok('wish', { action: 'revoke', id: w.id, reason: '居民已自行解决', requestId }, 'demo-staff');
    const notices = await noticesTo(w.volunteerId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: '社区撤销了您的认领：帮忙取快递', body: '原因：居民已自行解决', page: `/pages/wish/detail/index?id=${w.id}`, communityId: 'c_beihai' });
    const sent = await claimMessages(w.volunteer);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toEqual({ thing1: { value: '帮忙取快递' }, phrase2: { value: '已撤销' }, thing3: { value: '居民已自行解决' } });
    expect(sent[0].page).toBe(`pages/wish/detail/index?id=${w.id}`);
    // The resident whose wish it was is told nothing of this kind.
    expect(await noticesTo(await userIdOf(w.resident))).toEqual([]);
    // 我的数据 holds it too.
    expect((await ok('user', { action: 'myData' }, w.volunteer)).notices).toMatchObject({ total: 1, items: [{ title: '社区撤销了您的认领：帮忙取快递', body: '原因：居民已自行解决' }] });
    const home = await ok('user', { action: 'home' }, w.volunteer);
    expect(home.notices[0]).toMatchObject({ title: '社区撤销了您的认领：帮忙取快递', body: '原因：居民已自行解决', mine: true });
  });

  it('released by the lease timer: told once, with the lease as the reason', async () => {
    const w = await claimed('帮忙换灯泡');
    const wish = (await sdk().database().collection('wishes').doc(w.id).get()).data[0];
    await age(w.id, { 'claim.leaseUntil': Date.now() - 1000, 'claim.claimedAt': wish.claim.claimedAt - 8 * DAY });
    for (let i = 0; i < 2; i++) expect((await fetch(`${process.env.HONGLIN_URL}/timers/wish/expireLeases`, { method: 'POST' })).status).toBe(200);
    const notices = await noticesTo(w.volunteerId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: '认领已到期，心愿已放回心愿墙：帮忙换灯泡', body: '原因：认领超过7天未完成，自动释放' });
    const sent = await claimMessages(w.volunteer);
    expect(sent.map((m) => m.data.phrase2.value)).toEqual(['已释放']);
  });

  it('disputed by the resident: told with what the resident said', async () => {
    const w = await claimed('帮忙修水龙头');
    await ok('wish', { action: 'submitProof', id: w.id, note: '已经修好了' }, w.volunteer);
    await ok('wish', { action: 'dispute', id: w.id, reason: '水龙头还在滴水' }, w.resident);
    const notices = await noticesTo(w.volunteerId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: '居民认为还没有完成：帮忙修水龙头', body: '原因：水龙头还在滴水' });
    const sent = await claimMessages(w.volunteer);
    expect(sent.map((m) => [m.data.phrase2.value, m.data.thing3.value])).toEqual([['有异议', '水龙头还在滴水']]);
    // The claim is still theirs.
    expect((await ok('user', { action: 'home' }, w.volunteer)).volunteer.claims.map((c: any) => c.id)).toContain(w.id);
  });

  it('a volunteer who gives up their own claim is not told of it', async () => {
    const w = await claimed('帮忙买菜');
    await ok('wish', { action: 'release', id: w.id, reason: '临时出差' }, w.volunteer);
    expect(await noticesTo(w.volunteerId)).toEqual([]);
    expect(await claimMessages(w.volunteer)).toEqual([]);
  });
});
