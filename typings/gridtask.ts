import type { Idempotent, Page } from './api';

/**
 * 网格任务: small tasks staff publish to one grid's workers, the part-time ones (couriers and
 * riders, 兼职网格员) above all: check a lamp, hand out a notice, look in on an elderly resident.
 * Claimed by one worker, finished with a note or photo, confirmed by staff (points credited once).
 */
export type GridTaskStatus = 'open' | 'claimed' | 'done' | 'confirmed' | 'cancelled';
export const GRID_TASK_STATUS_LABELS: Record<GridTaskStatus, string> = {
  open: '待认领',
  claimed: '进行中',
  done: '待确认',
  confirmed: '已完成',
  cancelled: '已撤销',
};

export interface GridTask {
  id: string;
  gridId: string;
  gridName?: string;
  title: string;
  detail?: string;
  place: string;
  /** Epoch ms: by when it should be done. */
  dueAt: number;
  points: number;
  status: GridTaskStatus;
  statusLabel: string;
  /** 周** to workers; the real name to staff and to the claimer. */
  claimer?: string;
  /** The caller holds the claim. */
  mine: boolean;
  result?: { note: string; photos: string[]; at: number };
  cancelReason?: string;
  createdAt: number;
  updatedAt: number;
}

/** open: open tasks of the caller's grids · mine: the caller's claims · all: the community's (staff). */
export type GridTaskScope = 'open' | 'mine' | 'all';

export interface PublishGridTask {
  gridId: string;
  title: string;
  detail?: string;
  place: string;
  dueAt: number;
  points: number;
}

export interface GridTaskApi {
  gridTasks: { req: { scope?: GridTaskScope; status?: GridTaskStatus; cursor?: string }; res: Page<GridTask> };
  publishGridTask: { req: PublishGridTask & Idempotent; res: { task: GridTask } };
  claimGridTask: { req: { id: string } & Idempotent; res: { task: GridTask } };
  finishGridTask: { req: { id: string; note: string; photos?: string[] } & Idempotent; res: { task: GridTask } };
  confirmGridTask: { req: { id: string } & Idempotent; res: { task: GridTask; credited: number } };
  cancelGridTask: { req: { id: string; reason: string } & Idempotent; res: { task: GridTask } };
}
