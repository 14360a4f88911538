import type { AuditRecord, Goods, Order, OrderEvent, PointsEntry, VerifiedOrder } from '../../typings/points';
import { UserDoc, hasRole } from '../user/model';
import { QR_PREFIX } from './schemas';
import type { AuditDoc, EntryDoc, GoodsDoc, OrderDoc, OrderEventDoc } from './model';

export function toEntry(e: EntryDoc): PointsEntry {
  return { id: e._id, amount: e.amount, kind: e.kind, sourceType: e.source.type, reason: e.reason, at: e.at, balanceAfter: e.balanceAfter, reverses: e.reverses };
}

export function isStaffOf(user: UserDoc, communityId: string): boolean {
  return user.communityId === communityId && hasRole(user, 'staff', 'admin');
}

/** `held`: pieces of this item the viewer holds now (pending or picked up). */
export function toGoods(g: GoodsDoc, viewer: UserDoc, held: number): Goods {
  return {
    id: g._id,
    name: g.name,
    description: g.description,
    photo: g.photo,
    cost: g.cost,
    stock: g.stock,
    provider: g.providerName,
    unitId: g.unitId,
    pickupPlace: g.pickupPlace,
    perPersonLimit: g.perPersonLimit,
    status: g.status,
    myRemaining: Math.max(0, g.perPersonLimit - held),
    supplied: isStaffOf(viewer, g.communityId) ? g.supplied : undefined,
    updatedAt: g.updatedAt,
  };
}

export function toOrderEvent(e: OrderEventDoc): OrderEvent {
  return { at: e.at, from: e.from, to: e.to, by: e.byLabel, why: e.why };
}

function orderBase(o: OrderDoc) {
  return {
    id: o._id,
    goodsId: o.goodsId,
    goodsName: o.goodsName,
    photo: o.photo,
    provider: o.providerName,
    pickupPlace: o.pickupPlace,
    quantity: o.quantity,
    points: o.points,
    status: o.status,
    createdAt: o.createdAt,
    expiresAt: o.expiresAt,
    redeemedAt: o.redeemedAt,
    timeline: o.events.map(toOrderEvent),
  };
}

/** The holder's own view: the pickup code (digits and QR text) while the order waits for pickup. */
export function toOrder(o: OrderDoc, viewer: UserDoc): Order {
  const mine = o.userId === viewer._id;
  const showCode = mine && o.status === 'pending';
  return {
    ...orderBase(o),
    pickupCode: showCode ? o.code : undefined,
    pickupQr: showCode ? `${QR_PREFIX}${o.code}` : undefined,
    can: o.status === 'pending' && (mine || isStaffOf(viewer, o.communityId)) ? ['cancel'] : [],
  };
}

/** What a verifier sees: the holder by masked name, never the code or a phone. */
export function toVerified(o: OrderDoc): VerifiedOrder {
  return { ...orderBase(o), holder: o.holderLabel };
}

export function toAudit(a: AuditDoc): AuditRecord {
  return { at: a.at, action: a.action, by: a.byLabel, target: a.target, reason: a.reason, changes: a.changes };
}

export { SYSTEM } from '../user/caller';
