import { checkAll } from './concurrency/invariants';
import { execute, plan, type Acked } from './concurrency/run';
import { seedsFrom } from '../support/seeds';
import { newWorld, refresh, type World } from './concurrency/world';

/**
 * One randomized run across domains: wish claims, releases, proofs and confirms (which award
 * points), awards, redemptions, order cancels and verifies, bookings of small slots and cancels
 * (with waitlist promotion), activity sign-ups, and request tickets from submit to rating, sent in
 * parallel by many people through the functions on the local cloud. Some requests are sent again
 * with the same requestId after their answer, some twice at once, and CONFLICTs are retried.
 * Afterwards every invariant of DESIGN.md §5 these touch is read back from the database.
 *
 * Replay a failing run with CONCURRENCY_SEED=<seed>, or sweep with CONCURRENCY_SEED=1-50 (the interleaving differs from run to run;
 * the operations, their order and how each picks its target do not).
 */
const SEEDS = seedsFrom(process.env.CONCURRENCY_SEED, 20260301);
const OPS = Number(process.env.CONCURRENCY_OPS ?? 200);
const IN_FLIGHT = 8;

/**
 * A world serves this many runs and is then replaced: each run's wishes, claims, orders and slots
 * pile up (volunteers reach their claim cap, stock and points run low, the day's slots run out), so
 * a long sweep on one world would end up measuring a saturated community instead of the seed.
 */
const RUNS_PER_WORLD = 3;

describe('a randomized parallel run across wishes, points, bookings, activities and tickets', () => {
  // Building a world is most of the cost, so a few seeds share one; each run gets fresh wishes,
  // slots and stock, and the checks after each run cover everything acknowledged on that world.
  let world: World;
  let runs = 0;
  let setup = 0;
  let acked: Acked[] = [];
  const build = async () => {
    const started = Date.now();
    world = await newWorld();
    setup = Date.now() - started;
    runs = 0;
    acked = [];
  };
  beforeAll(build, 120_000);

  it.each(SEEDS)('seed %i: every invariant holds and the ledger reconciles', async (seed) => {
    if (runs === RUNS_PER_WORLD) await build();
    runs++;
    const started = Date.now();
    const wishes = await refresh(world);
    const run = await execute(world, wishes, plan(seed, OPS), IN_FLIGHT);
    const ran = Date.now() - started;
    acked.push(...run.acked);
    const checks = await checkAll(world, acked);
    const { tally } = run;

    const refused = Object.entries(tally.outcomes).filter(([k]) => !k.endsWith(':ok'));
    console.log(
      `[concurrency] seed ${seed}: ${OPS} planned ops (${tally.skipped} without a target yet), ${tally.sent} requests with ${IN_FLIGHT} in flight; ` +
        `${run.acked.length} acknowledged, ${refused.reduce((s, [, n]) => s + n, 0)} refused by rule; ${tally.resends} resent after the answer, ${tally.twins} sent as twins (${tally.splitTwins} answered apart), ${tally.retries} retried after CONFLICT\n` +
        `  ${Object.entries(tally.outcomes)
          .sort()
          .map(([k, n]) => `${k}=${n}`)
          .join(' ')}\n` +
        `  ${checks.names.size} invariants, ${checks.facts} facts checked over ${acked.length} acknowledged writes, ${checks.problems.length} broken, ${tally.faults.length} faults on the wire; ` +
        `world set up in ${setup} ms, run ${ran} ms, checks ${Date.now() - started - ran} ms`,
    );
    const broken = [...tally.faults, ...checks.problems];
    if (broken.length) throw new Error(`seed ${seed} (replay with CONCURRENCY_SEED=${seed}):\n${broken.slice(0, 40).join('\n')}`);
    // The run exercised what it claims to: refusals, replays and every kind of write.
    expect(run.acked.length).toBeGreaterThan(OPS / 4);
    expect(refused.length).toBeGreaterThan(0);
    expect(tally.resends).toBeGreaterThan(0);
    expect(new Set(run.acked.map((a) => a.kind)).size).toBeGreaterThanOrEqual(14);
  }, 120_000);
});
