import * as z from 'zod/mini';
import { ERRAND_STATUS_LABELS, type ErrandStatus, type Worker } from '../../typings/booking';
import { action } from '../core/define';
import { conflict, exhausted, forbidden, invalid, notFound, precondition } from '../core/errors';
import { cursor, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { localDate, addDays } from '../core/time';
import { count, docs, findMany, DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, precheck, requestKey } from '../platform/idempotency';
import { passGate } from '../platform/gate';
import { holdOf, screenText } from '../core/screen';
import { requireMember } from '../user/caller';
import { USERS, UserDoc, grantFor, hasRole } from '../user/model';
import { GRIDS, GridDoc } from '../community/model';
import { PLACES, PlaceDoc } from '../map/model';
import { notify } from '../notify/outbox';
import { BookingCtx, Member, actorLabel, assertStaff, eventsOf, isStaff, newId, recordEvent } from './context';
import { ERRANDS, ErrandDoc } from './model';
import { errandMinutes, id, papers, phone, requestId, stars, text, timeWindow } from './schemas';
import { agentRoster, heldWork, redAgentOf } from '../party/agents';
import { creditErrand } from './errand-credit';
import { minutesOf } from '../core/hours';
import { preferredTime } from '../core/validation';
import { logPhoneView } from '../user/contact';
import { mayHandle, maySeeErrand, reachesRequester, toErrand, workerGrid } from './view';
import { loadService } from './actions-services';
import { detailPage } from './notices';

/** Errands a person may have open at once (submitted or in hand). */
const MAX_OPEN_ERRANDS = 5;
/** How far ahead a home visit may be wished for. */
const VISIT_HORIZON_DAYS = 30;
const OPEN: ErrandStatus[] = ['submitted', 'accepted'];

async function gridName(gridId: string | undefined): Promise<string | undefined> {
  return gridId ? ((await docs.get<GridDoc>(GRIDS, gridId))?.name ?? undefined) : undefined;
}

export async function errandDetail(e: ErrandDoc, viewer: Member) {
  const [grid, events] = await Promise.all([gridName(e.gridId), eventsOf(e._id)]);
  return toErrand(e, viewer, { gridName: grid, events });
}

async function loadErrand(tx: DocStore, errandId: string, viewer: Member): Promise<ErrandDoc> {
  const e = await tx.get<ErrandDoc>(ERRANDS, errandId);
  // What the viewer may not see is reported as missing: its existence is not theirs to know.
  if (!e || !maySeeErrand(viewer, e)) throw notFound('代办事项不存在');
  return e;
}

/**
 * One errand change in a transaction, with the caller's requestId making a repeat return the
 * first answer; then the errand as the caller now sees it, and a message to the requester.
 */
async function mutate(
  user: Member,
  ctx: BookingCtx,
  actionName: string,
  errandId: string,
  requestIdValue: string | undefined,
  change: (tx: DocStore, e: ErrandDoc) => Promise<{ next: ErrandDoc; why?: string; tell?: string }>,
) {
  let tell: string | undefined;
  const result = await transact((tx) =>
    once(tx, requestKey(user._id, 'booking', actionName, requestIdValue), async () => {
      tell = undefined;
      const e = await loadErrand(tx, errandId, user);
      const { next, why, tell: message } = await change(tx, e);
      const after = { ...next, updatedAt: ctx.now };
      await tx.set(ERRANDS, e._id, after);
      await recordEvent(tx, { communityId: e.communityId, target: 'errand', targetId: e._id, from: e.status, to: after.status, actor: user, at: ctx.now, why });
      tell = message;
      return { id: e._id, requesterId: e.requesterId, serviceName: e.serviceName };
    }),
  );
  if (tell && result.requesterId !== user._id) {
    await notify(result.requesterId, 'errandUpdated', detailPage(result.id), { service: result.serviceName, status: tell, note: '点击查看办理进度' });
  }
  const after = (await docs.get<ErrandDoc>(ERRANDS, result.id))!;
  return { errand: await errandDetail(after, user) };
}

export const requestErrand = action(
  z.object({
    serviceId: id('服务编号'),
    description: text('事项说明', 300),
    papers: z.optional(papers),
    address: z.optional(text('上门地址', 60)),
    window: z.optional(timeWindow),
    preferredTime,
    contactPhone: z.optional(phone),
    requestId,
  }),
  async function requestErrand(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    const s = await loadService(docs, input.serviceId, user);
    if (s.kind === 'appointment') throw precondition('该服务须预约时段到场办理，请选择时段预约');
    if (s.status !== 'active') throw precondition(`该服务暂停受理${s.pausedReason ? `：${s.pausedReason}` : ''}`);
    if (s.kind === 'home_visit') {
      if (!input.address) throw invalid('上门帮办须填写上门地址');
      if (!input.window) throw invalid('上门帮办须选择希望上门的时间');
    }
    if (input.window) {
      const today = localDate(ctx.now);
      if (input.window.date < today || input.window.date > addDays(today, VISIT_HORIZON_DAYS)) throw invalid(`希望上门的日期须在今天起${VISIT_HORIZON_DAYS}天内`);
      if (minutesOf(input.window.to) <= minutesOf(input.window.from)) throw invalid('希望上门的结束时间须晚于开始时间');
    }
    const key = requestKey(user._id, 'booking', 'requestErrand', input.requestId);
    // A replay returns the first answer, even once the person has reached the cap with it.
    const underCap = async () => {
      const open = await count(ERRANDS, { requesterId: user._id, status: { $in: OPEN } });
      if (open >= MAX_OPEN_ERRANDS) throw exhausted(`您已有${open}件代办事项在办理中，请办结后再提交`);
    };
    await precheck(key, underCap);
    const screening = await screenText(`${input.description}\n${input.address ?? ''}\n${(input.papers ?? []).join('、')}`, user.openid);
    if (screening.verdict === 'risky') throw invalid('填写的内容含有不适宜的词语，请修改后再提交');
    const hold = holdOf(screening, ctx.now);
    const place = await docs.get<PlaceDoc>(PLACES, s.placeId);
    const errandId = await transact((tx) =>
      once(tx, key, async () => {
        // Counted again behind the person's gate: the check above is only the cheap early answer.
        await passGate(tx, 'booking.requestErrand', user._id, ctx.now);
        await underCap();
        const contact = input.contactPhone ?? user.phone;
        const doc: ErrandDoc = {
          _id: newId('er'),
          communityId: user.communityId,
          serviceId: s._id,
          serviceName: s.name,
          placeId: s.placeId,
          placeName: place?.name ?? '',
          kind: s.kind as ErrandDoc['kind'],
          requesterId: user._id,
          requesterName: user.displayName,
          ...(user.gridId ? { gridId: user.gridId } : {}),
          description: input.description,
          papers: input.papers ?? [],
          ...(input.address ? { address: input.address } : {}),
          ...(input.window ? { window: input.window } : {}),
          ...(input.preferredTime ? { preferredTime: input.preferredTime } : {}),
          ...(contact ? { contactPhone: contact } : {}),
          status: 'submitted',
          ...(hold ? { hold } : {}),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        await tx.set(ERRANDS, doc._id, doc);
        await recordEvent(tx, { communityId: doc.communityId, target: 'errand', targetId: doc._id, from: null, to: 'submitted', actor: user, at: ctx.now, why: '居民提交' });
        return doc._id;
      }),
    );
    const e = (await docs.get<ErrandDoc>(ERRANDS, errandId))!;
    return { errand: await errandDetail(e, user) };
  },
);

/** Staff: the community's queue; grid workers: their grid's; anyone who handles errands: what is assigned to them. */
export const errands = action(
  z.object({
    scope: z.optional(z.enum(['queue', 'assigned'], { error: '范围须为 queue 或 assigned' })),
    status: z.optional(z.enum(['submitted', 'accepted', 'done', 'rated', 'cancelled'], { error: '状态筛选不正确' })),
    cursor,
  }),
  async function errands(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    const grid = workerGrid(user);
    const scope = input.scope ?? 'queue';
    // What is assigned to the caller is theirs to list, 红色代办员 included; the queue is the handlers'.
    if (scope === 'queue' && !isStaff(user) && !grid) throw forbidden('只有社区工作人员或网格员可以查看代办队列');
    const where: Record<string, unknown> = { communityId: user.communityId };
    if (scope === 'assigned') where.assigneeId = user._id;
    else if (!isStaff(user)) where.gridId = grid;
    where.status = input.status ?? { $in: scope === 'queue' ? OPEN : ['accepted', 'done', 'rated'] };
    const offset = offsetOf(input.cursor);
    const orderBy: [string, 'asc' | 'desc'][] = scope === 'queue' ? [['createdAt', 'asc']] : [['updatedAt', 'desc']];
    const rows = await findMany<ErrandDoc>(ERRANDS, where, { orderBy, skip: offset, limit: PAGE_MAX + 1 });
    const grids = await findMany<GridDoc>(GRIDS, { communityId: user.communityId }, { limit: 100 });
    const names = new Map(grids.map((g) => [g._id, g.name]));
    return pageOf(
      rows.map((e) => toErrand(e, user, { gridName: e.gridId ? names.get(e.gridId) : undefined })),
      offset,
      PAGE_MAX,
    );
  },
);

const WORKER_ROLES = ['staff', 'admin', 'grid_worker'];

function workerRole(u: UserDoc): 'staff' | 'grid_worker' | undefined {
  if (hasRole(u, 'staff', 'admin')) return 'staff';
  if (hasRole(u, 'grid_worker')) return 'grid_worker';
  return undefined;
}

/**
 * Staff: who can be assigned an errand (user ids; never an openid or a phone): staff and grid
 * workers, then the 红色代办员, each by real name with their grid and load.
 */
export const workers = action(z.object({}), async function workers(ctx: BookingCtx) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有本社区的工作人员可以指派代办');
  const [people, grids, agents] = await Promise.all([
    findMany<UserDoc>(USERS, { communityId: user.communityId, grants: { $elemMatch: { communityId: user.communityId, role: { $in: WORKER_ROLES } } } }, { limit: 200 }),
    findMany<GridDoc>(GRIDS, { communityId: user.communityId }, { limit: 100 }),
    agentRoster(user.communityId),
  ]);
  const names = new Map(grids.map((g) => [g._id, g.name]));
  const load = await heldWork(user.communityId, people.map((p) => p._id));
  // Colleagues by their real names, with where they work and what they hold, so assigning is a choice.
  const items: Worker[] = [];
  for (const p of people) {
    const role = workerRole(p);
    if (!role) continue;
    const g = grantFor(p, 'grid_worker')?.gridId;
    items.push({ id: p._id, name: p.displayName, role, ...(role === 'grid_worker' && g && names.get(g) ? { gridName: names.get(g) } : {}), load: load.get(p._id) ?? 0 });
  }
  for (const a of agents) {
    if (items.some((w) => w.id === a.userId)) continue;
    items.push({ id: a.userId, name: a.name, role: 'agent', ...(a.gridId && names.get(a.gridId) ? { gridName: names.get(a.gridId) } : {}), load: a.load });
  }
  return { items };
});

export const assignErrand = action(
  z.object({ id: id('代办编号'), assigneeId: z.optional(id('办理人')), reason: z.optional(text('说明', 200)), requestId }),
  async function assignErrand(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    return mutate(user, ctx, 'assignErrand', input.id, input.requestId, async (tx, current) => {
      // Taking an errand in hand is staff having read it: a hold on its text ends.
      const { hold: _read, ...e } = current;
      if (!input.assigneeId || (input.assigneeId === user._id && !isStaff(user))) {
        if (!mayHandle(user, e)) throw forbidden('只有本社区的工作人员或本网格的网格员可以受理');
        if (e.status === 'accepted') throw conflict(e.assigneeId === user._id ? '您已受理该事项' : '该事项已由他人受理');
        if (e.status !== 'submitted') throw precondition(`该事项${ERRAND_STATUS_LABELS[e.status]}，不能受理`);
        const role = workerRole(user)!;
        return { next: { ...e, status: 'accepted', assigneeId: user._id, assigneeName: user.displayName, assigneeRole: role }, why: input.reason ?? '受理', tell: '已受理' };
      }
      if (!isStaff(user) || user.communityId !== e.communityId) throw forbidden('只有本社区的工作人员可以指派代办');
      if (e.status !== 'submitted' && e.status !== 'accepted') throw precondition(`该事项${ERRAND_STATUS_LABELS[e.status]}，不能指派`);
      if (e.status === 'accepted' && !input.reason) throw invalid('改派须填写原因');
      if (e.assigneeId === input.assigneeId) throw precondition('该事项已由此人办理');
      const assignee = await tx.get<UserDoc>(USERS, input.assigneeId);
      const here = assignee && assignee.communityId === e.communityId;
      const role = here ? (workerRole(assignee) ?? ((await redAgentOf(tx, e.communityId, assignee._id)) ? 'agent' : undefined)) : undefined;
      if (!assignee || !role) throw notFound('办理人须为本社区的工作人员、网格员或红色代办员');
      const who = actorLabel(assignee, e.communityId);
      return {
        next: { ...e, status: 'accepted', assigneeId: assignee._id, assigneeName: assignee.displayName, assigneeRole: role },
        why: `${e.status === 'accepted' ? '改派' : '指派'}给${who}${input.reason ? `：${input.reason}` : ''}`,
        tell: e.status === 'submitted' ? '已受理' : undefined,
      };
    });
  },
);

export const updateErrand = action(
  z.object({ id: id('代办编号'), op: z.enum(['done', 'cancel', 'note'], { error: '操作须为 done、cancel 或 note' }), note: z.optional(text('说明', 300)), minutes: z.optional(errandMinutes), requestId }),
  async function updateErrand(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    return mutate(user, ctx, 'updateErrand', input.id, input.requestId, async (tx, e) => {
      const staff = isStaff(user) && user.communityId === e.communityId;
      const assignee = e.assigneeId === user._id;
      if (input.op === 'cancel') {
        const mine = e.requesterId === user._id;
        if (!mine && !staff) throw forbidden('只有提交人或社区工作人员可以取消');
        if (!OPEN.includes(e.status)) throw precondition(`该事项${ERRAND_STATUS_LABELS[e.status]}，不能取消`);
        if (!mine && !input.note) throw invalid('社区取消代办须填写原因');
        return { next: { ...e, status: 'cancelled' }, why: input.note ?? '居民取消', tell: mine ? undefined : '已取消' };
      }
      if (!assignee && !staff) throw forbidden('只有办理人或社区工作人员可以更新办理情况');
      if (e.status !== 'accepted') throw precondition(`该事项${ERRAND_STATUS_LABELS[e.status]}，不能${input.op === 'done' ? '办结' : '补充进展'}`);
      if (!input.note) throw invalid(input.op === 'done' ? '请填写办理结果' : '请填写办理进展');
      if (input.op === 'note') return { next: e, why: input.note };
      const done: ErrandDoc = { ...e, status: 'done', result: input.note };
      if (e.assigneeRole !== 'agent') return { next: done, why: input.note, tell: '已办结' };
      const credit = await creditErrand(tx, e, input.minutes, user._id, ctx.now);
      return { next: { ...done, ...credit }, why: `${input.note}（服务${Math.round(credit.minutes / 6) / 10}小时，获得${credit.pointsAwarded}积分）`, tell: '已办结' };
    });
  },
);

export const rateErrand = action(z.object({ id: id('代办编号'), stars, comment: z.optional(text('评价', 200)), requestId }), async function rateErrand(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  return mutate(user, ctx, 'rateErrand', input.id, input.requestId, async (_tx, e) => {
    if (e.requesterId !== user._id) throw forbidden('只有提交人可以评价');
    if (e.status === 'rated') throw conflict('您已评价过了');
    if (e.status !== 'done') throw precondition('办结后才能评价');
    return {
      next: { ...e, status: 'rated', rating: { stars: input.stars, ...(input.comment ? { comment: input.comment } : {}), at: ctx.now } },
      why: input.comment ? `${input.stars}星：${input.comment}` : `${input.stars}星`,
    };
  });
});

/** 拨打: the worker holding an accepted errand reads the requester's full phone; each read is audited. */
export const contact = action(z.object({ id: id('代办编号') }), async function contact(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  const e = await loadErrand(docs, input.id, user);
  if (!reachesRequester(user, e)) throw forbidden('只有正在办理的工作人员可以联系提交人');
  if (!e.contactPhone) throw precondition('提交人没有留下电话');
  await logPhoneView(user, { kind: 'errand', id: e._id, communityId: e.communityId, residentId: e.requesterId, label: `代办「${e.serviceName}」` }, ctx.now);
  return { phone: e.contactPhone };
});
