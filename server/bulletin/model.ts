import type { BulletinAttachment, BulletinAudience, BulletinStatus } from '../../typings/bulletin';

export const BULLETINS = 'bulletins';
/** One per bulletin and person who opened it (`<bulletinId>.<userId>`): read, and 收到 when answered. */
export const BULLETIN_READS = 'bulletin_reads';
/** Publish, edit and withdraw: who, when, why (platform/events.ts's shape). */
export const BULLETIN_EVENTS = 'bulletin_events';

export interface BulletinDoc {
  _id: string;
  communityId: string;
  title: string;
  text: string;
  images: string[];
  attachment?: BulletinAttachment;
  audience: BulletinAudience;
  /** The audience as keys a person matches (`all`, `grid:<id>`, `role:<role>`): one indexed `$in`. */
  to: string[];
  /** How the audience reads (全体居民, 第一网格、第三网格), fixed when published. */
  audienceLabel: string;
  pinned: boolean;
  needsConfirm: boolean;
  urgent: boolean;
  status: BulletinStatus;
  publishedAt: number;
  byUserId: string;
  byLabel: string;
  editedAt?: number;
  withdrawnAt?: number;
  withdrawnWhy?: string;
  /** When the urgent message went out: set once, so a retry never sends twice. */
  toldAt?: number;
}

export interface BulletinReadDoc {
  _id: string;
  bulletinId: string;
  communityId: string;
  userId: string;
  /** The reader's grid when they opened it ('' without one): read counts per grid. */
  gridId: string;
  readAt: number;
  /** 1 once they answered 收到, so counts are sums. */
  confirmed: 0 | 1;
  confirmedAt?: number;
}

export const readId = (bulletinId: string, userId: string) => `${bulletinId}.${userId}`;
