import type {
  ListEvent,
  MatchJobView,
  NeedCard,
  NeedDetail,
  NeedSource,
  ProjectPermission,
  ProjectView,
  ResourceView,
  SuggestionView,
  TicketCard,
  TicketDetail,
  TicketPermission,
} from '../../typings/lists';
import { maskName } from '../core/mask';
import { hasRole, oversees } from '../user/model';
import { type DecisionDoc, type EventDoc, type JobDoc, type NeedDoc, type ProjectDoc, type ResourceDoc, type StoredSuggestion, type TicketDoc } from './model';
import { isOpen, isOverdue, runningDeadline } from './deadlines';
import { isStaff, memberUnits, workerGrids, type Member } from './context';
import { mayWork } from './tickets';
import { DAY_MS } from '../core/time';
import type { TaskContact } from '../../typings/contact';

export function toEvent(e: EventDoc): ListEvent {
  return { at: e.at, field: e.field ?? 'status', from: e.from, to: e.to, by: e.byLabel, ...(e.why ? { why: e.why } : {}) };
}

/** Who raised it, as anyone may read it: 居民 王**, or 网格员 周** for a problem a grid worker found (随手拍). */
const whoRaised = (source: NeedSource) => (source === 'grid' ? '网格员' : '居民');
const requesterLabel = (name: string | undefined, source: NeedSource) => (name ? `${whoRaised(source)} ${maskName(name)}` : undefined);

