import * as z from 'zod/mini';
import type { TicketStatus } from '../../typings/lists';
import { action } from '../core/define';
import { conflict, forbidden, precondition } from '../core/errors';
import { text } from '../core/validation';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { findMany } from '../platform/store';
import { notify } from '../notify/outbox';
import { requireMember } from '../user/caller';
import { countyCommunities } from '../user/model';
import { COMMUNITIES, GRIDS, type CommunityDoc, type GridDoc } from '../community/model';
import { TICKETS, type TicketDoc } from './model';
import { OPEN, clockFor, isOpen, missed } from './deadlines';
import { assertStaff, recordEvent, type ListsCtx } from './context';
import { docId, reason, requestId } from './schemas';
import { commitTicket, countyOfficersOf, releaseCapacity } from './tickets';
import { toTicketCard } from './view';
import { ticketDetail } from './actions-needs';
import { mutate } from './actions-tickets';
import { noticeRequester, ticketPage } from './notices';

/**
 * 疑难问题县(市、区)委提级包案: a level above the community. Staff send a case up with a reason; it
 * waits in the county's queue, worked by the officers who hold a county grant for that community
 * (accept and resolve are the ordinary ticket actions, which let them in), with a fresh clock
 * (COUNTY_SLA). The community and the resident keep seeing it: status, holder, notes.
 */

/** Until an officer accepts, the case is held by the county as a whole. */
const COUNTY_WAITING = '县(区)委包案（待包案干部接手）';
/** What the resident reads (a status word of at most 5 汉字 for the subscribe message, and a line). */
const RESIDENT_STATUS = '提级办理';
const RESIDENT_NOTE = '已提交县(区)级包案办理';

export const escalateCounty = action(z.object({ id: docId('工单编号'), reason: reason('提级原因'), requestId }), async function escalateCounty(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区书记或社区工作人员可以提级至县(区)委包案');
  let officers: Awaited<ReturnType<typeof countyOfficersOf>> = [];
  const t = await mutate(user, ctx, 'escalateCounty', input.id, input.requestId, async (tx, cur, rules) => {
    if (cur.communityId !== user.communityId) throw forbidden('只有本社区的工作人员可以提级');
    if (!isOpen(cur.status)) throw conflict('工单已办结或已撤销，不能提级');
    // A case sent up with nobody to take it would sit unseen: refuse until an officer is invited.
    officers = await countyOfficersOf(cur.communityId);
    if (!officers.length) throw precondition('本社区还没有县(区)委包案干部，请管理员先生成包案干部邀请码');
    if (cur.level === 'county') throw conflict('工单已提交县(区)级包案');
    if (cur.wishId) throw precondition('来自微心愿的工单在心愿墙办理，不能提级至县(区)');
    await releaseCapacity(tx, cur.usage);
    const { acceptedAt: _a, acceptedBy: _b, usage: _u, ...rest } = cur;
    const assignee = { kind: 'county' as const, label: COUNTY_WAITING };
    const next: TicketDoc = {
      ...rest,
      kind: 'difficult',
      level: 'county',
      clock: clockFor('difficult', ctx.now, rules, 'county'),
      // A fresh clock: the community's alerts are settled, the county's are still to come.
      alerts: [],
      assignee,
      status: 'dispatched',
      dispatchedAt: ctx.now,
      countyAt: ctx.now,
      late: cur.late || missed(cur, ctx.now),
      updatedAt: ctx.now,
    };
    await recordEvent(tx, { communityId: cur.communityId, target: 'ticket', targetId: cur._id, field: 'level', from: cur.level, to: 'county', actor: user, at: ctx.now, why: input.reason });
    await recordEvent(tx, { communityId: cur.communityId, target: 'ticket', targetId: cur._id, field: 'assignee', from: cur.assignee?.label ?? null, to: assignee.label, actor: user, at: ctx.now, why: '县(区)委提级包案' });
    await commitTicket(tx, rules.calendar, cur, next, user, ctx.now, `提级县(区)委包案：${input.reason}`);
  });
  if (t.countyAt === ctx.now) {
    for (const o of officers) await notify(o._id, 'ticketEscalated', ticketPage(t._id), { title: t.title, reason: `县(区)委包案：${input.reason}`, due: t.clock.acceptBy ?? t.clock.resolveBy });
    await noticeRequester(t, RESIDENT_STATUS, RESIDENT_NOTE);
  }
  return { ticket: await ticketDetail(t, user, ctx.now) };
});

const QUEUE_STATUS: Record<'open' | 'dispatched' | 'accepted' | 'done', TicketStatus[]> = {
  open: OPEN,
  dispatched: ['dispatched'],
  accepted: ['accepted'],
  done: ['resolved', 'closed'],
};

/**
 * The county queue: the county-level tickets of every community the caller oversees, wherever they
 * are. Nothing else of those communities shows here. Special groups first, then the nearest deadline.
 */
export const countyQueue = action(
  z.object({ status: z.optional(z.enum(['open', 'dispatched', 'accepted', 'done'], { error: '状态筛选不正确' })), cursor, limit }),
  async function countyQueue(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    const communities = countyCommunities(user);
    if (!communities.length) throw forbidden('县级包案队列仅供县(区)委包案干部查看');
    const status = input.status ?? 'open';
    const where = { communityId: { $in: communities }, level: 'county', status: { $in: QUEUE_STATUS[status] } };
    const orderBy: [string, 'asc' | 'desc'][] = status === 'done' ? [['updatedAt', 'desc'], ['_id', 'asc']] : [['priority', 'desc'], ['dueAt', 'asc'], ['_id', 'asc']];
    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const [rows, names, grids] = await Promise.all([
      findMany<TicketDoc>(TICKETS, where, { orderBy, skip: offset, limit: size + 1 }),
      findMany<CommunityDoc>(COMMUNITIES, { _id: { $in: communities } }, { limit: 100 }),
      findMany<GridDoc>(GRIDS, { communityId: { $in: communities } }, { limit: 1000 }),
    ]);
    const community = new Map(names.map((c) => [c._id, c.name]));
    const grid = new Map(grids.map((g) => [g._id, g.name]));
    return pageOf(
      rows.map((t) => toTicketCard(t, ctx.now, t.gridId ? grid.get(t.gridId) : undefined, community.get(t.communityId))),
      offset,
      size,
    );
  },
);

/** 包案进展: a county officer writes how the case goes; the community and the resident read it in the timeline. */
export const countyNote = action(z.object({ id: docId('工单编号'), note: text('包案进展', 200), requestId }), async function countyNote(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await mutate(user, ctx, 'countyNote', input.id, input.requestId, async (tx, cur) => {
    if (cur.level !== 'county' || !countyCommunities(user).includes(cur.communityId)) throw forbidden('只有县(区)委包案干部可以填写包案进展');
    if (!isOpen(cur.status) && cur.status !== 'resolved') throw conflict('工单已办结或已撤销');
    await tx.set(TICKETS, cur._id, { ...cur, updatedAt: ctx.now });
    await recordEvent(tx, { communityId: cur.communityId, target: 'ticket', targetId: cur._id, field: 'note', from: cur.status, to: cur.status, actor: user, at: ctx.now, why: input.note });
  });
  return { ticket: await ticketDetail(t, user, ctx.now) };
});
