import type { AssigneeKind, NeedStatus, TicketKind, TicketStatus } from '../../typings/lists';
import { forbidden, invalid, notFound, precondition } from '../core/errors';
import { maskName } from '../core/mask';
import { localDate } from '../core/time';
import { docs, findMany, type DocStore } from '../platform/store';
import { USERS, hasRole, oversees, type UserDoc } from '../user/model';
import { GRIDS, UNITS, type GridDoc, type UnitDoc } from '../community/model';
import { earnWithVanguard } from '../party/vanguard';
import { redAgentOf } from '../party/agents';
import { pointsFor } from '../points/rules';
import { BASE_CALENDAR, type WorkCalendar } from '../core/calendar';
import { deadlineRange, loadCalendar } from '../community/calendar';
import { clockFor, DEFAULT_DEADLINE_HOURS, nextAlertAt, RATE_WINDOW_MS, runningDeadline, type DeadlineRules } from './deadlines';
import { NEEDS, RESOURCES, STATE, TICKETS, USAGE, type Assignee, type NeedDoc, type ResourceDoc, type StateDoc, type TicketDoc, type UsageDoc } from './model';
import { isStaff, memberUnits, recordEvent, type Member } from './context';
import { loadCompound, propertyAssignee } from './property';

export const TICKET_STATUS_LABEL: Record<TicketStatus, string> = {
  submitted: '待派单',
  dispatched: '待接单',
  accepted: '办理中',
  resolved: '待评价',
  closed: '已办结',
  cancelled: '已撤销',
};

export const KIND_LABEL: Record<TicketKind, string> = { simple: '简单事项', complex: '复杂问题', difficult: '疑难问题' };

/** What the need becomes when its ticket moves. */
export const NEED_FOR_TICKET: Record<TicketStatus, NeedStatus> = {
  submitted: 'open',
  dispatched: 'assigned',
  accepted: 'in_progress',
  resolved: 'in_progress',
  closed: 'done',
  cancelled: 'closed',
};

export function ticketStatusLabel(s: TicketStatus): string {
  return TICKET_STATUS_LABEL[s];
}

/** The community's calendar as far as a ticket call may reason (one query). */
export function ticketCalendar(communityId: string, now: number): Promise<WorkCalendar> {
  return loadCalendar(communityId, ...deadlineRange(now));
}

/** What a new clock is set by: the community's calendar and how it counts the 24 hours. */
export async function deadlineRules(communityId: string, now: number): Promise<DeadlineRules> {
  const [calendar, state] = await Promise.all([ticketCalendar(communityId, now), stateOf(docs, communityId)]);
  return { calendar, hours: state.deadlineHours ?? DEFAULT_DEADLINE_HOURS };
}

/** The fields derived from the rest, recomputed on every write so the timer's queries stay true. */
export function derive(t: TicketDoc, cal: WorkCalendar): TicketDoc {
  const run = runningDeadline(t);
  return {
    ...t,
    workerKeys: workerKeysOf(t.assignee),
    priority: t.special ? 1 : 0,
    dueAt: run?.deadline,
    nextAlertAt: nextAlertAt(t, cal),
    closeAt: t.status === 'resolved' && t.resolvedAt !== undefined ? t.resolvedAt + RATE_WINDOW_MS : undefined,
  };
}

/**
 * Writes the ticket and, when its status moved (or a reason is given), the event; the need
 * follows the ticket's status in the same transaction.
 */
export async function commitTicket(
  tx: DocStore,
  cal: WorkCalendar,
  before: TicketDoc | null,
  after: TicketDoc,
  actor: UserDoc,
  at: number,
  why?: string,
  needOverride?: NeedStatus,
  needPatch: Partial<NeedDoc> = {},
): Promise<TicketDoc> {
  const doc = derive(after, cal);
  await tx.set(TICKETS, doc._id, doc);
  if (!before || before.status !== doc.status || why) {
    await recordEvent(tx, { communityId: doc.communityId, target: 'ticket', targetId: doc._id, from: before?.status ?? null, to: doc.status, actor, at, why });
  }
  if (!before || before.status !== doc.status || needOverride) {
    await setNeedStatus(tx, doc.needId, needOverride ?? NEED_FOR_TICKET[doc.status], actor, at, why ?? `工单${TICKET_STATUS_LABEL[doc.status]}`, { ticketId: doc._id, ...needPatch });
  }
  return doc;
}

