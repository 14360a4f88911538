import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { localCloudSecret } from '../../../emulator/secret';

const ROOT = path.resolve(__dirname, '../../..');

/** Starts `npm start`'s script as a separate process on a free port and waits for its URL. */
function startCloud(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /ready at (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`local cloud exited early (${code}): ${out}`)));
  });
}

/** The SDK against that process, with the secret it wrote to its data directory at start. */
const dbAt = (url: string, dataDir: string) =>
  tcb.init({ env: 'local', serviceUrl: `${url}/admin`, secretId: 'local', secretKey: 'local', sessionToken: localCloudSecret(dataDir) }).database();

it('keeps every acknowledged write and no half transaction across SIGKILL', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-durable-'));
  const first = await startCloud(dataDir);
  const db = dbAt(first.url, dataDir);
  // Created collections, like their documents, outlive the process.
  await db.createCollection('storm');
  await db.createCollection('pairs');
  const acked: string[] = [];
  const ackedPairs: string[] = [];
  let stop = false;

  const singles = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const id = `s-${w}-${i}`;
      try {
        await db.collection('storm').add({ _id: id, w, i });
        acked.push(id);
      } catch {
        return;
      }
    }
  };
  const pairs = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const id = `p-${w}-${i}`;
      try {
        await db.runTransaction(async (t: any) => {
          await t.collection('pairs').doc(`${id}-a`).set({ pair: id });
          await t.collection('pairs').doc(`${id}-b`).set({ pair: id });
        });
        ackedPairs.push(id);
      } catch {
        return;
      }
    }
  };
  const storm = Promise.all([...[0, 1, 2, 3].map(singles), ...[0, 1, 2, 3].map(pairs)]);
  await new Promise((r) => setTimeout(r, 1500));
  first.child.kill('SIGKILL');
  stop = true;
  await storm;
  expect(acked.length).toBeGreaterThan(20);
  expect(ackedPairs.length).toBeGreaterThan(5);

  const second = await startCloud(dataDir);
  try {
    const db2 = dbAt(second.url, dataDir);
    const ids = new Set<string>();
    for (let skip = 0; ; skip += 1000) {
      const page = (await db2.collection('storm').skip(skip).limit(1000).get()).data;
      page.forEach((d: any) => ids.add(d._id));
      if (page.length < 1000) break;
    }
    expect(acked.filter((id) => !ids.has(id))).toEqual([]);

    const halves = new Map<string, number>();
    for (let skip = 0; ; skip += 1000) {
      const page = (await db2.collection('pairs').skip(skip).limit(1000).get()).data;
      page.forEach((d: any) => halves.set(d.pair, (halves.get(d.pair) ?? 0) + 1));
      if (page.length < 1000) break;
    }
    expect([...halves.values()].filter((n) => n !== 2)).toEqual([]);
    expect(ackedPairs.filter((p) => halves.get(p) !== 2)).toEqual([]);
  } finally {
    second.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
