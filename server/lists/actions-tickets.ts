import * as z from 'zod/mini';
import type { AssigneeKind, AssigneeOption, TicketKind, TicketStatus } from '../../typings/lists';
import { action } from '../core/define';
import { conflict, exhausted, forbidden, invalid, notFound, precondition } from '../core/errors';
import { maskName } from '../core/mask';
import { text } from '../core/validation';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { notify } from '../notify/outbox';
import { requireMember } from '../user/caller';
import { logPhoneView } from '../user/contact';
import { USERS, hasRole, type UserDoc } from '../user/model';
import type { GridDoc } from '../community/model';
import { NEEDS, RESOURCES, TICKETS, type NeedDoc, type ResourceDoc, type TicketDoc } from './model';
import { OPEN, clockFor, isOpen, missed, reopenedClock, type DeadlineRules } from './deadlines';
import { assertStaff, gridNames, gridsOf, isStaff, loadOwn, newId, recordEvent, unitsOf, workerGrids, type ListsCtx, type Member } from './context';
import { docId, photos, reason, requestId, ticketKind } from './schemas';
import {
  assertMayWork,
  closeWithPoints,
  commitTicket,
  deadlineRules,
  KIND_LABEL,
  mayWork,
  myWorkerKeys,
  periodKey,
  releaseCapacity,
  resolveAssignee,
  secretaryOf,
  takeCapacity,
  ticketFor,
} from './tickets';
import { countySees, maySeeTicket, reachesRequester, toTicketCard } from './view';
import { ticketDetail } from './actions-needs';
import { agentRoster, heldWork } from '../party/agents';
import { noticeDispatched, noticeRequester, ticketPage } from './notices';
import { assertNotClaimed, takeWishOffWall } from './handler';
import { syncWish } from './wishsync';
import { creditFinder } from './found';
import { WISHES, type WishDoc } from '../wish/model';

const ALL_STATUSES = ['submitted', 'dispatched', 'accepted', 'resolved', 'closed', 'cancelled'] as const;
/** 办理中: dispatched and not yet resolved (the queue's tab; 'open' also holds the undispatched). */
const WORKING: TicketStatus[] = ['dispatched', 'accepted'];
const ticketIdField = { id: docId('工单编号'), requestId };

/**
 * A ticket the caller may see: one of their community's, or, for a county officer, one their
 * community sent up to the county (whichever community they are in). Anything else is NOT_FOUND.
 */
export async function loadTicket(store: DocStore, id: string, user: Member): Promise<TicketDoc> {
  const t = await store.get<TicketDoc>(TICKETS, id);
  if (!t || !(t.communityId === user.communityId || countySees(user, t)) || !maySeeTicket(user, t)) throw notFound('工单不存在或已删除');
  return t;
}

/** Whose calendar and settings a change runs on: the ticket's community (a county officer's may differ from their own). */
async function communityOfTicket(user: Member, id: string): Promise<string> {
  if (!user.grants.some((g) => g.role === 'county' && g.communityId !== user.communityId)) return user.communityId;
  return (await docs.get<TicketDoc>(TICKETS, id))?.communityId ?? user.communityId;
}

/**
 * The shape of every ticket change: one transaction, the caller's requestId making a repeat return
 * the first answer, then the detail as the caller now sees it.
 */
export async function mutate(
  user: Member,
  ctx: ListsCtx,
  name: string,
  id: string,
  requestId: string | undefined,
  change: (tx: DocStore, t: TicketDoc, rules: DeadlineRules) => Promise<void>,
): Promise<TicketDoc> {
  const rules = await deadlineRules(await communityOfTicket(user, id), ctx.now);
  const tid = await transact((tx) =>
    once(tx, requestKey(user._id, 'lists', name, requestId), async () => {
      const t = await loadTicket(tx, id, user);
      await change(tx, t, rules);
      return t._id;
    }),
  );
  const t = await docs.get<TicketDoc>(TICKETS, tid);
  if (!t) throw notFound('工单不存在或已删除');
  return t;
}

const ASSIGNEE_KINDS = ['grid_worker', 'agent', 'unit', 'team', 'secretary', 'county', 'property'] as const satisfies readonly AssigneeKind[];

