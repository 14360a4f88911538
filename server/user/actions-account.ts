import * as z from 'zod/mini';
import type { DeletedAccount } from '../../typings/user';
import { action } from '../core/define';
import { unauthenticated } from '../core/errors';
import { requestId } from '../core/validation';
import { docs } from '../platform/store';
import { transact } from '../platform/tx';
import { REQUESTS, once, requestKey } from '../platform/idempotency';
import { forgetRequestsOf } from '../platform/purge';
import { leaveWishes } from '../wish/account';
import { leaveBookings } from '../booking/account';
import { leaveOrders } from '../points/account';
import { leaveLists } from '../lists/account';
import { leaveParty } from '../party/account';
import { leaveCouncil } from '../council/topic-account';
import { USER_BY_OPENID, findUser } from './caller';
import { UserCtx, requireOpenid, requireUser } from './lookup';
import { USERS, UserDoc } from './model';
import { anonymize } from './forget';
import { myData as collect } from './mydata';

/*
 * The rights a person has over their own data (个人信息保护法 §45, §47): to see and copy it, and
 * to delete their account.
 */

export const myData = action(z.object({}), async function myData(ctx: UserCtx) {
  return collect(await requireUser(ctx), ctx.now);
});

/**
 * Where a finished deletion leaves its answer: not under the person's id (nothing leads from the
 * WeChat openid to it any more), only under the request's own random key.
 */
const doneKey = (rid: string) => `user.deleteAccount.done.${rid}`;

/**
 * 注销. The domains first, each change in a transaction of its own that re-reads what it changes,
 * so a deletion cut short is finished by calling again: open wishes withdrawn and claims
 * released, future bookings and errands cancelled (seats given back), pending orders cancelled
 * (stock back, a refund entry), names, addresses and phones taken off requests. Then, in one
 * transaction, the person's document becomes anonymous (stored answers of their earlier requests,
 * which can carry their profile, are removed just before) and the openid link goes, so the same
 * WeChat logging in later is a new person. Points entries, tickets and events stay under the
 * anonymous id: the ledger, the reports and every history still add up.
 */
export const deleteAccount = action(
  z.object({ confirm: z.literal('注销', { error: '请输入“注销”两个字确认注销账号' }), requestId }),
  async function deleteAccount(ctx: UserCtx, input): Promise<DeletedAccount> {
    const openid = requireOpenid(ctx);
    // Asked first: after a deletion the same WeChat may already be a new person, who must not be
    // deleted by a late repeat of the old request.
    const prior = input.requestId ? await docs.get<{ result: DeletedAccount }>(REQUESTS, doneKey(input.requestId)) : null;
    if (prior) return prior.result;
    const user = await findUser(docs, openid);
    if (!user) throw unauthenticated();
    const at = ctx.now;
    const wishes = await leaveWishes(user, at);
    const booking = await leaveBookings(user, at);
    const orders = await leaveOrders(user, at);
    await leaveLists(user, at);
    await leaveParty(user, at);
    await leaveCouncil(user);
    await forgetRequestsOf(user._id);
    const result: DeletedAccount = {
      deletedAt: at,
      wishesWithdrawn: wishes.withdrawn,
      claimsReleased: wishes.released,
      bookingsCancelled: booking.bookings,
      errandsCancelled: booking.errands,
      ordersCancelled: orders,
    };
    return transact((tx) =>
      once(tx, requestKey(user._id, 'user', 'deleteAccount', input.requestId), async () => {
        const cur = await tx.get<UserDoc>(USERS, user._id);
        if (!cur) throw unauthenticated();
        // A twin of this request finished first: answer as it did.
        const twin = cur.deletedAt && input.requestId ? await tx.get<{ result: DeletedAccount }>(REQUESTS, doneKey(input.requestId)) : null;
        if (twin) return twin.result;
        await tx.set(USERS, cur._id, anonymize(cur, at));
        await tx.remove(USER_BY_OPENID, openid);
        if (input.requestId) await tx.set(REQUESTS, doneKey(input.requestId), { result, createdAt: at });
        return result;
      }),
    );
  },
);
