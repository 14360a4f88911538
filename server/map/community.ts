import * as z from 'zod/mini';
import { action } from '../core/define';
import { notFound } from '../core/errors';
import { maskName } from '../core/mask';
import { count } from '../platform/store';
import { readWith } from '../platform/aggregate';
import { requireMember } from '../user/caller';
import { USERS, type UserDoc } from '../user/model';
import { COMMUNITIES, GRIDS, type CommunityDoc, type GridDoc } from '../community/model';
import { WISHES } from '../wish/model';
import { SEASONS, seasonWindow, type SeasonDoc } from '../community/seasons';
import type { CommunityIntro, GridCard } from '../../typings/map';
import { toLatLng, type StoredPoint } from './geo';
import { shanghaiDate } from '../core/hours';
import { PLACES } from './model';
import type { MapCtx } from './context';

const VOLUNTEER_ROLES = ['volunteer', 'unit_member'];

/** The grid worker (whoever the grid names, joined onto it) by masked name, with whether a call can be relayed; never the number. */
function gridCards(grids: Array<GridDoc & { worker: UserDoc[] }>): GridCard[] {
  return grids.map((g) => {
    const w = g.worker[0];
    return {
      id: g._id,
      name: g.name,
      buildings: g.buildings ?? [],
      ...(w ? { worker: { name: maskName(w.displayName), callRelay: !!w.phone } } : {}),
    };
  });
}

/** Wishes completed in the days of the season open today (Shanghai), whenever they were filed; none open, none counted. */
async function seasonFigures(communityId: string, seasons: SeasonDoc[], now: number): Promise<{ wishesCompleted: number; season?: { number: number; name: string } }> {
  const today = shanghaiDate(now);
  const open = seasons.find((s) => s.startDate <= today && today <= s.endDate);
  if (!open) return { wishesCompleted: 0 };
  const wishesCompleted = await count(WISHES, { communityId, status: 'completed', completedAt: seasonWindow(open) });
  return { wishesCompleted, season: { number: open.number, name: open.name } };
}

export const community = action(z.object({}), async function community(ctx: MapCtx): Promise<{ community: CommunityIntro }> {
  const user = await requireMember(ctx.openid);
  const communityId = user.communityId;
  // The community with its grids, their workers, the counts and the seasons: one request.
  const got = await readWith(COMMUNITIES, communityId, {
    grids: { from: GRIDS, where: { communityId }, orderBy: [['code', 'asc']], limit: 100, joins: { worker: { from: USERS, localField: 'workerId', foreignField: '_id' } } },
    places: { from: PLACES, where: { communityId, status: 'active' }, count: true },
    volunteers: { from: USERS, where: { grants: { $elemMatch: { communityId, role: { $in: VOLUNTEER_ROLES } } } }, count: true },
    seasons: { from: SEASONS, where: { communityId }, orderBy: [['number', 'desc']], limit: 50 },
  });
  if (!got) throw notFound('社区不存在');
  const c = got.doc as unknown as CommunityDoc & { photos?: string[] };
  const grids = gridCards(got.rows.grids as unknown as Array<GridDoc & { worker: UserDoc[] }>);
  const { places, volunteers } = got.rows;
  const season = await seasonFigures(communityId, got.rows.seasons as unknown as SeasonDoc[], ctx.now);
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
