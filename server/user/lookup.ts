import type { Me } from '../../typings/user';
import { notFound, unauthenticated } from '../core/errors';
import { docs, findOne } from '../platform/store';
import { COMMUNITIES, CommunityDoc, GRIDS, GridDoc, UNITS, UnitDoc } from '../community/model';
import { requireCaller } from './caller';
import type { Place } from './membership';
import type { UserDoc } from './model';
import type { Scene } from './scene';
import { gridIdOf, toMe, unitIdOf } from './view';

export interface UserCtx {
  openid?: string;
  now: number;
}

export function requireOpenid(ctx: UserCtx): string {
  if (!ctx.openid) throw unauthenticated();
  return ctx.openid;
}

export const requireUser = (ctx: UserCtx) => requireCaller(ctx.openid);

/** The caller's own view, with their community, grid and unit read in one round. */
export async function meView(user: UserDoc): Promise<Me> {
  const gridId = gridIdOf(user);
  const unitId = unitIdOf(user);
  const [community, grid, unit] = await Promise.all([
    user.communityId ? docs.get<CommunityDoc>(COMMUNITIES, user.communityId) : null,
    gridId ? docs.get<GridDoc>(GRIDS, gridId) : null,
    unitId ? docs.get<UnitDoc>(UNITS, unitId) : null,
  ]);
  return toMe(user, community, grid, unit);
}

/** Where a scene points: the community and, when given, one of its grids. */
export async function resolveScene(scene: Scene): Promise<Place> {
  const community = await findOne<CommunityDoc>(COMMUNITIES, { code: scene.community });
  if (!community) throw notFound('二维码对应的社区不存在，请向社区工作人员确认');
  const grid = scene.grid ? await findOne<GridDoc>(GRIDS, { communityId: community._id, code: scene.grid }) : undefined;
  return { community, grid: grid ?? undefined };
}

/** A grid of the given community, or NOT_FOUND. */
export async function gridOf(communityId: string, gridId: string): Promise<GridDoc> {
  const grid = await docs.get<GridDoc>(GRIDS, gridId);
  if (!grid || grid.communityId !== communityId) throw notFound('本社区没有这个网格');
  return grid;
}
