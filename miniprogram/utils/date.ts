import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and avoids the
// timezone plugin's dependence on Intl time-zone data, which some phone JS engines lack.
const SHANGHAI_OFFSET_MINUTES = 480;

type Instant = number | string | Date;

/** The instant as wall-clock time in Asia/Shanghai, whatever the device's own zone is. */
export function inShanghai(t: Instant): dayjs.Dayjs {
  return dayjs(t).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

export function formatDateTime(t: Instant): string {
  return inShanghai(t).format('YYYY-MM-DD HH:mm');
}

export function formatDate(t: Instant): string {
  return inShanghai(t).format('YYYY-MM-DD');
}

/** 3月5日 14:30 — short form for lists. */
export function formatShort(t: Instant): string {
  return inShanghai(t).format('M月D日 HH:mm');
}

export function greeting(now: Instant = Date.now()): string {
  const h = inShanghai(now).hour();
  if (h < 5) return '夜深了';
  if (h < 11) return '早上好';
  if (h < 13) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}

/** The calendar date in Asia/Shanghai, `days` after the instant: YYYY-MM-DD. */
export function shanghaiDate(t: Instant = Date.now(), days = 0): string {
  return inShanghai(t).add(days, 'day').format('YYYY-MM-DD');
}

/** The calendar date `days` after a 'YYYY-MM-DD' date (pure calendar arithmetic, no time zone). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const WEEKDAYS = '日一二三四五六';

/** The whole calendar days from `now`'s day to `t`'s day, both in Shanghai (negative in the past). */
function dayOffset(t: Instant, now: Instant): number {
  const a = Date.parse(`${shanghaiDate(now)}T00:00:00Z`);
  const b = Date.parse(`${shanghaiDate(t)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/**
 * The day as a resident says it: 今天, 明天, 昨天, otherwise 12月9日（周三）, with the year in front
 * when it is not this year's (2025年12月9日（周二））.
 */
export function friendlyDay(t: Instant, now: Instant = Date.now()): string {
  const offset = dayOffset(t, now);
  if (offset === 0) return '今天';
  if (offset === 1) return '明天';
  if (offset === -1) return '昨天';
  const d = inShanghai(t);
  const year = d.year() === inShanghai(now).year() ? '' : `${d.year()}年`;
  return `${year}${d.month() + 1}月${d.date()}日（周${WEEKDAYS.charAt(d.day())}）`;
}

/** A calendar date 'YYYY-MM-DD' (of Shanghai) said the same way: 明天, 12月9日（周三）. */
export function friendlyDate(date: string, now: Instant = Date.now()): string {
  return friendlyDay(Date.parse(`${date}T12:00:00+08:00`), now);
}

/** 今天 14:30, 明天 09:00, 昨天 18:05, 12月9日（周三） 14:30. */
export function friendlyTime(t: Instant, now: Instant = Date.now()): string {
  return `${friendlyDay(t, now)} ${inShanghai(t).format('HH:mm')}`;
}

/** The part of the day, as said aloud: 凌晨, 上午, 中午, 下午, 晚上. */
export function dayPart(t: Instant): string {
  const h = inShanghai(t).hour();
  if (h < 6) return '凌晨';
  if (h < 12) return '上午';
  if (h < 13) return '中午';
  if (h < 18) return '下午';
  return '晚上';
}

/** A rough time for a promise made to a resident: 明天上午, 今天下午, 12月9日（周三）上午. */
export function friendlyPart(t: Instant, now: Instant = Date.now()): string {
  return `${friendlyDay(t, now)}${dayPart(t)}`;
}

/**
 * A slot: 今天 14:00–15:00. One ending at midnight ends at 24:00 of its own day; one that runs past
 * midnight names both days (今天 22:00–明天 02:00).
 */
export function friendlyRange(start: Instant, end: Instant, now: Instant = Date.now()): string {
  const e = inShanghai(end);
  if (shanghaiDate(start) === shanghaiDate(end)) return `${friendlyTime(start, now)}–${e.format('HH:mm')}`;
  const midnight = e.format('HH:mm:ss') === '00:00:00' && shanghaiDate(start, 1) === shanghaiDate(end);
  return `${friendlyTime(start, now)}–${midnight ? '24:00' : friendlyTime(end, now)}`;
}
