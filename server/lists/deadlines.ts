import type { DeadlineHours, EscalationLevel, TicketKind, TicketStatus } from '../../typings/lists';
import { addWorkingDays, shanghaiTime, type WorkCalendar } from '../core/calendar';
import { DAY_MS, HOUR_MS, localDate } from '../core/time';

/**
 * Deadlines of the dispatch tickets, on the community's working-day calendar (weekends and public
 * holidays off, 调休 days on, the community's corrections included). Pure: instants and the
 * calendar in, instants out.
 *
 *   simple     简单事项24小时办结      resolved within 24 hours: natural hours by default, or, as a
 *                                       community chooses, working-day time, where the clock stops on
 *                                       days off (Fri 18:00 → Mon 18:00; 9/30 15:00 → 10/8 15:00)
 *   complex    复杂问题3个工作日内响应  accepted by the end of the 3rd working day after the day raised;
 *                                       resolved by the end of the 10th (the community's own rule)
 *   difficult  疑难问题提级包案         owned by the community secretary from the start: accepted by the
 *                                       end of the next working day, resolved by the end of the 20th
 *
 * Before a deadline the assignee is warned (4 hours before a 24-hour deadline, counted as the
 * deadline is; at 09:00 on the last day of a working-day deadline). At the breach the grid leader
 * (网格长) is alerted, and one working day (24 working-day hours) later the community secretary
 * (书记). A difficult ticket is already the secretary's: its breach goes to the secretary at once.
 *
 *   county     县(市、区)委提级包案    escalated by the community to the county's queue: a fresh clock
 *                                       from the escalation (see COUNTY_SLA); its breach is told to the
 *                                       county officers and the community secretary
 */

/** A span of hours (counted as the ticket's clock says) or of whole working days. */
export type Window = { hours: number } | { workingDays: number };

export const SLA: Readonly<Record<TicketKind, { accept?: Window; resolve: Window }>> = {
  simple: { resolve: { hours: 24 } },
  complex: { accept: { workingDays: 3 }, resolve: { workingDays: 10 } },
  difficult: { accept: { workingDays: 1 }, resolve: { workingDays: 20 } },
};

/**
 * A county officer (包案干部) takes an escalated case by the end of the next working day, so a case
 * sent up on a Friday is picked up on Monday, never left over a weekend unowned; and resolves it
 * within 20 working days (about a month): a matter the community could not settle needs the
 * county's departments to meet and act, which takes weeks, yet a 包案 is meant to be faster than a
 * formal petition's 60 days. The same windows as the secretary's own 包案, counted afresh.
 */
export const COUNTY_SLA: Readonly<{ accept: Window; resolve: Window }> = { accept: { workingDays: 1 }, resolve: { workingDays: 20 } };

/** The windows a ticket runs on: the county's once it went up there, else its kind's. */
export function windowsOf(kind: TicketKind, level?: EscalationLevel): { accept?: Window; resolve: Window } {
  return level === 'county' ? COUNTY_SLA : SLA[kind];
}

/** How a community counts the 24 hours of a simple matter unless it says otherwise. */
export const DEFAULT_DEADLINE_HOURS: DeadlineHours = 'natural';

/** What a new clock is set by: the community's calendar and its choice of hours. */
export interface DeadlineRules {
  calendar: WorkCalendar;
  hours: DeadlineHours;
}

/** Hours before an hours deadline when the assignee is warned. */
export const WARN_HOURS_BEFORE = 4;
/** Time of day of the warning on the last day of a working-days deadline. */
export const WARN_TIME = '09:00';
/** After the breach, how much working-day time passes before the secretary is alerted. */
export const SECRETARY_AFTER_HOURS = 24;
/** A resolved ticket the resident has not rated closes by itself after this long. */
export const RATE_WINDOW_MS = 3 * DAY_MS;

function startOfDay(date: string): number {
  return shanghaiTime(date, '00:00');
}

/**
 * The instant when `hours` of working-day time have passed since `from`: time on days off does
 * not count. A start on a day off counts from the next working day's midnight.
 */
