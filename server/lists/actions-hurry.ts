import * as z from 'zod/mini';
import { action } from '../core/define';
import { conflict, exhausted, forbidden } from '../core/errors';
import { HOUR_MS } from '../core/time';
import { text } from '../core/validation';
import { requireMember } from '../user/caller';
import { notify } from '../notify/outbox';
import { isStaff, recordEvent, type ListsCtx } from './context';
import { docId, requestId } from './schemas';
import { mutate } from './actions-tickets';
import { ticketDetail } from './actions-needs';
import { runningDeadline } from './deadlines';
import { ticketPage } from './notices';
import { workersOf } from './tickets';
import { TICKETS } from './model';

/** One press in two hours at most: more would only be noise to whoever works it. */
const HURRY_GAP_MS = 2 * HOUR_MS;

/**
 * 催办: staff (the community watching a property company's ticket, say) or the resident who raised
 * it press whoever works a dispatched or accepted ticket; the press is in the ticket's history and
 * they are told at once. The deadlines and escalation run on as before.
 */
export const hurry = action(z.object({ id: docId('工单编号'), note: z.optional(text('催办说明', 60)), requestId }), async function hurry(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await mutate(user, ctx, 'hurry', input.id, input.requestId, async (tx, cur) => {
    if (!isStaff(user) && cur.requesterId !== user._id) throw forbidden('只有社区工作人员或提出诉求的居民可以催办');
    if (cur.status !== 'dispatched' && cur.status !== 'accepted') throw conflict('工单不在办理中，不能催办');
    if (cur.hurriedAt !== undefined && ctx.now - cur.hurriedAt < HURRY_GAP_MS) throw exhausted('刚催办过，请稍后再催');
    await tx.set(TICKETS, cur._id, { ...cur, hurries: (cur.hurries ?? 0) + 1, hurriedAt: ctx.now, updatedAt: ctx.now });
    const why = `催办${input.note ? `：${input.note}` : ''}`;
    await recordEvent(tx, { communityId: cur.communityId, target: 'ticket', targetId: cur._id, field: 'alert', from: cur.status, to: cur.status, actor: user, at: ctx.now, why });
  });
  if (t.hurriedAt === ctx.now) {
    const run = runningDeadline(t);
    const note = isStaff(user) ? '社区催办，请尽快办理' : '居民催办，请尽快办理';
    for (const userId of await workersOf(t)) await notify(userId, 'ticketDispatched', ticketPage(t._id), { title: t.title, due: run?.deadline ?? t.clock.resolveBy, note });
  }
  return { ticket: await ticketDetail(t, user, ctx.now) };
});