export async function setNeedStatus(tx: DocStore, needId: string, status: NeedStatus, actor: UserDoc, at: number, why: string, patch: Partial<NeedDoc> = {}): Promise<void> {
  const need = await tx.get<NeedDoc>(NEEDS, needId);
  if (!need) return;
  const next: NeedDoc = { ...need, ...patch, status, updatedAt: at };
  await tx.set(NEEDS, needId, next);
  if (need.status !== status) await recordEvent(tx, { communityId: need.communityId, target: 'need', targetId: needId, from: need.status, to: status, actor, at, why });
}

/** A new ticket for a need; the clock starts at `startAt`. */
export function ticketFor(need: NeedDoc, id: string, kind: TicketKind, startAt: number, actor: UserDoc, at: number, rules: DeadlineRules): TicketDoc {
  return {
    _id: id,
    communityId: need.communityId,
    needId: need._id,
    source: need.source,
    ...(need.wishId ? { wishId: need.wishId } : {}),
    ...(need.gridId ? { gridId: need.gridId } : {}),
    title: need.title,
    category: need.category,
    ...(need.detail ? { detail: need.detail } : {}),
    ...(need.address ? { address: need.address } : {}),
    photos: need.photos,
    urgency: need.urgency,
    people: need.people,
    ...(need.requesterId ? { requesterId: need.requesterId, requesterName: need.requesterName } : {}),
    ...(need.special ? { special: need.special } : {}),
    ...(need.compoundId ? { compoundId: need.compoundId } : {}),
    kind,
    status: 'submitted',
    level: kind === 'difficult' ? 'secretary' : 'grid',
    clock: clockFor(kind, startAt, rules),
    cycle: 1,
    alerts: [],
    late: false,
    reopenCount: 0,
    createdBy: actor._id,
    createdAt: at,
    updatedAt: at,
  };
}

// ---------------------------------------------------------------- who works a ticket

/** The community's settings doc (secretary, grid leaders), or an empty one. */
export async function stateOf(store: DocStore, communityId: string): Promise<StateDoc> {
  return (await store.get<StateDoc>(STATE, communityId)) ?? { _id: communityId };
}

/** People holding `role` in the community (and living there), the earliest first. */
export async function staffOf(communityId: string, role: 'staff' | 'admin', gridId?: string): Promise<UserDoc[]> {
  const grant = { role, communityId, ...(gridId ? { gridId } : {}) };
  const users = await findMany<UserDoc>(USERS, { grants: { $elemMatch: grant } }, { orderBy: [['createdAt', 'asc']], limit: 20 });
  return users.filter((u) => u.communityId === communityId);
}

/** The community secretary (书记): as set by an admin, else the first staff member, else an admin. */
export async function secretaryOf(communityId: string): Promise<UserDoc | null> {
  const state = await stateOf(docs, communityId);
  if (state.secretaryId) {
    const u = await docs.get<UserDoc>(USERS, state.secretaryId);
    if (u && u.communityId === communityId && hasRole(u, 'staff', 'admin')) return u;
  }
  return (await staffOf(communityId, 'staff'))[0] ?? (await staffOf(communityId, 'admin'))[0] ?? null;
}

/** The grid leaders (网格长) of a grid: as set by an admin, else staff granted that grid, else the community's staff. */
export async function gridLeadersOf(communityId: string, gridId: string | undefined): Promise<UserDoc[]> {
  const state = await stateOf(docs, communityId);
  const chosen = gridId ? state.gridLeaders?.[gridId] : undefined;
  if (chosen) {
    const u = await docs.get<UserDoc>(USERS, chosen);
    if (u && u.communityId === communityId && hasRole(u, 'staff', 'admin')) return [u];
  }
  if (gridId) {
    const withGrid = await staffOf(communityId, 'staff', gridId);
    if (withGrid.length) return withGrid;
  }
  return staffOf(communityId, 'staff');
}

/** Members of a unit in the community (to tell them a ticket came in). */
export async function unitMembers(communityId: string, unitId: string): Promise<UserDoc[]> {
  const users = await findMany<UserDoc>(USERS, { grants: { $elemMatch: { role: 'unit_member', communityId, unitId } } }, { limit: 20 });
  return users.filter((u) => u.communityId === communityId);
}

/** A unit's ticket, or a property company's (whose workers are the members of its unit). */
const worksAsUnit = (a: Assignee) => a.kind === 'unit' || a.kind === 'property';

/** Keys the task list finds a ticket by: its user, its unit, its team's members. */
export function workerKeysOf(a: Assignee | undefined): string[] {
  if (!a) return [];
  const keys = new Set<string>();
  if (a.userId) keys.add(`user:${a.userId}`);
  if (a.unitId && worksAsUnit(a)) keys.add(`unit:${a.unitId}`);
  for (const m of a.memberIds ?? []) keys.add(`user:${m}`);
  return [...keys];
}

