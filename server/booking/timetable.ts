import type { Period, WeekdayKey } from '../../typings/map';
import type { ServiceHours } from '../../typings/booking';
import { shanghaiTime, type WorkCalendar } from '../core/calendar';
import { addDays, DAY_MS, localDate, MINUTE_MS } from '../core/time';
import { clockOf, DAY_NAMES, hhmm, joinPeriods, minutesOf, WEEKDAYS, weekdayName, weekdayOf } from '../core/hours';

/**
 * Slots of an appointment service, cut from its weekly opening hours in Asia/Shanghai on the
 * community's working-day calendar. Pure: every function takes the dates and the calendar it
 * reasons about, so the tests can ask about 国庆 2026 whatever today is. Functions run in UTC; no `Date` here reads the
 * server's zone.
 */

export interface DayOpening {
  date: string;
  periods: Period[];
  /** Why the day differs from its weekday, or why it is closed: '国庆节', '国庆节调休', '暂停服务', '休息'. */
  reason?: string;
}

/** The periods a service keeps on one Shanghai calendar day. */
export function openingOn(hours: ServiceHours, date: string, cal: WorkCalendar): DayOpening {
  if (hours.closedDates?.includes(date)) return { date, periods: [], reason: '暂停服务' };
  const wd = weekdayOf(date);
  if (hours.calendar === 'working_days') {
    // A festival, or a weekday that is not a working day: a day off, named or not.
    const holiday = cal.holidayOn(date);
    if (holiday) return { date, periods: [], reason: holiday.name ?? '休息' };
    const makeup = cal.makeupOn(date);
    if (makeup) return { date, periods: hours.makeup ?? hours.week['1'] ?? [], reason: `${makeup.name ?? '节假日'}调休` };
  }
  const periods = hours.week[wd] ?? [];
  return periods.length ? { date, periods } : { date, periods: [], reason: '休息' };
}

export interface SlotTime {
  id: string;
  date: string;
  start: number;
  end: number;
  /** '08:30-09:00' */
  time: string;
}

export function slotId(serviceId: string, date: string, startHHmm: string): string {
  return `${serviceId}.${date}.${startHHmm.replace(':', '')}`;
}

const SLOT_ID = /^([\w-]{1,64})\.(\d{4}-\d{2}-\d{2})\.(\d{4})$/;

export function parseSlotId(id: string): { serviceId: string; date: string; hhmm: string } | undefined {
  const m = SLOT_ID.exec(id);
  return m ? { serviceId: m[1], date: m[2], hhmm: `${m[3].slice(0, 2)}:${m[3].slice(2)}` } : undefined;
}

/** The slots of one day: whole slots of `durationMinutes` from the start of each period. */
export function slotsOn(serviceId: string, s: { durationMinutes: number; hours: ServiceHours }, date: string, cal: WorkCalendar): SlotTime[] {
  const opening = openingOn(s.hours, date, cal);
  if (!opening.periods.length) return [];
  // China Standard Time has no daylight saving: a day is midnight plus minutes.
  const midnight = shanghaiTime(date, '00:00');
  const out: SlotTime[] = [];
  for (const p of opening.periods) {
    const last = minutesOf(p.to);
    for (let m = minutesOf(p.from); m + s.durationMinutes <= last; m += s.durationMinutes) {
      const from = hhmm(m);
      out.push({
        id: slotId(serviceId, date, from),
        date,
        start: midnight + m * MINUTE_MS,
        end: midnight + (m + s.durationMinutes) * MINUTE_MS,
        time: `${from}-${hhmm(m + s.durationMinutes)}`,
      });
    }
  }
  return out;
}

/** Slots one day may have: keeps a week of slots well inside a response's budget. */
export const MAX_SLOTS_PER_DAY = 48;
/** Days one `slots` call answers for. */
export const MAX_DAYS_PER_CALL = 7;

/** Too many slots in a day, in words, or undefined. */
export function slotsPerDayProblem(s: { durationMinutes: number; hours: ServiceHours }): string | undefined {
  const days = [...Object.values(s.hours.week), s.hours.makeup].filter((ps): ps is Period[] => !!ps);
  for (const ps of days) {
    const n = ps.reduce((sum, p) => sum + Math.floor((minutesOf(p.to) - minutesOf(p.from)) / s.durationMinutes), 0);
    if (n > MAX_SLOTS_PER_DAY) return `每天最多${MAX_SLOTS_PER_DAY}个预约时段，请加长每个时段或缩短开放时间`;
  }
  return undefined;
}

/** The slot an id names, if the service's hours have it on that day. */
export function findSlot(serviceId: string, s: { durationMinutes: number; hours: ServiceHours }, id: string, cal: WorkCalendar): SlotTime | undefined {
  const parsed = parseSlotId(id);
  if (!parsed || parsed.serviceId !== serviceId) return undefined;
  return slotsOn(serviceId, s, parsed.date, cal).find((x) => x.id === id);
}

/** The days one may book on: today and the following ones, `horizonDays` in all. */
export function bookableDays(now: number, horizonDays: number): { first: string; last: string } {
  const first = localDate(now);
  return { first, last: addDays(first, horizonDays - 1) };
}

/** '周一至周五 08:30-12:00 14:00-17:30；周六 09:00-11:30；法定节假日休息，调休上班日开放' */
export function hoursNote(hours: ServiceHours): string {
  const groups: Array<{ days: WeekdayKey[]; text: string }> = [];
  for (const d of WEEKDAYS) {
    const ps = hours.week[d] ?? [];
    if (!ps.length) continue;
    const text = joinPeriods(ps);
    const last = groups[groups.length - 1];
    const prev = last?.days[last.days.length - 1];
    if (last && last.text === text && prev && Number(prev) + 1 === Number(d)) last.days.push(d);
    else groups.push({ days: [d], text });
  }
  const parts = groups.map((g) => {
    const first = DAY_NAMES[g.days[0]];
    const last = DAY_NAMES[g.days[g.days.length - 1]];
    const days = g.days.length === 1 ? first : g.days.length === 2 ? `${first}、${last}` : `${first}至${last}`;
    return `${days} ${g.text}`;
  });
  if (!parts.length) parts.push('暂未开放预约');
  parts.push(hours.calendar === 'working_days' ? `法定节假日休息，调休上班日${hours.makeup ? joinPeriods(hours.makeup) : '按周一时间'}开放` : '节假日照常开放');
  return parts.join('；');
}

/** '08:30-09:00'; a span ending at the next midnight ends at '24:00'. */
export function timeRange(start: number, end: number): string {
  const sameDay = localDate(end) === localDate(start);
  const to = sameDay ? clockOf(end) : clockOf(end) === '00:00' && end - start <= DAY_MS ? '24:00' : `次日${clockOf(end)}`;
  return `${clockOf(start)}-${to}`;
}

/** '10月12日 周一 08:30-11:30' */
export function spanLabel(start: number, end: number): string {
  const date = localDate(start);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${weekdayName(date)} ${timeRange(start, end)}`;
}
