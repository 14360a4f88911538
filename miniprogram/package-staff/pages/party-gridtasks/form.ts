import type { PublishGridTask } from '../../../../typings/gridtask';

/** A grid task as staff type it. */
export interface GridTaskDraft {
  gridId: string;
  title: string;
  place: string;
  detail: string;
  date: string;
  time: string;
  points: string;
}

/** A Shanghai wall-clock date and time as an instant (China keeps UTC+8 all year). */
const instant = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

/** The first problem of the draft, in words; null when it can be sent. */
export function gridTaskProblem(d: GridTaskDraft, now: number): string | null {
  if (!d.gridId) return '请选择网格';
  if (!d.title.trim()) return '请写明任务';
  if (!d.place.trim()) return '请填写地点';
  if (!/^\d{1,2}$/.test(d.points.trim()) || Number(d.points) < 1 || Number(d.points) > 50) return '积分请填写1到50';
  if (instant(d.date, d.time) <= now) return '完成时间须晚于现在';
  return null;
}

export function gridTaskOf(d: GridTaskDraft): PublishGridTask {
  const detail = d.detail.trim();
  return { gridId: d.gridId, title: d.title.trim(), place: d.place.trim(), ...(detail ? { detail } : {}), dueAt: instant(d.date, d.time), points: Number(d.points.trim()) };
}
