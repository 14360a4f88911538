import * as z from 'zod/mini';
import { NEED_SOURCES, PROJECT_STATUSES, type ListsSettings, type NeedSource, type ProjectStatus } from '../../typings/lists';
import { action } from '../core/define';
import { forbidden, invalid, notFound } from '../core/errors';
import { maskName } from '../core/mask';
import { dayjs, isDate, localDate, ZONE, DAY_MS } from '../core/time';
import { shanghaiTime } from '../core/calendar';
import { csvPage, exportCursor, exportOffset } from '../core/csv';
import { docs, findMany } from '../platform/store';
import { readWith, type SideRead } from '../platform/aggregate';
import { COMMUNITIES, GRIDS, type GridDoc } from '../community/model';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { USERS, hasRole, type UserDoc } from '../user/model';
import { NEEDS, PROJECTS, RESOURCES, STATE, TICKETS, type NeedDoc, type ProjectDoc, type ResourceDoc, type StateDoc, type TicketDoc } from './model';
import { assertStaff, findAll, gridNames, gridsOf, recordEvent, unitsOf, type ListsCtx, type Member } from './context';
import { date, docId, requestId } from './schemas';
import { DEFAULT_DEADLINE_HOURS, timeliness } from './deadlines';
import { specialStats, ticketStats } from './stats';
import { KIND_LABEL, TICKET_STATUS_LABEL, gridLeadersOf, secretaryOf, stateOf } from './tickets';
import { areaLabel } from './view';
import { syncWishes } from './wishsync';
import { auditExport } from './export-audit';

const MAX_RANGE_DAYS = 366;
/** Tickets a stats request brings with its counts; more page on (as many as findAll pages). */
const TICKET_PAGE = 1000;

export const stats = action(z.object({ from: z.optional(date), to: z.optional(date) }), async function stats(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以查看统计');
  const to = input.to ?? localDate(ctx.now);
  const from = input.from ?? localDate(shanghaiTime(to, '00:00') - 29 * DAY_MS);
  if (!isDate(from) || !isDate(to)) throw invalid('日期格式须为 YYYY-MM-DD');
  if (to < from) throw invalid('结束日期不能早于开始日期');
  const start = shanghaiTime(from, '00:00');
  const end = shanghaiTime(to, '00:00') + DAY_MS;
  if (end - start > MAX_RANGE_DAYS * DAY_MS) throw invalid(`统计区间不能超过${MAX_RANGE_DAYS}天`);
  const c = user.communityId;
  await syncWishes(c, ctx.now);
  // Every count, the grids and the period's tickets (up to a page of them) in one request.
  const ticketsWhere = { communityId: c, createdAt: { $gte: start, $lt: end } };
  const counts = (coll: string, field: string, values: readonly string[]) =>
    Object.fromEntries(values.map((v) => [`${field}:${v}`, { from: coll, where: { communityId: c, [field]: v }, count: true as const }]));
  const reads: Record<string, SideRead> = {
    grids: { from: GRIDS, where: { communityId: c }, orderBy: [['code', 'asc']], limit: 100 },
    tickets: { from: TICKETS, where: ticketsWhere, orderBy: [['_id', 'asc']], limit: TICKET_PAGE },
    ...counts(NEEDS, 'status', ['open']),
    ...counts(NEEDS, 'source', NEED_SOURCES),
    ...counts(RESOURCES, 'status', ['active']),
    ...counts(PROJECTS, 'status', PROJECT_STATUSES),
  };
  const got = await readWith(COMMUNITIES, c, reads);
  if (!got) throw notFound('社区不存在');
  const n = (key: string) => got.rows[key] as unknown as number;
  const grids = got.rows.grids as unknown as GridDoc[];
  let rows = got.rows.tickets as unknown as TicketDoc[];
  // A busy period has more tickets than one request brings: the rest page on from the last.
  if (rows.length === TICKET_PAGE) rows = [...rows, ...(await findAll<TicketDoc>(TICKETS, { ...ticketsWhere, _id: { $gt: rows[rows.length - 1]._id } }))];
  const byGrid = new Map<string, TicketDoc[]>();
  for (const t of rows) {
    const k = t.gridId ?? '';
    byGrid.set(k, [...(byGrid.get(k) ?? []), t]);
  }
  const gridRows = grids.map((g) => ({ gridId: g._id, gridName: g.name, ...ticketStats(byGrid.get(g._id) ?? [], ctx.now) }));
  if (byGrid.has('')) gridRows.push({ gridId: '', gridName: '未分网格', ...ticketStats(byGrid.get('')!, ctx.now) });
  return {
    from,
    to,
    overall: ticketStats(rows, ctx.now),
    grids: gridRows,
    needs: { open: n('status:open'), bySource: Object.fromEntries(NEED_SOURCES.map((s) => [s, n(`source:${s}`)])) as Record<NeedSource, number> },
    resources: { active: n('status:active') },
    projects: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, n(`status:${s}`)])) as Record<ProjectStatus, number>,
    special: specialStats(rows, ctx.now),
  };
});

