import { groupSum } from '../platform/aggregate';
import { WISHES } from './model';

/** Wishes published in (since, until] and still waiting for review, counted per community, in one aggregation. */
export async function reviewArrivals(since: number, until: number): Promise<Map<string, number>> {
  const rows = await groupSum(WISHES, { match: { status: 'pending_review', createdAt: { $gt: since, $lte: until } }, by: 'communityId', sum: {} });
  return new Map(rows.map((r) => [r._id, r.n]));
}
