import * as z from 'zod/mini';
import { NEED_SOURCES, OTHER_CATEGORY, type NeedSource, type NeedStatus, type SpecialGroup, type VisitGroup } from '../../typings/lists';
import { action } from '../core/define';
import { conflict, forbidden, invalid, notFound, precondition } from '../core/errors';
import { text } from '../core/validation';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { USERS, hasRole, type UserDoc } from '../user/model';
import { taskContact } from '../user/contact';
import { GRIDS, GRID_JOIN, type GridDoc } from '../community/model';
import { findWith, readWith, type JoinRead } from '../platform/aggregate';
import { EVENTS, NEEDS, TICKETS, type EventDoc, type NeedDoc, type TicketDoc } from './model';
import { isStaff, loadOwn, newId, recordEvent, workerGrids, type ListsCtx, type Member } from './context';
import { category, categoryFilter, docId, location, people, photos, reason, requestId, specialGroup, urgency, visitGroup } from './schemas';
import { BASE_CALENDAR } from '../core/calendar';
import { commitTicket } from './tickets';
import { mayReadNeeds, reachesRequester, toNeedCard, toNeedDetail, toTicketDetail } from './view';
import { syncWishes } from './wishsync';
import { raise } from './raise';
import { compoundOf, isPropertyCategory, propertyAssignee } from './property';
import { noticeDispatched } from './notices';

const MAX_WAITING_REQUESTS = 5;
const NEED_STATUSES = ['open', 'assigned', 'in_progress', 'in_project', 'done', 'closed'] as const;

export async function assertGrid(store: DocStore, gridId: string, communityId: string): Promise<GridDoc> {
  const g = await store.get<GridDoc>(GRIDS, gridId);
  if (!g || g.communityId !== communityId) throw notFound('网格不存在或不在本社区');
  return g;
}

/** A list item's history (its events), as a side read of the item's one request. */
const eventsRead = (targetId: string) => ({ from: EVENTS, where: { targetId }, orderBy: [['at', 'asc']] as [string, 'asc'][], limit: 100 });

export async function needDetail(n: NeedDoc, viewer: Member, now: number) {
  const got = await readWith(NEEDS, n._id, { events: eventsRead(n._id), grid: GRID_JOIN });
  const gridName = (got?.rows.grid[0] as { name?: string } | undefined)?.name;
  return toNeedDetail(n, viewer, now, gridName, (got?.rows.events ?? []) as unknown as EventDoc[]);
}

/**
 * A ticket's detail in one request: its history, its grid's name, and for whoever works it the
 * resident's phone on file and the request's place (the need), joined beside the ticket.
 */
export async function ticketDetail(t: TicketDoc, viewer: Member, now: number) {
  const got = await readWith(TICKETS, t._id, {
    events: eventsRead(t._id),
    grid: GRID_JOIN,
    requester: { from: USERS, localField: 'requesterId', foreignField: '_id' },
    need: { from: NEEDS, localField: 'needId', foreignField: '_id' },
  });
  const gridName = (got?.rows.grid[0] as { name?: string } | undefined)?.name;
  const requester = got?.rows.requester[0] as unknown as UserDoc | undefined;
  const need = got?.rows.need[0] as unknown as NeedDoc | undefined;
  const contact = reachesRequester(viewer, t)
    ? taskContact({ name: t.requesterName ?? requester?.displayName ?? '居民', phone: requester?.phone, address: t.address, location: need?.location })
    : undefined;
  return toTicketDetail(t, viewer, now, gridName, (got?.rows.events ?? []) as unknown as EventDoc[], contact);
}

/** 诉求: a resident raises a request; it enters the needs list and the dispatch queue (集单) at once. */
export const submitRequest = action(
  z.object({
    category,
    title: text('诉求标题', 30),
    detail: z.optional(text('诉求内容', 500)),
    gridId: z.optional(docId('网格')),
    address: z.optional(text('地址', 60)),
    location: z.optional(location),
    urgency: z.optional(urgency),
    people: z.optional(people),
    special: z.optional(specialGroup),
    photos,
    requestId,
  }),
  async function submitRequest(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    if (input.category === OTHER_CATEGORY && !input.detail) throw invalid('选择“其他”时请写明诉求内容');
    const gridId = input.gridId ?? user.gridId;
    if (gridId) await assertGrid(docs, gridId, user.communityId);
    // 红色物业: a property matter of a registered 小区 goes to its property company.
    const compound = isPropertyCategory(input.category) ? await compoundOf(user.communityId, gridId, gridId === user.gridId ? user.building : undefined) : null;
    const t = await raise(user, ctx.now, {
      action: 'submitRequest',
      requestId: input.requestId,
      text: `${input.title}\n${input.detail ?? ''}\n${input.address ?? ''}`,
      risky: '诉求内容含有不适宜的词语，请修改后再提交',
      waiting: {},
      cap: MAX_WAITING_REQUESTS,
      full: (waiting) => `您已有${waiting}件诉求在等待派单，请耐心等候`,
      why: '居民提交诉求',
      ...(compound ? { routeTo: propertyAssignee(compound) } : {}),
      need: {
        source: 'request',
        ...(compound ? { compoundId: compound._id } : {}),
        category: input.category,
        title: input.title,
        ...(input.detail ? { detail: input.detail } : {}),
        ...(gridId ? { gridId } : {}),
        ...(input.address ? { address: input.address } : {}),
        ...(input.location ? { location: input.location } : {}),
        photos: input.photos ?? [],
        urgency: input.urgency ?? 1,
        people: input.people ?? 1,
        ...(input.special ? { special: input.special } : {}),
      },
    });
    if (t.status === 'dispatched') await noticeDispatched(t);
    return { ticket: await ticketDetail(t, user, ctx.now) };
  },
);