// ---------------------------------------------------------------- CSV export for the community office

const EXPORT_PAGE = 200;

export const time = (t?: number) => (t ? dayjs(t).tz(ZONE).format('YYYY-MM-DD HH:mm') : '');
const SOURCE_LABEL: Record<NeedSource, string> = { wish: '微心愿', request: '居民诉求', visit: '走访录入', grid: '网格发现', survey: '问卷' };
const URGENCY_LABEL = ['', '一般', '较急', '紧急'];
const NEED_STATUS_LABEL: Record<string, string> = { open: '待对接', assigned: '已派单', in_progress: '办理中', in_project: '已纳入项目', done: '已完成', closed: '已关闭' };
const RES_STATUS_LABEL: Record<string, string> = { active: '可用', paused: '暂停', retired: '已下架' };
const PROJECT_STATUS_LABEL: Record<string, string> = { planned: '筹备中', recruiting: '招募中', in_progress: '实施中', done: '已完成', cancelled: '已取消' };
const KIND_OF: Record<string, string> = { unit: '共建单位', team: '志愿服务队', volunteer: '志愿者' };
const ON_TIME_LABEL = { on_time: '按时', late: '超期', pending: '办理中', none: '' };

/** One list's CSV. `row` as a method: each list's takes its own document type (checked where it is written). */
export interface Exporter {
  header: string[];
  coll: string;
  row(d: object, names: Map<string, string>, units: Map<string, string>, now: number): unknown[];
}

export const EXPORTS: Record<'needs' | 'resources' | 'projects' | 'tickets', Exporter> = {
  needs: {
    coll: NEEDS,
    header: ['编号', '来源', '服务类别', '标题', '网格', '紧急程度', '人数', '状态', '提出人', '提出时间', '工单编号', '项目编号'],
    row: (n: NeedDoc, names) => [n._id, SOURCE_LABEL[n.source], n.category, n.title, n.gridId ? names.get(n.gridId) : '', URGENCY_LABEL[n.urgency], n.people, NEED_STATUS_LABEL[n.status], n.requesterName ? maskName(n.requesterName) : '', time(n.createdAt), n.ticketId, n.projectId],
  },
  resources: {
    coll: RESOURCES,
    header: ['编号', '名称', '提供方类型', '提供方', '服务类别', '容量', '周期', '服务范围', '服务时间', '状态'],
    row: (r: ResourceDoc, names) => [r._id, r.title, KIND_OF[r.providerKind], r.providerKind === 'volunteer' ? maskName(r.providerName) : r.providerName, r.categories.join('、'), r.capacity, r.period === 'week' ? '每周' : '每月', areaLabel(r, names), r.availability, RES_STATUS_LABEL[r.status]],
  },
  projects: {
    coll: PROJECTS,
    header: ['编号', '名称', '服务类别', '网格', '状态', '认领单位', '需求数', '受益人数', '计划开始', '计划结束'],
    row: (p: ProjectDoc, names, units) => [p._id, p.title, p.category, p.gridIds.map((g) => names.get(g) ?? g).join('、'), PROJECT_STATUS_LABEL[p.status], p.ownerUnitId ? units.get(p.ownerUnitId) : '', p.needIds.length, p.people, p.plannedStart, p.plannedEnd],
  },
  tickets: {
    coll: TICKETS,
    header: ['编号', '标题', '服务类别', '网格', '事项类型', '状态', '办理方', '提出时间', '接单时限', '办结时限', '接单时间', '办结时间', '是否按时', '评分', '重办次数', '督办层级'],
    row: (t: TicketDoc, names, _u, now) => [
      t._id,
      t.title,
      t.category,
      t.gridId ? names.get(t.gridId) : '',
      KIND_LABEL[t.kind],
      TICKET_STATUS_LABEL[t.status],
      t.assignee?.label,
      time(t.createdAt),
      time(t.clock.acceptBy),
      time(t.clock.resolveBy),
      time(t.acceptedAt),
      time(t.resolvedAt),
      ON_TIME_LABEL[timeliness(t, now)],
      t.rating?.stars,
      t.reopenCount,
      { grid: '网格', leader: '网格长', secretary: '社区书记', county: '县(区)委包案' }[t.level],
    ],
  },
};

const LIST_LABEL = { needs: '需求清单', resources: '资源清单', projects: '项目清单', tickets: '工单' } as const;

