import solver from 'javascript-lp-solver';
import { generateInstance, RADIUS_HEAVY, REALISTIC } from '../../../scripts/bench-match';
import { decompose } from '../../../server/lists/match/decompose';
import { feasiblePairs, haversineM, pairDetail, relatedMap } from '../../../server/lists/match/feasibility';
import {
  buildInstance,
  evaluate,
  greedyAssignment,
  matchGreedy,
  matchNeeds,
  optimalAssignment,
  RELATED_CATEGORIES,
  suggestProjects,
  type Need,
  type Resource,
  type Urgency,
} from '../../../server/lists/match';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 5, 1, 2, 0);
const RELATED = relatedMap(RELATED_CATEGORIES);

// ---- The objective, written out again from the documented formula (independent of score.ts). ----

function pairScore(need: Need, resource: Resource): number | null {
  const d = pairDetail(need, resource, RELATED);
  if (!d) return null;
  const fit = resource.categories.includes(need.category) ? 40 : 15;
  let proximity: number;
  if (resource.area.gridIds?.includes(need.gridId)) proximity = 30;
  else {
    const m = haversineM(resource.area.center!, need.location!);
    proximity = 5 + Math.round(20 * (1 - m / resource.area.radiusM!));
  }
  const urgency = [0, 0, 20, 40][need.urgency];
  const waited = Math.min(30, Math.floor((NOW - need.createdAt) / DAY));
  const people = Math.min(30, 3 * (need.people - 1));
  return 100 + fit + proximity + urgency + waited + people;
}

const loadCost = (k: number) => Math.min(8 * (k - 1), 80);

/** Objective of an assignment given as resource index per need (−1: unmatched); null if infeasible. */
function objective(needs: Need[], resources: Resource[], choice: number[]): number | null {
  const used = new Map<number, number>();
  const load = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < needs.length; i++) {
    const r = choice[i];
    if (r < 0) continue;
    const s = pairScore(needs[i], resources[r]);
    if (s === null) return null;
    used.set(r, (used.get(r) ?? 0) + 1);
    if (used.get(r)! > resources[r].capacity) return null;
    const p = resources[r].providerId;
    load.set(p, (load.get(p) ?? 0) + 1);
    total += s - loadCost(load.get(p)!);
  }
  return total;
}

/** Exhaustive search over every assignment. */
function bruteForce(needs: Need[], resources: Resource[]): number {
  const options = needs.map((n) => [-1, ...resources.map((r, j) => (pairScore(n, r) === null ? -1 : j)).filter((j) => j >= 0)]);
  let best = 0;
  const choice = new Array(needs.length).fill(-1);
  const go = (i: number) => {
    if (i === needs.length) {
      const v = objective(needs, resources, choice);
      if (v !== null && v > best) best = v;
      return;
    }
    for (const j of options[i]) {
      choice[i] = j;
      go(i + 1);
    }
  };
  go(0);
  return best;
}

/** The same problem as an integer program, solved by javascript-lp-solver. */
function ilp(needs: Need[], resources: Resource[]): number {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, { max?: number; equal?: number }> = {};
  const binaries: Record<string, 1> = {};
  const providers = new Map<string, number>();
  resources.forEach((r, j) => {
    constraints[`r${j}`] = { max: r.capacity };
    providers.set(r.providerId, (providers.get(r.providerId) ?? 0) + r.capacity);
  });
  needs.forEach((n, i) => {
    constraints[`n${i}`] = { max: 1 };
    resources.forEach((r, j) => {
      const s = pairScore(n, r);
      if (s === null) return;
      variables[`x${i}_${j}`] = { v: s, [`n${i}`]: 1, [`r${j}`]: 1, [`p_${r.providerId}`]: 1 };
      binaries[`x${i}_${j}`] = 1;
    });
  });
  // A provider's k-th unit, at its convex cost; the provider row makes the units used equal its load.
  for (const [p, cap] of providers) {
    constraints[`p_${p}`] = { equal: 0 };
    for (let k = 1; k <= cap; k++) {
      variables[`y_${p}_${k}`] = { v: -loadCost(k), [`p_${p}`]: -1, [`u_${p}_${k}`]: 1 };
      constraints[`u_${p}_${k}`] = { max: 1 };
    }
  }
  const out = solver.Solve({ optimize: 'v', opType: 'max', constraints, variables, binaries }) as { feasible: boolean; result: number };
  expect(out.feasible).toBe(true);
  return Math.round(out.result);
}

