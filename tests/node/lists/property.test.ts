import { cloudUrl, ok, sdk, uniqueOpenid } from '../support/cloud';
import { getDoc, lists, listsOk, newListsCommunity, outboxOf, patchDoc, rid, type ListsCommunity } from '../support/lists';
import { userIdOf } from '../support/wish';

/**
 * 红色物业: a 小区 registered with its property company and owners' committee; a resident's
 * request in a property category goes to the property company's workers through the dispatch
 * loop (deadlines, 催办, escalation), and the quarter's figures count their on-time rate and the
 * residents' stars.
 */

const COMPOUND = {
  name: '北海花园',
  gridIds: [] as string[],
  property: { name: '东台市安居物业公司', contact: { name: '钱红梅', phone: '13911112222', branch: '安居物业党支部' } },
  committee: { name: '北海花园业主委员会', contact: { name: '孙建国', phone: '13933334444' } },
};

async function fault(api: string, mode: 'error' | 'off', openid: string): Promise<void> {
  const res = await fetch(`${cloudUrl()}/openapi/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api, mode, openid }) });
  expect(res.status).toBe(200);
}

async function eventsOf(targetId: string): Promise<any[]> {
  return (await sdk().database().collection('list_events').where({ targetId }).orderBy('at', 'asc').limit(100).get()).data;
}

describe('红色物业', () => {
  let c: ListsCommunity;
  let compound: any;
  let worker: string;

  beforeAll(async () => {
    c = await newListsCommunity();
  });

  it('staff register a 小区 with its property company and 业委会; the company becomes a unit its workers join by invite', async () => {
    const input = { ...COMPOUND, gridIds: [c.gridId] };
    expect(await lists({ action: 'saveCompound', compound: input, requestId: rid() }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await lists({ action: 'saveCompound', compound: { ...input, gridIds: ['g_elsewhere'] }, requestId: rid() }, c.staff)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const badPhone = { ...input, committee: { ...input.committee, contact: { name: '孙建国', phone: '12345' } } };
    expect(await lists({ action: 'saveCompound', compound: badPhone, requestId: rid() }, c.staff)).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message: '手机号格式不正确' });
    expect((await sdk().database().collection('compounds').where({ communityId: c.id }).get()).data).toEqual([]);

    compound = (await listsOk({ action: 'saveCompound', compound: input, requestId: rid() }, c.staff)).compound;
    expect(compound).toMatchObject({ name: '北海花园', gridNames: ['第一网格'], property: input.property, committee: input.committee, workers: 0, figures: { tickets: 0, onTimeRate: null } });
    expect(await getDoc('units', compound.propertyUnitId)).toMatchObject({ communityId: c.id, name: '东台市安居物业公司', kind: '物业企业' });

    const { invite } = await ok('user', { action: 'createInvite', role: 'unit_member', unitId: compound.propertyUnitId, requestId: rid() }, c.staff);
    worker = uniqueOpenid('prop');
    await ok('user', { action: 'login', scene: `c=${c.code}` }, worker);
    await ok('user', { action: 'redeemInvite', code: invite.code, requestId: rid() }, worker);
    const { items } = await listsOk({ action: 'compounds' }, c.staff);
    expect(items).toEqual([expect.objectContaining({ id: compound.id, workers: 1 })]);
  });

  it('a lift request of the 小区 goes straight to the property company; a leaking pipe still waits for the community', async () => {
    const { ticket } = await listsOk({ action: 'submitRequest', category: '电梯', title: '3幢电梯停在5楼不动', detail: '老人下不了楼', requestId: rid() }, c.resident);
    expect(ticket).toMatchObject({ status: 'dispatched', assignee: '物业 东台市安居物业公司', category: '电梯' });
    expect(await getDoc('tickets', ticket.id)).toMatchObject({ compoundId: compound.id, assignee: { kind: 'property', unitId: compound.propertyUnitId, compoundId: compound.id } });
    expect(await getDoc('needs', ticket.needId)).toMatchObject({ compoundId: compound.id, status: 'assigned' });
    expect(await outboxOf(worker, 'tmpl-ticket-dispatched')).toHaveLength(1);

    const pipe = await listsOk({ action: 'submitRequest', category: '水电维修', title: '家里水管漏水', requestId: rid() }, c.resident);
    expect(pipe.ticket.status).toBe('submitted');
    expect(pipe.ticket.assignee).toBeUndefined();

    // The property worker finds it among their tasks and works it; the community watches.
    const tasks = await listsOk({ action: 'tickets', scope: 'tasks' }, worker);
    expect(tasks.items.map((t: any) => t.id)).toEqual([ticket.id]);
    await listsOk({ action: 'accept', id: ticket.id, requestId: rid() }, worker);
    await listsOk({ action: 'resolve', id: ticket.id, note: '已联系电梯维保单位修复', requestId: rid() }, worker);
    const rated = await listsOk({ action: 'rate', id: ticket.id, stars: 5, requestId: rid() }, c.resident);
    expect(rated.ticket.status).toBe('closed');
  });

  it('其他 needs a description', async () => {
    const res = await lists({ action: 'submitRequest', category: '其他', title: '有件事想反映', requestId: rid() }, c.resident);
    expect(res).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message: '选择“其他”时请写明诉求内容' });
    const { ticket } = await listsOk({ action: 'submitRequest', category: '其他', title: '有件事想反映', detail: '小区里流浪猫太多', requestId: rid() }, c.resident);
    expect(ticket).toMatchObject({ category: '其他', status: 'submitted' });
  });

  it('the community and the resident hurry (催办) a property ticket; the worker is told; the community escalates it', async () => {
    const { ticket } = await listsOk({ action: 'submitRequest', category: '停车', title: '车位被长期占用', detail: '2幢楼下车位被僵尸车占了半年', requestId: rid() }, c.resident);
    expect(ticket.can).toContain('hurry');
    const before = (await outboxOf(worker, 'tmpl-ticket-dispatched')).length;
    const pressed = await listsOk({ action: 'hurry', id: ticket.id, note: '居民反映多次', requestId: rid() }, c.staff);
    expect(pressed.ticket.timeline.at(-1)).toMatchObject({ field: 'alert', why: '催办：居民反映多次', by: '社区工作者' });
    expect(await getDoc('tickets', ticket.id)).toMatchObject({ hurries: 1, status: 'dispatched' });
    const told = await outboxOf(worker, 'tmpl-ticket-dispatched');
    expect(told).toHaveLength(before + 1);
    expect(JSON.stringify(told.at(-1))).toContain('社区催办，请尽快办理');
    expect(await lists({ action: 'hurry', id: ticket.id, requestId: rid() }, c.resident)).toEqual({ ok: false, code: 'RESOURCE_EXHAUSTED', message: '刚催办过，请稍后再催' });
    const stranger = uniqueOpenid('stranger');
    await ok('user', { action: 'login', scene: `c=${c.code}` }, stranger);
    expect((await lists({ action: 'hurry', id: ticket.id, requestId: rid() }, stranger)).ok).toBe(false);
    expect(await getDoc('tickets', ticket.id)).toMatchObject({ hurries: 1 });

    // 提级包案: the secretary takes it over from the property company; it stays the 小区's ticket.
    const up = await listsOk({ action: 'escalate', id: ticket.id, reason: '物业一周未处理', requestId: rid() }, c.staff);
    expect(up.ticket).toMatchObject({ level: 'secretary', kind: 'difficult' });
    expect(up.ticket.assignee).toMatch(/^社区书记/);
    expect(await getDoc('tickets', ticket.id)).toMatchObject({ compoundId: compound.id });
  });

  it('a held request of the 小区 is dispatched by staff to its property company by default', async () => {
    await fault('security.msgSecCheck', 'error', c.resident);
    try {
      const { ticket } = await listsOk({ action: 'submitRequest', category: '环境清洁', title: '楼道堆满杂物', requestId: rid() }, c.resident);
      expect(ticket.status).toBe('submitted');
      const sent = await listsOk({ action: 'dispatch', id: ticket.id, requestId: rid() }, c.staff);
      expect(sent.ticket).toMatchObject({ status: 'dispatched', assignee: '物业 东台市安居物业公司' });
    } finally {
      await fault('security.msgSecCheck', 'off', c.resident);
    }
  });

  it('the quarter counts the property company’s on-time rate and the residents’ stars', async () => {
    const { ticket } = await listsOk({ action: 'submitRequest', category: '绿化养护', title: '树枝挡住窗户', detail: '1幢东侧', requestId: rid() }, c.resident);
    // Its 24 hours ran out before anyone took it.
    const t = await getDoc('tickets', ticket.id);
    await patchDoc('tickets', ticket.id, { clock: { ...t.clock, resolveBy: Date.now() - 60_000 } });
    await listsOk({ action: 'accept', id: ticket.id, requestId: rid() }, worker);
    expect(await getDoc('tickets', ticket.id)).toMatchObject({ late: true });

    const { quarter, items } = await listsOk({ action: 'compounds' }, c.staff);
    expect(quarter).toMatch(/^\d{4}-Q[1-4]$/);
    const [figures] = items.map((x: any) => x.figures);
    // 电梯 closed on time and rated 5; 绿化 late; 停车 (escalated) and 环境清洁 open, not yet due.
    expect(figures).toMatchObject({ quarter, tickets: 4, completed: 1, onTime: 1, late: 1, onTimeRate: 0.5, rated: 1, avgStars: 5 });
    expect(await lists({ action: 'compounds' }, worker)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await lists({ action: 'compounds', quarter: '2026-Q5' }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const last = await listsOk({ action: 'compounds', quarter: '2020-Q1' }, c.staff);
    expect(last.items[0].figures).toMatchObject({ quarter: '2020-Q1', tickets: 0 });
    expect(await userIdOf(worker)).toBeTruthy();
    expect((await eventsOf(compound.id)).map((e) => e.why)).toEqual(['登记小区：北海花园（物业 东台市安居物业公司）']);
  });
});
