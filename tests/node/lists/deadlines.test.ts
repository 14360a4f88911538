import { BASE_CALENDAR, WorkCalendar, shanghaiTime } from '../../../server/core/calendar';
import {
  addWorkingHours,
  alertsOf,
  clockFor,
  dueAlert,
  endOfWorkingDays,
  isOverdue,
  nextAlertAt,
  reopenedClock,
  timeliness,
  type DeadlineRules,
  type TimedTicket,
} from '../../../server/lists/deadlines';
import { ticketStats } from '../../../server/lists/stats';
import { derive, periodKey } from '../../../server/lists/tickets';

/** Shanghai wall-clock instants: these tests run with TZ=UTC, as functions do. */
const at = (date: string, hhmm: string) => shanghaiTime(date, hhmm);
const endOf = (date: string) => at(date, '00:00') + 24 * 3600 * 1000 - 1;
const H = 3600 * 1000;
/** These tests count the 24 hours in working-day time, the stricter of a community's two choices. */
const WORKING: DeadlineRules = { calendar: BASE_CALENDAR, hours: 'working' };
const NATURAL: DeadlineRules = { calendar: BASE_CALENDAR, hours: 'natural' };

function ticket(kind: TimedTicket['kind'], startAt: number, extra: Partial<TimedTicket> = {}): TimedTicket {
  return { kind, status: 'dispatched', clock: clockFor(kind, startAt, WORKING), cycle: 1, alerts: [], ...extra };
}

describe('deadlines on the Chinese working-day calendar', () => {
  it('简单事项24小时办结: 24 working-day hours, the same time next working day on a weekday', () => {
    expect(clockFor('simple', at('2026-06-09', '10:00'), WORKING).resolveBy).toBe(at('2026-06-10', '10:00'));
    expect(clockFor('simple', at('2026-06-09', '10:00'), WORKING).acceptBy).toBeUndefined();
  });

  it('the clock stops over a weekend: Friday 18:00 → Monday 18:00; raised on Saturday → end of Monday', () => {
    expect(clockFor('simple', at('2026-06-05', '18:00'), WORKING).resolveBy).toBe(at('2026-06-08', '18:00'));
    expect(clockFor('simple', at('2026-06-06', '11:00'), WORKING).resolveBy).toBe(at('2026-06-09', '00:00'));
  });

  it('国庆 (10/1–10/7) stops it for the whole holiday: 9/30 15:00 → 10/8 15:00', () => {
    expect(clockFor('simple', at('2026-09-30', '15:00'), WORKING).resolveBy).toBe(at('2026-10-08', '15:00'));
    expect(clockFor('simple', at('2026-10-03', '09:00'), WORKING).resolveBy).toBe(at('2026-10-09', '00:00'));
  });

  it('the 调休 Saturday 10/10 is a working day: Friday 10/9 20:00 → Saturday 10/10 20:00, not Monday', () => {
    expect(clockFor('simple', at('2026-10-09', '20:00'), WORKING).resolveBy).toBe(at('2026-10-10', '20:00'));
    // …and the Sunday after it is off again.
    expect(clockFor('simple', at('2026-10-10', '20:00'), WORKING).resolveBy).toBe(at('2026-10-12', '20:00'));
  });

  it('复杂问题3个工作日内响应: by the end of the 3rd working day after the day raised', () => {
    // Tuesday → Friday.
    expect(clockFor('complex', at('2026-06-09', '09:00'), WORKING).acceptBy).toBe(endOf('2026-06-12'));
    // Across a weekend: Thursday → Mon (1), Tue (2) … Thursday 6/4 → 6/5 Fri (1), 6/8 Mon (2), 6/9 Tue (3).
    expect(clockFor('complex', at('2026-06-04', '16:00'), WORKING).acceptBy).toBe(endOf('2026-06-09'));
    // Across 国庆 and onto the 调休 Saturday: 9/30 → 10/8 (1), 10/9 (2), 10/10 Sat (3).
    expect(clockFor('complex', at('2026-09-30', '10:00'), WORKING).acceptBy).toBe(endOf('2026-10-10'));
    // Raised during the holiday: 10/8, 10/9, 10/10.
    expect(clockFor('complex', at('2026-10-02', '10:00'), WORKING).acceptBy).toBe(endOf('2026-10-10'));
    // Raised on 10/9: 10/10 (调休), 10/12, 10/13 — the Sunday 10/11 is off.
    expect(clockFor('complex', at('2026-10-09', '10:00'), WORKING).acceptBy).toBe(endOf('2026-10-13'));
  });

  it('the 调休 Sunday 9/20 before 国庆 counts too; the 中秋 holiday 9/25–27 does not', () => {
    expect(endOfWorkingDays(at('2026-09-18', '10:00'), 1, BASE_CALENDAR)).toBe(endOf('2026-09-20'));
    expect(clockFor('complex', at('2026-09-24', '10:00'), WORKING).acceptBy).toBe(endOf('2026-09-30'));
  });

  it('疑难问题提级包案: the secretary answers by the end of the next working day', () => {
    const c = clockFor('difficult', at('2026-09-30', '16:00'), WORKING);
    expect(c.acceptBy).toBe(endOf('2026-10-08'));
    expect(c.resolveBy).toBeGreaterThan(c.acceptBy!);
  });

  it('addWorkingHours counts only working-day time, at any length', () => {
    expect(addWorkingHours(at('2026-06-09', '10:00'), 0, BASE_CALENDAR)).toBe(at('2026-06-09', '10:00'));
    expect(addWorkingHours(at('2026-06-05', '22:00'), 2, BASE_CALENDAR)).toBe(at('2026-06-06', '00:00'));
    expect(addWorkingHours(at('2026-06-05', '22:00'), 3, BASE_CALENDAR)).toBe(at('2026-06-08', '01:00'));
    expect(addWorkingHours(at('2026-09-30', '23:00'), 1, BASE_CALENDAR)).toBe(at('2026-10-01', '00:00'));
    expect(addWorkingHours(at('2026-09-30', '23:00'), 2, BASE_CALENDAR)).toBe(at('2026-10-08', '01:00'));
  });

  it('a low rating reopens with a fresh resolve window from the reopening', () => {
    const c = clockFor('simple', at('2026-09-29', '09:00'), WORKING);
    const r = reopenedClock('simple', c, at('2026-09-30', '17:00'), BASE_CALENDAR);
    expect(r.resolveFrom).toBe(at('2026-09-30', '17:00'));
    expect(r.resolveBy).toBe(at('2026-10-08', '17:00'));
    expect(r.startAt).toBe(c.startAt);
  });
});

