import type { Doc } from '../../../emulator/db/codec';
import type { LocalCloud } from '../../../emulator/server';
import { matchCloud, needDoc } from '../support/match-cloud';
import { generateInstance } from '../../../scripts/bench-match';
import { matchNeeds } from '../../../server/lists/match';
import { JOBS, PROGRESS, type JobDoc } from '../../../server/lists/model';

/**
 * A match job whose solve does not fit in one invocation: with the solve time per invocation cut
 * to 1 ms (HONGLIN_MATCH_SOLVE_MS), every `runMatchJobs` run adds a few dozen needs, stores the
 * progress and puts the job back in the queue; the last one writes the result, which is the exact
 * optimum of the lists as they were when the job began, and removes the stored progress. A slice
 * that dies costs only its own work.
 */

const NEEDS = 1200;
const RESOURCES = 600;

let cloud: LocalCloud;
let fn: (event: Record<string, unknown>, openid: string) => Promise<any>;

const inst = generateInstance(NEEDS, RESOURCES, 7);

beforeAll(async () => {
  process.env.HONGLIN_MATCH_SOLVE_MS = '1';
  ({ cloud, lists: fn } = await matchCloud(inst));
}, 120_000);

afterAll(async () => {
  delete process.env.HONGLIN_MATCH_SOLVE_MS;
  await cloud?.close();
});

it('runs in slices across timer invocations, each going on from the stored progress, to the one-shot optimum', async () => {
  const { job } = await fn({ action: 'match', background: true }, 'demo-staff');
  expect(job.status).toBe('queued');

  // The first slice stores the lists and the progress, and queues the job again.
  expect(await cloud.fireTimer('lists', 'runMatchJobs')).toEqual({ ok: true, data: { ran: 1 } });
  const after1 = cloud.db.store.collection(JOBS).get(job.id) as unknown as JobDoc;
  expect(after1).toMatchObject({ status: 'queued', slices: 1, attempts: 0 });
  const state: any = cloud.db.store.collection(PROGRESS).get(`${job.id}.state`);
  expect(state.progress.flow.next).toBeGreaterThan(0);
  expect(state.progress.flow.next).toBeLessThan(NEEDS);

  // A need added meanwhile is not part of this job: every slice solves the lists the job began with.
  const late = { ...inst.needs[0], id: 'late-need' };
  cloud.db.store.commit([{ coll: 'needs', id: late.id, doc: needDoc(late) as unknown as Doc }]);

  // A slice that dies before storing its progress: the job is left running with the progress of
  // the slice before, and once its lease lapses the timer takes it up again from there.
  const before = cloud.db.store.collection(PROGRESS).get(`${job.id}.state`) as unknown as Doc;
  expect(await cloud.fireTimer('lists', 'runMatchJobs')).toEqual({ ok: true, data: { ran: 1 } });
  const j2 = cloud.db.store.collection(JOBS).get(job.id) as unknown as JobDoc;
  cloud.db.store.commit([
    { coll: PROGRESS, id: `${job.id}.state`, doc: before },
    { coll: JOBS, id: job.id, doc: { ...j2, status: 'running', attempts: j2.attempts + 1, leaseUntil: Date.now() - 1 } as unknown as Doc },
  ]);

  let slices = 2;
  for (; slices < 200; slices++) {
    const j = cloud.db.store.collection(JOBS).get(job.id) as unknown as JobDoc;
    if (j.status !== 'queued' && j.status !== 'running') break;
    expect(await cloud.fireTimer('lists', 'runMatchJobs')).toEqual({ ok: true, data: { ran: 1 } });
  }
  const res = await fn({ action: 'matchResult', jobId: job.id }, 'demo-staff');
  expect(res.job.status).toBe('done');
  expect(slices).toBeGreaterThan(3);
  const expected = matchNeeds(inst.needs, inst.resources, { now: res.job.startedAt });
  expect(res.job.summary).toMatchObject({ needs: NEEDS, resources: RESOURCES, matched: expected.suggestions.length, total: expected.total });
  expect(res.items[0].need.title).toMatch(/^需求n/);
  // Attempts: the slice that died and the one that finished; the slices that stopped on time do not count.
  expect((cloud.db.store.collection(JOBS).get(job.id) as unknown as JobDoc).attempts).toBe(2);
  // Nothing of the job's progress is left behind.
  expect([...cloud.db.store.collection(PROGRESS).keys()].filter((id) => id.startsWith(job.id))).toEqual([]);
  console.log(`[lists] match job ${NEEDS} × ${RESOURCES} in ${slices} invocations, total ${res.job.summary.total} (one shot ${expected.total})`);
}, 180_000);
