import { GRID_TASK_STATUS_LABELS, type GridTask } from '../../typings/gridtask';
import { maskName } from '../core/mask';
import type { GridTaskDoc } from './gridtask-model';

/** Staff and the claimer read the claimer's name; other workers see it masked. */
export function toGridTask(t: GridTaskDoc, viewerId: string, staff: boolean, gridName?: string): GridTask {
  const mine = !!t.claimerId && t.claimerId === viewerId;
  return {
    id: t._id,
    gridId: t.gridId,
    ...(gridName ? { gridName } : {}),
    title: t.title,
    ...(t.detail ? { detail: t.detail } : {}),
    place: t.place,
    dueAt: t.dueAt,
    points: t.points,
    status: t.status,
    statusLabel: GRID_TASK_STATUS_LABELS[t.status],
    ...(t.claimerName ? { claimer: staff || mine ? t.claimerName : maskName(t.claimerName) } : {}),
    mine,
    ...(t.result ? { result: t.result } : {}),
    ...(t.cancelReason ? { cancelReason: t.cancelReason } : {}),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}
