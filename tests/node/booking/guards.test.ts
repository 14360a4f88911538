import { call, newRequestId, ok, uniqueOpenid } from '../support/cloud';
import { ALWAYS_HOURS, newBookingCommunity, newErrandService, newService, residentOf, shanghaiDay, slotOf, snapshotBooking, volunteerOf } from '../support/booking';

const CHINESE = /[\u4e00-\u9fa5]/;

describe('wrong role, bad input, injection-looking ids: clear errors, nothing written', () => {
  it('refuses callers without the role, and changes nothing', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c);
    const proxy = await newErrandService(c, 'proxy');
    const volunteer = await volunteerOf(c);
    const { activity } = await ok(
      'booking',
      { action: 'publishActivity', op: 'create', activity: { title: '助老助残', category: '助老助残', description: '为空巢老人送餐', placeId: c.placeId, date: shanghaiDay(2), from: '10:30', to: '13:00', capacity: 5 } },
      c.staff,
    );
    const { booking } = await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '09:00') }, c.resident);
    const { errand } = await ok('booking', { action: 'requestErrand', serviceId: proxy, description: '代办医保备案' }, c.resident);
    const stranger = uniqueOpenid('nobody');
    await ok('user', { action: 'login' }, stranger); // logged in, in no community
    const people = [c.resident, volunteer, c.gridWorker, c.staff, c.admin];
    const before = await snapshotBooking(c, people);

    const service = { kind: 'appointment', name: '居民自建服务', placeId: c.placeId, appointment: { durationMinutes: 30, capacity: 3, hours: ALWAYS_HOURS } };
    const forbidden: Array<[string, Record<string, unknown>]> = [
      [c.resident, { action: 'manageService', op: 'create', service }],
      [c.resident, { action: 'manageService', op: 'pause', id: serviceId, reason: '不想开了' }],
      [c.gridWorker, { action: 'manageService', op: 'update', id: serviceId, changes: { name: '改名' } }],
      [volunteer, { action: 'publishActivity', op: 'cancel', id: activity.id, reason: '不想去了' }],
      [c.gridWorker, { action: 'publishActivity', op: 'cancel', id: activity.id, reason: '不想去了' }],
      [c.resident, { action: 'placeCode', placeId: c.placeId, rotate: true }],
      [c.resident, { action: 'schedule', date: shanghaiDay(1) }],
      [volunteer, { action: 'roster', activityId: activity.id }],
      [c.resident, { action: 'errands' }],
      [c.resident, { action: 'workers' }],
      [c.resident, { action: 'checkIn', code: booking.code }],
      [volunteer, { action: 'cancel', id: booking.id }],
      [c.gridWorker, { action: 'updateErrand', id: errand.id, op: 'cancel', note: '网格员想取消' }],
      [c.resident, { action: 'signUp', activityId: activity.id }],
    ];
    for (const [who, event] of forbidden) {
      const res = await call('booking', { ...event, requestId: newRequestId() }, who);
      expect({ event, res }).toMatchObject({ event, res: { ok: false, code: 'FORBIDDEN', message: expect.stringMatching(CHINESE) } });
    }
    // Not logged in; logged in but in no community; staff of another community.
    expect(await call('booking', { action: 'services' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await call('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '09:30') })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await call('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '09:30') }, stranger)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('booking', { action: 'manageService', op: 'pause', id: serviceId, reason: '越权' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'cancel', id: booking.id, reason: '越权' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'publishActivity', op: 'cancel', id: activity.id, reason: '越权' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A timer event from a client is not a timer.
    expect(await call('booking', { Type: 'Timer', TriggerName: 'markNoShows' }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });

    expect(await snapshotBooking(c, people)).toEqual(before);
  });

  it('refuses bad input and injection-looking ids with a clear message, and changes nothing', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c);
    const home = await newErrandService(c, 'home_visit');
    const resident = await residentOf(c);
    const { booking } = await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '09:00') }, resident);
    const people = [resident, c.staff, c.admin, c.gridWorker];
    const before = await snapshotBooking(c, people);

    const appointment = { durationMinutes: 30, capacity: 3, hours: ALWAYS_HOURS };
    const service = (extra: Record<string, unknown>, appt: Record<string, unknown> = {}) => ({ kind: 'appointment', name: '法律援助', placeId: c.placeId, appointment: { ...appointment, ...appt }, ...extra });
    const activity = { title: '文明劝导', category: '文明劝导', description: '路口劝导', placeId: c.placeId, date: shanghaiDay(2), from: '07:00', to: '08:30', capacity: 10 };
    const window = { date: shanghaiDay(2), from: '09:00', to: '11:00' };
    const bad: Array<[string, Record<string, unknown>, string]> = [
      // Injection-looking ids, as objects and as strings.
      [resident, { action: 'book', slotId: { $gt: '' } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'book', slotId: '{"$gt":""}' }, 'INVALID_ARGUMENT'],
      [resident, { action: 'book', slotId: `${serviceId}.${shanghaiDay(1)}.0900; drop` }, 'INVALID_ARGUMENT'],
      [resident, { action: 'cancel', id: { $ne: null } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'cancel', id: '{"$gt":""}' }, 'INVALID_ARGUMENT'],
      [resident, { action: 'cancel', id: 'bk_doesnotexist' }, 'NOT_FOUND'],
      [resident, { action: 'detail', id: { $gt: '' } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'slots', serviceId: { $regex: '.*' } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'signUp', activityId: { $gt: '' } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'checkIn', code: { $gt: '' } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'checkIn', code: '{"$gt":""}' }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'checkOut', code: booking.code }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'assignErrand', id: 'er_x', assigneeId: { $ne: '' } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'schedule', date: { $gte: '' } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'schedule', date: '2026-02-30' }, 'INVALID_ARGUMENT'],
      [resident, { action: { $gt: '' } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'dropDatabase' }, 'INVALID_ARGUMENT'],
      [resident, { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '09:30'), requestId: 'x' }, 'INVALID_ARGUMENT'],
      [resident, { action: 'mine', cursor: { $gt: '' } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'mine', kind: 'everything' }, 'INVALID_ARGUMENT'],
      [resident, { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '09:30'), note: 'x'.repeat(101) }, 'INVALID_ARGUMENT'],
      // Services.
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { capacity: 0 }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { capacity: 201 }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { capacity: 2.5 }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { capacity: '30' }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { durationMinutes: 5 }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { horizonDays: 0 }) }, 'INVALID_ARGUMENT'],
      // 144 ten-minute slots a day: more than a page can show.
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { durationMinutes: 10 }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'update', id: serviceId, changes: { appointment: { durationMinutes: 10 } } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { hours: { week: { '1': [{ from: '12:00', to: '08:00' }] }, calendar: 'working_days' } }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { hours: { week: { '1': [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '13:00' }] }, calendar: 'working_days' } }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { hours: { week: { '8': [] }, calendar: 'working_days' } }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({}, { hours: { week: {}, calendar: 'sometimes' } }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({ kind: 'haircut' }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({ communityId: 'c_beihai' }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({ status: 'paused' }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({ name: '   ' }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: service({ placeId: 'p_beihai_center' }) }, 'NOT_FOUND'],
      [c.staff, { action: 'manageService', op: 'create', service: service({ placeId: { $gt: '' } }) }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: { kind: 'appointment', name: '缺设置', placeId: c.placeId } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'create', service: { kind: 'proxy', name: '代办', placeId: c.placeId, appointment } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'update', id: serviceId, changes: {} }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'update', id: serviceId, changes: { kind: 'proxy' } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'update', id: home, changes: { appointment: { capacity: 3 } } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'pause', id: serviceId }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'manageService', op: 'resume', id: serviceId }, 'FAILED_PRECONDITION'],
      [c.staff, { action: 'manageService', op: 'delete', id: serviceId }, 'INVALID_ARGUMENT'],
      // Errands.
      [resident, { action: 'requestErrand', serviceId: home, description: '上门认证', address: '9幢302', window: { ...window, date: '2026-02-30' } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'requestErrand', serviceId: home, description: '上门认证', address: '9幢302', window: { ...window, from: '11:00', to: '09:00' } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'requestErrand', serviceId: home, description: '上门认证', address: '9幢302', window: { ...window, date: shanghaiDay(-1) } }, 'INVALID_ARGUMENT'],
      [resident, { action: 'requestErrand', serviceId: home, description: '上门认证', window }, 'INVALID_ARGUMENT'],
      [resident, { action: 'requestErrand', serviceId: home, description: '上门认证', address: '9幢302', window, contactPhone: '12345' }, 'INVALID_ARGUMENT'],
      [resident, { action: 'requestErrand', serviceId: home, description: '上门认证', address: '9幢302', window, papers: Array(11).fill('身份证') }, 'INVALID_ARGUMENT'],
      [resident, { action: 'requestErrand', serviceId: home, description: '', address: '9幢302', window }, 'INVALID_ARGUMENT'],
      [resident, { action: 'requestErrand', serviceId: { $ne: '' }, description: '上门认证' }, 'INVALID_ARGUMENT'],
      [resident, { action: 'rateErrand', id: 'er_x', stars: 0 }, 'INVALID_ARGUMENT'],
      [resident, { action: 'updateErrand', id: 'er_x', op: 'delete' }, 'INVALID_ARGUMENT'],
      // Activities.
      [c.staff, { action: 'publishActivity', op: 'create', activity: { ...activity, date: shanghaiDay(-1) } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'publishActivity', op: 'create', activity: { ...activity, from: '09:00', to: '08:00' } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'publishActivity', op: 'create', activity: { ...activity, capacity: 0 } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'publishActivity', op: 'create', activity: { ...activity, category: '聚餐' } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'publishActivity', op: 'create', activity: { ...activity, date: shanghaiDay(120) } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'publishActivity', op: 'create', activity: { ...activity, status: 'cancelled' } }, 'INVALID_ARGUMENT'],
      [c.staff, { action: 'publishActivity', op: 'create', activity: { ...activity, placeId: 'p_beihai_center' } }, 'NOT_FOUND'],
    ];
    for (const [who, event, code] of bad) {
      const res = await call('booking', event, who);
      expect({ event, res }).toMatchObject({ event, res: { ok: false, code, message: expect.stringMatching(CHINESE) } });
      expect(JSON.stringify(res)).not.toMatch(/at .*\.ts|Error:|stack/);
    }
    expect(await snapshotBooking(c, people)).toEqual(before);
  });
});
