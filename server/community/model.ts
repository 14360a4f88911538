import type { JoinRead } from '../platform/aggregate';
import type { LatLng } from '../../typings/map';

export const COMMUNITIES = 'communities';
export const GRIDS = 'grids';

/** A document's grid (by its `gridId`), joined into the same request: for the grid's name on a card. */
export const GRID_JOIN: JoinRead = { from: GRIDS, localField: 'gridId', foreignField: '_id' };
export const UNITS = 'units';

export interface CommunityDoc {
  _id: string;
  /** Short code used in QR scenes. */
  code: string;
  name: string;
  city: string;
  district: string;
  street: string;
  intro: string;
  center: { type: 'Point'; coordinates: [number, number] };
  createdAt: number;
}

export interface GridDoc {
  _id: string;
  communityId: string;
  code: string;
  name: string;
  buildings: string[];
  /** The grid's centre (GCJ-02): where its residents are taken to live when nearness counts. */
  center?: LatLng;
  /** The user id of the grid worker (网格员), shown to residents by masked name only. */
  workerId?: string;
}

/** 第三网格（北海新村） → 第三网格: where someone lives, in a few characters. */
export function shortGridName(name: string): string {
  return name.replace(/[（(].*$/, '').trim() || name;
}

export interface UnitDoc {
  _id: string;
  communityId: string;
  name: string;
  /** 机关, 企业, 学校, 医院, 社会组织 … */
  kind: string;
  /** Members the unit named to verify pickups of its goods; absent: every member may. */
  verifierIds?: string[];
}

/** Without a list of its own, every member of a unit verifies its goods (as before units named verifiers). */
export const mayVerify = (unit: Pick<UnitDoc, 'verifierIds'>, userId: string) => !unit.verifierIds || unit.verifierIds.includes(userId);
