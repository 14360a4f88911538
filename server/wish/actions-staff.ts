import * as z from 'zod/mini';
import { action } from '../core/define';
import { invalid, conflict } from '../core/errors';
import { requestId, text } from '../core/validation';
import { isDate } from '../core/time';
import { findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember, assertStaff } from '../user/caller';
import { notify } from '../notify/outbox';
import { adjustLiveClaims, mutate, record, WishCtx } from './context';
import { WISHES, WishDoc } from './model';
import { SEASONS, type SeasonDoc } from '../community/seasons';
import { nextStatus } from './machine';
import { reason, wishId } from './schemas';
import { seasonView } from './queries';

export const review = action(
  z.object({ ...wishId, approve: z.boolean({ error: '请选择通过或驳回' }), reason: z.optional(reason('驳回原因')) }),
  async function review(ctx: WishCtx, input) {
    const user = await requireMember(ctx.openid);
    if (!input.approve && !input.reason) throw invalid('驳回心愿须填写原因，方便居民修改');
    let publisherId = '';
    const wish = await mutate(user, ctx, 'review', input.id, input.requestId, async (tx, w) => {
      assertStaff(user);
      const status = nextStatus(w.status, input.approve ? 'approve' : 'reject');
      // Approval is a person having read the text: a hold on it ends.
      const next = input.approve ? released(w) : w;
      await record(tx, w, { ...next, status, rejectReason: input.approve ? undefined : input.reason, updatedAt: ctx.now }, user, ctx.now, input.approve ? '审核通过' : input.reason);
      publisherId = w.publisherId;
    });
    await notify(publisherId, 'wishReviewed', `pages/wish/detail/index?id=${wish.id}`, {
      title: wish.title,
      result: input.approve ? '已通过' : '未通过',
      note: input.approve ? '心愿已上墙，等待志愿者认领' : (input.reason ?? '请修改后重新发布'),
    });
    return { wish };
  },
);

/** The wish with every hold on its text ended. */
function released(w: WishDoc): WishDoc {
  const { hold: _wish, held: _flag, ...rest } = w;
  const proof = w.proof && (({ hold: _p, ...p }) => p)(w.proof);
  const rating = w.rating && (({ hold: _r, ...r }) => r)(w.rating);
  return { ...rest, ...(proof ? { proof } : {}), ...(rating ? { rating } : {}) };
}

/** Staff have read a held proof note or rating comment: it is shown to everyone who may see the wish. */
export const clearHold = action(z.object(wishId), async function clearHold(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  return {
    wish: await mutate(user, ctx, 'clearHold', input.id, input.requestId, async (tx, w) => {
      assertStaff(user);
      if (!w.held) return;
      if (w.status === 'pending_review') throw conflict('待审核的心愿请通过审核放行');
      await tx.set(WISHES, w._id, { ...released(w), updatedAt: ctx.now });
    }),
  };
});

export const takedown = action(z.object({ ...wishId, reason: reason('下架原因') }), async function takedown(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  return {
    wish: await mutate(user, ctx, 'takedown', input.id, input.requestId, async (tx, w) => {
      assertStaff(user);
      const status = nextStatus(w.status, 'takedown');
      if (w.claim && (w.status === 'claimed' || w.status === 'awaiting_confirmation')) await adjustLiveClaims(tx, w.claim.userId, -1);
      await record(tx, w, { ...w, status, updatedAt: ctx.now }, user, ctx.now, input.reason);
    }),
  };
});

export const openSeason = action(
  z.object({
    name: z.optional(text('季名', 20)),
    startDate: z.string({ error: '请选择开始日期' }),
    endDate: z.string({ error: '请选择结束日期' }),
    requestId,
  }),
  async function openSeason(ctx: WishCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user);
    if (!isDate(input.startDate) || !isDate(input.endDate)) throw invalid('日期格式须为 YYYY-MM-DD');
    if (input.endDate < input.startDate) throw invalid('结束日期不能早于开始日期');
    const season = await transact((tx) =>
      once(tx, requestKey(user._id, 'wish', 'openSeason', input.requestId), async () => {
        const seasons = await findMany<SeasonDoc>(SEASONS, { communityId: user.communityId }, { orderBy: [['number', 'desc']], limit: 100 });
        const overlap = seasons.find((s) => s.startDate <= input.endDate && input.startDate <= s.endDate);
        if (overlap) throw conflict(`与${overlap.name}（${overlap.startDate} 至 ${overlap.endDate}）的日期重叠`);
        // The counter doc makes two staff opening a season at once get different numbers.
        const counterId = `${user.communityId}.counter`;
        const counter = await tx.get<{ last: number }>(SEASONS + '_counters', counterId);
        const number = Math.max(counter?.last ?? 0, seasons[0]?.number ?? 0) + 1;
        const doc: SeasonDoc = {
          _id: `${user.communityId}.s${number}`,
          communityId: user.communityId,
          number,
          name: input.name ?? `第${number}季`,
          startDate: input.startDate,
          endDate: input.endDate,
          createdBy: user._id,
          createdAt: ctx.now,
        };
        await tx.set(SEASONS + '_counters', counterId, { last: number });
        await tx.set(SEASONS, doc._id, doc);
        return doc;
      }),
    );
    return { season: seasonView(season, ctx.now) };
  },
);
