import { call, newRequestId, ok, sdk } from '../support/cloud';
import { newBookingCommunity, newErrandService, residentOf, shanghaiDay, type BookingCommunity } from '../support/booking';
import { takeAgentPost } from '../support/party';
import { userIdOf } from '../support/wish';

async function docOf(coll: string, id: string) {
  return (await sdk().database().collection(coll).doc(id).get()).data[0];
}

async function rows(coll: string, where: Record<string, unknown>) {
  return (await sdk().database().collection(coll).where(where).limit(100).get()).data as any[];
}

/** A resident of the community's grid, named, who registers as a party member with these posts; staff confirm. */
async function member(c: BookingCommunity, name: string, posts: string[]): Promise<{ openid: string; userId: string }> {
  const openid = await residentOf(c);
  await ok('user', { action: 'updateProfile', displayName: name }, openid);
  await takeAgentPost(openid, c.admin, { posts });
  return { openid, userId: await userIdOf(openid) };
}

describe('红色代办员: errands and tickets for those who hold the post', () => {
  let c: BookingCommunity;
  let agent: { openid: string; userId: string };
  let patrol: { openid: string; userId: string };
  beforeAll(async () => {
    c = await newBookingCommunity();
    agent = await member(c, '张红旗', ['红色代办员', '助老服务']);
    patrol = await member(c, '李卫东', ['平安巡逻']);
  });

  it('staff assign a 上门帮办 to a 红色代办员, who sees it in 我的任务, does it and earns hours, points and 先锋积分 once', async () => {
    const serviceId = await newErrandService(c, 'home_visit');
    const resident = await residentOf(c);
    const window = { date: shanghaiDay(2), from: '09:00', to: '11:30' };
    const { errand } = await ok('booking', { action: 'requestErrand', serviceId, description: '老人行动不便，需上门办理养老资格认证', address: '北海新村9幢302室', window }, resident);

    // The assignment list: staff and grid workers, then the 红色代办员 by real name, grid and load; not a member without the post.
    const { items } = await ok('booking', { action: 'workers' }, c.admin);
    expect(items.filter((w: any) => w.role === 'agent')).toEqual([{ id: agent.userId, name: '张红旗', role: 'agent', gridName: '第一网格', load: 0 }]);
    expect(items.find((w: any) => w.id === patrol.userId)).toBeUndefined();

    expect(await call('booking', { action: 'assignErrand', id: errand.id, assigneeId: patrol.userId }, c.admin)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '办理人须为本社区的工作人员、网格员或红色代办员' });
    // A 红色代办员 cannot take from the queue themselves, nor read it.
    expect(await call('booking', { action: 'assignErrand', id: errand.id }, agent.openid)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'errands' }, agent.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await ok('booking', { action: 'assignErrand', id: errand.id, assigneeId: agent.userId }, c.admin);
    expect(await docOf('booking_errands', errand.id)).toMatchObject({ status: 'accepted', assigneeId: agent.userId, assigneeRole: 'agent' });

    // 我的任务: what is assigned to them, with the address and the requester's contact while in hand.
    const mine = await ok('booking', { action: 'errands', scope: 'assigned' }, agent.openid);
    expect(mine.items).toEqual([expect.objectContaining({ id: errand.id, status: 'accepted', assignedToMe: true, address: '北海新村9幢302室', can: expect.arrayContaining(['done']) })]);
    expect((await ok('booking', { action: 'workers' }, c.admin)).items.find((w: any) => w.id === agent.userId).load).toBe(1);

    // Done: 2.5 hours (the wished window): 帮办一件居民诉求 5 + 2 full hours × 2 = 9 points, and 9 先锋积分.
    expect(await call('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '已上门办好', minutes: 0 }, agent.openid)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const requestId = newRequestId();
    const done = await ok('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '已上门办好认证', requestId }, agent.openid);
    expect(done.errand).toMatchObject({ status: 'done', minutes: 150, pointsAwarded: 9 });
    expect(await ok('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '已上门办好认证', requestId }, agent.openid)).toEqual(done);
    expect(await call('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '再办一次' }, agent.openid)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });

    const entries = await rows('points_entries', { 'source.id': errand.id });
    expect(entries.map((e) => [e.userId, e.account ?? 'points', e.amount]).sort()).toEqual([
      [agent.userId, 'points', 9],
      [agent.userId, 'vanguard', 9],
    ]);
    expect(await docOf('points_accounts', `${c.id}.${agent.userId}`)).toMatchObject({ balance: 9 });
    expect(await docOf('booking_volunteers', agent.userId)).toMatchObject({ minutes: 150 });
    const hours = await ok('booking', { action: 'mine', kind: 'signups' }, agent.openid);
    expect(hours.hours).toMatchObject({ minutes: 150, hours: 2.5 });
    expect((await ok('party', { action: 'vanguard' }, c.admin)).items).toEqual([expect.objectContaining({ name: '张红旗', points: 9 })]);
    expect(await ok('points', { action: 'reconcile' }, c.admin)).toMatchObject({ mismatches: [] });
  });

  it('a grid worker doing an errand earns nothing for it: it is their work', async () => {
    const serviceId = await newErrandService(c, 'proxy');
    const resident = await residentOf(c);
    const { errand } = await ok('booking', { action: 'requestErrand', serviceId, description: '代办医保异地备案' }, resident);
    await ok('booking', { action: 'assignErrand', id: errand.id }, c.gridWorker);
    const done = await ok('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '已办好' }, c.gridWorker);
    expect(done.errand.pointsAwarded).toBeUndefined();
    expect(await rows('points_entries', { 'source.id': errand.id })).toEqual([]);
  });

  it('the dispatch picker lists those who hold the post, real names, grid and load; dispatch to anyone else is refused', async () => {
    const { items } = await ok('lists', { action: 'assignees' }, c.admin);
    const agents = items.filter((a: any) => a.kind === 'agent');
    expect(agents).toEqual([{ kind: 'agent', id: agent.userId, label: '红色代办员 张红旗', detail: '第一网格 · 手上0件' }]);
    const { ticket } = await ok('lists', { action: 'submitRequest', category: '代买代办', title: '想请人帮忙代买降压药', detail: '腿脚不便，下不了楼。' }, c.resident);
    expect(await call('lists', { action: 'dispatch', id: ticket.id, to: 'agent', targetId: patrol.userId }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    await ok('lists', { action: 'dispatch', id: ticket.id, to: 'agent', targetId: agent.userId }, c.admin);
    const after = (await ok('lists', { action: 'assignees' }, c.admin)).items.find((a: any) => a.id === agent.userId);
    expect(after.detail).toBe('第一网格 · 手上1件');
    // In 我的任务 as a ticket to take.
    const tasks = await ok('lists', { action: 'tickets', scope: 'tasks', status: 'open' }, agent.openid);
    expect(tasks.items.map((t: any) => t.id)).toEqual([ticket.id]);
  });
});
