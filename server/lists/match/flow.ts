import { ARC, FAR as FAR_, SortedRows } from './rows';

// Local copies: under CommonJS interop (tsx, ts-jest) an imported binding is read through a
// getter, which costs more than the rest of the hot loops.
const { KEY, RES, VAL, REF } = ARC;
const FAR = FAR_;

/**
 * Exact capacity-aware assignment with a convex per-provider cost, as a min-cost flow:
 *
 *   need i ──(1, −value)──▶ resource r ──(cap r, 0)──▶ provider p ──(k-th unit, loadCost k)──▶ sink
 *      └──────────────────────────(1, 0: stay unmatched)──────────────────────────────────────▶
 *
 * Every need sends one unit, to a resource or down its own zero-cost "unmatched" arc, so the
 * min-cost flow is the max-value assignment where needs may stay unmatched. The provider's
 * parallel sink arcs have non-decreasing costs (convex), so a min-cost flow fills them in order:
 * only the current marginal arc is ever needed, forward at loadCost(load+1).
 *
 * Successive shortest paths, one need at a time (as in the Jonker–Volgenant assignment method):
 * if the flow so far is min-cost for the needs already added, adding need s and augmenting along a
 * shortest s→sink path in the residual graph keeps it min-cost. Paths are found with Dijkstra on
 * reduced costs c(u,v) + π(u) − π(v) ≥ 0; Dijkstra stops at the sink, and only the nodes it
 * settled get π(v) += d(v) − d(sink), which keeps every reduced cost non-negative. Each search is
 * bounded by the need's own "unmatched" arc, so it stays local unless a long chain of bumps pays.
 *
 * All costs are integers, so the result is exactly optimal, and the reduced distances are small
 * integers, so Dijkstra runs on a bucket queue.
 *
 * Speed (the search touches little, and touches it in order):
 * - Needs of the same category and grid reach the resources listing that grid through the same
 *   pairs, valued alike up to the need's own part. Those pairs are one row per group, and in one
 *   search only the group's need with the least (distance + potential − own part) can improve those
 *   resources, so the others skip the row.
 * - Rows are sorted by a lower bound of each arc's reduced cost (rows.ts), so a need reads only the
 *   arcs that can beat the sink's distance, not the many leading to resources priced out of reach.
 * - What a resource's slot needs (the held need and the value of its pair) sits in small arrays
 *   indexed by need, not behind a lookup in the million-pair arrays.
 */

export interface FlowProblem {
  needs: number;
  resources: number;
  providers: number;
  /** Rows by need: the pairs of need i are start[i] .. start[i+1]. */
  start: Int32Array;
  /** Pair → resource. */
  res: Int32Array;
  /** Pair → value gained by assigning it (> 0 to be worth anything). */
  value: Int32Array;
  /** Resource → capacity. */
  cap: Int32Array;
  /** Resource → provider. */
  owner: Int32Array;
  /** Cost of a provider's k-th unit, k ≥ 1; non-decreasing in k and ≥ 0. */
  loadCost: (k: number) => number;
  /**
   * Optional, for speed: needs in the same group share the pairs start[i] .. own[i] (same
   * resources, same value less the need's own part base[i]); own[i] .. start[i+1] are theirs alone.
   */
  groups?: { count: number; of: Int32Array; own: Int32Array; base: Int32Array };
}

/**
 * A bucket queue (Dial's) of nodes by small non-negative integer keys, with lazy deletion: keys in
 * one search are bounded by the source's own "unmatched" arc, so pushes and pops are O(1).
 */
class Buckets {
  head = new Int32Array(64).fill(-1);
  next = new Int32Array(1024);
  node = new Int32Array(1024);
  used = 0;
  cursor = 0;
  top = -1;

  clear() {
    for (let k = this.cursor; k <= this.top; k++) this.head[k] = -1;
    this.used = 0;
    this.cursor = 0;
    this.top = -1;
  }

  push(key: number, v: number) {
    if (key >= this.head.length) {
      const h = new Int32Array(Math.max(key + 1, this.head.length * 2)).fill(-1);
      h.set(this.head);
      this.head = h;
    }
    if (this.used === this.node.length) {
      const n = new Int32Array(this.used * 2);
      n.set(this.node);
      this.node = n;
      const x = new Int32Array(this.used * 2);
      x.set(this.next);
      this.next = x;
    }
    const e = this.used++;
    this.node[e] = v;
    this.next[e] = this.head[key];
    this.head[key] = e;
    if (key > this.top) this.top = key;
    if (key < this.cursor) this.cursor = key;
  }

