import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Doc } from '../../../emulator/db/codec';
import { seedDemo } from '../../../demo';
import { startLocalCloud, type LocalCloud } from '../../../emulator/server';

/**
 * A season's figures count each wish where its life falls: published, claimed or fulfilled in the
 * season's days, whichever season it was filed under. A cloud of the test's own, with no wishes
 * but the ones this test makes, so every figure is exact.
 */
const DAY = 86_400_000;
const C = 'c_beihai';
let cloud: LocalCloud;

const dateOf = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

async function fn(name: string, event: Record<string, unknown>, openid: string): Promise<any> {
  const res = await fetch(`${cloud.url}/fn/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(event) });
  const body: any = await res.json();
  if (!body.ok) throw new Error(`${name}.${String(event.action)}: ${body.code} ${body.message}`);
  return body.data;
}

/** Moves a wish's life back in time: published (under `season`), claimed and completed `days` ago, its events too. */
function backdate(id: string, days: { published?: number; season?: number; claimed?: number; completed?: number }) {
  const store = cloud.db.store;
  const wish = { ...store.collection('wishes').get(id)! } as Doc & Record<string, unknown>;
  const ago = (d: number) => Date.now() - d * DAY;
  if (days.published !== undefined) wish.createdAt = ago(days.published);
  if (days.completed !== undefined) wish.completedAt = ago(days.completed);
  if (days.season !== undefined) Object.assign(wish, { seasonId: `${C}.s${days.season}`, seasonNumber: days.season });
  const events = [...store.collection('wish_events').entries()].filter(([, e]) => e.wishId === id);
  const moved = events.flatMap(([eid, e]) => {
    const d = e.to === 'claimed' ? days.claimed : e.to === 'completed' ? days.completed : e.from === null || e.to === 'open' ? days.published : undefined;
    return d === undefined ? [] : [{ coll: 'wish_events', id: eid, doc: { ...e, at: ago(d) } as Doc }];
  });
  store.commit([{ coll: 'wishes', id, doc: wish }, ...moved]);
}

async function publish(title: string): Promise<string> {
  const { wish } = await fn('wish', { action: 'publish', title, content: `${title}，谢谢`, category: '生活物资' }, 'demo-resident');
  return wish.id;
}

const approve = (id: string) => fn('wish', { action: 'review', id, approve: true }, 'demo-staff');

async function fulfil(id: string) {
  await fn('wish', { action: 'claim', id }, 'demo-volunteer');
  await fn('wish', { action: 'submitProof', id, note: '已经送到' }, 'demo-volunteer');
  await fn('wish', { action: 'confirm', id }, 'demo-resident');
}

beforeAll(async () => {
  cloud = await startLocalCloud({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-seasons-')), build: false, maxInstances: 2 });
  seedDemo(cloud.db.store);
  const clear = ['wishes', 'wish_events', 'wish_seasons'].flatMap((coll) => [...cloud.db.store.collection(coll).keys()].map((id) => ({ coll, id, doc: null })));
  cloud.db.store.commit(clear);
  const now = Date.now();
  const season = (n: number, start: number, end: number) => ({
    coll: 'wish_seasons',
    id: `${C}.s${n}`,
    doc: { _id: `${C}.s${n}`, communityId: C, number: n, name: `第${n}季`, startDate: dateOf(now - start * DAY), endDate: dateOf(now + end * DAY), createdBy: 'test', createdAt: 0 } as Doc,
  });
  // 第1季 ran from 60 to 31 days ago; 第2季 began 30 days ago and is open now.
  cloud.db.store.commit([season(1, 60, -31), season(2, 30, 30)]);
}, 60_000);

afterAll(async () => {
  await cloud?.close();
});

it('counts every wish whose publishing, claim or fulfilment falls in the season’s days', async () => {
  // Published, claimed and fulfilled in 第1季.
  const early = await publish('帮忙买米面油');
  await approve(early);
  await fulfil(early);
  backdate(early, { published: 45, season: 1, claimed: 40, completed: 35 });
  // Published in 第1季 (so filed under it), claimed and fulfilled now, in 第2季.
  const late = await publish('帮忙换个灯泡');
  await approve(late);
  backdate(late, { published: 45, season: 1 });
  await fulfil(late);
  // Published in 第2季, claimed, released and claimed again: one claimed wish.
  const twice = await publish('陪老人去医院复查');
  await approve(twice);
  await fn('wish', { action: 'claim', id: twice }, 'demo-volunteer');
  await fn('wish', { action: 'release', id: twice, reason: '临时有事' }, 'demo-volunteer');
  await fn('wish', { action: 'claim', id: twice }, 'demo-volunteer');
  // Published in 第2季 and still open; one refused, and one fulfilled before either season.
  await approve(await publish('修一下楼道的扶手'));
  const refused = await publish('想要一台新电视');
  await fn('wish', { action: 'review', id: refused, approve: false, reason: '不属于微心愿' }, 'demo-staff');
  const before = await publish('帮忙收快递');
  await approve(before);
  await fulfil(before);
  backdate(before, { published: 100, claimed: 99, completed: 98 });

  const stats = async (seasonId?: string) => (await fn('wish', { action: 'stats', ...(seasonId ? { seasonId } : {}) }, 'demo-resident')).stats;
  const first = await stats(`${C}.s1`);
  expect(first).toEqual({ season: { number: 1, name: '第1季' }, collected: 2, claimed: 1, completed: 1 });
  const open = await stats();
  expect(open).toEqual({ season: { number: 2, name: '第2季' }, collected: 2, claimed: 2, completed: 1 });

  // The community intro counts the completions of the open season's days, the one filed in 第1季 included.
  const { community } = await fn('map', { action: 'community' }, 'demo-resident');
  expect(community.figures).toMatchObject({ wishesCompleted: 1, season: { number: 2, name: '第2季' } });

  // The database holds what the figures say: the wish fulfilled in 第2季 was filed under 第1季.
  const lateDoc = cloud.db.store.collection('wishes').get(late)!;
  expect([lateDoc.seasonId, lateDoc.status]).toEqual([`${C}.s1`, 'completed']);
}, 120_000);
