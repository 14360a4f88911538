import { action } from '../core/define';
import { conflict, exhausted, forbidden, invalid, notFound, precondition } from '../core/errors';
import { newId } from '../core/ids';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { count, docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { passGate } from '../platform/gate';
import { once, precheck, requestKey } from '../platform/idempotency';
import { isStaff, requireMember } from '../user/caller';
import { earnWithVanguard } from './vanguard';
import { gridNames, workerGrids } from '../lists/context';
import { recordParty, type Member, type PartyCtx } from './context';
import { GRID_TASKS, type GridTaskDoc } from './gridtask-model';
import { toGridTask } from './gridtask-view';
import { cancelGridTaskSchema, claimGridTaskSchema, confirmGridTaskSchema, finishGridTaskSchema, gridTasksSchema, publishGridTaskSchema } from './gridtask-schemas';

/** A worker holds at most this many tasks not yet finished, so one person cannot sit on a grid's list. */
const MAX_HELD = 3;
const NOT_GRID = '网格任务面向本网格的网格员（含兼职网格员）';

async function loadTask(store: DocStore, id: string, viewer: Member): Promise<GridTaskDoc> {
  const t = await store.get<GridTaskDoc>(GRID_TASKS, id);
  if (!t || t.communityId !== viewer.communityId) throw notFound('网格任务不存在');
  if (!isStaff(viewer) && !workerGrids(viewer).includes(t.gridId) && t.claimerId !== viewer._id) throw notFound('网格任务不存在');
  return t;
}

async function view(t: GridTaskDoc, viewer: Member) {
  const names = await gridNames(t.communityId);
  return toGridTask(t, viewer._id, isStaff(viewer), names.get(t.gridId));
}

/**
 * One change of a task, in one transaction with its event; a resent request answers with the
 * task as the first one left it.
 */
async function change(ctx: PartyCtx, user: Member, name: string, input: { id: string; requestId?: string }, apply: (tx: DocStore, t: GridTaskDoc) => Promise<{ next: GridTaskDoc; why: string }>) {
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', name, input.requestId), async () => {
      const t = await loadTask(tx, input.id, user);
      const { next, why } = await apply(tx, t);
      await tx.set(GRID_TASKS, t._id, next);
      await recordParty(tx, 'gridTask', t._id, t.communityId, t.status, next.status, user, ctx.now, why);
      return t._id;
    }),
  );
  return (await docs.get<GridTaskDoc>(GRID_TASKS, id))!;
}

/**
 * open: the open tasks of the caller's grids, the soonest due first · mine: what the caller
 * claimed, latest first · all: the community's, for staff (by status when asked).
 */
export const gridTasks = action(gridTasksSchema, async function gridTasks(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const staff = isStaff(user);
  const grids = workerGrids(user);
  const scope = input.scope ?? (staff ? 'all' : 'open');
  if (scope === 'all' ? !staff : !grids.length) throw forbidden(scope === 'all' ? '只有社区工作人员可以查看全部网格任务' : NOT_GRID);
  const c = user.communityId;
  const [where, orderBy]: [Record<string, unknown>, Array<[string, 'asc' | 'desc']>] =
    scope === 'open'
      ? [{ communityId: c, gridId: { $in: grids }, status: 'open', dueAt: { $gt: ctx.now } }, [['dueAt', 'asc']]]
      : scope === 'mine'
        ? [{ communityId: c, claimerId: user._id, ...(input.status ? { status: input.status } : {}) }, [['updatedAt', 'desc']]]
        : [{ communityId: c, ...(input.status ? { status: input.status } : {}) }, [['updatedAt', 'desc']]];
  const offset = offsetOf(input.cursor);
  const [rows, names] = await Promise.all([findMany<GridTaskDoc>(GRID_TASKS, where, { orderBy: [...orderBy, ['_id', 'asc']], skip: offset, limit: PAGE_MAX + 1 }), gridNames(c)]);
  const page = pageOf(rows, offset, PAGE_MAX);
  return { ...page, items: page.items.map((t) => toGridTask(t, user._id, staff, names.get(t.gridId))) };
});

export const publishGridTask = action(publishGridTaskSchema, async function publishGridTask(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!isStaff(user)) throw forbidden('只有社区工作人员可以发布网格任务');
  if (input.dueAt <= ctx.now) throw invalid('完成时间须晚于现在');
  if (!(await gridNames(user.communityId)).has(input.gridId)) throw notFound('网格不存在或不在本社区');
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'publishGridTask', input.requestId), async () => {
      const t: GridTaskDoc = {
        _id: newId('gt'),
        communityId: user.communityId,
        gridId: input.gridId,
        title: input.title,
        ...(input.detail ? { detail: input.detail } : {}),
        place: input.place,
        dueAt: input.dueAt,
        points: input.points,
        status: 'open',
        createdBy: user._id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await tx.set(GRID_TASKS, t._id, t);
      await recordParty(tx, 'gridTask', t._id, t.communityId, null, 'open', user, ctx.now, `发布网格任务：${t.title}（${t.points}积分）`);
      return t._id;
    }),
  );
  return { task: await view((await docs.get<GridTaskDoc>(GRID_TASKS, id))!, user) };
});

