import { call, newRequestId, ok } from '../support/cloud';
import { userIdOf } from '../support/wish';
import { all, doc, newBookingCommunity, newService, outboxOf, residentOf, shanghaiDay, slotOf, where } from '../support/booking';

type Fail = { ok: false; code: string; message: string };

describe('races on one slot', () => {
  it('capacity 30, 300 concurrent bookings: exactly 30 booked, the rest waitlisted or refused, never two of one person', async () => {
    const started = Date.now();
    const c = await newBookingCommunity();
    const serviceId = await newService(c, { capacity: 30, waitlistMax: 10 });
    const slotId = slotOf(serviceId, shanghaiDay(1), '10:00');
    // 200 people; the first 100 of them try twice at once (double taps, two phones).
    const people = await all(200, () => residentOf(c));
    const ids = await all(200, (i) => userIdOf(people[i]));

    const t0 = Date.now();
    const results = await all(300, (i) => call('booking', { action: 'book', slotId, requestId: newRequestId() }, people[i % 200]));
    const elapsed = Date.now() - t0;
    const won = results.filter((r) => r.ok) as Array<{ ok: true; data: any }>;
    const lost = results.filter((r) => !r.ok) as Fail[];
    const booked = won.filter((r) => r.data.booking.status === 'booked');
    const waiting = won.filter((r) => r.data.booking.status === 'waitlisted');
    expect(booked).toHaveLength(30);
    expect(waiting).toHaveLength(10);
    expect(lost).toHaveLength(260);
    // Refused: full (waitlist too), or the person already holds a place in this slot.
    expect(lost.every((r) => (r.code === 'RESOURCE_EXHAUSTED' && /已约满/.test(r.message)) || (r.code === 'CONFLICT' && /请勿重复预约|候补名单/.test(r.message)))).toBe(true);
    expect(waiting.map((r) => r.data.booking.waitlistPosition).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // The database agrees: the slot's seats, the booking documents, one live booking per person.
    const slot = await doc('booking_slots', slotId);
    expect(slot.booked).toHaveLength(30);
    expect(slot.waitlist).toHaveLength(10);
    const holders = [...slot.booked, ...slot.waitlist].map((s: any) => s.userId);
    expect(new Set(holders).size).toBe(40);
    const bookings = await where('booking_bookings', { slotId });
    expect(bookings).toHaveLength(40);
    expect(bookings.filter((b) => b.status === 'booked')).toHaveLength(30);
    expect(new Set(bookings.map((b) => b.userId)).size).toBe(40);
    expect(new Set(bookings.map((b) => b.code)).size).toBe(40);
    for (const b of bookings) expect(ids).toContain(b.userId);
    expect(new Set(slot.booked.map((s: any) => s.id))).toEqual(new Set(bookings.filter((b) => b.status === 'booked').map((b) => b._id)));
    const events = await where('booking_events', { target: 'booking', targetId: { $in: bookings.map((b) => b._id) } } as any);
    expect(events).toHaveLength(40);

    // The slot strip shows it full, with the waitlist full too.
    const { days } = await ok('booking', { action: 'slots', serviceId, from: shanghaiDay(1), to: shanghaiDay(1) }, people[199]);
    expect(days[0].slots.find((s: any) => s.id === slotId)).toMatchObject({ capacity: 30, left: 0, waitlisted: 10, status: 'full' });
    const dupes = lost.filter((r) => r.code === 'CONFLICT').length;
    console.log(
      `[race] 300 concurrent bookings of one slot (capacity 30, waitlist 10) by 200 people (100 of them twice): ` +
        `${booked.length} booked, ${waiting.length} waitlisted, ${lost.length - dupes} refused as full, ${dupes} refused as a second booking of the same person; ${elapsed} ms (${Date.now() - started} ms with set-up)`,
    );
  });

  it('concurrent cancels promote the waitlist once each, in order, and tell each promoted person once', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newService(c, { capacity: 5, waitlistMax: 5 });
    const slotId = slotOf(serviceId, shanghaiDay(2), '09:00');
    const people = await all(10, () => residentOf(c));
    // Book one after another so the order (and the waitlist order) is known.
    const bookings: any[] = [];
    for (const p of people) bookings.push((await ok('booking', { action: 'book', slotId }, p)).booking);
    expect(bookings.map((b) => b.status)).toEqual([...Array(5).fill('booked'), ...Array(5).fill('waitlisted')]);

    // Three holders cancel at once, and one of them taps twice: three promotions, never four.
    const cancels = await Promise.all([
      call('booking', { action: 'cancel', id: bookings[0].id }, people[0]),
      call('booking', { action: 'cancel', id: bookings[0].id }, people[0]),
      call('booking', { action: 'cancel', id: bookings[1].id }, people[1]),
      call('booking', { action: 'cancel', id: bookings[2].id }, people[2]),
    ]);
    expect(cancels.filter((r) => r.ok)).toHaveLength(3);
    expect(cancels.filter((r) => !r.ok && r.code === 'FAILED_PRECONDITION')).toHaveLength(1);

    const after = await Promise.all(bookings.map((b, i) => ok('booking', { action: 'detail', id: b.id }, people[i])));
    expect(after.map((a) => a.booking.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'booked', 'booked', 'booked', 'booked', 'booked', 'waitlisted', 'waitlisted']);
    expect(after[8].booking.waitlistPosition).toBe(1);
    expect(after[9].booking.waitlistPosition).toBe(2);
    expect(after[5].booking.timeline.map((e: any) => [e.from, e.to, e.by])).toEqual([
      [null, 'waitlisted', expect.stringMatching(/^居民 /)],
      ['waitlisted', 'booked', '系统'],
    ]);
    const slot = await doc('booking_slots', slotId);
    expect(slot.booked).toHaveLength(5);
    expect(slot.waitlist.map((s: any) => s.id)).toEqual([bookings[8].id, bookings[9].id]);
    for (const i of [5, 6, 7]) expect(await outboxOf(people[i], 'tmpl-booking-promoted')).toHaveLength(1);
    for (const i of [3, 4, 8, 9]) expect(await outboxOf(people[i], 'tmpl-booking-promoted')).toHaveLength(0);

    // A replayed cancel (same requestId) returns the first answer and promotes no one again.
    const requestId = newRequestId();
    const first = await ok('booking', { action: 'cancel', id: bookings[3].id, requestId }, people[3]);
    const again = await ok('booking', { action: 'cancel', id: bookings[3].id, requestId }, people[3]);
    expect(again.booking.status).toBe(first.booking.status);
    expect((await doc('booking_slots', slotId)).waitlist.map((s: any) => s.id)).toEqual([bookings[9].id]);
    expect(await outboxOf(people[8], 'tmpl-booking-promoted')).toHaveLength(1);
    expect(await outboxOf(people[9], 'tmpl-booking-promoted')).toHaveLength(0);
  });
});
