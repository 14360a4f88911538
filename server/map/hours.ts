import type { WorkCalendar } from '../core/calendar';
import type { OpenState, OpeningHours, Period, WeekRow, WeekdayKey } from '../../typings/map';

/**
 * Opening hours, reasoned in Asia/Shanghai whatever the server's zone, on the community's
 * working-day calendar. Pure: every function takes the instant and the calendar it reasons about. China Standard Time is UTC+8 all year (no daylight saving since
 * 1991), so wall-clock times are plain arithmetic on a fixed offset; the tests check it against
 * the zone database.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
const MINUTE_MS = 60_000;
/** How far ahead to look for the next opening or closing. */
export const HORIZON_DAYS = 14;

const WEEKDAYS: WeekdayKey[] = ['1', '2', '3', '4', '5', '6', '7'];
const DAY_NAMES: Record<WeekdayKey, string> = { '1': '周一', '2': '周二', '3': '周三', '4': '周四', '5': '周五', '6': '周六', '7': '周日' };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 'HH:mm' → minutes after midnight; '24:00' is the end of the day. */
export function minutesOf(hhmm: string): number {
  if (hhmm === '24:00') return 1440;
  if (!HHMM.test(hhmm)) throw new Error(`bad time ${hhmm}`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
}

export function isTime(s: string, allowEndOfDay = false): boolean {
  return HHMM.test(s) || (allowEndOfDay && s === '24:00');
}

/** The Shanghai calendar day of an instant. */
export function shanghaiDate(at: number): string {
  return new Date(at + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day starts. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS;
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): WeekdayKey {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(d + 6) % 7];
}

function hhmmOf(at: number): string {
  return new Date(at + OFFSET_MS).toISOString().slice(11, 16);
}

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
  return periods.map((p) => `${p.from}-${p.to}`).join(' ');
}

/** '17:30' today, '明天 08:30', '后天 08:30', '10月8日 08:30'; midnight ending today reads '24:00'. */
export function whenLabel(t: number, now: number): string {
  const today = shanghaiDate(now);
  if (t === dayStart(addDays(today, 1))) return '24:00';
  const date = shanghaiDate(t);
  const time = hhmmOf(t);
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

/** What is wrong with a day's periods, in Chinese, or undefined. */
export function periodsProblem(periods: Period[]): string | undefined {
  let prevEnd = -1;
  for (const p of periods) {
    if (!isTime(p.from) || !isTime(p.to, true)) return '时间须为 HH:mm 格式（结束可为24:00）';
    const from = minutesOf(p.from);
    const to = minutesOf(p.to);
    if (to <= from) return `开放时段 ${p.from}-${p.to} 的结束须晚于开始`;
    if (from < prevEnd) return '同一天的开放时段须按时间先后排列且不重叠';
    prevEnd = to;
  }
  return undefined;
}