describe('warnings and escalation, each once', () => {
  const start = at('2026-09-30', '15:00');

  it('simple: warn 4 working hours before, grid leader at the breach, secretary one working day later', () => {
    const t = ticket('simple', start);
    const [warn, leader, secretary] = alertsOf(t, BASE_CALENDAR);
    expect(warn).toMatchObject({ key: 'resolve1.warn', level: 'warn', at: at('2026-10-08', '11:00') });
    expect(leader).toMatchObject({ key: 'resolve1.leader', level: 'leader', at: at('2026-10-08', '15:00') + 1 });
    expect(secretary).toMatchObject({ key: 'resolve1.secretary', level: 'secretary', at: at('2026-10-09', '15:00') + 1 });
  });

  it('complex: the acceptance deadline runs first (warn at 09:00 on its last day), then the resolution', () => {
    const t = ticket('complex', start);
    const alerts = alertsOf(t, BASE_CALENDAR);
    expect(alerts.map((a) => a.key)).toEqual(['accept1.warn', 'accept1.leader', 'accept1.secretary']);
    expect(alerts[0].at).toBe(at('2026-10-10', '09:00'));
    expect(alerts[1].at).toBe(endOf('2026-10-10') + 1);
    // The Sunday after the 调休 Saturday is off: the secretary hears of it on Monday night.
    expect(alerts[2].at).toBe(at('2026-10-13', '00:00'));
    const accepted = { ...t, status: 'accepted' as const, acceptedAt: at('2026-10-08', '10:00') };
    expect(alertsOf(accepted, BASE_CALENDAR).map((a) => a.key)).toEqual(['resolve1.warn', 'resolve1.leader', 'resolve1.secretary']);
  });

  it('difficult: the secretary owns it, so the breach goes straight to the secretary', () => {
    expect(alertsOf(ticket('difficult', start), BASE_CALENDAR).map((a) => a.level)).toEqual(['warn', 'secretary']);
  });

  it('sends the most advanced due alert once and marks the lesser ones sent with it', () => {
    const t = ticket('simple', start);
    expect(dueAlert(t, at('2026-10-08', '10:59'), BASE_CALENDAR)).toBeNull();
    const w = dueAlert(t, at('2026-10-08', '11:00'), BASE_CALENDAR)!;
    expect(w.send.level).toBe('warn');
    const after = { ...t, alerts: w.mark };
    expect(dueAlert(after, at('2026-10-08', '12:00'), BASE_CALENDAR)).toBeNull();
    expect(nextAlertAt(after, BASE_CALENDAR)).toBe(at('2026-10-08', '15:00') + 1);
    // A timer that was down until the next day sends the secretary's escalation, not a stale warning.
    const late = dueAlert(t, at('2026-10-12', '09:00'), BASE_CALENDAR)!;
    expect(late.send.level).toBe('secretary');
    expect(late.mark).toEqual(['resolve1.warn', 'resolve1.leader', 'resolve1.secretary']);
    expect(nextAlertAt({ ...t, alerts: late.mark }, BASE_CALENDAR)).toBeUndefined();
  });

  it('a breach settles the warning before it, even one not yet due (a window opened on a day off)', () => {
    const clock = { startAt: at('2026-06-06', '10:00'), resolveFrom: at('2026-06-06', '10:00'), resolveBy: at('2026-06-06', '12:00') };
    const t = ticket('simple', 0, { clock });
    expect(alertsOf(t, BASE_CALENDAR)[0].at).toBe(at('2026-06-08', '20:00'));
    const due = dueAlert(t, at('2026-06-06', '13:00'), BASE_CALENDAR)!;
    expect(due.send.level).toBe('leader');
    expect(due.mark).toEqual(['resolve1.warn', 'resolve1.leader']);
    expect(dueAlert({ ...t, alerts: due.mark }, at('2026-06-08', '21:00'), BASE_CALENDAR)).toBeNull();
  });

  it('nothing runs once resolved, closed or cancelled; a reopened cycle has alerts of its own', () => {
    for (const status of ['resolved', 'closed', 'cancelled'] as const) expect(alertsOf(ticket('simple', start, { status }), BASE_CALENDAR)).toEqual([]);
    const reopened = ticket('simple', start, { status: 'accepted', cycle: 2, clock: reopenedClock('simple', clockFor('simple', start, WORKING), at('2026-10-09', '10:00'), BASE_CALENDAR), alerts: ['resolve1.warn'] });
    expect(alertsOf(reopened, BASE_CALENDAR)[0].key).toBe('resolve2.warn');
  });
});

