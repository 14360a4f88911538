import { formatDate, formatDateTime, formatShort, greeting, inShanghai } from '../../../miniprogram/utils/date';

// 2024-01-01 16:30 UTC is already 2 January in Shanghai.
const LATE_UTC = Date.UTC(2024, 0, 1, 16, 30);

describe('dates in Asia/Shanghai (device in Shanghai)', () => {
  test('the test process really is in Shanghai', () => {
    expect(new Date(LATE_UTC).getHours()).toBe(0);
  });

  test('formats epoch ms as Beijing wall-clock time', () => {
    expect(formatDateTime(LATE_UTC)).toBe('2024-01-02 00:30');
    expect(formatDate(LATE_UTC)).toBe('2024-01-02');
    expect(formatShort(LATE_UTC)).toBe('1月2日 00:30');
  });

  test('accepts ISO strings in UTC, as the server stores them', () => {
    expect(formatDateTime('2024-06-30T23:59:00Z')).toBe('2024-07-01 07:59');
  });

  test('greets by the hour in Beijing', () => {
    expect(greeting(Date.UTC(2024, 0, 1, 0, 0))).toBe('早上好'); // 08:00
    expect(greeting(Date.UTC(2024, 0, 1, 4, 0))).toBe('中午好'); // 12:00
    expect(greeting(Date.UTC(2024, 0, 1, 7, 0))).toBe('下午好'); // 15:00
    expect(greeting(Date.UTC(2024, 0, 1, 12, 0))).toBe('晚上好'); // 20:00
    expect(greeting(Date.UTC(2024, 0, 1, 18, 0))).toBe('夜深了'); // 02:00
  });

  test('inShanghai exposes the Beijing calendar day', () => {
    const d = inShanghai(LATE_UTC);
    expect([d.year(), d.month() + 1, d.date(), d.hour()]).toEqual([2024, 1, 2, 0]);
  });
});
