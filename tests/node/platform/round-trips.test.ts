import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../../emulator/server';
import { seedDemo } from '../../../demo';
import { bringToLife } from '../../../demo/alive';
import { httpCaller } from '../../../demo/http';
import { measureSteps, table, type Measured } from '../../../scripts/trips/measure';
import { BUDGETS, SCREEN_BYTES } from '../../../scripts/trips/screens';

/**
 * Database round trips per call, on the demo community at work in a local cloud of this test's own
 * (the steps write: a wish, a claim, an order, a request). Each first-screen read, stat and main write
 * costs exactly the requests scripts/trips/screens.ts records, within its budget: a change that adds
 * a round trip fails here, and so does one that saves one until the count is brought down with it.
 */
let cloud: LocalCloud;
let rows: Measured[];

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-trips-'));
  cloud = await startLocalCloud({ dataDir, build: false, maxInstances: 2 });
  seedDemo(cloud.db.store);
  await bringToLife(httpCaller(cloud.url));
  rows = await measureSteps(cloud);
  console.log(table(rows));
}, 300_000);

afterAll(async () => {
  await cloud?.close();
});

describe('round trips per call', () => {
  it('every step answers as its person, without an error', () => {
    expect(rows.filter((r) => r.error).map((r) => `${r.step.fn}.${r.step.action}: ${r.error}`)).toEqual([]);
  });

  it('each step costs the database requests it is recorded with', () => {
    const counts = (pick: (r: Measured) => number) => rows.map((r) => `${r.step.page} ${r.step.fn}.${r.step.action} ${r.step.as}: ${pick(r)}`);
    expect(counts((r) => r.requests)).toEqual(counts((r) => r.step.trips));
  });

  it('first screens, stats and writes stay within their budgets, but for those marked still over', () => {
    const over = rows.filter((r) => !r.step.over && r.requests > BUDGETS[r.step.budget]);
    expect(over.map((r) => `${r.step.fn}.${r.step.action}: ${r.requests} > ${BUDGETS[r.step.budget]}`)).toEqual([]);
    // Marked over only while it is: one brought within its budget loses the mark.
    const marked = rows.filter((r) => r.step.over && r.requests <= BUDGETS[r.step.budget]);
    expect(marked.map((r) => `${r.step.fn}.${r.step.action}`)).toEqual([]);
  });

  it('a first screen answers in at most 20 KB', () => {
    const big = rows.filter((r) => r.step.budget === 'screen' && r.bytes > SCREEN_BYTES);
    expect(big.map((r) => `${r.step.fn}.${r.step.action}: ${(r.bytes / 1024).toFixed(1)} KB`)).toEqual([]);
  });
});
