import type { GridTaskStatus } from '../../typings/gridtask';

/** 网格任务: one document per task; its claim, result and confirmation live on it. */
export const GRID_TASKS = 'party_grid_tasks';

export interface GridTaskDoc {
  _id: string;
  communityId: string;
  gridId: string;
  title: string;
  detail?: string;
  place: string;
  dueAt: number;
  points: number;
  status: GridTaskStatus;
  /** The one worker holding it: read and written in the claim's transaction, so a second claim fails. */
  claimerId?: string;
  claimerName?: string;
  claimedAt?: number;
  result?: { note: string; photos: string[]; at: number };
  confirmedBy?: string;
  confirmedAt?: number;
  cancelReason?: string;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}
