import * as z from 'zod/mini';
import type { GridWorkerRating } from '../../typings/lists';
import { action } from '../core/define';
import { invalid } from '../core/errors';
import { isDate, localDate, DAY_MS } from '../core/time';
import { shanghaiTime } from '../core/calendar';
import { findMany } from '../platform/store';
import { requireMember } from '../user/caller';
import { USERS, type UserDoc } from '../user/model';
import { ERRANDS, type ErrandDoc } from '../booking/model';
import { TICKETS, type TicketDoc } from './model';
import { assertStaff, findAll, gridNames, type ListsCtx } from './context';
import { date } from './schemas';
import { RATING_FORMULA, rateWorker } from './ratings';

const MAX_RANGE_DAYS = 366;

/**
 * 网格员星级评定: each grid worker of the community (part-time ones included) rated from the
 * tickets dispatched to them that were raised in the period and the residents' stars on them and
 * on the errands they did, rated in the period. Computed on each read, never stored.
 */
export const workerRatings = action(z.object({ from: z.optional(date), to: z.optional(date) }), async function workerRatings(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以查看网格员评定');
  const to = input.to ?? localDate(ctx.now);
  const from = input.from ?? `${to.slice(0, 4)}-01-01`;
  if (!isDate(from) || !isDate(to)) throw invalid('日期格式须为 YYYY-MM-DD');
  if (to < from) throw invalid('结束日期不能早于开始日期');
  const start = shanghaiTime(from, '00:00');
  const end = shanghaiTime(to, '00:00') + DAY_MS;
  if (end - start > MAX_RANGE_DAYS * DAY_MS) throw invalid(`评定区间不能超过${MAX_RANGE_DAYS}天`);
  const c = user.communityId;
  const workers = await findMany<UserDoc>(USERS, { grants: { $elemMatch: { role: 'grid_worker', communityId: c } } }, { limit: 200 });
  const $in = workers.map((w) => w._id);
  const [tickets, errands, names] = await Promise.all([
    $in.length ? findAll<TicketDoc>(TICKETS, { communityId: c, 'assignee.userId': { $in }, createdAt: { $gte: start, $lt: end } }) : [],
    $in.length ? findMany<ErrandDoc>(ERRANDS, { communityId: c, assigneeId: { $in }, status: 'rated', 'rating.at': { $gte: start, $lt: end } }, { limit: 1000 }) : [],
    gridNames(c),
  ]);
  const items: GridWorkerRating[] = workers.map((w) => {
    const grids = w.grants.filter((g) => g.role === 'grid_worker' && g.communityId === c && g.gridId).map((g) => names.get(g.gridId!) ?? '网格');
    const mine = tickets.filter((t) => t.assignee?.userId === w._id);
    const stars = errands.filter((e) => e.assigneeId === w._id && e.rating).map((e) => e.rating!.stars);
    return { userId: w._id, name: w.displayName, grids, ...rateWorker(mine, stars, ctx.now) };
  });
  items.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.tickets - a.tickets || (a.userId < b.userId ? -1 : 1));
  return { from, to, formula: RATING_FORMULA, items };
});
