import { getDoc, lists, listsOk, newListsCommunity, patchDoc, rid, type ListsCommunity } from '../support/lists';

/**
 * 特殊群体服务响应率达100%: a request or need carries a special group (空巢独居老人, 残疾人, 困难群众,
 * 留守妇女儿童); its ticket comes first in the queues with the label, and the statistics answer the
 * response rate per group and overall against the 100% target.
 */

let c: ListsCommunity;

async function request(title: string, special?: string): Promise<string> {
  const { ticket } = await listsOk({ action: 'submitRequest', category: '助老服务', title, ...(special ? { special } : {}), requestId: rid() }, c.resident);
  return ticket.id;
}

beforeAll(async () => {
  c = await newListsCommunity();
});

it('stores the group the resident chose, on the need and the ticket', async () => {
  const id = await request('独居老人家中水管漏水', '空巢独居老人');
  const t = await getDoc('tickets', id);
  expect(t).toMatchObject({ special: '空巢独居老人', priority: 1 });
  expect(await getDoc('needs', t.needId)).toMatchObject({ special: '空巢独居老人' });
  expect((await listsOk({ action: 'ticket', id }, c.resident)).ticket.special).toBe('空巢独居老人');
  expect((await lists({ action: 'submitRequest', category: '助老服务', title: '乱填', special: '贵宾' }, c.resident)).code).toBe('INVALID_ARGUMENT');
});

it('a 五必访 visit of 困难人群 is a special group of 困难群众 unless staff say otherwise; staff can take the flag off', async () => {
  const { need } = await listsOk({ action: 'addNeed', category: '困难帮扶', title: '低保户冬季取暖', gridId: c.gridId, visitGroup: '困难人群', requestId: rid() }, c.workerOpenid);
  expect(need.special).toBe('困难群众');
  const { need: moved } = await listsOk({ action: 'addNeed', category: '政策咨询', title: '流动人口登记', gridId: c.gridId, visitGroup: '流动人口', requestId: rid() }, c.staff);
  expect(moved.special).toBeUndefined();

  const id = await request('楼道扶手松动');
  const needId = (await getDoc('tickets', id)).needId;
  await listsOk({ action: 'updateNeed', id: needId, op: 'edit', patch: { special: '残疾人' }, requestId: rid() }, c.staff);
  expect(await getDoc('tickets', id)).toMatchObject({ special: '残疾人', priority: 1 });
  await listsOk({ action: 'updateNeed', id: needId, op: 'edit', patch: { special: null }, requestId: rid() }, c.staff);
  const t = await getDoc('tickets', id);
  expect(t.special).toBeUndefined();
  expect(t.priority).toBe(0);
  const timeline = (await listsOk({ action: 'ticket', id }, c.staff)).ticket.timeline;
  expect(timeline.filter((e: any) => e.field === 'data').map((e: any) => e.to)).toEqual(['残疾人', '非特殊群体']);
});

it('special-group tickets come first in the queue, whatever their deadline', async () => {
  const fresh = await newListsCommunity();
  const raise = async (title: string, special?: string) =>
    (await listsOk({ action: 'submitRequest', category: '环境清洁', title, ...(special ? { special } : {}), requestId: rid() }, fresh.resident)).ticket.id as string;
  const early = await raise('楼下垃圾堆积');
  const late = await raise('留守儿童家门口积水', '留守妇女儿童');
  const queue = (await listsOk({ action: 'tickets', scope: 'all' }, fresh.admin)).items;
  expect(queue.map((t: any) => t.id)).toEqual([late, early]);
  expect(queue[0].special).toBe('留守妇女儿童');
  expect(queue[1].special).toBeUndefined();
});

it('answers the special groups’ response rate: one on time, one late → 50%, against 100%', async () => {
  const fresh = await newListsCommunity();
  const raise = async (title: string, special?: string) =>
    (await listsOk({ action: 'submitRequest', category: '助老服务', title, ...(special ? { special } : {}), requestId: rid() }, fresh.resident)).ticket.id as string;
  const work = async (id: string) => {
    await listsOk({ action: 'dispatch', id }, fresh.admin);
    await listsOk({ action: 'accept', id, requestId: rid() }, fresh.workerOpenid);
    await listsOk({ action: 'resolve', id, note: '已上门处理', requestId: rid() }, fresh.workerOpenid);
  };
  const onTime = await raise('独居老人门锁坏了', '空巢独居老人');
  await work(onTime);
  const late = await raise('独居老人家里停电', '空巢独居老人');
  // Its 24 hours ran out before anyone resolved it.
  const t = await getDoc('tickets', late);
  const past = Date.now() - 3600_000;
  await patchDoc('tickets', late, { clock: { ...t.clock, startAt: past - 24 * 3600_000, resolveFrom: past - 24 * 3600_000, resolveBy: past } });
  await work(late);
  // Still within its deadline: not counted either way. Not a special group: not counted at all.
  await raise('残疾人坡道被占', '残疾人');
  await work(await raise('普通诉求'));

  const { special } = await listsOk({ action: 'stats' }, fresh.admin);
  expect(special.target).toBe(1);
  expect(special.overall).toEqual({ tickets: 3, responded: 1, late: 1, pending: 1, rate: 0.5 });
  const byGroup = Object.fromEntries(special.groups.map((g: any) => [g.group, g]));
  expect(byGroup['空巢独居老人']).toMatchObject({ tickets: 2, responded: 1, late: 1, rate: 0.5 });
  expect(byGroup['残疾人']).toMatchObject({ tickets: 1, pending: 1, rate: null });
  expect(byGroup['困难群众']).toMatchObject({ tickets: 0, rate: null });
});
