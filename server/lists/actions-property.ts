import * as z from 'zod/mini';
import type { CompoundView } from '../../typings/lists';
import { action } from '../core/define';
import { conflict, notFound } from '../core/errors';
import { text } from '../core/validation';
import { findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { USERS, type UserDoc } from '../user/model';
import { GRIDS, UNITS, type UnitDoc } from '../community/model';
import { assertStaff, findAll, gridsOf, memberUnits, newId, recordEvent, type ListsCtx } from './context';
import { findWith, type JoinRead } from '../platform/aggregate';
import { docId, requestId } from './schemas';
import { TICKETS, type TicketDoc } from './model';
import { ticketStats } from './stats';
import { COMPOUNDS, PROPERTY_UNIT_KIND, quarterOf, quarterRange, type CompoundDoc } from './property';

const mobile = z.string({ error: '请填写手机号' }).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '手机号格式不正确'));
const contact = z.object({ name: text('党建联络人', 20), phone: mobile, branch: z.optional(text('党组织', 40)) }, { error: '请填写党建联络人' });

const compoundInput = z.object({
  name: text('小区名称', 30),
  gridIds: z.array(docId('网格')).check(z.minLength(1, '请选择小区所在网格'), z.maxLength(10, '网格太多')),
  buildings: z.optional(z.array(text('楼栋', 20)).check(z.maxLength(100, '楼栋太多'))),
  property: z.object({ name: text('物业公司名称', 40), contact }, { error: '请填写物业公司' }),
  committee: z.object({ name: text('业委会名称', 40), contact }, { error: '请填写业委会' }),
});

/** 小区 registered per community: a handful, all on one page. */
const MAX_COMPOUNDS = 100;

function toView(c: CompoundDoc, names: Map<string, string>, workers: number, tickets: TicketDoc[], quarter: string, now: number): CompoundView {
  const s = ticketStats(tickets, now);
  return {
    id: c._id,
    name: c.name,
    gridIds: c.gridIds,
    gridNames: c.gridIds.map((g) => names.get(g) ?? '网格'),
    buildings: c.buildings,
    property: c.property,
    committee: c.committee,
    propertyUnitId: c.propertyUnitId,
    workers,
    figures: { quarter, tickets: s.tickets, completed: s.completed, onTime: s.onTime, late: s.late, onTimeRate: s.onTimeRate, rated: s.rated, avgStars: s.avgStars, overdueOpen: s.overdueOpen },
    updatedAt: c.updatedAt,
  };
}

/**
 * The compounds of the community with their property companies' figures over the tickets of their
 * 小区 raised in the quarter (on-time rate and residents' stars as the dispatch statistics count
 * them), and how many workers each property company has.
 */
async function compoundViews(communityId: string, quarter: string, now: number, only?: string): Promise<CompoundView[]> {
  const { start, end } = quarterRange(quarter);
  // Each compound with its grids joined, in one request.
  const joined = await findWith<CompoundDoc, { grids: JoinRead }>(COMPOUNDS, { communityId, ...(only ? { _id: only } : {}) }, { orderBy: [['createdAt', 'asc']], limit: MAX_COMPOUNDS }, { grids: { from: GRIDS, localField: 'gridIds', foreignField: '_id' } });
  const rows = joined.map((j) => j.doc);
  const names = new Map(joined.flatMap((j) => j.rows.grids.map((g) => [String(g._id), String(g.name)] as const)));
  const ids = rows.map((c) => c._id);
  const units = rows.map((c) => c.propertyUnitId);
  const [tickets, workers] = await Promise.all([
    ids.length ? findAll<TicketDoc>(TICKETS, { communityId, compoundId: { $in: ids }, createdAt: { $gte: start, $lt: end } }) : [],
    units.length ? findMany<UserDoc>(USERS, { communityId, grants: { $elemMatch: { role: 'unit_member', communityId, unitId: { $in: units } } } }, { limit: 1000 }) : [],
  ]);
  const perUnit = new Map<string, number>();
  for (const w of workers) for (const u of memberUnits(w)) perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
  return rows.map((c) => toView(c, names, perUnit.get(c.propertyUnitId) ?? 0, tickets.filter((t) => t.compoundId === c._id), quarter, now));
}

/**
 * 红色物业: staff register a 小区 with its property company and owners' committee and their party
 * contacts. The first time, the property company becomes a unit of the community (物业企业),
 * whose members — invited as any unit's — take the 小区's property tickets.
 */
export const saveCompound = action(z.object({ id: z.optional(docId('小区编号')), compound: compoundInput, requestId }), async function saveCompound(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以登记小区和物业');
  const grids = new Map((await gridsOf(user.communityId)).map((g) => [g._id, g]));
  const gridIds = [...new Set(input.compound.gridIds)];
  if (gridIds.some((g) => !grids.has(g))) throw notFound('网格不存在或不在本社区');
  const buildings = [...new Set(input.compound.buildings ?? [])];
  const known = new Set(gridIds.flatMap((g) => grids.get(g)!.buildings));
  const stray = buildings.find((b) => !known.has(b));
  if (stray) throw notFound(`「${stray}」不在所选网格的楼栋中`);
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'lists', 'saveCompound', input.requestId), async () => {
      const cur = input.id ? await tx.get<CompoundDoc>(COMPOUNDS, input.id) : null;
      if (input.id && (!cur || cur.communityId !== user.communityId)) throw notFound('小区不存在或不在本社区');
      const unitId = cur?.propertyUnitId ?? newId('unit');
      const unit = await tx.get<UnitDoc>(UNITS, unitId);
      if (unit && unit.communityId !== user.communityId) throw conflict('物业公司登记有误，请联系管理员');
      if (!unit || unit.name !== input.compound.property.name) await tx.set(UNITS, unitId, { communityId: user.communityId, name: input.compound.property.name, kind: PROPERTY_UNIT_KIND });
      const next: CompoundDoc = {
        _id: cur?._id ?? newId('cp'),
        communityId: user.communityId,
        name: input.compound.name,
        gridIds,
        buildings,
        property: input.compound.property,
        committee: input.compound.committee,
        propertyUnitId: unitId,
        createdBy: cur?.createdBy ?? user._id,
        createdAt: cur?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      };
      await tx.set(COMPOUNDS, next._id, next);
      await recordEvent(tx, { communityId: user.communityId, target: 'settings', targetId: next._id, field: 'data', from: cur ? 'compound' : null, to: 'compound', actor: user, at: ctx.now, why: `${cur ? '修改' : '登记'}小区：${next.name}（物业 ${next.property.name}）` });
      return next._id;
    }),
  );
  const [view] = await compoundViews(user.communityId, quarterOf(ctx.now), ctx.now, id);
  if (!view) throw notFound('小区不存在或不在本社区');
  return { compound: view };
});

export const compounds = action(z.object({ quarter: z.optional(z.string({ error: '季度格式须为 2026-Q4' }).check(z.regex(/^\d{4}-Q[1-4]$/, '季度格式须为 2026-Q4'))) }), async function compounds(ctx: ListsCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以查看小区物业');
  const quarter = input.quarter ?? quarterOf(ctx.now);
  return { quarter, items: await compoundViews(user.communityId, quarter, ctx.now) };
});

