import * as z from 'zod/mini';
import type { ProjectStatus } from '../../typings/lists';
import { action } from '../core/define';
import { conflict, forbidden, invalid, notFound } from '../core/errors';
import { text } from '../core/validation';
import { isDate } from '../core/time';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { UNITS, type UnitDoc } from '../community/model';
import type { UserDoc } from '../user/model';
import { NEEDS, PROJECTS, type NeedDoc, type ProjectDoc } from './model';
import { assertStaff, eventsOf, gridNames, isStaff, loadOwn, memberUnits, newId, recordEvent, type ListsCtx, type Member } from './context';
import { category, date, docId, reason, requestId } from './schemas';
import { assertGrid } from './actions-needs';
import { toEvent, toNeedCard, toProjectView } from './view';

export const MAX_PROJECT_NEEDS = 50;

export const STATUS_LABEL: Record<ProjectStatus, string> = { planned: '筹备中', recruiting: '招募中', in_progress: '实施中', done: '已完成', cancelled: '已取消' };

/** Bundles open needs into a project, in the caller's transaction. */
export async function addNeedsToProject(tx: DocStore, p: ProjectDoc, needIds: string[], actor: UserDoc, at: number): Promise<ProjectDoc> {
  const ids = [...new Set(needIds)].filter((id) => !p.needIds.includes(id));
  if (p.needIds.length + ids.length > MAX_PROJECT_NEEDS) throw invalid(`一个项目最多包含${MAX_PROJECT_NEEDS}条需求`);
  let people = p.people;
  for (const id of ids) {
    const n = await tx.get<NeedDoc>(NEEDS, id);
    if (!n || n.communityId !== p.communityId) throw notFound('需求不存在或不在本社区');
    if (n.status !== 'open') throw conflict(`需求“${n.title}”已在对接中，不能纳入项目`);
    await tx.set(NEEDS, id, { ...n, status: 'in_project', projectId: p._id, updatedAt: at });
    await recordEvent(tx, { communityId: n.communityId, target: 'need', targetId: id, from: n.status, to: 'in_project', actor, at, why: `纳入项目：${p.title}` });
    people += n.people;
  }
  return { ...p, needIds: [...p.needIds, ...ids], people, updatedAt: at };
}

async function setNeeds(tx: DocStore, p: ProjectDoc, status: 'open' | 'done', actor: UserDoc, at: number, why: string): Promise<void> {
  for (const id of p.needIds) {
    const n = await tx.get<NeedDoc>(NEEDS, id);
    if (!n || n.projectId !== p._id || n.status !== 'in_project') continue;
    const { projectId: _p, ...rest } = n;
    await tx.set(NEEDS, id, status === 'open' ? { ...rest, status, updatedAt: at } : { ...n, status, updatedAt: at });
    await recordEvent(tx, { communityId: n.communityId, target: 'need', targetId: id, from: n.status, to: status, actor, at, why });
  }
}

async function write(tx: DocStore, before: ProjectDoc | null, after: ProjectDoc, actor: UserDoc, at: number, why: string): Promise<void> {
  await tx.set(PROJECTS, after._id, after);
  if (!before || before.status !== after.status) await recordEvent(tx, { communityId: after.communityId, target: 'project', targetId: after._id, from: before?.status ?? null, to: after.status, actor, at, why });
  else await recordEvent(tx, { communityId: after.communityId, target: 'project', targetId: after._id, field: 'data', from: before.status, to: after.status, actor, at, why });
}

export async function projectDetail(p: ProjectDoc, viewer: Member, now: number) {
  const insider = isStaff(viewer) || (!!p.ownerUnitId && memberUnits(viewer).includes(p.ownerUnitId));
  const [names, unit, events, needs] = await Promise.all([
    gridNames(p.communityId),
    p.ownerUnitId ? docs.get<UnitDoc>(UNITS, p.ownerUnitId) : null,
    eventsOf(p._id),
    insider && p.needIds.length ? findMany<NeedDoc>(NEEDS, { _id: { $in: p.needIds } }, { limit: MAX_PROJECT_NEEDS }) : Promise.resolve([] as NeedDoc[]),
  ]);
  return {
    ...toProjectView(p, viewer, names, unit?.name),
    needs: needs.map((n) => toNeedCard(n, now, n.gridId ? names.get(n.gridId) : undefined)),
    timeline: events.map(toEvent),
  };
}

function checkDates(start?: string, end?: string): void {
  if (start && !isDate(start)) throw invalid('开始日期不正确');
  if (end && !isDate(end)) throw invalid('结束日期不正确');
  if (start && end && end < start) throw invalid('结束日期不能早于开始日期');
}

