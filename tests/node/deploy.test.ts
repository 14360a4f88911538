import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { functionConfig, functionNames } from '../../emulator/functions/discovery';
import { startLocalCloud } from '../../emulator/server';
import { deploy, parseArgs } from '../../scripts/deploy/run';
import { desiredState } from '../../scripts/deploy/desired';
import { plan, type CurrentState } from '../../scripts/deploy/plan';
import { cloudUrl } from './support/cloud';

const ROOT = path.resolve(__dirname, '../..');
const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8'));
const collections = JSON.parse(fs.readFileSync(path.join(ROOT, 'database/collections.json'), 'utf8'));

describe('deployment config', () => {
  it('deploys every function folder, each with the SDK as its dependency', () => {
    const names = rc.functions.map((f: { name: string }) => f.name).sort();
    expect(names).toEqual(functionNames());
    for (const name of names) {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudfunctions', name, 'package.json'), 'utf8'));
      expect(pkg.dependencies['@cloudbase/node-sdk']).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('leaves a function’s own dependencies out of its bundle, for CloudBase to install', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudfunctions', 'lists', 'package.json'), 'utf8'));
    expect(pkg.dependencies.exceljs).toBe('4.4.0');
    const bundle = fs.readFileSync(path.join(ROOT, 'cloudfunctions', 'lists', 'index.js'), 'utf8');
    expect(bundle).toMatch(/(import|require)\("exceljs"\)/);
    expect(bundle.length).toBeLessThan(1024 * 1024);
  });

  it('declares the same timer triggers for CloudBase as the local cloud runs', () => {
    for (const f of rc.functions) expect(f.triggers ?? []).toEqual(functionConfig(f.name).triggers ?? []);
  });

  it('closes direct database access from the client', () => {
    expect(collections.defaultRule).toEqual({ read: false, write: false });
  });
});

describe('npm run deploy', () => {
  const listed = Object.entries(collections.collections as Record<string, { indexes: Array<{ name: string }> }>);
  const indexCount = listed.reduce((n, [, c]) => n + c.indexes.length, 0);

  it('makes a fresh local cloud match database/collections.json, and a second run plans nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-deploy-'));
    const cloud = await startLocalCloud({ dataDir, build: false, collections: false, maxInstances: 1 });
    try {
      const opts = { dryRun: false, fresh: false, local: cloud.url, build: false };
      const first = await deploy(opts, {}, () => {});
      const count = (op: string) => first.filter((o) => o.op === op).length;
      expect(count('createCollection')).toBe(listed.length);
      expect(count('createIndex')).toBe(indexCount);
      expect(count('setRule')).toBe(listed.length);
      expect(first).toHaveLength(2 * listed.length + indexCount);

      const have = ((await (await fetch(`${cloud.url}/db/collections`)).json()) as any).collections;
      for (const [name, c] of listed) {
        const got = have.find((x: { name: string }) => x.name === name);
        expect(got?.indexes.map((i: { name: string }) => i.name).sort()).toEqual(c.indexes.map((i) => i.name).sort());
        expect(got?.rule).toEqual(collections.defaultRule);
      }
      expect(await deploy(opts, {}, () => {})).toEqual([]);
    } finally {
      await cloud.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('plans nothing for the local cloud, which creates the same at start', async () => {
    expect(await deploy({ dryRun: true, fresh: false, local: cloudUrl(), build: false }, {}, () => {})).toEqual([]);
  });

  it('--dry-run prints every call for a fresh CloudBase environment, reading and sending nothing', async () => {
    const lines: string[] = [];
    await deploy(parseArgs(['--dry-run', '--fresh', '--no-build']), {}, (l) => lines.push(l));
    const out = lines.join('\n');
    for (const [name] of listed) expect(out).toContain(`database.createCollection("${name}")`);
    for (const name of functionNames()) expect(out).toContain(`functions.createFunction({"func":{"name":"${name}"`);
    for (const f of rc.functions) for (const t of f.triggers ?? []) expect(out).toContain(`functions.createFunctionTriggers("${f.name}", [{"name":"${t.name}"`);
    expect(out).toContain('permission.modifyResourcePermission({"resourceType":"collection","resource":"users","permission":"ADMINONLY"})');
  });

  it('refuses to reach CloudBase without the environment id and keys', async () => {
    await expect(deploy(parseArgs(['--no-build']), {}, () => {})).rejects.toThrow(/TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY/);
  });
});

describe('the deploy plan', () => {
  const desired = desiredState();
  const asDeployed = (): CurrentState => ({
    collections: new Map(desired.collections.map((c) => [c.name, { indexes: c.indexes, rule: c.rule }])),
    functions: new Map(desired.functions.map((f) => [f.name, { description: f.description, timeout: f.timeout, memorySize: f.memorySize, triggers: f.triggers }])),
  });

  it('is empty for an environment that matches', () => {
    expect(plan(desired, asDeployed())).toEqual([]);
  });

  it('uploads a function whose code changed, and replaces a trigger whose schedule changed', () => {
    const cur = asDeployed();
    const fn = desired.functions.find((f) => f.triggers.length)!;
    cur.functions!.set(fn.name, { ...cur.functions!.get(fn.name)!, description: 'older code', triggers: [{ ...fn.triggers[0], config: '0 0 3 * * * *' }, ...fn.triggers.slice(1), { name: 'gone', type: 'timer', config: '0 0 * * * * *' }] });
    expect(plan(desired, cur).map((o) => o.op)).toEqual(['updateFunctionCode', 'updateFunctionConfig', 'deleteTrigger', 'deleteTrigger', 'createTrigger']);
  });

  it('replaces an index whose keys changed and closes a collection opened to clients; never drops a collection', () => {
    const cur = asDeployed();
    const c = desired.collections.find((x) => x.indexes.length)!;
    cur.collections.set(c.name, { indexes: [{ ...c.indexes[0], keys: { other: 1 } }, ...c.indexes.slice(1)], rule: { read: true, write: false } });
    cur.collections.set('someone_elses', { indexes: [] });
    expect(plan(desired, cur)).toEqual([
      { op: 'dropIndex', collection: c.name, index: c.indexes[0].name },
      { op: 'createIndex', collection: c.name, index: c.indexes[0] },
      { op: 'setRule', collection: c.name, rule: collections.defaultRule },
    ]);
  });
});
