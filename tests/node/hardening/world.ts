import { ok, uniqueOpenid } from '../support/cloud';
import { grant, newCommunity } from '../support/map';

export const CALLERS = ['anonymous', 'resident', 'volunteer', 'unit_member', 'grid_worker', 'staff', 'admin', 'other_staff'] as const;
export type Caller = (typeof CALLERS)[number];

/** People of the matrix: one per role in the demo community, and the admin of another community. */
export interface World {
  openid: Record<Exclude<Caller, 'anonymous'>, string>;
  names: string[];
  otherCommunityCode: string;
  otherCommunityId: string;
}

const NAMES: Record<Exclude<Caller, 'anonymous' | 'other_staff'>, string> = {
  resident: '矩阵居民甲',
  volunteer: '矩阵志愿者乙',
  unit_member: '矩阵单位丙',
  grid_worker: '矩阵网格丁',
  staff: '矩阵社工戊',
  admin: '矩阵管理己',
};

let made = 0;

/** A new account holding one role in the demo community, with a name no one else has. */
export async function person(role: Exclude<Caller, 'anonymous' | 'other_staff'>): Promise<string> {
  const openid = uniqueOpenid(`m-${role}`);
  await ok('user', { action: 'login', scene: 'c=beihai&g=g1' }, openid);
  await ok('user', { action: 'updateProfile', displayName: `${NAMES[role]}${++made}号`, phone: `1370${String(made).padStart(7, '0')}` }, openid);
  if (role === 'admin') await grant(openid, 'admin', 'c_beihai');
  else if (role !== 'resident') {
    const extra = role === 'grid_worker' ? { gridId: 'g_beihai_4' } : role === 'unit_member' ? { unitId: 'unit_school' } : {};
    const inviter = role === 'staff' ? 'demo-admin' : 'demo-staff';
    const { invite } = await ok('user', { action: 'createInvite', role, ...extra }, inviter);
    await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
  }
  return openid;
}

export async function makeWorld(): Promise<World> {
  const other = await newCommunity();
  const entries = await Promise.all((Object.keys(NAMES) as Array<keyof typeof NAMES>).map(async (r) => [r, await person(r)] as const));
  return {
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
