import type { Activity, ActivityPhase, Booking, Errand, ErrandPermission, HistoryEvent, Service, Signup } from '../../typings/booking';
import { maskName, maskPhone, nameAs } from '../core/mask';
import { grantFor, type UserDoc } from '../user/model';
import type { PlaceDoc } from '../map/model';
import { activityQr, personalQr } from './codes';
import { isStaff, type Member } from './context';
import { ActivityDoc, BookingDoc, ErrandDoc, EventDoc, ServiceDoc, SignupDoc } from './model';
import { positionOf, type Seats } from './seats';
import { hoursNote, spanLabel, timeRange } from './timetable';
import { MINUTE_MS } from '../core/time';
import { taskContact } from '../user/contact';

export function toEvent(e: EventDoc): HistoryEvent {
  return { at: e.at, from: e.from, to: e.to, by: e.byLabel, ...(e.why ? { why: e.why } : {}) };
}

export function toService(s: ServiceDoc, place: Pick<PlaceDoc, 'name' | 'address'> | undefined, viewer: Member): Service {
  return {
    id: s._id,
    kind: s.kind,
    name: s.name,
    description: s.description,
    placeId: s.placeId,
    placeName: place?.name ?? '',
    placeAddress: place?.address ?? '',
    status: s.status,
    appointment: s.kind === 'appointment' ? s.appointment : undefined,
    hoursNote: s.kind === 'appointment' && s.appointment ? hoursNote(s.appointment.hours) : undefined,
    ...(isStaff(viewer) && s.pausedReason ? { pausedReason: s.pausedReason } : {}),
    updatedAt: s.updatedAt,
  };
}

