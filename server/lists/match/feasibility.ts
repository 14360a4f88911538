import type { LatLng, Need, Resource } from './model';
import { FIT_EXACT, FIT_RELATED, radiusProximity, SAME_GRID } from './score';

/**
 * A pair is feasible when the resource offers the need's category (or a related one) and the need
 * lies in its area: a grid it lists, or within its radius (which needs the need's location).
 */

const EARTH_RADIUS_M = 6371008.8;
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
const RAD = Math.PI / 180;

export function haversineM(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type RelatedMap = ReadonlyMap<string, readonly string[]>;

export function relatedMap(pairs: ReadonlyArray<readonly [string, string]>): RelatedMap {
  const m = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = m.get(a) ?? [];
    if (!list.includes(b)) list.push(b);
    m.set(a, list);
  };
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  return m;
}

/** Categories a resource can serve, with the fit of each (exact skills win over related ones). */
export function servedCategories(resource: Resource, related: RelatedMap): Map<string, { fit: number; skill: string }> {
  const out = new Map<string, { fit: number; skill: string }>();
  for (const skill of resource.categories) out.set(skill, { fit: FIT_EXACT, skill });
  for (const skill of resource.categories) {
    for (const c of related.get(skill) ?? []) if (!out.has(c)) out.set(c, { fit: FIT_RELATED, skill });
  }
  return out;
}

export interface PairDetail {
  fit: number;
  /** The resource's skill that makes it fit (the need's category itself when exact). */
  skill: string;
  exact: boolean;
  proximity: number;
  sameGrid: boolean;
  /** Metres between the need and the area's centre, when both are known. */
  distanceM?: number;
}

/** One pair, the slow and obvious way: the reference the indexed builder must agree with. */
export function pairDetail(need: Need, resource: Resource, related: RelatedMap): PairDetail | null {
  const served = servedCategories(resource, related).get(need.category);
  if (!served) return null;
  const { gridIds, center, radiusM } = resource.area;
  const distanceM = center && need.location ? haversineM(center, need.location) : undefined;
  const sameGrid = !!gridIds?.includes(need.gridId);
  const inRadius = distanceM !== undefined && !!radiusM && radiusM > 0 && distanceM <= radiusM;
  if (!sameGrid && !inRadius) return null;
  const proximity = sameGrid ? SAME_GRID : radiusProximity(distanceM!, radiusM!);
  return { fit: served.fit, skill: served.skill, exact: served.fit === FIT_EXACT, proximity, sameGrid, distanceM };
}

/**
 * Feasible pairs as compressed rows by need: resources of need i are res[start[i] .. start[i+1]).
 * Each row lists first the pairs through a grid the resource lists, then the others (own[i] on).
 * Grid pairs are the same, with the same score, for every need of the same category and grid.
 */
export interface Pairs {
  start: Int32Array;
  own: Int32Array;
  res: Int32Array;
  /** fit + proximity of the pair (the need-only parts are added by the caller). */
  score: Int32Array;
}

/** A growable pair of typed arrays: a resource and a score per entry. */
class ResScore {
  n = 0;
  res: Int32Array;
  score: Int32Array;

  constructor(size = 16) {
    this.res = new Int32Array(size);
    this.score = new Int32Array(size);
  }

  push(r: number, s: number) {
    if (this.n === this.res.length) {
      const res = new Int32Array(2 * this.n);
      res.set(this.res);
      this.res = res;
      const score = new Int32Array(2 * this.n);
      score.set(this.score);
      this.score = score;
    }
    this.res[this.n] = r;
    this.score[this.n++] = s;
  }
}

/** A resource that serves a category within a radius, with what a need's test against it takes. */
interface RadiusEntry {
  r: number;
  fit: number;
  lat: number;
  lng: number;
  cosLat: number;
  dLat: number;
  dLng: number;
  radiusM: number;
  /** Grids the resource lists: a need there is its grid pair, not a radius pair. */
  grids: readonly string[];
}