/** 派单: staff send a ticket (or a need without one) to a grid worker, agent, unit, team or the secretary. */
export const dispatch = action(
  z.object({
    id: z.optional(docId('工单编号')),
    needId: z.optional(docId('需求编号')),
    // The county takes a case by escalation (escalateCounty), never by dispatch.
    to: z.optional(z.enum(ASSIGNEE_KINDS, { error: '派单对象类型不正确' }).check(z.refine((k) => k !== 'county', '派单对象类型不正确'))),
    targetId: z.optional(docId('派单对象')),
    kind: z.optional(ticketKind),
    reason: z.optional(reason()),
    requestId,
  }),
  async function dispatch(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有社区工作人员可以派单');
    if (!!input.id === !!input.needId) throw invalid('请指定工单编号或需求编号（二选一）');
    if (input.kind === 'difficult' && input.to && input.to !== 'secretary') throw invalid('疑难问题须提级至社区书记包案');
    const rules = await deadlineRules(user.communityId, ctx.now);
    // A wish's need as the wall has it now (a claim released since the last sync reopens it).
    const from = input.needId ? await docs.get<NeedDoc>(NEEDS, input.needId) : await docs.get<TicketDoc>(TICKETS, input.id!);
    if (from?.wishId && from.communityId === user.communityId) await syncWish(from.wishId, ctx.now, rules.calendar);
    const tid = await transact((tx) =>
      once(tx, requestKey(user._id, 'lists', 'dispatch', input.requestId), async () => {
        let before: TicketDoc | null;
        let t: TicketDoc;
        if (input.needId) {
          const need = await loadOwn<NeedDoc>(tx, NEEDS, input.needId, user, '需求');
          if (need.wishId) assertNotClaimed(await tx.get<WishDoc>(WISHES, need.wishId));
          if (need.status !== 'open') throw conflict('该需求已在对接中或已关闭');
          before = need.ticketId ? await tx.get<TicketDoc>(TICKETS, need.ticketId) : null;
          if (before && before.status !== 'submitted') throw conflict('该需求的工单已派出');
          t = before ?? ticketFor(need, newId('tk'), input.kind ?? 'simple', ctx.now, user, ctx.now, rules);
        } else {
          before = await loadOwn<TicketDoc>(tx, TICKETS, input.id!, user, '工单');
          t = before;
        }
        if (!OPEN.includes(t.status)) throw conflict('工单已办结或已撤销，不能派单');
        if (t.level === 'county') throw conflict('工单已提交县(区)级包案，由县(区)委包案干部办理');
        if (t.status !== 'submitted' && !input.reason) throw invalid('改派须填写原因');
        const kind: TicketKind = input.kind ?? t.kind;
        const assignee = await resolveAssignee(tx, t, input.to, input.targetId, kind);
        // Capacity counts for a team's resource; a previous resource's is given back.
        let usage = t.usage;
        if (usage && usage.resourceId !== assignee.resourceId) {
          await releaseCapacity(tx, usage);
          usage = undefined;
        }
        if (assignee.kind === 'team' && assignee.resourceId && !usage) {
          const r = (await tx.get<ResourceDoc>(RESOURCES, assignee.resourceId))!;
          const taken = await takeCapacity(tx, r, periodKey(r.period, ctx.now));
          if (taken.used < 0) throw exhausted(`该服务队本期服务容量已满（${r.capacity}件），请选择其他派单对象`);
          usage = { id: taken.id, resourceId: r._id };
        }
        const next: TicketDoc = {
          ...t,
          kind,
          ...(kind !== t.kind ? { clock: clockFor(kind, t.clock.startAt, rules) } : {}),
          level: kind === 'difficult' ? 'secretary' : t.level,
          assignee,
          status: 'dispatched',
          dispatchedAt: ctx.now,
          late: t.late || missed(t, ctx.now),
          usage,
          updatedAt: ctx.now,
        };
        if (!usage) delete next.usage;
        // Dispatching is staff having read the request: a hold on its text ends.
        delete next.hold;
        const why = input.reason ?? `派单给${assignee.label}${kind !== 'simple' ? `（${KIND_LABEL[kind]}）` : ''}`;
        if (kind !== t.kind && before) await recordEvent(tx, { communityId: t.communityId, target: 'ticket', targetId: t._id, field: 'kind', from: t.kind, to: kind, actor: user, at: ctx.now, why });
        if (before?.assignee) await recordEvent(tx, { communityId: t.communityId, target: 'ticket', targetId: t._id, field: 'assignee', from: before.assignee.label, to: assignee.label, actor: user, at: ctx.now, why });
        // One handler per need: a wish claimed on the wall is not dispatched; a dispatched one leaves the wall.
        await takeWishOffWall(tx, next, user, ctx.now);
        await commitTicket(tx, rules.calendar, before, next, user, ctx.now, why, undefined, assignee.resourceId ? { resourceId: assignee.resourceId } : {});
        await creditFinder(tx, next, user, ctx.now);
        return t._id;
      }),
    );
    const t = (await docs.get<TicketDoc>(TICKETS, tid))!;
    if (t.dispatchedAt === ctx.now) {
      await noticeDispatched(t);
      await noticeRequester(t, '已派单', '社区已安排专人办理');
    }
    return { ticket: await ticketDetail(t, user, ctx.now) };
  },
);