const needFields = {
  category,
  title: text('需求标题', 30),
  detail: z.optional(text('需求内容', 500)),
  gridId: docId('网格'),
  address: z.optional(text('地址', 60)),
  location: z.optional(location),
  urgency: z.optional(urgency),
  people: z.optional(people),
  visitGroup: z.optional(visitGroup),
  special: z.optional(specialGroup),
  photos,
};

/** 五必访 groups that are special groups (特殊群体) too; 流动人口 and 特殊人群 (矫正、戒毒 …) are not. */
const SPECIAL_OF_VISIT: Partial<Record<VisitGroup, SpecialGroup>> = { 空巢独居老人: '空巢独居老人', 困难人群: '困难群众', 留守妇女儿童: '留守妇女儿童' };

/** Staff, or the grid's worker for their own grids. */
function assertMayEnter(user: Member, gridId: string | undefined): void {
  if (isStaff(user)) return;
  if (gridId && workerGrids(user).includes(gridId)) return;
  throw forbidden('只有社区工作人员或本网格的网格员可以录入和修改需求');
}

/** Staff and grid workers enter needs found on 走访 and 五必访. */
export const addNeed = action(z.object({ ...needFields, requestId }), async function addNeed(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertMayEnter(user, input.gridId);
  await assertGrid(docs, input.gridId, user.communityId);
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'lists', 'addNeed', input.requestId), async () => {
      const need: NeedDoc = {
        _id: newId('nd'),
        communityId: user.communityId,
        source: 'visit',
        category: input.category,
        title: input.title,
        ...(input.detail ? { detail: input.detail } : {}),
        gridId: input.gridId,
        ...(input.address ? { address: input.address } : {}),
        ...(input.location ? { location: input.location } : {}),
        ...(input.visitGroup ? { visitGroup: input.visitGroup } : {}),
        ...(input.special || (input.visitGroup && SPECIAL_OF_VISIT[input.visitGroup]) ? { special: input.special ?? SPECIAL_OF_VISIT[input.visitGroup!] } : {}),
        photos: input.photos ?? [],
        urgency: input.urgency ?? 1,
        people: input.people ?? 1,
        status: 'open',
        createdBy: user._id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await tx.set(NEEDS, need._id, need);
      await recordEvent(tx, { communityId: need.communityId, target: 'need', targetId: need._id, from: null, to: 'open', actor: user, at: ctx.now, why: input.visitGroup ? `走访录入（五必访·${input.visitGroup}）` : '走访录入' });
      return need._id;
    }),
  );
  const need = (await docs.get<NeedDoc>(NEEDS, id))!;
  return { need: await needDetail(need, user, ctx.now) };
});

