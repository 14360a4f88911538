import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** People live in Asia/Shanghai; functions run in UTC. Reason about calendar days here. */
export const ZONE = 'Asia/Shanghai';

export function localDate(epochMs: number): string {
  return dayjs(epochMs).tz(ZONE).format('YYYY-MM-DD');
}

export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs.tz(s, ZONE).format('YYYY-MM-DD') === s;
}

export { dayjs };
