import fs from 'node:fs';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../emulator/server';
import { seedDemo } from '../demo';
import { bringToLife } from '../demo/alive';
import { DISTRICT, growDistrict } from '../demo/district';
import { httpCaller } from '../demo/http';
import { measureSteps, table } from './trips/measure';
import { STEPS } from './trips/screens';

const ROOT = path.resolve(__dirname, '..');
/** A first-screen read on a district's data, in this process, warm. */
const SCREEN_MS = 50;

/**
 * `npm run seed:district`: a district-sized local cloud (DISTRICT: 50 communities, 100,000 residents,
 * 500,000 ledger entries, 50,000 tickets) in DATA_DIR (default .data-district), then every first
 * screen measured on it: database requests within budget and each under 50 ms.
 * `DATA_DIR=.data-district npm start` serves it afterwards; `-- --measure` measures it again without seeding.
 */
async function main() {
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data-district'));
  const again = process.argv.includes('--measure') && fs.existsSync(dataDir);
  if (!again) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const cloud = await startLocalCloud({ dataDir, maxInstances: 4 });
  try {
    if (!again) await seed(cloud);
    await measure(cloud);
    console.log(`serve it: DATA_DIR=${path.relative(ROOT, dataDir) || dataDir} npm start`);
  } finally {
    await cloud.close();
  }
}

async function seed(cloud: LocalCloud) {
  let t = Date.now();
  seedDemo(cloud.db.store);
  await bringToLife(httpCaller(cloud.url));
  console.log(`demo community at work: ${Date.now() - t} ms`);
  t = Date.now();
  const sizes = growDistrict(cloud.db.store);
  await cloud.db.store.durable();
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`district of ${DISTRICT.communities} communities: ${total.toLocaleString('en')} documents in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  for (const coll of ['communities', 'users', 'points_accounts', 'points_entries', 'needs', 'tickets']) console.log(`  ${coll.padEnd(18)} ${sizes[coll]?.toLocaleString('en')}`);
}

async function measure(cloud: LocalCloud) {
  const rows = await measureSteps(cloud, STEPS.filter((s) => s.budget !== 'write'));
  for (const r of rows) if (r.step.budget === 'screen' && r.ms > SCREEN_MS) r.over.push(`${r.ms.toFixed(0)} ms > ${SCREEN_MS} ms`);
  console.log(`\nFirst screens and stats on the district (the demo community's people; ms in this process)\n`);
  console.log(table(rows));
  const over = rows.filter((r) => r.over.length || r.error).length;
  console.log(`\n${over ? `${over} over budget or failed` : `all within budget, every first screen under ${SCREEN_MS} ms`}`);
  if (over) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
