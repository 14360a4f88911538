import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  buildInstance,
  evaluate,
  greedyAssignment,
  optimalAssignment,
  SERVICE_CATEGORIES,
  toResult,
  type LatLng,
  type Need,
  type ProviderKind,
  type Resource,
  type Urgency,
} from '../server/lists/match';

/**
 * The categories generated needs and resources are drawn from: the service categories less those
 * added for requests a property company takes or that say what they are (停车, 电梯, 公共设施维修,
 * 其他), so every seed gives the instance it always gave and the recorded figures stay comparable.
 */
const GENERATED_CATEGORIES = SERVICE_CATEGORIES.filter((c) => !(['停车', '电梯', '公共设施维修', '其他'] as string[]).includes(c));

/**
 * Matching benchmark: a seeded generator of realistic community instances, then the optimal
 * assignment and the first-come greedy baseline on the same instance.
 *
 *   npx tsx scripts/bench-match.ts [needs] [resources] [seed] [--radius-heavy] [--runs=N]
 *   npx tsx scripts/bench-match.ts --seeds=1-5      (one line per generated instance)
 *   npx tsx scripts/bench-match.ts --seed=2 --json  (the figures of one instance, as JSON)
 *   NODE_OPTIONS=--max-old-space-size=256 npx tsx scripts/bench-match.ts   (enforce the memory budget)
 *
 * Times are CPU time of this process (the solver is single-threaded; the count also takes in
 * V8's helper threads, compiling and collecting garbage) beside wall time, which another load on
 * the machine inflates. The optimal match runs several times: the median run is reported, and the
 * first (cold) one beside it. Peak memory is the resident set, sampled after each phase.
 */

const DAY = 24 * 3600 * 1000;

/** The budgets for the optimal match: time on one core, and peak memory. */
const TIME_BUDGET_MS = 1000;
const MEMORY_BUDGET_MB = 256;
/** A district (beyond a community's 10,000 needs): 10 s and 1 GB. */
const DISTRICT_NEEDS = 10_000;
const budgetFor = (needs: number) => (needs > DISTRICT_NEEDS ? { ms: 10_000, mb: 1024 } : { ms: TIME_BUDGET_MS, mb: MEMORY_BUDGET_MB });
const verdict = (within: boolean) => (within ? 'OK' : 'OVER');
/** What the optimal match should cost at most, as a multiple of the greedy match on the same pairs. */
const GREEDY_RATIO_AIM = 2;
const NOW = Date.UTC(2026, 5, 1, 2, 0);

/** mulberry32: small, fast, seeded. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const weighted = <T>(xs: readonly T[], w: readonly number[]) => {
    let x = next() * w.reduce((s, v) => s + v, 0);
    for (let i = 0; i < xs.length; i++) if ((x -= w[i]) < 0) return xs[i];
    return xs[xs.length - 1];
  };
  const sample = <T>(xs: readonly T[], k: number) => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < k && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  return { next, int, pick, weighted, sample };
}

/** Who offers what: co-building units, teams and volunteers have skills that go together. */
const PROFILES: Record<string, string[]> = {
  医院: ['医疗义诊', '健康讲座', '陪同就医', '心理疏导'],
  学校: ['课业辅导', '儿童托管', '文艺活动', '体育健身', '电脑手机教学'],
  司法所律所: ['法律咨询', '矛盾调解', '政策咨询', '反诈宣传'],
  水电燃气公司: ['水电维修', '家电维修', '管道疏通', '房屋修缮', '安全巡查'],
  物业公司: ['环境清洁', '绿化养护', '垃圾分类', '管道疏通', '房屋修缮'],
  机关单位: ['政策咨询', '就业指导', '困难帮扶', '物资捐赠', '助老服务'],
  消防派出所: ['消防宣传', '安全巡查', '反诈宣传'],
  商超餐饮: ['送餐助餐', '代买代办', '物资捐赠'],
  养老机构: ['助老服务', '助残服务', '送餐助餐', '陪同就医', '理发义剪'],
};
const PROFILE_NAMES = Object.keys(PROFILES);

export interface Instance {
  needs: Need[];
  resources: Resource[];
  now: number;
}

/**
 * A community of 20 grids (a 5 × 4 block of ~400 m cells), 30 categories with skewed demand,
 * and three kinds of providers: units (several resources each, large capacity, a wide radius or a
 * list of grids), teams (a few resources over neighbouring grids) and volunteers (one resource,
 * their own grid or a short radius from home).
 */
