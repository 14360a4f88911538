import { SPECIAL_GROUPS, type SpecialGroup, type SpecialRate, type SpecialStats, type TicketStats } from '../../typings/lists';
import { isOpen, isOverdue, timeliness, type TimedTicket } from './deadlines';

/**
 * The dispatch statistics, pure. Over the tickets raised in a period (cancelled ones left out):
 *   completion rate   resolved or closed / all
 *   on-time rate      completed within every deadline / (that + late), where late counts tickets
 *                     completed after a deadline AND tickets still open past one; open tickets not
 *                     yet due are not counted either way
 *   satisfaction      average stars, and the share rated 4–5, of the rated
 */

export type StatTicket = TimedTicket & { rating?: { stars: number }; reopenCount: number };

/** 集单—派单—接单—评单, 订单完成率90%以上: an on-time rate below this falls short. */
export const ON_TIME_TARGET = 0.9;

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

export function ticketStats(tickets: StatTicket[], now: number): TicketStats {
  let n = 0;
  let completed = 0;
  let onTime = 0;
  let late = 0;
  let overdueOpen = 0;
  let rated = 0;
  let stars = 0;
  let satisfied = 0;
  let reopened = 0;
  for (const t of tickets) {
    if (t.status === 'cancelled') continue;
    n++;
    if (t.status === 'resolved' || t.status === 'closed') completed++;
    const on = timeliness(t, now);
    if (on === 'on_time') onTime++;
    if (on === 'late') late++;
    if (isOverdue(t, now)) overdueOpen++;
    if (t.rating) {
      rated++;
      stars += t.rating.stars;
      if (t.rating.stars >= 4) satisfied++;
    }
    if (t.reopenCount > 0) reopened++;
  }
  return {
    tickets: n,
    completed,
    completionRate: ratio(completed, n),
    onTime,
    late,
    onTimeRate: ratio(onTime, onTime + late),
    overdueOpen,
    rated,
    avgStars: rated ? Math.round((stars / rated) * 100) / 100 : null,
    satisfactionRate: ratio(satisfied, rated),
    reopened,
  };
}

// ---------------------------------------------------------------- 特殊群体服务响应率达100%

/** The seeds' target for the special groups' response rate. */
export const SPECIAL_TARGET = 1;

/**
 * Whether a special group's ticket was responded to in time, on its own clock:
 *   - a ticket with a response (accept) deadline — complex 3个工作日内响应, difficult, county 包案 —
 *     is responded when accepted at or before that deadline; late when accepted after it, or not
 *     accepted once it has passed;
 *   - a simple matter has no accept step (简单事项24小时办结): it is responded when resolved within
 *     its 24-hour deadline; late when resolved after it, or still open past it.
 * Open and not yet due: pending (neither). Cancelled: not counted. An escalation starts a fresh
 * clock, so what counts is the response to the level that holds the case now.
 */
export function responseOf(t: TimedTicket, now: number): 'responded' | 'late' | 'pending' | 'none' {
  if (t.status === 'cancelled') return 'none';
  const acceptBy = t.clock.acceptBy;
  if (acceptBy !== undefined) {
    if (t.acceptedAt !== undefined) return t.acceptedAt <= acceptBy ? 'responded' : 'late';
    // Resolved without an accept of its own (a re-dispatch after acceptance): the resolve answers.
    if (t.resolvedAt !== undefined) return t.resolvedAt <= acceptBy ? 'responded' : 'late';
    return now > acceptBy ? 'late' : 'pending';
  }
  if (t.resolvedAt !== undefined) return t.resolvedAt <= t.clock.resolveBy ? 'responded' : 'late';
  return isOpen(t.status) && now <= t.clock.resolveBy ? 'pending' : 'late';
}

function specialRate(tickets: TimedTicket[], now: number): SpecialRate {
  const out = { tickets: 0, responded: 0, late: 0, pending: 0 };
  for (const t of tickets) {
    const r = responseOf(t, now);
    if (r === 'none') continue;
    out.tickets++;
    out[r]++;
  }
  return { ...out, rate: ratio(out.responded, out.responded + out.late) };
}

/** The response rate of each special group and of them all, against the 100% target. */
export function specialStats(tickets: Array<TimedTicket & { special?: SpecialGroup }>, now: number): SpecialStats {
  const special = tickets.filter((t) => !!t.special);
  return {
    target: SPECIAL_TARGET,
    overall: specialRate(special, now),
    groups: SPECIAL_GROUPS.map((group) => ({ group, ...specialRate(special.filter((t) => t.special === group), now) })),
  };
}
