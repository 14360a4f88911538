import type { InvitableRole, Role } from '../../typings/user';

// A runtime copy: DevTools cannot load modules outside miniprogramRoot, so only types come from typings/.
export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  unit_member: '共建单位成员',
  grid_worker: '网格员',
  county: '县(区)委包案干部',
  staff: '社区工作者',
  admin: '管理员',
};

/** Display order, highest first. */
export const ROLE_ORDER: Role[] = ['admin', 'staff', 'county', 'grid_worker', 'unit_member', 'volunteer', 'resident'];

export const INVITABLE_ROLES: InvitableRole[] = ['volunteer', 'unit_member', 'grid_worker', 'county', 'staff'];

/** Roles that may open 社区工作台. */
export const STAFF_ROLES: Role[] = ['staff', 'grid_worker', 'admin'];

export function roleLabels(roles: Role[]): string[] {
  return ROLE_ORDER.filter((r) => roles.includes(r)).map((r) => ROLE_LABELS[r]);
}

export function isStaff(roles: Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}

/** 县(区)委包案干部: not community staff; their console holds the county queue only. */
export function isCountyOfficer(roles: Role[]): boolean {
  return roles.includes('county');
}

/** Roles that run the community's work (review wishes, open seasons): not grid workers. */
export const MANAGER_ROLES: Role[] = ['staff', 'admin'];

export function isManager(roles: Role[]): boolean {
  return roles.some((r) => MANAGER_ROLES.includes(r));
}

/** Who may verify pickups: community staff (any goods), 共建单位 members (their unit's goods). */
export function mayVerify(roles: Role[]): boolean {
  return isManager(roles) || roles.includes('unit_member');
}
