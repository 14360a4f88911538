import type { ActivityCategory, ActivityInput } from '../../../../typings/booking';

export const ACTIVITY_LIMITS = { title: 30, description: 500, capacityMax: 200, horizonDays: 90 };

export interface ActivityDraft {
  title: string;
  category: string;
  description: string;
  placeId: string;
  date: string;
  from: string;
  to: string;
  capacity: string;
  audience: 'volunteers' | 'everyone';
}

/** What is wrong with the draft, in words, or '' when it can be published. `today` is Shanghai's. */
export function activityProblem(d: ActivityDraft, today: string): string {
  if (!d.title.trim()) return '请填写活动名称';
  if (d.title.trim().length > ACTIVITY_LIMITS.title) return `活动名称最多${ACTIVITY_LIMITS.title}字`;
  if (!d.category) return '请选择活动类别';
  if (!d.description.trim()) return '请填写活动内容';
  if (d.description.trim().length > ACTIVITY_LIMITS.description) return `活动内容最多${ACTIVITY_LIMITS.description}字`;
  if (!d.placeId) return '请选择活动地点';
  if (!d.date || d.date < today) return '请选择今天以后的活动日期';
  if (!d.from || !d.to || d.to <= d.from) return '结束时间须晚于开始时间';
  const n = Number(d.capacity);
  if (!/^\d+$/.test(d.capacity.trim()) || n < 1 || n > ACTIVITY_LIMITS.capacityMax) return `招募人数须为1到${ACTIVITY_LIMITS.capacityMax}之间的整数`;
  return '';
}

export function activityInput(d: ActivityDraft): ActivityInput {
  return {
    title: d.title.trim(),
    category: d.category as ActivityCategory,
    description: d.description.trim(),
    placeId: d.placeId,
    date: d.date,
    from: d.from,
    to: d.to,
    capacity: Number(d.capacity),
    audience: d.audience,
  };
}
