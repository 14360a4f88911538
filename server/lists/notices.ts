import { dayjs, ZONE } from '../core/time';
import { notify } from '../notify/outbox';
import type { TicketDoc } from './model';
import { runningDeadline } from './deadlines';
import { workersOf } from './tickets';

/** The page a ticket's message opens. */
export const ticketPage = (id: string) => `pages/lists/ticket/index?id=${id}`;

/** 10月8日 15:00, in Shanghai. */
export function shortTime(at: number): string {
  return dayjs(at).tz(ZONE).format('M月D日 HH:mm');
}

/** Tells whoever may take the ticket that it came to them. Best effort, after the commit. */
export async function noticeDispatched(t: TicketDoc): Promise<void> {
  const run = runningDeadline(t);
  const due = run ? `${run.phase === 'accept' ? '请于' : '须于'}${shortTime(run.deadline)}前${run.phase === 'accept' ? '接单' : '办结'}` : '请及时办理';
  for (const userId of await workersOf(t)) await notify(userId, 'ticketDispatched', ticketPage(t._id), { thing1: t.title, thing2: due });
}

/** Tells the resident how their request moved. */
export async function noticeRequester(t: TicketDoc, what: string): Promise<void> {
  if (t.requesterId) await notify(t.requesterId, 'ticketUpdated', ticketPage(t._id), { thing1: t.title, phrase2: what });
}
