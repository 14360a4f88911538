import * as z from 'zod/mini';
import { action } from '../core/define';
import { exhausted, forbidden, invalid } from '../core/errors';
import { text } from '../core/validation';
import { count, docs } from '../platform/store';
import { transact } from '../platform/tx';
import { once, precheck, requestKey } from '../platform/idempotency';
import { passGate } from '../platform/gate';
import { holdOf, screenText } from '../core/screen';
import { requireMember } from '../user/caller';
import { TICKETS, type NeedDoc, type TicketDoc } from './model';
import { newId, workerGrids, type ListsCtx } from './context';
import { category, docId, location, photoId, requestId } from './schemas';
import { deadlineRules } from './tickets';
import { assertGrid, ticketDetail } from './actions-needs';
import { raiseNeed } from './raise';

/** Reports of one worker waiting for dispatch: enough for a round, not a flood in staff's queue. */
const MAX_WAITING_REPORTS = 10;

/**
 * 随手拍 (网格发现): anyone with a grid role, full or part-time (couriers and riders), reports a
 * problem seen on the way with a photo, where it is, its category and a few words. It becomes a
 * request in the same dispatch queue as residents' 诉求, with the same deadlines; the finder is
 * credited when staff dispatch it (found.ts).
 */
export const reportFound = action(
  z.object({
    category,
    title: text('看到的问题', 30),
    photos: z.array(photoId, { error: '请拍一张照片' }).check(z.minLength(1, '请拍一张照片'), z.maxLength(6, '最多上传6张图片')),
    location: z.optional(location),
    address: z.optional(text('位置', 60)),
    gridId: z.optional(docId('网格')),
    requestId,
  }),
  async function reportFound(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    const mine = workerGrids(user);
    if (!mine.length) throw forbidden('随手拍面向网格员和兼职网格员');
    const gridId = input.gridId ?? mine[0];
    await assertGrid(docs, gridId, user.communityId);
    const screening = await screenText(`${input.title}\n${input.address ?? ''}`, user.openid);
    if (screening.verdict === 'risky') throw invalid('内容含有不适宜的词语，请修改后再提交');
    const hold = holdOf(screening, ctx.now);
    const key = requestKey(user._id, 'lists', 'reportFound', input.requestId);
    const underCap = async () => {
      const waiting = await count(TICKETS, { requesterId: user._id, source: 'grid', status: 'submitted' });
      if (waiting >= MAX_WAITING_REPORTS) throw exhausted(`您已有${waiting}条随手拍在等待派单，请稍后再报`);
    };
    await precheck(key, underCap);
    const rules = await deadlineRules(user.communityId, ctx.now);
    const ticketId = await transact((tx) =>
      once(tx, key, async () => {
        // Counted again behind the person's gate: the check above is only the cheap early answer.
        await passGate(tx, 'lists.reportFound', user._id, ctx.now);
        await underCap();
        const need: NeedDoc = {
          _id: newId('nd'),
          communityId: user.communityId,
          source: 'grid',
          category: input.category,
          title: input.title,
          gridId,
          ...(input.address ? { address: input.address } : {}),
          ...(input.location ? { location: input.location } : {}),
          photos: input.photos,
          urgency: 1,
          people: 1,
          status: 'open',
          requesterId: user._id,
          requesterName: user.displayName,
          createdBy: user._id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        return raiseNeed(tx, need, user, ctx.now, rules, hold, '网格员随手拍');
      }),
    );
    const t = (await docs.get<TicketDoc>(TICKETS, ticketId))!;
    return { ticket: await ticketDetail(t, user, ctx.now) };
  },
);
