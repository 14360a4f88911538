import type { VanguardRow } from '../../typings/party';
import { action } from '../core/define';
import { maskName } from '../core/mask';
import { localDate } from '../core/time';
import { PAGE_MAX } from '../core/paging';
import { groupSum } from '../platform/aggregate';
import { findMany } from '../platform/store';
import { requireMember, isStaff } from '../user/caller';
import { ENTRIES, ofAccount } from '../points/model';
import { rankTotals } from '../points/rank';
import type { PartyCtx } from './context';
import { REGISTRATIONS, RegistrationDoc } from './model';
import { yearWindow } from './report';
import { vanguardSchema } from './schemas';

/** Confirmed members a community's board reads; past this, the longest registered. */
const MAX_MEMBERS = 1000;

/**
 * 先锋榜: confirmed party members by the 先锋积分 they earned in the year, in the community or in one
 * 党组织 (by the branch on their registration now). Staff read real names, everyone else 张**.
 */
export const vanguard = action(vanguardSchema, async function vanguard(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const communityId = user.communityId;
  const year = input.year ?? Number(localDate(ctx.now).slice(0, 4));
  const { from, to } = yearWindow(year);
  // Every confirmed member at once: the 党组织 to switch between come from the same read.
  const all = await findMany<RegistrationDoc>(REGISTRATIONS, { communityId, kind: 'member', status: 'confirmed' }, { orderBy: [['createdAt', 'asc']], limit: MAX_MEMBERS });
  const members = input.branch ? all.filter((m) => m.branch === input.branch) : all;
  const byUser = new Map(members.map((m) => [m.userId, m]));
  // A 先锋积分 account holds earnings and their reversals only: its entries' sum is what was earned, less mistakes.
  const sums = byUser.size ? await groupSum<{ total: number }>(ENTRIES, { match: { communityId, userId: { $in: [...byUser.keys()] }, at: { $gte: from, $lt: to }, ...ofAccount('vanguard') }, by: 'userId', sum: { total: 'amount' } }) : [];
  const totals = new Map(sums.map((r) => [r._id, r.total]));
  const rows = rankTotals(totals);
  const staff = isStaff(user);
  const view = (r: (typeof rows)[number]): VanguardRow => {
    const m = byUser.get(r.userId)!;
    return { rank: r.rank, name: staff ? m.name : maskName(m.name), ...(m.branch ? { branch: m.branch } : {}), points: r.points, me: r.userId === user._id };
  };
  const mine = rows.find((r) => r.userId === user._id);
  return {
    year,
    ...(input.branch ? { branch: input.branch } : {}),
    branches: [...new Set(all.flatMap((m) => (m.branch ? [m.branch] : [])))].sort(),
    items: rows.slice(0, PAGE_MAX).map(view),
    ...(mine ? { me: view(mine) } : {}),
  };
});
