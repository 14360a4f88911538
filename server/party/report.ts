import type { ReportFigures } from '../../typings/party';
import { groupSum } from '../platform/aggregate';
import { findMany } from '../platform/store';
import { dayjs, ZONE } from '../core/time';
import { WISHES } from '../wish/model';
import { TICKETS } from '../lists/model';
import { SIGNUPS } from '../booking/model';
import { ENTRIES, ofAccount } from '../points/model';
import { USERS, type UserDoc } from '../user/model';
import { RESPONSES, type RegistrationDoc } from './model';

/** A year as Shanghai calendar days: [1 January 00:00, next 1 January 00:00). */
export function yearWindow(year: number): { from: number; to: number } {
  return { from: dayjs.tz(`${year}-01-01`, ZONE).valueOf(), to: dayjs.tz(`${year + 1}-01-01`, ZONE).valueOf() };
}

/** Whose records a report counts: the person, or every member of the unit. */
export async function peopleOf(r: RegistrationDoc): Promise<string[]> {
  if (r.kind !== 'unit' || !r.unitId) return [r.userId];
  const members = await findMany<UserDoc>(USERS, { grants: { $elemMatch: { role: 'unit_member', unitId: r.unitId, communityId: r.communityId } } }, { limit: 1000 });
  return [...new Set([r.userId, ...members.map((m) => m._id)])];
}

type Rows = Array<{ _id: string; n: number }>;

/** Grouped by the rating's stars: the unrated in the null row, each star value in its own. */
function rated(rows: Rows): { n: number; ratings: number; stars: number } {
  let n = 0;
  let ratings = 0;
  let stars = 0;
  for (const row of rows) {
    n += row.n;
    const s = Number(row._id);
    if (row._id !== null && row._id !== undefined && s > 0) {
      ratings += row.n;
      stars += s * row.n;
    }
  }
  return { n, ratings, stars };
}

/**
 * 双报告 figures from the records themselves, never typed: wishes completed, tickets resolved,
 * activities attended, call-outs attended, service minutes, points earned, and the residents'
 * ratings of the wishes and tickets. Five aggregations, run at once.
 */
export async function figuresOf(communityId: string, userIds: string[], year: number): Promise<ReportFigures> {
  return figuresIn(communityId, userIds, yearWindow(year));
}

/** The same figures over any stretch of time, [from, to) (志愿服务证明 names its own period). */
export async function figuresIn(communityId: string, userIds: string[], { from, to }: { from: number; to: number }): Promise<ReportFigures> {
  const within = { $gte: from, $lt: to };
  const $in = userIds;
  const [wishes, tickets, signups, answers, points] = await Promise.all([
    groupSum(WISHES, { match: { communityId, 'claim.userId': { $in }, status: 'completed', completedAt: within }, by: 'rating.stars', sum: {} }),
    groupSum(TICKETS, { match: { communityId, resolvedBy: { $in }, resolvedAt: within }, by: 'rating.stars', sum: {} }),
    groupSum<{ minutes: number }>(SIGNUPS, { match: { communityId, userId: { $in }, status: 'checked_out', checkOutAt: within }, by: 'communityId', sum: { minutes: 'minutes' } }),
    groupSum<{ minutes: number }>(RESPONSES, { match: { communityId, userId: { $in }, attended: true, closedAt: within }, by: 'communityId', sum: { minutes: 'minutes' } }),
    groupSum<{ total: number }>(ENTRIES, { match: { communityId, userId: { $in }, kind: 'earn', at: within, ...ofAccount('points') }, by: 'communityId', sum: { total: 'amount' } }),
  ]);
  const w = rated(wishes);
  const t = rated(tickets);
  const ratings = w.ratings + t.ratings;
  return {
    wishes: w.n,
    tickets: t.n,
    activities: signups[0]?.n ?? 0,
    callouts: answers[0]?.n ?? 0,
    minutes: (signups[0]?.minutes ?? 0) + (answers[0]?.minutes ?? 0),
    points: points[0]?.total ?? 0,
    ratings,
    ...(ratings ? { averageStars: Math.round(((w.stars + t.stars) / ratings) * 10) / 10 } : {}),
  };
}
