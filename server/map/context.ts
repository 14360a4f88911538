import { notFound } from '../core/errors';
import type { WorkCalendar } from '../core/calendar';
import { loadCalendar } from '../community/calendar';
import { findMany, DocStore } from '../platform/store';
import type { CallCtx, Member } from '../user/caller';
import { BOOKING_SERVICES, PLACES, PlaceDoc } from './model';
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

function isMissingCollection(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return /COLLECTION_NOT_EXIST|not exist/i.test(`${err?.code ?? ''} ${err?.message ?? ''}`);
}

interface ServiceDoc {
  _id: string;
  placeId: string;
  status?: string;
  active?: boolean;
}

/**
 * Bookable service ids per place, from booking's collection. Booking is built later: until it
 * exists the collection may be missing (CloudBase answers DATABASE_COLLECTION_NOT_EXIST), which
 * simply means nothing is bookable yet.
 */
export async function bookableServices(communityId: string, placeIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!placeIds.length) return out;
  let rows: ServiceDoc[];
  try {
    rows = await findMany<ServiceDoc>(BOOKING_SERVICES, { communityId, placeId: { $in: placeIds } }, { limit: 1000 });
  } catch (e) {
    if (isMissingCollection(e)) return out;
    throw e;
  }
  for (const s of rows) {
    if (s.active === false || (s.status && s.status !== 'active' && s.status !== 'open')) continue;
    out.set(s.placeId, [...(out.get(s.placeId) ?? []), s._id]);
  }
  return out;
}

/** The community's calendar for today and as far ahead as opening hours look (one query). */
export function placeCalendar(communityId: string, now: number): Promise<WorkCalendar> {
  return loadCalendar(communityId, now - DAY_MS, now + (HORIZON_DAYS + 2) * DAY_MS);
}
