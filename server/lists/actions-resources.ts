import * as z from 'zod/mini';
import type { ProviderKind, ResourceStatus } from '../../typings/lists';
import { action } from '../core/define';
import { conflict, forbidden, invalid, notFound } from '../core/errors';
import { text } from '../core/validation';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { USERS, hasRole, type UserDoc } from '../user/model';
import { UNITS, type UnitDoc } from '../community/model';
import { RESOURCES, USAGE, type ResourceDoc, type UsageDoc } from './model';
import { eventsOf, gridNames, isStaff, loadOwn, memberUnits, newId, recordEvent, type ListsCtx, type Member } from './context';
import { category, categoryFilter, docId, location, reason, requestId } from './schemas';
import { periodKey, usageId } from './tickets';
import { mayEditResource, toEvent, toResourceView } from './view';
import { assertGrid } from './actions-needs';

const KINDS = ['unit', 'team', 'volunteer'] as const;

const resourceInput = z.object(
  {
    title: text('资源名称', 30),
    description: z.optional(text('资源说明', 200)),
    providerKind: z.enum(KINDS, { error: '提供方类型须为共建单位、志愿服务队或志愿者' }),
    unitId: z.optional(docId('共建单位')),
    teamName: z.optional(text('服务队名称', 20)),
    memberIds: z.optional(z.array(docId('队员'), { error: '队员格式不正确' }).check(z.maxLength(50, '队员最多50人'))),
    userId: z.optional(docId('志愿者')),
    categories: z.array(category, { error: '请选择服务类别' }).check(z.minLength(1, '请至少选择一个服务类别'), z.maxLength(5, '服务类别最多5个')),
    capacity: z.number({ error: '服务容量须为数字' }).check(z.int('服务容量须为整数'), z.minimum(1, '服务容量至少为1'), z.maximum(50, '服务容量不能超过50')),
    period: z.enum(['week', 'month'], { error: '容量周期须为每周或每月' }),
    area: z.object(
      {
        gridIds: z.optional(z.array(docId('网格'), { error: '网格格式不正确' }).check(z.maxLength(50, '网格最多50个'))),
        center: z.optional(location),
        radiusM: z.optional(z.number({ error: '服务半径须为数字' }).check(z.int('服务半径须为整数米数'), z.minimum(100, '服务半径至少100米'), z.maximum(10000, '服务半径不能超过10公里'))),
      },
      { error: '服务范围格式不正确' },
    ),
    availability: z.optional(text('服务时间', 60)),
  },
  { error: (issue) => (issue.input === undefined ? '请填写资源信息' : '资源信息格式不正确') },
);
const resourceId = docId('资源编号');

type ResourceInput = z.infer<typeof resourceInput>;

/** Checks an input against the community and the caller, and fills in the provider. */
async function providerOf(tx: DocStore, user: Member, input: ResourceInput, id: string): Promise<Pick<ResourceDoc, 'providerKind' | 'providerId' | 'providerName' | 'unitId' | 'memberIds' | 'userId'>> {
  const staff = isStaff(user);
  for (const g of new Set(input.area.gridIds ?? [])) await assertGrid(tx, g, user.communityId);
  const hasGrids = !!input.area.gridIds?.length;
  const hasRadius = !!input.area.center && !!input.area.radiusM;
  if (!hasGrids && !hasRadius) throw invalid('请设置服务范围：选择网格，或设置中心位置和服务半径');
  if (!!input.area.center !== !!input.area.radiusM) throw invalid('服务半径须同时设置中心位置和半径');
  if (new Set(input.categories).size !== input.categories.length) throw invalid('服务类别不能重复');
  switch (input.providerKind as ProviderKind) {
    case 'unit': {
      const mine = memberUnits(user);
      const unitId = input.unitId ?? (staff ? undefined : mine[0]);
      if (!unitId) throw invalid('请选择共建单位');
      if (!staff && !mine.includes(unitId)) throw forbidden('只能登记本单位的服务资源');
      const unit = await tx.get<UnitDoc>(UNITS, unitId);
      if (!unit || unit.communityId !== user.communityId) throw notFound('共建单位不存在或不在本社区');
      return { providerKind: 'unit', providerId: `unit:${unit._id}`, providerName: unit.name, unitId: unit._id };
    }
    case 'team': {
      if (!staff) throw forbidden('志愿服务队的资源由社区工作人员登记');
      if (!input.teamName) throw invalid('请填写服务队名称');
      const memberIds = [...new Set(input.memberIds ?? [])];
      if (!memberIds.length) throw invalid('请至少选择一名队员，由队员接单');
      for (const m of memberIds) {
        const u = await tx.get<UserDoc>(USERS, m);
        if (!u || u.communityId !== user.communityId || !hasRole(u, 'volunteer', 'grid_worker', 'unit_member', 'staff', 'admin')) throw notFound('队员须为本社区登记的志愿者或工作人员');
      }
      return { providerKind: 'team', providerId: `team:${input.teamName}`, providerName: input.teamName, memberIds };
    }
    case 'volunteer': {
      const userId = input.userId ?? user._id;
      if (userId !== user._id && !staff) throw forbidden('只能登记自己的志愿服务');
      const u = userId === user._id ? user : await tx.get<UserDoc>(USERS, userId);
      if (!u || u.communityId !== user.communityId || !hasRole(u, 'volunteer')) throw forbidden('只有本社区登记的志愿者可以登记个人志愿服务');
      return { providerKind: 'volunteer', providerId: `volunteer:${u._id}`, providerName: u.displayName, userId: u._id };
    }
  }
  throw invalid(`未知的提供方类型：${id}`);
}

