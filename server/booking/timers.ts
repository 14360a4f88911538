import { localDate, addDays } from '../core/time';
import { findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { notify } from '../notify/outbox';
import { SYSTEM, recordEvent } from './context';
import { BOOKINGS, BookingDoc, EventTarget, SIGNUPS, SignupDoc } from './model';
import { detailPage } from './notices';

const BATCH = 100;

interface Lapse {
  coll: string;
  target: EventTarget;
  from: string;
  to: string;
  /** Which instant ends it: the end (not checked in) or the start (still waiting). */
  by: 'start' | 'end';
  why: string;
}

const LAPSES: Lapse[] = [
  { coll: BOOKINGS, target: 'booking', from: 'booked', to: 'no_show', by: 'end', why: '预约时段结束未签到' },
  { coll: BOOKINGS, target: 'booking', from: 'waitlisted', to: 'expired', by: 'start', why: '时段已开始，候补未能递补' },
  { coll: SIGNUPS, target: 'signup', from: 'signed_up', to: 'absent', by: 'end', why: '活动结束未签到' },
  { coll: SIGNUPS, target: 'signup', from: 'waitlisted', to: 'expired', by: 'start', why: '活动已开始，候补未能递补' },
];

type Timed = { _id: string; communityId: string; status: string; start: number; end: number };

/** One lapse, if it still applies; safe when two timer runs meet (the loser finds nothing to do). */
async function lapse(l: Lapse, id: string, now: number): Promise<boolean> {
  return transact(async (tx) => {
    const d = await tx.get<Timed>(l.coll, id);
    if (!d || d.status !== l.from || d[l.by] > now) return false;
    await tx.set(l.coll, id, { ...d, status: l.to, updatedAt: now });
    await recordEvent(tx, { communityId: d.communityId, target: l.target, targetId: id, from: l.from, to: l.to, actor: SYSTEM, at: now, why: l.why });
    return true;
  });
}

/**
 * Timer: after a slot ends, a booking never checked in becomes a no-show; once it starts, a place
 * still waiting lapses. The same for activity sign-ups.
 */
export async function markNoShows(now: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const l of LAPSES) {
    let n = 0;
    for (;;) {
      const rows = await findMany<Timed>(l.coll, { status: l.from, [l.by]: { $lte: now } }, { limit: BATCH });
      for (const d of rows) if (await lapse(l, d._id, now)) n++;
      if (rows.length < BATCH) break;
    }
    out[`${l.target}_${l.to}`] = n;
  }
  return out;
}

/** Marks a reminder as sent, once: two timer runs at once send it once. */
async function claimReminder(coll: string, id: string, status: string, now: number): Promise<boolean> {
  return transact(async (tx) => {
    const d = await tx.get<{ status: string; remindedAt?: number }>(coll, id);
    if (!d || d.status !== status || d.remindedAt) return false;
    await tx.set(coll, id, { ...d, remindedAt: now });
    return true;
  });
}

/** Timer: the day before, a reminder of each booking and activity into the subscribe-message outbox. */
export async function remindTomorrow(now: number): Promise<{ bookings: number; signups: number }> {
  const tomorrow = addDays(localDate(now), 1);
  let bookings = 0;
  let signups = 0;
  for (;;) {
    const rows = await findMany<BookingDoc>(BOOKINGS, { status: 'booked', date: tomorrow, remindedAt: { $exists: false } }, { limit: BATCH });
    for (const b of rows) {
      if (!(await claimReminder(BOOKINGS, b._id, 'booked', now))) continue;
      await notify(b.userId, 'bookingReminder', detailPage(b._id), { service: b.serviceName, start: b.start, place: b.placeName });
      bookings++;
    }
    if (rows.length < BATCH) break;
  }
  for (;;) {
    const rows = await findMany<SignupDoc>(SIGNUPS, { status: 'signed_up', date: tomorrow, remindedAt: { $exists: false } }, { limit: BATCH });
    for (const s of rows) {
      if (!(await claimReminder(SIGNUPS, s._id, 'signed_up', now))) continue;
      await notify(s.userId, 'activityReminder', detailPage(s._id), { title: s.title, start: s.start, place: s.placeName });
      signups++;
    }
    if (rows.length < BATCH) break;
  }
  return { bookings, signups };
}
