import type { Me } from '../../typings/user';
import type { CommunityDoc, GridDoc, UnitDoc } from '../community/model';
import { UserDoc, grantFor, rolesOf, topRole } from './model';

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
    unit: unit ? { id: unit._id, name: unit.name } : undefined,
    roles,
    role: topRole(roles),
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