describe('on time or late', () => {
  const start = at('2026-06-09', '10:00');
  const due = at('2026-06-10', '10:00');

  it('done at the deadline is on time; a millisecond later is late', () => {
    expect(timeliness(ticket('simple', start, { status: 'closed', resolvedAt: due }), due + 5 * H)).toBe('on_time');
    expect(timeliness(ticket('simple', start, { status: 'closed', resolvedAt: due + 1 }), due + 5 * H)).toBe('late');
  });

  it('an open ticket is pending until its deadline passes, then late (and overdue)', () => {
    const t = ticket('simple', start, { status: 'accepted' });
    expect(timeliness(t, due)).toBe('pending');
    expect(isOverdue(t, due)).toBe(false);
    expect(timeliness(t, due + 1)).toBe('late');
    expect(isOverdue(t, due + 1)).toBe(true);
  });

  it('late is sticky: a missed acceptance stays late even when resolved in time', () => {
    const c = ticket('complex', start, { status: 'closed', acceptedAt: endOf('2026-06-12') + 1, resolvedAt: endOf('2026-06-15') });
    expect(timeliness(c, endOf('2026-06-16'))).toBe('late');
    expect(timeliness({ ...c, acceptedAt: endOf('2026-06-12') }, endOf('2026-06-16'))).toBe('on_time');
    expect(timeliness(ticket('simple', start, { status: 'closed', resolvedAt: start + H, late: true }), due)).toBe('late');
    expect(timeliness(ticket('simple', start, { status: 'cancelled' }), due + H)).toBe('none');
  });

  it('the on-time rate counts tickets still open past their deadline as late', () => {
    const now = due + 2 * H;
    const base = { reopenCount: 0 };
    const s = ticketStats(
      [
        { ...ticket('simple', start, { status: 'closed', resolvedAt: start + H }), ...base, rating: { stars: 5 } },
        { ...ticket('simple', start, { status: 'accepted' }), ...base },
        { ...ticket('simple', now - H, { status: 'dispatched' }), ...base },
        { ...ticket('simple', start, { status: 'resolved', resolvedAt: start + 2 * H }), ...base },
        { ...ticket('simple', start, { status: 'closed', resolvedAt: start + 3 * H }), ...base, reopenCount: 1, rating: { stars: 2 } },
        { ...ticket('simple', start, { status: 'cancelled' }), ...base },
      ],
      now,
    );
    expect(s).toMatchObject({ tickets: 5, completed: 3, onTime: 3, late: 1, overdueOpen: 1, rated: 2, avgStars: 3.5, satisfactionRate: 0.5, reopened: 1 });
    expect(s.onTimeRate).toBe(0.75);
    expect(s.completionRate).toBe(0.6);
    expect(ticketStats([], now)).toMatchObject({ tickets: 0, onTimeRate: null, completionRate: null, avgStars: null });
  });
});

