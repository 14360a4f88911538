import type { Hold } from '../core/screen';
import type { DocStore } from '../platform/store';
import type { UserDoc } from '../user/model';
import type { DeadlineRules } from './deadlines';
import { NEEDS, type NeedDoc } from './model';
import { newId, recordEvent } from './context';
import { commitTicket, ticketFor } from './tickets';

/**
 * A need someone raised (a resident's 诉求, a grid worker's 随手拍) enters the needs list and the
 * dispatch queue (集单) at once, in the caller's transaction, with the same deadlines; a text the
 * content check could not clear waits for staff (`hold`).
 */
export async function raiseNeed(tx: DocStore, need: NeedDoc, actor: UserDoc, at: number, rules: DeadlineRules, hold: Hold | undefined, why: string): Promise<string> {
  const ticket = ticketFor(need, newId('tk'), 'simple', at, actor, at, rules);
  need.ticketId = ticket._id;
  if (hold) ticket.hold = hold;
  await tx.set(NEEDS, need._id, need);
  await recordEvent(tx, { communityId: need.communityId, target: 'need', targetId: need._id, from: null, to: 'open', actor, at, why });
  await commitTicket(tx, rules.calendar, null, ticket, actor, at);
  return ticket._id;
}