// ---- Random small instances ----

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATS = ['助老服务', '助残服务', '水电维修', '家电维修', '法律咨询'];
const GRIDS = ['g1', 'g2', 'g3'];
const ORIGIN = { lat: 40.711, lng: 120.836 };

function randomInstance(seed: number, nNeeds: number, nResources: number, nProviders: number) {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const near = () => ({ lat: ORIGIN.lat + (rand() - 0.5) * 0.02, lng: ORIGIN.lng + (rand() - 0.5) * 0.02 });
  const needs: Need[] = Array.from({ length: nNeeds }, (_, i) => ({
    id: `n${i}`,
    category: pick(CATS),
    gridId: pick(GRIDS),
    ...(rand() < 0.8 ? { location: near() } : {}),
    urgency: (1 + Math.floor(rand() * 3)) as Urgency,
    createdAt: NOW - Math.floor(rand() * 40 * DAY),
    people: 1 + Math.floor(rand() * rand() * 6),
  }));
  const resources: Resource[] = Array.from({ length: nResources }, (_, j) => ({
    id: `r${j}`,
    providerId: `p${Math.floor(rand() * nProviders)}`,
    providerKind: pick(['unit', 'team', 'volunteer'] as const),
    categories: [pick(CATS), ...(rand() < 0.4 ? [pick(CATS)] : [])].filter((c, k, a) => a.indexOf(c) === k),
    capacity: 1 + Math.floor(rand() * 5),
    area: rand() < 0.5 ? { gridIds: GRIDS.filter(() => rand() < 0.5) } : { center: near(), radiusM: 300 + Math.floor(rand() * 1200), ...(rand() < 0.3 ? { gridIds: [pick(GRIDS)] } : {}) },
  }));
  return { needs, resources };
}

/** Checks the structural promises of a result against the reference feasibility check. */
function checkInvariants(needs: Need[], resources: Resource[], result: ReturnType<typeof matchNeeds>) {
  const byId = new Map(resources.map((r) => [r.id, r]));
  const needById = new Map(needs.map((n) => [n.id, n]));
  const used = new Map<string, number>();
  const seenNeeds = new Set<string>();
  for (const s of result.suggestions) {
    expect(seenNeeds.has(s.needId)).toBe(false);
    seenNeeds.add(s.needId);
    const r = byId.get(s.resourceId)!;
    used.set(r.id, (used.get(r.id) ?? 0) + 1);
    expect(pairDetail(needById.get(s.needId)!, r, RELATED)).not.toBeNull();
    expect(s.score).toBe(pairScore(needById.get(s.needId)!, r));
  }
  for (const [id, n] of used) expect(n).toBeLessThanOrEqual(byId.get(id)!.capacity);
  expect(seenNeeds.size + result.unmatched.length).toBe(needs.length);
}

describe('matching: exact optimum', () => {
  it('equals a brute-force search over every assignment on 200 small random instances', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { needs, resources } = randomInstance(seed, 3 + (seed % 5), 1 + (seed % 4), 1 + (seed % 3));
      const result = matchNeeds(needs, resources, { now: NOW });
      const best = bruteForce(needs, resources);
      expect({ seed, total: result.total }).toEqual({ seed, total: best });
      checkInvariants(needs, resources, result);
    }
  });

  it('equals an integer program (javascript-lp-solver) on 25 medium random instances', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { needs, resources } = randomInstance(1000 + seed, 18 + (seed % 12), 6 + (seed % 6), 2 + (seed % 4));
      const result = matchNeeds(needs, resources, { now: NOW });
      expect({ seed, total: result.total }).toEqual({ seed, total: ilp(needs, resources) });
      checkInvariants(needs, resources, result);
    }
  });

  it('equals the integer program on 15 instances of the benchmark generator (shared grid pairs, radius pairs, load)', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const { needs, resources } = generateInstance(36, 14, 300 + seed, seed % 2 ? RADIUS_HEAVY : REALISTIC);
      const result = matchNeeds(needs, resources, { now: NOW });
      expect({ seed, total: result.total }).toEqual({ seed, total: ilp(needs, resources) });
      checkInvariants(needs, resources, result);
    }
  });

  it('gives the same total whatever the order of the input (the optimum is unique in value)', () => {
    const { needs, resources } = generateInstance(300, 150, 7);
    const a = matchNeeds(needs, resources, { now: NOW });
    const b = matchNeeds([...needs].reverse(), [...resources].reverse(), { now: NOW });
    expect(b.total).toBe(a.total);
    expect(a.total).toBe(a.pairScore - a.loadCost);
    // A contended stress mix, shuffled: the solver adds needs in another order each time and prunes
    // arcs on bounds that depend on that history, so a wrong prune would show as a lower total.
    const heavy = generateInstance(1500, 500, 13, RADIUS_HEAVY);
    const want = matchNeeds(heavy.needs, heavy.resources, { now: NOW }).total;
    for (let seed = 1; seed <= 4; seed++) {
      const rand = rng(seed);
      const shuffle = <T>(xs: T[]) => xs.map((x) => [rand(), x] as const).sort((p, q) => p[0] - q[0]).map(([, x]) => x);
      expect({ seed, total: matchNeeds(shuffle(heavy.needs), shuffle(heavy.resources), { now: NOW }).total }).toEqual({ seed, total: want });
    }
  });
});

