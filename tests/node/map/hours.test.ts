import { BASE_CALENDAR, shanghaiTime } from '../../../server/core/calendar';
import { localDate } from '../../../server/core/time';
import { dayPlan, holidayNote, openState, weekRows } from '../../../server/map/hours';
import { dayStart, periodsProblem, shanghaiDate, weekdayOf } from '../../../server/core/hours';
import { addDays } from '../../../server/core/time';
import type { OpeningHours } from '../../../typings/map';

/** Office hours with a lunch break, Saturday mornings, Sundays off, following the working-day calendar. */
const OFFICE: OpeningHours = {
  week: {
    '1': [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }],
    '2': [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }],
    '3': [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }],
    '4': [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }],
    '5': [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }],
    '6': [{ from: '09:00', to: '11:30' }],
  },
  calendar: 'working_days',
};

const at = (date: string, hhmm: string, seconds = 0) => shanghaiTime(date, hhmm) + seconds * 1000;

describe('Shanghai wall clock on a UTC server', () => {
  it('agrees with the zone database', () => {
    expect(process.env.TZ).toBe('UTC');
    for (const date of ['2026-01-01', '2026-03-29', '2026-06-30', '2026-10-25', '2026-12-31']) {
      expect(dayStart(date)).toBe(shanghaiTime(date, '00:00'));
      for (const t of ['00:00', '07:59', '08:00', '23:59']) expect(shanghaiDate(shanghaiTime(date, t))).toBe(localDate(shanghaiTime(date, t)));
    }
    expect(weekdayOf('2026-10-10')).toBe('6');
    expect(weekdayOf('2026-10-11')).toBe('7');
    expect(weekdayOf('2026-11-23')).toBe('1');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('reads 00:30 on Monday in Shanghai as Monday, though it is still Sunday in UTC', () => {
    const t = at('2026-11-23', '00:30');
    expect(new Date(t).getUTCDay()).toBe(0);
    const s = openState(OFFICE, t, BASE_CALENDAR);
    expect(s).toMatchObject({ openNow: false, opensAt: at('2026-11-23', '08:30'), label: '尚未开放 · 08:30开放', today: '08:30-12:00 14:00-17:30' });
  });
});

describe('open now at the edges (a normal Monday, 2026-11-23)', () => {
  const d = '2026-11-23';

  it('opens on the opening minute, not a second before', () => {
    expect(openState(OFFICE, at(d, '08:29', 59), BASE_CALENDAR)).toMatchObject({ openNow: false, opensAt: at(d, '08:30') });
    expect(openState(OFFICE, at(d, '08:30'), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: at(d, '12:00'), label: '开放中 · 12:00关闭' });
  });

  it('closes on the closing minute', () => {
    expect(openState(OFFICE, at(d, '17:29', 59), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: at(d, '17:30') });
    const closed = openState(OFFICE, at(d, '17:30'), BASE_CALENDAR);
    expect(closed).toMatchObject({ openNow: false, opensAt: at('2026-11-24', '08:30'), label: '已关闭 · 明天 08:30开放' });
    expect(closed.closesAt).toBeUndefined();
  });

  it('is closed over the lunch break and says when it reopens', () => {
    expect(openState(OFFICE, at(d, '11:59', 59), BASE_CALENDAR).openNow).toBe(true);
    for (const t of ['12:00', '13:00', '13:59']) {
      expect(openState(OFFICE, at(d, t), BASE_CALENDAR)).toMatchObject({ openNow: false, opensAt: at(d, '14:00'), label: '午间休息 · 14:00开放' });
    }
    expect(openState(OFFICE, at(d, '14:00'), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: at(d, '17:30'), label: '开放中 · 17:30关闭' });
  });
});

describe('the holiday calendar', () => {
  it('is closed on a public holiday (国庆 2026-10-01) and reopens after the whole break', () => {
    const s = openState(OFFICE, at('2026-10-01', '10:00'), BASE_CALENDAR);
    expect(s).toMatchObject({ openNow: false, today: '休息（国庆节）', opensAt: at('2026-10-08', '08:30'), label: '国庆节休息 · 10月8日 08:30开放' });
    // Saturday 2026-10-03 is inside the break: no Saturday-morning hours.
    expect(openState(OFFICE, at('2026-10-03', '10:00'), BASE_CALENDAR).openNow).toBe(false);
    expect(dayPlan(OFFICE, '2026-10-03', BASE_CALENDAR)).toMatchObject({ periods: [], reason: '国庆节' });
  });

  it('opens on a 调休 Saturday (2026-10-10) with working-day hours, not Saturday ones', () => {
    expect(dayPlan(OFFICE, '2026-10-10', BASE_CALENDAR)).toMatchObject({ reason: '国庆节调休', periods: OFFICE.week['1'] });
    expect(openState(OFFICE, at('2026-10-10', '08:30'), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: at('2026-10-10', '12:00') });
    // 16:00 is closed on an ordinary Saturday, open on a working one.
    expect(openState(OFFICE, at('2026-10-10', '16:00'), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: at('2026-10-10', '17:30') });
    expect(openState(OFFICE, at('2026-10-17', '16:00'), BASE_CALENDAR).openNow).toBe(false);
    // Explicit makeup-day hours win over Monday's.
    const short = { ...OFFICE, makeup: [{ from: '09:00', to: '12:00' }] };
    expect(openState(short, at('2026-10-10', '16:00'), BASE_CALENDAR).openNow).toBe(false);
  });

  it('keeps Sunday closed on an ordinary weekend (2026-10-11) and Saturday to its morning', () => {
    expect(openState(OFFICE, at('2026-10-11', '10:00'), BASE_CALENDAR)).toMatchObject({ openNow: false, today: '休息', opensAt: at('2026-10-12', '08:30'), label: '今日休息 · 明天 08:30开放' });
    expect(openState(OFFICE, at('2026-10-17', '09:00'), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: at('2026-10-17', '11:30') });
    // Saturday noon: next opening is Monday, the day after tomorrow.
    expect(openState(OFFICE, at('2026-10-17', '11:30'), BASE_CALENDAR)).toMatchObject({ openNow: false, opensAt: at('2026-10-19', '08:30'), label: '已关闭 · 后天 08:30开放' });
  });

  it('lets an every-day place ignore holidays, or keep its own holiday hours', () => {
    const canteen: OpeningHours = { ...OFFICE, calendar: 'every_day', week: { ...OFFICE.week, '7': [{ from: '10:30', to: '13:00' }] } };
    expect(openState(canteen, at('2026-10-01', '10:00'), BASE_CALENDAR).openNow).toBe(true);
    expect(openState(canteen, at('2026-10-10', '16:00'), BASE_CALENDAR).openNow).toBe(false); // its own Saturday hours
    expect(openState(canteen, at('2026-10-11', '12:59'), BASE_CALENDAR).openNow).toBe(true);
    const clinic: OpeningHours = { ...canteen, holiday: [{ from: '08:00', to: '11:30' }] };
    expect(openState(clinic, at('2026-10-01', '09:00'), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: at('2026-10-01', '11:30') });
    expect(openState(clinic, at('2026-10-01', '14:00'), BASE_CALENDAR)).toMatchObject({ openNow: false, opensAt: at('2026-10-02', '08:00') });
    // A working-day place may also open on holidays with its own hours.
    expect(openState({ ...OFFICE, holiday: [{ from: '09:00', to: '11:00' }] }, at('2026-10-02', '10:00'), BASE_CALENDAR).openNow).toBe(true);
  });

  it('closes on a listed closure day', () => {
    const repairs: OpeningHours = { ...OFFICE, closedDates: ['2026-11-24'] };
    expect(openState(repairs, at('2026-11-24', '10:00'), BASE_CALENDAR)).toMatchObject({ openNow: false, today: '休息（临时闭馆）', label: '临时闭馆 · 明天 08:30开放' });
    expect(openState(repairs, at('2026-11-23', '17:00'), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: at('2026-11-23', '17:30') });
  });
});

describe('round the clock and beyond midnight', () => {
  const always: OpeningHours = { week: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])), calendar: 'every_day' };

  it('a 24-hour station is always open, holidays included, with no closing time', () => {
    for (const t of [at('2026-10-01', '03:00'), at('2026-10-10', '23:59'), at('2026-11-23', '00:00')]) {
      const s = openState(always, t, BASE_CALENDAR);
      expect(s).toMatchObject({ openNow: true, open24h: true, label: '24小时开放', today: '24小时' });
      expect(s.closesAt).toBeUndefined();
    }
  });

  it('runs through midnight into the next day, and stops at a closure', () => {
    const s = openState({ ...always, closedDates: ['2026-11-25'] }, at('2026-11-23', '22:00'), BASE_CALENDAR);
    expect(s).toMatchObject({ openNow: true, open24h: false, closesAt: dayStart('2026-11-25'), label: '开放中 · 后天 00:00关闭' });
    const lateNight: OpeningHours = { week: { '1': [{ from: '18:00', to: '24:00' }] }, calendar: 'every_day' };
    expect(openState(lateNight, at('2026-11-23', '23:00'), BASE_CALENDAR)).toMatchObject({ openNow: true, closesAt: dayStart('2026-11-24'), label: '开放中 · 24:00关闭' });
    expect(openState(lateNight, at('2026-11-24', '00:00'), BASE_CALENDAR).openNow).toBe(false);
  });

  it('says when a place has no hours at all', () => {
    const s = openState({ week: {}, calendar: 'every_day' }, at('2026-11-23', '10:00'), BASE_CALENDAR);
    expect(s).toMatchObject({ openNow: false, open24h: false, label: '近期暂停开放', today: '休息' });
    expect(s.opensAt).toBeUndefined();
  });
});

