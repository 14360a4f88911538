import type { EntryKind, Goods, LeaderboardRow, Order, OrderEvent, OrderStatus, PointsEntry, RuleKey, VerifiedOrder } from '../../typings/points';
import { friendlyTime } from './date';

// Runtime copies of the contract (DevTools cannot load modules outside miniprogramRoot).
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = { earn: '获得', spend: '兑换', refund: '退回', adjust: '调整' };

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = { pending: '待领取', redeemed: '已领取', cancelled: '已取消', expired: '已过期' };

export const RULE_KEYS: RuleKey[] = ['wish_completed', 'activity_attended', 'request_resolved', 'volunteer_hour', 'garbage_sorting', 'neighbour_help', 'grid_report'];

/** Limits the server enforces; checked here too so people get an answer without a round trip. */
export const REASON_MAX = 100;
export const AWARD_MAX = 1000;
/** Days an order waits for pickup before it expires and its points come back. */
export const PICKUP_DAYS = 14;
export const PICKUP_QR_PREFIX = 'honglin://pickup/';
/** What a resident's 积分码 carries, for staff who award points by scanning it. */
export const MEMBER_QR_PREFIX = 'honglin://member/';

/** A colour family per order status, used as a class name (status-open, …). */
const ORDER_TONES: Record<OrderStatus, string> = { pending: 'open', redeemed: 'done', cancelled: 'off', expired: 'off' };

export interface EntryView {
  id: string;
  /** '+10' or '-30'. */
  amount: string;
  gain: boolean;
  kind: string;
  reason: string;
  time: string;
  balanceAfter: number;
}

export function toEntryView(e: PointsEntry, now: number = Date.now()): EntryView {
  return {
    id: e.id,
    amount: e.amount > 0 ? `+${e.amount}` : String(e.amount),
    gain: e.amount > 0,
    kind: ENTRY_KIND_LABELS[e.kind] ?? '',
    reason: e.reason,
    time: friendlyTime(e.at, now),
    balanceAfter: e.balanceAfter,
  };
}

/** Appends a page, leaving out items already shown (a new entry may shift the offsets). */
export function appendById<T extends { id: string }>(shown: T[], more: T[]): T[] {
  const seen = new Set(shown.map((x) => x.id));
  return shown.concat(more.filter((x) => !seen.has(x.id)));
}

export interface GoodsView {
  id: string;
  name: string;
  description: string;
  /** An image URL, or '' for the placeholder. */
  photo: string;
  cost: number;
  stock: number;
  soldOut: boolean;
  offShelf: boolean;
  /** 剩余 12 件 / 已兑完. */
  stockText: string;
  provider: string;
  unitId: string;
  pickupPlace: string;
  perPersonLimit: number;
  limitText: string;
  myRemaining: number;
  /** Staff only: 累计上架 30 件. */
  suppliedText: string;
}

export function toGoodsView(g: Goods, image: (fileId: string) => string): GoodsView {
  const soldOut = g.stock <= 0;
  return {
    id: g.id,
    name: g.name,
    description: g.description ?? '',
    photo: g.photo ? image(g.photo) : '',
    cost: g.cost,
    stock: g.stock,
    soldOut,
    offShelf: g.status === 'off_shelf',
    stockText: soldOut ? '已兑完' : `剩余 ${g.stock} 件`,
    provider: g.provider,
    unitId: g.unitId ?? '',
    pickupPlace: g.pickupPlace,
    perPersonLimit: g.perPersonLimit,
    limitText: `每人限兑 ${g.perPersonLimit} 件`,
    myRemaining: g.myRemaining,
    suppliedText: g.supplied !== undefined ? `累计上架 ${g.supplied} 件` : '',
  };
}

/** How many pieces the person may ask for now: the limit, the stock and the balance all allow it. */
export function maxQuantity(g: Pick<Goods, 'stock' | 'myRemaining' | 'cost' | 'status'>, balance: number): number {
  if (g.status !== 'on_shelf') return 0;
  return Math.max(0, Math.min(g.myRemaining, g.stock, Math.floor(balance / g.cost)));
}

/** Why the goods cannot be redeemed at all now, in words; '' when it can. */
export function blockReason(g: Pick<Goods, 'stock' | 'myRemaining' | 'cost' | 'status' | 'perPersonLimit'>, balance: number): string {
  if (g.status !== 'on_shelf') return '商品已下架，暂不能兑换';
  if (g.stock <= 0) return '已兑完，请关注补货';
  if (g.myRemaining <= 0) return `每人限兑 ${g.perPersonLimit} 件，您已兑满`;
  if (balance < g.cost) return `积分不足，还差 ${g.cost - balance} 积分`;
  return '';
}