/** A task the worker may claim now: of their grid, open, not past due. */
function assertClaimable(user: Member, t: GridTaskDoc, now: number): void {
  if (!workerGrids(user).includes(t.gridId)) throw forbidden(NOT_GRID);
  if (t.status !== 'open') throw conflict(t.claimerId === user._id ? '您已认领这项任务' : '这项任务已被认领');
  if (t.dueAt <= now) throw precondition('这项任务已过完成时间');
}

/**
 * 认领: the claim is read and written in the transaction, so of any number claiming at once one
 * holds it and the rest are told it is taken. The worker's open claims are counted behind their
 * gate, so the cap holds under concurrency too.
 */
export const claimGridTask = action(claimGridTaskSchema, async function claimGridTask(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const key = requestKey(user._id, 'party', 'claimGridTask', input.requestId);
  // A rush on a task already taken is answered before any transaction.
  await precheck(key, async () => assertClaimable(user, await loadTask(docs, input.id, user), ctx.now));
  const t = await change(ctx, user, 'claimGridTask', input, async (tx, cur) => {
    assertClaimable(user, cur, ctx.now);
    await passGate(tx, 'party.claimGridTask', user._id, ctx.now);
    const held = await count(GRID_TASKS, { communityId: cur.communityId, claimerId: user._id, status: 'claimed' });
    if (held >= MAX_HELD) throw exhausted(`您已有${held}项任务在办，请先完成再认领`);
    return { next: { ...cur, status: 'claimed', claimerId: user._id, claimerName: user.displayName, claimedAt: ctx.now, updatedAt: ctx.now }, why: '认领网格任务' };
  });
  return { task: await view(t, user) };
});

/** 完成: the claimer says what was done, with a photo if they took one; staff confirm it. */
export const finishGridTask = action(finishGridTaskSchema, async function finishGridTask(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  const t = await change(ctx, user, 'finishGridTask', input, async (_tx, cur) => {
    if (cur.claimerId !== user._id) throw forbidden('只有认领人可以提交完成情况');
    if (cur.status !== 'claimed') throw conflict(cur.status === 'done' ? '已提交，等待社区确认' : '这项任务当前不能提交完成');
    return { next: { ...cur, status: 'done', result: { note: input.note, photos: input.photos ?? [], at: ctx.now }, updatedAt: ctx.now }, why: input.note };
  });
  return { task: await view(t, user) };
});

/**
 * 确认: staff confirm the work and the claimer is credited the task's points in the same
 * transaction; the ledger keys the entry by the task, so it happens once however often it is sent.
 */
export const confirmGridTask = action(confirmGridTaskSchema, async function confirmGridTask(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!isStaff(user)) throw forbidden('只有社区工作人员可以确认网格任务');
  const t = await change(ctx, user, 'confirmGridTask', input, async (tx, cur) => {
    if (cur.status !== 'done') throw conflict(cur.status === 'confirmed' ? '这项任务已确认' : '认领人提交完成情况后才能确认');
    await earnWithVanguard(tx, { userId: cur.claimerId!, communityId: cur.communityId, amount: cur.points, kind: 'earn', source: { type: 'grid_task', id: cur._id }, reason: `完成网格任务：${cur.title}`.slice(0, 60), by: user._id, at: ctx.now });
    return { next: { ...cur, status: 'confirmed', confirmedBy: user._id, confirmedAt: ctx.now, updatedAt: ctx.now }, why: `确认完成，记${cur.points}积分` };
  });
  return { task: await view(t, user), credited: t.points };
});

/** 撤销: staff call off a task not yet confirmed; a claimer's work so far stays in the events. */
export const cancelGridTask = action(cancelGridTaskSchema, async function cancelGridTask(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!isStaff(user)) throw forbidden('只有社区工作人员可以撤销网格任务');
  const t = await change(ctx, user, 'cancelGridTask', input, async (_tx, cur) => {
    if (cur.status === 'confirmed' || cur.status === 'cancelled') throw conflict(cur.status === 'confirmed' ? '这项任务已确认完成，不能撤销' : '这项任务已撤销');
    return { next: { ...cur, status: 'cancelled', cancelReason: input.reason, updatedAt: ctx.now }, why: input.reason };
  });
  return { task: await view(t, user) };
});
