import * as z from 'zod/mini';
import type { AccountEntry, AccountTrail } from '../../typings/points';
import { action } from '../core/define';
import { notFound } from '../core/errors';
import { cursor, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { readWith } from '../platform/aggregate';
import { assertStaff, requireMember } from '../user/caller';
import { USERS, UserDoc } from '../user/model';
import { staffActorLabel } from '../user/view';
import { GRIDS, GridDoc } from '../community/model';
import { ACCOUNTS, AccountDoc, ENTRIES, EntryDoc, accountId, ofAccount } from './model';
import { isReversible } from './ledger';
import type { PointsCtx } from './context';
import { id } from './schemas';
import { toEntry } from './view';

/**
 * Staff: one resident's 积分账户 in the caller's community — the person, the balance and the entries,
 * each with who posted it (by real name) and whether it was reversed — in one aggregation beside the
 * caller. Someone who moved away keeps their account here and can still be read and corrected.
 */
export const account = action(z.object({ userId: id('居民编号'), cursor }), async function account(ctx: PointsCtx, input): Promise<AccountTrail> {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有本社区的工作人员可以查看居民的积分账户');
  const communityId = user.communityId;
  const offset = offsetOf(input.cursor);
  const got = await readWith(USERS, input.userId, {
    account: { from: ACCOUNTS, where: { _id: accountId(communityId, input.userId) }, limit: 1 },
    grid: { from: GRIDS, localField: 'gridId', foreignField: '_id' },
    entries: {
      from: ENTRIES,
      where: { communityId, userId: input.userId, ...ofAccount('points') },
      orderBy: [['at', 'desc'], ['_id', 'desc']],
      skip: offset,
      limit: PAGE_MAX + 1,
      joins: { poster: { from: USERS, localField: 'by', foreignField: '_id' }, reversal: { from: ENTRIES, localField: '_id', foreignField: 'reverses' } },
    },
  });
  const holder = got?.doc as unknown as UserDoc | undefined;
  const acc = got?.rows.account[0] as unknown as AccountDoc | undefined;
  if (!holder || (holder.communityId !== communityId && !acc)) throw notFound('没有找到这位居民');
  const grid = holder.communityId === communityId ? (got!.rows.grid[0] as unknown as GridDoc | undefined) : undefined;
  const memberNo = holder.memberNumbers?.[communityId];
  const rows = got!.rows.entries as unknown as Array<EntryDoc & { poster: UserDoc[]; reversal: EntryDoc[] }>;
  const entries: AccountEntry[] = rows.map((e) => {
    const reversed = e.reversal.length > 0;
    return { ...toEntry(e), by: staffActorLabel(e.poster[0], communityId), reversed, reversible: !reversed && isReversible(e) };
  });
  const page = pageOf(entries, offset, PAGE_MAX);
  return {
    holder: { id: holder._id, name: holder.displayName, ...(grid ? { grid: grid.name } : {}), ...(memberNo ? { memberNo } : {}) },
    balance: acc?.balance ?? 0,
    earned: acc?.earned ?? 0,
    spent: acc?.spent ?? 0,
    entries: page.items,
    ...(page.next ? { next: page.next } : {}),
  };
});
