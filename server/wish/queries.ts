import * as z from 'zod/mini';
import { action } from '../core/define';
import { id } from '../core/validation';
import { forbidden, notFound, precondition } from '../core/errors';
import { localDate } from '../core/time';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, findMany } from '../platform/store';
import { findWith, readWith, type JoinRead } from '../platform/aggregate';
import { requireMember, assertStaff } from '../user/caller';
import { USERS, UserDoc, hasRole } from '../user/model';
import { logPhoneView } from '../user/contact';
import { COMMUNITIES, GRID_JOIN, GridDoc } from '../community/model';
import type { SeasonView, WishStatus } from '../../typings/wish';
import { ACTIVE, WISHES, WishDoc } from './model';
import { SEASONS, wishFigureReads, type SeasonDoc } from '../community/seasons';
import { reachesPublisher, toCard } from './view';
import { WishCtx, loadWish, readDetail } from './context';
import { expireIfLapsed, expireLeases } from './actions-claim';
import { category } from './schemas';

const STATUSES = ['pending_review', 'rejected', 'open', 'claimed', 'awaiting_confirmation', 'completed', 'withdrawn', 'taken_down'] as const;

export function seasonView(s: SeasonDoc, now: number): SeasonView {
  const today = localDate(now);
  return { id: s._id, number: s.number, name: s.name, startDate: s.startDate, endDate: s.endDate, open: s.startDate <= today && today <= s.endDate };
}

/** A lease that ran out is released when someone looks, not only when the timer runs. */
async function settleLeases(wishes: WishDoc[], now: number): Promise<WishDoc[]> {
  const lapsed = wishes.filter((w) => w.status === 'claimed' && w.claim && w.claim.leaseUntil <= now);
  if (!lapsed.length) return wishes;
  await Promise.all(lapsed.map((w) => expireIfLapsed(w._id, now)));
  const fresh = await Promise.all(lapsed.map((w) => docs.get<WishDoc>(WISHES, w._id)));
  const byId = new Map(fresh.filter((w): w is WishDoc & { _id: string } => !!w).map((w) => [w._id, w]));
  return wishes.map((w) => byId.get(w._id) ?? w);
}

/** A page of wishes as cards, each with its grid's name joined in the same request. */
async function cardPage(where: Record<string, unknown>, opts: { orderBy: [string, 'asc' | 'desc'][]; skip: number; limit: number }, now: number) {
  const rows = await findWith<WishDoc, { grid: JoinRead }>(WISHES, where, opts, { grid: GRID_JOIN });
  const settled = await settleLeases(rows.map((r) => r.doc), now);
  return settled.map((w, i) => ({ doc: w, card: toCard(w, (rows[i].rows.grid[0] as unknown as GridDoc | undefined)?.name) }));
}

export const list = action(
  z.object({
    status: z.optional(z.enum([...STATUSES, 'active'], { error: '状态筛选不正确' })),
    category: z.optional(category),
    sort: z.optional(z.enum(['newest', 'most_wanted'], { error: '排序方式不正确' })),
    cursor,
    limit,
  }),
  async function list(ctx: WishCtx, input) {
    const user = await requireMember(ctx.openid);
    const status = input.status ?? 'active';
    // Only staff see what is not on the public wall.
    const publicStatus = status === 'active' || ACTIVE.includes(status as WishStatus);
    if (!publicStatus) assertStaff(user);
    const where = {
      communityId: user.communityId,
      status: status === 'active' ? { $in: ACTIVE } : status,
      ...(input.category ? { category: input.category } : {}),
    };
    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const orderBy: [string, 'asc' | 'desc'][] = input.sort === 'most_wanted' ? [['wants', 'desc'], ['createdAt', 'desc']] : [['createdAt', 'desc']];
    // The wall (every active status) settles lapsed leases on the cards it shows; a filter by one
    // status must release them first, or a lapsed claim would be missing from 待认领.
    if (status !== 'active') await expireLeases(ctx.now, user.communityId);
    const rows = await cardPage(where, { orderBy, skip: offset, limit: size + 1 }, ctx.now);
    return pageOf(rows.map((r) => r.card), offset, size);
  },
);

