import { exhausted, invalid } from '../core/errors';
import { holdOf, screenText } from '../core/screen';
import { count, docs } from '../platform/store';
import { transact } from '../platform/tx';
import { passGate } from '../platform/gate';
import { once, precheck, requestKey } from '../platform/idempotency';
import type { Member } from '../user/caller';
import { NEEDS, TICKETS, type Assignee, type NeedDoc, type TicketDoc } from './model';
import { newId, recordEvent } from './context';
import { commitTicket, deadlineRules, ticketFor } from './tickets';

/** How one kind of raised need (a resident's 诉求, a grid worker's 随手拍) is checked and capped. */
export interface Raising {
  action: 'submitRequest' | 'reportFound';
  requestId?: string;
  /** The words the content check reads; `risky` is the answer when it refuses them. */
  text: string;
  risky: string;
  /** Which of the person's tickets waiting for dispatch count against `cap`, and what they are told when full. */
  waiting: Record<string, unknown>;
  cap: number;
  full: (waiting: number) => string;
  /** Sent straight to them (红色物业: the 小区's property company), unless the text waits for staff. */
  routeTo?: Assignee;
  /** What the person said; who raised it, when and where it stands are added here. */
  need: Omit<NeedDoc, '_id' | 'communityId' | 'status' | 'requesterId' | 'requesterName' | 'createdBy' | 'createdAt' | 'updatedAt'>;
  why: string;
}

/**
 * A need someone raised enters the needs list and the dispatch queue (集单) at once, with the same
 * deadlines: its words pass the content check first (a text the check could not clear waits for
 * staff), and the person's waiting ones are counted behind their gate, so the cap holds however
 * many are sent at once.
 */
export async function raise(user: Member, now: number, r: Raising): Promise<TicketDoc> {
  const screening = await screenText(r.text, user.openid);
  if (screening.verdict === 'risky') throw invalid(r.risky);
  const hold = holdOf(screening, now);
  const key = requestKey(user._id, 'lists', r.action, r.requestId);
  const underCap = async () => {
    const waiting = await count(TICKETS, { requesterId: user._id, status: 'submitted', ...r.waiting });
    if (waiting >= r.cap) throw exhausted(r.full(waiting));
  };
  await precheck(key, underCap);
  const rules = await deadlineRules(user.communityId, now);
  const ticketId = await transact((tx) =>
    once(tx, key, async () => {
      // Counted again behind the person's gate: the check above is only the cheap early answer.
      await passGate(tx, `lists.${r.action}`, user._id, now);
      await underCap();
      const need: NeedDoc = {
        _id: newId('nd'),
        communityId: user.communityId,
        ...r.need,
        status: 'open',
        requesterId: user._id,
        requesterName: user.displayName,
        createdBy: user._id,
        createdAt: now,
        updatedAt: now,
      };
      let ticket = ticketFor(need, newId('tk'), 'simple', now, user, now, rules);
      need.ticketId = ticket._id;
      if (hold) ticket.hold = hold;
      else if (r.routeTo) ticket = { ...ticket, status: 'dispatched', assignee: r.routeTo, dispatchedAt: now };
      await tx.set(NEEDS, need._id, need);
      await recordEvent(tx, { communityId: need.communityId, target: 'need', targetId: need._id, from: null, to: 'open', actor: user, at: now, why: r.why });
      await commitTicket(tx, rules.calendar, null, ticket, user, now, ticket.assignee ? `${r.why}，派单给${ticket.assignee.label}` : undefined);
      return ticket._id;
    }),
  );
  return (await docs.get<TicketDoc>(TICKETS, ticketId))!;
}
