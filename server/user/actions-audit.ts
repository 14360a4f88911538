import * as z from 'zod/mini';
import { AUDIT_LOGS, type AuditEntry } from '../../typings/user';
import { action } from '../core/define';
import { cursor, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { DAY_MS, dayjs, isDate, ZONE } from '../core/time';
import { id } from '../core/validation';
import { findWith } from '../platform/aggregate';
import type { DocData } from '../platform/store';
import { assertStaff, requireMember } from './caller';
import { USERS, type UserDoc } from './model';
import { staffActorLabel } from './view';
import { AUDIT_SOURCES, toAuditEntry } from './audit-log';
import type { UserCtx } from './lookup';

const day = z.string({ error: '日期须为 YYYY-MM-DD' }).check(z.refine(isDate, '日期须为 YYYY-MM-DD'));
const targetId = z.string({ error: '记录编号不正确' }).check(z.regex(/^[\w.-]{1,200}$/, '记录编号不正确'));

/**
 * Staff: 操作记录 — one domain's audit log of the caller's community, newest first, narrowed by
 * the actor, the record and the Shanghai day; each actor named by role and real name. One request
 * beside the caller: the actors are joined onto the page.
 */
export const auditLog = action(
  z.object({ log: z.enum(AUDIT_LOGS, { error: '记录类别不正确' }), byUserId: z.optional(id('操作人')), targetId: z.optional(targetId), day: z.optional(day), cursor }),
  async function auditLog(ctx: UserCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有本社区的工作人员可以查看操作记录');
    const source = AUDIT_SOURCES[input.log];
    const start = input.day ? dayjs.tz(input.day, 'YYYY-MM-DD', ZONE).valueOf() : undefined;
    const where: DocData = {
      communityId: user.communityId,
      ...(input.byUserId ? { byUserId: input.byUserId } : {}),
      ...(input.targetId ? { [source.targetField]: input.targetId } : {}),
      ...(start !== undefined ? { at: { $gte: start, $lt: start + DAY_MS } } : {}),
    };
    const offset = offsetOf(input.cursor);
    const rows = await findWith<DocData, { actor: { from: string; localField: string; foreignField: string } }>(
      source.collection,
      where,
      { orderBy: [['at', 'desc'], ['_id', 'desc']], skip: offset, limit: PAGE_MAX + 1 },
      { actor: { from: USERS, localField: 'byUserId', foreignField: '_id' } },
    );
    const items: AuditEntry[] = rows.map(({ doc, rows: r }) => {
      const actor = r.actor[0] as unknown as UserDoc | undefined;
      return toAuditEntry(doc, actor ? staffActorLabel(actor, user.communityId) : String(doc.byLabel ?? '系统'));
    });
    return pageOf(items, offset, PAGE_MAX);
  },
);