const STATUS_MOVES: Record<'pause' | 'resume' | 'retire', { from: ResourceStatus[]; to: ResourceStatus; label: string }> = {
  pause: { from: ['active'], to: 'paused', label: '暂停' },
  resume: { from: ['paused'], to: 'active', label: '恢复' },
  retire: { from: ['active', 'paused'], to: 'retired', label: '下架' },
};

export async function usedNow(resources: ResourceDoc[], now: number): Promise<Map<string, number>> {
  if (!resources.length) return new Map();
  const ids = resources.map((r) => usageId(r._id, periodKey(r.period, now)));
  const rows = await findMany<UsageDoc>(USAGE, { _id: { $in: ids } }, { limit: ids.length });
  const byId = new Map(rows.map((u) => [u._id, u.used]));
  return new Map(resources.map((r) => [r._id, byId.get(usageId(r._id, periodKey(r.period, now))) ?? 0]));
}

async function view(r: ResourceDoc, user: Member, now: number) {
  const [used, names] = await Promise.all([usedNow([r], now), gridNames(r.communityId)]);
  return toResourceView(r, user, used.get(r._id) ?? 0, names);
}

export const saveResource = action(
  z.discriminatedUnion(
    'op',
    [
      z.object({ op: z.literal('create'), resource: resourceInput, requestId }),
      z.object({ op: z.literal('update'), id: resourceId, resource: resourceInput, reason: z.optional(reason()), requestId }),
      z.object({ op: z.enum(['pause', 'resume', 'retire']), id: resourceId, reason: z.optional(reason()), requestId }),
    ],
    { error: '操作不正确' },
  ),
  async function saveResource(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    if (!isStaff(user) && !hasRole(user, 'unit_member', 'volunteer')) throw forbidden('只有社区工作人员、共建单位成员和志愿者可以登记资源');
    const id = await transact((tx) =>
      once(tx, requestKey(user._id, 'lists', 'saveResource', input.requestId), async () => {
        if (input.op === 'create') {
          const rid = newId('rs');
          const provider = await providerOf(tx, user, input.resource, rid);
          const r = input.resource;
          const doc: ResourceDoc = {
            _id: rid,
            communityId: user.communityId,
            title: r.title,
            ...(r.description ? { description: r.description } : {}),
            ...provider,
            categories: r.categories,
            capacity: r.capacity,
            period: r.period,
            area: { ...(r.area.gridIds?.length ? { gridIds: [...new Set(r.area.gridIds)] } : {}), ...(r.area.center ? { center: r.area.center, radiusM: r.area.radiusM } : {}) },
            ...(r.availability ? { availability: r.availability } : {}),
            status: 'active',
            createdBy: user._id,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          };
          await tx.set(RESOURCES, rid, doc);
          await recordEvent(tx, { communityId: doc.communityId, target: 'resource', targetId: rid, from: null, to: 'active', actor: user, at: ctx.now, why: '登记资源' });
          return rid;
        }
        const cur = await loadOwn<ResourceDoc>(tx, RESOURCES, input.id, user, '资源');
        if (!mayEditResource(user, cur)) throw forbidden('只能修改本单位或自己登记的资源');
        if (input.op === 'update') {
          if (cur.status === 'retired') throw conflict('资源已下架，不能修改');
          const r = input.resource;
          if (r.providerKind !== cur.providerKind) throw invalid('不能修改资源的提供方类型');
          const provider = await providerOf(tx, user, { ...r, unitId: r.unitId ?? cur.unitId, userId: r.userId ?? cur.userId }, cur._id);
          const next: ResourceDoc = {
            ...cur,
            ...provider,
            title: r.title,
            description: r.description,
            categories: r.categories,
            capacity: r.capacity,
            period: r.period,
            area: { ...(r.area.gridIds?.length ? { gridIds: [...new Set(r.area.gridIds)] } : {}), ...(r.area.center ? { center: r.area.center, radiusM: r.area.radiusM } : {}) },
            availability: r.availability,
            updatedAt: ctx.now,
          };
          const fields = ['title', 'description', 'categories', 'capacity', 'period', 'area', 'availability', 'memberIds', 'providerName'] as const;
          const changed = fields.filter((f) => JSON.stringify(cur[f] ?? null) !== JSON.stringify(next[f] ?? null));
          await tx.set(RESOURCES, cur._id, next);
          if (changed.length) await recordEvent(tx, { communityId: cur.communityId, target: 'resource', targetId: cur._id, field: 'data', from: cur.status, to: cur.status, actor: user, at: ctx.now, why: input.reason ?? `修改：${changed.join('、')}` });
          return cur._id;
        }
        const move = STATUS_MOVES[input.op];
        if (!move.from.includes(cur.status)) throw conflict(`资源当前状态不能${move.label}`);
        await tx.set(RESOURCES, cur._id, { ...cur, status: move.to, updatedAt: ctx.now });
        await recordEvent(tx, { communityId: cur.communityId, target: 'resource', targetId: cur._id, from: cur.status, to: move.to, actor: user, at: ctx.now, why: input.reason ?? move.label });
        return cur._id;
      }),
    );
    const r = (await docs.get<ResourceDoc>(RESOURCES, id))!;
    return { resource: await view(r, user, ctx.now) };
  },
);

