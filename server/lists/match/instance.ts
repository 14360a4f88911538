import { decompose } from './decompose';
import { feasiblePairs, relatedMap, type RelatedMap } from './feasibility';
import { solveFlow, type FlowProblem, type FlowState } from './flow';
import { RELATED_CATEGORIES, type MatchOptions, type Need, type Resource } from './model';
import { loadCost, needValue } from './score';

/** Needs and resources turned into integer arrays: the feasible pairs, their values, capacities. */
export interface Instance {
  needs: Need[];
  resources: Resource[];
  now: number;
  related: RelatedMap;
  providerIds: string[];
  problem: FlowProblem;
}

export function buildInstance(needs: Need[], resources: Resource[], options: MatchOptions): Instance {
  const related = relatedMap(options.related ?? RELATED_CATEGORIES);
  const pairs = feasiblePairs(needs, resources, related);
  const value = new Int32Array(pairs.res.length);
  const base = new Int32Array(needs.length);
  needs.forEach((need, i) => {
    const v = (base[i] = needValue(need, options.now));
    for (let e = pairs.start[i]; e < pairs.start[i + 1]; e++) value[e] = v + pairs.score[e];
  });
  const providerIndex = new Map<string, number>();
  const owner = Int32Array.from(resources, (r) => {
    let q = providerIndex.get(r.providerId);
    if (q === undefined) providerIndex.set(r.providerId, (q = providerIndex.size));
    return q;
  });
  const cap = Int32Array.from(resources, (r) => Math.max(0, Math.floor(r.capacity)));
  return {
    needs,
    resources,
    now: options.now,
    related,
    providerIds: [...providerIndex.keys()],
    problem: {
      needs: needs.length,
      resources: resources.length,
      providers: providerIndex.size,
      start: pairs.start,
      res: pairs.res,
      value,
      cap,
      owner,
      loadCost,
      // Needs of the same category and grid share their grid pairs: the solver uses that for speed.
      groups: { count: pairs.groups, of: pairs.group, own: pairs.own, base },
    },
  };
}

/** Options within this much of a need's best pair count as good ones (see insertionOrder). */
const GOOD_OPTION_SLACK = 20;

/**
 * Needs with the fewest good options first. The total is optimal in any order, but a need with
 * little room to move, added early, is seldom bumped later; added late, it has to push a long
 * chain of others aside. On the benchmark this settles a third fewer nodes than best-value-first.
 */
function insertionOrder(p: FlowProblem): Int32Array {
  const good = new Int32Array(p.needs);
  for (let i = 0; i < p.needs; i++) {
    let best = 0;
    for (let e = p.start[i]; e < p.start[i + 1]; e++) best = Math.max(best, p.value[e]);
    for (let e = p.start[i]; e < p.start[i + 1]; e++) if (p.value[e] >= best - GOOD_OPTION_SLACK) good[i]++;
  }
  return Int32Array.from({ length: p.needs }, (_, i) => i).sort((a, b) => good[a] - good[b] || a - b);
}

/**
 * Where an exact solve of an instance stands: components before `component` are solved (their
 * pairs are in `assigned`), and that one has reached `flow` (absent: not begun). Components and
 * insertion orders are deterministic, so the same instance picks up exactly where it stopped.
 */
export interface SolveProgress {
  component: number;
  assigned: Int32Array;
  flow?: FlowState;
}

export interface Solved {
  assigned: Int32Array;
  components: number;
  largestComponent: number;
}

/**
 * The exact optimum, solved component by component, in steps: from `progress` (or the start), until
 * done or until `stop` answers true (looked at every few dozen needs). Returns the progress to go on
 * from, or the solution when done.
 */
export function solveInSteps(inst: Instance, progress?: SolveProgress, stop?: () => boolean): { done: true; solved: Solved } | { done: false; progress: SolveProgress } {
  const assigned = progress ? Int32Array.from(progress.assigned) : new Int32Array(inst.needs.length).fill(-1);
  const components = decompose(inst.problem);
  let largestComponent = 0;
  for (const c of components) largestComponent = Math.max(largestComponent, c.needs.length);
  for (let k = progress?.component ?? 0; k < components.length; k++) {
    const c = components[k];
    const from = k === progress?.component ? progress.flow : undefined;
    if (!from && k > (progress?.component ?? 0) && stop?.()) return { done: false, progress: { component: k, assigned } };
    const state = solveFlow(c.problem, insertionOrder(c.problem), from, stop);
    if (state.next < c.problem.needs) return { done: false, progress: { component: k, assigned, flow: state } };
    const local = state.assigned;
    if (!c.pairs) for (const i of c.needs) assigned[i] = local[i];
    else for (let i = 0; i < c.needs.length; i++) if (local[i] >= 0) assigned[c.needs[i]] = c.pairs[local[i]];
  }
  return { done: true, solved: { assigned, components: components.length, largestComponent } };
}

/** The exact optimum, solved component by component. Returns the pair chosen per need, or −1. */
export function optimalAssignment(inst: Instance): Solved {
  const out = solveInSteps(inst);
  if (!out.done) throw new Error('a solve without a stop finishes');
  return out.solved;
}

export interface Evaluation {
  matched: number;
  pairScore: number;
  loadCost: number;
  total: number;
}

/** The objective of any assignment (pair per need or −1), checked against capacities. */
export function evaluate(p: FlowProblem, assigned: Int32Array): Evaluation {
  const used = new Int32Array(p.resources);
  const load = new Int32Array(p.providers);
  let matched = 0;
  let pairScore = 0;
  for (let i = 0; i < p.needs; i++) {
    const e = assigned[i];
    if (e < 0) continue;
    if (e < p.start[i] || e >= p.start[i + 1]) throw new Error(`need ${i} assigned a pair not its own`);
    const r = p.res[e];
    if (++used[r] > p.cap[r]) throw new Error(`resource ${r} over capacity`);
    load[p.owner[r]]++;
    matched++;
    pairScore += p.value[e];
  }
  let cost = 0;
  for (let q = 0; q < p.providers; q++) for (let k = 1; k <= load[q]; k++) cost += p.loadCost(k);
  return { matched, pairScore, loadCost: cost, total: pairScore - cost };
}
