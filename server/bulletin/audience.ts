import { BULLETIN_ROLE_LABELS, type BulletinAudience, type BulletinRole } from '../../typings/bulletin';
import type { GridDoc } from '../community/model';
import { rolesOf, type UserDoc } from '../user/model';

export const EVERYONE = 'all';

/** The keys a bulletin is addressed to. */
export function audienceKeys(a: BulletinAudience): string[] {
  if (a.kind === 'grids') return [...new Set(a.gridIds)].map((g) => `grid:${g}`);
  if (a.kind === 'roles') return [...new Set(a.roles)].map((r) => `role:${r}`);
  return [EVERYONE];
}

/** The keys a person matches: everyone, their grid, their roles (an admin counts as staff). */
export function personKeys(user: Pick<UserDoc, 'grants' | 'communityId' | 'gridId'>): string[] {
  const roles = rolesOf(user);
  const held = new Set<BulletinRole>(roles.filter((r): r is BulletinRole => r in BULLETIN_ROLE_LABELS));
  if (roles.includes('admin')) held.add('staff');
  return [EVERYONE, ...(user.gridId ? [`grid:${user.gridId}`] : []), ...[...held].map((r) => `role:${r}`)];
}

export const isFor = (to: string[], user: Pick<UserDoc, 'grants' | 'communityId' | 'gridId'>) => personKeys(user).some((k) => to.includes(k));

/** 全体居民, 第一网格、第三网格, 志愿者、网格员. */
export function audienceLabel(a: BulletinAudience, grids: Pick<GridDoc, '_id' | 'name'>[]): string {
  if (a.kind === 'grids') return a.gridIds.map((id) => grids.find((g) => g._id === id)?.name ?? '网格').join('、');
  if (a.kind === 'roles') return a.roles.map((r) => BULLETIN_ROLE_LABELS[r]).join('、');
  return '全体居民';
}