describe('hours as shown and as checked', () => {
  it('lists the week and the holiday rule in words', () => {
    expect(weekRows(OFFICE).map((r) => `${r.day} ${r.hours}`)).toEqual([
      '周一 08:30-12:00 14:00-17:30',
      '周二 08:30-12:00 14:00-17:30',
      '周三 08:30-12:00 14:00-17:30',
      '周四 08:30-12:00 14:00-17:30',
      '周五 08:30-12:00 14:00-17:30',
      '周六 09:00-11:30',
      '周日 休息',
    ]);
    expect(holidayNote(OFFICE)).toBe('法定节假日休息，调休上班日按周一时间开放');
    expect(holidayNote({ ...OFFICE, calendar: 'every_day' })).toBe('节假日照常开放');
  });

  it('refuses reversed, overlapping and malformed periods', () => {
    expect(periodsProblem(OFFICE.week['1']!)).toBeUndefined();
    expect(periodsProblem([{ from: '00:00', to: '24:00' }])).toBeUndefined();
    expect(periodsProblem([{ from: '12:00', to: '08:00' }])).toMatch(/晚于/);
    expect(periodsProblem([{ from: '08:00', to: '12:00' }, { from: '11:00', to: '13:00' }])).toMatch(/不重叠/);
    expect(periodsProblem([{ from: '14:00', to: '17:00' }, { from: '08:00', to: '12:00' }])).toMatch(/先后/);
    expect(periodsProblem([{ from: '8:00', to: '12:00' }])).toMatch(/HH:mm/);
    expect(periodsProblem([{ from: '24:00', to: '24:00' }])).toMatch(/HH:mm/);
  });
});