/** 接单 */
export const accept = action(z.object(ticketIdField), async function accept(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await mutate(user, ctx, 'accept', input.id, input.requestId, async (tx, cur, rules) => {
    assertMayWork(user, cur);
    if (cur.status !== 'dispatched') throw conflict(cur.status === 'accepted' ? '工单已被接单' : '工单当前状态不能接单');
    // At the county, whoever accepts holds the case (包案) from now on, by name.
    const assignee = cur.assignee?.kind === 'county' ? { kind: 'county' as const, userId: user._id, label: `县(区)委包案干部 ${maskName(user.displayName)}`, staffLabel: `县(区)委包案干部 ${user.displayName}` } : cur.assignee;
    if (assignee !== cur.assignee) await recordEvent(tx, { communityId: cur.communityId, target: 'ticket', targetId: cur._id, field: 'assignee', from: cur.assignee?.label ?? null, to: assignee!.label, actor: user, at: ctx.now, why: '县(区)委包案干部接手' });
    await commitTicket(tx, rules.calendar, cur, { ...cur, assignee, status: 'accepted', acceptedAt: cur.acceptedAt ?? ctx.now, acceptedBy: user._id, late: cur.late || missed(cur, ctx.now), updatedAt: ctx.now }, user, ctx.now, '接单');
  });
  if (t.acceptedBy === user._id && t.updatedAt === ctx.now) await noticeRequester(t, '已接单', '办理人已接单，正在办理');
  return { ticket: await ticketDetail(t, user, ctx.now) };
});

/** 办结: the worker reports what was done, with photos. */
export const resolve = action(z.object({ ...ticketIdField, note: text('办理情况', 300), photos }), async function resolve(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await mutate(user, ctx, 'resolve', input.id, input.requestId, async (tx, cur, rules) => {
    assertMayWork(user, cur);
    if (cur.wishId) throw precondition('此工单来自微心愿：请在心愿墙提交完成凭证，由居民确认');
    if (cur.status !== 'accepted') throw conflict(cur.status === 'dispatched' ? '请先接单' : '工单当前状态不能办结');
    const label = hasRole(user, 'staff', 'admin') ? '社区工作者' : cur.assignee?.label ?? maskName(user.displayName);
    await commitTicket(
      tx,
      rules.calendar,
      cur,
      {
        ...cur,
        status: 'resolved',
        resolvedAt: ctx.now,
        resolvedBy: user._id,
        resolution: { note: input.note, photos: input.photos ?? [], at: ctx.now, byLabel: label },
        late: cur.late || missed(cur, ctx.now),
        updatedAt: ctx.now,
      },
      user,
      ctx.now,
      input.note,
    );
  });
  if (t.resolvedBy === user._id && t.resolvedAt === ctx.now) await noticeRequester(t, '已办结', '请在小程序中评价办理结果');
  return { ticket: await ticketDetail(t, user, ctx.now) };
});

/**
 * 评单: the resident rates the resolution. 3–5 stars close it and award the resolver the
 * community's `request_resolved` points (in this transaction, once per ticket); 1–2 stars reopen
 * it with the resident's reason and a fresh resolve deadline. A need raised by staff (no resident)
 * is rated by staff on the return visit (回访).
 */