export const exportCsv = action(
  z.object({ list: z.enum(['needs', 'resources', 'projects', 'tickets'], { error: '导出清单须为 needs、resources、projects 或 tickets' }), cursor: z.optional(z.string({ error: '分页参数不正确' }).check(z.regex(exportCursor, '分页参数不正确'))) }),
  async function exportCsv(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有社区工作人员可以导出清单');
    const ex = EXPORTS[input.list];
    const offset = exportOffset(input.cursor);
    const [rows, names, units] = await Promise.all([
      findMany<object>(ex.coll, { communityId: user.communityId }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], skip: offset, limit: EXPORT_PAGE + 1 }),
      gridNames(user.communityId),
      unitsOf(user.communityId),
    ]);
    const unitNames = new Map(units.map((u) => [u._id, u.name]));
    const page = csvPage(ex.header, rows.slice(0, EXPORT_PAGE), offset, (d) => ex.row(d, names, unitNames, ctx.now), rows.length > EXPORT_PAGE);
    if (offset === 0) await auditExport(user, { key: input.list, label: LIST_LABEL[input.list], format: 'csv', rows: page.rows }, ctx.now);
    return { filename: `${input.list}-${localDate(ctx.now)}.csv`, ...page };
  },
);

// ---------------------------------------------------------------- settings: the secretary and grid leaders

async function settingsView(m: Member): Promise<ListsSettings> {
  const [secretary, grids, state] = await Promise.all([secretaryOf(m.communityId), gridsOf(m.communityId), stateOf(docs, m.communityId)]);
  const leaders = await Promise.all(grids.map(async (g) => ({ g, u: (await gridLeadersOf(m.communityId, g._id))[0] })));
  return {
    ...(secretary ? { secretary: { id: secretary._id, label: `社区书记 ${maskName(secretary.displayName)}` } } : {}),
    gridLeaders: leaders.filter((x) => x.u).map(({ g, u }) => ({ gridId: g._id, gridName: g.name, id: u!._id, label: `网格长 ${maskName(u!.displayName)}` })),
    deadlineHours: state.deadlineHours ?? DEFAULT_DEADLINE_HOURS,
  };
}

const DEADLINE_HOURS_LABEL = { natural: '简单事项按自然时24小时办结', working: '简单事项按工作日24小时办结（节假日不计）' } as const;

export const settings = action(z.object({}), async function settings(ctx: ListsCtx) {
  const user = await requireMember(ctx.openid);
  assertStaff(user);
  return { settings: await settingsView(user) };
});

export const setSettings = action(
  z.object({
    secretaryId: z.optional(docId('书记')),
    gridLeaders: z.optional(z.record(docId('网格'), docId('网格长'), { error: '网格长设置格式不正确' })),
    deadlineHours: z.optional(z.enum(['natural', 'working'], { error: '24小时办结的计时方式须为 natural（自然时）或 working（工作日）' })),
    requestId,
  }),
  async function setSettings(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    if (!hasRole(user, 'admin')) throw forbidden('只有管理员可以修改清单设置');
    const leaders = Object.entries(input.gridLeaders ?? {});
    if (leaders.length > 200) throw invalid('网格过多');
    await transact((tx) =>
      once(tx, requestKey(user._id, 'lists', 'setSettings', input.requestId), async () => {
        const mustBeStaff = async (id: string, what: string) => {
          const u = await tx.get<UserDoc>(USERS, id);
          if (!u || u.communityId !== user.communityId || !hasRole(u, 'staff', 'admin')) throw notFound(`${what}须为本社区的工作人员`);
        };
        if (input.secretaryId) await mustBeStaff(input.secretaryId, '书记');
        for (const [gridId, userId] of leaders) {
          const g = await tx.get<{ communityId: string }>('grids', gridId);
          if (!g || g.communityId !== user.communityId) throw notFound('网格不存在或不在本社区');
          await mustBeStaff(userId, '网格长');
        }
        const cur = await stateOf(tx, user.communityId);
        const next: StateDoc = {
          ...cur,
          ...(input.secretaryId ? { secretaryId: input.secretaryId } : {}),
          ...(leaders.length ? { gridLeaders: { ...(cur.gridLeaders ?? {}), ...Object.fromEntries(leaders) } } : {}),
          ...(input.deadlineHours ? { deadlineHours: input.deadlineHours } : {}),
          updatedAt: ctx.now,
        };
        await tx.set(STATE, user.communityId, next);
        const what = [
          input.secretaryId ? `书记：${input.secretaryId}` : '',
          ...leaders.map(([g, u]) => `${g} 网格长：${u}`),
          input.deadlineHours ? DEADLINE_HOURS_LABEL[input.deadlineHours] : '',
        ]
          .filter(Boolean)
          .join('；');
        await recordEvent(tx, { communityId: user.communityId, target: 'settings', targetId: `${user.communityId}.settings`, field: 'data', from: null, to: 'updated', actor: user, at: ctx.now, why: what.slice(0, 200) });
        return true;
      }),
    );
    return { settings: await settingsView(user) };
  },
);

