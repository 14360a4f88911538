import { WorkCalendar, BASE_CALENDAR, officialUntil } from '../../../server/core/calendar';
import { addDays } from '../../../server/core/time';
import { addWorkingHours, nextAlertAt } from '../../../server/lists/deadlines';
import { call, newRequestId, ok, sdk } from '../support/cloud';
import { DAY, newBookingCommunity, newService, residentOf, shanghaiDay, slotOf, where, type BookingCommunity } from '../support/booking';
import { createPlace, offset } from '../support/map';
import { getDoc, listsOk, newListsCommunity } from '../support/lists';

/**
 * The working-day calendar through the real SDK: any member reads it, staff correct it, and a
 * correction takes effect in every place that reasons about working days — appointment slots,
 * the map's open-now and ticket deadlines.
 */

const CHINESE = /[\u4e00-\u9fa5]/;
const HOUR = 3600_000;
const WEEKDAYS = ['1', '2', '3', '4', '5'];
const weekdayHours = (from: string, to: string) => ({ week: Object.fromEntries(WEEKDAYS.map((d) => [d, [{ from, to }]])), calendar: 'working_days' });

const cal = (c: { id: string }) => where('calendar_days', { communityId: c.id });
const calendarEvents = (c: { id: string }) => where('booking_events', { communityId: c.id, target: 'calendar' });

/** The first day from `from` on that the official/estimated calendar calls `workday`. */
function firstDay(from: string, workday: boolean, weekend?: boolean): string {
  for (let d = from; ; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    const isWeekend = wd === 0 || wd === 6;
    if (BASE_CALENDAR.isWorkingDay(d) === workday && (weekend === undefined || weekend === isWeekend)) return d;
  }
}

let c: BookingCommunity;

beforeAll(async () => {
  c = await newBookingCommunity();
});

