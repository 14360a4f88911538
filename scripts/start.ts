import path from 'node:path';
import fs from 'node:fs';
import { startLocalCloud } from '../emulator/server';
import { seedDemo, DEMO_OPENIDS } from '../demo';
import { syncMiniprogramNpm } from './mp-npm';
import { bringToLife } from '../demo/alive';
import { httpCaller } from '../demo/http';
import { demoPreview } from '../demo/preview';

const ROOT = path.resolve(__dirname, '..');

/** `npm start`: the local cloud with the demo community. `--reset` wipes the data first. */
async function main() {
  const started = Date.now();
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
  if (process.argv.includes('--reset')) fs.rmSync(dataDir, { recursive: true, force: true });
  // WeChat DevTools opens miniprogram/ with its UI kit in miniprogram_npm, ready to run.
  syncMiniprogramNpm();
  const cloud = await startLocalCloud({ port, dataDir, timers: true, preview: demoPreview() });
  const seeded = seedDemo(cloud.db.store);
  // A first start shows a community at work: a season open, wishes in every state, orders, bookings.
  if (seeded) await bringToLife(httpCaller(cloud.url));
  console.log(`红邻 local cloud ready at ${cloud.url} (${Date.now() - started} ms)`);
  console.log(`  data: ${dataDir}${seeded ? ' (demo community seeded)' : ''}`);
  console.log(`  preview: ${cloud.url}/ (the mini-program in a browser; the account switch is beside the phone)`);
  console.log(`  health: GET ${cloud.url}/healthz   functions: POST ${cloud.url}/fn/<name> with header x-openid`);
  console.log(`  database: POST ${cloud.url}/admin (the SDK's serviceUrl), sessionToken = ${path.join(dataDir, 'secret')} (new each start)`);
  console.log('  demo accounts (x-openid):');
  for (const u of DEMO_OPENIDS) console.log(`    ${u.openid.padEnd(16)} ${u.name} ${u.roles.join(',') || 'resident'}`);
  const stop = async () => {
    await cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
