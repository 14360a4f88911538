import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startLocalCloud } from '../emulator/server';
import { seedDemo } from '../demo';
import { bringToLife } from '../demo/alive';
import { httpCaller } from '../demo/http';
import { measureSteps, table } from './trips/measure';

/**
 * `npm run bench`: the local cloud on this machine under load. Prints the round trips of every
 * first screen (`--trips`: only those), then the wish-wall list through
 * the function host beside a raw database-endpoint query of the same data, and a claim storm.
 * The matcher runs first, alone: the load leaves processes and memory behind that would be
 * counted against its time and memory budgets.
 */
async function run(opts: autocannon.Options) {
  return new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

function line(name: string, r: autocannon.Result) {
  return `${name.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
}

async function post(url: string, body: unknown, openid?: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) }, body: JSON.stringify(body) });
  return res.json() as Promise<any>;
}

/** In a process of its own, as in its cloud function. */
function matchBench() {
  const match = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'bench-match.ts')], { stdio: 'inherit' });
  if (match.status !== 0) process.exitCode = 1;
  console.log('');
}

/** Database requests, response size and latency of each first-screen read and main write, on the demo community at work. */
async function roundTrips(cloud: { url: string; secret: string }) {
  const rows = await measureSteps(cloud);
  console.log('Round trips per call (db: database requests outside a transaction, tx: inside one; ms in this process)\n');
  console.log(table(rows));
  const over = rows.filter((r) => r.over.length || r.error).length;
  console.log(`\n${over ? `${over} over budget or failed` : 'all within budget'}\n`);
  if (over) process.exitCode = 1;
}

async function main() {
  const tripsOnly = process.argv.includes('--trips');
  if (!tripsOnly) matchBench();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-bench-'));
  const cloud = await startLocalCloud({ dataDir, maxInstances: 4 });
  seedDemo(cloud.db.store);
  await bringToLife(httpCaller(cloud.url));
  const fn = (name: string) => `${cloud.url}/fn/${name}`;
  try {
    await roundTrips(cloud);
    if (tripsOnly) return;
    // A wall of 200 approved wishes.
    for (let i = 0; i < 200; i++) {
      const r = await post(fn('wish'), { action: 'publish', title: `压测心愿第${i}号`, content: '帮忙修理楼道灯，谢谢邻居。', category: '维修帮办' }, 'demo-resident');
      await post(fn('wish'), { action: 'review', id: r.data.wish.id, approve: true }, 'demo-staff');
      if (i % 40 === 39) await post(fn('wish'), { action: 'withdraw', id: r.data.wish.id }, 'demo-resident');
    }
    const duration = Number(process.env.BENCH_SECONDS ?? 10);
    console.log(`HongLin bench — ${os.cpus().length} cores, ${duration}s per run, 20 connections\n`);

    const raw = await run({
      url: `${cloud.url}/admin`,
      method: 'POST',
      connections: 20,
      duration,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'database.getDocument',
        collectionName: 'wishes',
        query: JSON.stringify({ communityId: 'c_beihai', status: { $in: ['open', 'claimed', 'awaiting_confirmation', 'completed'] } }),
        order: JSON.stringify({ createdAt: -1 }),
        limit: 21,
        sessionToken: cloud.secret,
      }),
    });
    console.log(line('database endpoint (raw wall query)', raw));

    const wall = await run({
      url: fn('wish'),
      method: 'POST',
      connections: 20,
      duration,
      headers: { 'content-type': 'application/json', 'x-openid': 'demo-volunteer' },
      body: JSON.stringify({ action: 'list' }),
    });
    console.log(line('wish.list through the function host', wall));
    console.log(`function overhead: ${(raw.requests.average / wall.requests.average).toFixed(1)}× fewer req/s, p50 ${wall.latency.p50 - raw.latency.p50} ms more\n`);

    // Claim storm: 100 volunteers race for 10 wishes at once, three times.
    const volunteers: string[] = [];
    for (let i = 0; i < 100; i++) {
      const openid = `bench-vol-${i}`;
      await post(fn('user'), { action: 'login', scene: 'c=beihai' }, openid);
      const inv = await post(fn('user'), { action: 'createInvite', role: 'volunteer' }, 'demo-staff');
      await post(fn('user'), { action: 'redeemInvite', code: inv.data.invite.code }, openid);
      volunteers.push(openid);
    }
    for (let round = 0; round < 3; round++) {
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await post(fn('wish'), { action: 'publish', title: `抢单心愿${round}-${i}`, content: '认领压测', category: '其他' }, 'demo-resident');
        await post(fn('wish'), { action: 'review', id: r.data.wish.id, approve: true }, 'demo-staff');
        ids.push(r.data.wish.id);
      }
      const started = Date.now();
      const results = await Promise.all(volunteers.map((v, i) => post(fn('wish'), { action: 'claim', id: ids[i % 10] }, v)));
      const ms = Date.now() - started;
      const wins = results.filter((r) => r.ok).length;
      const conflicts = results.filter((r) => !r.ok && r.code === 'CONFLICT').length;
      console.log(`claim storm ${round + 1}: 100 claims on 10 wishes in ${ms} ms — ${wins} won, ${conflicts} CONFLICT, ${100 - wins - conflicts} other`);
      for (const r of results) if (r.ok) await post(fn('wish'), { action: 'release', id: r.data.wish.id }, volunteers[results.indexOf(r)]);
    }
  } finally {
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
