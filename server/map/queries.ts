import * as z from 'zod/mini';
import { action } from '../core/define';
import { invalid, notFound } from '../core/errors';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { requireMember, assertStaff } from '../user/caller';
import { COMMUNITIES, GRID_JOIN, type GridDoc } from '../community/model';
import { PLACE_CATEGORIES, type MapApi, type PlaceCategory } from '../../typings/map';
import { distanceM, toLatLng, withinWalk } from './geo';
import { openState } from './hours';
import { BOOKING_SERVICES, MAX_PLACES, PLACES, type PlaceDoc } from './model';
import { MAP_STAFF_ONLY, bookableFrom, isStaff, placeCalendarDays, type MapCtx } from './context';
import { readWith } from '../platform/aggregate';
import { calendarFrom } from '../community/calendar';
import { category, location, placeId } from './schemas';
import { rank, toCard, toDetail } from './view';

type PlacesRes = MapApi['places']['res'];

export const places = action(
  z.object({
    category: z.optional(category),
    location: z.optional(location),
    within: z.optional(z.union([z.literal(5), z.literal(10)], { error: '服务圈须为5或10分钟' })),
    openNow: z.optional(z.boolean({ error: '“营业中”筛选须为是或否' })),
    includeClosed: z.optional(z.boolean({ error: '参数不正确：includeClosed' })),
    cursor,
    limit,
  }),
  async function places(ctx: MapCtx, input): Promise<PlacesRes> {
    const user = await requireMember(ctx.openid);
    if (input.includeClosed) assertStaff(user, MAP_STAFF_ONLY);
    if (input.within && !input.location) throw invalid('按步行服务圈筛选需要您的位置');
    // The places, the calendar their hours need and what can be booked there: one request.
    const got = await readWith(COMMUNITIES, user.communityId, {
      places: { from: PLACES, where: { communityId: user.communityId, ...(input.includeClosed ? {} : { status: 'active' }) }, limit: MAX_PLACES },
      days: placeCalendarDays(user.communityId, ctx.now),
      services: { from: BOOKING_SERVICES, where: { communityId: user.communityId }, limit: 1000 },
    });
    const all = (got?.rows.places ?? []) as unknown as PlaceDoc[];
    const cal = calendarFrom(got?.rows.days ?? []);
    const services = bookableFrom(got?.rows.services ?? []);
    const counts = new Map<PlaceCategory, number>();
    for (const p of all) if (p.status === 'active') counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
    const origin = input.location;
    let matching = all.filter((p) => !input.category || p.category === input.category);
    if (input.within && origin) matching = matching.filter((p) => withinWalk(distanceM(origin, toLatLng(p.location)), input.within!));
    if (input.openNow) matching = matching.filter((p) => p.status === 'active' && openState(p.hours, ctx.now, cal).openNow);
    const ranked = rank(matching, origin);

    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const slice = ranked.slice(offset, offset + size + 1);
    const page = pageOf(
      slice.map((p) => toCard(p, ctx.now, cal, origin, (services.get(p._id)?.length ?? 0) > 0)),
      offset,
      size,
    );
    let circles: PlacesRes['circles'];
    if (origin) {
      const ds = ranked.map((p) => distanceM(origin, toLatLng(p.location)));
      circles = { five: ds.filter((d) => withinWalk(d, 5)).length, ten: ds.filter((d) => withinWalk(d, 10)).length };
    }
    return {
      ...page,
      total: ranked.length,
      categories: PLACE_CATEGORIES.filter((c) => counts.has(c)).map((c) => ({ category: c, count: counts.get(c)! })),
      ...(circles ? { circles } : {}),
    };
  },
);

export const place = action(z.object({ id: placeId, location: z.optional(location) }), async function place(ctx: MapCtx, input) {
  const user = await requireMember(ctx.openid);
  const staff = isStaff(user);
  const { p, serviceIds, gridName, cal } = await readPlace(input.id, user.communityId, ctx.now);
  // Another community's place, or (for residents) a closed one, is reported as missing.
  if (!p || (p.status !== 'active' && !staff)) throw notFound('地点不存在或已关闭');
  return { place: toDetail(p, ctx.now, cal, input.location, { serviceIds, gridName, staff }) };
});

/** A place with its bookable services, its grid's name and the calendar its hours need, in one request. */
async function readPlace(id: string, communityId: string, now: number) {
  const got = await readWith(PLACES, id, {
    services: { from: BOOKING_SERVICES, where: { communityId, placeId: id }, limit: 100 },
    grid: GRID_JOIN,
    days: placeCalendarDays(communityId, now),
  });
  const p = got && got.doc.communityId === communityId ? (got.doc as unknown as PlaceDoc) : undefined;
  return {
    p,
    serviceIds: p ? (bookableFrom(got!.rows.services).get(p._id) ?? []) : [],
    gridName: (got?.rows.grid[0] as unknown as GridDoc | undefined)?.name,
    cal: calendarFrom(got?.rows.days ?? []),
  };
}

/** For managePlace: the detail as staff see it. */
export async function staffDetail(p: PlaceDoc, now: number): Promise<MapApi['place']['res']['place']> {
  const { serviceIds, gridName, cal } = await readPlace(p._id, p.communityId, now);
  return toDetail(p, now, cal, undefined, { serviceIds, gridName, staff: true });
}
