import { randomBytes } from 'node:crypto';
import { ok, sdk, uniqueOpenid } from './cloud';
import { newCommunity, type TestCommunity } from './map';

/** A community of the test's own with a co-building unit, so figures and counts are the test's alone. */
export interface PartyCommunity extends TestCommunity {
  unitId: string;
}

export async function partyCommunity(): Promise<PartyCommunity> {
  const c = await newCommunity();
  const unitId = `unit_p${randomBytes(4).toString('hex')}`;
  await sdk().database().collection('units').doc(unitId).set({ communityId: c.id, name: '常州供电公司', kind: '国企' });
  return { ...c, unitId };
}

let phones = Number.parseInt(randomBytes(3).toString('hex'), 16);
export const nextPhone = () => `137${String(++phones % 1e8).padStart(8, '0')}`;

/** Someone who lives in the community, named. */
export async function residentIn(c: TestCommunity, name = '王建国'): Promise<string> {
  const openid = uniqueOpenid('pty');
  await ok('user', { action: 'login', scene: `c=${c.code}` }, openid);
  await ok('user', { action: 'updateProfile', displayName: name }, openid);
  return openid;
}

export const memberForm = (extra: Record<string, unknown> = {}) => ({
  action: 'register',
  kind: 'member',
  branch: '东台市供电公司第一党支部',
  workUnit: '国网东台市供电公司',
  phone: nextPhone(),
  posts: ['平安巡逻', '助老服务'],
  ...extra,
});

/** A party member whose 双报到 staff have confirmed: their openid and registration id. */
export async function partyMember(c: TestCommunity, name = '李卫东'): Promise<{ openid: string; registrationId: string; userId: string }> {
  const openid = await residentIn(c, name);
  const { registration } = await ok('party', memberForm(), openid);
  await ok('party', { action: 'confirm', id: registration.id }, c.admin);
  const { me } = await ok('user', { action: 'me' }, openid);
  return { openid, registrationId: registration.id, userId: me.id };
}

/** A call-out by the community's staff that began an hour ago and ends in an hour. */
export async function openCallout(c: TestCommunity, needed = 5, extra: Record<string, unknown> = {}): Promise<string> {
  const now = Date.now();
  const { callout } = await ok('party', { action: 'callout', title: '夜间平安巡逻', place: '幸福小区北门', start: now - 3600_000, end: now + 3600_000, needed, posts: ['平安巡逻'], urgency: 'urgent', ...extra }, c.admin);
  return callout.id;
}

/** A courier (快递员/外卖骑手) whose 备案 staff confirmed: a part-time grid worker of the community's grid. */
export async function partTimeWorker(c: TestCommunity, name = '赵快递'): Promise<{ openid: string; userId: string }> {
  const openid = await residentIn(c, name);
  const { registration } = await ok('party', { action: 'register', kind: 'courier', workUnit: '美团外卖', phone: nextPhone(), gridId: c.gridId }, openid);
  await ok('party', { action: 'confirm', id: registration.id }, c.admin);
  const { me } = await ok('user', { action: 'me' }, openid);
  return { openid, userId: me.id };
}

/** Makes someone of the community a 红色代办员: their party member's registration holds the post, and staff confirm it. */
export async function takeAgentPost(openid: string, staff: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { registration } = await ok('party', memberForm({ posts: ['红色代办员', '助老服务'], ...extra }), openid);
  await ok('party', { action: 'confirm', id: registration.id }, staff);
  return registration.id;
}

/** The person checks in on site with the code staff show (they answered 报到 before). */
export async function checkInOnSite(c: TestCommunity, calloutId: string, openid: string): Promise<void> {
  const { site } = await ok('party', { action: 'responses', id: calloutId }, c.admin);
  await ok('party', { action: 'checkIn', id: calloutId, code: site.code }, openid);
}
