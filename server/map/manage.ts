import { randomBytes } from 'node:crypto';
import { action } from '../core/define';
import { conflict, invalid, notFound } from '../core/errors';
import { docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { REQUESTS, once, requestKey } from '../platform/idempotency';
import { requireMember, assertStaff } from '../user/caller';
import { actorLabel } from '../user/view';
import { COMMUNITIES, GRIDS, type CommunityDoc, type GridDoc } from '../community/model';
import type { LatLng, PlaceChanges } from '../../typings/map';
import { distanceM, toLatLng, toPoint, type StoredPoint } from './geo';
import { MAX_PLACE_RADIUS_M, PLACES, PLACE_EVENTS, type PlaceDoc, type PlaceEventDoc, type PlaceOp } from './model';
import { MAP_STAFF_ONLY, loadPlace, type MapCtx, type Member } from './context';
import { managePlaceInput } from './schemas';
import { staffDetail } from './queries';

/** A place belongs near its community: far-off coordinates are a typo, swapped lat/lng, or another datum. */
async function assertNearCommunity(communityId: string, at: LatLng): Promise<void> {
  const c = await docs.get<CommunityDoc>(COMMUNITIES, communityId);
  if (!c) throw notFound('社区不存在');
  const d = distanceM(toLatLng(c.center as StoredPoint), at);
  if (d > MAX_PLACE_RADIUS_M) {
    throw invalid(`坐标距社区中心约${(d / 1000).toFixed(1)}公里，超出${MAX_PLACE_RADIUS_M / 1000}公里范围，请核对经纬度（GCJ-02）`);
  }
}

async function assertGrid(communityId: string, gridId: string): Promise<void> {
  const g = await docs.get<GridDoc>(GRIDS, gridId);
  if (!g || g.communityId !== communityId) throw invalid('所属网格不存在');
}

async function assertNameFree(communityId: string, name: string, exceptId?: string): Promise<void> {
  const same = await findMany<PlaceDoc>(PLACES, { communityId, name, status: 'active' }, { limit: 2 });
  if (same.some((p) => p._id !== exceptId)) throw conflict(`社区地图上已有“${name}”`);
}

/** Writes the place and its audit event (who, when, from, to, why, what changed) in the transaction. */
async function record(tx: DocStore, op: PlaceOp, before: PlaceDoc | null, after: PlaceDoc, actor: Member, at: number, why?: string): Promise<void> {
  await tx.set(PLACES, after._id, after);
  const keys = ['name', 'category', 'address', 'location', 'hours', 'services', 'phone', 'intro', 'photos', 'gridId', 'status', 'closedReason'] as const;
  const changed = keys.filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after[k]));
  const pick = (p: PlaceDoc) => Object.fromEntries(changed.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
  const id = `${after._id}.${at}.${randomBytes(3).toString('hex')}`;
  const event: PlaceEventDoc = {
    _id: id,
    placeId: after._id,
    communityId: after.communityId,
    op,
    at,
    from: before ? before.status : null,
    to: after.status,
    byUserId: actor._id,
    byLabel: actorLabel(actor, after.communityId, { admin: true }),
    ...(why ? { why } : {}),
    changed,
    ...(before ? { before: pick(before) } : {}),
    after: pick(after),
  };
  await tx.set(PLACE_EVENTS, id, event);
}

/** Applies changes; null clears an optional field. */
function applyChanges(p: PlaceDoc, changes: PlaceChanges): PlaceDoc {
  const next: PlaceDoc = { ...p };
  if (changes.name !== undefined) next.name = changes.name;
  if (changes.category !== undefined) next.category = changes.category;
  if (changes.address !== undefined) next.address = changes.address;
  if (changes.location !== undefined) next.location = toPoint(changes.location);
  if (changes.hours !== undefined) next.hours = changes.hours;
  if (changes.services !== undefined) next.services = changes.services;
  if (changes.photos !== undefined) next.photos = changes.photos;
  for (const k of ['phone', 'intro', 'gridId'] as const) {
    const v = changes[k];
    if (v === null) delete next[k];
    else if (v !== undefined) next[k] = v;
  }
  return next;
}

/** Staff of the community create, correct, close and reopen places; every change is audited; a repeated requestId returns the first answer. */
export const managePlace = action(managePlaceInput, async function managePlace(ctx: MapCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, MAP_STAFF_ONLY);
  const key = requestKey(user._id, 'map', 'managePlace', input.requestId);
  const communityId = user.communityId;

  // Checks that need queries run before the transaction (which reads and writes by id only).
  if (input.op === 'create') {
    await assertNearCommunity(communityId, input.place.location);
    if (input.place.gridId) await assertGrid(communityId, input.place.gridId);
  }
  if (input.op === 'update') {
    if (!Object.keys(input.changes).length) throw invalid('没有要修改的内容');
    if (input.changes.location) await assertNearCommunity(communityId, input.changes.location);
    if (input.changes.gridId) await assertGrid(communityId, input.changes.gridId);
  }
  const prior = input.requestId ? await docs.get<{ result: string }>(REQUESTS, key!) : null;
  if (!prior) {
    if (input.op === 'create') await assertNameFree(communityId, input.place.name);
    if (input.op === 'update' && input.changes.name) await assertNameFree(communityId, input.changes.name, input.id);
    if (input.op === 'reopen') {
      const p = await loadPlace(docs, input.id, user, true);
      await assertNameFree(communityId, p.name, p._id);
    }
  }

  const placeId = await transact((tx) =>
    once(tx, key, async () => {
      switch (input.op) {
        case 'create': {
          const { location, ...rest } = input.place;
          const p: PlaceDoc = {
            _id: `p_${randomBytes(8).toString('hex')}`,
            communityId,
            ...rest,
            location: toPoint(location),
            services: rest.services,
            photos: rest.photos ?? [],
            status: 'active',
            createdBy: user._id,
            createdAt: ctx.now,
            updatedBy: user._id,
            updatedAt: ctx.now,
          };
          await record(tx, 'create', null, p, user, ctx.now);
          return p._id;
        }
        case 'update': {
          const p = await loadPlace(tx, input.id, user, true);
          const next = applyChanges(p, input.changes);
          if (JSON.stringify(next) === JSON.stringify(p)) return p._id;
          await record(tx, 'update', p, { ...next, updatedBy: user._id, updatedAt: ctx.now }, user, ctx.now, input.reason);
          return p._id;
        }
        case 'close': {
          const p = await loadPlace(tx, input.id, user, true);
          if (p.status === 'closed') throw conflict('该地点已关闭');
          await record(tx, 'close', p, { ...p, status: 'closed', closedReason: input.reason, updatedBy: user._id, updatedAt: ctx.now }, user, ctx.now, input.reason);
          return p._id;
        }
        case 'reopen': {
          const p = await loadPlace(tx, input.id, user, true);
          if (p.status === 'active') throw conflict('该地点正在地图上，无需重新开放');
          const { closedReason: _closed, ...open } = p;
          await record(tx, 'reopen', p, { ...open, status: 'active', updatedBy: user._id, updatedAt: ctx.now }, user, ctx.now, input.reason);
          return p._id;
        }
      }
    }),
  );
  const after = await docs.get<PlaceDoc>(PLACES, placeId);
  if (!after) throw notFound('地点不存在或已关闭');
  return { place: await staffDetail(after, ctx.now) };
});