describe('matching: feasibility and invariants', () => {
  it('the indexed pair builder finds exactly the pairs the one-by-one reference check finds', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { needs, resources } = randomInstance(5000 + seed, 40, 15, 5);
      const pairs = feasiblePairs(needs, resources, RELATED);
      const got: string[] = [];
      for (let i = 0; i < needs.length; i++) {
        for (let e = pairs.start[i]; e < pairs.start[i + 1]; e++) got.push(`${i}:${pairs.res[e]}:${pairs.score[e]}:${e < pairs.own[i] ? 'g' : 'o'}`);
      }
      const want: string[] = [];
      needs.forEach((n, i) =>
        resources.forEach((r, j) => {
          const d = pairDetail(n, r, RELATED);
          if (d) want.push(`${i}:${j}:${d.fit + d.proximity}:${d.sameGrid ? 'g' : 'o'}`);
        }),
      );
      expect(got.sort()).toEqual(want.sort());
      // Needs of one category and grid list the same grid pairs in the same order (the solver relies on it).
      const rows = new Map<string, string>();
      needs.forEach((n, i) => {
        const row = Array.from(pairs.res.subarray(pairs.start[i], pairs.own[i])).join() + '|' + Array.from(pairs.score.subarray(pairs.start[i], pairs.own[i])).join();
        const key = `${n.category}/${n.gridId}`;
        expect(rows.get(key) ?? row).toBe(row);
        rows.set(key, row);
      });
    }
  });

  it('never exceeds a capacity, matches a need at most once and only to a resource that can serve it', () => {
    const { needs, resources } = generateInstance(1500, 700, 3);
    const result = matchNeeds(needs, resources, { now: NOW });
    checkInvariants(needs, resources, result);
    expect(result.suggestions.length).toBeGreaterThan(1000);
  });

  it('needs a location for a radius-only resource, and a category it offers (or a related one)', () => {
    const res: Resource = { id: 'r', providerId: 'p', providerKind: 'volunteer', categories: ['水电维修'], capacity: 3, area: { center: ORIGIN, radiusM: 800 } };
    const base: Need = { id: 'n', category: '水电维修', gridId: 'g1', urgency: 1, createdAt: NOW, people: 1 };
    expect(pairDetail(base, res, RELATED)).toBeNull(); // no location
    expect(pairDetail({ ...base, location: { lat: ORIGIN.lat + 0.001, lng: ORIGIN.lng } }, res, RELATED)).toMatchObject({ exact: true, sameGrid: false });
    expect(pairDetail({ ...base, location: { lat: ORIGIN.lat + 0.01, lng: ORIGIN.lng } }, res, RELATED)).toBeNull(); // ~1.1 km
    expect(pairDetail({ ...base, category: '家电维修', location: ORIGIN }, res, RELATED)).toMatchObject({ exact: false, skill: '水电维修' });
    expect(pairDetail({ ...base, category: '法律咨询', location: ORIGIN }, res, RELATED)).toBeNull();
    expect(matchNeeds([{ ...base, category: '家电维修', location: ORIGIN }], [res], { now: NOW, related: [] }).unmatched).toEqual(['n']);
  });

  it('handles nothing to match, zero capacity, and a need nobody can serve', () => {
    const need: Need = { id: 'n', category: '助老服务', gridId: 'g1', urgency: 2, createdAt: NOW, people: 1 };
    expect(matchNeeds([need], [], { now: NOW })).toMatchObject({ suggestions: [], unmatched: ['n'], total: 0 });
    const zero: Resource = { id: 'r', providerId: 'p', providerKind: 'unit', categories: ['助老服务'], capacity: 0, area: { gridIds: ['g1'] } };
    expect(matchNeeds([need], [zero], { now: NOW }).unmatched).toEqual(['n']);
    expect(matchNeeds([], [zero], { now: NOW }).suggestions).toEqual([]);
  });

  it('splits into independent components: categories with no shared provider fall apart', () => {
    const needs: Need[] = [
      { id: 'a', category: '助老服务', gridId: 'g1', urgency: 1, createdAt: NOW, people: 1 },
      { id: 'b', category: '法律咨询', gridId: 'g1', urgency: 1, createdAt: NOW, people: 1 },
    ];
    const resources: Resource[] = [
      { id: 'r1', providerId: 'p1', providerKind: 'volunteer', categories: ['助老服务'], capacity: 1, area: { gridIds: ['g1'] } },
      { id: 'r2', providerId: 'p2', providerKind: 'unit', categories: ['法律咨询'], capacity: 1, area: { gridIds: ['g1'] } },
    ];
    const inst = buildInstance(needs, resources, { now: NOW });
    expect(decompose(inst.problem)).toHaveLength(2);
    // One provider offering both ties them together.
    const joined = buildInstance(needs, resources.map((r) => ({ ...r, providerId: 'p1' })), { now: NOW });
    expect(decompose(joined.problem)).toHaveLength(1);
    expect(matchNeeds(needs, resources, { now: NOW }).stats).toMatchObject({ components: 2, largestComponent: 1, pairs: 2 });
  });

  it('is pure: the same input gives the same output', () => {
    const { needs, resources } = generateInstance(200, 100, 11);
    expect(matchNeeds(needs, resources, { now: NOW })).toEqual(matchNeeds(needs, resources, { now: NOW }));
  });
});