  /** The node with the least key, or −1 when empty. */
  pop(): number {
    while (this.cursor <= this.top) {
      const e = this.head[this.cursor];
      if (e >= 0) {
        this.head[this.cursor] = this.next[e];
        return this.node[e];
      }
      this.cursor++;
    }
    return -1;
  }
}

/**
 * Where a solve stands: the pair per need (or −1) and the potentials after the first `next` needs
 * of the order were added. The flow so far is min-cost for those needs, so a solve can stop here
 * and go on later, in another process, from this alone (the sorted rows are rebuilt: potentials
 * only ever go down from 0, so keys at −value are still lower bounds).
 */
export interface FlowState {
  assigned: Int32Array;
  pot: Int32Array;
  next: number;
}

/** How many needs are added between two looks at the clock. */
const STOP_EVERY = 64;

/** A row whose stale bounds let this many arcs through that then fail is re-keyed (rows.ts). */
const STALE_READS = 4;

/**
 * Solves the problem; the result's `assigned` gives, for each need, the index of its assigned pair
 * or −1. `order` is the sequence in which needs are added (any order gives the same optimal total).
 * With `from`, goes on from a state an earlier call returned (same problem, same order); with
 * `stop`, returns early (next < needs) as soon as it answers true.
 */
export function solveFlow(p: FlowProblem, order?: ArrayLike<number>, from?: FlowState, stop?: () => boolean): FlowState {
  const N = p.needs;
  const R = p.resources;
  const P = p.providers;
  const RES0 = N; // resource r is node RES0 + r
  const PRV0 = N + R; // provider q is node PRV0 + q
  const SINK = N + R + P;
  const V = SINK + 1;
  const { start, res, value, cap, owner } = p;
  const groups = p.groups ?? { count: 0, of: new Int32Array(N).fill(-1), own: start.subarray(0, N), base: new Int32Array(N) };
  const { of: groupOf, own, base } = groups;

  // Resources of each provider, and slots holding the needs assigned to each resource.
  const provStart = new Int32Array(P + 1);
  for (let r = 0; r < R; r++) provStart[owner[r] + 1]++;
  for (let q = 0; q < P; q++) provStart[q + 1] += provStart[q];
  const provRes = new Int32Array(R);
  const provFill = provStart.slice(0, P);
  for (let r = 0; r < R; r++) provRes[provFill[owner[r]]++] = r;
  const provCap = new Int32Array(P);
  for (let r = 0; r < R; r++) provCap[owner[r]] += cap[r];
  let maxProvCap = 0;
  for (let q = 0; q < P; q++) maxProvCap = Math.max(maxProvCap, provCap[q]);
  const marginal = new Int32Array(maxProvCap + 2);
  for (let k = 1; k < marginal.length; k++) marginal[k] = p.loadCost(k);

  const slotStart = new Int32Array(R + 1);
  for (let r = 0; r < R; r++) slotStart[r + 1] = slotStart[r] + Math.max(0, cap[r]);
  const slots = new Int32Array(slotStart[R]);
  const count = new Int32Array(R);
  const load = new Int32Array(P);
  const assigned = from ? Int32Array.from(from.assigned) : new Int32Array(N).fill(-1); // pair index, or −1
  const held = new Int32Array(N); // value of the assigned pair
  for (let i = 0; i < N; i++) {
    const e = assigned[i];
    if (e < 0) continue;
    const r = res[e];
    held[i] = value[e];
    slots[slotStart[r] + count[r]++] = i;
    load[owner[r]]++;
  }

  // The shared pairs, once per group (from its first need: the others list the same, in the same
  // order), with their offset in each need's row; and each need's own pairs.
  const first = new Int32Array(groups.count).fill(-1);
  for (let i = N - 1; i >= 0; i--) if (groupOf[i] >= 0) first[groupOf[i]] = i;
  const shared = new SortedRows(groups.count, (g) => (first[g] < 0 ? [0, 0] : [start[first[g]], own[first[g]]]), res, value, (e, g) => e - start[first[g]]);
  // Shared rows hold the group's part of the value: the need's own part is added in the search.
  for (let g = 0; g < groups.count; g++) {
    const i = first[g];
    if (i < 0) continue;
    for (let t = 4 * shared.start[g]; t < 4 * shared.start[g + 1]; t += 4) {
      shared.arcs[t + VAL] -= base[i];
      shared.arcs[t + KEY] += base[i];
    }
    shared.least[g] += base[i]; // the same shift for all: the order stands
  }
  const ownRows = new SortedRows(N, (i) => [groupOf[i] >= 0 ? own[i] : start[i], start[i + 1]], res, value, (e) => e);

  const pot = from ? Int32Array.from(from.pot) : new Int32Array(V);
  const dist = new Int32Array(V);
  const seen = new Int32Array(V); // == round: dist set this round
  const done = new Int32Array(V); // == round: settled this round
  const parent = new Int32Array(V);
  const parentPair = new Int32Array(V);
  const settled = new Int32Array(V);
  const queue = new Buckets();
  let round = 0;
  // Per group, this round: the least h = d + π − base among its settled needs, and where in the
  // group's row is the shared pair that need skipped (its own assignment), or −1.
  const groupRound = new Int32Array(groups.count);
  const groupH = new Int32Array(groups.count);
  const skipArc = new Int32Array(groups.count);

  // Keys are 4·d + rank, and ties are frequent (many scores are equal): the sink comes first, so
  // the search stops as soon as it is at the least distance instead of settling the tie; then
  // providers; then needs before resources, so the resources a need can move to are seen before
  // a full resource's needs are bumped in turn (a quarter fewer nodes settled on the benchmark).
  // Nothing at or beyond the sink's tentative distance can come before it, so it is not queued.
  // A resource with room and a provider are looked through at once, to their provider and the
  // sink: the sink's distance falls as soon as a way out is seen, and fewer nodes are queued.
  const relax = (v: number, d: number, from: number, pair: number) => {
    if (v !== SINK && d >= dist[SINK]) return;
    if (seen[v] === round && d >= dist[v]) return;
    seen[v] = round;
    dist[v] = d;
    parent[v] = from;
    parentPair[v] = pair;
    if (v >= PRV0) {
      if (v === SINK) queue.push(4 * d, v);
      else {
        queue.push(4 * d + 1, v);
        relax(SINK, d + marginal[load[v - PRV0] + 1] + pot[v] - pot[SINK], v, -1);
      }
    } else if (v >= RES0) {
      queue.push(4 * d + 3, v);
      const r = v - RES0;
      if (count[r] < cap[r]) relax(PRV0 + owner[r], d + pot[v] - pot[PRV0 + owner[r]], v, -1);
    } else queue.push(4 * d + 2, v);
  };

  /** Relaxes the arcs out of a settled need u. */
  const expandNeed = (u: number, du: number) => {
    const pu = pot[u];
    const cur = assigned[u];
    const g = groupOf[u];
    const dSink = dist[SINK]; // only the sink's own relax moves it, and that comes last
    if (g >= 0) {
      // Shared pairs give every resource d = h − (shared value − base) − π(r): only the group's
      // need with the least h matters, so later ones skip them (but for what it skipped).
      const h = du + pu - base[u];
      const row0 = start[u];
      const arcs = shared.arcs;
      if (groupRound[g] === round && h >= groupH[g]) {
        const t = skipArc[g];
        if (t >= 0 && row0 + arcs[t + REF] !== cur) relax(RES0 + arcs[t + RES], h - arcs[t + VAL] - pot[RES0 + arcs[t + RES]], u, row0 + arcs[t + REF]);
      } else {
        groupRound[g] = round;
        groupH[g] = h;
        skipArc[g] = -1;
        let stale = 0;
        let t = 4 * shared.start[g];
        if (h + shared.least[g] < dSink) {
          for (const end = 4 * shared.start[g + 1]; t < end && h + arcs[t + KEY] < dSink; t += 4) {
            const v = RES0 + arcs[t + RES];
            const d = h - arcs[t + VAL] - pot[v];
            if (d >= dSink) stale++;
            else if (row0 + arcs[t + REF] === cur) skipArc[g] = t;
            else relax(v, d, u, row0 + arcs[t + REF]);
          }
        }
        if (stale > STALE_READS) {
          const skipped = skipArc[g] >= 0 ? arcs[skipArc[g] + REF] : -1;
          shared.rekey(g, t, pot, RES0);
          // The row moved: find the skipped arc again (only when u holds a shared pair).
          if (skipped >= 0) for (let t = 4 * shared.start[g], end = 4 * shared.start[g + 1]; t < end; t += 4) if (arcs[t + REF] === skipped) skipArc[g] = t;
        }
      }
    }
    // The hot loop: the stale bound is tested first, before anything is looked up per resource;
    // relax() would refuse the same arcs.
    const c = du + pu;
    if (c + ownRows.least[u] < dSink) {
      const arcs = ownRows.arcs;
      let stale = 0;
      let t = 4 * ownRows.start[u];
      for (const end = 4 * ownRows.start[u + 1]; t < end && c + arcs[t + KEY] < dSink; t += 4) {
        const v = RES0 + arcs[t + RES];
        const d = c - arcs[t + VAL] - pot[v];
        if (d >= dSink) stale++;
        else if (arcs[t + REF] !== cur) relax(v, d, u, arcs[t + REF]);
      }
      if (stale > STALE_READS) ownRows.rekey(u, t, pot, RES0);
    }
    relax(SINK, c - pot[SINK], u, -1);
  };

  const removeSlot = (r: number, need: number) => {
    const s0 = slotStart[r];
    const last = s0 + --count[r];
    for (let t = s0; t <= last; t++) {
      if (slots[t] === need) {
        slots[t] = slots[last];
        return;
      }
    }
  };

  for (let k = from?.next ?? 0; k < N; k++) {
    if (stop && k % STOP_EVERY === 0 && k > (from?.next ?? 0) && stop()) return { assigned, pot, next: k };
    const s = order ? order[k] : k;
    if (start[s] === start[s + 1]) continue;
    // A new node: a potential high enough that all its arcs have non-negative reduced cost.
    let ps = pot[SINK];
    for (let e = start[s]; e < start[s + 1]; e++) ps = Math.max(ps, pot[RES0 + res[e]] + value[e]);
    pot[s] = ps;

    round++;
    queue.clear();
    let nSettled = 0;
    // The sink's distance bounds the search; the source's "unmatched" arc sets it first.
    dist[SINK] = FAR;
    relax(s, 0, -1, -1);
    for (;;) {
      const u = queue.pop();
      if (done[u] === round) continue;
      done[u] = round;
      if (u === SINK) break;
      settled[nSettled++] = u;
      const du = dist[u];
      const pu = pot[u];
      if (u < RES0) {
        expandNeed(u, du);
      } else if (u < PRV0) {
        // Resource: back to each need it holds (relax() has already gone on to its provider).
        const r = u - RES0;
        const c = du + pu;
        const dSink = dist[SINK];
        for (let t = slotStart[r], end = t + count[r]; t < end; t++) {
          const v = slots[t];
          const d = c + held[v] - pot[v];
          if (d < dSink) relax(v, d, u, -1);
        }
      } else {
        // Provider: back to its resources holding needs (relax() has already tried the sink).
        const q = u - PRV0;
        for (let t = provStart[q]; t < provStart[q + 1]; t++) {
          const r = provRes[t];
          if (count[r] === 0) continue;
          const v = RES0 + r;
          relax(v, du + pu - pot[v], u, -1);
        }
      }
    }

    // Settled nodes move by d − D ≤ 0: reduced costs stay ≥ 0 and those on the path become 0.
    // Potentials only ever go down, which is what keeps the rows' stale keys lower bounds.
    const D = dist[SINK];
    for (let t = 0; t < nSettled; t++) pot[settled[t]] += dist[settled[t]] - D;

    // Augment, walking back from the sink so a resource frees a slot before it takes one.
    for (let v = SINK; v !== s; ) {
      const u = parent[v];
      if (u < RES0) {
        if (v === SINK) assigned[u] = -1; // unmatched, or bumped out
        else {
          const r = v - RES0;
          const e = parentPair[v];
          assigned[u] = e;
          held[u] = value[e];
          slots[slotStart[r] + count[r]++] = u;
        }
      } else if (u < PRV0) {
        if (v < RES0) removeSlot(u - RES0, v); // the resource gives need v up
      } else if (v === SINK) {
        load[u - PRV0]++;
      }
      v = u;
    }
  }
  return { assigned, pot, next: N };
}
