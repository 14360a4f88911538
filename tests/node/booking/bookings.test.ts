import { call, newRequestId, ok } from '../support/cloud';
import { userIdOf } from '../support/wish';
import { MIN, age, doc, fireTimer, newBookingCommunity, newService, outboxOf, residentOf, shanghaiDay, slotOf, where } from '../support/booking';

describe('services and slots', () => {
  it('lists the community’s services with their place, and a strip of days with what is left', async () => {
    const c = await newBookingCommunity();
    const closedDay = shanghaiDay(3);
    const serviceId = await newService(c, { capacity: 2, horizonDays: 5, hours: { week: { '1': [{ from: '08:30', to: '09:30' }], '2': [{ from: '08:30', to: '09:30' }], '3': [{ from: '08:30', to: '09:30' }], '4': [{ from: '08:30', to: '09:30' }], '5': [{ from: '08:30', to: '09:30' }], '6': [{ from: '08:30', to: '09:30' }], '7': [{ from: '08:30', to: '09:30' }] }, calendar: 'every_day', closedDates: [closedDay] } });
    const { items } = await ok('booking', { action: 'services' }, c.resident);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: serviceId, kind: 'appointment', name: '社保咨询', placeId: c.placeId, placeName: '党群服务中心', status: 'active', appointment: { capacity: 2, durationMinutes: 30, horizonDays: 5, cancelCutoffMinutes: 120, waitlistMax: 10 } });
    expect(items[0].hoursNote).toBe('周一至周日 08:30-09:30；节假日照常开放');
    // Another community's resident sees none of it.
    expect((await ok('booking', { action: 'services' }, 'demo-resident')).items.map((s: any) => s.id)).not.toContain(serviceId);
    expect(await call('booking', { action: 'slots', serviceId }, 'demo-resident')).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const { service, days } = await ok('booking', { action: 'slots', serviceId }, c.resident);
    expect(service.id).toBe(serviceId);
    expect(days.map((d: any) => d.date)).toEqual([0, 1, 2, 3, 4].map((n) => shanghaiDay(n)));
    const closed = days.find((d: any) => d.date === closedDay);
    expect(closed).toMatchObject({ open: false, reason: '暂停服务', slots: [] });
    const tomorrow = days[1];
    expect(tomorrow.open).toBe(true);
    expect(tomorrow.slots.map((s: any) => s.time)).toEqual(['08:30-09:00', '09:00-09:30']);
    expect(tomorrow.slots[0]).toMatchObject({ id: slotOf(serviceId, shanghaiDay(1), '08:30'), capacity: 2, left: 2, waitlisted: 0, status: 'open' });

    await ok('booking', { action: 'book', slotId: tomorrow.slots[0].id }, c.resident);
    const again = await ok('booking', { action: 'slots', serviceId, from: shanghaiDay(1), to: shanghaiDay(1) }, c.resident);
    expect(again.days).toHaveLength(1);
    expect(again.days[0].slots[0]).toMatchObject({ left: 1, status: 'open', mine: { status: 'booked' } });
    expect((await ok('booking', { action: 'slots', serviceId, from: shanghaiDay(1), to: shanghaiDay(1) }, c.staff)).days[0].slots[0].mine).toBeUndefined();

    // Outside the horizon: refused, clearly.
    expect(await call('booking', { action: 'slots', serviceId, from: shanghaiDay(6) }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '只能查看今天起5天内的时段' });
    expect(await call('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(6), '08:30') }, c.resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '只能预约今天起5天内的时段' });
    // A slot that has begun, one not on the grid, one on a closed day.
    expect(await call('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(-1), '08:30') }, c.resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await call('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '08:45') }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'book', slotId: slotOf(serviceId, closedDay, '08:30') }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // The same person twice in one slot.
    expect(await call('booking', { action: 'book', slotId: tomorrow.slots[0].id }, c.resident)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('answers a week of slots at a time, within the horizon and the response budget', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c, { horizonDays: 14 });
    const first = await call('booking', { action: 'slots', serviceId }, c.resident);
    expect(first.ok).toBe(true);
    const days = (first as any).data.days;
    expect(days.map((d: any) => d.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => shanghaiDay(n)));
    expect(days[1].slots).toHaveLength(48);
    expect(JSON.stringify(first).length).toBeLessThan(100 * 1024);
    const next = await ok('booking', { action: 'slots', serviceId, from: shanghaiDay(7) }, c.resident);
    expect(next.days.map((d: any) => d.date)).toEqual([7, 8, 9, 10, 11, 12, 13].map((n) => shanghaiDay(n)));
    expect(await call('booking', { action: 'slots', serviceId, from: shanghaiDay(3), to: shanghaiDay(2) }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('staff pause and resume a service; every change is recorded with who, when, from, to, why', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c);
    const slotId = slotOf(serviceId, shanghaiDay(1), '10:00');
    const paused = await ok('booking', { action: 'manageService', op: 'pause', id: serviceId, reason: '工作人员外出培训' }, c.staff);
    expect(paused.service).toMatchObject({ status: 'paused', pausedReason: '工作人员外出培训' });
    expect(await call('booking', { action: 'book', slotId }, c.resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '该服务暂停预约：工作人员外出培训' });
    expect((await ok('booking', { action: 'services' }, c.resident)).items).toHaveLength(0);
    expect((await ok('booking', { action: 'services', includePaused: true }, c.staff)).items).toHaveLength(1);
    await ok('booking', { action: 'manageService', op: 'resume', id: serviceId }, c.staff);
    const updated = await ok('booking', { action: 'manageService', op: 'update', id: serviceId, changes: { name: '社保医保咨询', appointment: { capacity: 4 } }, reason: '增加窗口' }, c.staff);
    expect(updated.service).toMatchObject({ name: '社保医保咨询', status: 'active', appointment: { capacity: 4, durationMinutes: 30 } });
    expect(updated.service.pausedReason).toBeUndefined();
    expect((await ok('booking', { action: 'book', slotId }, c.resident)).booking.status).toBe('booked');
    const events = (await where('booking_events', { targetId: serviceId })).sort((a, b) => a.at - b.at);
    expect(events.map((e) => [e.from, e.to, e.why])).toEqual([
      [null, 'active', '新增服务'],
      ['active', 'paused', '工作人员外出培训'],
      ['paused', 'active', '恢复预约'],
      ['active', 'active', '增加窗口'],
    ]);
    expect(events[3].changes).toEqual({ name: { from: '社保咨询', to: '社保医保咨询' }, appointment: { from: expect.objectContaining({ capacity: 3 }), to: expect.objectContaining({ capacity: 4 }) } });
    for (const e of events) expect(e).toMatchObject({ byUserId: await userIdOf(e.to === 'active' && e.from === null ? c.admin : c.staff), byLabel: '社区工作者', at: expect.any(Number) });
  });
});

describe('book, cancel, waitlist', () => {
  it('books with a code only its holder sees; cancelling after the cut-off is refused, before it works', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c);
    const resident = await residentOf(c);
    const slotId = slotOf(serviceId, shanghaiDay(1), '14:00');
    const { booking } = await ok('booking', { action: 'book', slotId, note: '咨询退休资格认证', requestId: newRequestId() }, resident);
    expect(booking).toMatchObject({ status: 'booked', serviceName: '社保咨询', placeName: '党群服务中心', time: '14:00-14:30', date: shanghaiDay(1), canCancel: true, note: '咨询退休资格认证' });
    expect(booking.code).toMatch(/^\d{8}$/);
    expect(booking.qr).toBe(`honglin://booking/${booking.code}`);
    expect(booking.cancelBefore).toBe(booking.start - 120 * MIN);

    // Staff see the day's schedule with a masked name and no code; a resident may not look.
    const day = await ok('booking', { action: 'schedule', date: shanghaiDay(1) }, c.staff);
    expect(day.items).toHaveLength(1);
    expect(day.items[0]).toMatchObject({ id: booking.id, who: expect.stringMatching(/^居民[0-9A-F]{4}$/), status: 'booked' });
    expect(day.items[0].code).toBeUndefined();
    expect(day.summary).toEqual({ booked: 1, checked_in: 0, no_show: 0, waitlisted: 0, cancelled: 0 });
    expect(JSON.stringify(day)).not.toMatch(/openid|bres-|phone/);
    expect(await call('booking', { action: 'schedule', date: shanghaiDay(1) }, resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Another resident cannot see it, nor cancel it.
    expect(await call('booking', { action: 'detail', id: booking.id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'cancel', id: booking.id }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // An hour before the start: past the 2-hour cut-off.
    await age('booking_bookings', booking.id, { start: Date.now() + 60 * MIN, end: Date.now() + 90 * MIN });
    expect((await ok('booking', { action: 'detail', id: booking.id }, resident)).booking.canCancel).toBe(false);
    const late = await call('booking', { action: 'cancel', id: booking.id }, resident);
    expect(late).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '已过取消截止时间（开始前2小时），如不能前来请联系社区' });
    expect((await doc('booking_bookings', booking.id)).status).toBe('booked');
    // Staff may still cancel it for them, with a reason.
    expect(await call('booking', { action: 'cancel', id: booking.id }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const byStaff = await ok('booking', { action: 'cancel', id: booking.id, reason: '居民来电说明临时住院' }, c.staff);
    expect(byStaff.booking.status).toBe('cancelled');

    // Three hours ahead: before the cut-off, the holder cancels.
    const other = (await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '15:00') }, resident)).booking;
    await age('booking_bookings', other.id, { start: Date.now() + 180 * MIN, end: Date.now() + 210 * MIN });
    expect((await ok('booking', { action: 'cancel', id: other.id }, resident)).booking.status).toBe('cancelled');
    const { booking: detail } = await ok('booking', { action: 'detail', id: other.id }, resident);
    expect(detail.timeline.map((e: any) => [e.from, e.to, e.why ?? null])).toEqual([
      [null, 'booked', null],
      ['booked', 'cancelled', '本人取消'],
    ]);
    expect(detail.code).toBeUndefined();
    // Cancelled twice: refused.
    expect(await call('booking', { action: 'cancel', id: other.id }, resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });

    const mine = await ok('booking', { action: 'mine', kind: 'bookings' }, resident);
    expect(mine.kind).toBe('bookings');
    expect(mine.items.map((b: any) => b.status).sort()).toEqual(['cancelled', 'cancelled']);
  });

  it('a full slot puts people on the waitlist; a cancel moves the first up and tells them', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c, { capacity: 1, waitlistMax: 1 });
    const [a, b, d] = [c.resident, await residentOf(c), await residentOf(c)];
    const slotId = slotOf(serviceId, shanghaiDay(2), '09:30');
    const first = (await ok('booking', { action: 'book', slotId }, a)).booking;
    const second = (await ok('booking', { action: 'book', slotId }, b)).booking;
    expect(second).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, canCancel: true });
    expect(second.code).toBeUndefined();
    expect(await call('booking', { action: 'book', slotId }, d)).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '该时段已约满，候补名额也已满' });
    await ok('booking', { action: 'cancel', id: first.id }, a);
    const moved = (await ok('booking', { action: 'detail', id: second.id }, b)).booking;
    expect(moved).toMatchObject({ status: 'booked', code: expect.stringMatching(/^\d{8}$/) });
    const told = await outboxOf(b, 'tmpl-booking-promoted');
    expect(told).toHaveLength(1);
    expect(told[0].data.thing1.value).toBe('社保咨询');
    expect(told[0].page).toBe(`pages/booking/detail/index?id=${second.id}`);
    // Now d can join the waitlist.
    expect((await ok('booking', { action: 'book', slotId }, d)).booking.status).toBe('waitlisted');
  });
});