/** 12345678 → 1234 5678: easier to read out and to type. */
export function formatCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** What a verifier typed or scanned: 8 digits (spaces and dashes ignored), or the QR text. '' when neither. */
export function parsePickupCode(input: string): string {
  const t = input.trim();
  if (t.startsWith(PICKUP_QR_PREFIX)) return /^\d{8}$/.test(t.slice(PICKUP_QR_PREFIX.length)) ? t.slice(PICKUP_QR_PREFIX.length) : '';
  const digits = t.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : '';
}

/** The 积分码's text: the member's 会员号 behind the prefix. */
export const memberQr = (memberNo: string) => `${MEMBER_QR_PREFIX}${memberNo}`;

/** 1234567 → '123 4567', as it is read out at a desk. */
export const spacedMemberNo = (memberNo: string) => `${memberNo.slice(0, 3)} ${memberNo.slice(3)}`;

/**
 * What staff search residents by: the 会员号 in a scanned 积分码, or what they typed (a 会员号 or
 * phone with its spaces dropped, else a name). '' for a code that is not a 积分码.
 */
export function memberQuery(input: string): string {
  const t = input.trim();
  if (t.startsWith(MEMBER_QR_PREFIX)) return /^\d{7}$/.test(t.slice(MEMBER_QR_PREFIX.length)) ? t.slice(MEMBER_QR_PREFIX.length) : '';
  if (/^honglin:\/\//.test(t)) return '';
  const digits = t.replace(/[\s-]/g, '');
  return /^\d+$/.test(digits) ? digits : t;
}

export interface OrderEventView {
  key: string;
  time: string;
  by: string;
  move: string;
  why: string;
}

const ORDER_MOVES: Record<OrderStatus, string> = {
  pending: '兑换了，等待领取',
  redeemed: '确认已领取',
  cancelled: '取消了兑换，积分已退回',
  expired: '过了领取时间，兑换取消，积分已退回',
};

/** One step of an order's history as a sentence: 居民 王**兑换了，等待领取. */
function toEventView(e: OrderEvent, i: number): OrderEventView {
  const move = e.to === 'expired' ? ORDER_MOVES.expired : `${e.by}${ORDER_MOVES[e.to]}`;
  return { key: `${e.at}-${i}`, time: friendlyTime(e.at), by: e.by, move, why: e.why ?? '' };
}

export interface OrderView {
  id: string;
  goodsName: string;
  photo: string;
  provider: string;
  pickupPlace: string;
  quantity: number;
  points: number;
  status: OrderStatus;
  statusLabel: string;
  tone: string;
  /** 1234 5678, only while waiting for pickup. */
  code: string;
  /** The text drawn as the QR code. */
  qr: string;
  created: string;
  expires: string;
  redeemed: string;
  canCancel: boolean;
  timeline: OrderEventView[];
}

function baseView(o: VerifiedOrder | Order, image: (fileId: string) => string) {
  return {
    id: o.id,
    goodsName: o.goodsName,
    photo: o.photo ? image(o.photo) : '',
    provider: o.provider,
    pickupPlace: o.pickupPlace,
    quantity: o.quantity,
    points: o.points,
    status: o.status,
    statusLabel: ORDER_STATUS_LABELS[o.status],
    tone: ORDER_TONES[o.status],
    created: friendlyTime(o.createdAt),
    expires: friendlyTime(o.expiresAt),
    redeemed: o.redeemedAt ? friendlyTime(o.redeemedAt) : '',
    timeline: o.timeline.map(toEventView),
  };
}

export function toOrderView(o: Order, image: (fileId: string) => string): OrderView {
  return {
    ...baseView(o, image),
    code: o.pickupCode ? formatCode(o.pickupCode) : '',
    qr: o.pickupQr ?? '',
    canCancel: o.can.includes('cancel'),
  };
}

export interface VerifiedView extends Omit<OrderView, 'code' | 'qr' | 'canCancel'> {
  holder: string;
}

export function toVerifiedView(o: VerifiedOrder, image: (fileId: string) => string): VerifiedView {
  return { ...baseView(o, image), holder: o.holder };
}

export interface RankView {
  key: string;
  rank: number;
  name: string;
  /** The person's grid, short (第三网格); empty when they have not said where they live. */
  grid: string;
  points: number;
  me: boolean;
  /** Gold, silver and bronze for the first three places. */
  medal: string;
}

export function toRankView(r: LeaderboardRow, i: number): RankView {
  return { key: `${r.rank}-${i}`, rank: r.rank, name: r.name, grid: r.grid ?? '', points: r.points, me: r.me, medal: r.rank <= 3 ? `medal-${r.rank}` : '' };
}
