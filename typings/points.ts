import type { Idempotent, Page } from './api';

/** earn: for an action; spend: a redemption; refund: a redemption given back; adjust: set-up and corrections. */
export type EntryKind = 'earn' | 'spend' | 'refund' | 'adjust';

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  earn: '获得',
  spend: '兑换',
  refund: '退回',
  adjust: '调整',
};

/**
 * The ledger holds two kinds of account per person and community: 'points', the 积分 spent in
 * the mall, and 'vanguard', a party member's 先锋积分, earned by the same deeds, never spent.
 */
export type AccountKind = 'points' | 'vanguard';

/** One line of the caller's points history. */
export interface PointsEntry {
  id: string;
  /** Signed whole points: +10 earned, -30 spent. */
  amount: number;
  kind: EntryKind;
  /** What gave rise to it: wish, award, order, reversal, seed … */
  sourceType: string;
  reason: string;
  at: number;
  balanceAfter: number;
  /** For a correction: the entry it reverses. */
  reverses?: string;
}

/** Points are held per community: earned, spent and reconciled there. */
export interface PointsBalance {
  /** In the caller's current community. */
  balance: number;
  /** Everything ever earned (less reversed earnings). */
  earned: number;
  /** Everything spent on goods, less refunds. */
  spent: number;
  /** Balances left in communities the caller lived in before: shown, not spendable here. */
  elsewhere?: Array<{ communityId: string; communityName: string; balance: number }>;
}

/** What earns how much in a community. */
export const RULE_KEYS = ['wish_completed', 'activity_attended', 'request_resolved', 'volunteer_hour', 'garbage_sorting', 'neighbour_help', 'grid_report'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export const RULE_LABELS: Record<RuleKey, string> = {
  wish_completed: '完成一个微心愿',
  activity_attended: '参加一次社区活动',
  request_resolved: '帮办一件居民诉求',
  volunteer_hour: '志愿服务每满1小时',
  garbage_sorting: '垃圾分类督导一次',
  neighbour_help: '邻里互助一次',
  grid_report: '随手拍经社区派单一次',
};

export interface EarningRule {
  key: RuleKey;
  label: string;
  points: number;
  /** True when the community set its own value instead of the default. */
  custom: boolean;
}

export type GoodsStatus = 'on_shelf' | 'off_shelf';

/** A thing in the points mall (米、面、油、洗车卡, a haircut voucher …). */
export interface Goods {
  id: string;
  name: string;
  description?: string;
  /** A cloud file id; the client shows a placeholder when absent. */
  photo?: string;
  /** Points for one piece. */
  cost: number;
  stock: number;
  /** Name of the providing unit, or of the community itself. */
  provider: string;
  /** Set when a 共建单位 provides it; its members may verify pickups of it. */
  unitId?: string;
  pickupPlace: string;
  /** Pieces one person may hold (pending or picked up) of this item. */
  perPersonLimit: number;
  status: GoodsStatus;
  /** How many more pieces the caller may still redeem (limit, stock and balance aside). */
  myRemaining: number;
  /** Staff only: everything ever put on the shelf. */
  supplied?: number;
  updatedAt: number;
}

export type OrderStatus = 'pending' | 'redeemed' | 'cancelled' | 'expired';

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: '待领取',
  redeemed: '已领取',
  cancelled: '已取消',
  expired: '已过期',
};

/** One status change of an order: who, when, from, to, why. */
export interface OrderEvent {
  at: number;
  from: OrderStatus | null;
  to: OrderStatus;
  /** 居民 王** / 社区工作者 / 东台市人民医院 / 系统 — never an openid. */
  by: string;
  why?: string;
}

export interface Order {
  id: string;
  goodsId: string;
  goodsName: string;
  photo?: string;
  provider: string;
  pickupPlace: string;
  quantity: number;
  /** Points paid for the whole order. */
  points: number;
  status: OrderStatus;
  /** 8 digits, only to the holder and only while the order waits for pickup. */
  pickupCode?: string;
  /** The text the client draws as a QR code (what `wx.scanCode` reads back); verify accepts it as the code. */
  pickupQr?: string;
  createdAt: number;
  /** After this, an order not picked up expires and its points come back. */
  expiresAt: number;
  redeemedAt?: number;
  timeline: OrderEvent[];
  /** What the caller may do now. */
  can: Array<'cancel'>;
}

/** What a verifier sees of someone else's order. */
export interface VerifiedOrder extends Omit<Order, 'pickupCode' | 'pickupQr' | 'can'> {
  /** Masked: 王**. */
  holder: string;
}

export interface LeaderboardRow {
  rank: number;
  /** Masked: 李**. */
  name: string;
  /** The grid the person lives in, short (第三网格), so two 李** tell apart. */
  grid?: string;
  points: number;
  me: boolean;
}