export const rate = action(
  z.object({
    ...ticketIdField,
    stars: z.number({ error: '请选择评分' }).check(z.int('评分须为1到5的整数'), z.minimum(1, '评分须为1到5的整数'), z.maximum(5, '评分须为1到5的整数')),
    comment: z.optional(text('评价', 200)),
    reason: z.optional(reason('不满意的原因')),
  }),
  async function rate(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    if (input.stars <= 2 && !input.reason) throw invalid('评价为1–2星时请说明不满意的原因，工单将重新办理');
    let awarded = 0;
    let resolverId: string | undefined;
    const t = await mutate(user, ctx, 'rate', input.id, input.requestId, async (tx, cur, rules) => {
      const rater = cur.requesterId ? cur.requesterId === user._id : isStaff(user);
      if (!rater) throw forbidden(cur.requesterId ? '只有提出诉求的居民可以评价' : '只有社区工作人员可以回访评价');
      if (cur.wishId) throw precondition('此工单来自微心愿：请在心愿墙确认和评价');
      if (cur.status !== 'resolved') throw conflict(cur.status === 'closed' ? '您已评价过了' : '工单办结后才能评价');
      resolverId = cur.resolvedBy;
      if (input.stars <= 2) {
        await commitTicket(
          tx,
          rules.calendar,
          cur,
          {
            ...cur,
            status: 'accepted',
            cycle: cur.cycle + 1,
            reopenCount: cur.reopenCount + 1,
            clock: reopenedClock(cur.kind, cur.clock, ctx.now, rules.calendar, cur.level),
            resolvedAt: undefined,
            resolvedBy: undefined,
            resolution: undefined,
            updatedAt: ctx.now,
          },
          user,
          ctx.now,
          `评价${input.stars}星，重新办理：${input.reason}`,
        );
        return;
      }
      const rating = { stars: input.stars, ...(input.comment ? { comment: input.comment } : {}), at: ctx.now };
      const out = await closeWithPoints(tx, cur, user, ctx.now, `评价${input.stars}星${input.comment ? `：${input.comment}` : ''}`.slice(0, 200), rating);
      awarded = out.awarded;
    });
    if (resolverId && t.updatedAt === ctx.now) {
      await notify(resolverId, 'ticketUpdated', ticketPage(t._id), {
        title: t.title,
        status: t.status === 'closed' ? '已评价' : '需重办',
        note: t.status === 'closed' ? '居民已评价，工单办结' : '居民不满意，请重新办理',
      });
    }
    return { ticket: await ticketDetail(t, user, ctx.now), pointsAwarded: t.pointsAwarded ?? awarded };
  },
);

/** 提级包案: a difficult matter goes to the community secretary, who owns it from now on. */
export const escalate = action(z.object({ ...ticketIdField, reason: reason('提级原因') }), async function escalate(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await mutate(user, ctx, 'escalate', input.id, input.requestId, async (tx, cur, rules) => {
    const may = mayWork(user, cur) || isStaff(user) || (!!cur.gridId && workerGrids(user).includes(cur.gridId));
    if (!may) throw forbidden('只有办理人、本网格网格员或社区工作人员可以提级');
    if (!isOpen(cur.status)) throw conflict('工单已办结或已撤销，不能提级');
    if (cur.level === 'secretary') throw conflict('工单已由社区书记包案');
    if (cur.level === 'county') throw conflict('工单已提交县(区)级包案');
    const secretary = await resolveAssignee(tx, cur, 'secretary', undefined, 'difficult');
    await releaseCapacity(tx, cur.usage);
    const { acceptedAt: _a, acceptedBy: _b, usage: _u, ...rest } = cur;
    const next: TicketDoc = {
      ...rest,
      kind: 'difficult',
      level: 'secretary',
      clock: clockFor('difficult', ctx.now, rules),
      assignee: secretary,
      status: 'dispatched',
      dispatchedAt: ctx.now,
      late: cur.late || missed(cur, ctx.now),
      updatedAt: ctx.now,
    };
    await recordEvent(tx, { communityId: cur.communityId, target: 'ticket', targetId: cur._id, field: 'level', from: cur.level, to: 'secretary', actor: user, at: ctx.now, why: input.reason });
    await recordEvent(tx, { communityId: cur.communityId, target: 'ticket', targetId: cur._id, field: 'assignee', from: cur.assignee?.label ?? null, to: secretary.label, actor: user, at: ctx.now, why: '提级包案' });
    await commitTicket(tx, rules.calendar, cur, next, user, ctx.now, `提级包案：${input.reason}`);
  });
  if (t.level === 'secretary' && t.dispatchedAt === ctx.now && t.assignee?.userId) {
    await notify(t.assignee.userId, 'ticketEscalated', ticketPage(t._id), { title: t.title, reason: `提级包案：${input.reason}`, due: t.clock.resolveBy });
  }
  return { ticket: await ticketDetail(t, user, ctx.now) };
});

