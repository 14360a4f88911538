import type { Doc } from './codec';

export interface Near {
  field: string;
  point: [number, number];
  maxDistance?: number;
  minDistance?: number;
  distanceField?: string;
}

/**
 * The radius CloudBase's (MongoDB's) spherical geometry uses: 6,378,100 m (see the SDK's
 * @cloudbase/database src/aggregate.ts `EARTH_RADIUS`, and MongoDB's geoNear distances).
 */
export const EARTH_RADIUS_M = 6378100;

/** Great-circle distance in metres between two [lng, lat] points. */
export function haversine(a: [number, number], b: [number, number]): number {
  return EARTH_RADIUS_M * angle(a, b);
}

/** Central angle in radians between two [lng, lat] points. */
export function angle(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Pulls a `$nearSphere`/`$near` clause out of a query, since mingo has no geo index. */
export function extractNear(query: Record<string, unknown>): { near?: Near; rest: Record<string, unknown> } {
  for (const [field, cond] of Object.entries(query)) {
    const c = cond as Record<string, any> | null;
    const spec = c && typeof c === 'object' ? (c.$nearSphere ?? c.$near) : undefined;
    if (!spec) continue;
    const rest = { ...query };
    delete rest[field];
    const geometry = spec.$geometry ?? spec;
    return {
      near: { field, point: geometry.coordinates, maxDistance: spec.$maxDistance, minDistance: spec.$minDistance },
      rest,
    };
  }
  return { rest: query };
}

export function nearSort(docs: Doc[], near: Near): Doc[] {
  const withDistance: Array<[number, Doc]> = [];
  for (const d of docs) {
    const p = pointOf(d, near.field);
    if (!p) continue;
    const dist = haversine(near.point, p);
    if (near.maxDistance !== undefined && dist > near.maxDistance) continue;
    if (near.minDistance !== undefined && dist < near.minDistance) continue;
    withDistance.push([dist, near.distanceField ? { ...d, [near.distanceField]: dist } : d]);
  }
  return withDistance.sort((x, y) => x[0] - y[0]).map(([, d]) => d);
}

function pointOf(doc: Doc, field: string): [number, number] | undefined {
  let v: any = doc;
  for (const part of field.split('.')) v = v?.[part];
  return v?.type === 'Point' && Array.isArray(v.coordinates) ? v.coordinates : undefined;
}
