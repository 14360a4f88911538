import { explainPair } from './explain';
import { greedyAssignment } from './greedy';
import { buildInstance, evaluate, optimalAssignment, type Instance } from './instance';
import type { MatchOptions, MatchResult, Need, Resource } from './model';

/**
 * Matching of the 三张清单: suggests, for open needs, the resources that serve them best overall.
 *
 *   matchNeeds(needs, resources, { now })   exact optimum (min-cost flow), with Chinese reasons
 *   matchGreedy(needs, resources, { now })  first-come baseline, for comparison
 *   suggestProjects(needs, { now })         same category and grid, ≥ 5: a project (项目清单)
 */

export * from './model';
export { suggestProjects, PROJECT_MIN_NEEDS, type ProjectSuggestion } from './projects';
export { buildInstance, evaluate, optimalAssignment, solveInSteps, type Instance, type SolveProgress, type Solved } from './instance';
export { greedyAssignment } from './greedy';
export { loadProgress, storeProgress, type StoredProgress } from './progress';

/** Turns an assignment (pair per need, or −1) into explained suggestions and totals. */
export function toResult(inst: Instance, assigned: Int32Array, components = 0, largestComponent = 0): MatchResult {
  const { needs, resources, problem } = inst;
  const ev = evaluate(problem, assigned);
  const suggestions: MatchResult['suggestions'] = [];
  const unmatched: string[] = [];
  needs.forEach((need, i) => {
    const e = assigned[i];
    if (e < 0) unmatched.push(need.id);
    else suggestions.push(explainPair(need, resources[problem.res[e]], inst.related, inst.now));
  });
  return {
    suggestions,
    unmatched,
    total: ev.total,
    pairScore: ev.pairScore,
    loadCost: ev.loadCost,
    stats: { needs: needs.length, resources: resources.length, pairs: problem.res.length, components, largestComponent },
  };
}

export function matchNeeds(needs: Need[], resources: Resource[], options: MatchOptions): MatchResult {
  const inst = buildInstance(needs, resources, options);
  const { assigned, components, largestComponent } = optimalAssignment(inst);
  return toResult(inst, assigned, components, largestComponent);
}

export function matchGreedy(needs: Need[], resources: Resource[], options: MatchOptions): MatchResult {
  const inst = buildInstance(needs, resources, options);
  return toResult(inst, greedyAssignment(inst));
}
