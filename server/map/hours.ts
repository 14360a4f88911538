import type { WorkCalendar } from '../core/calendar';
import type { OpenState, OpeningHours, Period, WeekRow } from '../../typings/map';
import { addDays, MINUTE_MS } from '../core/time';
import { clockOf, DAY_NAMES, dayStart, joinPeriods, minutesOf, shanghaiDate, WEEKDAYS, weekdayOf } from '../core/hours';

/**
 * A place's opening state, reasoned in Asia/Shanghai whatever the server's zone, on the
 * community's working-day calendar. Pure: every function takes the instant and the calendar it
 * reasons about.
 */

/** How far ahead to look for the next opening or closing. */
export const HORIZON_DAYS = 14;

/** The holiday a day off belongs to (国庆节), or '休息' for a weekday the community gave off unnamed. */
export function publicHoliday(date: string, cal: WorkCalendar): string | undefined {
  const h = cal.holidayOn(date);
  return h ? (h.name ?? '休息') : undefined;
}

/** A weekend day made a working day (调休上班), with the holiday it makes up for. */
export function makeupFor(date: string, cal: WorkCalendar): string | undefined {
  const m = cal.makeupOn(date);
  return m ? (m.name ?? '节假日') : undefined;
}

export interface DayPlan {
  date: string;
  periods: Period[];
  /** Why the day differs from its weekday: '国庆节', '国庆节调休', '临时闭馆'. */
  reason?: string;
}

/** The periods a place keeps on one Shanghai calendar day. */
export function dayPlan(hours: OpeningHours, date: string, cal: WorkCalendar): DayPlan {
  if (hours.closedDates?.includes(date)) return { date, periods: [], reason: '临时闭馆' };
  const wd = weekdayOf(date);
  const holiday = publicHoliday(date, cal);
  if (hours.calendar === 'working_days') {
    if (holiday) return { date, periods: hours.holiday ?? [], reason: holiday };
    const makeup = makeupFor(date, cal);
    if (makeup) return { date, periods: hours.makeup ?? hours.week['1'] ?? [], reason: `${makeup}调休` };
    return { date, periods: hours.week[wd] ?? [] };
  }
  if (holiday && hours.holiday) return { date, periods: hours.holiday, reason: holiday };
  return { date, periods: hours.week[wd] ?? [] };
}

/** Open intervals [start, end) in epoch ms from the start of `fromDate`, adjacent ones merged. */
function intervals(hours: OpeningHours, fromDate: string, days: number, cal: WorkCalendar): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(fromDate, i);
    const base = dayStart(date);
    for (const p of dayPlan(hours, date, cal).periods) {
      const start = base + minutesOf(p.from) * MINUTE_MS;
      const end = base + minutesOf(p.to) * MINUTE_MS;
      if (end <= start) continue;
      const last = out[out.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else out.push([start, end]);
    }
  }
  return out;
}

export function formatPeriods(periods: Period[]): string {
  if (!periods.length) return '休息';
  if (periods.length === 1 && periods[0].from === '00:00' && periods[0].to === '24:00') return '24小时';
  return joinPeriods(periods);
}

/** '17:30' today, '明天 08:30', '后天 08:30', '10月8日 08:30'; midnight ending today reads '24:00'. */
export function whenLabel(t: number, now: number): string {
  const today = shanghaiDate(now);
  if (t === dayStart(addDays(today, 1))) return '24:00';
  const date = shanghaiDate(t);
  const time = clockOf(t);
  if (date === today) return time;
  if (date === addDays(today, 1)) return `明天 ${time}`;
  if (date === addDays(today, 2)) return `后天 ${time}`;
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${time}`;
}

/** Open or closed at `at`, when that changes next, and a label to show, all in Shanghai time. */
export function openState(hours: OpeningHours, at: number, cal: WorkCalendar): OpenState {
  const todayDate = shanghaiDate(at);
  const plan = dayPlan(hours, todayDate, cal);
  const today = plan.periods.length ? formatPeriods(plan.periods) : plan.reason && plan.reason !== '休息' ? `休息（${plan.reason}）` : '休息';
  const spans = intervals(hours, todayDate, HORIZON_DAYS + 1, cal);
  const horizonEnd = dayStart(addDays(todayDate, HORIZON_DAYS + 1));
  const current = spans.find(([s, e]) => s <= at && at < e);
  if (current) {
    if (current[1] >= horizonEnd) return { openNow: true, open24h: true, label: '24小时开放', today };
    return { openNow: true, open24h: false, closesAt: current[1], label: `开放中 · ${whenLabel(current[1], at)}关闭`, today };
  }
  const next = spans.find(([s]) => s > at);
  const opensAt = next?.[0];
  const then = opensAt !== undefined ? ` · ${whenLabel(opensAt, at)}开放` : '';
  const base = dayStart(todayDate);
  const startedToday = plan.periods.filter((p) => base + minutesOf(p.from) * MINUTE_MS <= at);
  const laterToday = opensAt !== undefined && shanghaiDate(opensAt) === todayDate;
  let label: string;
  if (!plan.periods.length) label = `${plan.reason === '临时闭馆' ? '临时闭馆' : plan.reason && plan.reason !== '休息' ? `${plan.reason}休息` : '今日休息'}${then}`;
  else if (!startedToday.length) label = `尚未开放${then}`;
  else if (laterToday) {
    const endedAt = minutesOf(startedToday[startedToday.length - 1].to);
    label = `${endedAt >= 10 * 60 + 30 && endedAt <= 14 * 60 + 30 ? '午间休息' : '休息中'}${then}`;
  } else label = `已关闭${then}`;
  if (opensAt === undefined) label = plan.periods.length ? '已关闭 · 近期暂停开放' : '近期暂停开放';
  return { openNow: false, open24h: false, opensAt, label, today };
}

export function weekRows(hours: OpeningHours): WeekRow[] {
  return WEEKDAYS.map((d) => ({ day: DAY_NAMES[d], hours: formatPeriods(hours.week[d] ?? []) }));
}

export function holidayNote(hours: OpeningHours): string {
  if (hours.calendar === 'working_days') {
    const holiday = hours.holiday ? `法定节假日 ${formatPeriods(hours.holiday)}` : '法定节假日休息';
    const makeup = hours.makeup ? formatPeriods(hours.makeup) : '按周一时间';
    return `${holiday}，调休上班日${makeup}开放`;
  }
  return hours.holiday ? `法定节假日 ${formatPeriods(hours.holiday)}` : '节假日照常开放';
}

/** Single-day closures from `today` for `days` days. */
export function upcomingClosures(hours: OpeningHours, today: string, days = 30): string[] {
  const last = addDays(today, days);
  return (hours.closedDates ?? []).filter((d) => d >= today && d <= last).sort();
}