export const updateNeed = action(
  z.object({
    id: docId('需求编号'),
    op: z.enum(['edit', 'close', 'reopen'], { error: '操作须为 edit、close 或 reopen' }),
    patch: z.optional(
      z.object({
        category: z.optional(category),
        title: z.optional(text('需求标题', 30)),
        detail: z.optional(text('需求内容', 500)),
        urgency: z.optional(urgency),
        people: z.optional(people),
        gridId: z.optional(docId('网格')),
        special: z.optional(z.nullable(specialGroup)),
      }),
    ),
    reason: z.optional(reason()),
    requestId,
  }),
  async function updateNeed(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    if (input.op === 'edit' && !input.patch) throw invalid('请填写要修改的内容');
    if (input.op !== 'edit' && !input.reason) throw invalid('请填写原因');
    if (input.patch?.gridId) await assertGrid(docs, input.patch.gridId, user.communityId);
    const id = await transact((tx) =>
      once(tx, requestKey(user._id, 'lists', 'updateNeed', input.requestId), async () => {
        const n = await loadOwn<NeedDoc>(tx, NEEDS, input.id, user, '需求');
        assertMayEnter(user, n.gridId);
        if (input.patch?.gridId) assertMayEnter(user, input.patch.gridId);
        if (input.op === 'edit') {
          const patch = { ...input.patch };
          // A wish's words are the resident's: they change on the wall, not here.
          if (n.source === 'wish' && (patch.title || patch.detail)) throw precondition('来自微心愿的需求，标题和内容以心愿为准');
          const { special, ...rest } = patch;
          const next: NeedDoc = { ...n, ...rest, updatedAt: ctx.now };
          if (special === null) delete next.special;
          else if (special) next.special = special;
          const was: Record<string, unknown> = { ...n };
          const asked: Record<string, unknown> = { ...patch };
          const changed = Object.keys(patch).filter((k) => JSON.stringify(was[k] ?? null) !== JSON.stringify(asked[k] ?? null));
          await tx.set(NEEDS, n._id, next);
          // The ticket keeps the need's special group, so queues and the response rate see it at once.
          if (special !== undefined && n.ticketId) {
            const t = await tx.get<TicketDoc>(TICKETS, n.ticketId);
            if (t && (t.special ?? null) !== special) {
              const { special: _s, ...bare } = t;
              await tx.set(TICKETS, t._id, { ...bare, ...(special ? { special } : {}), priority: special ? 1 : 0, updatedAt: ctx.now });
              await recordEvent(tx, { communityId: t.communityId, target: 'ticket', targetId: t._id, field: 'data', from: t.special ?? null, to: special ?? '非特殊群体', actor: user, at: ctx.now, why: input.reason ?? (special ? `标记为特殊群体：${special}` : '取消特殊群体标记') });
            }
          }
          if (changed.length) {
            await recordEvent(tx, { communityId: n.communityId, target: 'need', targetId: n._id, field: 'data', from: n.status, to: n.status, actor: user, at: ctx.now, why: input.reason ?? `修改：${changed.join('、')}` });
          }
          return n._id;
        }
        if (n.source === 'wish') throw precondition('来自微心愿的需求随心愿状态变化，请在心愿墙处理');
        if (input.op === 'close') {
          if (n.status !== 'open') throw conflict('只能关闭待对接的需求；已派单的请先撤销工单');
          if (n.ticketId) {
            const t = await tx.get<TicketDoc>(TICKETS, n.ticketId);
            if (t && t.status !== 'cancelled' && t.status !== 'closed') {
              // A cancelled ticket has no deadline left: no calendar is needed.
              await commitTicket(tx, BASE_CALENDAR, t, { ...t, status: 'cancelled', updatedAt: ctx.now }, user, ctx.now, input.reason, 'closed');
              return n._id;
            }
          }
          await tx.set(NEEDS, n._id, { ...n, status: 'closed', updatedAt: ctx.now });
          await recordEvent(tx, { communityId: n.communityId, target: 'need', targetId: n._id, from: n.status, to: 'closed', actor: user, at: ctx.now, why: input.reason });
          return n._id;
        }
        if (n.status !== 'closed') throw conflict('只能重新打开已关闭的需求');
        const { ticketId: _t, resourceId: _r, ...rest } = n;
        await tx.set(NEEDS, n._id, { ...rest, status: 'open', updatedAt: ctx.now });
        await recordEvent(tx, { communityId: n.communityId, target: 'need', targetId: n._id, from: 'closed', to: 'open', actor: user, at: ctx.now, why: input.reason });
        return n._id;
      }),
    );
    const need = (await docs.get<NeedDoc>(NEEDS, id))!;
    return { need: await needDetail(need, user, ctx.now) };
  },
);

export const needs = action(
  z.object({
    status: z.optional(z.enum(NEED_STATUSES, { error: '状态筛选不正确' })),
    source: z.optional(z.enum(NEED_SOURCES, { error: '来源筛选不正确' })),
    category: z.optional(categoryFilter),
    gridId: z.optional(docId('网格')),
    cursor,
    limit,
  }),
  async function needs(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    if (!mayReadNeeds(user)) throw forbidden('需求清单仅供社区工作人员和网格员查看');
    const mine = workerGrids(user);
    if (!isStaff(user) && input.gridId && !mine.includes(input.gridId)) throw forbidden('网格员只能查看本网格的需求');
    await syncWishes(user.communityId, ctx.now);
    const where: Record<string, unknown> = {
      communityId: user.communityId,
      ...(input.status ? { status: input.status as NeedStatus } : {}),
      ...(input.source ? { source: input.source as NeedSource } : {}),
      ...(input.category ? { category: input.category } : {}),
      ...(input.gridId ? { gridId: input.gridId } : !isStaff(user) ? { gridId: { $in: mine } } : {}),
    };
    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const rows = await findWith<NeedDoc, { grid: JoinRead }>(NEEDS, where, { orderBy: [['createdAt', 'desc'], ['_id', 'asc']], skip: offset, limit: size + 1 }, { grid: GRID_JOIN });
    return pageOf(
      rows.map(({ doc: n, rows: joined }) => toNeedCard(n, ctx.now, (joined.grid[0] as { name?: string } | undefined)?.name)),
      offset,
      size,
    );
  },
);

export const need = action(z.object({ id: docId('需求编号') }), async function need(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const n = await loadOwn<NeedDoc>(docs, NEEDS, input.id, user, '需求');
  const ok = isStaff(user) || (!!n.gridId && workerGrids(user).includes(n.gridId)) || n.requesterId === user._id;
  if (!ok) throw hasRole(user, 'grid_worker') ? forbidden('网格员只能查看本网格的需求') : notFound('需求不存在或已删除');
  return { need: await needDetail(n, user, ctx.now) };
});
