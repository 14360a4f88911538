import type { InvitableRole, RevocableRole, Role } from '../../typings/user';

export const USERS = 'users';
/** Changes to a person and views of their contact: who, whose, when, why (platform/events.ts's one shape). */
export const USER_EVENTS = 'user_events';

export interface Grant {
  role: Exclude<Role, 'resident'>;
  communityId: string;
  gridId?: string;
  unitId?: string;
  /** A grid worker who is a courier or rider registered as 兼职网格员: works the grid, is not its worker of record. */
  partTime?: boolean;
  grantedBy: string;
  grantedAt: number;
}

/** A role that ended, with when and why. */
export type FormerGrant = Grant & { endedAt: number; why: string };

export interface UserDoc {
  _id: string;
  openid: string;
  displayName: string;
  phone?: string;
  avatarUrl?: string;
  communityId?: string;
  gridId?: string;
  /** The building (楼栋) the person said they live in, from their grid's list. */
  building?: string;
  /** 单元和室号 in that building (2单元301室): building and room make the household that votes on a topic. */
  room?: string;
  /** 会员号 per community (short, shown under the 积分码, resolved by staff search): community id → number. */
  memberNumbers?: Record<string, string>;
  /** The poster scene a person last arrived through. */
  joinedVia?: string;
  grants: Grant[];
  /** Roles that ended (moved away from the community, or revoked), kept for the record, never checked. */
  formerGrants?: FormerGrant[];
  /** The person chose their own name (or said they would rather not): the welcome is not shown again. */
  profileAsked?: boolean;
  /** 长辈模式 as the person chose it (absent: follow WeChat's font size). */
  prefs?: { elderMode?: boolean };
  /** 注销: when the person deleted their account; the document is anonymous from then on. */
  deletedAt?: number;
  createdAt: number;
  updatedAt: number;
}

const RANK: Role[] = ['resident', 'volunteer', 'unit_member', 'grid_worker', 'county', 'staff', 'admin'];

/** Roles held in the user's current community, highest last; everyone is a resident. */
export function rolesOf(user: Pick<UserDoc, 'grants' | 'communityId'>): Role[] {
  const held = new Set<Role>(['resident']);
  for (const g of user.grants) if (g.communityId === user.communityId) held.add(g.role);
  return RANK.filter((r) => held.has(r));
}

export function topRole(roles: Role[]): Role {
  return roles[roles.length - 1] ?? 'resident';
}

export function hasRole(user: Pick<UserDoc, 'grants' | 'communityId'>, ...roles: Role[]): boolean {
  const held = rolesOf(user);
  return roles.some((r) => held.includes(r));
}

export function grantFor(user: UserDoc, role: Role): Grant | undefined {
  return user.grants.find((g) => g.role === role && g.communityId === user.communityId);
}

/** Who may invite whom: staff bring in volunteers, unit members and grid workers; admins also staff and county officers. */
export function mayInvite(inviter: Pick<UserDoc, 'grants' | 'communityId'>, role: InvitableRole): boolean {
  if (hasRole(inviter, 'admin')) return true;
  return hasRole(inviter, 'staff') && role !== 'staff' && role !== 'county';
}

/** Who may revoke whose role: staff take back what they give; admins also staff, county officers and other admins. */
export function mayRevoke(actor: Pick<UserDoc, 'grants' | 'communityId'>, role: RevocableRole): boolean {
  if (hasRole(actor, 'admin')) return true;
  return hasRole(actor, 'staff') && (role === 'volunteer' || role === 'unit_member' || role === 'grid_worker');
}

/**
 * The communities a county officer (县(区)委包案干部) oversees: every one where they hold a county
 * grant, whichever community they are in now.
 */
export function countyCommunities(user: Pick<UserDoc, 'grants'>): string[] {
  return [...new Set(user.grants.filter((g) => g.role === 'county').map((g) => g.communityId))];
}

export function oversees(user: Pick<UserDoc, 'grants'>, communityId: string): boolean {
  return user.grants.some((g) => g.role === 'county' && g.communityId === communityId);
}

/** A display name for someone who has not set one: 居民 plus the last digits of their id. */
export function defaultName(userId: string): string {
  return `居民${userId.slice(-4).toUpperCase()}`;
}
