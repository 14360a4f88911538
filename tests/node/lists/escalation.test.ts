import { sdk } from '../support/cloud';
import { fireTimer, getDoc, listsOk, newListsCommunity, outboxOf, patchDoc, rid, type ListsCommunity } from '../support/lists';
import { takeAgentPost } from '../support/party';

/**
 * Deadlines through the timer: a warning before the breach, escalation to the grid leader at the
 * breach and to the secretary a working day later, each sent once although the timer fires twice at
 * once; the overdue list and the on-time rate count tickets still open past their deadline.
 * Tests cannot wait hours, so they move a ticket's clock into the past, as time passing would.
 */

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

let c: ListsCommunity;

async function dispatchedRequest(title: string): Promise<string> {
  const { ticket } = await listsOk({ action: 'submitRequest', category: '环境清洁', title, requestId: rid() }, c.resident);
  await listsOk({ action: 'dispatch', id: ticket.id }, c.staff);
  return ticket.id;
}

/** Sets the running resolve window and lets the timer look at the ticket now. */
async function setClock(id: string, resolveFrom: number, resolveBy: number): Promise<void> {
  const t = await getDoc('tickets', id);
  await patchDoc('tickets', id, { clock: { ...t.clock, startAt: resolveFrom, resolveFrom, resolveBy }, dueAt: resolveBy, nextAlertAt: 0 });
}

async function events(id: string): Promise<any[]> {
  const res = await sdk().database().collection('list_events').where({ targetId: id }).orderBy('at', 'asc').limit(100).get();
  return res.data;
}

const pageOf = (id: string) => (m: any) => String(m.page).endsWith(`id=${id}`);

beforeAll(async () => {
  c = await newListsCommunity();
  // The admin is the community secretary (书记); staff with no grid lead the grids.
  // Its 24 hours count in working-day time, as the windows below are written.
  await listsOk({ action: 'setSettings', secretaryId: await getDoc('user_openids', c.admin).then((l: any) => l.userId), deadlineHours: 'working' }, c.admin);
});

it('warns the worker before the deadline, once, though the timer fires twice at once', async () => {
  const id = await dispatchedRequest('垃圾桶满溢无人清运');
  const now = Date.now();
  // Warned 4 working hours before the end of a 24-hour window that opened long ago; not yet breached.
  await setClock(id, now - 400 * DAY, now + DAY);
  await Promise.all([fireTimer('watchDeadlines'), fireTimer('watchDeadlines')]);
  await fireTimer('watchDeadlines');
  const warned = (await outboxOf(c.workerOpenid, 'tmpl-ticket-deadline')).filter(pageOf(id));
  expect(warned).toHaveLength(1);
  expect(warned[0].data.thing1.value).toBe('垃圾桶满溢无人清运');
  expect((await outboxOf(c.staff, 'tmpl-ticket-escalated')).filter(pageOf(id))).toHaveLength(0);
  const t = await getDoc('tickets', id);
  expect(t).toMatchObject({ level: 'grid', late: false, alerts: ['resolve1.warn'] });
  expect(t.nextAlertAt).toBe(now + DAY + 1);
  expect((await events(id)).filter((e) => e.field === 'alert')).toHaveLength(1);
});

