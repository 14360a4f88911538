import { bookableDays, findSlot, hoursNote, openingOn, parseSlotId, slotsOn, spanLabel, timeRange } from '../../../server/booking/timetable';
import { ACTIVITY_WORDS, emptySeats, release, take } from '../../../server/booking/seats';
import { parseScan, personalQr, placeQr, activityQr } from '../../../server/booking/codes';
import { BASE_CALENDAR, shanghaiTime } from '../../../server/core/calendar';
import type { ServiceHours } from '../../../typings/booking';

const office = (calendar: ServiceHours['calendar']): { durationMinutes: number; hours: ServiceHours } => ({
  durationMinutes: 30,
  hours: {
    week: Object.fromEntries(
      ['1', '2', '3', '4', '5'].map((d) => [
        d,
        [
          { from: '08:30', to: '11:30' },
          { from: '14:00', to: '17:00' },
        ],
      ]),
    ),
    calendar,
  },
});

describe('slot generator (pure, Asia/Shanghai, explicit dates)', () => {
  it('runs in UTC, as CloudBase does', () => {
    expect(process.env.TZ).toBe('UTC');
  });

  it('an 08:30 slot is 08:30 in Shanghai (00:30 UTC) although the function runs in UTC', () => {
    const [first, second] = slotsOn('sv_x', office('working_days'), '2026-10-12', BASE_CALENDAR);
    expect(first).toEqual({ id: 'sv_x.2026-10-12.0830', date: '2026-10-12', start: Date.UTC(2026, 9, 12, 0, 30), end: Date.UTC(2026, 9, 12, 1, 0), time: '08:30-09:00' });
    expect(second.time).toBe('09:00-09:30');
    expect(first.start).toBe(shanghaiTime('2026-10-12', '08:30'));
    expect(timeRange(first.start, first.end)).toBe('08:30-09:00');
    // 6 slots in the morning, 6 in the afternoon; none across the lunch break.
    const all = slotsOn('sv_x', office('working_days'), '2026-10-12', BASE_CALENDAR);
    expect(all).toHaveLength(12);
    expect(all.map((s) => s.time)).not.toContain('11:30-12:00');
    expect(all[6].time).toBe('14:00-14:30');
  });

  it('no slots on 2026-10-01..07 (国庆) for a working-day service; slots on the 调休 Saturday 2026-10-10', () => {
    const s = office('working_days');
    for (let d = 1; d <= 7; d++) {
      const date = `2026-10-0${d}`;
      expect({ date, slots: slotsOn('sv_x', s, date, BASE_CALENDAR).length }).toEqual({ date, slots: 0 });
      expect(openingOn(s.hours, date, BASE_CALENDAR).reason).toBe('国庆节');
    }
    // Also the 中秋 weekend before it, and an ordinary Sunday after.
    expect(slotsOn('sv_x', s, '2026-09-26', BASE_CALENDAR)).toHaveLength(0);
    expect(slotsOn('sv_x', s, '2026-10-11', BASE_CALENDAR)).toHaveLength(0);
    expect(openingOn(s.hours, '2026-10-11', BASE_CALENDAR).reason).toBe('休息');
    // The 调休 Saturday keeps Monday's hours (no `makeup` given).
    const makeup = slotsOn('sv_x', s, '2026-10-10', BASE_CALENDAR);
    expect(makeup).toHaveLength(12);
    expect(makeup[0]).toMatchObject({ id: 'sv_x.2026-10-10.0830', start: shanghaiTime('2026-10-10', '08:30') });
    expect(openingOn(s.hours, '2026-10-10', BASE_CALENDAR).reason).toBe('国庆节调休');
    // Working days either side.
    expect(slotsOn('sv_x', s, '2026-09-30', BASE_CALENDAR)).toHaveLength(12);
    expect(slotsOn('sv_x', s, '2026-10-08', BASE_CALENDAR)).toHaveLength(12);
    // Makeup hours, when given, replace Monday's on the 调休 day.
    const withMakeup = { ...s, hours: { ...s.hours, makeup: [{ from: '09:00', to: '10:00' }] } };
    expect(slotsOn('sv_x', withMakeup, '2026-10-10', BASE_CALENDAR).map((x) => x.time)).toEqual(['09:00-09:30', '09:30-10:00']);
  });

  it('an every-day service keeps its weekly hours through the holiday, and skips its closed dates', () => {
    const s = office('every_day');
    expect(slotsOn('sv_x', s, '2026-10-01', BASE_CALENDAR)).toHaveLength(12); // a Thursday
    expect(slotsOn('sv_x', s, '2026-10-03', BASE_CALENDAR)).toHaveLength(0); // a Saturday: no Saturday hours
    expect(slotsOn('sv_x', s, '2026-10-10', BASE_CALENDAR)).toHaveLength(0); // 调休 means nothing to it
    const closed = { ...s, hours: { ...s.hours, closedDates: ['2026-10-01'] } };
    expect(slotsOn('sv_x', closed, '2026-10-01', BASE_CALENDAR)).toHaveLength(0);
    expect(openingOn(closed.hours, '2026-10-01', BASE_CALENDAR).reason).toBe('暂停服务');
  });

  it('cuts whole slots only, and a period may end at 24:00', () => {
    const s = { durationMinutes: 45, hours: { week: { '1': [{ from: '09:00', to: '11:00' }, { from: '23:00', to: '24:00' }] }, calendar: 'every_day' as const } };
    const slots = slotsOn('sv_x', s, '2026-10-12', BASE_CALENDAR);
    expect(slots.map((x) => x.time)).toEqual(['09:00-09:45', '09:45-10:30', '23:00-23:45']);
    expect(slotsOn('sv_x', { durationMinutes: 60, hours: s.hours }, '2026-10-12', BASE_CALENDAR).map((x) => x.time)).toEqual(['09:00-10:00', '10:00-11:00', '23:00-24:00']);
    expect(timeRange(shanghaiTime('2026-10-12', '23:00'), shanghaiTime('2026-10-13', '00:00'))).toBe('23:00-24:00');
  });

  it('names and finds slots by id; an id not in the hours is none', () => {
    const s = office('working_days');
    expect(parseSlotId('sv_x.2026-10-12.0830')).toEqual({ serviceId: 'sv_x', date: '2026-10-12', hhmm: '08:30' });
    expect(parseSlotId('{"$gt":""}')).toBeUndefined();
    expect(findSlot('sv_x', s, 'sv_x.2026-10-12.0830', BASE_CALENDAR)?.time).toBe('08:30-09:00');
    expect(findSlot('sv_x', s, 'sv_x.2026-10-12.0845', BASE_CALENDAR)).toBeUndefined(); // not on the 30-minute grid
    expect(findSlot('sv_x', s, 'sv_x.2026-10-12.1200', BASE_CALENDAR)).toBeUndefined(); // lunch
    expect(findSlot('sv_x', s, 'sv_x.2026-10-01.0830', BASE_CALENDAR)).toBeUndefined(); // 国庆
    expect(findSlot('sv_x', s, 'sv_y.2026-10-12.0830', BASE_CALENDAR)).toBeUndefined(); // another service
  });

  it('the booking horizon counts Shanghai days from today', () => {
    // 2026-10-07 17:30 UTC is already the 8th in Shanghai.
    expect(bookableDays(Date.UTC(2026, 9, 7, 17, 30), 7)).toEqual({ first: '2026-10-08', last: '2026-10-14' });
    expect(bookableDays(Date.UTC(2026, 9, 7, 15, 30), 1)).toEqual({ first: '2026-10-07', last: '2026-10-07' });
  });

  it('describes the hours in words', () => {
    expect(hoursNote(office('working_days').hours)).toBe('周一至周五 08:30-11:30 14:00-17:00；法定节假日休息，调休上班日按周一时间开放');
    expect(hoursNote({ week: { '2': [{ from: '08:30', to: '11:30' }], '6': [{ from: '08:30', to: '11:30' }] }, calendar: 'every_day' })).toBe(
      '周二 08:30-11:30；周六 08:30-11:30；节假日照常开放',
    );
    expect(spanLabel(shanghaiTime('2026-10-12', '08:30'), shanghaiTime('2026-10-12', '11:30'))).toBe('10月12日 周一 08:30-11:30');
  });
});

