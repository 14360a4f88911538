import { BASE_CALENDAR, WorkCalendar, addWorkingDays, baseDay, estimatedHolidays, horizonOf, officialUntil, shanghaiTime } from '../../server/core/calendar';
import { localDate } from '../../server/core/time';

const cal = BASE_CALENDAR;

describe('working-day calendar (Asia/Shanghai)', () => {
  it('knows 国庆 and its 调休 Saturday', () => {
    for (const d of ['2026-10-01', '2026-10-05', '2026-10-07']) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.holidayOn('2026-10-02')).toEqual({ name: '国庆节' });
    expect(cal.holidayOn('2026-11-22')).toBeUndefined(); // an ordinary Sunday
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday, made up for the holiday
    expect(cal.makeupOn('2026-10-10')).toEqual({ name: '国庆节' });
    expect(cal.isWorkingDay('2026-10-11')).toBe(false);
    expect(cal.isWorkingDay('2026-11-23')).toBe(true);
  });

  it('counts working days across a weekend and a holiday', () => {
    // Friday 2026-09-25 18:00 Shanghai + 3 working days: Mon 28, Tue 29, Wed 30.
    expect(addWorkingDays(shanghaiTime('2026-09-25', '18:00'), 3, cal)).toBe('2026-09-30');
    // Wed 2026-09-30 + 1 working day skips the whole 国庆 week.
    expect(addWorkingDays(shanghaiTime('2026-09-30', '10:00'), 1, cal)).toBe('2026-10-08');
    // Friday 2026-10-09 + 1 working day is the 调休 Saturday, not Monday.
    expect(addWorkingDays(shanghaiTime('2026-10-09', '10:00'), 1, cal)).toBe('2026-10-10');
  });

  it('reads the day in Shanghai even though functions run in UTC', () => {
    expect(process.env.TZ).toBe('UTC');
    // 2026-10-07 17:30 UTC is already 01:30 on the 8th in Shanghai.
    expect(localDate(Date.UTC(2026, 9, 7, 17, 30))).toBe('2026-10-08');
    expect(shanghaiTime('2026-10-08', '01:30')).toBe(Date.UTC(2026, 9, 7, 17, 30));
  });
});