/** How often units and volunteers state their service area as a radius rather than a list of grids. */
export interface AreaMix {
  unitRadius: number;
  volunteerRadius: number;
}
/** Units mostly pair with grids (结对共建), volunteers mostly serve their own and a next grid. */
export const REALISTIC: AreaMix = { unitRadius: 0.2, volunteerRadius: 0.2 };
/** A stress case: most units serve a 1.2–2.5 km radius, which covers most of a 20-grid community. */
export const RADIUS_HEAVY: AreaMix = { unitRadius: 0.6, volunteerRadius: 0.3 };

export function generateInstance(nNeeds: number, nResources: number, seed = 1, mix: AreaMix = REALISTIC): Instance {
  const R = rng(seed);
  const origin = { lat: 40.711, lng: 120.836 }; // 葫芦岛, GCJ-02
  const cell = 400;
  const dLat = cell / 111195;
  const dLng = cell / (111195 * Math.cos((origin.lat * Math.PI) / 180));
  const grids = Array.from({ length: 20 }, (_, g) => ({
    id: `g${String(g + 1).padStart(2, '0')}`,
    x: g % 5,
    y: Math.floor(g / 5),
    center: { lat: origin.lat + (Math.floor(g / 5) + 0.5) * dLat, lng: origin.lng + ((g % 5) + 0.5) * dLng },
    weight: 0.5 + R.next(),
  }));
  const gridWeights = grids.map((g) => g.weight);
  const near = (g: (typeof grids)[number], k: number) =>
    [...grids].sort((a, b) => Math.hypot(a.x - g.x, a.y - g.y) - Math.hypot(b.x - g.x, b.y - g.y) || (a.id < b.id ? -1 : 1)).slice(0, k).map((x) => x.id);
  const jitter = (c: LatLng, spread: number): LatLng => ({ lat: c.lat + (R.next() - 0.5) * spread * dLat, lng: c.lng + (R.next() - 0.5) * spread * dLng });
  // Demand is skewed: elderly care and repairs far more often than haircuts.
  const catWeights = GENERATED_CATEGORIES.map((_, i) => 1 / (i + 1) ** 0.6);
  const demandOrder = R.sample(GENERATED_CATEGORIES, GENERATED_CATEGORIES.length);

  const needs: Need[] = Array.from({ length: nNeeds }, (_, i) => {
    const g = R.weighted(grids, gridWeights);
    const people = R.next() < 0.7 ? 1 : 2 + Math.floor(-Math.log(1 - R.next()) * 3);
    return {
      id: `n${i}`,
      category: R.weighted(demandOrder, catWeights),
      gridId: g.id,
      ...(R.next() < 0.9 ? { location: jitter(g.center, 1) } : {}),
      urgency: R.weighted([1, 2, 3] as Urgency[], [6, 3, 1]),
      createdAt: NOW - Math.floor(Math.min(90, -Math.log(1 - R.next()) * 10) * DAY) - R.int(0, DAY - 1),
      people: Math.min(people, 40),
    };
  });

  // Providers until the resource count is reached: ~20% of resources from units, ~20% teams, rest volunteers.
  const resources: Resource[] = [];
  let nProviders = 0;
  while (resources.length < nResources) {
    const roll = R.next();
    const kind: ProviderKind = roll < 0.04 ? 'unit' : roll < 0.12 ? 'team' : 'volunteer';
    const providerId = `p${nProviders++}`;
    const skills = PROFILES[R.pick(PROFILE_NAMES)];
    const home = R.weighted(grids, gridWeights);
    const count = kind === 'unit' ? R.int(3, 8) : kind === 'team' ? R.int(2, 4) : 1;
    const base = jitter(home.center, 1);
    for (let k = 0; k < count && resources.length < nResources; k++) {
      const categories = R.sample(skills, kind === 'volunteer' ? R.weighted([1, 2, 3], [5, 3, 2]) : R.int(1, 3));
      const capacity = kind === 'unit' ? R.int(3, 5) : kind === 'team' ? R.int(2, 4) : R.weighted([1, 2, 3], [5, 3, 1]);
      const area =
        kind === 'unit'
          ? R.next() < mix.unitRadius
            ? { center: base, radiusM: R.int(1200, 2500) }
            : { gridIds: near(home, R.int(3, 8)) }
          : kind === 'team'
            ? { gridIds: near(home, R.int(2, 5)) }
            : R.next() >= mix.volunteerRadius
              ? { gridIds: near(home, R.int(1, 2)) }
              : { center: base, radiusM: R.int(500, 1200) };
      resources.push({ id: `r${resources.length}`, providerId, providerKind: kind, categories, capacity, area });
    }
  }
  return { needs, resources, now: NOW };
}