describe('seats (pure)', () => {
  it('never over capacity, one seat per person, a bounded waitlist, promotion in order', () => {
    let seats = emptySeats();
    for (let i = 0; i < 2; i++) seats = take(seats, { userId: `u${i}`, id: `b${i}` }, 2, 2).seats;
    expect(() => take(seats, { userId: 'u0', id: 'bx' }, 2, 2)).toThrow('您已预约该时段');
    const w = take(seats, { userId: 'u2', id: 'b2' }, 2, 2);
    expect(w).toMatchObject({ outcome: 'waitlisted', position: 1 });
    seats = take(w.seats, { userId: 'u3', id: 'b3' }, 2, 2).seats;
    expect(() => take(seats, { userId: 'u2', id: 'by' }, 2, 2)).toThrow('您已在该时段的候补名单中');
    expect(() => take(seats, { userId: 'u4', id: 'b4' }, 2, 2)).toThrow('候补名额也已满');
    expect(() => take(emptySeats(), { userId: 'u', id: 'b' }, 0, 0, ACTIVITY_WORDS)).toThrow('该活动名额已满');
    const r = release(seats, 'b0', 2);
    expect(r.promoted).toEqual([{ userId: 'u2', id: 'b2' }]);
    expect(r.seats.booked.map((s) => s.id)).toEqual(['b1', 'b2']);
    expect(r.seats.waitlist.map((s) => s.id)).toEqual(['b3']);
    // Releasing a waiting place promotes no one; releasing an unknown id changes nothing.
    expect(release(r.seats, 'b3', 2)).toMatchObject({ promoted: [], released: true });
    expect(release(r.seats, 'nope', 2)).toMatchObject({ promoted: [], released: false, seats: r.seats });
    // Capacity 0 (a slot already begun): the seat goes, no one moves up.
    expect(release(seats, 'b0', 0).promoted).toEqual([]);
  });
});

describe('QR payloads', () => {
  it('reads what it writes, and nothing else', () => {
    expect(parseScan(personalQr('01234567'))).toEqual({ type: 'personal', code: '01234567' });
    expect(parseScan(' 01234567 ')).toEqual({ type: 'personal', code: '01234567' });
    expect(parseScan(placeQr('p_beihai_center', 'abcdEFGH2345'))).toEqual({ type: 'place', placeId: 'p_beihai_center', key: 'abcdEFGH2345' });
    expect(parseScan(activityQr('ac_1', 'abcdEFGH2345'))).toEqual({ type: 'activity', activityId: 'ac_1', key: 'abcdEFGH2345' });
    for (const bad of ['', '1234567', 'honglin://booking/12345678x', 'honglin://checkin/place/p1', 'honglin://checkin/place/p1?k=short', 'honglin://checkin/place/{"$gt":""}?k=abcdEFGH2345', 'honglin://pickup/12345678', 'https://evil.example/?k=abcdEFGH2345']) {
      expect({ bad, parsed: parseScan(bad) }).toEqual({ bad, parsed: undefined });
    }
  });
});
