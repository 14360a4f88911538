import type { BookingStatus, ErrandStatus, SignupStatus } from '../../typings/booking';
import { findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import type { UserDoc } from '../user/model';
import { DELETED_NAME } from '../user/forget';
import { recordEvent } from './context';
import { ACTIVITIES, ActivityDoc, BOOKINGS, BookingDoc, ERRANDS, ErrandDoc, SERVICES, SIGNUPS, SLOTS, ServiceDoc, SignupDoc, SlotDoc } from './model';
import { Promoted, tellPromoted } from './notices';
import { emptySeats, release } from './seats';
import { moveUp } from './waitlist';

/*
 * A person's bookings, sign-ups and errands when they see their data or delete their account.
 * Seats are given back through `release` (the waitlist moves up, as on any cancel) and every
 * change is an event: who, when, from, to, why.
 */

const MAX = 100;
const WHY = '本人注销账号';

export async function bookingsOf(userId: string): Promise<{ bookings: BookingDoc[]; signups: SignupDoc[]; errands: ErrandDoc[] }> {
  const [bookings, signups, errands] = await Promise.all([
    findMany<BookingDoc>(BOOKINGS, { userId }, { orderBy: [['start', 'desc']], limit: MAX }),
    findMany<SignupDoc>(SIGNUPS, { userId }, { orderBy: [['start', 'desc']], limit: MAX }),
    findMany<ErrandDoc>(ERRANDS, { requesterId: userId }, { orderBy: [['updatedAt', 'desc']], limit: MAX }),
  ]);
  return { bookings, signups, errands };
}

const LIVE_BOOKING: BookingStatus[] = ['booked', 'waitlisted'];
const LIVE_SIGNUP: SignupStatus[] = ['signed_up', 'waitlisted'];
const OPEN_ERRAND: ErrandStatus[] = ['submitted', 'accepted'];

/**
 * Cancels what has not happened yet (whatever the usual cut-off: the person is leaving) and takes
 * the name off the rest; errands also lose their address and phone. One transaction per document,
 * each re-read inside it, so running this again finds nothing left to do.
 */
export async function leaveBookings(user: UserDoc, at: number): Promise<{ bookings: number; errands: number }> {
  let bookings = 0;
  let errands = 0;
  const promoted: Promoted[] = [];
  for (;;) {
    const rows = await findMany<BookingDoc>(BOOKINGS, { userId: user._id, userName: { $ne: DELETED_NAME } }, { limit: MAX });
    for (const row of rows) {
      const done = await transact((tx) => forgetBooking(tx, row._id, user, at));
      if (done.cancelled) bookings++;
      promoted.push(...done.promoted);
    }
    if (rows.length < MAX) break;
  }
  for (;;) {
    const rows = await findMany<SignupDoc>(SIGNUPS, { userId: user._id, userName: { $ne: DELETED_NAME } }, { limit: MAX });
    for (const row of rows) {
      const done = await transact((tx) => forgetSignup(tx, row._id, user, at));
      if (done.cancelled) bookings++;
      promoted.push(...done.promoted);
    }
    if (rows.length < MAX) break;
  }
  for (;;) {
    const rows = await findMany<ErrandDoc>(ERRANDS, { requesterId: user._id, requesterName: { $ne: DELETED_NAME } }, { limit: MAX });
    for (const row of rows) if (await transact((tx) => forgetErrand(tx, row._id, user, at))) errands++;
    if (rows.length < MAX) break;
  }
  await tellPromoted(promoted);
  return { bookings, errands };
}

type Outcome = { cancelled: boolean; promoted: Promoted[] };

async function forgetBooking(tx: DocStore, id: string, user: UserDoc, at: number): Promise<Outcome> {
  const b = await tx.get<BookingDoc>(BOOKINGS, id);
  if (!b || b.userId !== user._id || b.userName === DELETED_NAME) return { cancelled: false, promoted: [] };
  const { note: _note, ...rest } = b;
  const cancel = LIVE_BOOKING.includes(b.status) && at < b.end;
  if (!cancel) {
    await tx.set(BOOKINGS, id, { ...rest, userName: DELETED_NAME, updatedAt: at });
    return { cancelled: false, promoted: [] };
  }
  const slot = await tx.get<SlotDoc>(SLOTS, b.slotId);
  const s = await tx.get<ServiceDoc>(SERVICES, b.serviceId);
  // No one moves up into a slot that has already begun.
  const capacity = at < b.start ? (s?.appointment?.capacity ?? 0) : 0;
  const { seats, promoted } = release(slot ?? emptySeats(), b._id, capacity);
  if (slot) await tx.set(SLOTS, slot._id, { ...slot, ...seats, updatedAt: at });
  await tx.set(BOOKINGS, id, { ...rest, userName: DELETED_NAME, status: 'cancelled', updatedAt: at });
  await recordEvent(tx, { communityId: b.communityId, target: 'booking', targetId: id, from: b.status, to: 'cancelled', actor: user, at, why: WHY });
  return { cancelled: true, promoted: await moveUp(tx, promoted, at, 'booking') };
}

async function forgetSignup(tx: DocStore, id: string, user: UserDoc, at: number): Promise<Outcome> {
  const s = await tx.get<SignupDoc>(SIGNUPS, id);
  if (!s || s.userId !== user._id || s.userName === DELETED_NAME) return { cancelled: false, promoted: [] };
  const cancel = LIVE_SIGNUP.includes(s.status) && at < s.end;
  if (!cancel) {
    await tx.set(SIGNUPS, id, { ...s, userName: DELETED_NAME, updatedAt: at });
    return { cancelled: false, promoted: [] };
  }
  const a = await tx.get<ActivityDoc>(ACTIVITIES, s.activityId);
  const capacity = a && a.status === 'published' && at < a.start ? a.capacity : 0;
  const { seats, promoted } = release(a ?? emptySeats(), s._id, capacity);
  if (a) await tx.set(ACTIVITIES, a._id, { ...a, ...seats, updatedAt: at });
  await tx.set(SIGNUPS, id, { ...s, userName: DELETED_NAME, status: 'cancelled', updatedAt: at });
  await recordEvent(tx, { communityId: s.communityId, target: 'signup', targetId: id, from: s.status, to: 'cancelled', actor: user, at, why: WHY });
  return { cancelled: true, promoted: await moveUp(tx, promoted, at, 'signup') };
}

async function forgetErrand(tx: DocStore, id: string, user: UserDoc, at: number): Promise<boolean> {
  const e = await tx.get<ErrandDoc>(ERRANDS, id);
  if (!e || e.requesterId !== user._id || e.requesterName === DELETED_NAME) return false;
  const { address: _address, contactPhone: _phone, ...rest } = e;
  const cancel = OPEN_ERRAND.includes(e.status);
  const next: ErrandDoc = { ...rest, requesterName: DELETED_NAME, ...(cancel ? { status: 'cancelled' } : {}), updatedAt: at };
  await tx.set(ERRANDS, id, next);
  await recordEvent(tx, {
    communityId: e.communityId,
    target: 'errand',
    targetId: id,
    from: e.status,
    to: next.status,
    actor: user,
    at,
    why: cancel ? `${WHY}，代办取消，地址和电话已清除` : `${WHY}，地址和电话已清除`,
  });
  return cancel;
}
