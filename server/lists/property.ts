import { PROPERTY_CATEGORIES, type CompoundInput } from '../../typings/lists';
import { invalid } from '../core/errors';
import { shanghaiTime } from '../core/calendar';
import { dayjs, ZONE } from '../core/time';
import { findMany, type DocStore } from '../platform/store';
import { notFound } from '../core/errors';
import type { Assignee } from './model';

/**
 * 红色物业: each 小区 (compound) with its property company (物业) and owners' committee (业委会)
 * and their party contacts. The property company is a unit of the community: its workers join it
 * with a unit invite, and a ticket routed to it is worked by them as any unit's ticket is.
 */

export const COMPOUNDS = 'compounds';
export const PROPERTY_UNIT_KIND = '物业企业';

export interface CompoundDoc extends CompoundInput {
  _id: string;
  communityId: string;
  propertyUnitId: string;
  buildings: string[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export const isPropertyCategory = (c: string) => (PROPERTY_CATEGORIES as readonly string[]).includes(c);

/** The compound a home lies in: one of its grids, and one of its buildings when it names them. */
export async function compoundOf(communityId: string, gridId: string | undefined, building: string | undefined): Promise<CompoundDoc | null> {
  if (!gridId) return null;
  const rows = await findMany<CompoundDoc>(COMPOUNDS, { communityId, gridIds: gridId }, { orderBy: [['createdAt', 'asc']], limit: 50 });
  return rows.find((c) => c.buildings.length > 0 && !!building && c.buildings.includes(building)) ?? rows.find((c) => c.buildings.length === 0) ?? null;
}

export function propertyAssignee(c: CompoundDoc): Assignee {
  return { kind: 'property', unitId: c.propertyUnitId, compoundId: c._id, label: `物业 ${c.property.name}` };
}

export async function loadCompound(tx: DocStore, id: string, communityId: string): Promise<CompoundDoc> {
  const c = await tx.get<CompoundDoc>(COMPOUNDS, id);
  if (!c || c.communityId !== communityId) throw notFound('小区不存在或不在本社区');
  return c;
}

// ---------------------------------------------------------------- quarters (Asia/Shanghai)

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function quarterOf(at: number): string {
  const d = dayjs(at).tz(ZONE);
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
}

/** The instants a quarter starts and ends at. */
export function quarterRange(q: string): { start: number; end: number } {
  const m = QUARTER.exec(q);
  if (!m) throw invalid('季度格式须为 2026-Q4');
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3 + 1;
  const date = (y: number, month: number) => `${y}-${String(month).padStart(2, '0')}-01`;
  const start = shanghaiTime(date(year, first), '00:00');
  const end = first === 10 ? shanghaiTime(date(year + 1, 1), '00:00') : shanghaiTime(date(year, first + 3), '00:00');
  return { start, end };
}
