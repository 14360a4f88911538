import type { AccountKind, EntryKind, GoodsStatus, OrderStatus } from '../../typings/points';

export type { AccountKind, EntryKind };

/**
 * One account per person and community (`accountId`): points are earned, spent and reconciled in
 * the community they belong to, and stay there when the person moves. There is no production data
 * keyed the old way (by user id alone), so nothing is migrated; the demo seed writes this shape.
 */
export const ACCOUNTS = 'points_accounts';
export const ENTRIES = 'points_entries';
export const GOODS = 'points_goods';
export const ORDERS = 'points_orders';
/** Pickup code → order; the document id is the code, so two orders never share one. */
export const PICKUP_CODES = 'points_pickup_codes';
/** Per person and item: pieces held (pending or picked up), read and written in the redeem transaction. */
export const HOLDINGS = 'points_holdings';
/** Who changed what, when and why: awards, corrections, rules, goods. */
export const AUDIT = 'points_audit';

/** What gave rise to an entry; one source moves points at most once per kind. */
export interface Source {
  type: string;
  id: string;
}

export interface EntryDoc {
  _id: string;
  userId: string;
  communityId: string;
  /** Signed whole points. */
  amount: number;
  kind: EntryKind;
  source: Source;
  reason: string;
  by: string;
  at: number;
  balanceAfter: number;
  /** For reversing entries: the entry this one corrects. */
  reverses?: string;
  reversesKind?: EntryKind;
  /** Set on 先锋积分 entries only; the spendable account's entries, written before it existed, carry none. */
  account?: 'vanguard';
}

export interface AccountDoc {
  /** `accountId(communityId, userId, account)`. */
  _id: string;
  userId: string;
  communityId: string;
  account?: 'vanguard';
  balance: number;
  earned: number;
  spent: number;
  updatedAt: number;
}

export const accountId = (communityId: string, userId: string, account: AccountKind = 'points') => (account === 'vanguard' ? `${communityId}.${userId}.vanguard` : `${communityId}.${userId}`);

/** The entries or accounts of one kind, as a query: the spendable ones are those without the field. */
export const ofAccount = (account: AccountKind) => ({ account: account === 'vanguard' ? 'vanguard' : { $exists: false } });

export const kindOf = (doc: { account?: 'vanguard' }): AccountKind => doc.account ?? 'points';

/** An order not picked up within this many days expires and its points come back. */
export const ORDER_TTL_DAYS = 14;

export interface GoodsDoc {
  _id: string;
  communityId: string;
  name: string;
  description?: string;
  photo?: string;
  cost: number;
  /** Pieces on the shelf now; changed in the same transaction as the points. Never below zero. */
  stock: number;
  /** Every piece ever put on the shelf: stock + pieces held by pending and picked-up orders. */
  supplied: number;
  unitId?: string;
  /** The unit's or the community's name, kept with the goods for display. */
  providerName: string;
  pickupPlace: string;
  perPersonLimit: number;
  status: GoodsStatus;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface OrderEventDoc {
  at: number;
  from: OrderStatus | null;
  to: OrderStatus;
  byUserId: string;
  /** How the actor appears to others: a role and a masked name, or a unit. */
  byLabel: string;
  why?: string;
}

export interface OrderDoc {
  _id: string;
  communityId: string;
  userId: string;
  /** Masked at write time, for verifiers. */
  holderLabel: string;
  goodsId: string;
  goodsName: string;
  photo?: string;
  unitId?: string;
  providerName: string;
  pickupPlace: string;
  quantity: number;
  points: number;
  code: string;
  status: OrderStatus;
  /** Every status change: who, when, from, to, why. An order has few, so they live on it. */
  events: OrderEventDoc[];
  createdAt: number;
  expiresAt: number;
  redeemedAt?: number;
  redeemedBy?: string;
  updatedAt: number;
}

export interface AuditDoc {
  _id: string;
  communityId: string;
  action: string;
  byUserId: string;
  byLabel: string;
  at: number;
  target: { type: string; id: string };
  reason?: string;
  changes?: Record<string, { from: unknown; to: unknown }>;
}

/** Orders that hold stock and points. */
export const LIVE_ORDER: OrderStatus[] = ['pending'];
/** Orders whose pieces left the shelf for good or for now (count against stock and the per-person limit). */
export const HOLDING_ORDER: OrderStatus[] = ['pending', 'redeemed'];
