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
  const values = { title: t.title, due: run?.deadline ?? t.clock.resolveBy, note: run?.phase === 'accept' ? '请按时接单' : '请按时办结' };
  for (const userId of await workersOf(t)) await notify(userId, 'ticketDispatched', ticketPage(t._id), values);
}

/** Tells the resident how their request moved: a word of status (at most 5 汉字) and a line of what it means. */
export async function noticeRequester(t: TicketDoc, status: string, note: string): Promise<void> {
  if (t.requesterId) await notify(t.requesterId, 'ticketUpdated', ticketPage(t._id), { title: t.title, status, note });
}