/** 120 → '2小时', 90 → '90分钟' */
export function cutoffLabel(minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`;
}

/** The holder may cancel a booking until the cut-off, a place in the waitlist until the start. */
export function cancelDeadline(b: Pick<BookingDoc, 'status' | 'start' | 'cancelCutoffMinutes'>): number {
  return b.status === 'waitlisted' ? b.start : b.start - b.cancelCutoffMinutes * MINUTE_MS;
}

/** Staff of the thing's community: they read residents' and colleagues' names in full. */
const staffOf = (viewer: UserDoc, communityId: string) => isStaff(viewer) && viewer.communityId === communityId;

export function toBooking(b: BookingDoc, viewer: UserDoc, now: number, extra: { slot?: Seats | null; events?: EventDoc[] } = {}): Booking {
  const mine = b.userId === viewer._id;
  const live = b.status === 'booked' || b.status === 'waitlisted';
  const cancelBefore = cancelDeadline(b);
  const showCode = mine && b.status === 'booked' && now < b.end;
  return {
    id: b._id,
    serviceId: b.serviceId,
    serviceName: b.serviceName,
    placeId: b.placeId,
    placeName: b.placeName,
    placeAddress: b.placeAddress,
    date: b.date,
    start: b.start,
    end: b.end,
    time: timeRange(b.start, b.end),
    status: b.status,
    ...(b.status === 'waitlisted' && extra.slot ? { waitlistPosition: positionOf(extra.slot, b._id) } : {}),
    ...(showCode ? { code: b.code, qr: personalQr(b.code) } : {}),
    canCancel: mine && live && now < cancelBefore,
    cancelBefore,
    checkedInAt: b.checkedInAt,
    ...(b.note ? { note: b.note } : {}),
    who: nameAs(staffOf(viewer, b.communityId), b.userName),
    createdAt: b.createdAt,
    ...(extra.events ? { timeline: extra.events.map(toEvent) } : {}),
  };
}

export function phaseOf(a: Pick<ActivityDoc, 'start' | 'end'>, now: number): ActivityPhase {
  return now < a.start ? 'upcoming' : now < a.end ? 'ongoing' : 'ended';
}

export function toActivity(a: ActivityDoc, viewer: Member, now: number, mySignup?: Pick<SignupDoc, '_id' | 'status'> | null): Activity {
  return {
    id: a._id,
    title: a.title,
    category: a.category,
    description: a.description,
    placeId: a.placeId,
    placeName: a.placeName,
    address: a.address,
    start: a.start,
    end: a.end,
    when: spanLabel(a.start, a.end),
    capacity: a.capacity,
    signedUp: a.booked.length,
    left: Math.max(0, a.capacity - a.booked.length),
    waitlisted: a.waitlist.length,
    audience: a.audience,
    status: a.status,
    phase: phaseOf(a, now),
    ...(a.cancelledReason ? { cancelledReason: a.cancelledReason } : {}),
    ...(mySignup ? { mySignup: { id: mySignup._id, status: mySignup.status } } : {}),
    ...(isStaff(viewer) && viewer.communityId === a.communityId && a.status === 'published' ? { checkInQr: activityQr(a._id, a.key) } : {}),
  };
}

export function signupCancelDeadline(s: Pick<SignupDoc, 'status' | 'start' | 'cancelCutoffMinutes'>): number {
  return s.status === 'waitlisted' ? s.start : s.start - s.cancelCutoffMinutes * MINUTE_MS;
}

export function toSignup(s: SignupDoc, viewer: UserDoc, now: number, extra: { seats?: Seats | null; events?: EventDoc[] } = {}): Signup {
  const mine = s.userId === viewer._id;
  const live = s.status === 'signed_up' || s.status === 'waitlisted';
  const showCode = mine && (s.status === 'signed_up' || s.status === 'checked_in');
  return {
    id: s._id,
    activityId: s.activityId,
    title: s.title,
    category: s.category,
    placeName: s.placeName,
    start: s.start,
    end: s.end,
    when: spanLabel(s.start, s.end),
    status: s.status,
    ...(s.status === 'waitlisted' && extra.seats ? { waitlistPosition: positionOf(extra.seats, s._id) } : {}),
    ...(showCode ? { code: s.code, qr: personalQr(s.code) } : {}),
    canCancel: mine && live && now < signupCancelDeadline(s),
    checkInAt: s.checkInAt,
    checkOutAt: s.checkOutAt,
    minutes: s.minutes,
    pointsAwarded: s.pointsAwarded,
    who: nameAs(staffOf(viewer, s.communityId), s.userName),
    createdAt: s.createdAt,
    ...(extra.events ? { timeline: extra.events.map(toEvent) } : {}),
  };
}

/** A grid worker's own grid, if the viewer is one. */
export function workerGrid(user: Member): string | undefined {
  return grantFor(user, 'grid_worker')?.gridId;
}

/** Staff of the community, or the grid worker of the requester's grid. */
export function mayHandle(user: Member, e: ErrandDoc): boolean {
  if (user.communityId !== e.communityId) return false;
  if (isStaff(user)) return true;
  const grid = workerGrid(user);
  return !!grid && grid === e.gridId;
}

/** Who may see an errand at all: the requester, its handlers and the assigned worker. */
export function maySeeErrand(user: Member, e: ErrandDoc): boolean {
  return e.requesterId === user._id || e.assigneeId === user._id || mayHandle(user, e);
}

export function errandPermissions(user: Member, e: ErrandDoc): ErrandPermission[] {
  const mine = e.requesterId === user._id;
  const assignee = e.assigneeId === user._id;
  const staff = isStaff(user) && user.communityId === e.communityId;
  const can: ErrandPermission[] = [];
  if (e.status === 'submitted' && mayHandle(user, e)) can.push('take');
  if (staff && (e.status === 'submitted' || e.status === 'accepted')) can.push('assign');
  if (e.status === 'accepted' && (assignee || staff)) can.push('note', 'done');
  if ((e.status === 'submitted' || e.status === 'accepted') && (mine || staff)) can.push('cancel');
  if (e.status === 'done' && mine) can.push('rate');
  return can;
}

/** The assigned worker while the errand is in hand: the one person who may reach the requester. */
export function reachesRequester(viewer: Member, e: ErrandDoc): boolean {
  return e.assigneeId === viewer._id && e.status === 'accepted';
}

export function toErrand(e: ErrandDoc, viewer: Member, extra: { gridName?: string; events?: EventDoc[] } = {}): Errand {
  const mine = e.requesterId === viewer._id;
  const assignedToMe = e.assigneeId === viewer._id;
  const staff = staffOf(viewer, e.communityId);
  const close = mine || assignedToMe || staff;
  const reach = reachesRequester(viewer, e);
  return {
    id: e._id,
    kind: e.kind,
    serviceId: e.serviceId,
    serviceName: e.serviceName,
    placeName: e.placeName,
    status: e.status,
    description: e.description,
    papers: e.papers,
    ...(e.window ? { window: e.window } : {}),
    ...(e.preferredTime ? { preferredTime: e.preferredTime } : {}),
    ...(close && e.address ? { address: e.address } : {}),
    ...(mine && e.contactPhone ? { contactPhone: e.contactPhone } : {}),
    ...(!mine && (assignedToMe || staff) && e.contactPhone ? { contactMasked: maskPhone(e.contactPhone) } : {}),
    ...(reach ? { contact: taskContact({ name: e.requesterName, phone: e.contactPhone, address: e.address, preferredTime: e.preferredTime }) } : {}),
    // Staff, and the worker in hand, act on the errand by the person's real name.
    requester: staff || reach ? e.requesterName : maskName(e.requesterName),
    ...(extra.gridName ? { gridName: extra.gridName } : {}),
    ...(e.assigneeName ? { assignee: nameAs(staff, e.assigneeName) } : {}),
    ...(e.result ? { result: e.result } : {}),
    ...(e.rating ? { rating: { stars: e.rating.stars, ...(e.rating.comment ? { comment: e.rating.comment } : {}) } } : {}),
    ...(close && e.minutes ? { minutes: e.minutes, pointsAwarded: e.pointsAwarded ?? 0 } : {}),
    mine,
    assignedToMe,
    can: errandPermissions(viewer, e),
    ...(e.hold ? { heldReason: e.hold.reason } : {}),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    ...(extra.events ? { timeline: extra.events.map(toEvent) } : {}),
  };
}
