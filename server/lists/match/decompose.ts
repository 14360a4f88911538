import type { FlowProblem } from './flow';

/**
 * Splits the problem into independent sub-problems: connected components of the graph whose nodes
 * are needs, resources and providers, with an edge per feasible pair and from each resource to its
 * provider (a provider's load cost ties its resources together). Categories with no shared provider
 * and areas with no shared resource fall apart here. No path of the flow crosses a component, so
 * solving each alone is exact; each is small, and a long run can be cut between components.
 */

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

export interface Component {
  /** Needs (global indices, ascending) with at least one feasible pair. */
  needs: Int32Array;
  /** The sub-problem; when `pairs` is absent, the whole problem itself (local indices are global). */
  problem: FlowProblem;
  /** Local pair index → global pair index; absent when they are the same (the whole problem). */
  pairs?: Int32Array;
}

export function decompose(p: FlowProblem): Component[] {
  const { needs: N, resources: R, start, res, owner } = p;
  const parent = Int32Array.from({ length: N + R + p.providers }, (_, i) => i);
  const union = (a: number, b: number) => {
    const x = find(parent, a);
    const y = find(parent, b);
    if (x !== y) parent[x] = y;
  };
  for (let r = 0; r < R; r++) union(N + r, N + R + owner[r]);
  // Needs of a group share their grid pairs: the group's first need joins them, the others join it.
  const firstOf = new Int32Array(p.groups?.count ?? 0).fill(-1);
  for (let i = 0; i < N; i++) {
    let e = start[i];
    const g = p.groups ? p.groups.of[i] : -1;
    if (g >= 0 && start[i] < p.groups!.own[i]) {
      if (firstOf[g] >= 0) {
        union(i, firstOf[g]);
        e = p.groups!.own[i];
      } else firstOf[g] = i;
    }
    for (; e < start[i + 1]; e++) union(i, N + res[e]);
  }

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < N; i++) {
    if (start[i] === start[i + 1]) continue;
    const root = find(parent, i);
    const list = byRoot.get(root);
    if (list) list.push(i);
    else byRoot.set(root, [i]);
  }

  // All in one piece (common in a community where units serve many grids): no copy to make.
  if (byRoot.size === 1) return [{ needs: Int32Array.from(byRoot.values().next().value!), problem: p }];

  // Local numbering of resources and providers, reused across components (-1 = not yet seen).
  const localRes = new Int32Array(R).fill(-1);
  const localProv = new Int32Array(p.providers).fill(-1);
  const out: Component[] = [];
  for (const needs of byRoot.values()) {
    const resGlobal: number[] = [];
    const provGlobal: number[] = [];
    let nPairs = 0;
    for (const i of needs) {
      nPairs += start[i + 1] - start[i];
      for (let e = start[i]; e < start[i + 1]; e++) {
        const r = res[e];
        if (localRes[r] >= 0) continue;
        localRes[r] = resGlobal.length;
        resGlobal.push(r);
        if (localProv[owner[r]] < 0) {
          localProv[owner[r]] = provGlobal.length;
          provGlobal.push(owner[r]);
        }
      }
    }
    const lStart = new Int32Array(needs.length + 1);
    const lOwn = new Int32Array(needs.length);
    const lRes = new Int32Array(nPairs);
    const lValue = new Int32Array(nPairs);
    const pairs = new Int32Array(nPairs);
    let at = 0;
    needs.forEach((i, li) => {
      if (p.groups) lOwn[li] = at + p.groups.own[i] - start[i];
      for (let e = start[i]; e < start[i + 1]; e++, at++) {
        lRes[at] = localRes[res[e]];
        lValue[at] = p.value[e];
        pairs[at] = e;
      }
      lStart[li + 1] = at;
    });
    const cap = Int32Array.from(resGlobal, (r) => p.cap[r]);
    const lOwner = Int32Array.from(resGlobal, (r) => localProv[owner[r]]);
    for (const r of resGlobal) localRes[r] = -1;
    for (const q of provGlobal) localProv[q] = -1;
    out.push({
      needs: Int32Array.from(needs),
      pairs,
      problem: {
        needs: needs.length,
        resources: resGlobal.length,
        providers: provGlobal.length,
        start: lStart,
        res: lRes,
        value: lValue,
        cap,
        owner: lOwner,
        loadCost: p.loadCost,
        ...(p.groups && {
          groups: { count: p.groups.count, of: Int32Array.from(needs, (i) => p.groups!.of[i]), own: lOwn, base: Int32Array.from(needs, (i) => p.groups!.base[i]) },
        }),
      },
    });
  }
  return out;
}
