import { findMany } from '../platform/store';
import { eachInTransaction as each } from '../platform/tx';
import type { UserDoc } from '../user/model';
import { DELETED_NAME } from '../user/forget';
import { recordEvent } from './context';
import { NEEDS, NeedDoc, RESOURCES, ResourceDoc, TICKETS, TicketDoc } from './model';

/*
 * A person's requests (诉求) when they see their data or delete their account. Tickets keep
 * their status, clock and history (the community's reports stay whole); what said who and where
 * the person is leaves them, with an event saying so.
 */

const MAX = 100;
const WHY = '提出人已注销账号，姓名和地址已清除';

export async function requestsOf(userId: string): Promise<TicketDoc[]> {
  return findMany<TicketDoc>(TICKETS, { requesterId: userId }, { orderBy: [['updatedAt', 'desc']], limit: MAX });
}

export async function leaveLists(user: UserDoc, at: number): Promise<void> {
  await each<TicketDoc>(TICKETS, { requesterId: user._id, requesterName: { $ne: DELETED_NAME } }, async (tx, id) => {
    const t = await tx.get<TicketDoc>(TICKETS, id);
    if (!t || t.requesterId !== user._id || t.requesterName === DELETED_NAME) return;
    const { address: _a, ...rest } = t;
    await tx.set(TICKETS, id, { ...rest, requesterName: DELETED_NAME, updatedAt: at });
    await recordEvent(tx, { communityId: t.communityId, target: 'ticket', targetId: id, field: 'data', from: null, to: 'anonymized', actor: user, at, why: WHY });
  });
  await each<NeedDoc>(NEEDS, { requesterId: user._id, requesterName: { $ne: DELETED_NAME } }, async (tx, id) => {
    const n = await tx.get<NeedDoc>(NEEDS, id);
    if (!n || n.requesterId !== user._id || n.requesterName === DELETED_NAME) return;
    const { address: _a, location: _l, ...rest } = n;
    await tx.set(NEEDS, id, { ...rest, requesterName: DELETED_NAME, updatedAt: at });
    await recordEvent(tx, { communityId: n.communityId, target: 'need', targetId: id, field: 'data', from: null, to: 'anonymized', actor: user, at, why: WHY });
  });
  // A volunteer's own offer (资源) ends with them: retired, their name off it.
  await each<ResourceDoc>(RESOURCES, { userId: user._id, providerName: { $ne: DELETED_NAME } }, async (tx, id) => {
    const r = await tx.get<ResourceDoc>(RESOURCES, id);
    if (!r || r.userId !== user._id || r.providerName === DELETED_NAME) return;
    await tx.set(RESOURCES, id, { ...r, providerName: DELETED_NAME, status: 'retired', updatedAt: at });
    await recordEvent(tx, { communityId: r.communityId, target: 'resource', targetId: id, from: r.status, to: 'retired', actor: user, at, why: '提供人已注销账号' });
  });
}
