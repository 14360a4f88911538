import * as z from 'zod/mini';
import { BOOKING_STATUS_LABELS, type BookingStatus } from '../../typings/booking';
import { action } from '../core/define';
import { forbidden, invalid, notFound, precondition } from '../core/errors';
import { cursor, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { findWith, groupSum, readWith, type JoinRead } from '../platform/aggregate';
import { once, precheck, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { PLACES, PlaceDoc } from '../map/model';
import { shanghaiTime, type WorkCalendar } from '../core/calendar';
import { loadCalendar } from '../community/calendar';
import { freshCode } from './codes';
import { BookingCtx, Member, assertDesk, isDesk, isStaff, newId, recordEvent } from './context';
import { BOOKINGS, BookingDoc, CODES, CodeDoc, EVENTS, type EventDoc, SERVICES, SLOTS, ServiceDoc, SlotDoc } from './model';
import { emptySeats, heldBy, joinable, release, take } from './seats';
import { moveUp } from './waitlist';
import { date, id, requestId, slotIdInput, text } from './schemas';
import { bookableDays, findSlot, parseSlotId, type SlotTime } from './timetable';
import { cancelDeadline, cutoffLabel, toBooking } from './view';
import { cancelSignup } from './actions-activities';
import { loadService } from './actions-services';
import { tellPromoted } from './notices';

/** The slot of an active appointment service that may be booked now, or a clear refusal. */
function bookable(s: ServiceDoc, slotId: string, now: number, cal: WorkCalendar): SlotTime {
  if (s.kind !== 'appointment' || !s.appointment) throw precondition('该服务无需预约时段，请直接提交代办申请');
  if (s.status !== 'active') throw precondition(`该服务暂停预约${s.pausedReason ? `：${s.pausedReason}` : ''}`);
  const t = findSlot(s._id, s.appointment, slotId, cal);
  if (!t) throw notFound('该时段不开放预约，请重新选择');
  if (t.start <= now) throw precondition('该时段已开始，不能再预约');
  if (t.date > bookableDays(now, s.appointment.horizonDays).last) throw precondition(`只能预约今天起${s.appointment.horizonDays}天内的时段`);
  return t;
}

function freshSlot(s: ServiceDoc, t: SlotTime, now: number): SlotDoc {
  return { _id: t.id, communityId: s.communityId, serviceId: s._id, date: t.date, start: t.start, end: t.end, ...emptySeats(), updatedAt: now };
}

/**
 * A place in a slot, or in its waitlist when it is full. The slot's document holds its seats and
 * is read and written in the transaction, so the slot never goes over capacity and one person
 * never holds two places in it, however many book at once.
 */
export const book = action(z.object({ slotId: slotIdInput, note: z.optional(text('备注', 100)), requestId }), async function book(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  const { serviceId, date: day } = parseSlotId(input.slotId)!;
  const key = requestKey(user._id, 'booking', 'book', input.requestId);
  const dayStart = shanghaiTime(day, '00:00');
  const [service, cal] = await Promise.all([loadService(docs, serviceId, user), loadCalendar(user.communityId, dayStart, dayStart)]);
  // A full slot says so without a transaction (a rush on the last places stays cheap), unless
  // this is the replay of a request that already went through.
  await precheck(key, async () => {
    const t = bookable(service, input.slotId, ctx.now, cal);
    const slot = await docs.get<SlotDoc>(SLOTS, t.id);
    const a = service.appointment!;
    if (slot && (heldBy(slot, user._id) || !joinable(slot, a.capacity, a.waitlistMax))) take(slot, { userId: user._id, id: '' }, a.capacity, a.waitlistMax);
  });
  const place = await docs.get<PlaceDoc>(PLACES, service.placeId);
  const bookingId = await transact((tx) =>
    once(tx, key, async () => {
      const s = await loadService(tx, serviceId, user);
      const t = bookable(s, input.slotId, ctx.now, cal);
      const a = s.appointment!;
      const slot = (await tx.get<SlotDoc>(SLOTS, t.id)) ?? freshSlot(s, t, ctx.now);
      const id = newId('bk');
      const { seats, outcome } = take(slot, { userId: user._id, id }, a.capacity, a.waitlistMax);
      const code = await freshCode(tx);
      const booking: BookingDoc = {
        _id: id,
        communityId: s.communityId,
        serviceId: s._id,
        serviceName: s.name,
        placeId: s.placeId,
        placeName: place?.name ?? '',
        placeAddress: place?.address ?? '',
        slotId: t.id,
        date: t.date,
        start: t.start,
        end: t.end,
        cancelCutoffMinutes: a.cancelCutoffMinutes,
        userId: user._id,
        userName: user.displayName,
        status: outcome,
        code,
        ...(input.note ? { note: input.note } : {}),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const codeDoc: Omit<CodeDoc, '_id'> = { kind: 'booking', id, communityId: s.communityId, createdAt: ctx.now };
      await tx.set(SLOTS, slot._id, { ...slot, ...seats, updatedAt: ctx.now });
      await tx.set(BOOKINGS, id, booking);
      await tx.set(CODES, code, codeDoc);
      await recordEvent(tx, {
        communityId: s.communityId,
        target: 'booking',
        targetId: id,
        from: null,
        to: outcome,
        actor: user,
        at: ctx.now,
        why: outcome === 'waitlisted' ? '时段已约满，进入候补' : undefined,
      });
      return id;
    }),
  );
  const [booking, slot] = await Promise.all([docs.get<BookingDoc>(BOOKINGS, bookingId), docs.get<SlotDoc>(SLOTS, input.slotId)]);
  return { booking: toBooking(booking!, user, ctx.now, { slot }) };
});

/**
 * The holder cancels before the cut-off (a place in the waitlist, before the start); staff may
 * cancel anyone's with a reason. The freed seat goes to the first in the waitlist, in the same
 * transaction, and they are told.
 */
export async function cancelBooking(ctx: BookingCtx, user: Member, input: { id: string; reason?: string; requestId?: string }) {
  let fresh = false;
  const done = await transact((tx) =>
    once(tx, requestKey(user._id, 'booking', 'cancel', input.requestId), async () => {
      fresh = true;
      const b = await tx.get<BookingDoc>(BOOKINGS, input.id);
      if (!b || b.communityId !== user.communityId) throw notFound('预约不存在');
      const owner = b.userId === user._id;
      if (!owner && !isStaff(user)) throw forbidden('只能取消自己的预约');
      if (b.status !== 'booked' && b.status !== 'waitlisted') throw precondition(`该预约${BOOKING_STATUS_LABELS[b.status]}，不能取消`);
      if (owner && ctx.now >= cancelDeadline(b)) {
        throw precondition(b.status === 'waitlisted' ? '时段已开始，候补已结束' : `已过取消截止时间（开始前${cutoffLabel(b.cancelCutoffMinutes)}），如不能前来请联系社区`);
      }
      if (!owner && !input.reason) throw invalid('代为取消预约须填写原因');
      const slot = await tx.get<SlotDoc>(SLOTS, b.slotId);
      const s = await tx.get<ServiceDoc>(SERVICES, b.serviceId);
      // No one moves up into a slot that has already begun.
      const capacity = ctx.now < b.start ? (s?.appointment?.capacity ?? 0) : 0;
      const { seats, promoted } = release(slot ?? emptySeats(), b._id, capacity);
      if (slot) await tx.set(SLOTS, slot._id, { ...slot, ...seats, updatedAt: ctx.now });
      await tx.set(BOOKINGS, b._id, { ...b, status: 'cancelled', updatedAt: ctx.now });
      await recordEvent(tx, {
        communityId: b.communityId,
        target: 'booking',
        targetId: b._id,
        from: b.status,
        to: 'cancelled',
        actor: user,
        at: ctx.now,
        why: input.reason ?? '本人取消',
      });
      return { id: b._id, promoted: await moveUp(tx, promoted, ctx.now, 'booking') };
    }),
  );
  if (fresh) await tellPromoted(done.promoted);
  const b = await docs.get<BookingDoc>(BOOKINGS, done.id);
  return { booking: toBooking(b!, user, ctx.now) };
}

/** A booking (bk_…) or an activity sign-up (su_…). */
export const cancel = action(z.object({ id: id('预约编号'), reason: z.optional(text('取消原因', 200)), requestId }), async function cancel(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  if (input.id.startsWith('su_')) return cancelSignup(ctx, user, input);
  if (!input.id.startsWith('bk_')) throw notFound('预约不存在');
  return cancelBooking(ctx, user, input);
});

export async function slotsOf(bookings: BookingDoc[]): Promise<Map<string, SlotDoc>> {
  const ids = [...new Set(bookings.filter((b) => b.status === 'waitlisted').map((b) => b.slotId))];
  const rows = ids.length ? await findMany<SlotDoc>(SLOTS, { _id: { $in: ids } }, { limit: 100 }) : [];
  return new Map(rows.map((s) => [s._id, s]));
}

export async function bookingDetail(b: BookingDoc, viewer: Member, now: number) {
  if (b.communityId !== viewer.communityId || (b.userId !== viewer._id && !isDesk(viewer))) throw notFound('预约不存在');
  // Its slot and its history, joined beside the booking in one request.
  const got = await readWith(BOOKINGS, b._id, {
    slot: { from: SLOTS, localField: 'slotId', foreignField: '_id' },
    events: { from: EVENTS, where: { targetId: b._id }, orderBy: [['at', 'asc']], limit: 100 },
  });
  const slot = (got?.rows.slot[0] as unknown as SlotDoc | undefined) ?? null;
  return toBooking(b, viewer, now, { slot, events: (got?.rows.events ?? []) as unknown as EventDoc[] });
}

const SCHEDULE_STATUSES: BookingStatus[] = ['booked', 'waitlisted', 'checked_in', 'no_show'];
const SUMMARY = ['booked', 'checked_in', 'no_show', 'waitlisted', 'cancelled'] as const;

/** Staff and grid workers: the bookings of one day, in time order, with the day's counts. */
export const schedule = action(
  z.object({ date, serviceId: z.optional(id('服务编号')), placeId: z.optional(id('地点编号')), cursor }),
  async function schedule(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    assertDesk(user, '只有社区工作人员或网格员可以查看预约日程');
    const scope: Record<string, unknown> = { communityId: user.communityId, date: input.date };
    if (input.serviceId) scope.serviceId = input.serviceId;
    if (input.placeId) scope.placeId = input.placeId;
    const offset = offsetOf(input.cursor);
    // The day's page with each booking's slot (for a waiting place), and the counts by status: two requests.
    const [rows, groups] = await Promise.all([
      findWith<BookingDoc, { slot: JoinRead }>(BOOKINGS, { ...scope, status: { $in: SCHEDULE_STATUSES } }, { orderBy: [['start', 'asc'], ['createdAt', 'asc']], skip: offset, limit: PAGE_MAX + 1 }, { slot: { from: SLOTS, localField: 'slotId', foreignField: '_id' } }),
      groupSum(BOOKINGS, { match: { ...scope, status: { $in: [...SUMMARY] } }, by: 'status', sum: {} }),
    ]);
    const counts = new Map(groups.map((g) => [g._id, g.n]));
    return {
      ...pageOf(
        rows.map((r) => toBooking(r.doc, user, ctx.now, { slot: r.rows.slot[0] as unknown as SlotDoc | undefined })),
        offset,
        PAGE_MAX,
      ),
      summary: Object.fromEntries(SUMMARY.map((st) => [st, counts.get(st) ?? 0])) as Record<(typeof SUMMARY)[number], number>,
    };
  },
);