const projectId = docId('项目编号');
const needIds = z.optional(z.array(docId('需求编号'), { error: '需求格式不正确' }).check(z.maxLength(MAX_PROJECT_NEEDS, `一个项目最多包含${MAX_PROJECT_NEEDS}条需求`)));
const CREATE_FIELDS = '请填写项目名称、说明、服务类别和网格';

const newProject = z.object(
  {
    title: text('项目名称', 30),
    description: text('项目说明', 500),
    category,
    gridIds: z.array(docId('网格'), { error: CREATE_FIELDS }).check(z.minLength(1, CREATE_FIELDS), z.maxLength(20, '网格最多20个')),
    needIds,
    plannedStart: z.optional(date),
    plannedEnd: z.optional(date),
  },
  { error: (issue) => (issue.input === undefined ? CREATE_FIELDS : '项目信息格式不正确') },
);

/** Category and grids are refused by name (建立后不能修改) rather than silently dropped. */
const projectChanges = z.object(
  {
    title: z.optional(text('项目名称', 30)),
    description: z.optional(text('项目说明', 500)),
    category: z.optional(category),
    gridIds: z.optional(z.array(docId('网格'), { error: '网格格式不正确' })),
    addNeedIds: needIds,
    plannedStart: z.optional(date),
    plannedEnd: z.optional(date),
  },
  { error: (issue) => (issue.input === undefined ? '请填写要修改的内容' : '项目信息格式不正确') },
);

export const saveProject = action(
  z.discriminatedUnion(
    'op',
    [
      z.object({ op: z.literal('create'), project: newProject, requestId }),
      z.object({ op: z.literal('update'), id: projectId, project: projectChanges, reason: z.optional(reason()), requestId }),
      z.object({ op: z.enum(['publish', 'start', 'complete', 'cancel']), id: projectId, reason: z.optional(reason()), requestId }),
    ],
    { error: '操作不正确' },
  ),
  async function saveProject(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    if (input.op === 'create') {
      assertStaff(user, '只有社区工作人员可以建立项目');
      for (const g of new Set(input.project.gridIds)) await assertGrid(docs, g, user.communityId);
    }
    if (input.op === 'create' || input.op === 'update') checkDates(input.project.plannedStart, input.project.plannedEnd);
    const id = await transact((tx) =>
      once(tx, requestKey(user._id, 'lists', 'saveProject', input.requestId), async () => {
        if (input.op === 'create') {
          const p = input.project;
          let doc: ProjectDoc = {
            _id: newId('pj'),
            communityId: user.communityId,
            title: p.title,
            description: p.description,
            category: p.category,
            gridIds: [...new Set(p.gridIds)],
            status: 'planned',
            needIds: [],
            people: 0,
            ...(p.plannedStart ? { plannedStart: p.plannedStart } : {}),
            ...(p.plannedEnd ? { plannedEnd: p.plannedEnd } : {}),
            createdBy: user._id,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          };
          doc = await addNeedsToProject(tx, doc, p.needIds ?? [], user, ctx.now);
          await write(tx, null, doc, user, ctx.now, '建立项目');
          return doc._id;
        }
        const cur = await loadOwn<ProjectDoc>(tx, PROJECTS, input.id, user, '项目');
        const owner = !!cur.ownerUnitId && memberUnits(user).includes(cur.ownerUnitId);
        const staff = isStaff(user);
        const move = (from: ProjectStatus[], to: ProjectStatus) => {
          if (!from.includes(cur.status)) throw conflict(`项目当前${STATUS_LABEL[cur.status]}，不能进行此操作`);
          return { ...cur, status: to, updatedAt: ctx.now };
        };
        switch (input.op) {
          case 'update': {
            if (!staff) throw forbidden('只有社区工作人员可以修改项目');
            const p = input.project;
            if (!['planned', 'recruiting', 'in_progress'].includes(cur.status)) throw conflict('项目已结束，不能修改');
            if (p.category || p.gridIds) throw invalid('项目的服务类别和网格建立后不能修改');
            let next: ProjectDoc = {
              ...cur,
              ...(p.title ? { title: p.title } : {}),
              ...(p.description ? { description: p.description } : {}),
              ...(p.plannedStart ? { plannedStart: p.plannedStart } : {}),
              ...(p.plannedEnd ? { plannedEnd: p.plannedEnd } : {}),
              updatedAt: ctx.now,
            };
            checkDates(next.plannedStart, next.plannedEnd);
            next = await addNeedsToProject(tx, next, p.addNeedIds ?? [], user, ctx.now);
            await write(tx, cur, next, user, ctx.now, input.reason ?? '修改项目');
            return cur._id;
          }
          case 'publish':
            if (!staff) throw forbidden('只有社区工作人员可以发布项目');
            await write(tx, cur, move(['planned'], 'recruiting'), user, ctx.now, input.reason ?? '发布项目，招募共建单位认领');
            return cur._id;
          case 'start':
            if (!staff && !owner) throw forbidden('只有社区工作人员或认领单位可以启动项目');
            await write(tx, cur, move(['recruiting'], 'in_progress'), user, ctx.now, input.reason ?? '项目启动实施');
            return cur._id;
          case 'complete': {
            if (!staff && !owner) throw forbidden('只有社区工作人员或认领单位可以完成项目');
            const next = move(['in_progress'], 'done');
            await setNeeds(tx, cur, 'done', user, ctx.now, `项目完成：${cur.title}`);
            await write(tx, cur, next, user, ctx.now, input.reason ?? '项目完成');
            return cur._id;
          }
          case 'cancel': {
            if (!staff) throw forbidden('只有社区工作人员可以取消项目');
            if (!input.reason) throw invalid('请填写取消原因');
            const next = move(['planned', 'recruiting', 'in_progress'], 'cancelled');
            await setNeeds(tx, cur, 'open', user, ctx.now, `项目取消，需求回到清单：${input.reason}`);
            await write(tx, cur, next, user, ctx.now, input.reason);
            return cur._id;
          }
        }
        throw invalid('操作不正确');
      }),
    );
    const doc = (await docs.get<ProjectDoc>(PROJECTS, id))!;
    return { project: await projectDetail(doc, user, ctx.now) };
  },
);

