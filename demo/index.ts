import type { Doc } from '../emulator/db/codec';
import type { Store } from '../emulator/db/store';
import { DEMO_COMMUNITY, DEMO_GRIDS, DEMO_UNITS, DEMO_USERS } from './community';
import { seedPlaces } from './places';
import { seedPoints } from './points';
import { seedBooking } from './booking';
import { seedBulletins } from './bulletins';
import { seedLists } from './lists';
import { seedCommunityNotices, seedNotices } from './notices';
import { seedProperty } from './property';

/** Writes the demo community once; a database that already has communities is left alone. */
export function seedDemo(store: Store, now = Date.now()): boolean {
  if (store.collection('communities').size > 0) return false;
  const c = DEMO_COMMUNITY._id;
  const writes: Array<{ coll: string; id: string; doc: Doc }> = [];
  const put = (coll: string, doc: Doc) => writes.push({ coll, id: doc._id, doc });
  put('communities', { ...DEMO_COMMUNITY, createdAt: now });
  for (const g of DEMO_GRIDS) {
    const worker = DEMO_USERS.find((u) => u.grants.some((x) => x.gridId === g._id));
    put('grids', { ...g, communityId: c, workerId: worker?._id });
  }
  for (const u of DEMO_UNITS) put('units', { ...u, communityId: c });
  seedPlaces(put, now);
  seedBooking(put, now);
  for (const u of DEMO_USERS) {
    put('user_openids', { _id: u.openid, userId: u._id, createdAt: now });
    put('users', {
      _id: u._id,
      openid: u.openid,
      displayName: u.displayName,
      phone: u.phone,
      communityId: c,
      gridId: u.gridId,
      grants: u.grants.map((g) => ({ ...g, communityId: c, grantedBy: 'seed', grantedAt: now })),
      createdAt: now,
      updatedAt: now,
    });
  }
  seedPoints(put, now);
  seedLists(put, now);
  seedProperty(put, now);
  seedNotices(put, now);
  seedCommunityNotices(put, now);
  seedBulletins(put, now);
  store.commit(writes);
  return true;
}

export const DEMO_OPENIDS = DEMO_USERS.map((u) => ({ openid: u.openid, name: u.displayName, roles: u.grants.map((g) => g.role) }));