describe('three sources: official, estimated beyond the data, community corrections', () => {
  it('finds the end of the official data in the package itself', () => {
    const until = officialUntil();
    expect(until).toMatch(/^\d{4}-12-31$/);
    expect(until >= '2026-12-31').toBe(true);
    // The year after the horizon has no arrangement in the package: its 国庆 reads as estimated.
    const next = Number(until.slice(0, 4)) + 1;
    expect(baseDay(`${next}-10-01`)).toEqual({ date: `${next}-10-01`, workday: false, name: '国庆节', source: 'estimated' });
  });

  it('2026 is official, 调休 and all', () => {
    expect(cal.day('2026-10-01')).toEqual({ date: '2026-10-01', workday: false, name: '国庆节', source: 'official' });
    expect(cal.day('2026-10-10')).toEqual({ date: '2026-10-10', workday: true, name: '国庆节', source: 'official' });
    expect(cal.day('2026-11-23')).toEqual({ date: '2026-11-23', workday: true, source: 'official' });
    expect(cal.day('2026-12-31')).toMatchObject({ workday: true, source: 'official' });
  });

  it('2027 does not run out silently: 元旦 and 春节 (除夕–初三) are days off, estimated', () => {
    // These are weekdays (Friday 1/1, Friday 2/5, Monday 2/8) that the package alone calls working days.
    expect(cal.day('2027-01-01')).toEqual({ date: '2027-01-01', workday: false, name: '元旦', source: 'estimated' });
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
      expect(cal.day(d)).toEqual({ date: d, workday: false, name: '春节', source: 'estimated' });
    }
    expect(cal.day('2027-02-09')).toEqual({ date: '2027-02-09', workday: true, source: 'estimated' });
    // Weekends are off, and no 调休 is guessed.
    expect(cal.day('2027-01-02')).toEqual({ date: '2027-01-02', workday: false, source: 'estimated' });
    expect(cal.makeupOn('2027-02-20')).toBeUndefined();
    // The working-day math walks into the estimate: Thursday 2027-02-04 + 1 working day skips 春节.
    expect(addWorkingDays(shanghaiTime('2027-02-04', '10:00'), 1, cal)).toBe('2027-02-09');
  });

  it('the other statutory holidays of 2027 by their rules', () => {
    const h = estimatedHolidays(2027);
    expect(h.get('2027-04-05')).toBe('清明节'); // the 清明 solar term
    expect(h.get('2027-05-01')).toBe('劳动节');
    expect(h.get('2027-05-02')).toBe('劳动节');
    expect(h.get('2027-06-09')).toBe('端午节'); // lunar 5/5
    expect(h.get('2027-09-15')).toBe('中秋节'); // lunar 8/15
    for (const d of ['2027-10-01', '2027-10-02', '2027-10-03']) expect(h.get(d)).toBe('国庆节');
    expect(h.size).toBe(13);
  });

  it.each([
    // year, 除夕 (the day before 正月初一), 中秋
    [2028, '2028-01-25', '2028-10-03'],
    [2030, '2030-02-02', '2030-09-12'],
    [2033, '2033-01-30', '2033-09-08'],
  ])('%i: 春节 from 除夕 %s for four days, 中秋 %s, 国庆 10/1–3', (year, eve, midAutumn) => {
    const h = estimatedHolidays(year);
    const spring = [...h].filter(([, n]) => n.includes('春节')).map(([d]) => d);
    expect(spring).toHaveLength(4);
    expect(spring[0]).toBe(eve);
    expect(h.get(midAutumn)).toContain('中秋节');
    for (const d of ['10-01', '10-02', '10-03']) expect(h.get(`${year}-${d}`)).toContain('国庆节');
    expect(baseDay(eve)).toMatchObject({ workday: false, source: 'estimated' });
  });

  it('中秋 inside 国庆 carries both names (2028-10-03)', () => {
    expect(estimatedHolidays(2028).get('2028-10-03')).toBe('中秋节、国庆节');
  });

  it('a community correction wins over both, and names its 调休 workdays', () => {
    const c = new WorkCalendar([
      { date: '2027-02-20', workday: true, name: '春节' }, // a 调休 Saturday
      { date: '2027-02-09', workday: false, name: '春节' }, // an extra day off
      { date: '2026-10-10', workday: false }, // even an official day
    ]);
    expect(c.day('2027-02-20')).toEqual({ date: '2027-02-20', workday: true, name: '春节', source: 'community' });
    expect(c.makeupOn('2027-02-20')).toEqual({ name: '春节' });
    expect(c.holidayOn('2027-02-09')).toEqual({ name: '春节' });
    expect(c.day('2026-10-10')).toEqual({ date: '2026-10-10', workday: false, source: 'community' });
    expect(c.holidayOn('2026-10-10')).toBeUndefined(); // a plain Saturday off again
    expect(c.day('2027-02-05').source).toBe('estimated');
  });

  it('warns 60 days before the confirmed calendar ends; a confirmed day beyond the data moves it', () => {
    const until = officialUntil();
    const year = Number(until.slice(0, 4));
    expect(horizonOf(`${year}-10-01`)).toEqual({ officialUntil: until, warn: false });
    expect(horizonOf(`${year}-10-31`)).toEqual({ officialUntil: until, warn: false });
    expect(horizonOf(`${year}-11-01`)).toEqual({ officialUntil: until, warn: true }); // 60 days before 12-31
    expect(horizonOf(`${year}-11-02`, `${year + 1}-12-31`)).toEqual({ officialUntil: until, confirmedUntil: `${year + 1}-12-31`, warn: false });
    // A correction inside the official data confirms nothing beyond it.
    expect(horizonOf(`${year}-11-02`, `${year}-10-10`)).toEqual({ officialUntil: until, warn: true });
  });
});