/** The keys of a caller, to match against a ticket's workerKeys. */
export function myWorkerKeys(user: Member): string[] {
  return [`user:${user._id}`, ...memberUnits(user).map((u) => `unit:${u}`)];
}

/** The county officers (县(区)委包案干部) overseeing a community: whoever holds its county grant. */
export async function countyOfficersOf(communityId: string): Promise<UserDoc[]> {
  return findMany<UserDoc>(USERS, { grants: { $elemMatch: { role: 'county', communityId } } }, { orderBy: [['createdAt', 'asc']], limit: 20 });
}

/** Everyone who may take (accept, resolve) a ticket as it is assigned now. */
export async function workersOf(t: TicketDoc): Promise<string[]> {
  const a = t.assignee;
  if (!a) return [];
  if (a.kind === 'county') return a.userId ? [a.userId] : (await countyOfficersOf(t.communityId)).map((u) => u._id);
  if (worksAsUnit(a) && a.unitId) return (await unitMembers(t.communityId, a.unitId)).map((u) => u._id);
  if (a.kind === 'team') return a.memberIds ?? [];
  return a.userId ? [a.userId] : [];
}

export function mayWork(user: Member, t: TicketDoc): boolean {
  const a = t.assignee;
  if (!a) return false;
  // 县(区)委包案: any officer overseeing the community works it, whichever community they are in.
  if (a.kind === 'county') return t.level === 'county' && oversees(user, t.communityId);
  if (user.communityId !== t.communityId) return false;
  if (a.userId === user._id) return true;
  if (worksAsUnit(a) && a.unitId && memberUnits(user).includes(a.unitId)) return true;
  if (a.kind === 'team' && a.memberIds?.includes(user._id)) return true;
  // 包案: the secretary's tickets may be worked by any staff member on the secretary's behalf.
  if (a.kind === 'secretary' && isStaff(user)) return true;
  return false;
}

/**
 * The assignee a dispatch names. Routed by grid by default: the grid's worker (网格员); a
 * request of a 小区 in a property category to its property company (红色物业); a difficult
 * matter goes to the secretary (提级包案).
 */
export async function resolveAssignee(tx: DocStore, t: TicketDoc, to: AssigneeKind | undefined, targetId: string | undefined, kind: TicketKind): Promise<Assignee> {
  const target = to ?? (kind === 'difficult' ? 'secretary' : t.compoundId ? 'property' : 'grid_worker');
  const userIn = async (id: string, roles: Array<'volunteer' | 'grid_worker' | 'unit_member' | 'staff' | 'admin'>, what: string) => {
    const u = await tx.get<UserDoc>(USERS, id);
    if (!u || u.communityId !== t.communityId || !hasRole(u, ...roles)) throw notFound(`${what}不存在或不在本社区`);
    return u;
  };
  switch (target) {
    case 'grid_worker': {
      let workerId = targetId;
      if (!workerId) {
        if (!t.gridId) throw precondition('该事项没有所属网格，请选择派单对象');
        const grid = await tx.get<GridDoc>(GRIDS, t.gridId);
        if (!grid?.workerId) throw precondition('该网格暂无网格员，请选择其他派单对象');
        workerId = grid.workerId;
      }
      const u = await userIn(workerId, ['grid_worker'], '网格员');
      return { kind: 'grid_worker', userId: u._id, label: `网格员 ${maskName(u.displayName)}`, staffLabel: `网格员 ${u.displayName}` };
    }
    case 'agent': {
      if (!targetId) throw invalid('请选择红色代办员');
      const u = await userIn(targetId, ['volunteer', 'grid_worker'], '红色代办员');
      if (!(await redAgentOf(tx, t.communityId, u._id))) throw precondition('此人不是本社区的红色代办员：须为已报到并担任红色代办员岗位的党员');
      return { kind: 'agent', userId: u._id, label: `红色代办员 ${maskName(u.displayName)}`, staffLabel: `红色代办员 ${u.displayName}` };
    }
    case 'unit': {
      if (!targetId) throw invalid('请选择共建单位');
      const unit = await tx.get<UnitDoc>(UNITS, targetId);
      if (!unit || unit.communityId !== t.communityId) throw notFound('共建单位不存在或不在本社区');
      return { kind: 'unit', unitId: unit._id, label: `共建单位 ${unit.name}` };
    }
    case 'team': {
      if (!targetId) throw invalid('请选择志愿服务队');
      const r = await tx.get<ResourceDoc>(RESOURCES, targetId);
      if (!r || r.communityId !== t.communityId || r.providerKind !== 'team') throw notFound('志愿服务队不存在或不在本社区');
      if (r.status !== 'active') throw precondition('该服务队的资源已暂停或下架');
      return { kind: 'team', resourceId: r._id, memberIds: r.memberIds ?? [], label: r.providerName };
    }
    case 'county':
      throw invalid('县(区)级包案请使用“提级县(区)委包案”');
    case 'property': {
      const compoundId = targetId ?? t.compoundId;
      if (!compoundId) throw invalid('请选择小区的物业公司');
      return propertyAssignee(await loadCompound(tx, compoundId, t.communityId));
    }
    case 'secretary': {
      const u = targetId ? await userIn(targetId, ['staff', 'admin'], '社区书记') : await secretaryOf(t.communityId);
      if (!u) throw precondition('本社区尚未设置书记，请管理员先在清单设置中指定');
      return { kind: 'secretary', userId: u._id, label: `社区书记 ${maskName(u.displayName)}`, staffLabel: `社区书记 ${u.displayName}` };
    }
  }
}

