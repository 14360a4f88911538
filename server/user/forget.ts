import type { FormerGrant, UserDoc } from './model';

/** The name that stands where a deleted account's name was, everywhere. */
export const DELETED_NAME = '已注销用户';

/**
 * The user document after 注销: the same id (the ledger, tickets and events keep pointing at it),
 * nothing that says who the person was. The openid is replaced by a marker that no WeChat user
 * has, and the openid link is removed beside it, so the same WeChat logging in later is a new
 * person. Roles end, kept as former grants for the record.
 */
export function anonymize(user: UserDoc, at: number): UserDoc {
  const ended: FormerGrant[] = user.grants.map((g) => ({ ...g, endedAt: at, why: '注销账号' }));
  return {
    _id: user._id,
    openid: `deleted:${user._id}`,
    displayName: DELETED_NAME,
    grants: [],
    formerGrants: [...(user.formerGrants ?? []), ...ended],
    profileAsked: true,
    deletedAt: at,
    createdAt: user.createdAt,
    updatedAt: at,
  };
}
