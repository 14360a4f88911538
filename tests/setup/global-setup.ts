import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '../../emulator/server';
import { seedDemo } from '../../demo';
import { demoPreview } from '../../demo/preview';

/** One local cloud for the whole run, seeded with the demo community, on a free port. */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-test-'));
  // Every local cloud of the run (this one and those tests start) records the functions' query shapes here.
  process.env.HONGLIN_QUERY_SHAPES ??= path.join(dataDir, 'query-shapes.jsonl');
  const cloud = await startLocalCloud({ dataDir, maxInstances: 4, preview: demoPreview() });
  seedDemo(cloud.db.store);
  process.env.HONGLIN_URL = cloud.url;
  process.env.HONGLIN_SECRET = cloud.secret;
  process.env.HONGLIN_DATA_DIR = dataDir;
  (globalThis as any).__HONGLIN_CLOUD__ = cloud;
}