/**
 * All feasible pairs, without testing every need against every resource. Grid pairs are collected
 * once per category and grid and copied into the rows of the needs there; radius pairs are found
 * per located need among the radius resources of its category, boxed by latitude and longitude
 * before the distance is computed.
 */
export function feasiblePairs(needs: Need[], resources: Resource[], related: RelatedMap): Pairs {
  const groupKey = (category: string, gridId: string) => `${category}\u0000${gridId}`;
  const wanted = new Set(needs.map((n) => n.category));
  const groups = new Set(needs.map((n) => groupKey(n.category, n.gridId)));
  const gridLists = new Map<string, ResScore>();
  const radiusLists = new Map<string, RadiusEntry[]>();

  // Resources in order, so every list is in resource order and needs of a group share one row.
  for (let r = 0; r < resources.length; r++) {
    const { gridIds, center, radiusM } = resources[r].area;
    for (const [category, { fit }] of servedCategories(resources[r], related)) {
      if (!wanted.has(category)) continue;
      for (const g of gridIds ?? []) {
        const key = groupKey(category, g);
        if (!groups.has(key)) continue;
        let list = gridLists.get(key);
        if (!list) gridLists.set(key, (list = new ResScore()));
        if (list.n > 0 && list.res[list.n - 1] === r) continue; // a grid listed twice
        list.push(r, fit + SAME_GRID);
      }
      if (!center || !radiusM || radiusM <= 0) continue;
      const dLat = radiusM / M_PER_DEG;
      const entry: RadiusEntry = {
        r,
        fit,
        lat: center.lat,
        lng: center.lng,
        cosLat: Math.cos(center.lat * RAD),
        dLat,
        dLng: dLat / Math.cos(Math.min(89.9, Math.abs(center.lat) + dLat) * RAD),
        radiusM,
        grids: gridIds ?? [],
      };
      const list = radiusLists.get(category);
      if (list) list.push(entry);
      else radiusLists.set(category, [entry]);
    }
  }

  // Radius pairs per need, kept apart until the rows' sizes are known.
  const n = needs.length;
  const ownStart = new Int32Array(n + 1);
  const own = new ResScore(1 << 12);
  for (let i = 0; i < n; i++) {
    const need = needs[i];
    const loc = need.location;
    const list = loc && radiusLists.get(need.category);
    if (list) {
      const lat = loc.lat;
      const lng = loc.lng;
      const cosLat = Math.cos(lat * RAD);
      for (let k = 0; k < list.length; k++) {
        const x = list[k];
        if (Math.abs(lat - x.lat) > x.dLat || Math.abs(lng - x.lng) > x.dLng || x.grids.includes(need.gridId)) continue;
        // haversineM with the cosines precomputed (the same operations, so the same result).
        const sLat = Math.sin(((lat - x.lat) * RAD) / 2);
        const sLng = Math.sin(((lng - x.lng) * RAD) / 2);
        const d = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(sLat ** 2 + x.cosLat * cosLat * sLng ** 2)));
        if (d <= x.radiusM) own.push(x.r, x.fit + radiusProximity(d, x.radiusM));
      }
    }
    ownStart[i + 1] = own.n;
  }

  // Rows: the group's grid pairs, then the need's own.
  const start = new Int32Array(n + 1);
  const ownAt = new Int32Array(n);
  const rowGrid: (ResScore | undefined)[] = needs.map((need) => gridLists.get(groupKey(need.category, need.gridId)));
  for (let i = 0; i < n; i++) {
    ownAt[i] = start[i] + (rowGrid[i]?.n ?? 0);
    start[i + 1] = ownAt[i] + ownStart[i + 1] - ownStart[i];
  }
  const res = new Int32Array(start[n]);
  const score = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) {
    const g = rowGrid[i];
    if (g) {
      res.set(g.res.subarray(0, g.n), start[i]);
      score.set(g.score.subarray(0, g.n), start[i]);
    }
    res.set(own.res.subarray(ownStart[i], ownStart[i + 1]), ownAt[i]);
    score.set(own.score.subarray(ownStart[i], ownStart[i + 1]), ownAt[i]);
  }
  return { start, own: ownAt, res, score };
}
