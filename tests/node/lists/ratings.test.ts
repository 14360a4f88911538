import { call } from '../support/cloud';
import { getDoc, grantWith, listsOk, newListsCommunity, patchDoc, type ListsCommunity } from '../support/lists';
import { uniqueOpenid, ok } from '../support/cloud';
import { rateWorker } from '../../../server/lists/ratings';

const HOUR = 3600_000;

describe('网格员星级评定 (金银铜), computed from the records', () => {
  let c: ListsCommunity;
  let second: { openid: string; id: string };
  beforeAll(async () => {
    c = await newListsCommunity();
    // A second grid worker, of the second grid, with nothing dispatched to them yet.
    const openid = uniqueOpenid('lgw');
    await ok('user', { action: 'login', scene: `c=${c.code}` }, openid);
    second = { openid, id: await grantWith(openid, { role: 'grid_worker', communityId: c.id, gridId: c.grid2 }) };
    await ok('user', { action: 'updateProfile', displayName: '周小燕' }, openid);

    const submit = async (title: string) => (await listsOk({ action: 'submitRequest', category: '水电维修', title }, c.resident)).ticket.id;
    // Three done on time and rated 5, 4 and 3; one still open past its deadline (late).
    for (const [title, stars] of [['水管漏水', 5], ['电闸跳闸', 4], ['楼道灯坏了', 3]] as const) {
      const id = await submit(title);
      await listsOk({ action: 'dispatch', id }, c.staff);
      await listsOk({ action: 'accept', id }, c.workerOpenid);
      await listsOk({ action: 'resolve', id, note: '已修好' }, c.workerOpenid);
      await listsOk({ action: 'rate', id, stars }, c.resident);
    }
    const late = await submit('下水道堵了');
    await listsOk({ action: 'dispatch', id: late }, c.staff);
    const t = await getDoc('tickets', late);
    await patchDoc('tickets', late, { clock: { ...t.clock, acceptBy: Date.now() - HOUR, resolveBy: Date.now() - HOUR }, dueAt: Date.now() - HOUR });
  });

  it('on-time rate 3 of 4 and average 4 stars: 100 × (60% × 0.75 + 40% × 4/5) = 77, three stars, 铜牌', async () => {
    const res = await listsOk({ action: 'workerRatings' }, c.staff);
    expect(res.from).toBe(`${res.to.slice(0, 4)}-01-01`);
    expect(res.formula).toMatch(/按时办结率×60%/);
    expect(res.items[0]).toEqual({
      userId: c.workerId,
      name: c.worker.name,
      grids: ['第一网格'],
      tickets: 4,
      onTime: 3,
      late: 1,
      onTimeRate: 0.75,
      rated: 3,
      avgStars: 4,
      score: 77,
      stars: 3,
      medal: 'bronze',
      medalLabel: '铜牌网格员',
    });
    // Nothing judged yet: no rating, listed after the rated.
    expect(res.items[1]).toMatchObject({ userId: second.id, name: '周小燕', grids: ['第二网格'], tickets: 0, score: null, stars: null });
    expect(res.items[1].medal).toBeUndefined();
    // Nothing is stored: the ticket documents hold no rating of the worker.
    expect(JSON.stringify(await getDoc('users', c.workerId))).not.toMatch(/medal|score/);
  });

  it('a period without the tickets rates nobody; staff only; bad periods are refused', async () => {
    const empty = await listsOk({ action: 'workerRatings', from: '2025-01-01', to: '2025-12-31' }, c.staff);
    expect(empty.items.every((r: any) => r.score === null && r.tickets === 0)).toBe(true);
    expect(await call('lists', { action: 'workerRatings' }, c.workerOpenid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('lists', { action: 'workerRatings' }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('lists', { action: 'workerRatings', from: '2026-05-01', to: '2026-04-01' }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('lists', { action: 'workerRatings', from: '2024-01-01', to: '2026-01-01' }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('the bands: 金牌 at 90, 银牌 at 80; without ratings the on-time rate alone; fewer than 3 judged is 样本不足', () => {
    const now = Date.now();
    const done = (stars?: number) => ({
      kind: 'simple' as const,
      status: 'closed' as const,
      clock: { startAt: now - 10 * HOUR, resolveFrom: now - 10 * HOUR, resolveBy: now + HOUR },
      cycle: 0,
      alerts: [],
      resolvedAt: now - HOUR,
      reopenCount: 0,
      ...(stars ? { rating: { stars } } : {}),
    });
    expect(rateWorker([done(5), done(5), done(5)], [], now)).toMatchObject({ score: 100, stars: 5, medal: 'gold', medalLabel: '金牌网格员' });
    // All on time; tickets rated 3 and 4, errands 4 and 3: average 3.5, so 60 + 40 × 0.7 = 88.
    expect(rateWorker([done(3), done(4), done()], [4, 3], now)).toMatchObject({ rated: 4, avgStars: 3.5, score: 88, stars: 4, medal: 'silver' });
    expect(rateWorker([done(), done(), done()], [], now)).toMatchObject({ avgStars: null, score: 100, stars: 5 });
    expect(rateWorker([done(5), done(5)], [5], now)).toMatchObject({ score: null, stars: null });
  });
});