export const get = action(z.object({ id: id('心愿编号') }), async function get(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  const staff = hasRole(user, 'staff', 'admin');
  const wish = await readDetail(input.id, user, ctx.now, async (w) => {
    // Unpublished or removed wishes are only for their publisher and staff.
    if (!ACTIVE.includes(w.status) && w.publisherId !== user._id && !staff) throw notFound('心愿不存在或已删除');
    return (await settleLeases([w], ctx.now))[0];
  });
  return { wish };
});

/** 拨打: the live claimer reads the publisher's full phone, once per tap, each read audited. */
export const contact = action(z.object({ id: id('心愿编号') }), async function contact(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  let w = await loadWish(docs, input.id, user);
  [w] = await settleLeases([w], ctx.now);
  if (!reachesPublisher(user, w)) throw forbidden('只有认领中的志愿者可以联系心愿发布人');
  const publisher = w.showPhone ? await docs.get<UserDoc>(USERS, w.publisherId) : null;
  if (!publisher?.phone) throw precondition('发布人没有留下电话');
  await logPhoneView(user, { kind: 'wish', id: w._id, communityId: w.communityId, residentId: w.publisherId, label: `心愿「${w.title}」` }, ctx.now);
  return { phone: publisher.phone };
});

export const mine = action(z.object({ role: z.optional(z.enum(['posted', 'claimed'], { error: '参数不正确' })), cursor }), async function mine(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  const where = input.role === 'claimed' ? { 'claim.userId': user._id } : { publisherId: user._id };
  const offset = offsetOf(input.cursor);
  const rows = await cardPage(where, { orderBy: [['updatedAt', 'desc']], skip: offset, limit: PAGE_MAX + 1 }, ctx.now);
  return pageOf(rows.map((r) => r.card), offset, PAGE_MAX);
});

export const queue = action(z.object({ kind: z.enum(['review', 'confirmation', 'held'], { error: '队列类型不正确' }), cursor }), async function queue(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  const which = input.kind === 'held' ? { held: true } : { status: input.kind === 'review' ? 'pending_review' : 'awaiting_confirmation' };
  const offset = offsetOf(input.cursor);
  const rows = await cardPage({ communityId: user.communityId, ...which }, { orderBy: [['updatedAt', 'asc']], skip: offset, limit: PAGE_MAX + 1 }, ctx.now);
  // Staff review and confirm by the resident's and the volunteer's real names.
  const named = rows.map((r) => ({ ...r.card, publisher: r.doc.publisherName, ...(r.doc.claim ? { claimer: r.doc.claim.name } : {}) }));
  return pageOf(named, offset, PAGE_MAX);
});

export const stats = action(z.object({ seasonId: z.optional(z.string({ error: '季编号不正确' }).check(z.regex(/^[\w-]{1,40}\.s\d{1,4}$/, '季编号不正确'))) }), async function stats(ctx: WishCtx, input) {
  const user = await requireMember(ctx.openid);
  const seasons = await findMany<SeasonDoc>(SEASONS, { communityId: user.communityId }, { orderBy: [['number', 'desc']], limit: 50 });
  const views = seasons.map((s) => seasonView(s, ctx.now));
  const chosen = input.seasonId ? seasons.find((s) => s._id === input.seasonId) : (seasons.find((s) => seasonView(s, ctx.now).open) ?? seasons[0]);
  // The three counts in one request, as side reads of the community's document.
  const got = await readWith(COMMUNITIES, user.communityId, wishFigureReads(user.communityId, chosen));
  const { collected, claimed, completed } = got?.rows ?? { collected: 0, claimed: 0, completed: 0 };
  return { stats: { season: chosen ? { number: chosen.number, name: chosen.name } : undefined, collected, claimed, completed }, seasons: views };
});
