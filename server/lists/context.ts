import { notFound } from '../core/errors';
import { docs, findMany, type DocData, type DocStore } from '../platform/store';
import { recordChange } from '../platform/events';
import type { CallCtx, Member } from '../user/caller';
import type { UserDoc } from '../user/model';
import { actorLabel } from '../user/view';
import { GRIDS, UNITS, type GridDoc, type UnitDoc } from '../community/model';
import { EVENTS, type EventDoc } from './model';

export type ListsCtx = CallCtx;
export { type Member, SYSTEM, assertStaff, isStaff } from '../user/caller';
export { actorLabel } from '../user/view';
export { newId } from '../core/ids';

/** The grids a grid worker works, in their current community. */
export function workerGrids(user: UserDoc): string[] {
  return user.grants.filter((g) => g.role === 'grid_worker' && g.communityId === user.communityId && g.gridId).map((g) => g.gridId!);
}

/** The units a unit member belongs to, in their current community. */
export function memberUnits(user: UserDoc): string[] {
  return user.grants.filter((g) => g.role === 'unit_member' && g.communityId === user.communityId && g.unitId).map((g) => g.unitId!);
}

/** Writes one change (who, when, from, to, why) in the transaction of the change itself. */
export async function recordEvent(
  tx: DocStore,
  e: { communityId: string; target: EventDoc['target']; targetId: string; field?: EventDoc['field']; from: string | null; to: string; actor: UserDoc; at: number; why?: string },
): Promise<void> {
  const { actor, ...change } = e;
  await recordChange(tx, EVENTS, { ...change, field: e.field ?? 'status', by: { id: actor._id, label: actorLabel(actor, e.communityId) } });
}

export async function eventsOf(targetId: string): Promise<EventDoc[]> {
  return findMany<EventDoc>(EVENTS, { targetId }, { orderBy: [['at', 'asc']], limit: 100 });
}

/** A document of the caller's community, or NOT_FOUND (another community's is not ours to reveal). */
export async function loadOwn<T extends { communityId: string }>(store: DocStore, coll: string, id: string, viewer: Member, what: string): Promise<T & { _id: string }> {
  const d = await store.get<T>(coll, id);
  if (!d || d.communityId !== viewer.communityId) throw notFound(`${what}不存在或已删除`);
  return d;
}

/** Every matching document, in pages (keyset on _id), up to `max`. */
export async function findAll<T extends { _id: string }>(coll: string, where: DocData, max = 20000): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  while (out.length < max) {
    const page = await findMany<T>(coll, after ? { ...where, _id: { $gt: after } } : where, { orderBy: [['_id', 'asc']], limit: Math.min(1000, max - out.length) });
    out.push(...page);
    if (page.length < 1000) break;
    after = page[page.length - 1]._id;
  }
  return out;
}

export async function gridsOf(communityId: string): Promise<GridDoc[]> {
  return findMany<GridDoc>(GRIDS, { communityId }, { orderBy: [['code', 'asc']], limit: 200 });
}

export async function gridNames(communityId: string): Promise<Map<string, string>> {
  return new Map((await gridsOf(communityId)).map((g) => [g._id, g.name]));
}

export async function unitsOf(communityId: string): Promise<UnitDoc[]> {
  return findMany<UnitDoc>(UNITS, { communityId }, { limit: 200 });
}

export async function userById(id: string): Promise<UserDoc | null> {
  return docs.get<UserDoc>('users', id);
}
