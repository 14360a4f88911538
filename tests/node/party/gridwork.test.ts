import { call, newRequestId, ok, sdk } from '../support/cloud';
import { memberForm, partTimeWorker, partyCommunity, residentIn, type PartyCommunity } from '../support/party';

type Fail = { ok: false; code: string; message: string };

const db = () => sdk().database();
async function docOf(coll: string, id: string) {
  return (await db().collection(coll).doc(id).get()).data[0];
}
async function entriesOf(type: string, id: string) {
  return (await db().collection('points_entries').where({ source: { type, id } }).get()).data;
}
const photo = 'cloud://env-local.honglin/found/lamp.jpg';
const found = (extra: Record<string, unknown> = {}) => ({ action: 'reportFound', category: '安全巡查', title: '3幢楼道灯不亮', photos: [photo], location: { lat: 31.81, lng: 119.97 }, address: '3幢2单元', ...extra });

describe('随手拍 (网格发现)', () => {
  let c: PartyCommunity;
  let courier: { openid: string; userId: string };
  beforeAll(async () => {
    c = await partyCommunity();
    courier = await partTimeWorker(c, '赵小快');
  });

  it('a part-time grid worker reports a problem: it waits in the dispatch queue as 网格发现, with the same deadlines as a request', async () => {
    const requestId = newRequestId();
    const { ticket } = await ok('lists', { ...found(), requestId }, courier.openid);
    expect(ticket).toMatchObject({ source: 'grid', status: 'submitted', title: '3幢楼道灯不亮', photos: [photo], gridName: '第一网格', requester: '网格员 赵**' });
    expect(ticket.deadlines.resolveBy - ticket.createdAt).toBeGreaterThan(0);
    // A resent request answers the first ticket and writes nothing again.
    expect((await ok('lists', { ...found(), requestId }, courier.openid)).ticket.id).toBe(ticket.id);
    const need = await docOf('needs', ticket.needId);
    expect(need).toMatchObject({ source: 'grid', requesterId: courier.userId, gridId: c.gridId, location: { lat: 31.81, lng: 119.97 }, status: 'open' });
    expect((await db().collection('tickets').where({ needId: ticket.needId }).get()).data).toHaveLength(1);

    const queue = await ok('lists', { action: 'tickets', scope: 'all', status: 'submitted' }, c.admin);
    expect(queue.items.find((t: { id: string }) => t.id === ticket.id)).toMatchObject({ source: 'grid' });
    const needs = await ok('lists', { action: 'needs', source: 'grid' }, c.admin);
    expect(needs.items.map((n: { id: string }) => n.id)).toContain(ticket.needId);
  });

  it('refuses residents, a report without a photo and unsuitable words, writing nothing', async () => {
    const before = (await db().collection('needs').where({ communityId: c.id }).count()).total;
    const refused: Array<[string, Record<string, unknown>, string, RegExp]> = [
      [c.resident, found(), 'FORBIDDEN', /网格员/],
      [courier.openid, found({ photos: [] }), 'INVALID_ARGUMENT', /请拍一张照片/],
      [courier.openid, found({ photos: undefined }), 'INVALID_ARGUMENT', /请拍一张照片/],
      [courier.openid, found({ title: '' }), 'INVALID_ARGUMENT', /看到的问题/],
      [courier.openid, found({ title: '楼下有人赌博' }), 'INVALID_ARGUMENT', /不适宜/],
      [courier.openid, found({ gridId: 'g_beihai_1' }), 'NOT_FOUND', /网格/],
    ];
    for (const [who, event, code, message] of refused) {
      const r = (await call('lists', event, who)) as Fail;
      expect(r).toMatchObject({ ok: false, code });
      expect(r.message).toMatch(message);
    }
    expect((await db().collection('needs').where({ communityId: c.id }).count()).total).toBe(before);
  });

  it('credits the finder once, when staff dispatch it; a re-dispatch or a resend credits nothing more', async () => {
    const { ticket } = await ok('lists', found({ title: '井盖松动' }), courier.openid);
    const requestId = newRequestId();
    await ok('lists', { action: 'dispatch', id: ticket.id, requestId }, c.admin);
    await ok('lists', { action: 'dispatch', id: ticket.id, requestId }, c.admin);
    await ok('lists', { action: 'dispatch', id: ticket.id, to: 'grid_worker', reason: '改派给网格员' }, c.admin);
    expect(await entriesOf('grid_report', ticket.id)).toEqual([expect.objectContaining({ userId: courier.userId, amount: 2, kind: 'earn', reason: '随手拍经社区派单：井盖松动' })]);

    // Cancelled without dispatch: not confirmed as a real problem, no credit.
    const bogus = (await ok('lists', found({ title: '路灯闪烁' }), courier.openid)).ticket;
    await ok('lists', { action: 'cancel', id: bogus.id, reason: '已由物业处理' }, c.admin);
    expect(await entriesOf('grid_report', bogus.id)).toEqual([]);
  });

  it('a resident never reads the finder’s full name; another worker of the grid sees it masked, staff in full', async () => {
    const { ticket } = await ok('lists', found({ title: '消防通道堵塞' }), courier.openid);
    expect(await call('lists', { action: 'ticket', id: ticket.id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('lists', { action: 'needs' }, c.resident)).toMatchObject({ ok: false });
    const neighbour = await partTimeWorker(c, '钱骑手');
    const seen = await ok('lists', { action: 'ticket', id: ticket.id }, neighbour.openid);
    expect(seen.ticket.requester).toBe('网格员 赵**');
    expect(JSON.stringify(seen)).not.toContain('赵小快');
    expect((await ok('lists', { action: 'ticket', id: ticket.id }, c.admin)).ticket.requester).toBe('网格员 赵小快');
  });

  it('holds at most 10 reports waiting for dispatch per worker, however many are sent at once', async () => {
    const rider = await partTimeWorker(c, '孙骑手');
    const results = await Promise.all(Array.from({ length: 14 }, (_, i) => call('lists', found({ title: `随手拍${i}` }), rider.openid)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => (r as Fail).code === 'RESOURCE_EXHAUSTED')).toBe(true);
    expect((await db().collection('tickets').where({ requesterId: rider.userId, source: 'grid' }).count()).total).toBe(10);
  });
});

describe('网格任务', () => {
  let c: PartyCommunity;
  let courier: { openid: string; userId: string };
  const due = () => Date.now() + 2 * 3600_000;
  const task = (extra: Record<string, unknown> = {}) => ({ action: 'publishGridTask', gridId: c.gridId, title: '查看3幢路灯', detail: '晚上7点后看看是否亮', place: '3幢门前', dueAt: due(), points: 5, ...extra });
  beforeAll(async () => {
    c = await partyCommunity();
    courier = await partTimeWorker(c, '周快递');
  });

  it('staff publish a task to a grid; bad ones are refused; workers of the grid see it open, residents do not', async () => {
    const bad: Array<[Record<string, unknown>, string, RegExp]> = [
      [task({ dueAt: Date.now() - 1000 }), 'INVALID_ARGUMENT', /完成时间须晚于现在/],
      [task({ points: 0 }), 'INVALID_ARGUMENT', /积分至少为1/],
      [task({ points: 51 }), 'INVALID_ARGUMENT', /最多50积分/],
      [task({ title: '' }), 'INVALID_ARGUMENT', /任务名称/],
      [task({ gridId: 'g_beihai_1' }), 'NOT_FOUND', /网格/],
    ];
    for (const [event, code, message] of bad) {
      const r = (await call('party', event, c.admin)) as Fail;
      expect(r).toMatchObject({ ok: false, code });
      expect(r.message).toMatch(message);
    }
    expect(await call('party', task(), courier.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const requestId = newRequestId();
    const { task: t } = await ok('party', { ...task(), requestId }, c.admin);
    expect(t).toMatchObject({ status: 'open', statusLabel: '待认领', gridName: '第一网格', points: 5, mine: false });
    expect((await ok('party', { ...task(), requestId }, c.admin)).task.id).toBe(t.id);
    expect((await db().collection('party_grid_tasks').where({ communityId: c.id }).count()).total).toBe(1);

    const open = await ok('party', { action: 'gridTasks', scope: 'open' }, courier.openid);
    expect(open.items.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect(await call('party', { action: 'gridTasks' }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'claimGridTask', id: t.id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('20 part-time workers claim one task at once: exactly one holds it, the rest are told it is taken', async () => {
    const { task: t } = await ok('party', task({ title: '发放停水通知' }), c.admin);
    const workers = await Promise.all(Array.from({ length: 20 }, (_, i) => partTimeWorker(c, `骑手${i}号`)));
    const results = await Promise.all(workers.map((w) => call('party', { action: 'claimGridTask', id: t.id, requestId: newRequestId() }, w.openid)));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as Fail).code)).toEqual(Array(19).fill('CONFLICT'));
    const stored = await docOf('party_grid_tasks', t.id);
    const winner = workers[results.findIndex((r) => r.ok)];
    expect(stored).toMatchObject({ status: 'claimed', claimerId: winner.userId });
    const events = (await db().collection('party_events').where({ targetId: t.id, to: 'claimed' }).get()).data;
    expect(events).toHaveLength(1);
    // The others hold nothing.
    const other = workers.find((w) => w !== winner)!;
    const seen = await ok('party', { action: 'gridTasks', scope: 'mine' }, other.openid);
    expect(seen.items).toEqual([]);
  });

  it('claimed, finished with a note and photo, confirmed by staff: the points are credited once', async () => {
    const { task: t } = await ok('party', task({ title: '看望独居老人', points: 8 }), c.admin);
    expect(await call('party', { action: 'finishGridTask', id: t.id, note: '已完成' }, courier.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const claimed = await ok('party', { action: 'claimGridTask', id: t.id }, courier.openid);
    expect(claimed.task).toMatchObject({ status: 'claimed', mine: true, claimer: '周快递' });
    expect(await call('party', { action: 'confirmGridTask', id: t.id }, c.admin)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const done = await ok('party', { action: 'finishGridTask', id: t.id, note: '老人身体不错，已帮忙取药', photos: [photo] }, courier.openid);
    expect(done.task).toMatchObject({ status: 'done', statusLabel: '待确认', result: { note: '老人身体不错，已帮忙取药', photos: [photo] } });
    expect(await call('party', { action: 'confirmGridTask', id: t.id }, courier.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const requestId = newRequestId();
    const confirmed = await ok('party', { action: 'confirmGridTask', id: t.id, requestId }, c.admin);
    expect(confirmed).toMatchObject({ credited: 8, task: { status: 'confirmed', statusLabel: '已完成' } });
    expect(await ok('party', { action: 'confirmGridTask', id: t.id, requestId }, c.admin)).toEqual(confirmed);
    expect(await call('party', { action: 'confirmGridTask', id: t.id }, c.admin)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await entriesOf('grid_task', t.id)).toEqual([expect.objectContaining({ userId: courier.userId, amount: 8, kind: 'earn', reason: '完成网格任务：看望独居老人' })]);
    expect(await call('party', { action: 'cancelGridTask', id: t.id, reason: '不需要了' }, c.admin)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const mine = await ok('party', { action: 'gridTasks', scope: 'mine' }, courier.openid);
    expect(mine.items[0]).toMatchObject({ id: t.id, status: 'confirmed' });
  });

  it('a part-time grid worker who is a confirmed party member earns as many 先锋积分 as points for a confirmed task, once', async () => {
    const rider = await partTimeWorker(c, '钱骑手');
    const { registration } = await ok('party', memberForm(), rider.openid);
    await ok('party', { action: 'confirm', id: registration.id }, c.admin);
    const { task: t } = await ok('party', task({ title: '检查路灯', points: 6 }), c.admin);
    await ok('party', { action: 'claimGridTask', id: t.id }, rider.openid);
    await ok('party', { action: 'finishGridTask', id: t.id, note: '路灯已报修' }, rider.openid);
    const requestId = newRequestId();
    await ok('party', { action: 'confirmGridTask', id: t.id, requestId }, c.admin);
    await ok('party', { action: 'confirmGridTask', id: t.id, requestId }, c.admin);
    const entries = await entriesOf('grid_task', t.id);
    expect(entries.map((e: any) => [e.account ?? 'points', e.userId, e.amount]).sort()).toEqual([
      ['points', rider.userId, 6],
      ['vanguard', rider.userId, 6],
    ]);
  });

  it('staff cancel an open or claimed task; it leaves the open list and cannot be claimed or finished', async () => {
    const { task: t } = await ok('party', task({ title: '张贴防诈宣传' }), c.admin);
    expect(await call('party', { action: 'cancelGridTask', id: t.id, reason: '已有人贴好' }, courier.openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const cancelled = await ok('party', { action: 'cancelGridTask', id: t.id, reason: '已有人贴好' }, c.admin);
    expect(cancelled.task).toMatchObject({ status: 'cancelled', cancelReason: '已有人贴好' });
    expect(await call('party', { action: 'claimGridTask', id: t.id }, courier.openid)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const open = await ok('party', { action: 'gridTasks', scope: 'open' }, courier.openid);
    expect(open.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
    expect(await entriesOf('grid_task', t.id)).toEqual([]);
  });

  it('a worker holds at most 3 unfinished tasks, even claiming several at once', async () => {
    const rider = await partTimeWorker(c, '吴骑手');
    const ids = await Promise.all(Array.from({ length: 5 }, async (_, i) => (await ok('party', task({ title: `巡查${i}` }), c.admin)).task.id as string));
    const results = await Promise.all(ids.map((id) => call('party', { action: 'claimGridTask', id }, rider.openid)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).every((r) => (r as Fail).code === 'RESOURCE_EXHAUSTED')).toBe(true);
  });

  it('a resident who is not a grid worker is never told a task exists', async () => {
    const other = await residentIn(c, '郑居民');
    const { task: t } = await ok('party', task({ title: '检查消防栓' }), c.admin);
    expect(await call('party', { action: 'finishGridTask', id: t.id, note: '好了' }, other)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
