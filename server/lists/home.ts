import type { HomeTodo } from '../../typings/user';
import type { SideRead } from '../platform/aggregate';
import type { DocData } from '../platform/store';
import type { Member } from '../user/caller';
import { OPEN } from './deadlines';
import { TICKETS, type TicketDoc } from './model';

/** What 首页 shows of requests (诉求): the caller's handled ones waiting for a rating, and staff's dispatch queue. */
export function listsHomeReads(user: Member, now: number, as: { staff: boolean }) {
  const communityId = user.communityId;
  return {
    toRate: { from: TICKETS, where: { requesterId: user._id, status: 'resolved' }, orderBy: [['updatedAt', 'desc']], limit: 3 },
    ...(as.staff
      ? {
          ticketsToDispatch: { from: TICKETS, where: { communityId, status: 'submitted' }, count: true as const },
          ticketsOverdue: { from: TICKETS, where: { communityId, status: { $in: OPEN }, dueAt: { $lt: now } }, count: true as const },
        }
      : {}),
  } satisfies Record<string, SideRead>;
}

export function rateTodos(rows: DocData[]): HomeTodo[] {
  return (rows as unknown as TicketDoc[]).map((t) => ({ kind: 'rate', id: t._id, title: t.title }));
}
