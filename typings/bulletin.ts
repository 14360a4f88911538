import type { Idempotent, Page } from './api';

/*
 * 通知公告: what a community tells its residents (停水、停电、活动、政策). Called `bulletin` in code;
 * `notices` are the personal messages of 我的消息.
 */

/** Who a bulletin is for: everyone of the community, some grids, or people holding some roles. */
export type BulletinAudience = { kind: 'all' } | { kind: 'grids'; gridIds: string[] } | { kind: 'roles'; roles: BulletinRole[] };

export const BULLETIN_ROLES = ['volunteer', 'unit_member', 'grid_worker', 'staff'] as const;
export type BulletinRole = (typeof BULLETIN_ROLES)[number];

export const BULLETIN_ROLE_LABELS: Record<BulletinRole, string> = {
  volunteer: '志愿者',
  unit_member: '共建单位成员',
  grid_worker: '网格员',
  staff: '社区工作者',
};

/** A file uploaded with the bulletin (a PDF of the 停水 notice, a form to fill). */
export interface BulletinAttachment {
  fileId: string;
  name: string;
}

export interface BulletinInput {
  title: string;
  text: string;
  images?: string[];
  attachment?: BulletinAttachment;
  audience: BulletinAudience;
  pinned?: boolean;
  /** Residents are asked to answer 收到 (停水、停电). */
  needsConfirm?: boolean;
  /** Also sent as a subscribe message to those who allowed one. */
  urgent?: boolean;
}

/** What may change after publishing; `null` takes an attachment off. */
export interface BulletinChanges {
  title?: string;
  text?: string;
  images?: string[];
  attachment?: BulletinAttachment | null;
  pinned?: boolean;
  needsConfirm?: boolean;
}

export type BulletinStatus = 'published' | 'withdrawn';

/** A row of the list. */
export interface BulletinItem {
  id: string;
  title: string;
  /** The first words of the text. */
  excerpt: string;
  pinned: boolean;
  needsConfirm: boolean;
  urgent: boolean;
  publishedAt: number;
  status: BulletinStatus;
  /** The caller opened it. */
  read: boolean;
  /** The caller answered 收到. */
  confirmed: boolean;
}

export interface Bulletin extends BulletinItem {
  text: string;
  images: string[];
  attachment?: BulletinAttachment;
  /** 全体居民, 第一网格、第二网格, 志愿者 … */
  audienceLabel: string;
  audience: BulletinAudience;
  /** 社区工作者 or 管理员: who published it, as residents see it. */
  byLabel: string;
  editedAt?: number;
  /** The caller is one it is for and may answer 收到 (not yet answered). */
  canConfirm: boolean;
}

/** A staff row: the bulletin with how many read it and answered 收到. */
export interface BulletinManaged extends BulletinItem {
  audienceLabel: string;
  reads: number;
  confirms: number;
}

export interface BulletinGridCount {
  gridId: string;
  name: string;
  read: number;
  confirmed: number;
  /** Residents living in the grid, when the bulletin is for grids or everyone. */
  total?: number;
}

export interface BulletinCounts {
  bulletin: BulletinManaged;
  grids: BulletinGridCount[];
}

export interface BulletinApi {
  publish: { req: BulletinInput & Idempotent; res: { bulletin: Bulletin } };
  edit: { req: { id: string; changes: BulletinChanges } & Idempotent; res: { bulletin: Bulletin } };
  withdraw: { req: { id: string; reason: string } & Idempotent; res: { bulletin: Bulletin } };
  /** Residents: the bulletins for them, pinned first, newest next, with unread marks. */
  list: { req: { cursor?: string }; res: Page<BulletinItem> };
  /** Opens one: marks it read for the caller. */
  get: { req: { id: string }; res: { bulletin: Bulletin } };
  /** 确认收到: once; again changes nothing. */
  confirm: { req: { id: string } & Idempotent; res: { bulletin: Bulletin } };
  /** Staff: every bulletin of the community, withdrawn ones too, with read counts. */
  manage: { req: { cursor?: string }; res: Page<BulletinManaged> };
  /** Staff: who read it and answered 收到, per grid. */
  counts: { req: { id: string }; res: BulletinCounts };
}
