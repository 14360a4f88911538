/**
 * 微心愿 seasons (第N季): a community's campaign periods. Opened by staff in the wish domain, and
 * read by the points leaderboard and the map's figures, so they live with the community.
 */
import { DAY_MS } from '../core/time';
import { dayStart } from '../core/hours';
import { ACTIVE, WISHES, WISH_EVENTS } from '../wish/model';

export const SEASONS = 'wish_seasons';

export interface SeasonDoc {
  _id: string;
  communityId: string;
  number: number;
  name: string;
  startDate: string;
  endDate: string;
  createdBy: string;
  createdAt: number;
}

/** A season's days as instants: [its first day 00:00, the day after its last 00:00), Shanghai time. */
export function seasonWindow(s: Pick<SeasonDoc, 'startDate' | 'endDate'>): { $gte: number; $lt: number } {
  return { $gte: dayStart(s.startDate), $lt: dayStart(s.endDate) + DAY_MS };
}

/**
 * A season's wish figures as side reads of one request. A wish counts where its life falls, not
 * where it was filed: collected when it was published (and approved) in the season's days, claimed
 * when someone claimed it then (once, however often it was claimed), completed when it was
 * fulfilled then. Without a season, every wish of the community.
 */
export function wishFigureReads(communityId: string, season?: Pick<SeasonDoc, 'startDate' | 'endDate'>) {
  const within = season ? seasonWindow(season) : undefined;
  const when = (field: string) => (within ? { [field]: within } : {});
  return {
    collected: { from: WISHES, where: { communityId, status: { $in: [...ACTIVE, 'taken_down'] }, ...when('createdAt') }, count: true as const },
    claimed: within
      ? { from: WISH_EVENTS, where: { communityId, to: 'claimed', at: within }, distinct: 'wishId' }
      : { from: WISHES, where: { communityId, everClaimed: true }, count: true as const },
    completed: { from: WISHES, where: { communityId, status: 'completed', ...when('completedAt') }, count: true as const },
  };
}
