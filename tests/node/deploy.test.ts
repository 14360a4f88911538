import fs from 'node:fs';
import path from 'node:path';
import { functionConfig, functionNames } from '../../emulator/functions/discovery';

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

  it('declares the same timer triggers for CloudBase as the local cloud runs', () => {
    for (const f of rc.functions) expect(f.triggers ?? []).toEqual(functionConfig(f.name).triggers ?? []);
  });

  it('closes direct database access from the client', () => {
    expect(collections.defaultRule).toEqual({ read: false, write: false });
  });
});