/** The resident withdraws a request not yet dispatched; staff may cancel any open ticket, with a reason. */
export const cancel = action(z.object({ ...ticketIdField, reason: reason('撤销原因') }), async function cancel(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await mutate(user, ctx, 'cancel', input.id, input.requestId, async (tx, cur, rules) => {
    const mine = cur.requesterId === user._id;
    const staff = isStaff(user);
    if (!mine && !staff) throw forbidden('只有提出诉求的居民或社区工作人员可以撤销');
    if (!isOpen(cur.status)) throw conflict('工单已办结或已撤销');
    if (!staff && cur.status !== 'submitted') throw conflict('工单已派出，如需撤销请联系社区');
    if (cur.wishId) throw precondition('来自微心愿的工单随心愿撤回或下架');
    await releaseCapacity(tx, cur.usage);
    await commitTicket(tx, rules.calendar, cur, { ...cur, status: 'cancelled', updatedAt: ctx.now }, user, ctx.now, input.reason);
  });
  if (t.requesterId && t.requesterId !== user._id && t.status === 'cancelled' && t.updatedAt === ctx.now) await noticeRequester(t, '已撤销', '工单已撤销，如有需要可再次反映');
  return { ticket: await ticketDetail(t, user, ctx.now) };
});

export const tickets = action(
  z.object({
    scope: z.optional(z.enum(['mine', 'tasks', 'all'], { error: '范围须为 mine、tasks 或 all' })),
    status: z.optional(z.enum([...ALL_STATUSES, 'open', 'working'], { error: '状态筛选不正确' })),
    gridId: z.optional(docId('网格')),
    cursor,
    limit,
  }),
  async function tickets(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    const scope = input.scope ?? 'mine';
    const status = input.status === 'open' ? { $in: OPEN } : input.status === 'working' ? { $in: WORKING } : input.status;
    let where: Record<string, unknown>;
    let orderBy: [string, 'asc' | 'desc'][];
    if (scope === 'mine') {
      where = { communityId: user.communityId, requesterId: user._id, ...(status ? { status } : {}) };
      orderBy = [['updatedAt', 'desc'], ['_id', 'asc']];
    } else {
      if (scope === 'all') {
        const grids = workerGrids(user);
        if (!isStaff(user) && !grids.length) throw forbidden('只有社区工作人员和网格员可以查看工单队列');
        if (!isStaff(user) && input.gridId && !grids.includes(input.gridId)) throw forbidden('网格员只能查看本网格的工单');
        where = { communityId: user.communityId, ...(input.gridId ? { gridId: input.gridId } : !isStaff(user) ? { gridId: { $in: grids } } : {}) };
      } else {
        where = { communityId: user.communityId, workerKeys: { $in: myWorkerKeys(user) }, ...(input.gridId ? { gridId: input.gridId } : {}) };
      }
      // The queue and the task list: open work first, special groups (特殊群体) on top, then the nearest deadline.
      const st = status ?? { $in: OPEN };
      where.status = st;
      orderBy = input.status && !['open', 'working', 'submitted', 'dispatched', 'accepted'].includes(input.status) ? [['updatedAt', 'desc'], ['_id', 'asc']] : [['priority', 'desc'], ['dueAt', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']];
    }
    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const [rows, names] = await Promise.all([findMany<TicketDoc>(TICKETS, where, { orderBy, skip: offset, limit: size + 1 }), gridNames(user.communityId)]);
    return pageOf(
      rows.map((t) => toTicketCard(t, ctx.now, t.gridId ? names.get(t.gridId) : undefined, undefined, isStaff(user))),
      offset,
      size,
    );
  },
);

export const ticket = action(z.object({ id: docId('工单编号') }), async function ticket(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await loadTicket(docs, input.id, user);
  return { ticket: await ticketDetail(t, user, ctx.now) };
});

/** 拨打: whoever works a live ticket reads the resident's full phone on file; each read is audited. */
export const contact = action(z.object({ id: docId('工单编号') }), async function contact(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await loadTicket(docs, input.id, user);
  if (!reachesRequester(user, t)) throw forbidden('只有正在办理的工作人员可以联系反映人');
  const requester = await docs.get<UserDoc>(USERS, t.requesterId!);
  if (!requester?.phone) throw precondition('反映人没有留下电话');
  await logPhoneView(user, { kind: 'ticket', id: t._id, communityId: t.communityId, residentId: requester._id, label: `诉求「${t.title}」` }, ctx.now);
  return { phone: requester.phone };
});

/** Open tickets past their running deadline, the most overdue first. */
export const overdue = action(z.object({ gridId: z.optional(docId('网格')), cursor, limit }), async function overdue(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const grids = workerGrids(user);
  if (!isStaff(user) && !grids.length) throw forbidden('只有社区工作人员和网格员可以查看超期工单');
  if (!isStaff(user) && input.gridId && !grids.includes(input.gridId)) throw forbidden('网格员只能查看本网格的工单');
  const where = {
    communityId: user.communityId,
    status: { $in: OPEN },
    dueAt: { $lt: ctx.now },
    ...(input.gridId ? { gridId: input.gridId } : !isStaff(user) ? { gridId: { $in: grids } } : {}),
  };
  const size = input.limit ?? PAGE_MAX;
  const offset = offsetOf(input.cursor);
  const [rows, names] = await Promise.all([findMany<TicketDoc>(TICKETS, where, { orderBy: [['dueAt', 'asc'], ['_id', 'asc']], skip: offset, limit: size + 1 }), gridNames(user.communityId)]);
  return pageOf(
    rows.map((t) => toTicketCard(t, ctx.now, t.gridId ? names.get(t.gridId) : undefined, undefined, isStaff(user))),
    offset,
    size,
  );
});

/** Whom staff can dispatch to: grid workers, 红色代办员 (those who hold the post, real names, grid and load), units, teams, the secretary. */
export const assignees = action(z.object({ gridId: z.optional(docId('网格')) }), async function assignees(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以派单');
  const c = user.communityId;
  const [grids, units, teams, agents, secretary] = await Promise.all([
    gridsOf(c),
    unitsOf(c),
    findMany<ResourceDoc>(RESOURCES, { communityId: c, providerKind: 'team', status: 'active' }, { limit: 50 }),
    agentRoster(c),
    secretaryOf(c),
  ]);
  const workers = new Map<string, string[]>();
  for (const g of grids as GridDoc[]) if (g.workerId) workers.set(g.workerId, [...(workers.get(g.workerId) ?? []), g._id]);
  const [workerUsers, load] = await Promise.all([Promise.all([...workers.keys()].map((id) => docs.get<UserDoc>(USERS, id))), heldWork(c, [...workers.keys()])]);
  const gridName = new Map((grids as GridDoc[]).map((g) => [g._id, g.name]));
  // Staff choose by who the person is, where they work and what they already hold: real names, as colleagues.
  const items: AssigneeOption[] = [];
  for (const u of workerUsers) {
    if (!u || u.communityId !== c) continue;
    const ids = workers.get(u._id) ?? [];
    items.push({ kind: 'grid_worker', id: u._id, label: `网格员 ${u.displayName}`, gridIds: ids, detail: [...ids.map((g) => gridName.get(g)), `手上${load.get(u._id) ?? 0}件`].filter(Boolean).join(' · ') });
  }
  if (input.gridId) items.sort((a, b) => Number(!!b.gridIds?.includes(input.gridId!)) - Number(!!a.gridIds?.includes(input.gridId!)));
  for (const a of agents) items.push({ kind: 'agent', id: a.userId, label: `红色代办员 ${a.name}`, detail: [a.gridId && gridName.get(a.gridId), `手上${a.load}件`].filter(Boolean).join(' · ') });
  for (const u of units) items.push({ kind: 'unit', id: u._id, label: `共建单位 ${u.name}` });
  for (const r of teams) items.push({ kind: 'team', id: r._id, label: `${r.providerName}（${r.title}）` });
  if (secretary) items.push({ kind: 'secretary', id: secretary._id, label: `社区书记 ${secretary.displayName}` });
  return { items };
});