/** Wall and CPU time of one phase, in ms. CPU time is what one core spent, whatever else runs. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(fn: () => T): [T, Timing] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [out, { wallMs, cpuMs: (c.user + c.system) / 1000 }];
}

const add = (a: Timing, b: Timing): Timing => ({ wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs });

export interface MatchBench {
  needs: number;
  resources: number;
  pairs: number;
  components: number;
  largestComponent: number;
  /** Runs of the optimal match; the times below are of the run with the median total CPU time. */
  runs: number;
  /** Building the pairs (feasibility and scores), shared by both methods. */
  pairsTime: Timing;
  /** Solving the assignment exactly. */
  solveTime: Timing;
  /** Reasons and totals for every suggestion. */
  explainTime: Timing;
  /** The whole optimal match: pairs + solve + explain. */
  optimalTime: Timing;
  /** The first run's whole optimal match, which also pays for compiling the code. */
  firstTime: Timing;
  /** Median over the runs of the solve alone. */
  solveMedian: Timing;
  /** The greedy assignment on the same pairs. */
  greedyTime: Timing;
  /** The optimal match's CPU time over the greedy match's (the same pairs and reasons, greedy's assignment). */
  greedyRatio: number;
  peakRssMb: number;
  peakHeapMb: number;
  loadAvg: number;
  optimal: { matched: number; total: number; pairScore: number; loadCost: number };
  greedy: { matched: number; total: number; pairScore: number; loadCost: number };
}

/** Median of a list of timings, by CPU time. */
function median(xs: Timing[]): Timing {
  return [...xs].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor((xs.length - 1) / 2)];
}

/**
 * Generate, match optimally (`runs` times: the first run also pays for compiling the code, and
 * other load on a shared machine makes single runs jumpy, so the median is reported beside the
 * first), match greedily, compare. Prints a summary unless `quiet`.
 */
export function runMatchBench(opts: { needs?: number; resources?: number; seed?: number; radiusHeavy?: boolean; runs?: number; quiet?: boolean } = {}): MatchBench {
  const nNeeds = opts.needs ?? 10_000;
  const nResources = opts.resources ?? 5_000;
  const runs = Math.max(1, opts.runs ?? 5);
  const inst = generateInstance(nNeeds, nResources, opts.seed ?? 1, opts.radiusHeavy ? RADIUS_HEAVY : REALISTIC);
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const phases: { pairs: Timing; solve: Timing; explain: Timing; total: Timing }[] = [];
  let built!: ReturnType<typeof buildInstance>;
  let solved!: ReturnType<typeof optimalAssignment>;
  let result!: ReturnType<typeof toResult>;
  for (let k = 0; k < runs; k++) {
    let pairs: Timing, solve: Timing, explain: Timing;
    [built, pairs] = timed(() => buildInstance(inst.needs, inst.resources, { now: inst.now }));
    sample();
    [solved, solve] = timed(() => optimalAssignment(built));
    sample();
    [result, explain] = timed(() => toResult(built, solved.assigned, solved.components, solved.largestComponent));
    sample();
    phases.push({ pairs, solve, explain, total: add(add(pairs, solve), explain) });
  }
  // The run whose whole optimal match took the median CPU time, so its phases add up.
  const mid = phases.indexOf([...phases].sort((a, b) => a.total.cpuMs - b.total.cpuMs)[Math.floor((runs - 1) / 2)]);
  const [greedy, greedyTime] = timed(() => greedyAssignment(built));
  sample();
  const g = evaluate(built.problem, greedy);
  const bench: MatchBench = {
    needs: nNeeds,
    resources: nResources,
    pairs: result.stats.pairs,
    components: solved.components,
    largestComponent: solved.largestComponent,
    runs,
    pairsTime: phases[mid].pairs,
    solveTime: phases[mid].solve,
    explainTime: phases[mid].explain,
    optimalTime: phases[mid].total,
    firstTime: phases[0].total,
    solveMedian: median(phases.map((x) => x.solve)),
    greedyTime,
    greedyRatio: phases[mid].total.cpuMs / (phases[mid].pairs.cpuMs + greedyTime.cpuMs + phases[mid].explain.cpuMs),
    peakRssMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    loadAvg: os.loadavg()[0],
    optimal: { matched: result.suggestions.length, total: result.total, pairScore: result.pairScore, loadCost: result.loadCost },
    greedy: { matched: g.matched, total: g.total, pairScore: g.pairScore, loadCost: g.loadCost },
  };
  if (!opts.quiet) printBench(bench, opts.radiusHeavy ? 'radius-heavy stress mix' : 'realistic mix');
  return bench;
}