/** 认领: a co-building unit takes on a project that is recruiting; two units at once → one wins. */
export const claimProject = action(z.object({ id: docId('项目编号'), requestId }), async function claimProject(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const units = memberUnits(user);
  if (!units.length) throw forbidden('只有共建单位成员可以认领项目');
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'lists', 'claimProject', input.requestId), async () => {
      const cur = await loadOwn<ProjectDoc>(tx, PROJECTS, input.id, user, '项目');
      if (cur.status !== 'recruiting') throw conflict(`项目当前${STATUS_LABEL[cur.status]}，不能认领`);
      if (cur.ownerUnitId) throw conflict(units.includes(cur.ownerUnitId) ? '本单位已认领该项目' : '该项目已被其他共建单位认领');
      const unit = await tx.get<UnitDoc>(UNITS, units[0]);
      const next: ProjectDoc = { ...cur, ownerUnitId: units[0], updatedAt: ctx.now };
      await tx.set(PROJECTS, cur._id, next);
      await recordEvent(tx, { communityId: cur.communityId, target: 'project', targetId: cur._id, field: 'assignee', from: null, to: units[0], actor: user, at: ctx.now, why: `${unit?.name ?? '共建单位'}认领项目` });
      return cur._id;
    }),
  );
  const doc = (await docs.get<ProjectDoc>(PROJECTS, id))!;
  return { project: await projectDetail(doc, user, ctx.now) };
});

const PUBLIC: ProjectStatus[] = ['recruiting', 'in_progress', 'done'];

export const projects = action(
  z.object({ status: z.optional(z.enum(['planned', 'recruiting', 'in_progress', 'done', 'cancelled'], { error: '状态筛选不正确' })), cursor, limit }),
  async function projects(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    const staff = isStaff(user);
    if (input.status && !PUBLIC.includes(input.status) && !staff) throw forbidden('只有社区工作人员可以查看筹备中或已取消的项目');
    const where = { communityId: user.communityId, status: input.status ?? (staff ? { $in: ['planned', ...PUBLIC] } : { $in: PUBLIC }) };
    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const [rows, names, units] = await Promise.all([
      findMany<ProjectDoc>(PROJECTS, where, { orderBy: [['updatedAt', 'desc'], ['_id', 'asc']], skip: offset, limit: size + 1 }),
      gridNames(user.communityId),
      findMany<UnitDoc>(UNITS, { communityId: user.communityId }, { limit: 200 }),
    ]);
    const unitName = new Map(units.map((u) => [u._id, u.name]));
    return pageOf(
      rows.map((p) => toProjectView(p, user, names, p.ownerUnitId ? unitName.get(p.ownerUnitId) : undefined)),
      offset,
      size,
    );
  },
);

export const project = action(z.object({ id: docId('项目编号') }), async function project(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const p = await loadOwn<ProjectDoc>(docs, PROJECTS, input.id, user, '项目');
  if (!PUBLIC.includes(p.status) && !isStaff(user)) throw notFound('项目不存在或已删除');
  return { project: await projectDetail(p, user, ctx.now) };
});
