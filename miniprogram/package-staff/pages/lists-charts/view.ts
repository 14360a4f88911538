import type { ListsCharts } from '../../../../typings/lists';
import { percent } from '../lists-stats/view';

/** Colour follows meaning: green meets the target, red falls short, neutral tones only count. */
export const COLORS = { good: '#1E7B3A', short: '#A31218', count: '#3A5A8C', claimed: '#C77700', hours: '#6B4FA0' };
/** 诉求类别 are kinds, not verdicts: tones that are neither the target's green nor its red. */
const KIND_TONES = ['#3A5A8C', '#C77700', '#6B4FA0', '#2E7D8C', '#8C6D46', '#5C6B7A', '#9E7BB5'];

/** The smallest slice of 诉求类别 shown on its own; the rest are summed as 其他. */
const CATEGORY_SLICES = 6;

/** What one chart draws, as uCharts takes it (`type`, `categories`, `series`, `extra`), and what it says in words. */
export interface ChartSpec {
  id: string;
  title: string;
  type: 'column' | 'ring';
  categories: string[];
  /** A column chart's values by category; a ring's slice is one number. */
  series: Array<{ name: string; color?: string; data: number | Array<number | null | { value: number; color: string }> }>;
  /** The top of the value axis: 100 for rates, else a round number over the data, so the ticks are whole. */
  max: number;
  /** A dashed line at the target (rates only). */
  target?: number;
  /** Series shown side by side (several per category). */
  legend: boolean;
  /** The figures in words, for anyone who cannot read the chart (and for the tests). */
  summary: string;
  empty: boolean;
}

/** A round top for a count's axis: five equal whole steps over the largest value. */
const roundTop = (values: number[]) => Math.max(5, Math.ceil(Math.max(0, ...values) / 5) * 5);

const weekLabel = (monday: string) => `${Number(monday.slice(5, 7))}/${Number(monday.slice(8, 10))}`;
const pct = (rate: number) => Math.round(rate * 1000) / 10;
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

/** A rate's bar: green at or above the target, red below; no bar (not a 0) where nothing could be judged. */
function rateBar(rate: number | null, target: number): { value: number; color: string } | null {
  if (rate === null) return null;
  return { value: pct(rate), color: rate < target ? COLORS.short : COLORS.good };
}

export function toChartSpecs(c: ListsCharts): ChartSpec[] {
  const weeks = c.weeks.map((w) => weekLabel(w.start));
  const requests = c.weeks.reduce((n, w) => n + w.requests, 0);
  const onTime = c.weeks.reduce((n, w) => n + w.onTime, 0);
  const late = c.weeks.reduce((n, w) => n + w.late, 0);
  const overall = onTime + late ? onTime / (onTime + late) : null;
  const short = c.weeks.filter((w) => w.onTimeRate !== null && w.onTimeRate < c.target).length;
  const minutes = c.weeks.reduce((n, w) => n + w.volunteerMinutes, 0);
  const slices = c.categories.slice(0, CATEGORY_SLICES);
  const rest = c.categories.slice(CATEGORY_SLICES).reduce((n, x) => n + x.tickets, 0);
  const pie = [...slices.map((x) => ({ name: x.category, value: x.tickets })), ...(rest ? [{ name: '其他', value: rest }] : [])];
  const target = `目标${percent(c.target)}`;
  return [
    {
      id: 'requests',
      title: '每周诉求数',
      type: 'column',
      categories: weeks,
      series: [{ name: '诉求', color: COLORS.count, data: c.weeks.map((w) => w.requests) }],
      max: roundTop(c.weeks.map((w) => w.requests)),
      legend: false,
      summary: `${c.weeks.length}周共 ${requests} 件诉求`,
      empty: requests === 0,
    },
    {
      id: 'ontime',
      title: `每周按时办结率（${target}）`,
      type: 'column',
      categories: weeks,
      series: [{ name: '按时办结率', data: c.weeks.map((w) => rateBar(w.onTimeRate, c.target)) }],
      max: 100,
      target: pct(c.target),
      legend: false,
      summary: `按时办结率 ${percent(overall)}（按时 ${onTime} · 超时 ${late}），${short ? `${short}周低于目标` : '没有低于目标的一周'}`,
      empty: onTime + late === 0,
    },
    {
      id: 'grids',
      title: `各网格按时办结率（${target}）`,
      type: 'column',
      // 第一网格（冷冻厂宿舍） → 第一网格: six full names do not fit under the bars.
      categories: c.grids.map((g) => g.gridName.replace(/（.*）$/, '')),
      series: [{ name: '按时办结率', data: c.grids.map((g) => rateBar(g.onTimeRate, c.target)) }],
      max: 100,
      target: pct(c.target),
      legend: false,
      summary: c.grids.map((g) => `${g.gridName} ${percent(g.onTimeRate)}（${g.tickets}件）`).join('；'),
      empty: c.grids.every((g) => g.onTimeRate === null),
    },
    {
      id: 'categories',
      title: '诉求类别',
      type: 'ring',
      categories: [],
      series: pie.map((p, i) => ({ name: p.name, color: KIND_TONES[i % KIND_TONES.length], data: p.value })),
      max: 0,
      legend: true,
      summary: pie.map((p) => `${p.name} ${p.value}件`).join('；'),
      empty: pie.length === 0,
    },
    {
      id: 'seasons',
      title: '每季微心愿',
      type: 'column',
      categories: c.seasons.map((s) => s.name),
      series: [
        { name: '征集', color: COLORS.count, data: c.seasons.map((s) => s.collected) },
        { name: '认领', color: COLORS.claimed, data: c.seasons.map((s) => s.claimed) },
        { name: '完成', color: COLORS.good, data: c.seasons.map((s) => s.completed) },
      ],
      max: roundTop(c.seasons.map((s) => s.collected)),
      legend: true,
      summary: c.seasons.map((s) => `${s.name} 征集${s.collected} · 认领${s.claimed} · 完成${s.completed}`).join('；'),
      empty: c.seasons.length === 0,
    },
    {
      id: 'hours',
      title: '每周志愿服务时长（小时）',
      type: 'column',
      categories: weeks,
      series: [{ name: '服务时长', color: COLORS.hours, data: c.weeks.map((w) => hours(w.volunteerMinutes)) }],
      max: roundTop(c.weeks.map((w) => hours(w.volunteerMinutes))),
      legend: false,
      summary: `${c.weeks.length}周共 ${hours(minutes)} 小时（活动签退与吹哨报到）`,
      empty: minutes === 0,
    },
  ];
}

/** The period choices: whole weeks back from today. */
export const PERIODS = [
  { weeks: 4, label: '近4周' },
  { weeks: 12, label: '近12周' },
  { weeks: 26, label: '近半年' },
];
