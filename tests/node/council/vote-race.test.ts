import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../../emulator/server';
import { httpCaller } from '../../../demo/http';
import type { Call } from '../../../demo/alive';

/**
 * 1,000 residents of 600 households (400 of them with two voters) vote at once, in a local cloud
 * of this test's own: exactly one ballot per household counts, every other voter is told their
 * household has voted, and the closed tally equals the stored ballots.
 */
const HOUSEHOLDS = 600;
const VOTERS = 1000;
const COMMUNITY = 'c_race';

let cloud: LocalCloud;
let call: Call;

function seed(store: LocalCloud['db']['store'], now: number): string[] {
  const buildings = Array.from({ length: 12 }, (_, i) => `${i + 1}幢`);
  const writes: Array<{ coll: string; id: string; doc: Record<string, unknown> & { _id: string } }> = [];
  const put = (coll: string, doc: Record<string, unknown> & { _id: string }) => writes.push({ coll, id: doc._id, doc });
  put('communities', { _id: COMMUNITY, code: 'race', name: '表决测试社区', city: '东台市', district: '东台镇', street: '北海社区', intro: '', center: { type: 'Point', coordinates: [120.31, 32.85] }, createdAt: now });
  put('grids', { _id: 'g_race', communityId: COMMUNITY, code: 'g1', name: '第一网格', buildings });
  const person = (id: string, extra: Record<string, unknown>) => {
    put('user_openids', { _id: `o-${id}`, userId: id, createdAt: now });
    put('users', { _id: id, openid: `o-${id}`, displayName: `居民${id}`, communityId: COMMUNITY, grants: [], createdAt: now, updatedAt: now, ...extra });
  };
  person('staff', { grants: [{ role: 'staff', communityId: COMMUNITY, grantedBy: 'seed', grantedAt: now }] });
  const voters: string[] = [];
  for (let v = 0; v < VOTERS; v++) {
    const h = v % HOUSEHOLDS;
    const id = `v${v}`;
    person(id, { gridId: 'g_race', building: buildings[h % 12], room: `${Math.floor(h / 12) + 1}0${(h % 3) + 1}室` });
    voters.push(`o-${id}`);
  }
  store.commit(writes);
  return voters;
}

let voters: string[];

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-vote-race-'));
  cloud = await startLocalCloud({ dataDir, build: false, maxInstances: 4 });
  voters = seed(cloud.db.store, Date.now());
  call = httpCaller(cloud.url);
}, 120_000);

afterAll(async () => {
  await cloud?.close();
});

async function ok(fn: string, event: Record<string, unknown>, openid: string) {
  const r = await call(fn, event, openid);
  if (!r.ok) throw new Error(`${fn}.${String(event.action)}: ${r.code} ${r.message}`);
  return r.data as { topic: { id: string; vote: { result: { cast: number; tally: Array<{ count: number }> } } } };
}

it('1,000 concurrent votes from 600 households store exactly 600 ballots, and the tally is those ballots', async () => {
  // The rooms above must make 600 distinct households, so the count below means what it says.
  const households = new Set(Array.from({ length: VOTERS }, (_, v) => v % HOUSEHOLDS));
  expect(households.size).toBe(HOUSEHOLDS);

  const { topic } = await ok('council', { action: 'propose', title: '小区建凉亭选址', background: '阳光议事会提出建凉亭，请各户表决。', area: { scope: 'community' } }, 'o-staff');
  await ok('council', { action: 'openVote', id: topic.id, options: ['东侧空地', '北门花园', '暂不建设'], ballot: 'secret', quorum: 300, threshold: 50, closesAt: Date.now() + 3600_000 }, 'o-staff');

  const answers = await Promise.all(voters.map((openid, i) => call('council', { action: 'vote', id: topic.id, optionId: `o${(i % 3) + 1}` }, openid)));
  const refusals = answers.filter((a) => !a.ok) as Array<{ code: string; message: string }>;
  expect(answers.filter((a) => a.ok)).toHaveLength(HOUSEHOLDS);
  expect(new Set(refusals.map((r) => `${r.code} ${r.message}`))).toEqual(new Set(['CONFLICT 本户已投票']));

  const stored = [...cloud.db.store.collection('council_ballots').values()].filter((b) => b.topicId === topic.id);
  expect(stored).toHaveLength(HOUSEHOLDS);
  expect(stored.every((b) => b.voterId === undefined)).toBe(true);

  const closed = await ok('council', { action: 'closeVote', id: topic.id }, 'o-staff');
  const { cast, tally } = closed.topic.vote.result;
  expect(cast).toBe(stored.length);
  for (const [i, row] of tally.entries()) expect(row.count).toBe(stored.filter((b) => b.optionId === `o${i + 1}`).length);
  expect(tally.reduce((a, r) => a + r.count, 0)).toBe(HOUSEHOLDS);
}, 600_000);
