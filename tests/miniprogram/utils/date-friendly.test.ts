import { dayPart, friendlyDate, friendlyDay, friendlyPart, friendlyRange, friendlyTime } from '../../../miniprogram/utils/date';

/** Shanghai wall-clock time as an instant (UTC+8, no daylight saving). */
const sh = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);

// Now: Monday 7 December 2026, 22:47 in Shanghai (14:47 UTC).
const NOW = sh(2026, 12, 7, 22, 47);

describe('friendly dates, as a resident reads them', () => {
  test('today, tomorrow and yesterday by the Shanghai calendar, not the UTC one', () => {
    expect(friendlyTime(sh(2026, 12, 7, 14, 30), NOW)).toBe('今天 14:30');
    expect(friendlyTime(sh(2026, 12, 8, 0, 5), NOW)).toBe('明天 00:05'); // still 7 December in UTC
    expect(friendlyTime(sh(2026, 12, 6, 18, 5), NOW)).toBe('昨天 18:05');
    expect(friendlyTime(sh(2026, 12, 7, 0, 0), NOW)).toBe('今天 00:00');
  });

  test('other days carry the date and the weekday; another year carries the year', () => {
    expect(friendlyTime(sh(2026, 12, 9, 14, 30), NOW)).toBe('12月9日（周三） 14:30');
    expect(friendlyDay(sh(2026, 12, 5), NOW)).toBe('12月5日（周六）');
    expect(friendlyTime(sh(2027, 1, 3, 9, 0), NOW)).toBe('2027年1月3日（周日） 09:00');
    expect(friendlyDay(sh(2025, 12, 9), NOW)).toBe('2025年12月9日（周二）');
  });

  test('a calendar date alone reads the same way', () => {
    expect(friendlyDate('2026-12-08', NOW)).toBe('明天');
    expect(friendlyDate('2026-12-09', NOW)).toBe('12月9日（周三）');
    expect(friendlyDate('2027-01-04', NOW)).toBe('2027年1月4日（周一）');
  });

  test('across new year, tomorrow is still 明天', () => {
    const eve = sh(2026, 12, 31, 23, 0);
    expect(friendlyTime(sh(2027, 1, 1, 8, 0), eve)).toBe('明天 08:00');
  });

  test('the part of the day for a promise: 明天上午', () => {
    expect(friendlyPart(sh(2026, 12, 8, 9, 0), NOW)).toBe('明天上午');
    expect(friendlyPart(sh(2026, 12, 7, 15, 0), NOW)).toBe('今天下午');
    expect(friendlyPart(sh(2026, 12, 10, 19, 0), NOW)).toBe('12月10日（周四）晚上');
    expect([5, 6, 11, 12, 13, 17, 18].map((h) => dayPart(sh(2026, 12, 8, h)))).toEqual(['凌晨', '上午', '上午', '中午', '下午', '下午', '晚上']);
  });

  test('slots as a range: one day named once, past midnight both days', () => {
    expect(friendlyRange(sh(2026, 12, 7, 14), sh(2026, 12, 7, 15), NOW)).toBe('今天 14:00–15:00');
    expect(friendlyRange(sh(2026, 12, 9, 9, 30), sh(2026, 12, 9, 10), NOW)).toBe('12月9日（周三） 09:30–10:00');
    expect(friendlyRange(sh(2026, 12, 7, 23), sh(2026, 12, 8, 0), NOW)).toBe('今天 23:00–24:00');
    expect(friendlyRange(sh(2026, 12, 7, 22), sh(2026, 12, 8, 2), NOW)).toBe('今天 22:00–明天 02:00');
  });

  test('ISO strings in UTC, as the server stores them, read the same', () => {
    expect(friendlyTime('2026-12-07T16:30:00Z', NOW)).toBe('明天 00:30');
  });
});
