import { unauthenticated, forbidden } from '../core/errors';
import { docs, DocStore } from '../platform/store';
import type { Role } from '../../typings/user';
import { USERS, UserDoc, hasRole } from './model';

export const USER_BY_OPENID = 'user_openids';

/** The user document of an openid, or null if they never logged in. */
export async function findUser(store: DocStore, openid: string): Promise<UserDoc | null> {
  const link = await store.get<{ userId: string }>(USER_BY_OPENID, openid);
  return link ? store.get<UserDoc>(USERS, link.userId) : null;
}

/** The caller, who must have logged in. */
export async function requireCaller(openid: string | undefined): Promise<UserDoc> {
  if (!openid) throw unauthenticated();
  const user = await findUser(docs, openid);
  if (!user) throw unauthenticated();
  return user;
}

/** The caller, who must belong to a community. */
export async function requireMember(openid: string | undefined): Promise<UserDoc & { communityId: string }> {
  const user = await requireCaller(openid);
  if (!user.communityId) throw forbidden('请先扫描社区海报上的二维码加入社区');
  return user as UserDoc & { communityId: string };
}

export function requireRole(user: UserDoc, roles: Role[], message?: string): void {
  if (!hasRole(user, ...roles)) throw forbidden(message);
}
