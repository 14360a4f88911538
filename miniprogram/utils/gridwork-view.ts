import type { GridTask, GridTaskStatus } from '../../typings/gridtask';
import { friendlyTime } from './date';

/** A grid task (网格任务) as the worker's and the staff list show it. */
export interface GridTaskView {
  id: string;
  title: string;
  detail: string;
  place: string;
  gridName: string;
  dueText: string;
  pointsText: string;
  status: GridTaskStatus;
  statusLabel: string;
  claimer: string;
  mine: boolean;
  resultNote: string;
  resultPhotos: string[];
  cancelReason: string;
}

export function toGridTaskView(t: GridTask, now: number = Date.now()): GridTaskView {
  return {
    id: t.id,
    title: t.title,
    detail: t.detail ?? '',
    place: t.place,
    gridName: t.gridName ?? '',
    dueText: `${friendlyTime(t.dueAt, now)}前完成`,
    pointsText: `${t.points} 积分`,
    status: t.status,
    statusLabel: t.statusLabel,
    claimer: t.claimer ?? '',
    mine: t.mine,
    resultNote: t.result?.note ?? '',
    resultPhotos: t.result?.photos ?? [],
    cancelReason: t.cancelReason ?? '',
  };
}

/** 随手拍's limits, as the server checks them. */
export const SNAP_LIMITS = { title: 30, photos: 3, address: 60, note: 200 };

/** The categories a grid worker meets on the way, first; the rest under 更多类别. */
export const SNAP_CATEGORIES: readonly string[] = ['安全巡查', '环境清洁', '水电维修', '房屋修缮', '绿化养护', '消防宣传', '矛盾调解', '助老服务'];
