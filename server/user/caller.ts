import { unauthenticated, forbidden } from '../core/errors';
import { DocStore, findOne } from '../platform/store';
import type { Role } from '../../typings/user';
import { USERS, UserDoc, hasRole } from './model';

export const USER_BY_OPENID = 'user_openids';

/** Who a domain action runs for: the caller's openid (from the invocation, never the event) and the time. */
export interface CallCtx {
  openid?: string;
  now: number;
}

/** A caller who belongs to a community. */
export type Member = UserDoc & { communityId: string };

/** Timers and background syncs act as the system. */
export const SYSTEM: UserDoc = { _id: 'system', openid: '', displayName: '系统', grants: [], createdAt: 0, updatedAt: 0 };

/** The user document of an openid, or null if they never logged in. */
export async function findUser(store: DocStore, openid: string): Promise<UserDoc | null> {
  const link = await store.get<{ userId: string }>(USER_BY_OPENID, openid);
  return link ? store.get<UserDoc>(USERS, link.userId) : null;
}

/**
 * The caller, who must have logged in: one query on the user's unique `openid` index, a round trip
 * every action pays. The openid link stays for transactions (which read documents by id only) and
 * keeps two logins from making two users.
 */
export async function requireCaller(openid: string | undefined): Promise<UserDoc> {
  if (!openid) throw unauthenticated();
  const user = await findOne<UserDoc>(USERS, { openid });
  if (!user) throw unauthenticated();
  return user;
}

/** The caller, who must belong to a community. */
export async function requireMember(openid: string | undefined): Promise<Member> {
  const user = await requireCaller(openid);
  if (!user.communityId) throw forbidden('请先扫描社区海报上的二维码加入社区');
  return user as Member;
}

export function requireRole(user: UserDoc, roles: Role[], message?: string): void {
  if (!hasRole(user, ...roles)) throw forbidden(message);
}

/** Community staff (社区工作者, 书记) and admins. */
export function isStaff(user: UserDoc): boolean {
  return hasRole(user, 'staff', 'admin');
}

export function assertStaff(user: UserDoc, message = '只有本社区的工作人员可以进行此操作'): void {
  if (!isStaff(user)) throw forbidden(message);
}
