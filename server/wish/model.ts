import type { WishCategory, WishStatus } from '../../typings/wish';
import type { Hold } from '../core/screen';
import type { ChangeEvent } from '../platform/events';

export const WISHES = 'wishes';
export const WISH_EVENTS = 'wish_events';

/** The statuses of a wish on the wall (and on the needs list): approved and not withdrawn or taken down. */
export const ACTIVE: WishStatus[] = ['open', 'claimed', 'awaiting_confirmation', 'completed'];
/** Per-person count of live claims, read and written in the claim transaction so the cap holds under races. */
export const CLAIMERS = 'wish_claimers';

export const MAX_LIVE_CLAIMS = 3;
export const LEASE_DAYS = 7;
/** Staff may confirm alone once the resident has been silent this long after the proof. */
export const RESIDENT_SILENCE_DAYS = 3;

export interface Claim {
  userId: string;
  name: string;
  unitId?: string;
  claimedAt: number;
  leaseUntil: number;
  /** A confirmed party member showing it when they claimed (亮身份). */
  party?: boolean;
}

export interface WishDoc {
  _id: string;
  communityId: string;
  gridId?: string;
  seasonId?: string;
  seasonNumber?: number;
  title: string;
  content: string;
  category: WishCategory;
  photos: string[];
  showPhone: boolean;
  /** Where to come (楼栋/单元/室), shown to the claimer while the claim is live. */
  address?: string;
  /** 工作日白天 / 周末 / 晚上 / 随时, or a date. */
  preferredTime?: string;
  status: WishStatus;
  publisherId: string;
  publisherName: string;
  wantedBy: string[];
  wants: number;
  claim?: Claim;
  /** Staff dispatched its need's ticket: off the wall for all but the assignee, who claims it to accept. */
  dispatch?: { ticketId: string; label: string; workerKeys: string[]; at: number };
  /** Everyone who ever claimed, for stats (a wish released and re-claimed counts once). */
  everClaimed: boolean;
  proof?: { note: string; photos: string[]; at: number; hold?: Hold };
  rating?: { stars: number; comment?: string; at: number; hold?: Hold };
  /** The wish text could not be checked (or WeChat asked for a person): staff see why. */
  hold?: Hold;
  /** Some text of this wish waits for staff (the wish, its proof or its rating): the `held` queue. */
  held?: boolean;
  rejectReason?: string;
  completedAt?: number;
  pointsAwarded?: number;
  createdAt: number;
  updatedAt: number;
}

/** A wish's event; `wishId` (= targetId) is what its timeline and the account tools look it up by. */
export type WishEventDoc = ChangeEvent<'wish'> & { wishId: string; from: WishStatus | null; to: WishStatus };

/** States in which a claim is held. */
export const LIVE: WishStatus[] = ['claimed', 'awaiting_confirmation'];
/** States shown on the public wall. */
export const ON_WALL: WishStatus[] = ['open', 'claimed', 'awaiting_confirmation', 'completed'];