export function addWorkingHours(from: number, hours: number, cal: WorkCalendar): number {
  let left = hours * HOUR_MS;
  let t = from;
  for (let guard = 0; guard < 400; guard++) {
    const day = localDate(t);
    const end = startOfDay(day) + DAY_MS;
    if (cal.isWorkingDay(day)) {
      if (left <= end - t) return t + left;
      left -= end - t;
    }
    t = end;
  }
  throw new Error('addWorkingHours: no working days within 400 days');
}

/** The last instant (23:59:59.999 in Shanghai) of the n-th working day after the day of `from`. */
export function endOfWorkingDays(from: number, n: number, cal: WorkCalendar): number {
  return startOfDay(addWorkingDays(from, n, cal)) + DAY_MS - 1;
}

function addHours(from: number, hours: number, mode: DeadlineHours, cal: WorkCalendar): number {
  return mode === 'natural' ? from + hours * HOUR_MS : addWorkingHours(from, hours, cal);
}

export function deadlineAfter(from: number, w: Window, mode: DeadlineHours, cal: WorkCalendar): number {
  return 'hours' in w ? addHours(from, w.hours, mode, cal) : endOfWorkingDays(from, w.workingDays, cal);
}

/** When the assignee is warned of a deadline running from `from`. */
export function warnAt(from: number, w: Window, deadline: number, mode: DeadlineHours, cal: WorkCalendar): number {
  if ('hours' in w) return mode === 'natural' ? Math.max(from, deadline - WARN_HOURS_BEFORE * HOUR_MS) : addWorkingHours(from, Math.max(0, w.hours - WARN_HOURS_BEFORE), cal);
  return Math.max(from, shanghaiTime(localDate(deadline), WARN_TIME));
}

export interface Clock {
  startAt: number;
  acceptBy?: number;
  resolveFrom: number;
  resolveBy: number;
  /** How the clock's hours windows count, fixed when it was set; clocks from before the setting counted working hours. */
  hours?: DeadlineHours;
}

const hasHours = (w: { accept?: Window; resolve: Window }) => [w.accept, w.resolve].some((x) => !!x && 'hours' in x);

export function hoursOf(clock: Clock): DeadlineHours {
  return clock.hours ?? 'working';
}

/** The deadlines of a ticket of this kind (at this level) whose clock starts at `startAt`. */
export function clockFor(kind: TicketKind, startAt: number, rules: DeadlineRules, level?: EscalationLevel): Clock {
  const sla = windowsOf(kind, level);
  const mode = rules.hours;
  return {
    startAt,
    ...(sla.accept ? { acceptBy: deadlineAfter(startAt, sla.accept, mode, rules.calendar) } : {}),
    resolveFrom: startAt,
    resolveBy: deadlineAfter(startAt, sla.resolve, mode, rules.calendar),
    ...(hasHours(sla) ? { hours: mode } : {}),
  };
}

/** A low rating reopens the ticket: a fresh resolve window from the reopening, counted as before. */
export function reopenedClock(kind: TicketKind, clock: Clock, at: number, cal: WorkCalendar, level?: EscalationLevel): Clock {
  return { ...clock, resolveFrom: at, resolveBy: deadlineAfter(at, windowsOf(kind, level).resolve, hoursOf(clock), cal) };
}

export interface TimedTicket {
  kind: TicketKind;
  level?: EscalationLevel;
  status: TicketStatus;
  clock: Clock;
  cycle: number;
  alerts: string[];
  late?: boolean;
  acceptedAt?: number;
  resolvedAt?: number;
}

export type Phase = 'accept' | 'resolve';

/** Not yet resolved or cancelled: a deadline runs. */
export const OPEN: TicketStatus[] = ['submitted', 'dispatched', 'accepted'];

export function isOpen(status: TicketStatus): boolean {
  return OPEN.includes(status);
}

/** The deadline running now, if any: acceptance until accepted (when there is one), then resolution. */
export function runningDeadline(t: TimedTicket): { phase: Phase; from: number; deadline: number; window: Window } | null {
  if (!isOpen(t.status)) return null;
  const sla = windowsOf(t.kind, t.level);
  // Acceptance is due once: a ticket re-dispatched after it was first accepted runs on its resolve deadline.
  if (t.status !== 'accepted' && t.acceptedAt === undefined && sla.accept && t.clock.acceptBy !== undefined) {
    return { phase: 'accept', from: t.clock.startAt, deadline: t.clock.acceptBy, window: sla.accept };
  }
  return { phase: 'resolve', from: t.clock.resolveFrom, deadline: t.clock.resolveBy, window: sla.resolve };
}

