import { randomBytes } from 'node:crypto';
import type { OrderStatus } from '../../typings/points';
import { ORDER_STATUS_LABELS } from '../../typings/points';
import { precondition } from '../core/errors';
import type { DocStore } from '../platform/store';
import type { CallCtx } from '../user/caller';
import type { UserDoc } from '../user/model';
import { post } from './ledger';
import { AUDIT, AuditDoc, GOODS, GoodsDoc, HOLDINGS, ORDERS, OrderDoc } from './model';
import { actorLabel } from '../user/view';

export type PointsCtx = CallCtx;
export { type Member } from '../user/caller';

export { newId } from '../core/ids';

/** Writes an audit record in the same transaction as the change it describes. */
export async function audit(
  tx: DocStore,
  actor: UserDoc,
  communityId: string,
  at: number,
  record: { action: string; target: { type: string; id: string }; reason?: string; changes?: AuditDoc['changes'] },
): Promise<void> {
  const doc: AuditDoc = { _id: `${at}.${randomBytes(4).toString('hex')}`, communityId, byUserId: actor._id, byLabel: actorLabel(actor, communityId), at, ...record };
  await tx.set(AUDIT, doc._id, doc);
}

/** Field-by-field difference of two versions of a document, for the audit trail. */
export function changesOf<T extends object>(before: T, after: T, fields: Array<keyof T>): AuditDoc['changes'] {
  const out: NonNullable<AuditDoc['changes']> = {};
  for (const f of fields) if (before[f] !== after[f]) out[String(f)] = { from: before[f] ?? null, to: after[f] ?? null };
  return out;
}

/** Which status an order may leave for which. */
const MOVES: Record<OrderStatus, OrderStatus[]> = {
  pending: ['redeemed', 'cancelled', 'expired'],
  redeemed: [],
  cancelled: [],
  expired: [],
};

/** The order after a status change, with the change recorded on it: who, when, from, to, why. */
export function transition(o: OrderDoc, to: OrderStatus, actor: { id: string; label: string }, at: number, why?: string): OrderDoc {
  if (!MOVES[o.status].includes(to)) throw precondition(`订单${ORDER_STATUS_LABELS[o.status]}，不能${to === 'cancelled' ? '取消' : to === 'redeemed' ? '核销' : '过期'}`);
  return { ...o, status: to, updatedAt: at, events: [...o.events, { at, from: o.status, to, byUserId: actor.id, byLabel: actor.label, why }] };
}

export const holdingId = (goodsId: string, userId: string) => `${goodsId}.${userId}`;

export interface HoldingDoc {
  _id: string;
  goodsId: string;
  userId: string;
  /** Pieces held: pending or picked up. */
  count: number;
}

/** Moves a person's pieces of one item inside the transaction; returns the new count. */
export async function adjustHolding(tx: DocStore, goodsId: string, userId: string, delta: number): Promise<number> {
  const id = holdingId(goodsId, userId);
  const cur = await tx.get<HoldingDoc>(HOLDINGS, id);
  const count = Math.max(0, (cur?.count ?? 0) + delta);
  await tx.set(HOLDINGS, id, { goodsId, userId, count });
  return count;
}

/**
 * Cancel or expiry: the order closes, its points come back by one 'refund' entry (its id makes
 * it once per order) and its pieces go back on the shelf, all in the caller's transaction.
 */
export async function giveBack(tx: DocStore, o: OrderDoc, to: 'cancelled' | 'expired', actor: { id: string; label: string }, at: number, why: string): Promise<number> {
  const closed = transition(o, to, actor, at, why);
  const { entry } = await post(tx, {
    userId: o.userId,
    communityId: o.communityId,
    amount: o.points,
    kind: 'refund',
    source: { type: 'order', id: o._id },
    reason: `${to === 'cancelled' ? '取消兑换' : '逾期未领取'}退回：${o.goodsName}×${o.quantity}`,
    by: actor.id,
    at,
  });
  const g = await tx.get<GoodsDoc>(GOODS, o.goodsId);
  if (g) await tx.set(GOODS, g._id, { ...g, stock: g.stock + o.quantity, updatedAt: at });
  await adjustHolding(tx, o.goodsId, o.userId, -o.quantity);
  await tx.set(ORDERS, o._id, closed);
  return entry.balanceAfter;
}
