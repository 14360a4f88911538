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
  /** Need → its group (category and grid), numbered 0 .. groups − 1. */
  group: Int32Array;
  groups: number;
}

/** A growable pair of typed arrays: a resource and a score per entry. */
class ResScore {
  n = 0;
  res = new Int32Array(1 << 12);
  score = new Int32Array(1 << 12);

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

function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/**
 * All feasible pairs, without testing every need against every resource. Grid pairs are collected
 * once per category and grid and copied into the rows of the needs there; radius pairs are found
 * per located need among the radius resources of its category, boxed by latitude and longitude
 * before the distance is computed. Categories and grids are numbered first, so the loops that run
 * a million times touch only typed arrays.
 */
export function feasiblePairs(needs: Need[], resources: Resource[], related: RelatedMap): Pairs {
  const n = needs.length;
  const R = resources.length;
  const categoryIds = new Map<string, number>();
  const gridIds = new Map<string, number>();
  const needCategory = Int32Array.from(needs, (need) => idOf(categoryIds, need.category));
  const needGrid = Int32Array.from(needs, (need) => idOf(gridIds, need.gridId));
  const C = categoryIds.size;
  const G = gridIds.size;
  const groupAt = new Int32Array(C * G).fill(-1);
  let groups = 0;
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = needCategory[i] * G + needGrid[i];
    if (groupAt[k] < 0) groupAt[k] = groups++;
    group[i] = groupAt[k];
  }

  // Per resource: the needs' categories it serves (with the fit), and the needs' grids it lists.
  const servedStart = new Int32Array(R + 1);
  const servedList: number[] = [];
  const listsStart = new Int32Array(R + 1);
  const listsGrid: number[] = [];
  for (let r = 0; r < R; r++) {
    for (const [category, { fit }] of servedCategories(resources[r], related)) {
      const c = categoryIds.get(category);
      if (c !== undefined) servedList.push(c, fit);
    }
    servedStart[r + 1] = servedList.length;
    for (const g of new Set(resources[r].area.gridIds ?? [])) {
      const id = gridIds.get(g);
      if (id !== undefined) listsGrid.push(id);
    }
    listsStart[r + 1] = listsGrid.length;
  }

  // Grid pairs once per group, in resource order: counted, then filled.
  const groupStart = new Int32Array(groups + 1);
  const eachGridPair = (visit: (k: number, r: number, score: number) => void) => {
    for (let r = 0; r < R; r++) {
      for (let s = servedStart[r]; s < servedStart[r + 1]; s += 2) {
        for (let t = listsStart[r]; t < listsStart[r + 1]; t++) {
          const k = groupAt[servedList[s] * G + listsGrid[t]];
          if (k >= 0) visit(k, r, servedList[s + 1] + SAME_GRID);
        }
      }
    }
  };
  eachGridPair((k) => groupStart[k + 1]++);
  for (let k = 0; k < groups; k++) groupStart[k + 1] += groupStart[k];
  const groupFill = groupStart.slice(0, groups);
  const groupRes = new Int32Array(groupStart[groups]);
  const groupScore = new Int32Array(groupStart[groups]);
  eachGridPair((k, r, score) => {
    groupRes[groupFill[k]] = r;
    groupScore[groupFill[k]++] = score;
  });

  // Radius resources by category, as parallel arrays.
  const radiusStart = new Int32Array(C + 1);
  const radial = (r: number) => {
    const { center, radiusM } = resources[r].area;
    return !!center && !!radiusM && radiusM > 0;
  };
  for (let r = 0; r < R; r++) if (radial(r)) for (let s = servedStart[r]; s < servedStart[r + 1]; s += 2) radiusStart[servedList[s] + 1]++;
  for (let c = 0; c < C; c++) radiusStart[c + 1] += radiusStart[c];
  const m = radiusStart[C];
  const rRes = new Int32Array(m);
  const rFit = new Int32Array(m);
  const rLat = new Float64Array(m);
  const rLng = new Float64Array(m);
  const rCos = new Float64Array(m);
  const rDLat = new Float64Array(m);
  const rDLng = new Float64Array(m);
  const rRadius = new Float64Array(m);
  const radiusFill = radiusStart.slice(0, C);
  for (let r = 0; r < R; r++) {
    if (!radial(r)) continue;
    const { center, radiusM } = resources[r].area as Required<Resource['area']>;
    const dLat = radiusM / M_PER_DEG;
    for (let s = servedStart[r]; s < servedStart[r + 1]; s += 2) {
      const x = radiusFill[servedList[s]]++;
      rRes[x] = r;
      rFit[x] = servedList[s + 1];
      rLat[x] = center.lat;
      rLng[x] = center.lng;
      rCos[x] = Math.cos(center.lat * RAD);
      rDLat[x] = dLat;
      rDLng[x] = dLat / Math.cos(Math.min(89.9, Math.abs(center.lat) + dLat) * RAD);
      rRadius[x] = radiusM;
    }
  }

  // Radius pairs per located need, kept apart until the rows' sizes are known. A resource that
  // lists the need's grid already has it as a grid pair.
  const ownStart = new Int32Array(n + 1);
  const own = new ResScore();
  for (let i = 0; i < n; i++) {
    const loc = needs[i].location;
    if (loc) {
      const lat = loc.lat;
      const lng = loc.lng;
      const cosLat = Math.cos(lat * RAD);
      const g = needGrid[i];
      for (let x = radiusStart[needCategory[i]], end = radiusStart[needCategory[i] + 1]; x < end; x++) {
        if (Math.abs(lat - rLat[x]) > rDLat[x] || Math.abs(lng - rLng[x]) > rDLng[x]) continue;
        const r = rRes[x];
        let listed = false;
        for (let t = listsStart[r]; t < listsStart[r + 1] && !listed; t++) listed = listsGrid[t] === g;
        if (listed) continue;
        // haversineM with the cosines precomputed (the same operations, so the same result).
        const sLat = Math.sin(((lat - rLat[x]) * RAD) / 2);
        const sLng = Math.sin(((lng - rLng[x]) * RAD) / 2);
        const d = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(sLat ** 2 + rCos[x] * cosLat * sLng ** 2)));
        if (d <= rRadius[x]) own.push(r, rFit[x] + radiusProximity(d, rRadius[x]));
      }
    }
    ownStart[i + 1] = own.n;
  }

  // Rows: the group's grid pairs, then the need's own.
  const start = new Int32Array(n + 1);
  const ownAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    ownAt[i] = start[i] + groupStart[group[i] + 1] - groupStart[group[i]];
    start[i + 1] = ownAt[i] + ownStart[i + 1] - ownStart[i];
  }
  const res = new Int32Array(start[n]);
  const score = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) {
    let at = start[i];
    for (let e = groupStart[group[i]], end = groupStart[group[i] + 1]; e < end; e++, at++) {
      res[at] = groupRes[e];
      score[at] = groupScore[e];
    }
    for (let e = ownStart[i], end = ownStart[i + 1]; e < end; e++, at++) {
      res[at] = own.res[e];
      score[at] = own.score[e];
    }
  }
  return { start, own: ownAt, res, score, group, groups };
}
