import { isWorkday, getDayDetail } from 'chinese-days';
import { dayjs, ZONE } from './time';

/**
 * The Chinese working-day calendar: weekends and public holidays off, 调休 Saturdays and Sundays
 * on. Dates are calendar days in Asia/Shanghai ('YYYY-MM-DD').
 */
export function isWorkingDay(date: string): boolean {
  return isWorkday(date);
}

/** A day off for a festival (国庆, 春节 …), not merely a weekend. Festival names carry commas. */
export function isPublicHoliday(date: string): boolean {
  return !isWorkday(date) && getDayDetail(date).name.includes(',');
}

/** The calendar day `n` working days after the day of `epochMs` (n ≥ 1), in Shanghai. */
export function addWorkingDays(epochMs: number, n: number): string {
  let d = dayjs(epochMs).tz(ZONE);
  let left = n;
  while (left > 0) {
    d = d.add(1, 'day');
    if (isWorkingDay(d.format('YYYY-MM-DD'))) left--;
  }
  return d.format('YYYY-MM-DD');
}

/** Epoch ms of a Shanghai wall-clock time on a given day. */
export function shanghaiTime(date: string, hhmm: string): number {
  return dayjs.tz(`${date} ${hhmm}`, 'YYYY-MM-DD HH:mm', ZONE).valueOf();
}