export const resources = action(
  z.object({
    status: z.optional(z.enum(['active', 'paused', 'retired'], { error: '状态筛选不正确' })),
    providerKind: z.optional(z.enum(KINDS, { error: '提供方筛选不正确' })),
    category: z.optional(categoryFilter),
    mine: z.optional(z.boolean({ error: '参数不正确' })),
    cursor,
    limit,
  }),
  async function resources(ctx: ListsCtx, input) {
    const user = await requireMember(ctx.openid);
    const staff = isStaff(user);
    // Everyone sees what is on offer; what is paused or retired is for staff and its own provider.
    if (input.status && input.status !== 'active' && !staff && !input.mine) throw forbidden('只有社区工作人员可以查看已暂停或下架的资源');
    const mineWhere = input.mine
      ? hasRole(user, 'unit_member') && !staff
        ? { unitId: { $in: memberUnits(user) } }
        : staff
          ? {}
          : { userId: user._id }
      : {};
    const where: Record<string, unknown> = {
      communityId: user.communityId,
      status: input.status ?? 'active',
      ...(input.providerKind ? { providerKind: input.providerKind } : {}),
      ...(input.category ? { categories: input.category } : {}),
      ...mineWhere,
    };
    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const [rows, names] = await Promise.all([findMany<ResourceDoc>(RESOURCES, where, { orderBy: [['updatedAt', 'desc'], ['_id', 'asc']], skip: offset, limit: size + 1 }), gridNames(user.communityId)]);
    const used = await usedNow(rows, ctx.now);
    return pageOf(
      rows.map((r) => toResourceView(r, user, used.get(r._id) ?? 0, names)),
      offset,
      size,
    );
  },
);

export const resource = action(z.object({ id: docId('资源编号') }), async function resource(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  const r = await loadOwn<ResourceDoc>(docs, RESOURCES, input.id, user, '资源');
  const editable = mayEditResource(user, r);
  if (r.status !== 'active' && !editable) throw notFound('资源不存在或已下架');
  return { resource: await view(r, user, ctx.now), timeline: editable ? (await eventsOf(r._id)).map(toEvent) : [] };
});
