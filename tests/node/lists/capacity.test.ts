import { sdk } from '../support/cloud';
import { getDoc, lists, listsOk, newListsCommunity, rid, type ListsCommunity } from '../support/lists';

/**
 * A resource takes at most its capacity per period: the matching only suggests what is left, and
 * accepting suggestions (also concurrently, also by adjusting others onto it) never goes beyond.
 */

let c: ListsCommunity;

async function resource(title: string, capacity: number, gridIds: string[]): Promise<string> {
  const r = await listsOk(
    { action: 'saveResource', op: 'create', resource: { title, providerKind: 'unit', unitId: c.unitId, categories: ['水电维修'], capacity, period: 'month', area: { gridIds } } },
    c.staff,
  );
  return r.resource.id;
}

async function usageOf(resourceId: string): Promise<number> {
  const res = await sdk().database().collection('resource_usage').where({ resourceId }).get();
  return res.data.reduce((s: number, u: any) => s + u.used, 0);
}

async function ticketsTo(resourceId: string): Promise<number> {
  const res = await sdk().database().collection('tickets').where({ communityId: c.id, 'usage.resourceId': resourceId }).get();
  return res.data.length;
}

beforeAll(async () => {
  c = await newListsCommunity();
});

it('suggests no more than a resource can take, and accepting all its suggestions fills it exactly', async () => {
  const small = await resource('小修小补', 2, [c.gridId]);
  for (let i = 0; i < 4; i++) await listsOk({ action: 'addNeed', category: '水电维修', title: `灯不亮${i + 1}`, gridId: c.gridId, urgency: ((i % 3) + 1) as 1 | 2 | 3 }, c.staff);
  const { job } = await listsOk({ action: 'match' }, c.staff);
  expect(job.summary).toMatchObject({ needs: 4, resources: 1, matched: 2, unmatched: 2 });
  const { items } = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
  expect(items).toHaveLength(2);
  // The most urgent needs get the two places.
  expect(items.map((s: any) => s.need.urgency).sort()).toEqual([2, 3]);
  for (const s of items) await listsOk({ action: 'decide', id: s.id, decision: 'accept' }, c.staff);
  expect(await usageOf(small)).toBe(2);
  expect((await listsOk({ action: 'resource', id: small }, c.staff)).resource).toMatchObject({ capacity: 2, used: 2 });
  // Full: the next run has nothing to give the two needs left.
  const again = await listsOk({ action: 'match' }, c.staff);
  expect(again.job.summary).toMatchObject({ needs: 2, matched: 0, unmatched: 2 });
  await listsOk({ action: 'saveResource', op: 'retire', id: small, reason: '本月结束' }, c.staff);
});

it('concurrent accepts and adjustments onto one resource: exactly its capacity wins, the rest are refused and write nothing', async () => {
  const a = await resource('A 供电所抢修班', 2, [c.grid2]);
  const b = await resource('B 物业维修组', 3, [c.grid2]);
  for (let i = 0; i < 5; i++) await listsOk({ action: 'addNeed', category: '水电维修', title: `插座冒火花${i + 1}`, gridId: c.grid2 }, c.staff);
  const { job } = await listsOk({ action: 'match' }, c.staff);
  expect(job.summary).toMatchObject({ needs: 7, matched: 5 });
  const { items } = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
  const mine = items.filter((s: any) => [a, b].includes(s.resource.id));
  expect(mine).toHaveLength(5);
  expect(mine.filter((s: any) => s.resource.id === a)).toHaveLength(2);
  // Everyone onto A at once: two fit.
  const results = await Promise.all(mine.map((s: any) => lists({ action: 'decide', id: s.id, decision: 'adjust', resourceId: a, requestId: rid() }, s.resource.id === a ? c.staff : c.admin)));
  const won = results.filter((r) => r.ok);
  expect(won).toHaveLength(2);
  for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED', message: expect.stringContaining('容量已满') });
  expect(await usageOf(a)).toBe(2);
  expect(await ticketsTo(a)).toBe(2);
  // The refused ones are still proposed; accepting them as suggested fills B up to its own capacity only.
  const left = (await listsOk({ action: 'matchResult', jobId: job.id, status: 'proposed' }, c.staff)).items.filter((s: any) => [a, b].includes(s.resource.id));
  expect(left).toHaveLength(3);
  const second = await Promise.all(left.map((s: any) => lists({ action: 'decide', id: s.id, decision: 'accept' }, c.staff)));
  for (const [i, r] of second.entries()) expect(r.ok).toBe(left[i].resource.id === b);
  expect(await usageOf(a)).toBe(2);
  expect(await usageOf(b)).toBe(await ticketsTo(b));
  expect(await usageOf(b)).toBeLessThanOrEqual(3);
});

it('cancelling a dispatched ticket gives its capacity back; the match then suggests the resource again', async () => {
  const r = await resource('C 单次服务', 1, [c.gridId]);
  const need = await listsOk({ action: 'addNeed', category: '水电维修', title: '电表箱门坏了', gridId: c.gridId, urgency: 3 }, c.staff);
  const { job } = await listsOk({ action: 'match' }, c.staff);
  const s = (await listsOk({ action: 'matchResult', jobId: job.id }, c.staff)).items.find((x: any) => x.need.id === need.need.id);
  expect(s.resource.id).toBe(r);
  const { ticket } = await listsOk({ action: 'decide', id: s.id, decision: 'accept' }, c.staff);
  expect(await usageOf(r)).toBe(1);
  await listsOk({ action: 'cancel', id: ticket.id, reason: '居民已自行修好' }, c.staff);
  expect(await usageOf(r)).toBe(0);
  expect(await getDoc('needs', need.need.id)).toMatchObject({ status: 'closed' });
  expect((await lists({ action: 'cancel', id: ticket.id, reason: '再撤一次' }, c.staff)).code).toBe('CONFLICT');
  expect(await usageOf(r)).toBe(0);
  const next = await listsOk({ action: 'addNeed', category: '水电维修', title: '楼道插座松动', gridId: c.gridId, urgency: 3 }, c.staff);
  const rerun = await listsOk({ action: 'match' }, c.staff);
  const again = (await listsOk({ action: 'matchResult', jobId: rerun.job.id }, c.staff)).items.find((x: any) => x.need.id === next.need.id);
  expect(again.resource.id).toBe(r);
});
