/**
 * 微心愿 seasons (第N季): a community's campaign periods. Opened by staff in the wish domain, and
 * read by the points leaderboard and the map's figures, so they live with the community.
 */
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
