import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { LocalCloud, LocalCloudOptions, startLocalCloud } from '../../../emulator/server';

/** A local cloud of a test's own, on a fresh data directory, with the bundles the global setup built. */
export async function ownCloud(opts: Partial<LocalCloudOptions> = {}): Promise<LocalCloud & { dataDir: string }> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-own-'));
  const cloud = await startLocalCloud({ build: false, collections: false, ...opts, dataDir });
  return Object.assign(cloud, { dataDir });
}

/** The server SDK against one local cloud, with the secret it printed for this start. */
export function dbOf(cloud: { url: string; secret: string }) {
  return tcb.init({ env: 'local', serviceUrl: `${cloud.url}/admin`, secretId: 'local', secretKey: 'local', sessionToken: cloud.secret }).database();
}

/** A nested array `depth` levels deep, built without recursion. */
export function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 1; i < depth; i++) v = [v];
  return v;
}
