import { call, ok, uniqueOpenid } from '../support/cloud';
import { fireTimer, getDoc, lists, listsOk, newListsCommunity, outboxOf, patchDoc, rid, type ListsCommunity } from '../support/lists';
import { userIdOf } from '../support/wish';
import { BASE_CALENDAR } from '../../../server/core/calendar';
import { endOfWorkingDays } from '../../../server/lists/deadlines';

/**
 * 疑难问题县(市、区)委提级包案, through the real SDK: staff send a case up with a reason; it shows in
 * the queue of the county officers overseeing that community (and nobody else's), who accept,
 * note and resolve it on a fresh working-day clock; the community and the resident follow it;
 * the officers see nothing else of the community.
 */

let c: ListsCommunity;
let other: ListsCommunity;
/** A county officer who joined through community A's invite. */
let officer: string;
/** Lives in community B, oversees A as well: the queue follows the grant, not where they are. */
let roaming: string;
/** Oversees community B only. */
let othersOfficer: string;

async function countyInvite(admin: string): Promise<string> {
  const { invite } = await ok('user', { action: 'createInvite', role: 'county', requestId: rid() }, admin);
  expect(invite.role).toBe('county');
  return invite.code;
}

async function officerOf(code: string, admin: string, name: string): Promise<string> {
  const openid = uniqueOpenid('cty');
  await ok('user', { action: 'login', scene: `c=${code}` }, openid);
  await ok('user', { action: 'updateProfile', displayName: name }, openid);
  await ok('user', { action: 'redeemInvite', code: await countyInvite(admin) }, openid);
  return openid;
}

async function request(title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { ticket } = await listsOk({ action: 'submitRequest', category: '矛盾调解', title, requestId: rid(), ...extra }, c.resident);
  return ticket.id;
}

const queueIds = async (openid: string, status?: string) => ((await listsOk({ action: 'countyQueue', ...(status ? { status } : {}) }, openid)).items as any[]).map((t) => t.id);

beforeAll(async () => {
  [c, other] = await Promise.all([newListsCommunity(), newListsCommunity()]);
  officer = await officerOf(c.code, c.admin, '吴卫东');
  othersOfficer = await officerOf(other.code, other.admin, '郑国强');
  roaming = await officerOf(other.code, other.admin, '冯志远');
  await ok('user', { action: 'redeemInvite', code: await countyInvite(c.admin) }, roaming);
  await listsOk({ action: 'setSettings', secretaryId: await userIdOf(c.admin) }, c.admin);
});

it('only an admin invites a county officer; the invite adds oversight without moving the person', async () => {
  expect(await call('user', { action: 'createInvite', role: 'county' }, c.staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const me = (await ok('user', { action: 'me' }, roaming)).me;
  expect(me.community.id).toBe(other.id);
  expect(me.roles).toContain('county');
  const doc = await getDoc('users', await userIdOf(roaming));
  expect(doc.grants.filter((g: any) => g.role === 'county').map((g: any) => g.communityId).sort()).toEqual([c.id, other.id].sort());
});

it('escalation puts the case in the county queue of the community’s officers, not before and not elsewhere', async () => {
  const id = await request('邻里宅基地纠纷多次调解未果');
  await listsOk({ action: 'dispatch', id, kind: 'difficult' }, c.staff);
  expect(await queueIds(officer)).not.toContain(id);
  expect((await lists({ action: 'ticket', id }, officer)).code).toBe('NOT_FOUND');

  const reason = '涉及国土、住建多部门，社区协调不了';
  const { ticket } = await listsOk({ action: 'escalateCounty', id, reason, requestId: rid() }, c.staff);
  expect(ticket).toMatchObject({ level: 'county', kind: 'difficult', status: 'dispatched', assignee: '县(区)委包案（待包案干部接手）' });
  expect(ticket.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'level', from: 'secretary', to: 'county', why: reason, by: '社区工作者' })]));
  expect(ticket.can).not.toContain('dispatch');
  expect(ticket.can).not.toContain('escalateCounty');

  // A fresh working-day clock from the escalation: taken by the end of the next working day, resolved within 20.
  const doc = await getDoc('tickets', id);
  expect(doc.clock.acceptBy).toBe(endOfWorkingDays(doc.countyAt, 1, BASE_CALENDAR));
  expect(doc.clock.resolveBy).toBe(endOfWorkingDays(doc.countyAt, 20, BASE_CALENDAR));

  const page = await listsOk({ action: 'countyQueue' }, officer);
  expect(page.items.find((t: any) => t.id === id)).toMatchObject({ level: 'county', communityName: expect.stringMatching(/^测试社区/), duePhase: 'accept' });
  expect(await queueIds(roaming)).toContain(id);
  expect(await queueIds(othersOfficer)).not.toContain(id);
  expect((await lists({ action: 'ticket', id }, othersOfficer)).code).toBe('NOT_FOUND');

  // The officers are told; the resident reads it in plain words.
  expect((await outboxOf(officer, 'tmpl-ticket-escalated')).filter((m) => String(m.page).endsWith(id))).toHaveLength(1);
  const told = (await outboxOf(c.resident, 'tmpl-ticket-updated')).filter((m) => String(m.page).endsWith(id));
  expect(told.map((m) => m.data.thing3.value)).toContain('已提交县(区)级包案办理');
  const mine = await listsOk({ action: 'ticket', id }, c.resident);
  expect(mine.ticket).toMatchObject({ level: 'county', mine: true, assignee: '县(区)委包案（待包案干部接手）' });

  // Twice the same request is one escalation; again with another is refused.
  expect((await lists({ action: 'escalateCounty', id, reason, requestId: rid() }, c.staff)).code).toBe('CONFLICT');
  expect((await lists({ action: 'dispatch', id, to: 'grid_worker', reason: '改派' }, c.staff)).code).toBe('CONFLICT');
});