describe('reading the calendar', () => {
  it('any member reads official days and, past the data, estimated ones; staff are told the calendar runs out', async () => {
    const resident = await residentOf(c);
    const { days, horizon } = await ok('booking', { action: 'calendar', from: '2026-12-30', to: '2027-02-10' }, resident);
    expect(days).toHaveLength(43);
    const byDate = new Map(days.map((d: any) => [d.date, d]));
    expect(byDate.get('2026-12-31')).toMatchObject({ workday: true, source: 'official' });
    expect(byDate.get('2027-01-01')).toEqual({ date: '2027-01-01', workday: false, name: '元旦', source: 'estimated' });
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) expect(byDate.get(d)).toEqual({ date: d, workday: false, name: '春节', source: 'estimated' });
    expect(byDate.get('2027-02-09')).toEqual({ date: '2027-02-09', workday: true, source: 'estimated' });
    expect(horizon.officialUntil).toBe(officialUntil());
    expect(horizon.confirmedUntil).toBeUndefined();
    // Within 60 days of the end of the official data, nothing confirmed beyond: a notice.
    const today = shanghaiDay(0);
    expect(horizon.warn).toBe(today >= addDays(officialUntil(), -60));
  });

  it('refuses callers without a community and bad ranges, in Chinese', async () => {
    expect(await call('booking', { action: 'calendar', from: '2027-01-01', to: '2027-01-31' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const bad: Array<Record<string, unknown>> = [
      { from: '2027-02-01', to: '2027-01-31' },
      { from: '2027-01-01', to: '2027-03-04' }, // 63 days
      { from: '2027-02-30', to: '2027-03-01' },
      { from: '2027-1-1', to: '2027-01-31' },
      { from: { $gt: '' }, to: '2027-01-31' },
      { from: '2027-01-01' },
    ];
    for (const input of bad) {
      const res = await call('booking', { action: 'calendar', ...input }, c.resident);
      expect({ input, res }).toMatchObject({ input, res: { ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(CHINESE) } });
    }
    expect(await ok('booking', { action: 'calendar', from: '2027-01-01', to: '2027-03-03' }, c.resident)).toMatchObject({ days: expect.any(Array) });
  });
});

describe('correcting the calendar', () => {
  it('only staff and admins correct a day; bad input changes nothing', async () => {
    const before = { days: await cal(c), events: await calendarEvents(c) };
    for (const who of [c.resident, c.gridWorker]) {
      const res = await call('booking', { action: 'setCalendarDay', date: '2027-02-20', workday: true, name: '春节', requestId: newRequestId() }, who);
      expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(CHINESE) });
      expect(await call('booking', { action: 'clearCalendarDay', date: '2027-02-20', requestId: newRequestId() }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await call('booking', { action: 'setCalendarDay', date: '2027-02-20', workday: true, requestId: newRequestId() })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const bad: Array<Record<string, unknown>> = [
      { date: '2027-02-30', workday: true },
      { date: '20270220', workday: true },
      { date: '2027-02-20' },
      { date: '2027-02-20', workday: 'yes' },
      { date: '2027-02-20', workday: true, name: '一二三四五六七八九十一' },
      { date: '2027-02-20', workday: true, name: '   ' },
      { date: { $gt: '' }, workday: true },
      { date: addDays(shanghaiDay(0), 4 * 366), workday: false, name: '太远' },
      { date: addDays(shanghaiDay(0), -400), workday: false, name: '太早' },
      { date: '2027-02-20', workday: true, requestId: 'x' },
    ];
    for (const input of bad) {
      const res = await call('booking', { action: 'setCalendarDay', requestId: newRequestId(), ...input }, c.staff);
      expect({ input, res }).toMatchObject({ input, res: { ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(CHINESE) } });
    }
    expect(await call('booking', { action: 'clearCalendarDay', date: '2027-13-01', requestId: newRequestId() }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect({ days: await cal(c), events: await calendarEvents(c) }).toEqual(before);
  });

  it('staff set a 调休 Saturday once per request, audited; restoring brings the estimate back', async () => {
    const requestId = newRequestId();
    const set = { action: 'setCalendarDay', date: '2027-02-20', workday: true, name: '春节', requestId };
    const [a, b] = await Promise.all([ok('booking', set, c.staff), ok('booking', set, c.staff)]);
    expect(a.day).toEqual({ date: '2027-02-20', workday: true, name: '春节', source: 'community' });
    expect(b.day).toEqual(a.day);
    expect(a.horizon.confirmedUntil).toBe('2027-02-20');
    expect(await ok('booking', set, c.staff)).toMatchObject({ day: a.day });
    expect(await cal(c)).toEqual([expect.objectContaining({ _id: `${c.id}.2027-02-20`, date: '2027-02-20', workday: true, name: '春节' })]);
    const events = await calendarEvents(c);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetId: `${c.id}.2027-02-20`, from: null, to: 'workday', why: expect.stringContaining('春节') });

    // Residents see it on the calendar, from the community.
    const { days } = await ok('booking', { action: 'calendar', from: '2027-02-19', to: '2027-02-21' }, c.resident);
    expect(days.map((d: any) => [d.date, d.workday, d.source])).toEqual([
      ['2027-02-19', true, 'estimated'],
      ['2027-02-20', true, 'community'],
      ['2027-02-21', false, 'estimated'],
    ]);

    const cleared = await ok('booking', { action: 'clearCalendarDay', date: '2027-02-20', requestId: newRequestId() }, c.admin);
    expect(cleared.day).toEqual({ date: '2027-02-20', workday: false, source: 'estimated' });
    expect(cleared.horizon.confirmedUntil).toBeUndefined();
    expect(await cal(c)).toEqual([]);
    expect(await calendarEvents(c)).toHaveLength(2);
    // Clearing a day with nothing to clear writes nothing.
    await ok('booking', { action: 'clearCalendarDay', date: '2027-02-20', requestId: newRequestId() }, c.admin);
    expect(await calendarEvents(c)).toHaveLength(2);
  });

  it('confirming the last day of next year moves the notice a year on', async () => {
    const d = await newBookingCommunity();
    const next = `${Number(officialUntil().slice(0, 4)) + 1}-12-31`;
    const { horizon } = await ok('booking', { action: 'setCalendarDay', date: next, workday: BASE_CALENDAR.isWorkingDay(next), requestId: newRequestId() }, d.admin);
    expect(horizon).toEqual({ officialUntil: officialUntil(), confirmedUntil: next, warn: shanghaiDay(0) >= addDays(next, -60) });
    expect(horizon.warn).toBe(false);
    // Another community's corrections are not ours.
    expect((await ok('booking', { action: 'calendar', from: shanghaiDay(0), to: shanghaiDay(1) }, c.resident)).horizon.confirmedUntil).not.toBe(next);
  });
});

describe('a correction takes effect everywhere the working days matter', () => {
  it('appointment slots: a working day given off closes, a weekend made a workday opens with Monday hours', async () => {
    const d = await newBookingCommunity();
    const serviceId = await newService(d, { horizonDays: 30, durationMinutes: 60, hours: weekdayHours('09:00', '11:00') });
    const off = firstDay(shanghaiDay(2), true);
    const on = firstDay(shanghaiDay(2), false, true);
    const slotsOf = async (date: string) => (await ok('booking', { action: 'slots', serviceId, from: date, to: date }, d.resident)).days[0];
    expect(await slotsOf(off)).toMatchObject({ open: true, slots: [expect.objectContaining({ time: '09:00-10:00' }), expect.objectContaining({ time: '10:00-11:00' })] });
    expect(await slotsOf(on)).toMatchObject({ open: false });

    await ok('booking', { action: 'setCalendarDay', date: off, workday: false, name: '社区停电检修', requestId: newRequestId() }, d.staff);
    await ok('booking', { action: 'setCalendarDay', date: on, workday: true, name: '春节', requestId: newRequestId() }, d.staff);

    expect(await slotsOf(off)).toMatchObject({ open: false, reason: '社区停电检修', slots: [] });
    expect(await slotsOf(on)).toMatchObject({ open: true, reason: '春节调休', slots: [expect.objectContaining({ time: '09:00-10:00' }), expect.anything()] });
    const refused = await call('booking', { action: 'book', slotId: slotOf(serviceId, off, '09:00'), requestId: newRequestId() }, d.resident);
    expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const { booking } = await ok('booking', { action: 'book', slotId: slotOf(serviceId, on, '09:00'), requestId: newRequestId() }, d.resident);
    expect(booking.status).toBe('booked');

    // Restored: the day is open again.
    await ok('booking', { action: 'clearCalendarDay', date: off, requestId: newRequestId() }, d.staff);
    expect(await slotsOf(off)).toMatchObject({ open: true });
  });

  it('the estimate closes 元旦 2027 without anyone doing anything', async () => {
    const d = await newBookingCommunity();
    const serviceId = await newService(d, { horizonDays: 30, hours: weekdayHours('09:00', '11:00') });
    const from = shanghaiDay(0);
    if (from > '2027-01-01' || addDays(from, 29) < '2027-01-01') return; // only while 元旦 2027 is bookable ahead
    const day = (await ok('booking', { action: 'slots', serviceId, from: '2027-01-01', to: '2027-01-01' }, d.resident)).days[0];
    expect(day).toMatchObject({ date: '2027-01-01', open: false, reason: '元旦', slots: [] });
  });

  it('the map: a place on working days is open or closed now as the community says today is', async () => {
    const d = await newBookingCommunity();
    const placeId = await createPlace(d, '便民服务站', offset(d.center, 50, 50), { hours: weekdayHours('00:00', '24:00') });
    const today = shanghaiDay(0);
    const openNow = async () => {
      const { place } = await ok('map', { action: 'place', id: placeId }, d.resident);
      const { items } = await ok('map', { action: 'places', openNow: true }, d.resident);
      expect(items.some((p: any) => p.id === placeId)).toBe(place.openNow);
      return place;
    };
    const before = await openNow();
    expect(before.openNow).toBe(BASE_CALENDAR.isWorkingDay(today));
    // Flip today: a working day given off, or a day off made a working day.
    const working = !BASE_CALENDAR.isWorkingDay(today);
    await ok('booking', { action: 'setCalendarDay', date: today, workday: working, name: '社区安排', requestId: newRequestId() }, d.admin);
    const after = await openNow();
    expect(after.openNow).toBe(working);
    if (!working) expect(after.label).toContain('社区安排');
  });

  it('ticket deadlines: natural hours by default, working-day hours by choice, on the corrected calendar', async () => {
    const l = await newListsCommunity();
    // The first working day from today on, given off by the community: the ticket's working hours
    // then start a working day later, so its warning and deadline both move, at any hour of the day.
    const off = firstDay(shanghaiDay(0), true);
    await ok('booking', { action: 'setCalendarDay', date: off, workday: false, name: '社区调休', requestId: newRequestId() }, l.admin);
    const corrected = new WorkCalendar([{ date: off, workday: false, name: '社区调休' }]);
    const submit = async (title: string) => {
      const { ticket } = await listsOk({ action: 'submitRequest', category: '环境清洁', title, requestId: newRequestId() }, l.resident);
      return getDoc('tickets', ticket.id);
    };

    expect((await listsOk({ action: 'settings' }, l.admin)).settings.deadlineHours).toBe('natural');
    const natural = await submit('楼道灯不亮');
    expect(natural.clock).toMatchObject({ hours: 'natural', resolveBy: natural.clock.startAt + 24 * HOUR });
    expect(natural.dueAt).toBe(natural.clock.startAt + DAY);
    // Warned 4 hours before, whatever the calendar says.
    expect(natural.nextAlertAt).toBe(natural.clock.startAt + 20 * HOUR);

    const refused = await listsOk({ action: 'setSettings', deadlineHours: 'working' }, l.staff).catch((e: Error) => e.message);
    expect(refused).toMatch(/FORBIDDEN/);
    const res = await call('lists', { action: 'setSettings', deadlineHours: 'weekdays', requestId: newRequestId() }, l.admin);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(CHINESE) });
    expect((await listsOk({ action: 'setSettings', deadlineHours: 'working', requestId: newRequestId() }, l.admin)).settings.deadlineHours).toBe('working');

    const working = await submit('垃圾未清运');
    const start = working.clock.startAt;
    const expected = addWorkingHours(start, 24, corrected);
    // The community's day off moves the deadline past where the official calendar alone puts it.
    expect(expected).toBeGreaterThan(addWorkingHours(start, 24, BASE_CALENDAR));
    expect(working.clock).toMatchObject({ hours: 'working', resolveBy: expected });
    // So does the escalation index the deadline timer reads.
    expect(working.nextAlertAt).toBe(nextAlertAt(working, corrected));
    expect(working.nextAlertAt).not.toBe(nextAlertAt(working, BASE_CALENDAR));
    // A ticket set before the change keeps its natural clock.
    expect((await getDoc('tickets', natural._id)).clock.hours).toBe('natural');
    // The setting is in the lists' audit trail.
    const ev = await sdk().database().collection('list_events').where({ communityId: l.id, target: 'settings' }).limit(10).get();
    expect(ev.data.map((e: any) => e.why).join('')).toContain('工作日');
  });
});
