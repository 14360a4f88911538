import { getDayDetail, getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { CalendarDay } from '../../typings/booking';
import { addDays, dayjs, ZONE } from './time';

/**
 * The Chinese working-day calendar as one value. Dates are calendar days in Asia/Shanghai
 * ('YYYY-MM-DD'). Each day comes from one of three sources:
 *
 *   official   the State Council's arrangement as the `chinese-days` package carries it, 调休 included;
 *   estimated  past the package's last year: the statutory holidays from the lunar and solar rules
 *              (元旦, 春节 除夕–初三, 清明, 劳动节 5/1–2, 端午, 中秋, 国庆 10/1–3), weekends off,
 *              and no guessed 调休;
 *   community  a community's own correction of a day (a confirmed arrangement, a 调休 workday).
 *
 * Pure: the overrides are handed in, so deadline, slot and opening-hours math stays synchronous.
 */

export type { CalendarDay, DaySource } from '../../typings/booking';

/** A community's correction of one day. */
export interface DayOverride {
  date: string;
  workday: boolean;
  name?: string;
}

/** The first year the package carries; its data starts here. */
const FIRST_DATA_YEAR = 2004;

export function isWeekend(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

/** The Chinese part of the package's 'National Day,国庆节,3'. */
function chineseName(raw: string): string | undefined {
  return raw.split(',')[1] || undefined;
}

let horizon: string | undefined;

/**
 * The last day of the package's official data: 31 December of the last year whose 国庆 it lists.
 * Every published arrangement has 国庆 (1 October is always a holiday), so the year without it is
 * the first one the package does not know.
 */
export function officialUntil(): string {
  if (horizon) return horizon;
  let year = FIRST_DATA_YEAR;
  while (chineseName(getDayDetail(`${year + 1}-10-01`).name)) year++;
  horizon = `${year}-12-31`;
  return horizon;
}

const estimates = new Map<number, Map<string, string>>();

/** The statutory holidays of a year, by the rules: date → name. */
export function estimatedHolidays(year: number): Map<string, string> {
  const cached = estimates.get(year);
  if (cached) return cached;
  const out = new Map<string, string>();
  const add = (date: string, name: string) => {
    if (!date.startsWith(`${year}-`)) return;
    const prior = out.get(date);
    // 中秋 can fall inside 国庆: the day carries both names.
    out.set(date, prior && prior !== name ? `${prior}、${name}` : name);
  };
  const lunar = (md: string) => getSolarDateFromLunar(`${year}-${md}`).date;
  add(`${year}-01-01`, '元旦');
  const newYear = lunar('01-01');
  for (let i = -1; i <= 2; i++) add(addDays(newYear, i), '春节'); // 除夕 through 初三
  add(getSolarTermDate(year, 4, 'pure_brightness'), '清明节');
  add(`${year}-05-01`, '劳动节');
  add(`${year}-05-02`, '劳动节');
  add(lunar('05-05'), '端午节');
  add(lunar('08-15'), '中秋节');
  for (const d of ['10-01', '10-02', '10-03']) add(`${year}-${d}`, '国庆节');
  estimates.set(year, out);
  return out;
}

/** A day by the official data or, past it, by the rules. */
export function baseDay(date: string): CalendarDay {
  if (date <= officialUntil()) {
    const d = getDayDetail(date);
    const name = chineseName(d.name);
    // The package names ordinary weekends and weekdays in English ('Saturday'): those carry no name.
    return { date, workday: d.work, ...(name ? { name } : {}), source: 'official' };
  }
  const name = estimatedHolidays(Number(date.slice(0, 4))).get(date);
  return { date, workday: !name && !isWeekend(date), ...(name ? { name } : {}), source: 'estimated' };
}

export class WorkCalendar {
  private readonly overrides: Map<string, DayOverride>;

  constructor(overrides: readonly DayOverride[] = []) {
    this.overrides = new Map(overrides.map((o) => [o.date, o]));
  }

  day(date: string): CalendarDay {
    const o = this.overrides.get(date);
    if (o) return { date, workday: o.workday, ...(o.name ? { name: o.name } : {}), source: 'community' };
    return baseDay(date);
  }

  isWorkingDay(date: string): boolean {
    return this.day(date).workday;
  }

  /**
   * A day off that is not an ordinary weekend: a festival (its name), or a weekday given off
   * (its name, or undefined when none was given). Undefined for working days and plain weekends.
   */
  holidayOn(date: string): { name?: string } | undefined {
    const d = this.day(date);
    if (d.workday) return undefined;
    if (d.name) return { name: d.name };
    return isWeekend(date) ? undefined : {};
  }

  /** A weekend day made a working day (调休上班), with the festival it makes up for, if named. */
  makeupOn(date: string): { name?: string } | undefined {
    const d = this.day(date);
    if (!d.workday || !isWeekend(date)) return undefined;
    return d.name ? { name: d.name.replace(/调休$/, '') } : {};
  }
}

/** The calendar without any community's corrections. */
export const BASE_CALENDAR = new WorkCalendar();

/** The calendar day `n` working days after the day of `epochMs` (n ≥ 1), in Shanghai. */
export function addWorkingDays(epochMs: number, n: number, cal: WorkCalendar): string {
  let d = dayjs(epochMs).tz(ZONE).format('YYYY-MM-DD');
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

/** Epoch ms of a Shanghai wall-clock time on a given day. */
export function shanghaiTime(date: string, hhmm: string): number {
  return dayjs.tz(`${date} ${hhmm}`, 'YYYY-MM-DD HH:mm', ZONE).valueOf();
}

/** How long before the confirmed calendar runs out staff are told to confirm the next stretch. */
export const HORIZON_NOTICE_DAYS = 60;

/**
 * How far the calendar is known: the official data, and a community's corrections beyond it (an
 * admin confirming or correcting a day past the official data confirms the calendar up to it).
 */
export function horizonOf(today: string, latestOverride?: string): { officialUntil: string; confirmedUntil?: string; warn: boolean } {
  const official = officialUntil();
  const confirmed = latestOverride && latestOverride > official ? latestOverride : undefined;
  const end = confirmed ?? official;
  return { officialUntil: official, ...(confirmed ? { confirmedUntil: confirmed } : {}), warn: today >= addDays(end, -HORIZON_NOTICE_DAYS) };
}
