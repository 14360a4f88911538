import { WorkCalendar, type DayOverride } from '../core/calendar';
import { DAY_MS, localDate } from '../core/time';
import { findMany } from '../platform/store';
import type { SideRead } from '../platform/aggregate';

/**
 * A community's corrections of the working-day calendar, one document per day
 * (`${communityId}.${date}`), and the loader that turns them into the one `WorkCalendar` every
 * slot, opening-hours and deadline computation of a call reads.
 */

export const CALENDAR_DAYS = 'calendar_days';

export interface CalendarDayDoc extends DayOverride {
  _id: string;
  communityId: string;
  updatedAt: number;
  updatedBy: string;
}

export const calendarDayId = (communityId: string, date: string) => `${communityId}.${date}`;

/** A year of corrections is a few dozen days; this is far beyond any range a call asks for. */
const MAX_OVERRIDES = 1000;

const asOverride = (d: CalendarDayDoc): DayOverride => ({ date: d.date, workday: d.workday, ...(d.name ? { name: d.name } : {}) });

/**
 * The community's calendar for the Shanghai days from `fromMs` to `toMs`, in one query. Days
 * outside the range read as official or estimated: ask for the whole stretch the math may walk.
 */
export async function loadCalendar(communityId: string, fromMs: number, toMs: number): Promise<WorkCalendar> {
  return (await loadCalendars([communityId], fromMs, toMs)).get(communityId)!;
}

/** Calendars of several communities at once (a timer's batch), still one query. */
export async function loadCalendars(communityIds: string[], fromMs: number, toMs: number): Promise<Map<string, WorkCalendar>> {
  const ids = [...new Set(communityIds)];
  const rows = ids.length
    ? await findMany<CalendarDayDoc>(
        CALENDAR_DAYS,
        { communityId: ids.length === 1 ? ids[0] : { $in: ids }, date: { $gte: localDate(fromMs), $lte: localDate(toMs) } },
        { limit: MAX_OVERRIDES },
      )
    : [];
  const by = new Map<string, DayOverride[]>(ids.map((id) => [id, []]));
  for (const r of rows) by.get(r.communityId)?.push(asOverride(r));
  return new Map(ids.map((id) => [id, new WorkCalendar(by.get(id))]));
}

/** The same days as `loadCalendar` reads, as a side read of a screen's one request (see platform/aggregate). */
export function calendarDays(communityId: string, fromMs: number, toMs: number): SideRead {
  return { from: CALENDAR_DAYS, where: { communityId, date: { $gte: localDate(fromMs), $lte: localDate(toMs) } }, limit: MAX_OVERRIDES };
}

/** A calendar from the day documents a side read brought. */
export function calendarFrom(rows: unknown[]): WorkCalendar {
  return new WorkCalendar((rows as CalendarDayDoc[]).map(asOverride));
}

/** The overrides of a range of days, as documents (for the calendar page). */
export async function overridesBetween(communityId: string, from: string, to: string): Promise<CalendarDayDoc[]> {
  return findMany<CalendarDayDoc>(CALENDAR_DAYS, { communityId, date: { $gte: from, $lte: to } }, { orderBy: [['date', 'asc']], limit: MAX_OVERRIDES });
}

/** The community's last corrected day, which extends how far its calendar is confirmed. */
export async function latestOverride(communityId: string): Promise<string | undefined> {
  const rows = await findMany<CalendarDayDoc>(CALENDAR_DAYS, { communityId }, { orderBy: [['date', 'desc']], limit: 1 });
  return rows[0]?.date;
}

/** How far ahead the deadline math may walk: 20 working days, a 春节 and an escalation fit well inside. */
export const DEADLINE_REACH_DAYS = 120;
/** Open tickets started this long ago still have warnings and escalations computed from their start. */
export const DEADLINE_LOOKBACK_DAYS = 60;


/** The calendar a call about tickets needs: from a while back (running clocks) to well ahead. */
export function deadlineRange(now: number): [number, number] {
  return [now - DEADLINE_LOOKBACK_DAYS * DAY_MS, now + DEADLINE_REACH_DAYS * DAY_MS];
}
