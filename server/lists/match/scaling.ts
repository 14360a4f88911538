import type { FlowProblem } from './flow';

/**
 * The same min-cost flow as flow.ts, by Goldberg's cost scaling (push–relabel on ε-optimal
 * pseudoflows). Costs are multiplied by M = (nodes + 1) so that the last phase, ε = 1, is exact.
 * Provider→sink units are grouped into parallel arcs by distinct loadCost (convex, capped).
 */
export function solveFlowScaling(p: FlowProblem, alpha = 8): Int32Array {
  const N = p.needs;
  const R = p.resources;
  const P = p.providers;
  const RES0 = N;
  const PRV0 = N + R;
  const SINK = N + R + P;
  const V = SINK + 1;
  const M = V + 1;
  const { start, res, value, cap, owner } = p;

  // Provider sink arcs: one per distinct marginal cost, with the count of units at that cost.
  const provCap = new Int32Array(P);
  for (let r = 0; r < R; r++) provCap[owner[r]] += cap[r];
  const provArcs: number[][] = []; // per provider: [cost, units, cost, units, …]
  for (let q = 0; q < P; q++) {
    const list: number[] = [];
    for (let k = 1; k <= provCap[q]; k++) {
      const c = p.loadCost(k);
      if (list.length && list[list.length - 2] === c) list[list.length - 1]++;
      else list.push(c, 1);
    }
    provArcs.push(list);
  }

  // CSR with reverse arcs. Need i's pair arcs come first, in pair order, then its unmatched arc.
  const deg = new Int32Array(V + 1);
  const E = start[N];
  for (let i = 0; i < N; i++) deg[i] += start[i + 1] - start[i] + 1;
  for (let e = 0; e < E; e++) deg[RES0 + res[e]]++;
  deg[SINK] += N;
  for (let r = 0; r < R; r++) {
    deg[RES0 + r]++;
    deg[PRV0 + owner[r]]++;
  }
  for (let q = 0; q < P; q++) {
    deg[PRV0 + q] += provArcs[q].length / 2;
    deg[SINK] += provArcs[q].length / 2;
  }
  const first = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) first[v + 1] = first[v] + deg[v];
  const A = first[V];
  const to = new Int32Array(A);
  const cost = new Float64Array(A);
  const rcap = new Int32Array(A);
  const rev = new Int32Array(A);
  const fill = first.slice(0, V);
  const addArc = (u: number, v: number, c: number, k: number) => {
    const a = fill[u]++;
    const b = fill[v]++;
    to[a] = v;
    cost[a] = c;
    rcap[a] = k;
    rev[a] = b;
    to[b] = u;
    cost[b] = -c;
    rcap[b] = 0;
    rev[b] = a;
  };
  let maxCost = 0;
  for (let i = 0; i < N; i++) {
    for (let e = start[i]; e < start[i + 1]; e++) {
      addArc(i, RES0 + res[e], -value[e] * M, 1);
      maxCost = Math.max(maxCost, value[e] * M);
    }
    addArc(i, SINK, 0, 1);
  }
  for (let r = 0; r < R; r++) addArc(RES0 + r, PRV0 + owner[r], 0, cap[r]);
  for (let q = 0; q < P; q++) {
    const list = provArcs[q];
    for (let t = 0; t < list.length; t += 2) {
      addArc(PRV0 + q, SINK, list[t] * M, list[t + 1]);
      maxCost = Math.max(maxCost, list[t] * M);
    }
  }

  const price = new Float64Array(V);
  const excess = new Int32Array(V);
  const current = new Int32Array(V);
  const queue = new Int32Array(V + 1); // circular FIFO of active nodes
  const inQueue = new Uint8Array(V);
  let qHead = 0;
  let qTail = 0;
  const enqueue = (v: number) => {
    if (inQueue[v]) return;
    inQueue[v] = 1;
    queue[qTail] = v;
    qTail = qTail === V ? 0 : qTail + 1;
  };

  const stat = { scanN: 0, scanR: 0, scanP: 0, scanS: 0, relN: 0, relR: 0, relP: 0, relS: 0, push: 0 };
  const refine = (eps: number) => {
    // Supplies, then saturate every arc with negative reduced cost, then discharge.
    for (let v = 0; v < N; v++) excess[v] = 1;
    for (let v = N; v < V; v++) excess[v] = 0;
    excess[SINK] = -N;
    // Excess from the current flow: flow on arc a is the residual of its reverse, for original arcs.
    for (let u = 0; u < V; u++) {
      const pu = price[u];
      for (let a = first[u]; a < first[u + 1]; a++) {
        if (rcap[a] > 0 && cost[a] + pu - price[to[a]] < 0) {
          const k = rcap[a];
          rcap[a] = 0;
          rcap[rev[a]] += k;
        }
      }
    }
    for (let u = 0; u < V; u++) {
      for (let a = first[u]; a < first[u + 1]; a++) {
        // Original arcs have cost ≥ … not a test: an arc is original iff it is the forward copy.
        if (isForward[a]) {
          const f = rcap[rev[a]];
          excess[u] -= f;
          excess[to[a]] += f;
        }
      }
    }
    qHead = qTail = 0;
    for (let v = 0; v < V; v++) {
      current[v] = first[v];
      if (excess[v] > 0) enqueue(v);
    }
    while (qHead !== qTail) {
      const u = queue[qHead];
      qHead = qHead === V ? 0 : qHead + 1;
      inQueue[u] = 0;
      // Discharge u.
      let pu = price[u];
      const end = first[u + 1];
      if (u < RES0) {
        // A need holds one unit: push it along its best arc, and price it at the second best
        // (the highest price that keeps its remaining arcs ε-optimal), in one scan.
        let best = -Infinity;
        let second = -Infinity;
        let ba = -1;
        for (let a = first[u]; a < end; a++) {
          if (rcap[a] > 0) {
            const x = price[to[a]] - cost[a];
            if (x > best) {
              second = best;
              best = x;
              ba = a;
            } else if (x > second) second = x;
          }
        }
        stat.scanN += end - first[u];
        if (best <= pu) stat.relN++;
        const v = to[ba];
        rcap[ba] = 0;
        rcap[rev[ba]] += 1;
        excess[u] = 0;
        excess[v] += 1;
        if (excess[v] > 0) enqueue(v);
        if (second - eps < pu) price[u] = second - eps;
        continue;
      }
      while (excess[u] > 0) {
        let a = current[u];
        const a0 = a;
        for (; a < end; a++) {
          if (rcap[a] > 0 && cost[a] + pu - price[to[a]] < 0) break;
        }
        const sc = a - a0 + 1;
        if (u < RES0) stat.scanN += sc; else if (u < PRV0) stat.scanR += sc; else if (u < SINK) stat.scanP += sc; else stat.scanS += sc;
        if (a < end) {
          const v = to[a];
          const d = Math.min(excess[u], rcap[a]);
          rcap[a] -= d;
          rcap[rev[a]] += d;
          excess[u] -= d;
          excess[v] += d;
          if (excess[v] > 0) enqueue(v);
          current[u] = a;
        } else {
          // Relabel: the highest price that keeps every residual arc ε-optimal.
          if (u < RES0) stat.relN++; else if (u < PRV0) stat.relR++; else if (u < SINK) stat.relP++; else stat.relS++;
          let best = -Infinity;
          for (let b = first[u]; b < end; b++) {
            if (rcap[b] > 0) {
              const x = price[to[b]] - cost[b];
              if (x > best) best = x;
            }
          }
          pu = price[u] = best - eps;
          current[u] = first[u];
        }
      }
    }
  };

  const isForward = new Uint8Array(A);
  for (let u = 0; u < V; u++) for (let a = first[u]; a < first[u + 1]; a++) if (rcap[a] > 0) isForward[a] = 1;

  let eps = maxCost;
  for (;;) {
    eps = Math.max(1, Math.floor(eps / alpha));
    refine(eps);
    if (process.env.STAT) console.log(eps, JSON.stringify(stat));
    if (eps === 1) break;
  }

  const assigned = new Int32Array(N).fill(-1);
  for (let i = 0; i < N; i++) {
    for (let e = start[i]; e < start[i + 1]; e++) {
      if (rcap[first[i] + (e - start[i])] === 0) assigned[i] = e;
    }
  }
  return assigned;
}
