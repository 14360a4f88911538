/**
 * Booking set-ups for page tests, through the booking function (as staff would), and the booking
 * collections read straight from the local cloud. Every test gets a community of its own, so the
 * services, slots and people it counts are only its own while other files run.
 */
import { callFn, freshOpenid, meOf, okFn } from './backend';
import { newCommunity, type TestCommunity } from './community';
import { findDocs, getDoc, updateDoc } from './db';
import { addPlace } from './map';
import { recorded } from '../../setup/wx';

export const MIN = 60_000;
export const DAY = 24 * 3600_000;

/** Open round the clock, every day: hourly slots exist whenever the test runs. */
export const ALWAYS_HOURS = {
  week: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])),
  calendar: 'every_day',
};

export interface BookingCommunity extends TestCommunity {
  placeId: string;
  placeName: string;
  /** A grid worker of the community's (first) grid, where its residents live. */
  gridWorker: string;
}

export async function bookingCommunity(): Promise<BookingCommunity> {
  const c = await newCommunity();
  const placeName = '党群服务中心';
  const placeId = await addPlace(c, { name: placeName });
  const gridWorker = freshOpenid('gw');
  await okFn(gridWorker, 'user', { action: 'login', scene: `c=${c.code}&g=g1` });
  await okFn(gridWorker, 'user', { action: 'updateProfile', displayName: '周海燕' });
  const { invite } = await okFn(c.staff, 'user', { action: 'createInvite', role: 'grid_worker', gridId: `${c.id}_g1` });
  await okFn(gridWorker, 'user', { action: 'redeemInvite', code: invite.code });
  return { ...c, placeId, placeName, gridWorker };
}

/** An appointment service at the community's place, hourly round the clock unless told otherwise. */
export async function newService(c: BookingCommunity, appointment: Record<string, unknown> = {}, name = '社保咨询'): Promise<string> {
  const { service } = await okFn(c.staff, 'booking', {
    action: 'manageService',
    op: 'create',
    service: { kind: 'appointment', name, placeId: c.placeId, appointment: { durationMinutes: 60, capacity: 3, hours: ALWAYS_HOURS, ...appointment } },
  });
  return service.id;
}

export async function newErrandService(c: BookingCommunity, kind: 'proxy' | 'home_visit', name: string): Promise<string> {
  const { service } = await okFn(c.staff, 'booking', { action: 'manageService', op: 'create', service: { kind, name, placeId: c.placeId } });
  return service.id;
}

/** The Shanghai calendar day `n` days from now. */
export function shanghaiDay(n = 0, at = Date.now()): string {
  return new Date(at + 8 * 3600_000 + n * DAY).toISOString().slice(0, 10);
}

/** ISO weekday ('1' Monday … '7' Sunday) of a calendar day. */
export function weekdayOf(date: string): string {
  return String(((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
}

export const slotOf = (serviceId: string, date: string, hhmm: string) => `${serviceId}.${date}.${hhmm.replace(':', '')}`;

export async function bookAs(openid: string, slotId: string): Promise<any> {
  return (await okFn(openid, 'booking', { action: 'book', slotId })).booking;
}

export interface BookingRow {
  _id: string;
  userId: string;
  serviceId: string;
  slotId: string;
  date: string;
  start: number;
  end: number;
  status: string;
  code: string;
  checkedInAt?: number;
  cancelCutoffMinutes: number;
}

export const bookingRow = (id: string) => getDoc<BookingRow>('booking_bookings', id);
export const slotRow = (id: string) => getDoc<{ booked: Array<{ userId: string; id: string }>; waitlist: Array<{ userId: string; id: string }> }>('booking_slots', id);
export const bookingsOf = async (openid: string) => findDocs<BookingRow>('booking_bookings', { userId: (await meOf(openid)).id });
export const errandsOf = async (openid: string) => findDocs<any>('booking_errands', { requesterId: (await meOf(openid)).id });
export const signupsOf = async (openid: string) => findDocs<any>('booking_signups', { userId: (await meOf(openid)).id });
export const eventsOf = async (targetId: string) => (await findDocs<any>('booking_events', { targetId })).sort((a, b) => a.at - b.at);

/**
 * Moves a booking in time, as if its day had come (tests cannot wait for a slot). It stays on
 * today's schedule whatever the hour: near midnight, times an hour from now fall on another day.
 */
export async function moveBooking(id: string, start: number, end: number): Promise<void> {
  await updateDoc('booking_bookings', id, { start, end, date: shanghaiDay(0) });
}

/** Moves an activity and its sign-ups in time. */
export async function moveActivity(activityId: string, start: number, end: number): Promise<void> {
  await updateDoc('booking_activities', activityId, { start, end });
  for (const s of await findDocs<{ _id: string }>('booking_signups', { activityId })) await updateDoc('booking_signups', s._id, { start, end });
}

/** Requests the page sent for one action of the booking function. */
export function sentBooking(action: string): Record<string, any>[] {
  return recorded.requests
    .filter((r) => r.url.endsWith('/fn/booking'))
    .map((r) => r.data as Record<string, any>)
    .filter((d) => d?.action === action);
}

export async function callBooking(openid: string, event: Record<string, unknown>) {
  return callFn<{ ok: boolean; code?: string; message?: string; data?: any }>(openid, 'booking', event);
}
