import type { Idempotent, Page } from './api';
import type { ContactPhone, TaskContact } from './contact';

export const WISH_CATEGORIES = ['生活物资', '助老助残', '儿童关爱', '医疗健康', '文化学习', '维修帮办', '其他'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

export type WishStatus =
  | 'pending_review'
  | 'rejected'
  | 'open'
  | 'claimed'
  | 'awaiting_confirmation'
  | 'completed'
  | 'withdrawn'
  | 'taken_down';

/** A wish as it appears on the wall. */
export interface WishCard {
  id: string;
  title: string;
  category: WishCategory;
  status: WishStatus;
  /** Masked: 王**. */
  publisher: string;
  gridName?: string;
  /** How many neighbours wish the same (同求). */
  wants: number;
  photos: string[];
  createdAt: number;
  season?: number;
  /** Masked claimer name once claimed. */
  claimer?: string;
  /** 亮身份: the claimer is a confirmed party member (双报到) who shows it: 「党员」 beside the name. */
  claimerParty?: boolean;
  /** The start of the content, so a queue can be worked without opening each wish. */
  excerpt: string;
  /** When the proof was submitted (staff may confirm alone 3 days later). */
  proofAt?: number;
  /** Why some text of the wish waits for staff review (the content check was unavailable, say). */
  heldReason?: string;
}

export interface WishEvent {
  at: number;
  from: WishStatus | null;
  to: WishStatus;
  /** 居民 王** / 志愿者 李** / 社区工作者 — never an openid. */
  by: string;
  why?: string;
}

export interface WishDetail extends WishCard {
  content: string;
  timeline: WishEvent[];
  /**
   * The publisher's name, masked phone, address and preferred time: only to the claimer, and only
   * while the claim is live (claimed, awaiting confirmation); the phone only if the publisher allowed it.
   */
  contact?: TaskContact;
  /** While the note is held for review, only the claimer and staff read it. */
  proof?: { note: string; photos: string[]; at: number; held?: boolean };
  leaseUntil?: number;
  rating?: { stars: number; comment?: string; held?: boolean };
  rejectReason?: string;
  /** Points the claimer earned on completion. */
  pointsAwarded?: number;
  /** What the caller may do now. */
  can: WishPermission[];
  mine: boolean;
  claimedByMe: boolean;
  wantedByMe: boolean;
}

export type WishPermission =
  | 'review'
  | 'clearHold'
  | 'claim'
  | 'want'
  | 'release'
  | 'revoke'
  | 'submitProof'
  | 'confirm'
  | 'dispute'
  | 'rate'
  | 'withdraw'
  | 'takedown';

export interface WishStats {
  season?: { number: number; name: string };
  collected: number;
  claimed: number;
  completed: number;
}

export interface SeasonView {
  id: string;
  number: number;
  name: string;
  startDate: string;
  endDate: string;
  open: boolean;
}

export interface WishApi {
  publish: {
    req: {
      title: string;
      content: string;
      category: WishCategory;
      photos?: string[];
      showPhone?: boolean;
      /** 楼栋/单元/室, ≤ 60 characters. */
      address?: string;
      /** 工作日白天 / 周末 / 晚上 / 随时, or a date (YYYY-MM-DD). */
      preferredTime?: string;
    } & Idempotent;
    res: { wish: WishDetail; similar: WishCard[] };
  };
  similar: { req: { title: string; content?: string; category: WishCategory }; res: { items: WishCard[] } };
  want: { req: { id: string } & Idempotent; res: { wish: WishDetail } };
  review: { req: { id: string; approve: boolean; reason?: string } & Idempotent; res: { wish: WishDetail } };
  /** Staff: held text (a proof note, a rating comment) has been read and may be shown. */
  clearHold: { req: { id: string } & Idempotent; res: { wish: WishDetail } };
  list: {
    req: {
      status?: WishStatus | 'active';
      category?: WishCategory;
      sort?: 'newest' | 'most_wanted';
      cursor?: string;
      limit?: number;
    };
    res: Page<WishCard>;
  };
  get: { req: { id: string }; res: { wish: WishDetail } };
  /** The live claimer reads the publisher's full phone for a call; each read is audited. */
  contact: { req: { id: string }; res: ContactPhone };
  claim: { req: { id: string } & Idempotent; res: { wish: WishDetail } };
  release: { req: { id: string; reason?: string } & Idempotent; res: { wish: WishDetail } };
  revoke: { req: { id: string; reason: string } & Idempotent; res: { wish: WishDetail } };
  submitProof: { req: { id: string; note: string; photos?: string[] } & Idempotent; res: { wish: WishDetail } };
  confirm: { req: { id: string } & Idempotent; res: { wish: WishDetail; pointsAwarded: number } };
  dispute: { req: { id: string; reason: string } & Idempotent; res: { wish: WishDetail } };
  rate: { req: { id: string; stars: number; comment?: string } & Idempotent; res: { wish: WishDetail } };
  withdraw: { req: { id: string; reason?: string } & Idempotent; res: { wish: WishDetail } };
  takedown: { req: { id: string; reason: string } & Idempotent; res: { wish: WishDetail } };
  mine: { req: { role?: 'posted' | 'claimed'; cursor?: string }; res: Page<WishCard> };
  queue: { req: { kind: 'review' | 'confirmation' | 'held'; cursor?: string }; res: Page<WishCard> };
  stats: { req: { seasonId?: string }; res: { stats: WishStats; seasons: SeasonView[] } };
  openSeason: { req: { name?: string; startDate: string; endDate: string } & Idempotent; res: { season: SeasonView } };
}
