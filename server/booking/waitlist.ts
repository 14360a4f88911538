import type { DocStore } from '../platform/store';
import { SYSTEM, recordEvent } from './context';
import { BOOKINGS, SIGNUPS, type BookingDoc, type SignupDoc } from './model';
import type { Promoted } from './notices';
import type { Seat } from './seats';

/**
 * The people who move up from the waitlist into the seats a cancel gave back (a booking's slot or
 * an activity's sign-ups), in the cancel's transaction; the caller tells them.
 */
export async function moveUp(tx: DocStore, seats: Seat[], at: number, kind: 'booking' | 'signup'): Promise<Promoted[]> {
  const out: Promoted[] = [];
  for (const seat of seats) {
    if (kind === 'booking') {
      const b = await tx.get<BookingDoc>(BOOKINGS, seat.id);
      if (!b || b.status !== 'waitlisted') continue;
      await tx.set(BOOKINGS, b._id, { ...b, status: 'booked', updatedAt: at });
      await recordEvent(tx, { communityId: b.communityId, target: 'booking', targetId: b._id, from: 'waitlisted', to: 'booked', actor: SYSTEM, at, why: '有人取消预约，候补递补成功' });
      out.push({ userId: b.userId, id: b._id, title: b.serviceName, start: b.start, end: b.end });
    } else {
      const s = await tx.get<SignupDoc>(SIGNUPS, seat.id);
      if (!s || s.status !== 'waitlisted') continue;
      await tx.set(SIGNUPS, s._id, { ...s, status: 'signed_up', updatedAt: at });
      await recordEvent(tx, { communityId: s.communityId, target: 'signup', targetId: s._id, from: 'waitlisted', to: 'signed_up', actor: SYSTEM, at, why: '有人取消报名，候补递补成功' });
      out.push({ userId: s.userId, id: s._id, title: s.title, start: s.start, end: s.end });
    }
  }
  return out;
}
