import * as z from 'zod/mini';
import { action } from '../core/define';
import { forbidden } from '../core/errors';
import { text } from '../core/validation';
import { docs } from '../platform/store';
import { requireMember } from '../user/caller';
import { workerGrids, type ListsCtx } from './context';
import { category, docId, location, photoId, requestId } from './schemas';
import { assertGrid, ticketDetail } from './actions-needs';
import { raise } from './raise';

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
    // A problem may lie in a neighbouring grid on the way; by default it is the worker's own.
    const gridId = input.gridId ?? mine[0];
    await assertGrid(docs, gridId, user.communityId);
    const t = await raise(user, ctx.now, {
      action: 'reportFound',
      requestId: input.requestId,
      text: `${input.title}\n${input.address ?? ''}`,
      risky: '内容含有不适宜的词语，请修改后再提交',
      waiting: { source: 'grid' },
      cap: MAX_WAITING_REPORTS,
      full: (waiting) => `您已有${waiting}条随手拍在等待派单，请稍后再报`,
      why: '网格员随手拍',
      need: {
        source: 'grid',
        category: input.category,
        title: input.title,
        gridId,
        ...(input.address ? { address: input.address } : {}),
        ...(input.location ? { location: input.location } : {}),
        photos: input.photos,
        urgency: 1,
        people: 1,
      },
    });
    return { ticket: await ticketDetail(t, user, ctx.now) };
  },
);
