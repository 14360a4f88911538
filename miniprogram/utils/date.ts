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
