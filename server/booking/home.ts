import type { HomeActivity, HomeTodo } from '../../typings/user';
import { addDays, dayjs, localDate, ZONE } from '../core/time';
import type { SideRead } from '../platform/aggregate';
import type { DocData } from '../platform/store';
import type { Member } from '../user/caller';
import { ACTIVITIES, type ActivityDoc, BOOKINGS, type BookingDoc, SIGNUPS, type SignupDoc } from './model';

/*
 * What 首页 shows of bookings and activities: the caller's booking today or tomorrow with its
 * code, the activities they signed up for, and the community's next activities.
 */

/** Midnight after tomorrow in Shanghai: bookings before it are today's or tomorrow's. */
const afterTomorrow = (now: number) => dayjs.tz(addDays(localDate(now), 2), 'YYYY-MM-DD', ZONE).valueOf();

export function bookingHomeReads(user: Member, now: number) {
  return {
    bookings: { from: BOOKINGS, where: { userId: user._id, status: 'booked', end: { $gt: now }, start: { $lt: afterTomorrow(now) } }, orderBy: [['start', 'asc']], limit: 3 },
    signups: { from: SIGNUPS, where: { userId: user._id, status: { $in: ['signed_up', 'waitlisted'] }, end: { $gt: now } }, orderBy: [['start', 'asc']], limit: 3 },
    activities: { from: ACTIVITIES, where: { communityId: user.communityId, status: 'published', start: { $gt: now } }, orderBy: [['start', 'asc']], limit: 3 },
  } satisfies Record<string, SideRead>;
}

export function bookingTodos(bookings: DocData[], signups: DocData[]): HomeTodo[] {
  return [
    ...(bookings as unknown as BookingDoc[]).map((b): HomeTodo => ({ kind: 'booking', id: b._id, title: b.serviceName, at: b.start, place: b.placeName, code: b.code })),
    ...(signups as unknown as SignupDoc[]).map((s): HomeTodo => ({ kind: 'activity', id: s._id, title: s.title, at: s.start, place: s.placeName })),
  ];
}

export function nextActivities(rows: DocData[]): HomeActivity[] {
  return (rows as unknown as ActivityDoc[]).map((a) => ({ id: a._id, title: a.title, placeName: a.placeName, start: a.start, volunteersOnly: a.audience === 'volunteers' }));
}