describe('matching: explanations', () => {
  it('explains a suggestion in Chinese from its reasons: 同网格 · 技能匹配 · 已等待5天 · 紧急', () => {
    const need: Need = { id: 'n', category: '助老服务', gridId: 'g1', urgency: 3, createdAt: NOW - 5 * DAY - 3600_000, people: 1 };
    const res: Resource = { id: 'r', providerId: 'p', providerKind: 'unit', categories: ['助老服务'], capacity: 2, area: { gridIds: ['g1'] } };
    const [s] = matchNeeds([need], [res], { now: NOW }).suggestions;
    expect(s.explanation).toBe('同网格 · 技能匹配 · 已等待5天 · 紧急');
    expect(s.parts).toEqual({ base: 100, fit: 40, proximity: 30, urgency: 40, waited: 5, people: 0 });
    expect(s.score).toBe(215);
  });

  it('names the distance, a related skill and how many people want it', () => {
    const need: Need = { id: 'n', category: '家电维修', gridId: 'g2', location: { lat: ORIGIN.lat + 0.004, lng: ORIGIN.lng }, urgency: 2, createdAt: NOW, people: 4 };
    const res: Resource = { id: 'r', providerId: 'p', providerKind: 'volunteer', categories: ['水电维修'], capacity: 1, area: { center: ORIGIN, radiusM: 1000 } };
    const [s] = matchNeeds([need], [res], { now: NOW }).suggestions;
    expect(s.reasons).toEqual(['相距约440米', '相近技能·水电维修', '较急', '4人需要']);
  });

  it('every suggestion of a large run has Chinese reasons whose parts add up to its score', () => {
    const { needs, resources } = generateInstance(800, 400, 5);
    const result = matchNeeds(needs, resources, { now: NOW });
    for (const s of result.suggestions) {
      expect(s.reasons.length).toBeGreaterThanOrEqual(2);
      expect(s.explanation).toMatch(/^[\u4e00-\u9fff0-9.·约 ]+$/);
      expect(s.explanation).toMatch(/同网格|相距约/);
      expect(s.explanation).toMatch(/技能匹配|相近技能/);
      const p = s.parts;
      expect(p.base + p.fit + p.proximity + p.urgency + p.waited + p.people).toBe(s.score);
    }
    expect(result.suggestions.reduce((t, s) => t + s.score, 0)).toBe(result.pairScore);
  });
});