export interface LeaderboardScope {
  kind: 'season' | 'recent';
  /** 第3季 / 近90天 */
  name: string;
  startDate: string;
  endDate: string;
}

export interface AuditRecord {
  at: number;
  action: string;
  by: string;
  target: { type: string; id: string };
  reason?: string;
  /** Changed fields: value before and after. */
  changes?: Record<string, { from: unknown; to: unknown }>;
}

export interface ReconcileReport {
  accounts: number;
  entries: number;
  /** Every account checked, 先锋积分 accounts included ('vanguard' on their rows). */
  mismatches: Array<{ userId: string; name: string; account?: 'vanguard'; balance: number | null; sumOfEntries: number; entries: number }>;
  negative: number;
  goods: number;
  stockMismatches: Array<{ goodsId: string; name: string; stock: number; supplied: number; held: number }>;
  checkedAt: number;
}

/** One line of a resident's account as staff read it: who gave it, and whether it may still be reversed. */
export interface AccountEntry extends PointsEntry {
  /** Who posted it: the staff member's real name and role, 系统 for automatic credits. */
  by: string;
  /** Already corrected by a reversing entry. */
  reversed: boolean;
  /** An earning or adjustment not yet reversed: staff may reverse it with a reason. */
  reversible: boolean;
}

/** Staff: a resident's 积分账户 — who they are, the balance and the entries, newest first. */
export interface AccountTrail {
  holder: { id: string; name: string; grid?: string; memberNo?: string };
  balance: number;
  earned: number;
  spent: number;
  entries: AccountEntry[];
  next?: string;
}

export type GoodsInput = {
  name: string;
  description?: string;
  photo?: string;
  cost: number;
  unitId?: string;
  pickupPlace: string;
  perPersonLimit?: number;
};

export type ManageGoods =
  | ({ op: 'create'; stock: number } & GoodsInput & Idempotent)
  | ({ op: 'edit'; id: string; reason?: string } & Partial<Omit<GoodsInput, 'unitId'>> & { /** null: provided by the community itself. */ unitId?: string | null } & Idempotent)
  | ({ op: 'restock'; id: string; quantity: number; reason?: string } & Idempotent)
  | ({ op: 'offShelf'; id: string; reason: string } & Idempotent)
  | ({ op: 'onShelf'; id: string } & Idempotent);

export interface PointsApi {
  balance: { req: Record<string, never>; res: PointsBalance };
  history: { req: { kind?: EntryKind; cursor?: string; limit?: number }; res: Page<PointsEntry> };
  rules: { req: Record<string, never>; res: { rules: EarningRule[] } };
  /** Staff: a community's own values; keys left out keep theirs. */
  setRules: { req: { values: Partial<Record<RuleKey, number>>; reason?: string } & Idempotent; res: { rules: EarningRule[] } };
  /** Staff: points for something done (a number, or a rule's value), with the reason shown to the person. Not to oneself. */
  award: { req: { userId: string; points?: number; rule?: RuleKey; reason: string } & Idempotent; res: { entry: PointsEntry; holder: string } };
  /** Staff: a correction, as a reversing entry (an earning given by mistake). */
  reverse: { req: { entryId: string; reason: string } & Idempotent; res: { entry: PointsEntry; holder: string } };
  goods: { req: { all?: boolean; cursor?: string; limit?: number }; res: Page<Goods> };
  goodsDetail: { req: { id: string }; res: { goods: Goods } };
  manageGoods: { req: ManageGoods; res: { goods: Goods } };
  /** Staff: the audit trail of awards, corrections, rules and goods. */
  audit: { req: { targetId?: string; cursor?: string }; res: Page<AuditRecord> };
  redeem: { req: { goodsId: string; quantity?: number } & Idempotent; res: { order: Order; balance: number } };
  orders: { req: { status?: OrderStatus; cursor?: string; limit?: number }; res: Page<Order> };
  /** The holder, or staff with a reason; `balance` is the holder's, after the refund, when the caller is the holder. */
  cancelOrder: { req: { id: string; reason?: string } & Idempotent; res: { order: Order; balance?: number } };
  /** Staff of the community, or a member of the providing unit: the pickup code (or the QR text) → redeemed. */
  verify: { req: { code: string } & Idempotent; res: { order: VerifiedOrder } };
  leaderboard: { req: { seasonId?: string }; res: { scope: LeaderboardScope; items: LeaderboardRow[]; me?: LeaderboardRow } };
  /** Staff: a resident's account in the caller's community, 20 entries a page with who posted each. */
  account: { req: { userId: string; cursor?: string }; res: AccountTrail };
  /** Admin: every balance recomputed from its entries, every stock from its orders. */
  reconcile: { req: Record<string, never>; res: ReconcileReport };
}
