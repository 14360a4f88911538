import type { DeadlineHours, ExportList, GridWorkerRating, ListsApi, NeedSource, ProjectStatus, SpecialRate, TicketStats } from '../../../../typings/lists';
import { shanghaiDate } from '../../../utils/date';
import { NEED_SOURCE_LABELS, PROJECT_STATUS_LABELS } from '../../../utils/lists-view';

type StatsRes = ListsApi['stats']['res'];

/** 0.857 → '85.7%', 1 → '100%'; no tickets to count → '—'. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

/** The default range: from the 1st of this month to today, in Asia/Shanghai. */
export function thisMonth(now = Date.now()): { from: string; to: string } {
  const to = shanghaiDate(now);
  return { from: `${to.slice(0, 8)}01`, to };
}

export interface TicketStatsView {
  key: string;
  name: string;
  onTimeRate: string;
  completionRate: string;
  satisfactionRate: string;
  /** '4.6 星', or '' when nobody rated. */
  avgStars: string;
  tickets: number;
  completed: number;
  onTime: number;
  late: number;
  overdueOpen: number;
  rated: number;
  reopened: number;
  /** The on-time rate is below 90% (集单—派单—接单—评单 asks for 90% or more). */
  low: boolean;
}

export function toTicketStatsView(key: string, name: string, s: TicketStats): TicketStatsView {
  return {
    key,
    name,
    onTimeRate: percent(s.onTimeRate),
    completionRate: percent(s.completionRate),
    satisfactionRate: percent(s.satisfactionRate),
    avgStars: s.avgStars === null ? '' : `${s.avgStars} 星`,
    tickets: s.tickets,
    completed: s.completed,
    onTime: s.onTime,
    late: s.late,
    overdueOpen: s.overdueOpen,
    rated: s.rated,
    reopened: s.reopened,
    low: s.onTimeRate !== null && s.onTimeRate < 0.9,
  };
}

export interface CountView {
  key: string;
  label: string;
  count: number;
}

/** 特殊群体服务响应率 of one group (or all), against the 100% target. */
export interface SpecialRateView {
  key: string;
  name: string;
  rate: string;
  tickets: number;
  responded: number;
  late: number;
  pending: number;
  /** Below the 100% target: shown in red. */
  low: boolean;
}

export function toSpecialRateView(key: string, name: string, s: SpecialRate, target: number): SpecialRateView {
  return { key, name, rate: percent(s.rate), tickets: s.tickets, responded: s.responded, late: s.late, pending: s.pending, low: s.rate !== null && s.rate < target };
}

/** How 简单事项24小时办结 counts, in words for the admin's choice. */
export const DEADLINE_HOURS_CHOICES: Array<{ value: DeadlineHours; label: string; hint: string }> = [
  { value: 'natural', label: '按自然时', hint: '夜间、周末和节假日也计时：周五18:00提交，周六18:00前办结' },
  { value: 'working', label: '按工作日', hint: '周末和节假日不计时：周五18:00提交，下周一18:00前办结' },
];

export interface StatsView {
  special: { target: string; overall: SpecialRateView; groups: SpecialRateView[] };
  overall: TicketStatsView;
  grids: TicketStatsView[];
  openNeeds: number;
  needSources: CountView[];
  activeResources: number;
  projects: CountView[];
}

export function toStatsView(r: StatsRes): StatsView {
  const target = r.special.target;
  return {
    special: {
      target: percent(target),
      overall: toSpecialRateView('overall', '全部特殊群体', r.special.overall, target),
      groups: r.special.groups.map((g) => toSpecialRateView(g.group, g.group, g, target)),
    },
    overall: toTicketStatsView('overall', '全社区', r.overall),
    grids: r.grids.map((g) => toTicketStatsView(g.gridId || 'none', g.gridName, g)),
    openNeeds: r.needs.open,
    needSources: (Object.keys(NEED_SOURCE_LABELS) as NeedSource[]).map((k) => ({ key: k, label: NEED_SOURCE_LABELS[k], count: r.needs.bySource[k] ?? 0 })),
    activeResources: r.resources.active,
    projects: (Object.keys(PROJECT_STATUS_LABELS) as ProjectStatus[]).map((k) => ({ key: k, label: PROJECT_STATUS_LABELS[k], count: r.projects[k] ?? 0 })),
  };
}

export const EXPORT_LISTS: Array<{ list: ExportList; label: string }> = [
  { list: 'needs', label: '需求清单' },
  { list: 'resources', label: '资源清单' },
  { list: 'projects', label: '项目清单' },
  { list: 'tickets', label: '工单' },
];

export { pasteText } from '../../../utils/csv';
export interface RatingView {
  key: string;
  name: string;
  grids: string;
  /** ★★★☆☆, or '' when there are too few tickets to rate. */
  stars: string;
  /** 金牌网格员 / 银牌网格员 / 铜牌网格员, or ''. */
  medal: string;
  medalClass: string;
  /** '77 分', or '样本不足'. */
  score: string;
  line: string;
}

/** One grid worker's 星级 / 金银铜, as staff read it. */
export function toRatingView(r: GridWorkerRating): RatingView {
  return {
    key: r.userId,
    name: r.name,
    grids: r.grids.join('、'),
    stars: r.stars === null ? '' : '★'.repeat(r.stars) + '☆'.repeat(5 - r.stars),
    medal: r.medalLabel ?? '',
    medalClass: r.medal ? `medal-${r.medal}` : '',
    score: r.score === null ? '样本不足' : `${r.score} 分`,
    line: `工单 ${r.tickets} · 按时 ${r.onTime} · 超时 ${r.late} · 按时办结率 ${percent(r.onTimeRate)} · 评价 ${r.rated} 条${r.avgStars === null ? '' : `，均 ${r.avgStars} 星`}`,
  };
}