/** The assignee a resource's provider stands for. */
export function assigneeForResource(r: ResourceDoc, volunteerName?: string): Assignee {
  if (r.providerKind === 'unit') return { kind: 'unit', unitId: r.unitId, resourceId: r._id, label: `共建单位 ${r.providerName}` };
  if (r.providerKind === 'team') return { kind: 'team', resourceId: r._id, memberIds: r.memberIds ?? [], label: r.providerName };
  const name = volunteerName ?? r.providerName;
  return { kind: 'agent', userId: r.userId, resourceId: r._id, label: `志愿者 ${maskName(name)}`, staffLabel: `志愿者 ${name}` };
}

export function assertMayWork(user: Member, t: TicketDoc): void {
  if (!mayWork(user, t)) throw forbidden('只有被派单的网格员、代办员或共建单位可以办理此工单');
}

// ---------------------------------------------------------------- capacity

/** Shanghai week (from Monday) or month of an instant: the period a resource's capacity counts in. */
export function periodKey(period: 'week' | 'month', at: number): string {
  const day = localDate(at);
  if (period === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 24 * 3600 * 1000);
  return `W${monday.toISOString().slice(0, 10)}`;
}

export function usageId(resourceId: string, key: string): string {
  return `${resourceId}.${key}`;
}

/**
 * Takes one unit of a resource's capacity for the current period, in the transaction: the read and
 * the write of the usage document conflict with any other taker's, so capacity is never exceeded.
 */
export async function takeCapacity(tx: DocStore, r: ResourceDoc, key: string): Promise<{ id: string; used: number }> {
  const id = usageId(r._id, key);
  const cur = await tx.get<UsageDoc>(USAGE, id);
  const used = cur?.used ?? 0;
  if (used >= r.capacity) return { id, used: -1 };
  await tx.set(USAGE, id, { communityId: r.communityId, resourceId: r._id, periodKey: key, used: used + 1 });
  return { id, used: used + 1 };
}

export async function releaseCapacity(tx: DocStore, usage: { id: string } | undefined): Promise<void> {
  if (!usage) return;
  const cur = await tx.get<UsageDoc>(USAGE, usage.id);
  if (cur && cur.used > 0) await tx.set(USAGE, usage.id, { ...cur, used: cur.used - 1 });
}

// ---------------------------------------------------------------- closing (评单) and points

/**
 * Closes a resolved ticket and, for a request the resolver worked (not a wish, which earns its
 * points on the wall), awards the resolver the community's `request_resolved` points. The ledger
 * keys the entry by the ticket, so it happens exactly once, whoever closes and however often.
 */
export async function closeWithPoints(tx: DocStore, t: TicketDoc, actor: UserDoc, at: number, why: string, rating?: TicketDoc['rating']): Promise<{ ticket: TicketDoc; awarded: number; resolverId?: string }> {
  let awarded = 0;
  // A county officer works a case as part of their office, not for the community's points.
  if (t.resolvedBy && !t.wishId && t.level !== 'county') {
    const amount = await pointsFor(tx, t.communityId, 'request_resolved');
    if (amount > 0) {
      const { entry } = await earnWithVanguard(tx, {
        userId: t.resolvedBy,
        communityId: t.communityId,
        amount,
        kind: 'earn',
        source: { type: 'ticket', id: t._id },
        reason: `办结居民诉求：${t.title}`.slice(0, 60),
        by: actor._id,
        at,
      });
      awarded = entry.amount;
    }
  }
  const next: TicketDoc = { ...t, status: 'closed', closedAt: at, ...(rating ? { rating } : {}), pointsAwarded: awarded || undefined, updatedAt: at };
  // A closed ticket has no deadline left: no calendar is needed to derive it.
  return { ticket: await commitTicket(tx, BASE_CALENDAR, t, next, actor, at, why), awarded, resolverId: t.resolvedBy };
}
