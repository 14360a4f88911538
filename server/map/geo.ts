import { WALK_METRES_PER_MINUTE, type LatLng } from '../../typings/map';

const EARTH_RADIUS_M = 6371008.8;

/**
 * Great-circle distance in metres between two points given in the same datum (GCJ-02 here:
 * the offset from WGS-84 is smooth over a few kilometres, so distances between GCJ-02 points
 * are as good as between WGS-84 ones).
 */
export function distanceM(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes on foot at 80 m a minute, rounded up (at least 1). */
export function walkMinutes(metres: number): number {
  return Math.max(1, Math.ceil(metres / WALK_METRES_PER_MINUTE));
}

/** Inside the n-minute 服务圈: within n × 80 m. */
export function withinWalk(metres: number, minutes: number): boolean {
  return metres <= minutes * WALK_METRES_PER_MINUTE;
}

/**
 * A stored point as the domain may meet it: GeoJSON as written (`{ type: 'Point', coordinates:
 * [lng, lat] }`), or the SDK's `Point` class it reads back (`{ longitude, latitude }`, which
 * serialises to GeoJSON again).
 */
export type StoredPoint = { type: 'Point'; coordinates: [number, number] } | { longitude: number; latitude: number };

export function toLatLng(p: StoredPoint): LatLng {
  if ('coordinates' in p && Array.isArray(p.coordinates)) return { lng: p.coordinates[0], lat: p.coordinates[1] };
  const q = p as { longitude: number; latitude: number };
  return { lng: q.longitude, lat: q.latitude };
}

export function toPoint(p: LatLng): { type: 'Point'; coordinates: [number, number] } {
  return { type: 'Point', coordinates: [p.lng, p.lat] };
}