function printBench(b: MatchBench, mix: string) {
  const t = (x: Timing) => `${x.cpuMs.toFixed(0)} ms cpu / ${x.wallMs.toFixed(0)} ms wall`;
  const ratio = (a: number, c: number) => (c ? (a / c).toFixed(3) : '—');
  console.log(`Matching ${b.needs.toLocaleString('en')} needs × ${b.resources.toLocaleString('en')} resources (seeded, ${mix}), one core, load average ${b.loadAvg.toFixed(1)}`);
  console.log(`  feasible pairs ${b.pairs.toLocaleString('en')}; ${b.components} component(s), largest ${b.largestComponent} needs`);
  console.log(`  optimal (median of ${b.runs} runs): ${t(b.optimalTime)}  — pairs ${t(b.pairsTime)}, min-cost flow ${t(b.solveTime)}, reasons ${t(b.explainTime)}`);
  console.log(`    first run (cold, compiling): ${t(b.firstTime)}; solve alone, median: ${t(b.solveMedian)}`);
  const budget = budgetFor(b.needs);
  console.log(`    budget ≤ ${budget.ms} ms on one core: median ${verdict(b.optimalTime.cpuMs <= budget.ms)}, first run ${verdict(b.firstTime.cpuMs <= budget.ms)}`);
  console.log(`    ×${b.greedyRatio.toFixed(2)} the greedy match's CPU time on the same pairs (pairs + greedy + reasons; aim ≤ ×${GREEDY_RATIO_AIM})`);
  console.log(`  peak memory: rss ${b.peakRssMb.toFixed(0)} MB, heap ${b.peakHeapMb.toFixed(0)} MB   budget ≤ ${budget.mb} MB: ${verdict(b.peakRssMb <= budget.mb)}`);
  console.log(`  optimal: matched ${b.optimal.matched}, total ${b.optimal.total} (pair score ${b.optimal.pairScore} − load cost ${b.optimal.loadCost})`);
  console.log(`  greedy:  matched ${b.greedy.matched}, total ${b.greedy.total} (pair score ${b.greedy.pairScore} − load cost ${b.greedy.loadCost}); ${t(b.greedyTime)} on the same pairs`);
  console.log(`  optimal / greedy: matched ×${ratio(b.optimal.matched, b.greedy.matched)}, total score ×${ratio(b.optimal.total, b.greedy.total)}`);
}

/**
 * One line per seed, to see how the budget holds beyond the default instance. Each seed runs in a
 * process of its own, so its first run is cold and its memory is its own.
 */
function printSeeds(seeds: number[], args: string[]) {
  const t = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;
  console.log('seed       pairs   median    first     flow      rss   ×greedy   budget (median / first)');
  for (const seed of seeds) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, ...args, `--seed=${seed}`, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`seed ${seed}: the bench exited with ${child.status}`);
    const b: MatchBench = JSON.parse(child.stdout);
    const budget = budgetFor(b.needs);
    console.log(
      `${String(seed).padEnd(4)} ${b.pairs.toLocaleString('en').padStart(11)} ${t(b.optimalTime.cpuMs)} ${t(b.firstTime.cpuMs)} ${t(b.solveMedian.cpuMs)} ${b.peakRssMb.toFixed(0).padStart(5)} MB   ×${b.greedyRatio.toFixed(2).padEnd(6)}  ${verdict(b.optimalTime.cpuMs <= budget.ms && b.peakRssMb <= budget.mb)} / ${verdict(b.firstTime.cpuMs <= budget.ms)}`,
    );
  }
}

/** "1-5" or "1,3,7". */
function parseSeeds(spec: string): number[] {
  const [lo, hi] = spec.split('-').map(Number);
  const seeds = spec.includes('-') ? Array.from({ length: hi - lo + 1 }, (_, k) => lo + k) : spec.split(',').map(Number);
  if (!seeds.length || seeds.some((x) => !Number.isInteger(x) || x < 1)) throw new Error(`--seeds: expected e.g. 1-5 or 1,3,7, got ${spec}`);
  return seeds;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const [needs, resources, seed] = args.filter((a) => !a.startsWith('--')).map(Number);
  const opts = { needs: needs || undefined, resources: resources || undefined, radiusHeavy: args.includes('--radius-heavy'), runs: Number(flag('runs')) || undefined };
  const seeds = flag('seeds');
  const one = { ...opts, seed: Number(flag('seed')) || seed || undefined };
  if (seeds) printSeeds(parseSeeds(seeds), args.filter((a) => !a.startsWith('--seeds=')));
  else if (args.includes('--json')) console.log(JSON.stringify(runMatchBench({ ...one, quiet: true })));
  else runMatchBench(one);
}
