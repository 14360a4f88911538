import type { LatLng, PlaceCard, PlaceDetail } from '../../typings/map';
import type { WorkCalendar } from '../core/calendar';
import { distanceM, toLatLng, walkMinutes, withinWalk } from './geo';
import { holidayNote, openState, upcomingClosures, weekRows } from './hours';
import { shanghaiDate } from '../core/hours';
import type { PlaceDoc } from './model';

/** Metres from `origin`, or undefined without one. */
export function distanceOf(p: PlaceDoc, origin?: LatLng): number | undefined {
  return origin ? distanceM(origin, toLatLng(p.location)) : undefined;
}

export function toCard(p: PlaceDoc, at: number, cal: WorkCalendar, origin: LatLng | undefined, bookable: boolean): PlaceCard {
  const d = distanceOf(p, origin);
  return {
    id: p._id,
    name: p.name,
    category: p.category,
    address: p.address,
    location: toLatLng(p.location),
    ...(d !== undefined
      ? { distance: Math.round(d), walkMinutes: walkMinutes(d), withinWalk: { five: withinWalk(d, 5), ten: withinWalk(d, 10) } }
      : {}),
    ...openState(p.hours, at, cal),
    bookable,
    status: p.status,
  };
}

export function toDetail(
  p: PlaceDoc,
  at: number,
  cal: WorkCalendar,
  origin: LatLng | undefined,
  extra: { serviceIds: string[]; gridName?: string; staff: boolean },
): PlaceDetail {
  return {
    ...toCard(p, at, cal, origin, extra.serviceIds.length > 0),
    intro: p.intro,
    photos: p.photos,
    services: p.services,
    phone: p.phone,
    gridName: extra.gridName,
    week: weekRows(p.hours),
    holidayNote: holidayNote(p.hours),
    closures: upcomingClosures(p.hours, shanghaiDate(at)),
    note: p.hours.note,
    bookableServiceIds: extra.serviceIds,
    ...(extra.staff ? { hours: p.hours, closedReason: p.closedReason } : {}),
    updatedAt: p.updatedAt,
  };
}

/** Made on first use: building the 拼音 collation costs milliseconds a cold start need not pay. */
let collator: Intl.Collator | undefined;
const byName = (a: string, b: string) => (collator ??= new Intl.Collator('zh-Hans-CN-u-co-pinyin')).compare(a, b);

/** Nearest first when there is an origin, else by name (拼音 order); ties by name, then id. */
export function rank(places: PlaceDoc[], origin?: LatLng): PlaceDoc[] {
  const keyed = places.map((p) => ({ p, d: distanceOf(p, origin) ?? 0 }));
  keyed.sort((a, b) => a.d - b.d || byName(a.p.name, b.p.name) || (a.p._id < b.p._id ? -1 : a.p._id > b.p._id ? 1 : 0));
  return keyed.map((k) => k.p);
}