describe('the community decides how the 24 hours count, and may correct the calendar', () => {
  it('natural hours: 24 hours round the clock, whatever the day; the warning 4 hours before', () => {
    const start = at('2026-09-30', '15:00');
    const c = clockFor('simple', start, NATURAL);
    expect(c).toMatchObject({ resolveBy: at('2026-10-01', '15:00'), hours: 'natural' });
    const t: TimedTicket = { kind: 'simple', status: 'dispatched', clock: c, cycle: 1, alerts: [] };
    expect(alertsOf(t, BASE_CALENDAR).map((a) => a.at)).toEqual([at('2026-10-01', '11:00'), at('2026-10-01', '15:00') + 1, at('2026-10-09', '00:00')]);
    // A reopened clock counts as it did when it was set, whatever the community chose since.
    expect(reopenedClock('simple', c, at('2026-10-02', '09:00'), BASE_CALENDAR).resolveBy).toBe(at('2026-10-03', '09:00'));
    // Clocks set before the choice existed counted working hours.
    const { hours: _h, ...old } = clockFor('simple', start, WORKING);
    expect(reopenedClock('simple', old, at('2026-10-02', '09:00'), BASE_CALENDAR).resolveBy).toBe(at('2026-10-09', '00:00'));
  });

  it('working-days deadlines are the same in both modes', () => {
    expect(clockFor('complex', at('2026-09-30', '10:00'), NATURAL)).toEqual({ ...clockFor('complex', at('2026-09-30', '10:00'), WORKING) });
    expect(clockFor('complex', at('2026-09-30', '10:00'), NATURAL).hours).toBeUndefined();
  });

  it('a community override moves deadlines and escalations: a 调休 Saturday works, a weekday off does not', () => {
    // Friday 6/5 18:00: Monday 18:00 on the official calendar; Saturday 18:00 when the community works that Saturday.
    const saturdayOn = new WorkCalendar([{ date: '2026-06-06', workday: true, name: '社区调休' }]);
    expect(clockFor('simple', at('2026-06-05', '18:00'), { calendar: saturdayOn, hours: 'working' }).resolveBy).toBe(at('2026-06-06', '18:00'));
    // Tuesday 6/9 → Friday 6/12 for a complex matter; a day off on Wednesday pushes it to Monday 6/15.
    const wednesdayOff = new WorkCalendar([{ date: '2026-06-10', workday: false, name: '社区活动日' }]);
    expect(clockFor('complex', at('2026-06-09', '09:00'), { calendar: wednesdayOff, hours: 'working' }).acceptBy).toBe(endOf('2026-06-15'));
    // The secretary's escalation waits a working day after the breach: over the day off too.
    const t = ticket('simple', at('2026-06-08', '10:00'));
    expect(alertsOf(t, BASE_CALENDAR)[2].at).toBe(at('2026-06-10', '10:00') + 1);
    expect(alertsOf(t, wednesdayOff)[2].at).toBe(at('2026-06-11', '10:00') + 1);
  });
});

describe('derived fields and periods', () => {
  it('derive keeps the timer index and the due instant true to the ticket', () => {
    const t: any = { ...ticket('simple', at('2026-06-09', '10:00')), alerts: [], late: false, reopenCount: 0, assignee: { kind: 'unit', unitId: 'u1', label: 'x' } };
    const d = derive(t, BASE_CALENDAR);
    expect(d.dueAt).toBe(at('2026-06-10', '10:00'));
    expect(d.nextAlertAt).toBe(at('2026-06-10', '06:00'));
    expect(d.workerKeys).toEqual(['unit:u1']);
    expect(derive({ ...t, status: 'resolved', resolvedAt: 1000 }, BASE_CALENDAR).closeAt).toBe(1000 + 3 * 24 * H);
  });

  it('capacity periods are Shanghai weeks from Monday and months', () => {
    // Sunday 23:30 in Shanghai is still the week of Monday 10/5, though it is Sunday 15:30 UTC.
    expect(periodKey('week', at('2026-10-11', '23:30'))).toBe('W2026-10-05');
    expect(periodKey('week', at('2026-10-12', '00:30'))).toBe('W2026-10-12');
    expect(periodKey('month', at('2026-11-01', '00:30'))).toBe('2026-11');
  });
});
