import type { GridWorkerRating, Medal } from '../../typings/lists';
import { ticketStats, type StatTicket } from './stats';

/*
 * 星级 and 金银铜 网格员 (葫芦岛: 常态化开展"金、银、铜"网格员评定; 镇江: 评选星级社工), computed
 * from the records over a period, never typed or stored:
 *   score = 100 × (60% on-time rate + 40% average stars ÷ 5), or 100 × on-time rate when nobody rated;
 *   ★★★★★ 金牌 ≥ 90 (the seeds' 订单完成率90%以上), ★★★★ 银牌 ≥ 80, ★★★ 铜牌 ≥ 70, ★★ ≥ 60, ★ below;
 *   fewer than MIN_COUNTED tickets judged on time or late: 样本不足, no rating.
 * On-time and late are the dispatch statistics' (`ticketStats`): a ticket still open past its
 * deadline is late. Ratings are the residents' stars on the tickets and the errands they did.
 */

export const MIN_COUNTED = 3;
const ON_TIME_WEIGHT = 0.6;
const BANDS: Array<{ min: number; stars: number; medal?: Medal }> = [
  { min: 90, stars: 5, medal: 'gold' },
  { min: 80, stars: 4, medal: 'silver' },
  { min: 70, stars: 3, medal: 'bronze' },
  { min: 60, stars: 2 },
  { min: 0, stars: 1 },
];
export const MEDAL_LABELS: Record<Medal, string> = { gold: '金牌网格员', silver: '银牌网格员', bronze: '铜牌网格员' };
export const RATING_FORMULA = '得分 = 按时办结率×60% + 居民评价均分÷5×40%（无人评价时按按时办结率）；≥90分五星金牌，≥80分四星银牌，≥70分三星铜牌，≥60分二星；按时或超时的工单少于3件不评。';

export function rateWorker(tickets: StatTicket[], errandStars: number[], now: number): Omit<GridWorkerRating, 'userId' | 'name' | 'grids'> {
  const s = ticketStats(tickets, now);
  const stars = [...tickets.flatMap((t) => (t.status !== 'cancelled' && t.rating ? [t.rating.stars] : [])), ...errandStars];
  const avgStars = stars.length ? Math.round((stars.reduce((a, b) => a + b, 0) / stars.length) * 100) / 100 : null;
  const counted = s.onTime + s.late;
  const base = { tickets: s.tickets, onTime: s.onTime, late: s.late, onTimeRate: s.onTimeRate, rated: stars.length, avgStars };
  if (counted < MIN_COUNTED || s.onTimeRate === null) return { ...base, score: null, stars: null };
  const rate = s.onTime / counted;
  const score = Math.round(100 * (avgStars === null ? rate : ON_TIME_WEIGHT * rate + (1 - ON_TIME_WEIGHT) * (avgStars / 5)));
  const band = BANDS.find((b) => score >= b.min)!;
  return { ...base, score, stars: band.stars, ...(band.medal ? { medal: band.medal, medalLabel: MEDAL_LABELS[band.medal] } : {}) };
}
