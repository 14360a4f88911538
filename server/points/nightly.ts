import type { ReconcileReport } from '../../typings/points';
import { DAY_MS, localDate } from '../core/time';
import { groupSum } from '../platform/aggregate';
import { tell } from '../notify/inbox';
import { staffOf } from '../lists/tickets';
import { ENTRIES, GOODS } from './model';
import { reconcileCommunity } from './reconcile';

/** Two nights: a night the timer missed is still covered by the next. */
const WINDOW_MS = 2 * DAY_MS;
/** Stop starting communities past this, inside the function's 20 s; the rest are checked the next night. */
const BUDGET_MS = 14_000;
const POINTS_ADMIN = '/package-staff/pages/points-admin/index';

/** What an admin reads of a report that found something: 积分账户3个不一致，商品库存1件不一致. */
export function mismatchText(r: ReconcileReport): string {
  return [
    r.mismatches.length ? `积分账户${r.mismatches.length}个与明细不一致` : '',
    r.negative ? `${r.negative}个账户余额为负` : '',
    r.stockMismatches.length ? `${r.stockMismatches.length}件商品库存与订单不一致` : '',
  ]
    .filter(Boolean)
    .join('，');
}

/**
 * Timer: each night the communities whose points or goods moved in the last two nights are
 * reconciled, and every admin of one that does not add up is told (a notice in 我的消息 and the
 * staffQueue message). A notice's key is the community and the day, so a rerun tells nobody twice.
 */
export async function reconcileNightly(now: number): Promise<{ communities: number; checked: number; mismatched: string[] }> {
  const since = now - WINDOW_MS;
  const [moved, restocked] = await Promise.all([
    groupSum(ENTRIES, { match: { at: { $gte: since } }, by: 'communityId', sum: {} }),
    groupSum(GOODS, { match: { updatedAt: { $gte: since } }, by: 'communityId', sum: {} }),
  ]);
  const communities = [...new Set([...moved, ...restocked].map((r) => r._id).filter(Boolean))];
  const mismatched: string[] = [];
  let checked = 0;
  for (const communityId of communities) {
    if (Date.now() - now > BUDGET_MS) break;
    const report = await reconcileCommunity(communityId, now);
    checked++;
    const matter = mismatchText(report);
    if (!matter) continue;
    mismatched.push(communityId);
    const count = report.mismatches.length + report.negative + report.stockMismatches.length;
    for (const admin of await staffOf(communityId, 'admin')) {
      await tell(
        { userId: admin._id, communityId },
        `reconcile.${communityId}.${localDate(now)}.${admin._id}`,
        { title: '积分对账发现不一致', body: `夜间对账：${matter}，请到积分规则与对账页查看`, page: POINTS_ADMIN, at: now },
        'staffQueue',
        { matter: `积分对账：${matter}`, count, at: now },
      );
    }
  }
  return { communities: communities.length, checked, mismatched };
}
