import { HOUR_MS } from '../core/time';
import { groupSum } from '../platform/aggregate';
import { transact } from '../platform/tx';
import { tell } from '../notify/inbox';
import { reviewArrivals } from '../wish/news';
import { STATE, TICKETS } from './model';
import { staffOf } from './tickets';

/** Where the last batch ended, in the lists' state collection. */
const MARK = 'staffTold';
const CONSOLE = '/package-staff/pages/console/index';

/** Requests (诉求) raised in (since, until] and still waiting to be dispatched, per community. */
async function dispatchArrivals(since: number, until: number): Promise<Map<string, number>> {
  const rows = await groupSum(TICKETS, { match: { status: 'submitted', createdAt: { $gt: since, $lte: until } }, by: 'communityId', sum: {} });
  return new Map(rows.map((r) => [r._id, r.n]));
}

/**
 * Timer: staff hear of new wishes to review and new requests to dispatch in batches, one message
 * (and one notice) per staff member per batch, never one per item. The batch's window is taken in
 * a transaction before anything is sent, so two runs at once never tell the same arrivals twice.
 */
export async function tellStaff(now: number): Promise<{ communities: number; told: number }> {
  const since = await transact(async (tx) => {
    const mark = await tx.get<{ at: number }>(STATE, MARK);
    await tx.set(STATE, MARK, { at: Math.max(now, mark?.at ?? 0) });
    return mark?.at ?? now - HOUR_MS;
  });
  if (since >= now) return { communities: 0, told: 0 };
  const [wishes, tickets] = await Promise.all([reviewArrivals(since, now), dispatchArrivals(since, now)]);
  let told = 0;
  const communities = [...new Set([...wishes.keys(), ...tickets.keys()])];
  for (const communityId of communities) {
    const w = wishes.get(communityId) ?? 0;
    const t = tickets.get(communityId) ?? 0;
    const matter = [w ? `心愿待审核${w}件` : '', t ? `诉求待派单${t}件` : ''].filter(Boolean).join('，');
    for (const staff of await staffOf(communityId, 'staff')) {
      await tell(
        { userId: staff._id, communityId },
        `staff.${communityId}.${now}.${staff._id}`,
        { title: '有新的事项待处理', body: `新增${matter}，请到工作台处理`, page: CONSOLE, at: now },
        'staffQueue',
        { matter, count: w + t, at: now },
      );
      told++;
    }
  }
  return { communities: communities.length, told };
}