it('the county officer accepts, notes progress and resolves; the community and the resident follow', async () => {
  const id = await request('小区违建多年无人处理');
  await listsOk({ action: 'escalateCounty', id, reason: '需城管、住建联合执法', requestId: rid() }, c.staff);

  const accepted = await listsOk({ action: 'accept', id, requestId: rid() }, officer);
  expect(accepted.ticket).toMatchObject({ status: 'accepted', assignee: '县(区)委包案干部 吴**', duePhase: 'resolve' });
  expect(accepted.ticket.can).toEqual(expect.arrayContaining(['resolve', 'note']));
  expect(accepted.ticket.can).not.toContain('dispatch');
  expect(await queueIds(officer, 'accepted')).toContain(id);
  expect(await queueIds(officer, 'dispatched')).not.toContain(id);
  // Another officer of the community sees who holds it now.
  expect((await listsOk({ action: 'ticket', id }, roaming)).ticket.assignee).toBe('县(区)委包案干部 吴**');

  const note = '已召集城管、住建现场会商，约定下周拆除';
  await listsOk({ action: 'countyNote', id, note, requestId: rid() }, officer);
  const seen = await listsOk({ action: 'ticket', id }, c.staff);
  expect(seen.ticket.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'note', why: note, by: '县(区)委包案干部 吴**' })]));
  expect((await lists({ action: 'countyNote', id, note: '社区代写', requestId: rid() }, c.staff)).code).toBe('FORBIDDEN');

  const resolved = await listsOk({ action: 'resolve', id, note: '违建已拆除，现场恢复', requestId: rid() }, officer);
  expect(resolved.ticket).toMatchObject({ status: 'resolved', resolution: { by: '县(区)委包案干部 吴**' } });
  const rated = await listsOk({ action: 'rate', id, stars: 5, comment: '感谢县里', requestId: rid() }, c.resident);
  expect(rated.ticket.status).toBe('closed');
  // Office work, not the community's points.
  expect(rated.pointsAwarded).toBe(0);
  expect(await queueIds(officer, 'done')).toContain(id);
});

it('a county officer sees nothing of the community but the county’s cases', async () => {
  const plain = await request('楼下路灯不亮');
  expect((await lists({ action: 'ticket', id: plain }, officer)).code).toBe('NOT_FOUND');
  expect((await lists({ action: 'accept', id: plain, requestId: rid() }, officer)).code).toBe('NOT_FOUND');
  for (const event of [{ action: 'tickets', scope: 'all' }, { action: 'needs' }, { action: 'stats' }, { action: 'overdue' }, { action: 'dispatch', id: plain }]) {
    expect((await lists(event, officer)).code).toBe('FORBIDDEN');
  }
  expect(await queueIds(officer)).not.toContain(plain);
  // Staff are not county officers, and a grid worker does not send cases to the county.
  expect((await lists({ action: 'countyQueue' }, c.staff)).code).toBe('FORBIDDEN');
  expect((await lists({ action: 'escalateCounty', id: plain, reason: '越级', requestId: rid() }, c.workerOpenid)).code).toBe('FORBIDDEN');
});

it('a community with no county officer cannot send a case up into nowhere', async () => {
  const lonely = await newListsCommunity();
  const { ticket } = await listsOk({ action: 'submitRequest', category: '矛盾调解', title: '物业纠纷', requestId: rid() }, lonely.resident);
  expect((await lists({ action: 'escalateCounty', id: ticket.id, reason: '疑难', requestId: rid() }, lonely.admin)).code).toBe('FAILED_PRECONDITION');
  expect((await getDoc('tickets', ticket.id)).level).toBe('grid');
});

it('a county deadline missed is told to the officers and the community secretary, once, and the level stays', async () => {
  const id = await request('拆迁补偿争议');
  await listsOk({ action: 'escalateCounty', id, reason: '涉及补偿政策', requestId: rid() }, c.staff);
  const t = await getDoc('tickets', id);
  const past = Date.now() - 60_000;
  await patchDoc('tickets', id, { clock: { ...t.clock, acceptBy: past }, dueAt: past, nextAlertAt: 0 });
  await Promise.all([fireTimer('watchDeadlines'), fireTimer('watchDeadlines')]);
  const after = await getDoc('tickets', id);
  expect(after).toMatchObject({ level: 'county', late: true });
  expect(after.alerts.sort()).toEqual(['accept1.county', 'accept1.warn']);
  const mine = (openid: string) => outboxOf(openid, 'tmpl-ticket-escalated').then((ms) => ms.filter((m) => String(m.page).endsWith(id) && /时限/.test(m.data.thing2.value)));
  expect(await mine(officer)).toHaveLength(1);
  expect(await mine(c.admin)).toHaveLength(1);
});