/** county: a county-level deadline missed, told to the county officers and the community secretary. */
export type AlertLevel = 'warn' | 'leader' | 'secretary' | 'county';

export interface Alert {
  key: string;
  level: AlertLevel;
  phase: Phase;
  at: number;
  deadline: number;
}

/** The alerts of the running deadline, in order: the warning, then the escalations. */
export function alertsOf(t: TimedTicket, cal: WorkCalendar): Alert[] {
  const run = runningDeadline(t);
  if (!run) return [];
  const key = (level: AlertLevel) => `${run.phase}${t.cycle}.${level}`;
  const base = { phase: run.phase, deadline: run.deadline };
  const out: Alert[] = [{ ...base, key: key('warn'), level: 'warn', at: warnAt(run.from, run.window, run.deadline, hoursOf(t.clock), cal) }];
  // Breached means strictly after the deadline: work done at the deadline itself is on time.
  if (t.level === 'county') out.push({ ...base, key: key('county'), level: 'county', at: run.deadline + 1 });
  else if (t.kind === 'difficult') out.push({ ...base, key: key('secretary'), level: 'secretary', at: run.deadline + 1 });
  else {
    out.push({ ...base, key: key('leader'), level: 'leader', at: run.deadline + 1 });
    out.push({ ...base, key: key('secretary'), level: 'secretary', at: addWorkingHours(run.deadline + 1, SECRETARY_AFTER_HOURS, cal) });
  }
  return out;
}

/**
 * What a timer run at `now` should do: send the most advanced alert that is due and not yet sent,
 * and mark it and every lesser one as sent (a timer that was down does not send a stale warning
 * after the escalation). Null when nothing is due.
 */
export function dueAlert(t: TimedTicket, now: number, cal: WorkCalendar): { send: Alert; mark: string[] } | null {
  const all = alertsOf(t, cal);
  const due = all.filter((a) => a.at <= now && !t.alerts.includes(a.key));
  if (!due.length) return null;
  const send = due[due.length - 1];
  // Everything before it in the chain is settled with it, even a warning whose time has not come
  // (a window that opened on a day off warns late, possibly after the breach).
  const mark = all.slice(0, all.indexOf(send) + 1).map((a) => a.key).filter((k) => !t.alerts.includes(k));
  return { send, mark };
}

/** When the timer should next look at the ticket. */
export function nextAlertAt(t: TimedTicket, cal: WorkCalendar): number | undefined {
  const pending = alertsOf(t, cal).filter((a) => !t.alerts.includes(a.key));
  return pending.length ? Math.min(...pending.map((a) => a.at)) : undefined;
}

export function levelOf(a: AlertLevel): EscalationLevel | null {
  return a === 'leader' ? 'leader' : a === 'secretary' ? 'secretary' : null;
}

export function isOverdue(t: TimedTicket, now: number): boolean {
  const run = runningDeadline(t);
  return !!run && now > run.deadline;
}

/**
 * For the on-time rate: a ticket is late once any deadline was missed (also while it is still
 * open past one), on time when completed within every deadline, pending while open and not yet
 * due, and not counted when cancelled.
 */
export function timeliness(t: TimedTicket, now: number): 'on_time' | 'late' | 'pending' | 'none' {
  if (t.status === 'cancelled') return 'none';
  if (t.late) return 'late';
  if (isOpen(t.status)) return isOverdue(t, now) ? 'late' : 'pending';
  if (t.clock.acceptBy !== undefined && t.acceptedAt !== undefined && t.acceptedAt > t.clock.acceptBy) return 'late';
  return t.resolvedAt !== undefined && t.resolvedAt <= t.clock.resolveBy ? 'on_time' : 'late';
}

/** Whether a change at `at` misses the running deadline (sticky lateness). */
export function missed(t: TimedTicket, at: number): boolean {
  const run = runningDeadline(t);
  return !!run && at > run.deadline;
}
