import { generateInstance, RADIUS_HEAVY } from '../../../scripts/bench-match';
import { buildInstance, evaluate, loadProgress, optimalAssignment, solveInSteps, storeProgress, type Need, type Resource, type SolveProgress } from '../../../server/lists/match';

/**
 * A solve cut into steps, each starting from the progress the previous one stored as JSON (as the
 * `lists` match job does between invocations), ends with an assignment of the one-shot optimum's value.
 */

const NOW = Date.UTC(2026, 5, 1, 2, 0);

/** Solves with a stop that answers yes after `every` looks; returns the result and the steps taken. */
function inSteps(needs: Need[], resources: Resource[], every: number) {
  let stored: string | undefined;
  let steps = 0;
  for (;;) {
    // A fresh instance each step, as a new invocation rebuilds it from the same lists.
    const inst = buildInstance(needs, resources, { now: NOW });
    const from: SolveProgress | undefined = stored ? loadProgress(JSON.parse(stored)) : undefined;
    let looks = 0;
    const out = solveInSteps(inst, from, () => ++looks >= every);
    steps++;
    if (out.done) return { inst, solved: out.solved, steps };
    stored = JSON.stringify(storeProgress(out.progress));
  }
}

it('one component in many steps: the one-shot optimum, on the benchmark generator', () => {
  for (const [seed, mix] of [[3, undefined], [4, RADIUS_HEAVY]] as const) {
    const { needs, resources } = generateInstance(1500, 700, seed, mix);
    const oneShot = optimalAssignment(buildInstance(needs, resources, { now: NOW }));
    const { inst, solved, steps } = inSteps(needs, resources, 1);
    expect(solved.components).toBe(1);
    expect(steps).toBeGreaterThan(10);
    // Ties may fall another way (the rows' bounds are rebuilt), the optimum's value may not.
    expect(evaluate(inst.problem, solved.assigned)).toEqual(evaluate(inst.problem, oneShot.assigned));
  }
});

it('many components, stopped inside and between them: the one-shot optimum', () => {
  // Volunteers of one category each, in grids of their own: every category and grid falls apart.
  const cats = ['助老服务', '水电维修', '法律咨询', '心理疏导'];
  const needs: Need[] = [];
  const resources: Resource[] = [];
  for (let g = 0; g < 30; g++) {
    for (let k = 0; k < 90; k++) needs.push({ id: `n${g}.${k}`, category: cats[g % 4], gridId: `g${g}`, urgency: ((k % 3) + 1) as 1 | 2 | 3, createdAt: NOW - (k % 17) * 86_400_000, people: 1 + (k % 4) });
    for (let k = 0; k < 25; k++) resources.push({ id: `r${g}.${k}`, providerId: `p${g}.${k % 9}`, providerKind: 'volunteer', categories: [cats[g % 4]], capacity: 1 + (k % 3), area: { gridIds: [`g${g}`] } });
  }
  const oneShot = optimalAssignment(buildInstance(needs, resources, { now: NOW }));
  expect(oneShot.components).toBe(30);
  for (const every of [1, 2, 5]) {
    const { inst, solved, steps } = inSteps(needs, resources, every);
    expect(steps).toBeGreaterThan(5);
    expect(evaluate(inst.problem, solved.assigned)).toEqual(evaluate(inst.problem, oneShot.assigned));
  }
});

it('nothing to solve, or no stop: done at once', () => {
  const inst = buildInstance([], [], { now: NOW });
  expect(solveInSteps(inst, undefined, () => true)).toMatchObject({ done: true, solved: { components: 0 } });
});