describe('check-in', () => {
  it('staff scan the booking’s code inside the window: not too early, not after the end, once', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c);
    const resident = await residentOf(c);
    const { booking } = await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '10:00') }, resident);
    // Tomorrow: too early.
    const early = await call('booking', { action: 'checkIn', code: booking.qr }, c.staff);
    expect(early).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect((early as any).message).toMatch(/^未到签到时间，可在\d\d:\d\d后签到$/);
    // The holder cannot check themself in with their own code.
    expect(await call('booking', { action: 'checkIn', code: booking.code }, resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Staff of another community do not find it.
    expect(await call('booking', { action: 'checkIn', code: booking.code }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Twenty minutes before the start: inside the window (it opens 30 minutes before).
    await age('booking_bookings', booking.id, { start: Date.now() + 20 * MIN, end: Date.now() + 50 * MIN });
    const done = await ok('booking', { action: 'checkIn', code: booking.code }, c.gridWorker);
    expect(done.booking).toMatchObject({ id: booking.id, status: 'checked_in', checkedInAt: expect.any(Number), who: expect.stringMatching(/^居\*+$/) });
    expect(await call('booking', { action: 'checkIn', code: booking.qr }, c.staff)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const { booking: seen } = await ok('booking', { action: 'detail', id: booking.id }, resident);
    expect(seen.timeline.at(-1)).toMatchObject({ from: 'booked', to: 'checked_in', by: expect.stringMatching(/^网格员 /), why: '工作人员扫码签到' });

    // After the end: too late.
    const other = (await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '11:00') }, resident)).booking;
    await age('booking_bookings', other.id, { start: Date.now() - 40 * MIN, end: Date.now() - 10 * MIN });
    expect(await call('booking', { action: 'checkIn', code: other.code }, c.staff)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '预约时段已结束，不能签到' });
    expect(await call('booking', { action: 'checkIn', code: '00000000' }, c.staff)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'checkIn', code: 'hello' }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('the resident scans the place’s check-in poster inside the slot window; a rotated poster stops working', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c);
    const resident = await residentOf(c);
    expect(await call('booking', { action: 'placeCode', placeId: c.placeId }, resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const poster = await ok('booking', { action: 'placeCode', placeId: c.placeId }, c.staff);
    expect(poster).toMatchObject({ placeId: c.placeId, placeName: '党群服务中心', qr: expect.stringMatching(new RegExp(`^honglin://checkin/place/${c.placeId}\\?k=[A-Za-z0-9]{12}$`)) });
    // Asking again gives the same poster.
    expect((await ok('booking', { action: 'placeCode', placeId: c.placeId }, c.staff)).qr).toBe(poster.qr);

    // Nothing booked here.
    expect(await call('booking', { action: 'checkIn', code: poster.qr }, resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '您在这里没有待签到的预约' });
    const { booking } = await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '16:00') }, resident);
    const early = await call('booking', { action: 'checkIn', code: poster.qr }, resident);
    expect(early).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect((early as any).message).toMatch(/^未到签到时间：您预约的社保咨询在/);

    await age('booking_bookings', booking.id, { start: Date.now() - 5 * MIN, end: Date.now() + 25 * MIN });
    const rotated = await ok('booking', { action: 'placeCode', placeId: c.placeId, rotate: true }, c.staff);
    expect(rotated.qr).not.toBe(poster.qr);
    expect(await call('booking', { action: 'checkIn', code: poster.qr }, resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '签到码已更换，请扫描现场最新张贴的签到码' });
    // A poster of another community is not ours.
    expect(await call('booking', { action: 'checkIn', code: rotated.qr }, 'demo-resident')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const keyEvents = (await where('booking_events', { targetId: c.placeId, target: 'place' })).sort((x, y) => x.at - y.at);
    expect(keyEvents.map((e) => [e.from, e.to, e.why, e.byLabel])).toEqual([
      [null, 'issued', '生成签到码', '社区工作者'],
      ['issued', 'issued', '更换签到码（旧码作废）', '社区工作者'],
    ]);
    const done = await ok('booking', { action: 'checkIn', code: rotated.qr }, resident);
    expect(done.booking).toMatchObject({ id: booking.id, status: 'checked_in' });
    const { booking: seen } = await ok('booking', { action: 'detail', id: booking.id }, resident);
    expect(seen.timeline.at(-1)).toMatchObject({ to: 'checked_in', by: expect.stringMatching(/^居民 /), why: '本人扫描现场签到码签到' });
  });
});

