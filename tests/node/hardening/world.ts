import { randomInt } from 'node:crypto';
import { ok, sdk, uniqueOpenid } from '../support/cloud';
import { createPlace, grant, newCommunity, offset } from '../support/map';
import { ALWAYS_HOURS } from '../support/booking';
import { userIdOf } from '../support/wish';

export const CALLERS = ['anonymous', 'resident', 'volunteer', 'unit_member', 'grid_worker', 'staff', 'admin', 'other_staff'] as const;
export type Caller = (typeof CALLERS)[number];

type Role = Exclude<Caller, 'anonymous' | 'other_staff'>;

/** People of the matrix: one per role in the demo community, and the admin of another community. */
export interface World {
  openid: Record<Exclude<Caller, 'anonymous'>, string>;
  names: string[];
  otherCommunityCode: string;
  otherCommunityId: string;
  /** Where booking and the lists are walked: a community of the world's own. */
  home: Home;
}

/**
 * A community of the matrix's own for booking and the lists, whose services, bookings, tickets
 * and statistics no other test reads: one person per role, a grid worker who is the first grid's
 * worker, one of a second grid, a unit, a place with an appointment and a proxy service.
 */
export interface Home {
  id: string;
  code: string;
  /** Gives out invites and sets things up; not one of the matrix's callers. */
  keeper: string;
  gridId: string;
  grid2: string;
  unitId: string;
  placeId: string;
  appointment: string;
  proxy: string;
  openid: Record<Role, string>;
  /** A grid worker of the second grid. */
  otherGridWorker: string;
  /** A county officer (县(区)委包案干部) overseeing the home: sees only what it sends up to the county. */
  county: string;
}

const NAMES: Record<Role, string> = {
  resident: '矩阵居民甲',
  volunteer: '矩阵志愿者乙',
  unit_member: '矩阵单位丙',
  grid_worker: '矩阵网格丁',
  staff: '矩阵社工戊',
  admin: '矩阵管理己',
};

/**
 * Names and phones are numbered from a random start: other test files (fuzz, another matrix run)
 * make the same kinds of people in other processes, and the privacy scan needs them distinct.
 */
let made = randomInt(1_000_000) * 100;

/**
 * A new account holding one role, with a name and a phone no one else has: in the demo community,
 * or in a home of the matrix's own (with that home's grid and unit, invited by its keeper).
 */
export async function person(role: Role, home?: Home, gridId?: string): Promise<string> {
  const openid = uniqueOpenid(`m-${role}`);
  await ok('user', { action: 'login', scene: `c=${home?.code ?? 'beihai'}&g=g1` }, openid);
  await ok('user', { action: 'updateProfile', displayName: `${NAMES[role]}${++made}号`, phone: `137${String(made).padStart(8, '0')}` }, openid);
  if (role === 'admin') await grant(openid, 'admin', home?.id ?? 'c_beihai');
  else if (role !== 'resident') {
    const [grid, unit] = home ? [gridId ?? home.gridId, home.unitId] : ['g_beihai_4', 'unit_school'];
    const extra = role === 'grid_worker' ? { gridId: grid } : role === 'unit_member' ? { unitId: unit } : {};
    const inviter = home ? home.keeper : role === 'staff' ? 'demo-admin' : 'demo-staff';
    const { invite } = await ok('user', { action: 'createInvite', role, ...extra }, inviter);
    await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
  }
  return openid;
}

/** The home community with its people and services (see `Home`). */
export async function makeHome(): Promise<Home> {
  const c = await newCommunity();
  const db = sdk().database();
  const hex = c.id.slice(3);
  const grid2 = `g_u${hex}`;
  const unitId = `unit_t${hex}`;
  await Promise.all([
    db.collection('grids').doc(grid2).set({ communityId: c.id, code: 'g2', name: '第二网格', buildings: ['3幢'] }),
    db.collection('units').doc(unitId).set({ communityId: c.id, name: '矩阵共建单位', kind: '企业' }),
  ]);
  const placeId = await createPlace(c, '矩阵党群服务中心', offset(c.center, 100, 100));
  const service = async (s: Record<string, unknown>) => (await ok('booking', { action: 'manageService', op: 'create', service: { placeId, ...s } }, c.admin)).service.id as string;
  const [appointment, proxy] = await Promise.all([
    service({ kind: 'appointment', name: '矩阵社保咨询', appointment: { durationMinutes: 30, capacity: 50, hours: ALWAYS_HOURS } }),
    service({ kind: 'proxy', name: '矩阵医保代办' }),
  ]);
  const home: Home = { id: c.id, code: c.code, keeper: c.admin, gridId: c.gridId, grid2, unitId, placeId, appointment, proxy, openid: {} as Home['openid'], otherGridWorker: '', county: '' };
  const entries = await Promise.all((Object.keys(NAMES) as Role[]).map(async (r) => [r, await person(r, home)] as const));
  home.openid = Object.fromEntries(entries) as Home['openid'];
  home.otherGridWorker = await person('grid_worker', home, grid2);
  home.county = await person('resident', home);
  const { invite } = await ok('user', { action: 'createInvite', role: 'county' }, c.admin);
  await ok('user', { action: 'redeemInvite', code: invite.code }, home.county);
  // The first grid's worker is the matrix's: dispatch routes by grid to them.
  await db.collection('grids').doc(c.gridId).update({ workerId: await userIdOf(home.openid.grid_worker) });
  return home;
}

export async function makeWorld(): Promise<World> {
  const [other, home] = await Promise.all([newCommunity(), makeHome()]);
  const entries = await Promise.all((Object.keys(NAMES) as Role[]).map(async (r) => [r, await person(r)] as const));
  return {
    home,
    openid: { ...Object.fromEntries(entries), other_staff: other.admin } as World['openid'],
    names: Object.values(NAMES),
    otherCommunityCode: other.code,
    otherCommunityId: other.id,
  };
}

/** A new account of the same kind as a caller, for actions that change the caller's own account. */
export async function twin(caller: Exclude<Caller, 'anonymous'>, world: World): Promise<string> {
  if (caller !== 'other_staff') return person(caller);
  const openid = uniqueOpenid('m-other');
  await ok('user', { action: 'login', scene: `c=${world.otherCommunityCode}` }, openid);
  await grant(openid, 'admin', world.otherCommunityId);
  return openid;
}

/** A role column, or a relationship row (the owner of the thing, its assignee …). */
export type Who = Caller | 'publisher' | 'claimer' | 'owner' | 'assignee' | 'other_grid_worker' | 'county';

/**
 * A well-formed event for one cell, and who sends it when the column's person does not; `reaches`:
 * the resident whose name and phone the caller may read as the task's live handler (the privacy
 * scan's one exception, and never their openid).
 */
export type Cell = { event: Record<string, unknown>; openid?: string; reaches?: string };
