import type { WorkbenchCounts, WorkbenchKey } from '../../typings/user';
import type { SideRead } from '../platform/aggregate';
import { addDays } from '../core/time';
import { dayStart, shanghaiDate, weekdayOf } from '../core/hours';
import { WISHES } from '../wish/model';
import { TICKETS } from '../lists/model';
import { OPEN as OPEN_TICKETS } from '../lists/deadlines';
import { ACTIVITIES, BOOKINGS, ERRANDS } from '../booking/model';
import { ORDERS } from '../points/model';
import { REGISTRATIONS } from '../party/model';
import { GRID_TASKS } from '../party/gridtask-model';
import { INVITES } from './invite';
import type { Member } from './caller';
import { hasRole } from './model';

/** What the caller works on: the whole community (staff), some grids (grid worker), one unit's goods (unit member). */
export interface WorkScope {
  staff: boolean;
  grids: string[];
  unitId?: string;
}

export function workScope(user: Member): WorkScope {
  const here = user.grants.filter((g) => g.communityId === user.communityId);
  return {
    staff: hasRole(user, 'staff', 'admin'),
    grids: here.filter((g) => g.role === 'grid_worker' && g.gridId).map((g) => g.gridId!),
    unitId: here.find((g) => g.role === 'unit_member' && g.unitId)?.unitId,
  };
}

type CountRead = SideRead & { count: true };

export const worksHere = (s: WorkScope) => s.staff || s.grids.length > 0 || !!s.unitId;

/**
 * One count per queue the caller may act on, as reads joined to the community document: a grid
 * worker's tickets and errands are those of their grids; staff's everything in the community.
 */
export function workbenchReads(user: Member, now: number, s: WorkScope): Record<string, CountRead> {
  const communityId = user.communityId;
  const today = shanghaiDate(now);
  const tomorrow = dayStart(addDays(today, 1));
  const monday = addDays(today, 1 - Number(weekdayOf(today)));
  const count = (from: string, where: Record<string, unknown>): CountRead => ({ from, where: { communityId, ...where }, count: true });
  const desk = s.staff || s.grids.length > 0;
  const inGrids = s.staff ? {} : { gridId: { $in: s.grids } };
  const reads: Partial<Record<WorkbenchKey, CountRead>> = {};
  if (s.staff) {
    reads.wishesToReview = count(WISHES, { status: 'pending_review' });
    reads.wishesToConfirm = count(WISHES, { status: 'awaiting_confirmation' });
    reads.ticketsToDispatch = count(TICKETS, { status: 'submitted' });
    reads.activitiesThisWeek = count(ACTIVITIES, { status: 'published', date: { $gte: monday, $lte: addDays(monday, 6) } });
    reads.invitesPending = count(INVITES, { redeemedBy: { $exists: false }, expiresAt: { $gt: now } });
    reads.registrationsToConfirm = count(REGISTRATIONS, { status: 'pending' });
    reads.gridTasksToConfirm = count(GRID_TASKS, { status: 'done' });
  }
  if (desk) {
    reads.ticketsOverdue = count(TICKETS, { status: { $in: OPEN_TICKETS }, dueAt: { $lt: now }, ...inGrids });
    reads.ticketsDueToday = count(TICKETS, { status: { $in: OPEN_TICKETS }, dueAt: { $gte: now, $lt: tomorrow }, ...inGrids });
    reads.errandsUnassigned = count(ERRANDS, { status: 'submitted', ...inGrids });
    reads.bookingsToday = count(BOOKINGS, { status: { $in: ['booked', 'checked_in'] }, date: today });
  }
  if (s.staff || s.unitId) reads.ordersToVerify = count(ORDERS, { status: 'pending', expiresAt: { $gt: now }, ...(s.staff ? {} : { unitId: s.unitId }) });
  return reads as Record<string, CountRead>;
}

export function workbenchCounts(rows: Record<string, number>): WorkbenchCounts {
  return Object.fromEntries(Object.entries(rows).map(([k, n]) => [k, Number(n) || 0]));
}
