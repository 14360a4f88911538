import * as z from 'zod/mini';
import type { Period, WeekdayKey } from '../../typings/map';
import { isDate } from './time';

/**
 * Weekly opening hours, as places on the map and bookable services both keep them: Shanghai
 * wall-clock periods per ISO weekday, checked the same way wherever they are entered.
 * China Standard Time is UTC+8 all year (no daylight saving since 1991), so wall-clock times are
 * plain arithmetic on a fixed offset; the map's tests check it against the zone database.
 */

const OFFSET_MS = 8 * 3600_000;

export const WEEKDAYS: WeekdayKey[] = ['1', '2', '3', '4', '5', '6', '7'];
export const DAY_NAMES: Record<WeekdayKey, string> = { '1': '周一', '2': '周二', '3': '周三', '4': '周四', '5': '周五', '6': '周六', '7': '周日' };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTime(s: string, allowEndOfDay = false): boolean {
  return HHMM.test(s) || (allowEndOfDay && s === '24:00');
}

/** 'HH:mm' → minutes after midnight; '24:00' is the end of the day. */
export function minutesOf(hhmm: string): number {
  if (hhmm === '24:00') return 1440;
  if (!HHMM.test(hhmm)) throw new Error(`bad time ${hhmm}`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
}

/** Minutes after midnight → 'HH:mm'. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function weekdayOf(date: string): WeekdayKey {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
}

export function weekdayName(date: string): string {
  return DAY_NAMES[weekdayOf(date)];
}

/** The Shanghai calendar day of an instant. */
export function shanghaiDate(at: number): string {
  return new Date(at + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day starts. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS;
}

/** The Shanghai wall-clock 'HH:mm' of an instant. */
export function clockOf(at: number): string {
  return new Date(at + OFFSET_MS).toISOString().slice(11, 16);
}

/** '08:30-12:00 14:00-17:30' */
export function joinPeriods(periods: Period[]): string {
  return periods.map((p) => `${p.from}-${p.to}`).join(' ');
}

/** What is wrong with a day's periods, in Chinese, or undefined: each from < to, in order, not overlapping. */
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

/** A Shanghai wall-clock 'HH:mm'; an end may be '24:00'. */
export const wallTime = (endOfDay: boolean) =>
  z.string({ error: '时间须为 HH:mm 格式' }).check(z.refine((s) => isTime(s, endOfDay), endOfDay ? '时间须为 HH:mm 格式（结束可为24:00）' : '时间须为 HH:mm 格式'));

const period = z.strictObject({ from: wallTime(false), to: wallTime(true) }, { error: '开放时段须为 { from, to }' });

/** A day's periods as entered by staff. */
export const periods = z.array(period, { error: '开放时段须为列表' }).check(
  z.maxLength(4, '一天最多4个开放时段'),
  z.superRefine((ps, ctx) => {
    const problem = periodsProblem(ps);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: ps });
  }),
);

const date = z.string({ error: '日期须为 YYYY-MM-DD' }).check(z.refine(isDate, '日期须为 YYYY-MM-DD'));

/**
 * The fields every weekly timetable has: the week, how it follows the working-day calendar, the
 * hours of a 调休 working day, and single days closed (named as the caller's people name them:
 * 闭馆日期 for a place, 停诊日期 for a service).
 */
export function weeklyHoursFields(closedLabel: string) {
  return {
    week: z.strictObject(
      {
        '1': z.optional(periods),
        '2': z.optional(periods),
        '3': z.optional(periods),
        '4': z.optional(periods),
        '5': z.optional(periods),
        '6': z.optional(periods),
        '7': z.optional(periods),
      },
      { error: '每周开放时间须按周一(1)到周日(7)填写' },
    ),
    calendar: z.enum(['working_days', 'every_day'], { error: '请选择节假日安排：随工作日或每天开放' }),
    makeup: z.optional(periods),
    closedDates: z.optional(z.array(date, { error: `${closedLabel}须为列表` }).check(z.maxLength(60, `${closedLabel}最多60个`))),
  };
}
