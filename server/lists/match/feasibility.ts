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

interface CategoryIndex {
  byGrid: Map<string, Int32Array>;
  /** Located needs sorted by latitude, for a band search around a radius centre. */
  located: Int32Array;
  lats: Float64Array;
  lngs: Float64Array;
  /** cos(latitude), for haversine without recomputing it per pair. */
  cosLats: Float64Array;
}

function indexNeeds(needs: Need[]): Map<string, CategoryIndex> {
  const groups = new Map<string, number[]>();
  needs.forEach((n, i) => {
    const g = groups.get(n.category);
    if (g) g.push(i);
    else groups.set(n.category, [i]);
  });
  const out = new Map<string, CategoryIndex>();
  for (const [category, idx] of groups) {
    const byGrid = new Map<string, number[]>();
    for (const i of idx) {
      const list = byGrid.get(needs[i].gridId);
      if (list) list.push(i);
      else byGrid.set(needs[i].gridId, [i]);
    }
    const located = Int32Array.from(idx.filter((i) => needs[i].location).sort((a, b) => needs[a].location!.lat - needs[b].location!.lat));
    out.set(category, {
      byGrid: new Map([...byGrid].map(([g, list]) => [g, Int32Array.from(list)])),
      located,
      lats: Float64Array.from(located, (i) => needs[i].location!.lat),
      lngs: Float64Array.from(located, (i) => needs[i].location!.lng),
      cosLats: Float64Array.from(located, (i) => Math.cos(needs[i].location!.lat * RAD)),
    });
  }
  return out;
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Growable parallel arrays of pairs (typed, so a million pairs stay small and cheap to collect). */
class PairBuffer {
  n = 0;
  need = new Int32Array(1 << 16);
  res = new Int32Array(1 << 16);
  score = new Int32Array(1 << 16);
  grid = new Uint8Array(1 << 16);

  push(i: number, r: number, s: number, grid: number) {
    if (this.n === this.need.length) this.grow();
    const k = this.n++;
    this.need[k] = i;
    this.res[k] = r;
    this.score[k] = s;
    this.grid[k] = grid;
  }

  private grow() {
    const size = this.need.length * 2;
    const need = new Int32Array(size);
    need.set(this.need);
    const res = new Int32Array(size);
    res.set(this.res);
    const score = new Int32Array(size);
    score.set(this.score);
    const grid = new Uint8Array(size);
    grid.set(this.grid);
    this.need = need;
    this.res = res;
    this.score = score;
    this.grid = grid;
  }
}

/**
 * All feasible pairs, without testing every need against every resource: needs are indexed by
 * category, then by grid (for listed grids) and by latitude (for a radius).
 */
export function feasiblePairs(needs: Need[], resources: Resource[], related: RelatedMap): Pairs {
  const index = indexNeeds(needs);
  // stamp[i] === r once need i is paired with resource r (a need can be in a listed grid and in the radius).
  const stamp = new Int32Array(needs.length).fill(-1);
  const buf = new PairBuffer();
  const sameGrid = SAME_GRID;

  for (let r = 0; r < resources.length; r++) {
    const { gridIds, center, radiusM } = resources[r].area;
    for (const [category, { fit }] of servedCategories(resources[r], related)) {
      const idx = index.get(category);
      if (!idx) continue;
      // Grid pairs first: they score above any radius pair, so a need found both ways is a grid pair.
      for (const g of gridIds ?? []) {
        const list = idx.byGrid.get(g);
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const i = list[k];
          if (stamp[i] === r) continue;
          stamp[i] = r;
          buf.push(i, r, fit + sameGrid, 1);
        }
      }
      if (!center || !radiusM || radiusM <= 0) continue;
      const dLat = radiusM / M_PER_DEG;
      const dLng = dLat / Math.cos(Math.min(89.9, Math.abs(center.lat) + dLat) * RAD);
      const { located, lats, lngs, cosLats } = idx;
      const hiLat = center.lat + dLat;
      const cosC = Math.cos(center.lat * RAD);
      for (let k = lowerBound(lats, center.lat - dLat); k < located.length && lats[k] <= hiLat; k++) {
        const i = located[k];
        if (stamp[i] === r || Math.abs(lngs[k] - center.lng) > dLng) continue;
        // haversineM, inlined with the cosines precomputed (same operations, so the same result).
        const sLat = Math.sin(((lats[k] - center.lat) * RAD) / 2);
        const sLng = Math.sin(((lngs[k] - center.lng) * RAD) / 2);
        const d = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(sLat ** 2 + cosC * cosLats[k] * sLng ** 2)));
        if (d > radiusM) continue;
        stamp[i] = r;
        buf.push(i, r, fit + radiusProximity(d, radiusM), 0);
      }
    }
  }

  // Counting sort into rows by need, grid pairs first.
  const n = needs.length;
  const m = buf.n;
  const start = new Int32Array(n + 1);
  const own = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    start[buf.need[e] + 1]++;
    own[buf.need[e]] += buf.grid[e];
  }
  for (let i = 0; i < n; i++) {
    start[i + 1] += start[i];
    own[i] += start[i];
  }
  const fillGrid = start.slice(0, n);
  const fillOwn = own.slice();
  const res = new Int32Array(m);
  const score = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const i = buf.need[e];
    const at = buf.grid[e] ? fillGrid[i]++ : fillOwn[i]++;
    res[at] = buf.res[e];
    score[at] = buf.score[e];
  }
  return { start, own, res, score };
}
