import * as z from 'zod/mini';
import { action } from '../core/define';
import { forbidden, exhausted, conflict, invalid } from '../core/errors';
import { text } from '../core/validation';
import { holdOf, screenText } from '../core/screen';
import { findMany, DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { SYSTEM, requireMember } from '../user/caller';
import type { UserDoc } from '../user/model';
import { notify } from '../notify/outbox';
import { CLAIMERS, type Claim, LEASE_DAYS, MAX_LIVE_CLAIMS, WISHES, WishDoc } from './model';
import { tellClaimer } from './told';
import { canMove, nextStatus } from './machine';
import { isStaffOf, mayClaim } from './view';
import { WishCtx, adjustLiveClaims, mutate, record } from './context';
import { photos, reason, wishId } from './schemas';
import { DAY_MS } from '../core/time';
import { claimWishNeed } from '../lists/handler';
import { ticketCalendar } from '../lists/tickets';
import { showsPartyBadge } from '../party/badge';

export const claim = action(z.object(wishId), async function claim(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  let publisherId = '';
  // The calendar the need's ticket counts its deadlines on, should the claim accept one.
  const [cal, party] = await Promise.all([ticketCalendar(user.communityId, ctx.now), showsPartyBadge(user._id, user.communityId)]);
  const wish = await mutate(user, ctx, 'claim', input.id, input.requestId, async (tx, w) => {
    if (w.publisherId === user._id) throw forbidden('不能认领自己发布的心愿');
    if (!mayClaim(user, w)) throw forbidden('只有本社区登记的志愿者、共建单位成员可以认领心愿');
    if (w.status === 'claimed' || w.status === 'awaiting_confirmation') throw conflict('手慢了，这个心愿已被其他志愿者认领');
    const status = nextStatus(w.status, 'claim');
    // One handler per need: dispatched to another, the claim is refused; else the need leaves the matcher.
    await claimWishNeed(tx, w, user, ctx.now, cal);
    const live = (await tx.get<{ live: number }>(CLAIMERS, user._id))?.live ?? 0;
    if (live >= MAX_LIVE_CLAIMS) throw exhausted(`每人同时最多认领${MAX_LIVE_CLAIMS}个心愿，请先完成手上的心愿`);
    await adjustLiveClaims(tx, user._id, +1);
    const claimInfo = { userId: user._id, name: user.displayName, unitId: user.grants.find((g) => g.role === 'unit_member')?.unitId, claimedAt: ctx.now, leaseUntil: ctx.now + LEASE_DAYS * DAY_MS, ...(party ? { party } : {}) };
    await record(tx, w, { ...w, status, claim: claimInfo, everClaimed: true, updatedAt: ctx.now }, user, ctx.now);
    publisherId = w.publisherId;
  });
  if (publisherId) await notify(publisherId, 'wishClaimed', `pages/wish/detail/index?id=${wish.id}`, { title: wish.title, claimer: wish.claimer ?? '志愿者', at: ctx.now });
  return { wish };
});

/** Back on the wall: the claim ends and the claimer's live count drops, in the same transaction. */
async function unclaim(tx: DocStore, w: WishDoc, move: 'release' | 'revoke' | 'expire', actor: UserDoc, at: number, why: string) {
  const status = nextStatus(w.status, move);
  if (w.claim) await adjustLiveClaims(tx, w.claim.userId, -1);
  await record(tx, w, { ...w, status, claim: undefined, proof: undefined, updatedAt: at }, actor, at, why);
}

export const release = action(z.object({ ...wishId, reason: z.optional(reason()) }), async function release(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  return {
    wish: await mutate(user, ctx, 'release', input.id, input.requestId, async (tx, w) => {
      if (w.claim?.userId !== user._id) throw forbidden('只能放弃自己认领的心愿');
      await unclaim(tx, w, 'release', user, ctx.now, input.reason ?? '志愿者放弃认领');
    }),
  };
});

export const revoke = action(z.object({ ...wishId, reason: reason('撤销原因') }), async function revoke(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  let ended: { w: WishDoc; claim: Claim } | undefined;
  const wish = await mutate(user, ctx, 'revoke', input.id, input.requestId, async (tx, w) => {
    if (!isStaffOf(user, w)) throw forbidden('只有本社区的工作人员可以撤销认领');
    await unclaim(tx, w, 'revoke', user, ctx.now, input.reason);
    ended = w.claim ? { w, claim: w.claim } : undefined;
  });
  if (ended) await tellClaimer(ended.w, ended.claim, '已撤销', input.reason, ctx.now);
  return { wish };
});

export const submitProof = action(z.object({ ...wishId, note: text('完成说明', 300), photos }), async function submitProof(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  const screening = await screenText(input.note, user.openid);
  if (screening.verdict === 'risky') throw invalid('完成说明含有不适宜的词语，请修改后再提交');
  const hold = holdOf(screening, ctx.now);
  let publisherId = '';
  const wish = await mutate(user, ctx, 'submitProof', input.id, input.requestId, async (tx, w) => {
    if (w.claim?.userId !== user._id) throw forbidden('只有认领人可以提交完成凭证');
    const status = nextStatus(w.status, 'submitProof');
    const proof = { note: input.note, photos: input.photos ?? [], at: ctx.now, ...(hold ? { hold } : {}) };
    // A held note stays out of the public timeline too.
    const why = hold ? '提交完成凭证（说明待社区审核）' : input.note;
    await record(tx, w, { ...w, status, proof, ...(hold ? { held: true } : {}), updatedAt: ctx.now }, user, ctx.now, why);
    publisherId = w.publisherId;
  });
  if (publisherId) await notify(publisherId, 'wishFulfilled', `pages/wish/detail/index?id=${wish.id}`, { title: wish.title, at: ctx.now, note: '请确认心愿是否已完成' });
  return { wish };
});


/** Ends one lapsed lease; safe to call from several places at once (the loser finds nothing to do). */
export async function expireIfLapsed(wishIdToCheck: string, now: number): Promise<boolean> {
  const why = `认领超过${LEASE_DAYS}天未完成，自动释放`;
  const ended = await transact(async (tx) => {
    const w = await tx.get<WishDoc>(WISHES, wishIdToCheck);
    if (!w || !canMove(w.status, 'expire') || !w.claim || w.claim.leaseUntil > now) return null;
    await unclaim(tx, w, 'expire', SYSTEM, now, why);
    return { w, claim: w.claim };
  });
  if (ended) await tellClaimer(ended.w, ended.claim, '已释放', why, now);
  return !!ended;
}

/** Timer trigger (all communities), and before a wall is read (one community): releases lapsed leases. */
export async function expireLeases(now: number, communityId?: string): Promise<{ released: number }> {
  let released = 0;
  for (;;) {
    const where = { status: 'claimed', 'claim.leaseUntil': { $lte: now }, ...(communityId ? { communityId } : {}) };
    const lapsed = await findMany<WishDoc>(WISHES, where, { limit: 100 });
    if (!lapsed.length) return { released };
    for (const w of lapsed) if (await expireIfLapsed(w._id, now)) released++;
    if (lapsed.length < 100) return { released };
  }
}
