import type { Me } from '../../typings/user';
import { maskName } from '../core/mask';
import type { CommunityDoc, GridDoc, UnitDoc } from '../community/model';
import { UserDoc, defaultName, grantFor, hasRole, oversees, rolesOf, topRole } from './model';

/** What a person sees of themself; the only view that carries their phone. */
export function toMe(user: UserDoc, community?: CommunityDoc | null, grid?: GridDoc | null, unit?: UnitDoc | null): Me {
  const roles = rolesOf(user);
  return {
    id: user._id,
    displayName: user.displayName,
    avatarUrl: user.avatarUrl,
    phone: user.phone,
    community: community ? { id: community._id, name: community.name, code: community.code } : undefined,
    grid: grid ? { id: grid._id, name: grid.name } : undefined,
    building: user.building,
    ...(user.room ? { room: user.room } : {}),
    unit: unit ? { id: unit._id, name: unit.name } : undefined,
    roles,
    role: topRole(roles),
    prefs: { elderMode: user.prefs?.elderMode ?? null },
    named: user.displayName !== defaultName(user._id),
    welcome: !user.profileAsked && user.displayName === defaultName(user._id),
    createdAt: user.createdAt,
  };
}

/** The grid shown: a grid worker's own grid, else where the person lives. */
export function gridIdOf(user: UserDoc): string | undefined {
  return grantFor(user, 'grid_worker')?.gridId ?? user.gridId;
}

export function unitIdOf(user: UserDoc): string | undefined {
  return grantFor(user, 'unit_member')?.unitId;
}

/** How the setting shows someone beyond their roles. */
export interface LabelAs {
  /** Acting on their own wish or order: shown as a resident whatever else they are. */
  owner?: boolean;
  /** Where admins act in their own right (the map's upkeep) they are named as admins. */
  admin?: boolean;
}

/**
 * How an actor appears to others in a community, in every timeline and audit trail: a role and a
 * masked name; never an openid or a full name.
 */
export function actorLabel(user: UserDoc, communityId: string, as: LabelAs = {}): string {
  if (user._id === 'system') return '系统';
  if (oversees(user, communityId)) return `县(区)委包案干部 ${maskName(user.displayName)}`;
  if (user.communityId !== communityId) return maskName(user.displayName);
  if (as.admin && hasRole(user, 'admin')) return '管理员';
  if (hasRole(user, 'staff', 'admin')) return '社区工作者';
  if (as.owner) return `居民 ${maskName(user.displayName)}`;
  if (hasRole(user, 'grid_worker')) return `网格员 ${maskName(user.displayName)}`;
  if (hasRole(user, 'unit_member')) return `共建单位 ${maskName(user.displayName)}`;
  if (hasRole(user, 'volunteer')) return `志愿者 ${maskName(user.displayName)}`;
  return `居民 ${maskName(user.displayName)}`;
}

/** How staff read an actor of their own community: the role and the real name (社区工作者 陈书记). */
export function staffActorLabel(user: UserDoc | undefined, communityId: string): string {
  if (!user) return '系统';
  const label = actorLabel(user, communityId);
  if (label === '系统') return label;
  return `${label.split(' ')[0]} ${user.displayName}`;
}
