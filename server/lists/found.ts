import type { DocStore } from '../platform/store';
import type { UserDoc } from '../user/model';
import { post } from '../points/ledger';
import { pointsFor } from '../points/rules';
import type { TicketDoc } from './model';

/**
 * 随手拍 credit: the grid worker who found the problem earns `grid_report` points when staff
 * dispatch it. Dispatching is the loop's moment where staff have read the report and judged it a
 * real problem worth someone's work (a bogus one is cancelled instead, and earns nothing); waiting
 * for the fix would make the finder's credit depend on whoever works it. Keyed by the ticket in
 * the ledger, so a re-dispatch or a resent request never credits twice.
 */
export async function creditFinder(tx: DocStore, t: TicketDoc, staff: UserDoc, at: number): Promise<void> {
  if (t.source !== 'grid' || !t.requesterId) return;
  const amount = await pointsFor(tx, t.communityId, 'grid_report');
  if (amount <= 0) return;
  await post(tx, { userId: t.requesterId, communityId: t.communityId, amount, kind: 'earn', source: { type: 'grid_report', id: t._id }, reason: `随手拍经社区派单：${t.title}`.slice(0, 60), by: staff._id, at });
}
