import type { DocData } from '../platform/store';
import { groupWith, type JoinRead } from '../platform/aggregate';
import { USERS, type UserDoc } from '../user/model';
import { ENTRIES } from './model';

/** An entry's amount when it is an earning or the reversal of one (negative); spending counts nothing. */
const EARNED = { $cond: [{ $or: [{ $eq: ['$kind', 'earn'] }, { $eq: ['$reversesKind', 'earn'] }] }, '$amount', 0] };

/**
 * Earned per person among the entries matching `where`: earnings less the earnings reversed as
 * mistakes; spending does not lower a place on a board. Each person's user document comes joined
 * in the same request, for the names a board shows.
 */
export async function earnedTotals(where: DocData): Promise<{ totals: Map<string, number>; users: Map<string, UserDoc> }> {
  const rows = await groupWith<{ total: number }, { user: JoinRead }>(ENTRIES, { match: where, by: 'userId', sum: { total: EARNED }, sortDesc: 'total' }, { user: { from: USERS, localField: '_id', foreignField: '_id' } });
  const totals = new Map(rows.map((r) => [r.group._id, r.group.total]));
  const users = new Map(rows.flatMap((r) => (r.rows.user[0] ? [[r.group._id, r.rows.user[0] as unknown as UserDoc] as const] : [])));
  return { totals, users };
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
