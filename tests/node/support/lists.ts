import { randomBytes } from 'node:crypto';
import { call, cloudUrl, ok, sdk, uniqueOpenid } from './cloud';
import { newCommunity, type TestCommunity } from './map';
import { userIdOf } from './wish';
import { LISTS_NOTICES, configureNotices } from './notices';

/** A community of its own with every role the lists speak of, so a test knows exactly what it holds. */
export interface ListsCommunity extends TestCommunity {
  /** The grid worker of `gridId` (网格员), as an openid that can call functions. */
  workerOpenid: string;
  workerId: string;
  /** A second grid with no worker. */
  grid2: string;
  staff: string;
  staffId: string;
  volunteer: string;
  volunteerId: string;
  unitId: string;
  unitMember: string;
  unitMemberId: string;
  residentId: string;
}

/** Adds a grant (with a grid or unit) by direct write, as deployment and invites do. */
export async function grantWith(openid: string, g: { role: string; communityId: string; gridId?: string; unitId?: string }): Promise<string> {
  const userId = await userIdOf(openid);
  const db = sdk().database();
  const res = await db.collection('users').doc(userId).get();
  const grants = [...(res.data[0].grants ?? []), { ...g, grantedBy: 'test', grantedAt: Date.now() }];
  await db.collection('users').doc(userId).update({ grants });
  return userId;
}

export async function newListsCommunity(): Promise<ListsCommunity> {
  const c = await newCommunity();
  const db = sdk().database();
  const hex = c.id.slice(3);
  const workerOpenid = `tw-${hex}`;
  const workerId = `u_tw${hex}`;
  await db.collection('user_openids').doc(workerOpenid).set({ userId: workerId, createdAt: Date.now() });
  const grid2 = `g_u${hex}`;
  await db.collection('grids').doc(grid2).set({ communityId: c.id, code: 'g2', name: '第二网格', buildings: ['3幢'] });
  const unitId = `unit_t${hex}`;
  await db.collection('units').doc(unitId).set({ communityId: c.id, name: '测试供电所', kind: '企业' });
  const join = async (prefix: string, grant?: { role: string; gridId?: string; unitId?: string }) => {
    const openid = uniqueOpenid(prefix);
    await ok('user', { action: 'login', scene: `c=${c.code}&g=g1` }, openid);
    const id = grant ? await grantWith(openid, { ...grant, communityId: c.id }) : await userIdOf(openid);
    return { openid, id };
  };
  const [staff, volunteer, unitMember] = await Promise.all([join('lstf', { role: 'staff' }), join('lvol', { role: 'volunteer' }), join('lunit', { role: 'unit_member', unitId })]);
  // The resident of newCommunity joined without a grid; give them the first grid as their home.
  const residentId = await userIdOf(c.resident);
  await db.collection('users').doc(residentId).update({ gridId: c.gridId });
  await configureNotices(c.admin, LISTS_NOTICES);
  return {
    ...c,
    workerOpenid,
    workerId,
    grid2,
    staff: staff.openid,
    staffId: staff.id,
    volunteer: volunteer.openid,
    volunteerId: volunteer.id,
    unitId,
    unitMember: unitMember.openid,
    unitMemberId: unitMember.id,
    residentId,
  };
}

/** The raw envelope, loosely typed so a test can read `code` without narrowing first. */
export const lists = (event: Record<string, unknown>, openid?: string): Promise<any> => call('lists', event, openid);
export const listsOk = <T = any>(event: Record<string, unknown>, openid?: string) => ok<T>('lists', event, openid);

/** Fires a timer trigger of the lists function on the local cloud, as the scheduler would. */
export async function fireTimer(name: 'syncWishes' | 'runMatchJobs' | 'watchDeadlines' | 'tellStaff'): Promise<any> {
  const res = await fetch(`${cloudUrl()}/timers/lists/${name}`, { method: 'POST' });
  const body: any = await res.json();
  if (res.status !== 200) throw new Error(`timer ${name}: ${JSON.stringify(body)}`);
  return body.result;
}

/** Moves a ticket's clock, as if time had passed (tests cannot wait days). */
export async function patchDoc(coll: string, id: string, patch: Record<string, unknown>): Promise<void> {
  await sdk().database().collection(coll).doc(id).update(patch);
}

export async function getDoc<T = any>(coll: string, id: string): Promise<T | undefined> {
  const res = await sdk().database().collection(coll).doc(id).get();
  return res.data[0] as T | undefined;
}

/** Subscribe messages sent to one person with one template. */
export async function outboxOf(openid: string, template: string): Promise<any[]> {
  const res = await sdk().database().collection('outbox').where({ touser: openid, template_id: template }).limit(1000).get();
  return res.data;
}

/** Every document the lists write for one community (and the lists' idempotency records). */
export async function snapshotLists(communityId: string, userIds: string[] = []): Promise<Record<string, unknown[]>> {
  const db = sdk().database();
  const colls = ['needs', 'resources', 'projects', 'tickets', 'list_events', 'resource_usage', 'match_jobs', 'match_results', 'match_decisions', 'points_entries', 'points_accounts'];
  const out: Record<string, unknown[]> = {};
  await Promise.all(
    colls.map(async (coll) => {
      const res = await db.collection(coll).where({ communityId }).orderBy('_id', 'asc').limit(1000).get();
      out[coll] = res.data;
    }),
  );
  const state = await db.collection('lists_state').doc(communityId).get();
  out.lists_state = state.data;
  const req = await db
    .collection('requests')
    .where({ _id: db.RegExp({ regexp: `^lists\\.[A-Za-z]+\\.(${userIds.length ? userIds.join('|') : 'none'})\\.` }) })
    .orderBy('_id', 'asc')
    .limit(1000)
    .get();
  out.requests = req.data;
  return out;
}

export const rid = () => `req-${randomBytes(8).toString('hex')}`;
