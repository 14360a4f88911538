import * as z from 'zod/mini';
import { randomInt } from 'node:crypto';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../typings/points';
import { action } from '../core/define';
import { conflict, exhausted, forbidden, invalid, notFound, precondition } from '../core/errors';
import { requestId } from '../core/validation';
import { dayjs, ZONE, DAY_MS } from '../core/time';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { maskName } from '../core/mask';
import { docs, findMany, DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, precheck, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { grantFor } from '../user/model';
import { UNITS, UnitDoc, mayVerify } from '../community/model';
import { post } from './ledger';
import { GOODS, GoodsDoc, HOLDINGS, ORDERS, ORDER_TTL_DAYS, OrderDoc, PICKUP_CODES } from './model';
import { HoldingDoc, Member, PointsCtx, giveBack, holdingId, newId, transition } from './context';
import { codeOf, goodsId, orderId, pickupCode, quantity, reason } from './schemas';
import { SYSTEM, isStaffOf, toOrder, toVerified } from './view';
import { actorLabel } from '../user/view';

const STATUSES = ['pending', 'redeemed', 'cancelled', 'expired'] as const;

/** 8 random digits no other order has had; the code's document makes two orders never share one. */
async function freshCode(tx: DocStore): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    if (!(await tx.get(PICKUP_CODES, code))) return code;
  }
  throw new Error('no free pickup code');
}

/** The goods, if the caller may redeem `qty` pieces of it as far as the goods alone can tell. */
function redeemable(g: GoodsDoc | null, user: Member, qty: number): GoodsDoc {
  if (!g || g.communityId !== user.communityId) throw notFound('商品不存在或已下架');
  if (g.status !== 'on_shelf') throw precondition('商品已下架，暂不能兑换');
  if (qty > g.perPersonLimit) throw exhausted(`${g.name}每人限兑${g.perPersonLimit}件`);
  if (g.stock < qty) throw exhausted(g.stock === 0 ? `${g.name}已兑完，请关注补货` : `${g.name}仅剩${g.stock}件`);
  return g;
}

/**
 * Points, stock, the per-person limit, the order and its pickup code: in one transaction, so a
 * redemption happens entirely or not at all, and a replay with the same requestId returns the first.
 */
export const redeem = action(z.object({ goodsId, quantity: z.optional(quantity), requestId }), async function redeem(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  const qty = input.quantity ?? 1;
  const key = requestKey(user._id, 'points', 'redeem', input.requestId);
  // Sold out or off the shelf: say so without a transaction (a rush on the last pieces stays cheap),
  // unless this is the replay of a request that already went through.
  await precheck(key, async () => redeemable(await docs.get<GoodsDoc>(GOODS, input.goodsId), user, qty));
  const done = await transact((tx) =>
    once(tx, key, async () => {
      const g = redeemable(await tx.get<GoodsDoc>(GOODS, input.goodsId), user, qty);
      const hid = holdingId(g._id, user._id);
      const held = (await tx.get<HoldingDoc>(HOLDINGS, hid))?.count ?? 0;
      if (held + qty > g.perPersonLimit) throw exhausted(`${g.name}每人限兑${g.perPersonLimit}件，您已兑换${held}件`);
      const id = newId('po');
      const amount = g.cost * qty;
      const { entry } = await post(tx, {
        userId: user._id,
        communityId: user.communityId,
        amount: -amount,
        kind: 'spend',
        source: { type: 'order', id },
        reason: `兑换：${g.name}×${qty}`,
        by: user._id,
        at: ctx.now,
      });
      const code = await freshCode(tx);
      const holder = actorLabel(user, g.communityId, { owner: true });
      const order: OrderDoc = {
        _id: id,
        communityId: g.communityId,
        userId: user._id,
        holderLabel: maskName(user.displayName),
        goodsId: g._id,
        goodsName: g.name,
        photo: g.photo,
        unitId: g.unitId,
        providerName: g.providerName,
        pickupPlace: g.pickupPlace,
        quantity: qty,
        points: amount,
        code,
        status: 'pending',
        events: [{ at: ctx.now, from: null, to: 'pending', byUserId: user._id, byLabel: holder, why: `兑换${g.name}×${qty}，消耗${amount}积分` }],
        createdAt: ctx.now,
        expiresAt: ctx.now + ORDER_TTL_DAYS * DAY_MS,
        updatedAt: ctx.now,
      };
      await tx.set(GOODS, g._id, { ...g, stock: g.stock - qty, updatedAt: ctx.now });
      await tx.set(HOLDINGS, hid, { goodsId: g._id, userId: user._id, count: held + qty });
      await tx.set(PICKUP_CODES, code, { orderId: id, communityId: g.communityId, createdAt: ctx.now });
      await tx.set(ORDERS, id, order);
      return { orderId: id, balance: entry.balanceAfter };
    }),
  );
  const order = (await docs.get<OrderDoc>(ORDERS, done.orderId))!;
  return { order: toOrder(order, user), balance: done.balance };
});

/** Expires one order whose time is up; safe to call from several places at once (the loser finds nothing to do). */
export async function expireIfLapsed(id: string, now: number): Promise<boolean> {
  return transact(async (tx) => {
    const o = await tx.get<OrderDoc>(ORDERS, id);
    if (!o || o.status !== 'pending' || o.expiresAt > now) return false;
    await giveBack(tx, o, 'expired', { id: SYSTEM._id, label: '系统' }, now, `${ORDER_TTL_DAYS}天内未领取，订单过期，积分和库存已退回`);
    return true;
  });
}