describe('timers', () => {
  it('marks no-shows after the slot ends and lapses waitlisted places once it starts', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c, { capacity: 1 });
    const [a, b] = [await residentOf(c), await residentOf(c)];
    const slotId = slotOf(serviceId, shanghaiDay(1), '08:00');
    const held = (await ok('booking', { action: 'book', slotId }, a)).booking;
    const waiting = (await ok('booking', { action: 'book', slotId }, b)).booking;
    const kept = (await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '09:00') }, a)).booking;
    await age('booking_bookings', held.id, { start: Date.now() - 40 * MIN, end: Date.now() - 10 * MIN });
    await age('booking_bookings', waiting.id, { start: Date.now() - 40 * MIN, end: Date.now() - 10 * MIN });
    const res = await fireTimer('markNoShows');
    expect(res.ok).toBe(true);
    expect((await doc('booking_bookings', held.id)).status).toBe('no_show');
    expect((await doc('booking_bookings', waiting.id)).status).toBe('expired');
    expect((await doc('booking_bookings', kept.id)).status).toBe('booked');
    const { booking } = await ok('booking', { action: 'detail', id: held.id }, a);
    expect(booking.timeline.at(-1)).toMatchObject({ from: 'booked', to: 'no_show', by: '系统', why: '预约时段结束未签到' });
    // A second run changes nothing.
    await fireTimer('markNoShows');
    expect((await where('booking_events', { targetId: held.id })).length).toBe(2);
    const day = await ok('booking', { action: 'schedule', date: shanghaiDay(1) }, c.staff);
    expect(day.summary).toMatchObject({ no_show: 1, booked: 1 });
  });

  it('reminds the day before, once, into the subscribe-message outbox', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c);
    const resident = await residentOf(c);
    const tomorrow = (await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '10:30') }, resident)).booking;
    const later = (await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(3), '10:30') }, resident)).booking;
    await Promise.all([fireTimer('remindTomorrow'), fireTimer('remindTomorrow')]);
    await fireTimer('remindTomorrow');
    const sent = await outboxOf(resident, 'tmpl-booking-reminder');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ page: `pages/booking/detail/index?id=${tomorrow.id}`, data: { thing1: { value: '社保咨询' }, thing3: { value: '党群服务中心' } } });
    // WeChat's time rule: 2026年3月5日 10:30, the Shanghai wall clock.
    const [y, m, d] = shanghaiDay(1).split('-').map(Number);
    expect(sent[0].data.time2.value).toBe(`${y}年${m}月${d}日 10:30`);
    expect((await doc('booking_bookings', tomorrow.id)).remindedAt).toEqual(expect.any(Number));
    expect((await doc('booking_bookings', later.id)).remindedAt).toBeUndefined();
  });
});
