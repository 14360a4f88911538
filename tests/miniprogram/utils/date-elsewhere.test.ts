/**
 * @jest-environment-options {"timezone": "America/New_York"}
 */
import { formatDateTime, greeting, shanghaiDate } from '../../../miniprogram/utils/date';

// A phone set to another zone (a traveller, a misconfigured device) still shows Beijing time.
describe('dates in Asia/Shanghai (device in New York)', () => {
  test('the test process really is in New York', () => {
    expect(new Date(Date.UTC(2024, 0, 1, 16, 30)).getHours()).toBe(11);
  });

  test('formatting does not depend on the device zone', () => {
    expect(formatDateTime(Date.UTC(2024, 0, 1, 16, 30))).toBe('2024-01-02 00:30');
    // Across New York's DST change: Beijing has none.
    expect(formatDateTime(Date.UTC(2024, 2, 10, 7, 0))).toBe('2024-03-10 15:00');
    expect(greeting(Date.UTC(2024, 0, 1, 0, 0))).toBe('早上好');
  });

  test('the calendar date, and days after it, are Beijing dates', () => {
    // 20:00 on 31 Dec in New York is already 1 January in Beijing.
    expect(shanghaiDate(Date.UTC(2025, 0, 1, 1, 0))).toBe('2025-01-01');
    expect(shanghaiDate(Date.UTC(2025, 0, 1, 1, 0), 89)).toBe('2025-03-31');
    expect(shanghaiDate(Date.UTC(2024, 2, 9, 20, 0), 1)).toBe('2024-03-11'); // across New York's DST change
  });
});