it('escalates grid worker → grid leader at the breach → secretary a working day later, each exactly once under concurrent timers', async () => {
  const id = await dispatchedRequest('小区路灯不亮');
  const now = Date.now();
  await setClock(id, now - 2 * DAY, now - 60 * 1000);
  await Promise.all([fireTimer('watchDeadlines'), fireTimer('watchDeadlines'), fireTimer('watchDeadlines')]);
  let t = await getDoc('tickets', id);
  expect(t).toMatchObject({ level: 'leader', late: true });
  expect(t.alerts.sort()).toEqual(['resolve1.leader', 'resolve1.warn']);
  const toLeader = (await outboxOf(c.staff, 'tmpl-ticket-escalated')).filter(pageOf(id));
  expect(toLeader).toHaveLength(1);
  expect(toLeader[0].data.thing2.value).toBe('超过办结时限未办结');
  expect(toLeader[0].data.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  // The stale warning is not sent after the breach.
  expect((await outboxOf(c.workerOpenid, 'tmpl-ticket-deadline')).filter(pageOf(id))).toHaveLength(0);
  expect((await outboxOf(c.admin, 'tmpl-ticket-escalated')).filter(pageOf(id))).toHaveLength(0);

  // A working day after the breach (well past it, whatever the calendar): the secretary.
  await setClock(id, now - 40 * DAY, now - 20 * DAY);
  await Promise.all([fireTimer('watchDeadlines'), fireTimer('watchDeadlines')]);
  await fireTimer('watchDeadlines');
  t = await getDoc('tickets', id);
  expect(t).toMatchObject({ level: 'secretary' });
  expect(t.nextAlertAt).toBeUndefined();
  expect((await outboxOf(c.admin, 'tmpl-ticket-escalated')).filter(pageOf(id))).toHaveLength(1);
  expect((await outboxOf(c.staff, 'tmpl-ticket-escalated')).filter(pageOf(id))).toHaveLength(1);
  const levels = (await events(id)).filter((e) => e.field === 'level').map((e) => [e.from, e.to, e.byLabel]);
  expect(levels).toEqual([
    ['grid', 'leader', '系统'],
    ['leader', 'secretary', '系统'],
  ]);
  // It shows on the overdue list, most overdue first, for staff and the grid's worker.
  const overdue = await listsOk({ action: 'overdue' }, c.staff);
  expect(overdue.items.find((x: any) => x.id === id)).toMatchObject({ overdue: true, level: 'secretary' });
  expect((await listsOk({ action: 'overdue' }, c.workerOpenid)).items.map((x: any) => x.id)).toContain(id);
});

it('提级包案: escalating by hand gives the ticket to the secretary as a difficult matter', async () => {
  const id = await dispatchedRequest('相邻住户违章搭建纠纷');
  const { ticket } = await listsOk({ action: 'escalate', id, reason: '涉及多个部门，网格内解决不了', requestId: rid() }, c.workerOpenid);
  expect(ticket).toMatchObject({ kind: 'difficult', level: 'secretary', status: 'dispatched', assignee: expect.stringMatching(/^社区书记 /) });
  expect(ticket.deadlines.acceptBy).toBeGreaterThan(Date.now());
  expect((await outboxOf(c.admin, 'tmpl-ticket-escalated')).filter(pageOf(id))).toHaveLength(1);
  // The secretary (or staff on the secretary's behalf) takes it on.
  await listsOk({ action: 'accept', id }, c.admin);
  expect(await getDoc('tickets', id)).toMatchObject({ status: 'accepted', level: 'secretary' });
});

it('resolved tickets the resident never rates close by themselves after 3 days, awarding the resolver once', async () => {
  const id = await dispatchedRequest('单元门禁坏了');
  await listsOk({ action: 'accept', id }, c.workerOpenid);
  await listsOk({ action: 'resolve', id, note: '已更换门禁电源' }, c.workerOpenid);
  await patchDoc('tickets', id, { resolvedAt: Date.now() - 4 * DAY, closeAt: Date.now() - DAY });
  await Promise.all([fireTimer('watchDeadlines'), fireTimer('watchDeadlines')]);
  expect(await getDoc('tickets', id)).toMatchObject({ status: 'closed', pointsAwarded: 5 });
  const entries = await sdk().database().collection('points_entries').where({ 'source.id': id }).get();
  expect(entries.data).toHaveLength(1);
  expect(entries.data[0].userId).toBe(c.workerId);
});

describe('stats in a community of its own', () => {
  it('on-time rate counts tickets still open past their deadline; completion and satisfaction per grid', async () => {
    const d = await newListsCommunity();
    const submit = async (title: string, gridId = d.gridId) => (await listsOk({ action: 'submitRequest', category: '水电维修', title, gridId }, d.resident)).ticket.id;
    // On time and rated 5.
    const t1 = await submit('水管漏水');
    await listsOk({ action: 'dispatch', id: t1 }, d.staff);
    await listsOk({ action: 'accept', id: t1 }, d.workerOpenid);
    await listsOk({ action: 'resolve', id: t1, note: '已修好' }, d.workerOpenid);
    await listsOk({ action: 'rate', id: t1, stars: 5 }, d.resident);
    // Open past its deadline.
    const t2 = await submit('电闸跳闸');
    await listsOk({ action: 'dispatch', id: t2 }, d.staff);
    const two = await getDoc('tickets', t2);
    await patchDoc('tickets', t2, { clock: { ...two.clock, resolveBy: Date.now() - HOUR }, dueAt: Date.now() - HOUR });
    // Open, not yet due: not counted either way.
    await submit('门锁坏了');
    // In the second grid, resolved late, rated 3.
    const t4 = await submit('下水道堵了', d.grid2);
    await takeAgentPost(d.volunteer, d.staff);
    await listsOk({ action: 'dispatch', id: t4, to: 'agent', targetId: d.volunteerId }, d.staff);
    await listsOk({ action: 'accept', id: t4 }, d.volunteer);
    const four = await getDoc('tickets', t4);
    await patchDoc('tickets', t4, { clock: { ...four.clock, resolveBy: Date.now() - HOUR } });
    await listsOk({ action: 'resolve', id: t4, note: '已疏通' }, d.volunteer);
    await listsOk({ action: 'rate', id: t4, stars: 3 }, d.resident);
    // Cancelled: left out.
    const t5 = await submit('不需要了');
    await listsOk({ action: 'cancel', id: t5, reason: '已自行解决' }, d.resident);

    const s = await listsOk({ action: 'stats' }, d.staff);
    expect(s.overall).toMatchObject({ tickets: 4, completed: 2, onTime: 1, late: 2, onTimeRate: 0.333, overdueOpen: 1, rated: 2, avgStars: 4, satisfactionRate: 0.5, completionRate: 0.5 });
    const g1 = s.grids.find((g: any) => g.gridId === d.gridId);
    const g2 = s.grids.find((g: any) => g.gridId === d.grid2);
    expect(g1).toMatchObject({ gridName: '第一网格', tickets: 3, onTime: 1, late: 1, onTimeRate: 0.5, overdueOpen: 1 });
    expect(g2).toMatchObject({ gridName: '第二网格', tickets: 1, onTime: 0, late: 1, onTimeRate: 0, satisfactionRate: 0 });
    expect(s.needs).toMatchObject({ bySource: { request: 5, wish: 0, visit: 0 } });
    const overdue = await listsOk({ action: 'overdue' }, d.staff);
    expect(overdue.items.map((x: any) => x.id)).toEqual([t2]);
  });
});
