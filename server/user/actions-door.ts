import * as z from 'zod/mini';
import { randomBytes } from 'node:crypto';
import type { GridChoice } from '../../typings/user';
import { action } from '../core/define';
import { invalid, unauthenticated } from '../core/errors';
import { AppError } from '../core/errors';
import { id, requestId, text } from '../core/validation';
import { findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { GRIDS, GridDoc } from '../community/model';
import { USER_BY_OPENID, findUser, requireMember } from './caller';
import { UserCtx, gridOf, meView, requireOpenid, requireUser, resolveScene } from './lookup';
import { Place, moveOffer, moveTo, sceneOutcome } from './membership';
import { USERS, UserDoc, defaultName } from './model';
import { formatScene, parseScene } from './scene';

/*
 * The front door: a poster's scene puts a person in a community and grid; another poster asks
 * before moving them; someone without a grid picks theirs by building.
 */

const sceneInput = z.string({ error: '缺少二维码参数' }).check(z.minLength(1, '缺少二维码参数'), z.maxLength(200, '二维码参数不正确'));

/** A scene that names no known community is ignored at login (a stale poster must not lock anyone out). */
async function placeOf(raw: string | undefined): Promise<{ place: Place; scene: string } | undefined> {
  const scene = raw ? parseScene(raw) : undefined;
  if (!scene) return undefined;
  try {
    return { place: await resolveScene(scene), scene: formatScene(scene) };
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

export const login = action(z.object({ scene: z.optional(sceneInput) }), async function login(ctx: UserCtx, input) {
  const openid = requireOpenid(ctx);
  const scanned = await placeOf(input.scene);
  const { user, created, offer } = await transact(async (tx) => {
    const existing = await findUser(tx, openid);
    if (existing) {
      const outcome = scanned ? sceneOutcome(existing, scanned.place) : 'stay';
      if (outcome !== 'join' || !scanned) return { user: existing, created: false, offer: outcome === 'offer' };
      const joined = moveTo(existing, scanned.place, ctx.now, scanned.scene);
      await tx.set(USERS, joined._id, joined);
      return { user: joined, created: false, offer: false };
    }
    const userId = `u_${randomBytes(10).toString('hex')}`;
    const fresh: UserDoc = { _id: userId, openid, displayName: defaultName(userId), grants: [], createdAt: ctx.now, updatedAt: ctx.now };
    const placed = scanned ? moveTo(fresh, scanned.place, ctx.now, scanned.scene) : fresh;
    await tx.set(USER_BY_OPENID, openid, { userId, createdAt: ctx.now });
    await tx.set(USERS, userId, placed);
    return { user: placed, created: true, offer: false };
  });
  return { me: await meView(user), created, ...(offer && scanned ? { moveOffer: moveOffer(scanned.place, scanned.scene) } : {}) };
});

/** Accepts a move offer (or joins by a poster scanned inside the app). */
export const bindCommunity = action(z.object({ scene: sceneInput, requestId }), async function bindCommunity(ctx: UserCtx, input) {
  const scene = parseScene(input.scene);
  if (!scene) throw invalid('二维码无效，请扫描社区海报上的二维码');
  const place = await resolveScene(scene);
  const user = await requireUser(ctx);
  const updated = await transact((tx) =>
    once(tx, requestKey(user._id, 'user', 'bindCommunity', input.requestId), async () => {
      const cur = await tx.get<UserDoc>(USERS, user._id);
      if (!cur) throw unauthenticated();
      const next = moveTo(cur, place, ctx.now, formatScene(scene));
      await tx.set(USERS, cur._id, next);
      return next;
    }),
  );
  return { me: await meView(updated) };
});

/** The person would rather not choose a name and avatar now: the welcome is not shown again. */
export const skipWelcome = action(z.object({ requestId }), async function skipWelcome(ctx: UserCtx) {
  const user = await requireUser(ctx);
  if (user.profileAsked) return { me: await meView(user) };
  const updated = await transact(async (tx) => {
    const cur = await tx.get<UserDoc>(USERS, user._id);
    if (!cur) throw unauthenticated();
    const next = { ...cur, profileAsked: true, updatedAt: ctx.now };
    await tx.set(USERS, cur._id, next);
    return next;
  });
  return { me: await meView(updated) };
});

function byCode(a: GridDoc, b: GridDoc): number {
  return a.code.localeCompare(b.code, 'en', { numeric: true });
}

export const grids = action(z.object({}), async function grids(ctx: UserCtx) {
  const user = await requireMember(ctx.openid);
  const rows = await findMany<GridDoc>(GRIDS, { communityId: user.communityId }, { limit: 100 });
  return { grids: rows.sort(byCode).map((g): GridChoice => ({ id: g._id, name: g.name, buildings: g.buildings })) };
});

const building = z.optional(text('楼栋', 30));
const room = z.optional(text('单元和室号', 20));

/** A building must be one the grid lists, so a grid worker can find the person. */
export function checkBuilding(grid: GridDoc, b: string | undefined): void {
  if (b !== undefined && !grid.buildings.includes(b)) throw invalid(`${grid.name}没有“${b}”，请从列表中选择`);
}

export const chooseGrid = action(z.object({ gridId: id('网格'), building, room, requestId }), async function chooseGrid(ctx: UserCtx, input) {
  const user = await requireMember(ctx.openid);
  const grid = await gridOf(user.communityId, input.gridId);
  checkBuilding(grid, input.building);
  const updated = await transact((tx) =>
    once(tx, requestKey(user._id, 'user', 'chooseGrid', input.requestId), async () => {
      const cur = await tx.get<UserDoc>(USERS, user._id);
      if (!cur || cur.communityId !== user.communityId) throw unauthenticated();
      const next: UserDoc = { ...cur, gridId: grid._id, updatedAt: ctx.now };
      if (input.building) next.building = input.building;
      else delete next.building;
      // A room belongs to its building: a new building without one leaves the household unknown.
      if (input.building && input.room) next.room = input.room;
      else delete next.room;
      await tx.set(USERS, cur._id, next);
      return next;
    }),
  );
  return { me: await meView(updated) };
});
