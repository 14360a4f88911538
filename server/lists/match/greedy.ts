import type { Instance } from './instance';

/**
 * The first-come baseline, as a community office works by hand: needs in the order they arrived,
 * each given the best resource still free (highest pair score less the provider's next load cost).
 * Fast and simple, but an early need can take the only resource a later, more urgent one could use.
 */
export function greedyAssignment(inst: Instance): Int32Array {
  const { start, res, value, cap, owner, loadCost } = inst.problem;
  const used = new Int32Array(cap.length);
  const load = new Int32Array(inst.problem.providers);
  const assigned = new Int32Array(inst.needs.length).fill(-1);
  const order = inst.needs.map((_, i) => i).sort((a, b) => inst.needs[a].createdAt - inst.needs[b].createdAt || (inst.needs[a].id < inst.needs[b].id ? -1 : 1));
  for (const i of order) {
    let best = -1;
    let bestGain = 0;
    for (let e = start[i]; e < start[i + 1]; e++) {
      const r = res[e];
      if (used[r] >= cap[r]) continue;
      const gain = value[e] - loadCost(load[owner[r]] + 1);
      if (gain > bestGain) {
        bestGain = gain;
        best = e;
      }
    }
    if (best < 0) continue;
    assigned[i] = best;
    used[res[best]]++;
    load[owner[res[best]]]++;
  }
  return assigned;
}
