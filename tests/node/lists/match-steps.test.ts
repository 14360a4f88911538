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

it('ties, capacities 0 to 5, radius-only resources and sides with nothing to match: the one-shot optimum in steps', () => {
  // Every need of a grid alike (ties everywhere), resources of capacity 0–5, half by radius only,
  // needs nobody serves and resources nobody needs.
  const at = (k: number) => ({ lat: 40.711 + (k % 7) * 0.001, lng: 120.836 + (k % 5) * 0.001 });
  const needs: Need[] = Array.from({ length: 700 }, (_, k) => ({
    id: `n${k}`,
    category: k % 10 === 9 ? '理发义剪' : k % 2 ? '助老服务' : '水电维修',
    gridId: `g${k % 3}`,
    ...(k % 4 ? { location: at(k) } : {}),
    urgency: 1,
    createdAt: NOW,
    people: 1,
  }));
  const resources: Resource[] = Array.from({ length: 260 }, (_, k) => ({
    id: `r${k}`,
    providerId: `p${k % 40}`,
    providerKind: 'volunteer',
    categories: [k % 13 === 12 ? '法律咨询' : k % 2 ? '助老服务' : '家电维修'],
    capacity: k % 6,
    area: k % 2 ? { center: at(k), radiusM: 400 } : { gridIds: [`g${k % 3}`] },
  }));
  const oneShot = optimalAssignment(buildInstance(needs, resources, { now: NOW }));
  const { inst, solved, steps } = inSteps(needs, resources, 1);
  expect(steps).toBeGreaterThan(3);
  const ev = evaluate(inst.problem, solved.assigned);
  expect(ev).toEqual(evaluate(inst.problem, oneShot.assigned));
  expect(ev.matched).toBeGreaterThan(0);
  // Nobody offers 理发义剪: those needs stay unmatched.
  needs.forEach((n, i) => n.category === '理发义剪' && expect(solved.assigned[i]).toBe(-1));
  // Only resources, or only needs: nothing to solve, done in one step.
  expect(inSteps([], resources, 1)).toMatchObject({ steps: 1, solved: { components: 0 } });
  expect(inSteps(needs, [], 1)).toMatchObject({ steps: 1, solved: { components: 0 } });
});

it('nothing to solve, or no stop: done at once', () => {
  const inst = buildInstance([], [], { now: NOW });
  expect(solveInSteps(inst, undefined, () => true)).toMatchObject({ done: true, solved: { components: 0 } });
});