export function toNeedCard(n: NeedDoc, now: number, gridName?: string): NeedCard {
  return {
    id: n._id,
    source: n.source,
    category: n.category,
    title: n.title,
    ...(n.gridId ? { gridId: n.gridId } : {}),
    ...(gridName ? { gridName } : {}),
    urgency: n.urgency,
    people: n.people,
    status: n.status,
    ...(n.requesterName ? { requester: requesterLabel(n.requesterName, n.source) } : {}),
    ...(n.visitGroup ? { visitGroup: n.visitGroup } : {}),
    ...(n.special ? { special: n.special } : {}),
    ...(n.wishId ? { wishId: n.wishId } : {}),
    ...(n.ticketId ? { ticketId: n.ticketId } : {}),
    ...(n.projectId ? { projectId: n.projectId } : {}),
    waitedDays: Math.max(0, Math.floor((now - n.createdAt) / DAY_MS)),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

/** Staff and the grid's worker see where; the list is theirs to work. */
export function seesAddress(viewer: Member, gridId: string | undefined): boolean {
  return isStaff(viewer) || (!!gridId && workerGrids(viewer).includes(gridId));
}

export function toNeedDetail(n: NeedDoc, viewer: Member, now: number, gridName: string | undefined, events: EventDoc[]): NeedDetail {
  return {
    ...toNeedCard(n, now, gridName),
    ...(n.detail ? { detail: n.detail } : {}),
    ...(n.address && seesAddress(viewer, n.gridId) ? { address: n.address } : {}),
    photos: n.photos,
    timeline: events.map(toEvent),
  };
}

export function areaLabel(r: Pick<ResourceDoc, 'area'>, grids: Map<string, string>): string {
  const parts: string[] = [];
  if (r.area.gridIds?.length) parts.push(r.area.gridIds.map((g) => grids.get(g) ?? g).join('、'));
  if (r.area.radiusM) parts.push(`半径${r.area.radiusM >= 1000 ? `${(r.area.radiusM / 1000).toFixed(1)}公里` : `${r.area.radiusM}米`}`);
  return parts.join('；') || '未设置';
}

/** Staff edit every resource; a unit member their unit's; a volunteer their own. */
export function mayEditResource(viewer: Member, r: Pick<ResourceDoc, 'communityId' | 'providerKind' | 'unitId' | 'userId'>): boolean {
  if (viewer.communityId !== r.communityId) return false;
  if (isStaff(viewer)) return true;
  if (r.providerKind === 'unit') return !!r.unitId && memberUnits(viewer).includes(r.unitId);
  if (r.providerKind === 'volunteer') return r.userId === viewer._id;
  return false;
}

export function toResourceView(r: ResourceDoc, viewer: Member, used: number, grids: Map<string, string>): ResourceView {
  return {
    id: r._id,
    title: r.title,
    ...(r.description ? { description: r.description } : {}),
    providerKind: r.providerKind,
    providerName: r.providerKind === 'volunteer' ? `志愿者 ${maskName(r.providerName)}` : r.providerName,
    ...(r.unitId ? { unitId: r.unitId } : {}),
    categories: r.categories,
    capacity: r.capacity,
    period: r.period,
    used,
    area: r.area,
    areaLabel: areaLabel(r, grids),
    ...(r.availability ? { availability: r.availability } : {}),
    status: r.status,
    ...(r.providerKind === 'team' ? { memberCount: r.memberIds?.length ?? 0 } : {}),
    editable: mayEditResource(viewer, r),
    updatedAt: r.updatedAt,
  };
}

export function projectPermissions(viewer: Member, p: ProjectDoc): ProjectPermission[] {
  const staff = isStaff(viewer) && viewer.communityId === p.communityId;
  const owner = !!p.ownerUnitId && memberUnits(viewer).includes(p.ownerUnitId);
  const can: ProjectPermission[] = [];
  if (staff && ['planned', 'recruiting', 'in_progress'].includes(p.status)) can.push('edit');
  if (staff && p.status === 'planned') can.push('publish');
  if (!p.ownerUnitId && p.status === 'recruiting' && memberUnits(viewer).length > 0 && viewer.communityId === p.communityId) can.push('claim');
  if ((staff || owner) && p.status === 'recruiting' && p.ownerUnitId) can.push('start');
  if ((staff || owner) && p.status === 'in_progress') can.push('complete');
  if (staff && ['planned', 'recruiting', 'in_progress'].includes(p.status)) can.push('cancel');
  return can;
}

export function toProjectView(p: ProjectDoc, viewer: Member, grids: Map<string, string>, unitName?: string): ProjectView {
  return {
    id: p._id,
    title: p.title,
    description: p.description,
    category: p.category,
    gridIds: p.gridIds,
    gridNames: p.gridIds.map((g) => grids.get(g) ?? g),
    status: p.status,
    ...(p.ownerUnitId ? { ownerUnit: { id: p.ownerUnitId, name: unitName ?? p.ownerUnitId } } : {}),
    needCount: p.needIds.length,
    people: p.people,
    ...(p.plannedStart ? { plannedStart: p.plannedStart } : {}),
    ...(p.plannedEnd ? { plannedEnd: p.plannedEnd } : {}),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    can: projectPermissions(viewer, p),
  };
}

/** `staff`: the viewer is staff of the ticket's community and reads whoever works it by full name. */
export function toTicketCard(t: TicketDoc, now: number, gridName?: string, communityName?: string, staff = false): TicketCard {
  const run = runningDeadline(t);
  return {
    id: t._id,
    title: t.title,
    category: t.category,
    status: t.status,
    kind: t.kind,
    level: t.level,
    source: t.source,
    ...(gridName ? { gridName } : {}),
    urgency: t.urgency,
    ...(t.assignee ? { assignee: (staff && t.assignee.staffLabel) || t.assignee.label } : {}),
    ...(run ? { dueAt: run.deadline, duePhase: run.phase } : {}),
    overdue: isOverdue(t, now),
    reopened: t.reopenCount,
    ...(t.rating ? { stars: t.rating.stars } : {}),
    ...(t.hold ? { heldReason: t.hold.reason } : {}),
    ...(t.special ? { special: t.special } : {}),
    ...(communityName ? { communityName } : {}),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** A county officer overseeing the ticket's community, once it went up to the county: and only then. */
export function countySees(viewer: Member, t: Pick<TicketDoc, 'level' | 'communityId'>): boolean {
  return t.level === 'county' && oversees(viewer, t.communityId);
}

/** Who may see a ticket at all: its resident, whoever works it, the grid's worker, staff; the county once it is theirs. */
export function maySeeTicket(viewer: Member, t: TicketDoc): boolean {
  if (countySees(viewer, t)) return true;
  if (viewer.communityId !== t.communityId) return false;
  return t.requesterId === viewer._id || mayWork(viewer, t) || isStaff(viewer) || (!!t.gridId && workerGrids(viewer).includes(t.gridId));
}

export function ticketPermissions(viewer: Member, t: TicketDoc): TicketPermission[] {
  const staff = isStaff(viewer) && viewer.communityId === t.communityId;
  const worker = mayWork(viewer, t);
  const mine = t.requesterId === viewer._id;
  const can: TicketPermission[] = [];
  if (staff && isOpen(t.status) && t.level !== 'county') can.push('dispatch');
  if (worker && t.status === 'dispatched') can.push('accept');
  if (worker && t.status === 'accepted' && !t.wishId) can.push('resolve');
  if (mine && t.status === 'resolved' && !t.wishId) can.push('rate');
  const below = t.level !== 'secretary' && t.level !== 'county';
  if ((worker || staff || (!!t.gridId && workerGrids(viewer).includes(t.gridId))) && isOpen(t.status) && below) can.push('escalate');
  if (staff && isOpen(t.status) && t.level !== 'county' && !t.wishId) can.push('escalateCounty');
  if (worker && t.assignee?.kind === 'county' && (isOpen(t.status) || t.status === 'resolved')) can.push('note');
  if ((mine && t.status === 'submitted') || (staff && isOpen(t.status))) can.push('cancel');
  if ((mine || staff) && (t.status === 'dispatched' || t.status === 'accepted')) can.push('hurry');
  return can;
}

/** Whoever works a dispatched or accepted ticket of a resident: the ones who may reach the resident. */
export function reachesRequester(viewer: Member, t: TicketDoc): boolean {
  return !!t.requesterId && (t.status === 'dispatched' || t.status === 'accepted') && mayWork(viewer, t);
}

export function toTicketDetail(t: TicketDoc, viewer: Member, now: number, gridName: string | undefined, events: EventDoc[], contact?: TaskContact): TicketDetail {
  const close = isStaff(viewer) || mayWork(viewer, t) || t.requesterId === viewer._id || (!!t.gridId && workerGrids(viewer).includes(t.gridId));
  // Staff, and whoever works it while it is live, act on the request by the person's real name.
  const realName = (isStaff(viewer) && viewer.communityId === t.communityId) || !!contact;
  return {
    ...toTicketCard(t, now, gridName, undefined, isStaff(viewer) && viewer.communityId === t.communityId),
    ...(t.detail ? { detail: t.detail } : {}),
    photos: t.photos,
    ...(t.address && close ? { address: t.address } : {}),
    ...(t.requesterName ? { requester: realName ? `${whoRaised(t.source)} ${t.requesterName}` : requesterLabel(t.requesterName, t.source) } : {}),
    ...(contact ? { contact } : {}),
    needId: t.needId,
    ...(t.wishId ? { wishId: t.wishId } : {}),
    deadlines: { ...(t.clock.acceptBy !== undefined ? { acceptBy: t.clock.acceptBy } : {}), resolveBy: t.clock.resolveBy },
    ...(t.resolution ? { resolution: { note: t.resolution.note, photos: t.resolution.photos, at: t.resolution.at, by: t.resolution.byLabel } } : {}),
    ...(t.rating ? { rating: t.rating } : {}),
    ...(t.pointsAwarded ? { pointsAwarded: t.pointsAwarded } : {}),
    timeline: events.map(toEvent),
    can: ticketPermissions(viewer, t),
    mine: t.requesterId === viewer._id,
  };
}

export function toJobView(j: JobDoc): MatchJobView {
  return {
    id: j._id,
    status: j.status,
    createdAt: j.createdAt,
    ...(j.startedAt ? { startedAt: j.startedAt } : {}),
    ...(j.finishedAt ? { finishedAt: j.finishedAt } : {}),
    ...(j.error ? { error: j.error } : {}),
    ...(j.summary ? { summary: j.summary } : {}),
  };
}

export function toSuggestionView(id: string, s: StoredSuggestion, d: DecisionDoc | undefined, grids: Map<string, string>): SuggestionView {
  const gridName = s.need.gridId ? grids.get(s.need.gridId) : undefined;
  return {
    id,
    need: { id: s.needId, title: s.need.title, category: s.need.category, ...(gridName ? { gridName } : {}), urgency: s.need.urgency, people: s.need.people, source: s.need.source },
    resource: { id: s.resourceId, ...s.resource },
    score: s.score,
    reasons: s.reasons,
    explanation: s.explanation,
    status: d?.status ?? 'proposed',
    ...(d
      ? {
          decision: {
            at: d.at,
            by: d.byLabel,
            ...(d.why ? { why: d.why } : {}),
            ...(d.ticketId ? { ticketId: d.ticketId } : {}),
            ...(d.projectId ? { projectId: d.projectId } : {}),
            ...(d.resourceId ? { resourceId: d.resourceId } : {}),
          },
        }
      : {}),
  };
}

/** Staff, or a grid worker for the grids they work. */
export function mayReadNeeds(viewer: Member): boolean {
  return isStaff(viewer) || hasRole(viewer, 'grid_worker');
}
