import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** People live in Asia/Shanghai; functions run in UTC. Reason about calendar days here. */
export const ZONE = 'Asia/Shanghai';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A calendar day `n` days from `date` ('YYYY-MM-DD'); plain date arithmetic, no zone involved. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function localDate(epochMs: number): string {
  return dayjs(epochMs).tz(ZONE).format('YYYY-MM-DD');
}

export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs.tz(s, ZONE).format('YYYY-MM-DD') === s;
}

export { dayjs };
