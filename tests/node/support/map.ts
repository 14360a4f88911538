import { randomBytes } from 'node:crypto';
import { call, ok, sdk, uniqueOpenid } from './cloud';
import { userIdOf } from './wish';

/** Degrees per metre near 32°N, for placing test places at known distances. */
export const LAT_PER_M = 1 / 111_000;
export const LNG_PER_M = 1 / 93_600;

export interface TestCommunity {
  id: string;
  code: string;
  center: { lat: number; lng: number };
  /** Staff (admin) of this community. */
  admin: string;
  resident: string;
  gridId: string;
  worker: { name: string; phone: string };
}

/**
 * A community of its own, so a test knows exactly which places and people it holds while other
 * test files write to the demo community at the same time. Set up by direct writes (there is no
 * action that creates a community; admins are granted by deployment), then used through the
 * functions like any other.
 */
export async function newCommunity(center = { lat: 31.8106, lng: 119.9741 }): Promise<TestCommunity> {
  const db = sdk().database();
  const hex = randomBytes(4).toString('hex');
  const id = `c_t${hex}`;
  const code = `t${hex}`;
  const now = Date.now();
  await db.collection('communities').doc(id).set({
    code,
    name: `测试社区${hex}`,
    city: '江苏省常州市',
    district: '天宁区',
    street: '茶山街道',
    intro: '测试用社区',
    center: { type: 'Point', coordinates: [center.lng, center.lat] },
    createdAt: now,
  });
  const workerId = `u_tw${hex}`;
  const worker = { name: '欧阳春花', phone: `139${String(parseInt(hex, 16) % 1e8).padStart(8, '0')}` };
  await db.collection('users').doc(workerId).set({
    openid: `tw-${hex}`,
    displayName: worker.name,
    phone: worker.phone,
    communityId: id,
    grants: [{ role: 'grid_worker', communityId: id, gridId: `g_t${hex}`, grantedBy: 'test', grantedAt: now }],
    createdAt: now,
    updatedAt: now,
  });
  const gridId = `g_t${hex}`;
  await db.collection('grids').doc(gridId).set({ communityId: id, code: 'g1', name: '第一网格', buildings: ['1幢', '2幢'], workerId });

  const admin = uniqueOpenid('madm');
  await ok('user', { action: 'login', scene: `c=${code}` }, admin);
  await grant(admin, 'admin', id);
  const resident = uniqueOpenid('mres');
  await ok('user', { action: 'login', scene: `c=${code}` }, resident);
  return { id, code, center, admin, resident, gridId, worker };
}

/** Adds a role grant by direct write (as deployment grants admins). */
export async function grant(openid: string, role: string, communityId: string): Promise<void> {
  const userId = await userIdOf(openid);
  const db = sdk().database();
  const res = await db.collection('users').doc(userId).get();
  const grants = [...(res.data[0].grants ?? []), { role, communityId, grantedBy: 'test', grantedAt: Date.now() }];
  await db.collection('users').doc(userId).update({ grants });
}

/** A point `north` and `east` metres from `from`. */
export function offset(from: { lat: number; lng: number }, north: number, east: number) {
  return { lat: Number((from.lat + north * LAT_PER_M).toFixed(6)), lng: Number((from.lng + east * LNG_PER_M).toFixed(6)) };
}

export const OFFICE_HOURS = {
  week: Object.fromEntries(
    ['1', '2', '3', '4', '5'].map((d) => [
      d,
      [
        { from: '08:30', to: '12:00' },
        { from: '14:00', to: '17:30' },
      ],
    ]),
  ),
  calendar: 'working_days',
};

export const ALWAYS = { week: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])), calendar: 'every_day' };

export function placeInput(name: string, at: { lat: number; lng: number }, extra: Record<string, unknown> = {}) {
  return {
    name,
    category: '便民服务',
    address: `测试路${name.length}号`,
    location: at,
    hours: OFFICE_HOURS,
    services: ['代收快递', '小家电维修'],
    ...extra,
  };
}

/** Creates a place through managePlace as the community's staff; returns its id. */
export async function createPlace(c: TestCommunity, name: string, at: { lat: number; lng: number }, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call('map', { action: 'managePlace', op: 'create', place: placeInput(name, at, extra) }, c.admin);
  if (!res.ok) throw new Error(`create ${name}: ${res.code} ${res.message}`);
  return res.data.place.id;
}

/**
 * Like `snapshot()`, but only what the map can write for one community: its places, their audit
 * events and the map's idempotency records. Other test files write to the same collections at the
 * same time, so whole-collection snapshots would race; a refused call must change none of these.
 */
export async function snapshotMap(c: TestCommunity): Promise<Record<string, unknown[]>> {
  const db = sdk().database();
  const [places, events, requests] = await Promise.all([
    db.collection('places').where({ communityId: c.id }).orderBy('_id', 'asc').limit(1000).get(),
    db.collection('place_events').where({ communityId: c.id }).orderBy('_id', 'asc').limit(1000).get(),
    db.collection('requests').where({ _id: db.RegExp({ regexp: '^map\\.' }) }).orderBy('_id', 'asc').limit(1000).get(),
  ]);
  return { places: places.data, place_events: events.data, requests: requests.data };
}

/** A person of the community with a name of their own, and a role if given. */
export async function member(c: TestCommunity, name: string, role?: string): Promise<{ openid: string; id: string }> {
  const openid = uniqueOpenid('named');
  await ok('user', { action: 'login', scene: `c=${c.code}` }, openid);
  await ok('user', { action: 'updateProfile', displayName: name }, openid);
  if (role) await grant(openid, role, c.id);
  return { openid, id: await userIdOf(openid) };
}
