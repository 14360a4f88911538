import type { DocData } from '../platform/store';
import { groupSum } from '../platform/aggregate';
import { ENTRIES } from './model';

/**
 * Earned per person among the entries matching `where`: earnings less the earnings reversed as
 * mistakes; spending does not lower a place on a board.
 */
export async function earnedTotals(where: DocData): Promise<Map<string, number>> {
  const [earned, reversed] = await Promise.all([
    groupSum<{ total: number }>(ENTRIES, { match: { ...where, kind: 'earn' }, by: 'userId', sum: { total: 'amount' }, sortDesc: 'total' }),
    groupSum<{ total: number }>(ENTRIES, { match: { ...where, reversesKind: 'earn' }, by: 'userId', sum: { total: 'amount' } }),
  ]);
  const totals = new Map(earned.map((r) => [r._id, r.total]));
  for (const r of reversed) totals.set(r._id, (totals.get(r._id) ?? 0) + r.total);
  return totals;
}

/**
 * Totals (person → points) as board places: highest first, ties share a place (1, 2, 2, 4), and
 * equal totals fall in a fixed order by id, so the board reads the same on every call.
 * Nobody with nothing (or less) is on a board.
 */
export function rankTotals(totals: Map<string, number>): Array<{ userId: string; rank: number; points: number }> {
  const ranked = [...totals].filter(([, p]) => p > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const rows: Array<{ userId: string; rank: number; points: number }> = [];
  ranked.forEach(([userId, points], i) => rows.push({ userId, points, rank: i > 0 && points === ranked[i - 1][1] ? rows[i - 1].rank : i + 1 }));
  return rows;
}
