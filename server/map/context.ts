import { notFound } from '../core/errors';
import { calendarDays } from '../community/calendar';
import type { DocStore } from '../platform/store';
import type { CallCtx, Member } from '../user/caller';
import { PLACES, PlaceDoc } from './model';
import { HORIZON_DAYS } from './hours';
import { DAY_MS } from '../core/time';

export type MapCtx = CallCtx;
export { type Member, isStaff } from '../user/caller';

/** Why a resident is refused the map's upkeep. */
export const MAP_STAFF_ONLY = '只有本社区的工作人员可以维护地图';

/**
 * A place of the viewer's community. Another community's place, or (for residents) a closed one,
 * is reported as missing: its existence is not ours to reveal.
 */
export async function loadPlace(store: DocStore, id: string, viewer: Member, includeClosed: boolean): Promise<PlaceDoc> {
  const p = await store.get<PlaceDoc>(PLACES, id);
  if (!p || p.communityId !== viewer.communityId || (p.status !== 'active' && !includeClosed)) throw notFound('地点不存在或已关闭');
  return p;
}

interface ServiceDoc {
  _id: string;
  placeId: string;
  status?: string;
  active?: boolean;
}

/** The community's calendar for today and as far ahead as opening hours look, as a side read. */
export const placeCalendarDays = (communityId: string, now: number) => calendarDays(communityId, now - DAY_MS, now + (HORIZON_DAYS + 2) * DAY_MS);

/** Bookable service ids per place, from service documents a side read brought. */
export function bookableFrom(rows: unknown[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of rows as ServiceDoc[]) {
    if (s.active === false || (s.status && s.status !== 'active' && s.status !== 'open')) continue;
    out.set(s.placeId, [...(out.get(s.placeId) ?? []), s._id]);
  }
  return out;
}
