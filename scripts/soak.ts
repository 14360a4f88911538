import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAll } from '../tests/node/hardening/concurrency/invariants';
import { execute, plan, type Acked } from '../tests/node/hardening/concurrency/run';
import { newWorld, refresh, type World } from '../tests/node/hardening/concurrency/world';

/**
 * `npm run soak [-- --minutes 3]`: mixed traffic of every domain (the concurrency suite's runs:
 * wishes, points, bookings, activities, tickets) at a steady pace against a local cloud in a
 * process of its own; half way the local cloud is killed with SIGKILL (its function instances
 * with it) right after writes were acknowledged, and restarted on the same data. Afterwards every invariant of the
 * concurrency suite is checked over everything acknowledged, p99 latency is printed per action,
 * and the local cloud's memory is sampled to report its slope. Bounded in time; not part of CI.
 */

const ROOT = path.resolve(__dirname, '..');
const minutes = Number(process.argv[process.argv.indexOf('--minutes') + 1] || 3);
const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-soak-'));
const latencies = new Map<string, number[]>();
const memory: Array<[number, number]> = [];

function startCloud(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('local cloud ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`local cloud exited (${code}) before it was ready`)));
  });
}

/** Every request the runs send, timed per action, through the same fetch they use. */
function timeRequests(): void {
  const plain = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const started = performance.now();
    try {
      return await plain(input, init);
    } finally {
      const fn = /\/fn\/(\w+)/.exec(String(input))?.[1];
      const action = fn && typeof init?.body === 'string' ? (JSON.parse(init.body) as { action?: string }).action : undefined;
      if (fn && action) {
        const key = `${fn}.${action}`;
        latencies.set(key, [...(latencies.get(key) ?? []), performance.now() - started]);
      }
    }
  };
}

/** Resident memory of a process in MB, or undefined once it is gone (between the kill and the restart). */
function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den ? num / den : 0;
}

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main() {
  let cloud = await startCloud();
  process.env.HONGLIN_URL = `http://127.0.0.1:${port}`;
  process.env.HONGLIN_SECRET = fs.readFileSync(path.join(dataDir, 'secret'), 'utf8').trim();
  timeRequests();
  const started = Date.now();
  const end = started + minutes * 60_000;
  const sampler = setInterval(() => {
    const mb = cloud.pid ? rssMb(cloud.pid) : undefined;
    if (mb !== undefined) memory.push([(Date.now() - started) / 60_000, mb]);
  }, 2000);
  // A world serves eight rounds (its slots are laid out along one day), then is checked and replaced.
  let world: World = await newWorld();
  let acked: Acked[] = [];
  const totals = { rounds: 0, acked: 0, invariants: new Set<string>(), facts: 0, problems: [] as string[] };
  const closeWorld = async () => {
    const checks = await checkAll(world, acked);
    for (const n of checks.names) totals.invariants.add(n);
    totals.facts += checks.facts;
    totals.problems.push(...checks.problems);
    totals.acked += acked.length;
  };
  let seed = 1;
  let killed = false;
  let faults = 0;
  while (Date.now() < end) {
    const roundStarted = Date.now();
    if (totals.rounds > 0 && totals.rounds % 8 === 0) {
      await closeWorld();
      world = await newWorld();
      acked = [];
    }
    const run = await execute(world, await refresh(world), plan(seed++, 60), 8);
    totals.rounds++;
    acked.push(...run.acked);
    faults += run.tally.faults.length;
    for (const f of run.tally.faults) console.log(`  fault: ${f}`);
    if (!killed && Date.now() > started + (end - started) / 2) {
      // Right after writes were acknowledged: they must all be there after the restart.
      cloud.kill('SIGKILL');
      await new Promise((r) => cloud.once('exit', r));
      const [before] = memory.slice(-1);
      memory.length = 0;
      cloud = await startCloud();
      process.env.HONGLIN_SECRET = fs.readFileSync(path.join(dataDir, 'secret'), 'utf8').trim();
      killed = true;
      console.log(`[soak] local cloud killed with SIGKILL at ${((Date.now() - started) / 1000).toFixed(0)} s (rss then ${before?.[1].toFixed(0)} MB) and restarted on the same data`);
    }
    // A steady pace: one round (60 operations, 8 in flight) every 3 seconds at most.
    await new Promise((r) => setTimeout(r, Math.max(0, 3000 - (Date.now() - roundStarted))));
  }
  clearInterval(sampler);
  await closeWorld();
  cloud.kill('SIGTERM');
  const total = [...latencies.values()].reduce((s, xs) => s + xs.length, 0);
  console.log(`[soak] ${minutes} min: ${totals.rounds} rounds, ${total} requests, ${totals.acked} writes acknowledged, ${faults} faults on the wire`);
  console.log(`[soak] ${totals.invariants.size} invariants, ${totals.facts} facts checked, ${totals.problems.length} broken`);
  for (const problem of totals.problems.slice(0, 20)) console.log(`  broken: ${problem}`);
  console.log('[soak] latency per action (ms): count  p50  p99');
  for (const [k, xs] of [...latencies].sort()) console.log(`  ${k.padEnd(28)} ${String(xs.length).padStart(5)} ${p(xs, 0.5).toFixed(0).padStart(5)} ${p(xs, 0.99).toFixed(0).padStart(5)}`);
  const rss = memory.map(([, y]) => y);
  console.log(`[soak] local cloud memory after the restart: ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB over ${memory.length} samples, slope ${slope(memory).toFixed(1)} MB/min`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(totals.problems.length || faults ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
