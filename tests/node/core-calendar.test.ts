import { addWorkingDays, isPublicHoliday, isWorkingDay, shanghaiTime } from '../../server/core/calendar';
import { localDate } from '../../server/core/time';

describe('working-day calendar (Asia/Shanghai)', () => {
  it('knows 国庆 and its 调休 Saturday', () => {
    for (const d of ['2026-10-01', '2026-10-05', '2026-10-07']) expect(isWorkingDay(d)).toBe(false);
    expect(isPublicHoliday('2026-10-02')).toBe(true);
    expect(isPublicHoliday('2026-11-22')).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, made up for the holiday
    expect(isWorkingDay('2026-10-11')).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true);
  });

  it('counts working days across a weekend and a holiday', () => {
    // Friday 2026-09-25 18:00 Shanghai + 3 working days: Mon 28, Tue 29, Wed 30.
    expect(addWorkingDays(shanghaiTime('2026-09-25', '18:00'), 3)).toBe('2026-09-30');
    // Wed 2026-09-30 + 1 working day skips the whole 国庆 week.
    expect(addWorkingDays(shanghaiTime('2026-09-30', '10:00'), 1)).toBe('2026-10-08');
    // Friday 2026-10-09 + 1 working day is the 调休 Saturday, not Monday.
    expect(addWorkingDays(shanghaiTime('2026-10-09', '10:00'), 1)).toBe('2026-10-10');
  });

  it('reads the day in Shanghai even though functions run in UTC', () => {
    expect(process.env.TZ).toBe('UTC');
    // 2026-10-07 17:30 UTC is already 01:30 on the 8th in Shanghai.
    expect(localDate(Date.UTC(2026, 9, 7, 17, 30))).toBe('2026-10-08');
    expect(shanghaiTime('2026-10-08', '01:30')).toBe(Date.UTC(2026, 9, 7, 17, 30));
  });
});
