import { count, findMany } from '../platform/store';
import { transact } from '../platform/tx';
import type { UserDoc } from '../user/model';
import { giveBack } from './context';
import { ACCOUNTS, AccountDoc, ENTRIES, EntryDoc, ORDERS, OrderDoc } from './model';
import { actorLabel } from '../user/view';

/*
 * A person's points when they see their data or delete their account. The ledger is never
 * touched: entries and the balances stay under the (now anonymous) user id, so sums still match.
 */

const MAX = 100;

export interface PointsOf {
  /** One per community the person has had points in. */
  accounts: AccountDoc[];
  entries: EntryDoc[];
  entryTotal: number;
  orders: OrderDoc[];
  orderTotal: number;
}

export async function pointsOf(userId: string): Promise<PointsOf> {
  const [accounts, entries, orders] = await Promise.all([
    findMany<AccountDoc>(ACCOUNTS, { userId }, { limit: MAX }),
    findMany<EntryDoc>(ENTRIES, { userId }, { orderBy: [['at', 'desc']], limit: MAX }),
    findMany<OrderDoc>(ORDERS, { userId }, { orderBy: [['createdAt', 'desc']], limit: MAX }),
  ]);
  const [entryTotal, orderTotal] = await Promise.all([
    entries.length < MAX ? entries.length : count(ENTRIES, { userId }),
    orders.length < MAX ? orders.length : count(ORDERS, { userId }),
  ]);
  return { accounts, entries, entryTotal, orders, orderTotal };
}

/**
 * Pending orders of someone deleting their account are cancelled as any cancel is (`giveBack`):
 * the pieces go back on the shelf and a refund entry brings the points back, so the ledger
 * balances. One transaction per order; an order already closed is left alone.
 */
export async function leaveOrders(user: UserDoc, at: number): Promise<number> {
  let cancelled = 0;
  for (;;) {
    const rows = await findMany<OrderDoc>(ORDERS, { userId: user._id, status: 'pending' }, { limit: MAX });
    for (const row of rows) {
      const done = await transact(async (tx) => {
        const o = await tx.get<OrderDoc>(ORDERS, row._id);
        if (!o || o.status !== 'pending') return false;
        await giveBack(tx, o, 'cancelled', { id: user._id, label: actorLabel(user, o.communityId, { owner: true }) }, at, '本人注销账号，订单取消，积分和库存已退回');
        return true;
      });
      if (done) cancelled++;
    }
    if (rows.length < MAX) return cancelled;
  }
}
