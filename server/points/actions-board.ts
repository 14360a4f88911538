import * as z from 'zod/mini';
import type { LeaderboardRow, LeaderboardScope, ReconcileReport } from '../../typings/points';
import { action } from '../core/define';
import { forbidden, notFound } from '../core/errors';
import { dayjs, localDate, ZONE, DAY_MS } from '../core/time';
import { maskName } from '../core/mask';
import { PAGE_MAX } from '../core/paging';
import { readWith } from '../platform/aggregate';
import { requireMember } from '../user/caller';
import { UserDoc, defaultName, hasRole } from '../user/model';
import { COMMUNITIES, GRIDS, GridDoc, shortGridName } from '../community/model';
import { SEASONS, type SeasonDoc } from '../community/seasons';
import { ofAccount } from './model';
import { reconcileCommunity } from './reconcile';
import type { PointsCtx } from './context';
import { earnedTotals, rankTotals } from './rank';

const RECENT_DAYS = 90;

/** Midnight starting a Shanghai calendar day, in epoch ms. */
const dayStart = (date: string) => dayjs.tz(date, 'YYYY-MM-DD', ZONE).valueOf();

/**
 * How the board tells people apart without naming them: the masked name (a stand-in name such as
 * 居民81BE, the same for everyone who has not chosen one, keeps its last two characters: 居民**BE),
 * and the grid they live in, short (第三网格).
 */
function boardNamesOf(communityId: string, users: UserDoc[], grids: GridDoc[]): Map<string, { name: string; grid?: string }> {
  const gridNames = new Map(grids.map((g) => [g._id, shortGridName(g.name)]));
  return new Map(
    users.map((u) => {
      const grid = u.communityId === communityId && u.gridId ? gridNames.get(u.gridId) : undefined;
      const name = u.displayName === defaultName(u._id) ? `居民**${u.displayName.slice(-2)}` : maskName(u.displayName);
      return [u._id, { name, ...(grid ? { grid } : {}) }];
    }),
  );
}

/** 光荣榜: who earned most in the season under way (or the one asked for), else in the last 90 days. Names masked. */
const seasonId = z.string({ error: '季编号不正确' }).check(z.regex(/^[\w-]{1,64}\.s\d{1,4}$/, '季编号不正确'));

export const leaderboard = action(z.object({ seasonId: z.optional(seasonId) }), async function leaderboard(ctx: PointsCtx, input) {
  const user = await requireMember(ctx.openid);
  const communityId = user.communityId;
  const today = localDate(ctx.now);
  // The seasons and the grids (for the short grid names), beside the community: one request.
  const got = await readWith(COMMUNITIES, communityId, {
    seasons: { from: SEASONS, where: { communityId }, orderBy: [['number', 'desc']], limit: 50 },
    grids: { from: GRIDS, where: { communityId }, limit: 100 },
  });
  const seasons = (got?.rows.seasons ?? []) as unknown as SeasonDoc[];
  const season = input.seasonId ? seasons.find((s) => s._id === input.seasonId) : seasons.find((s) => s.startDate <= today && today <= s.endDate);
  if (input.seasonId && !season) throw notFound('没有这一季');
  const scope: LeaderboardScope = season
    ? { kind: 'season', name: season.name, startDate: season.startDate, endDate: season.endDate }
    : { kind: 'recent', name: `近${RECENT_DAYS}天`, startDate: localDate(ctx.now - (RECENT_DAYS - 1) * DAY_MS), endDate: today };
  const at = season ? { $gte: dayStart(season.startDate), $lt: dayStart(season.endDate) + DAY_MS } : { $gte: ctx.now - RECENT_DAYS * DAY_MS, $lte: ctx.now };
  const { totals, users } = await earnedTotals({ communityId, at, ...ofAccount('points') });
  const rows = rankTotals(totals);
  const top = rows.slice(0, PAGE_MAX);
  const mine = rows.find((r) => r.userId === user._id);
  const shown = [...top, ...(mine ? [mine] : [])].flatMap((r) => users.get(r.userId) ?? []);
  const names = boardNamesOf(communityId, shown, (got?.rows.grids ?? []) as unknown as GridDoc[]);
  const view = (r: (typeof rows)[number]): LeaderboardRow => ({ rank: r.rank, name: '居民', ...names.get(r.userId), points: r.points, me: r.userId === user._id });
  return { scope, items: top.map(view), me: mine ? view(mine) : undefined };
});

/** Admin: every balance of the community (积分 and 先锋积分) recomputed from its entries, every stock from its orders. */
export const reconcile = action(z.object({}), async function reconcile(ctx: PointsCtx): Promise<ReconcileReport> {
  const user = await requireMember(ctx.openid);
  if (!hasRole(user, 'admin')) throw forbidden('只有管理员可以对账');
  return reconcileCommunity(user.communityId, ctx.now);
});
