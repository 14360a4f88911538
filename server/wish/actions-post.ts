import * as z from 'zod/mini';
import { randomBytes } from 'node:crypto';
import { action } from '../core/define';
import { exhausted, forbidden, invalid, conflict } from '../core/errors';
import { homeAddress, preferredTime, text, requestId } from '../core/validation';
import { localDate, DAY_MS } from '../core/time';
import { count, findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { passGate } from '../platform/gate';
import { holdOf, screenText } from '../core/screen';
import { requireMember } from '../user/caller';
import { earnWithVanguard } from '../party/vanguard';
import { pointsFor } from '../points/rules';
import { notify } from '../notify/outbox';
import { WISHES, WishDoc, type Claim, LEASE_DAYS } from './model';
import { tellClaimer } from './told';
import { SEASONS, type SeasonDoc } from '../community/seasons';
import { nextStatus } from './machine';
import { rankSimilar } from './similar';
import { isStaffOf, staffMayConfirm, toCard } from './view';
import { WishCtx, adjustLiveClaims, mutate, readDetail, record } from './context';
import { category, photos, reason, wishId } from './schemas';

const MAX_PENDING_PER_PERSON = 5;

/** The season whose dates include today, in Shanghai. */
async function currentSeason(communityId: string, now: number): Promise<SeasonDoc | undefined> {
  const today = localDate(now);
  const seasons = await findMany<SeasonDoc>(SEASONS, { communityId }, { orderBy: [['number', 'desc']], limit: 20 });
  return seasons.find((s) => s.startDate <= today && today <= s.endDate);
}

async function similarOpen(communityId: string, gridId: string | undefined, draft: { title: string; content?: string; category: string }, exceptId?: string) {
  const candidates = await findMany<WishDoc>(WISHES, { communityId, category: draft.category, status: 'open', ...(gridId ? { gridId } : {}) }, { orderBy: [['createdAt', 'desc']], limit: 200 });
  return rankSimilar(draft, candidates.filter((c) => c._id !== exceptId)).map((w) => toCard(w));
}

export const publish = action(
  z.object({
    title: text('心愿标题', 30),
    content: text('心愿内容', 300),
    category,
    photos,
    showPhone: z.optional(z.boolean({ error: '是否公开电话须为是或否' })),
    address: homeAddress,
    preferredTime,
    requestId,
  }),
  async function publish(ctx: WishCtx, input) {
    const user = await requireMember(ctx.openid);
    const screening = await screenText(`${input.title}\n${input.content}`, user.openid);
    if (screening.verdict === 'risky') throw invalid('心愿内容含有不适宜的词语，请修改后再发布');
    // Every wish waits for staff review; one that could not be checked says why.
    const hold = holdOf(screening, ctx.now);
    const season = await currentSeason(user.communityId, ctx.now);
    const id = await transact((tx) =>
      once(tx, requestKey(user._id, 'wish', 'publish', input.requestId), async () => {
        // The cap is counted behind the person's gate, so parallel publishes cannot all pass it.
        await passGate(tx, 'wish.publish', user._id, ctx.now);
        const pending = await count(WISHES, { publisherId: user._id, status: 'pending_review' });
        if (pending >= MAX_PENDING_PER_PERSON) throw exhausted(`您已有${pending}个心愿在等待审核，请耐心等候`);
        const wish: WishDoc = {
          _id: `w_${randomBytes(8).toString('hex')}`,
          communityId: user.communityId,
          gridId: user.gridId,
          seasonId: season?._id,
          seasonNumber: season?.number,
          title: input.title,
          content: input.content,
          category: input.category,
          photos: input.photos ?? [],
          showPhone: input.showPhone ?? false,
          ...(input.address ? { address: input.address } : {}),
          ...(input.preferredTime ? { preferredTime: input.preferredTime } : {}),
          status: 'pending_review',
          publisherId: user._id,
          publisherName: user.displayName,
          wantedBy: [],
          wants: 1,
          everClaimed: false,
          ...(hold ? { hold, held: true } : {}),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        await record(tx, null, wish, user, ctx.now);
        return wish._id;
      }),
    );
    return { wish: await readDetail(id, user, ctx.now), similar: await similarOpen(user.communityId, user.gridId, input, id) };
  },
);

export const similar = action(
  z.object({ title: text('心愿标题', 30), content: z.optional(z.string().check(z.maxLength(300, '心愿内容不能超过300个字'))), category }),
  async function similar(ctx: WishCtx, input) {
    const user = await requireMember(ctx.openid);
    return { items: await similarOpen(user.communityId, user.gridId, input) };
  },
);

/** 同求 +1: a neighbour wishes the same, instead of posting a duplicate. */
export const want = action(z.object(wishId), async function want(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  return {
    wish: await mutate(user, ctx, 'want', input.id, input.requestId, async (tx, w) => {
      if (w.publisherId === user._id) throw forbidden('不能为自己发布的心愿点“同求”');
      if (w.status !== 'open') throw conflict('只能为待认领的心愿点“同求”');
      if (w.wantedBy.includes(user._id)) return;
      await tx.set(WISHES, w._id, { ...w, wantedBy: [...w.wantedBy, user._id], wants: w.wants + 1, updatedAt: ctx.now });
    }),
  };
});

export const withdraw = action(z.object({ ...wishId, reason: z.optional(reason()) }), async function withdraw(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  return {
    wish: await mutate(user, ctx, 'withdraw', input.id, input.requestId, async (tx, w) => {
      if (w.publisherId !== user._id) throw forbidden('只能撤回自己发布的心愿');
      await record(tx, w, { ...w, status: nextStatus(w.status, 'withdraw'), updatedAt: ctx.now }, user, ctx.now, input.reason ?? '居民撤回');
    }),
  };
});

export const dispute = action(z.object({ ...wishId, reason: reason('未完成的原因') }), async function dispute(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  let disputed: { w: WishDoc; claim: Claim } | undefined;
  const wish = await mutate(user, ctx, 'dispute', input.id, input.requestId, async (tx, w) => {
    if (w.publisherId !== user._id) throw forbidden('只有发布心愿的居民可以提出异议');
    const status = nextStatus(w.status, 'dispute');
    const claim = w.claim ? { ...w.claim, leaseUntil: ctx.now + LEASE_DAYS * DAY_MS } : undefined;
    await record(tx, w, { ...w, status, claim, updatedAt: ctx.now }, user, ctx.now, input.reason);
    disputed = claim ? { w, claim } : undefined;
  });
  if (disputed) await tellClaimer(disputed.w, disputed.claim, '有异议', input.reason, ctx.now);
  return { wish };
});

export const confirm = action(z.object(wishId), async function confirm(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  let awarded = 0;
  let claimerId = '';
  const wish = await mutate(user, ctx, 'confirm', input.id, input.requestId, async (tx, w) => {
    const publisher = w.publisherId === user._id;
    if (!publisher && !isStaffOf(user, w)) throw forbidden('只有发布心愿的居民或社区工作人员可以确认');
    const status = nextStatus(w.status, 'confirm');
    if (!publisher && !staffMayConfirm(w, ctx.now)) throw forbidden('居民确认期为3天，期满未确认后社区方可代为确认');
    const claim = w.claim!;
    const points = await pointsFor(tx, w.communityId, 'wish_completed');
    const { entry } = await earnWithVanguard(tx, {
      userId: claim.userId,
      communityId: w.communityId,
      amount: points,
      kind: 'earn',
      source: { type: 'wish', id: w._id },
      reason: `完成微心愿：${w.title}`,
      by: user._id,
      at: ctx.now,
    });
    awarded = entry.amount;
    claimerId = claim.userId;
    await adjustLiveClaims(tx, claim.userId, -1);
    const why = publisher ? '居民确认心愿已完成' : '居民3天未确认，社区代为确认';
    await record(tx, w, { ...w, status, completedAt: ctx.now, pointsAwarded: entry.amount, updatedAt: ctx.now }, user, ctx.now, why);
  });
  if (claimerId) await notify(claimerId, 'wishConfirmed', `pages/wish/detail/index?id=${wish.id}`, { reason: `完成微心愿：${wish.title}`, points: awarded, at: ctx.now });
  return { wish, pointsAwarded: awarded };
});

export const rate = action(
  z.object({
    ...wishId,
    stars: z.number({ error: '请选择评分' }).check(z.int('评分须为1到5的整数'), z.minimum(1, '评分须为1到5的整数'), z.maximum(5, '评分须为1到5的整数')),
    comment: z.optional(text('评价', 200)),
  }),
  async function rate(ctx: WishCtx, input) {
    const user = await requireMember(ctx.openid);
    const screening = input.comment ? await screenText(input.comment, user.openid) : undefined;
    if (screening?.verdict === 'risky') throw invalid('评价含有不适宜的词语，请修改后再提交');
    const hold = screening && holdOf(screening, ctx.now);
    return {
      wish: await mutate(user, ctx, 'rate', input.id, input.requestId, async (tx, w) => {
        if (w.publisherId !== user._id) throw forbidden('只有发布心愿的居民可以评价');
        if (w.status !== 'completed') throw conflict('心愿完成后才能评价');
        if (w.rating) throw conflict('您已评价过了');
        const rating = { stars: input.stars, comment: input.comment, at: ctx.now, ...(hold ? { hold } : {}) };
        await tx.set(WISHES, w._id, { ...w, rating, ...(hold ? { held: true } : {}), updatedAt: ctx.now });
      }),
    };
  },
);