describe('matching: load balance', () => {
  const needs: Need[] = Array.from({ length: 6 }, (_, i) => ({ id: `n${i}`, category: '助老服务', gridId: 'g1', urgency: 1, createdAt: NOW, people: 1 }));
  const provider = (id: string, categories: string[]): Resource => ({ id: `r-${id}`, providerId: id, providerKind: 'unit', categories, capacity: 6, area: { gridIds: ['g1'] } });
  const count = (result: ReturnType<typeof matchNeeds>) => {
    const c: Record<string, number> = {};
    for (const s of result.suggestions) c[s.providerId] = (c[s.providerId] ?? 0) + 1;
    return c;
  };

  it('spreads work evenly across two equal providers', () => {
    const result = matchNeeds(needs, [provider('A', ['助老服务']), provider('B', ['助老服务'])], { now: NOW });
    expect(count(result)).toEqual({ A: 3, B: 3 });
    expect(result.loadCost).toBe(2 * (0 + 8 + 16));
  });

  it('gives a better-fitting provider more, but not everything', () => {
    // A fits exactly (+40), B only through a related skill (+15): without the load cost A would take all six.
    const result = matchNeeds(needs, [provider('A', ['助老服务']), provider('B', ['助残服务'])], { now: NOW });
    expect(count(result)).toEqual({ A: 5, B: 1 });
  });

  it('spreads a provider with several resources as one: the load is counted per provider', () => {
    const twoOfA = [provider('A', ['助老服务']), { ...provider('A', ['助老服务']), id: 'r-A2' }, provider('B', ['助老服务'])];
    expect(count(matchNeeds(needs, twoOfA, { now: NOW }))).toEqual({ A: 3, B: 3 });
  });
});

describe('matching: greedy first-come baseline', () => {
  it('is never better than the optimum', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { needs, resources } = randomInstance(9000 + seed, 12 + (seed % 20), 4 + (seed % 8), 2 + (seed % 5));
      expect(matchGreedy(needs, resources, { now: NOW }).total).toBeLessThanOrEqual(matchNeeds(needs, resources, { now: NOW }).total);
    }
    const big = buildInstance(...(({ needs, resources }) => [needs, resources] as const)(generateInstance(2000, 1000, 9)), { now: NOW });
    const opt = evaluate(big.problem, optimalAssignment(big).assigned);
    const greedy = evaluate(big.problem, greedyAssignment(big));
    expect(greedy.total).toBeLessThan(opt.total);
    expect(greedy.matched).toBeLessThanOrEqual(opt.matched);
  });

  it('loses where first come takes the only resource a later, urgent need could use', () => {
    const needs: Need[] = [
      { id: 'early', category: '水电维修', gridId: 'g1', urgency: 1, createdAt: NOW - 2 * DAY, people: 1 },
      { id: 'urgent', category: '水电维修', gridId: 'g2', urgency: 3, createdAt: NOW - DAY, people: 1 },
    ];
    const resources: Resource[] = [
      { id: 'both', providerId: 'p1', providerKind: 'volunteer', categories: ['水电维修'], capacity: 1, area: { gridIds: ['g1', 'g2'] } },
      { id: 'g1only', providerId: 'p2', providerKind: 'volunteer', categories: ['家电维修'], capacity: 1, area: { gridIds: ['g1'] } },
    ];
    const greedy = matchGreedy(needs, resources, { now: NOW });
    const opt = matchNeeds(needs, resources, { now: NOW });
    expect(greedy.suggestions.map((s) => `${s.needId}→${s.resourceId}`)).toEqual(['early→both']);
    expect(opt.suggestions.map((s) => `${s.needId}→${s.resourceId}`).sort()).toEqual(['early→g1only', 'urgent→both']);
    expect(opt.total).toBeGreaterThan(greedy.total);
  });
});

describe('project suggestions', () => {
  const need = (i: number, over: Partial<Need> = {}): Need => ({ id: `n${i}`, category: '助老服务', gridId: 'g1', urgency: 1, createdAt: NOW - i * DAY, people: 2, ...over });

  it('suggests a project for five or more open needs of the same category and grid', () => {
    const needs = [...Array.from({ length: 5 }, (_, i) => need(i)), need(9, { urgency: 3, createdAt: NOW - 12 * DAY }), need(20, { gridId: 'g2' }), need(21, { category: '法律咨询' })];
    const [p, ...rest] = suggestProjects(needs, { now: NOW });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ category: '助老服务', gridId: 'g1', people: 12, maxUrgency: 3 });
    expect(p.needIds[0]).toBe('n9'); // most urgent first
    expect(p.needIds).toHaveLength(6);
    expect(p.explanation).toBe('同网格同类需求6条 · 共12人 · 最早已等待12天 · 含紧急');
  });

  it('suggests nothing below five, and honours a different minimum', () => {
    const four = Array.from({ length: 4 }, (_, i) => need(i));
    expect(suggestProjects(four, { now: NOW })).toEqual([]);
    expect(suggestProjects(four, { now: NOW, minNeeds: 3 })).toHaveLength(1);
  });
});