/** Timer trigger (every community), and before someone's orders are shown (theirs): lapsed orders expire. */
export async function expireOrders(now: number, userId?: string): Promise<{ expired: number }> {
  let expired = 0;
  for (;;) {
    const where = { status: 'pending', expiresAt: { $lte: now }, ...(userId ? { userId } : {}) };
    const lapsed = await findMany<OrderDoc>(ORDERS, where, { orderBy: [['expiresAt', 'asc']], limit: 100 });
    for (const o of lapsed) if (await expireIfLapsed(o._id, now)) expired++;
    if (lapsed.length < 100) return { expired };
  }
}

export const orders = action(z.object({ status: z.optional(z.enum(STATUSES, { error: '订单状态不正确' })), cursor, limit }), async function orders(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  await expireOrders(ctx.now, user._id);
  const size = input.limit ?? PAGE_MAX;
  const offset = offsetOf(input.cursor);
  const where = { userId: user._id, ...(input.status ? { status: input.status as OrderStatus } : {}) };
  const rows = await findMany<OrderDoc>(ORDERS, where, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip: offset, limit: size + 1 });
  return pageOf(
    rows.map((o) => toOrder(o, user)),
    offset,
    size,
  );
});

async function loadOrder(store: DocStore, id: string, viewer: Member): Promise<OrderDoc> {
  const o = await store.get<OrderDoc>(ORDERS, id);
  if (!o || o.communityId !== viewer.communityId) throw notFound('订单不存在');
  return o;
}

/** Before pickup, the holder (or staff, with a reason) cancels: points and stock come back, once. */
export const cancelOrder = action(z.object({ id: orderId, reason: z.optional(reason('取消原因')), requestId }), async function cancelOrder(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  const done = await transact((tx) =>
    once(tx, requestKey(user._id, 'points', 'cancelOrder', input.requestId), async () => {
      const o = await loadOrder(tx, input.id, user);
      const mine = o.userId === user._id;
      if (!mine && !isStaffOf(user, o.communityId)) throw forbidden('只能取消自己的兑换订单');
      if (!mine && !input.reason) throw invalid('代居民取消订单须填写原因');
      if (o.status === 'redeemed') throw precondition('商品已领取，订单不能取消');
      const balance = await giveBack(tx, o, 'cancelled', { id: user._id, label: actorLabel(user, o.communityId, { owner: true }) }, ctx.now, input.reason ?? '居民取消兑换');
      return { orderId: o._id, balance: mine ? balance : undefined };
    }),
  );
  const order = (await docs.get<OrderDoc>(ORDERS, done.orderId))!;
  return { order: toOrder(order, user), balance: done.balance };
});

function shanghai(at: number): string {
  return dayjs(at).tz(ZONE).format('M月D日 HH:mm');
}

/**
 * The pickup code (typed, or read from the QR) → redeemed. Staff of the order's community verify
 * any order; a member of a 共建单位 verifies only the goods their unit provides, and only if the
 * unit named them (or named nobody yet).
 */
export const verify = action(z.object({ code: pickupCode, requestId }), async function verify(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  const staff = isStaffOf(user, user.communityId);
  const unitId = grantFor(user, 'unit_member')?.unitId;
  if (!staff && !unitId) throw forbidden('只有社区工作人员或提供商品的共建单位可以核销');
  const unit = !staff && unitId ? await docs.get<UnitDoc>(UNITS, unitId) : null;
  if (unit && !mayVerify(unit, user._id)) throw forbidden('您不是本单位指定的核销人员，请联系单位联系人');
  const code = codeOf(input.code);
  const done = await transact((tx) =>
    once(tx, requestKey(user._id, 'points', 'verify', input.requestId), async () => {
      const link = await tx.get<{ orderId: string }>(PICKUP_CODES, code);
      const o = link ? await tx.get<OrderDoc>(ORDERS, link.orderId) : null;
      if (!o || o.communityId !== user.communityId) throw notFound('提货码不存在，请核对后重试');
      if (!staff && o.unitId !== unitId) throw forbidden(`该商品由${o.providerName}提供，您所在的单位不能核销`);
      if (o.status === 'redeemed') throw conflict(`该提货码已于${shanghai(o.redeemedAt ?? o.updatedAt)}核销，请勿重复发放`);
      if (o.status !== 'pending') throw precondition(`该订单${ORDER_STATUS_LABELS[o.status]}，不能核销`);
      if (o.expiresAt <= ctx.now) {
        // Past its time: it expires now (points and stock back), and the pickup is refused.
        await giveBack(tx, o, 'expired', { id: SYSTEM._id, label: '系统' }, ctx.now, `${ORDER_TTL_DAYS}天内未领取，订单过期，积分和库存已退回`);
        return { orderId: o._id, expired: true };
      }
      const label = staff ? actorLabel(user, o.communityId) : `共建单位 ${unit?.name ?? o.providerName}`;
      const next = transition(o, 'redeemed', { id: user._id, label }, ctx.now, '凭提货码领取');
      await tx.set(ORDERS, o._id, { ...next, redeemedAt: ctx.now, redeemedBy: user._id });
      return { orderId: o._id, expired: false };
    }),
  );
  if (done.expired) throw precondition(`该订单已超过${ORDER_TTL_DAYS}天未领取，已过期，积分已退回居民`);
  const order = (await docs.get<OrderDoc>(ORDERS, done.orderId))!;
  return { order: toVerified(order) };
});
