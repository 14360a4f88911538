import { ok, sdk, uniqueOpenid } from './cloud';
import { createPlace, grant, newCommunity, offset, type TestCommunity } from './map';
import { userIdOf } from './wish';
import { BOOKING_NOTICES, configureNotices } from './notices';

/** Real parallel calls: the local cloud runs up to 4 instances of the function, so these contend. */
export const all = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

/** Open round the clock, every day: a slot exists at any hour the test runs. */
export const ALWAYS_HOURS = { week: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])), calendar: 'every_day' };

export const DAY = 24 * 3600_000;
export const MIN = 60_000;

export interface BookingCommunity extends TestCommunity {
  placeId: string;
  /** A staff member (not admin). */
  staff: string;
  /** A grid worker of the community's grid, and the resident lives in that grid. */
  gridWorker: string;
}

/**
 * A community of its own with one place, a staff member and a grid worker, so a test knows
 * exactly which services, bookings and people it holds while other files run at the same time.
 */
export async function newBookingCommunity(): Promise<BookingCommunity> {
  const c = await newCommunity();
  const placeId = await createPlace(c, '党群服务中心', offset(c.center, 100, 100));
  const staff = uniqueOpenid('bst');
  await ok('user', { action: 'login', scene: `c=${c.code}` }, staff);
  await grant(staff, 'staff', c.id);
  const gridWorker = uniqueOpenid('bgw');
  await ok('user', { action: 'login', scene: `c=${c.code}&g=g1` }, gridWorker);
  const { invite } = await ok('user', { action: 'createInvite', role: 'grid_worker', gridId: c.gridId }, c.admin);
  await ok('user', { action: 'redeemInvite', code: invite.code }, gridWorker);
  // The community's resident lives in the grid (the scene carries it).
  await ok('user', { action: 'bindCommunity', scene: `c=${c.code}&g=g1` }, c.resident);
  await configureNotices(c.admin, BOOKING_NOTICES);
  return { ...c, placeId, staff, gridWorker };
}

export async function residentOf(c: TestCommunity, grid = true): Promise<string> {
  const openid = uniqueOpenid('bres');
  await ok('user', { action: 'login', scene: grid ? `c=${c.code}&g=g1` : `c=${c.code}` }, openid);
  return openid;
}

export async function volunteerOf(c: TestCommunity): Promise<string> {
  const openid = await residentOf(c);
  const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, c.admin);
  await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
  return openid;
}

/** An appointment service, open round the clock unless told otherwise; returns its id. */
export async function newService(c: BookingCommunity, appointment: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<string> {
  const { service } = await ok(
    'booking',
    {
      action: 'manageService',
      op: 'create',
      service: { kind: 'appointment', name: '社保咨询', placeId: c.placeId, appointment: { durationMinutes: 30, capacity: 3, hours: ALWAYS_HOURS, ...appointment }, ...extra },
    },
    c.admin,
  );
  return service.id;
}

export async function newErrandService(c: BookingCommunity, kind: 'proxy' | 'home_visit', name = kind === 'proxy' ? '社保医保代办' : '上门帮办'): Promise<string> {
  const { service } = await ok('booking', { action: 'manageService', op: 'create', service: { kind, name, placeId: c.placeId } }, c.admin);
  return service.id;
}

/** The Shanghai calendar day `n` days from now. */
export function shanghaiDay(n = 0, at = Date.now()): string {
  return new Date(at + 8 * 3600_000 + n * DAY).toISOString().slice(0, 10);
}

export const slotOf = (serviceId: string, date: string, hhmm: string) => `${serviceId}.${date}.${hhmm.replace(':', '')}`;

export async function doc<T = any>(coll: string, id: string): Promise<T | undefined> {
  const res = await sdk().database().collection(coll).doc(id).get();
  return res.data[0] as T | undefined;
}

export async function where<T = any>(coll: string, query: Record<string, unknown>): Promise<T[]> {
  const res = await sdk().database().collection(coll).where(query).limit(1000).get();
  return res.data as T[];
}

/** Moves a document's clock, as if time had passed (tests cannot wait for a slot to come). */
export async function age(coll: string, id: string, patch: Record<string, unknown>): Promise<void> {
  await sdk().database().collection(coll).doc(id).update(patch);
}

export async function fireTimer(name: string): Promise<any> {
  const res = await fetch(`${process.env.HONGLIN_URL}/timers/booking/${name}`, { method: 'POST' });
  expect(res.status).toBe(200);
  return res.json();
}

export async function outboxOf(openid: string, template: string): Promise<any[]> {
  return where('outbox', { touser: openid, template_id: template });
}

const BOOKING_COLLECTIONS = [
  'booking_services',
  'booking_slots',
  'booking_bookings',
  'booking_codes',
  'booking_place_keys',
  'booking_errands',
  'booking_activities',
  'booking_signups',
  'booking_volunteers',
  'booking_events',
];

/**
 * Everything booking can write for one community (and the booking idempotency records of its
 * people, and the points of its people): other test files write the same collections at the same
 * time, so whole-collection snapshots would race. A refused call must change none of this.
 */
export async function snapshotBooking(c: TestCommunity, openids: string[]): Promise<Record<string, unknown[]>> {
  const db = sdk().database();
  const userIds = await Promise.all(openids.map((o) => userIdOf(o)));
  const out: Record<string, unknown[]> = {};
  await Promise.all(
    BOOKING_COLLECTIONS.map(async (coll) => {
      const res = await db.collection(coll).where({ communityId: c.id }).orderBy('_id', 'asc').limit(1000).get();
      out[coll] = res.data;
    }),
  );
  const _ = db.command;
  const [requests, entries, accounts, users] = await Promise.all([
    db.collection('requests').where({ _id: db.RegExp({ regexp: `^booking\\.[^.]+\\.(${userIds.join('|')})\\.` }) }).orderBy('_id', 'asc').limit(1000).get(),
    db.collection('points_entries').where({ userId: _.in(userIds) }).orderBy('_id', 'asc').limit(1000).get(),
    db.collection('points_accounts').where({ userId: _.in(userIds) }).orderBy('_id', 'asc').limit(1000).get(),
    db.collection('booking_volunteers').where({ _id: _.in(userIds) }).orderBy('_id', 'asc').limit(1000).get(),
  ]);
  out.requests = requests.data;
  out.points_entries = entries.data;
  out.points_accounts = accounts.data;
  out.volunteers_by_user = users.data;
  return out;
}
