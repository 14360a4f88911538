import * as z from 'zod/mini';
import { action } from '../core/define';
import { notFound } from '../core/errors';
import { maskName } from '../core/mask';
import { count, docs, findMany } from '../platform/store';
import { requireMember } from '../user/caller';
import { USERS, type UserDoc } from '../user/model';
import { COMMUNITIES, GRIDS, type CommunityDoc, type GridDoc } from '../community/model';
import { WISHES } from '../wish/model';
import { SEASONS, type SeasonDoc } from '../community/seasons';
import type { CommunityIntro, GridCard } from '../../typings/map';
import { toLatLng, type StoredPoint } from './geo';
import { shanghaiDate } from '../core/hours';
import { PLACES } from './model';
import type { MapCtx } from './context';

const VOLUNTEER_ROLES = ['volunteer', 'unit_member'];

/** The grid worker by masked name, with whether a call can be relayed; never the number. */
async function gridCards(communityId: string): Promise<GridCard[]> {
  const grids = await findMany<GridDoc>(GRIDS, { communityId }, { orderBy: [['code', 'asc']], limit: 100 });
  const workerIds = [...new Set(grids.map((g) => g.workerId).filter((w): w is string => !!w))];
  const workers = workerIds.length ? await findMany<UserDoc>(USERS, { _id: { $in: workerIds } }, { limit: 100 }) : [];
  const byId = new Map(workers.map((u) => [u._id, u]));
  return grids.map((g) => {
    const w = g.workerId ? byId.get(g.workerId) : undefined;
    return {
      id: g._id,
      name: g.name,
      buildings: g.buildings ?? [],
      ...(w ? { worker: { name: maskName(w.displayName), callRelay: !!w.phone } } : {}),
    };
  });
}

/** Wishes completed in the season open today (Shanghai); none open, none counted. */
async function seasonFigures(communityId: string, now: number): Promise<{ wishesCompleted: number; season?: { number: number; name: string } }> {
  const today = shanghaiDate(now);
  const seasons = await findMany<SeasonDoc>(SEASONS, { communityId }, { orderBy: [['number', 'desc']], limit: 50 });
  const open = seasons.find((s) => s.startDate <= today && today <= s.endDate);
  if (!open) return { wishesCompleted: 0 };
  const wishesCompleted = await count(WISHES, { communityId, seasonId: open._id, status: 'completed' });
  return { wishesCompleted, season: { number: open.number, name: open.name } };
}

export const community = action(z.object({}), async function community(ctx: MapCtx): Promise<{ community: CommunityIntro }> {
  const user = await requireMember(ctx.openid);
  const c = await docs.get<CommunityDoc & { photos?: string[] }>(COMMUNITIES, user.communityId);
  if (!c) throw notFound('社区不存在');
  const [grids, places, volunteers, season] = await Promise.all([
    gridCards(c._id),
    count(PLACES, { communityId: c._id, status: 'active' }),
    count(USERS, { grants: { $elemMatch: { communityId: c._id, role: { $in: VOLUNTEER_ROLES } } } }),
    seasonFigures(c._id, ctx.now),
  ]);
  return {
    community: {
      id: c._id,
      name: c.name,
      city: c.city,
      district: c.district,
      street: c.street,
      intro: c.intro,
      photos: c.photos ?? [],
      center: toLatLng(c.center as StoredPoint),
      grids,
      figures: { places, volunteers, ...season },
    },
  };
});
