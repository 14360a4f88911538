import { call, ok, sdk, uniqueOpenid } from '../support/cloud';
import { lists, listsOk, newListsCommunity, rid, snapshotLists, type ListsCommunity } from '../support/lists';
import { listsFunction } from '../../../server/lists';

/**
 * Who may do what with the lists, written from the product's rules (not read off the code), and
 * what bad input gets: a clear error and an unchanged database, scoped to this test's community.
 */

type Who = 'anon' | 'resident' | 'volunteer' | 'unit' | 'grid' | 'staff' | 'admin' | 'other';
const EVERYONE: Who[] = ['anon', 'resident', 'volunteer', 'unit', 'grid', 'staff', 'admin', 'other'];

let c: ListsCommunity;
let openidOf: Record<Who, string | undefined>;
let userIds: string[];

/** Refused calls leave requests waiting for dispatch; a resident may only have five such. */
async function clearWaiting(): Promise<void> {
  const res = await sdk().database().collection('tickets').where({ requesterId: c.residentId, status: 'submitted' }).limit(100).get();
  for (const t of res.data) await listsOk({ action: 'cancel', id: t._id, reason: '测试清理' }, c.staff);
}

async function newRequest(): Promise<string> {
  await clearWaiting();
  return (await listsOk({ action: 'submitRequest', category: '水电维修', title: '灯坏了', requestId: rid() }, c.resident)).ticket.id;
}

/** A request of the resident, dispatched to the grid worker. */
async function dispatchedTicket(): Promise<string> {
  await clearWaiting();
  const { ticket } = await listsOk({ action: 'submitRequest', category: '水电维修', title: '楼道灯不亮', requestId: rid() }, c.resident);
  await listsOk({ action: 'dispatch', id: ticket.id }, c.staff);
  return ticket.id;
}

/** A fresh suggestion of a fresh match run. */
async function suggestion(): Promise<string> {
  const need = await listsOk({ action: 'addNeed', category: '医疗义诊', title: `需要量血压${rid()}`.slice(0, 30), gridId: c.gridId }, c.staff);
  const { job } = await listsOk({ action: 'match' }, c.staff);
  const res = await listsOk({ action: 'matchResult', jobId: job.id, status: 'proposed', limit: 20 }, c.staff);
  return res.items.find((s: any) => s.need.id === need.need.id).id;
}

async function recruitingProject(): Promise<string> {
  const { project } = await listsOk({ action: 'saveProject', op: 'create', project: { title: '加装电梯', description: '老旧小区加装电梯', category: '房屋修缮', gridIds: [c.gridId] } }, c.staff);
  await listsOk({ action: 'saveProject', op: 'publish', id: project.id }, c.staff);
  return project.id;
}

interface Row {
  action: string;
  allowed: Who[];
  /** A fresh event for each call (fixtures are made before the snapshot). */
  make: () => Promise<Record<string, unknown>>;
}

const unitResource = () => ({ title: '上门检修', providerKind: 'unit', unitId: c.unitId, categories: ['水电维修'], capacity: 3, period: 'week', area: { gridIds: [c.gridId] } });

const ROWS: Row[] = [
  {
    action: 'submitRequest',
    allowed: ['resident', 'volunteer', 'unit', 'grid', 'staff', 'admin', 'other'],
    make: async () => {
      await clearWaiting();
      return { category: '环境清洁', title: '楼下垃圾没人收', requestId: rid() };
    },
  },
  { action: 'reportFound', allowed: ['grid'], make: async () => ({ category: '安全巡查', title: '井盖松动', photos: ['cloud://env-local.honglin/found/g.jpg'], requestId: rid() }) },
  { action: 'addNeed', allowed: ['grid', 'staff', 'admin'], make: async () => ({ category: '助老服务', title: '独居老人需要探访', gridId: c.gridId, visitGroup: '空巢独居老人' }) },
  { action: 'needs', allowed: ['grid', 'staff', 'admin', 'other'], make: async () => ({ gridId: undefined }) },
  { action: 'need', allowed: ['grid', 'staff', 'admin'], make: async () => ({ id: (await listsOk({ action: 'addNeed', category: '助老服务', title: '探访', gridId: c.gridId }, c.staff)).need.id }) },
  {
    action: 'updateNeed',
    allowed: ['grid', 'staff', 'admin'],
    make: async () => ({ id: (await listsOk({ action: 'addNeed', category: '助老服务', title: '探访', gridId: c.gridId }, c.staff)).need.id, op: 'edit', patch: { urgency: 3 } }),
  },
  { action: 'saveResource', allowed: ['unit', 'staff', 'admin'], make: async () => ({ op: 'create', resource: unitResource() }) },
  { action: 'resource', allowed: ['resident', 'volunteer', 'unit', 'grid', 'staff', 'admin'], make: async () => ({ id: (await listsOk({ action: 'saveResource', op: 'create', resource: unitResource() }, c.staff)).resource.id }) },
  { action: 'resources', allowed: EVERYONE.filter((w) => w !== 'anon'), make: async () => ({}) },
  { action: 'saveProject', allowed: ['staff', 'admin'], make: async () => ({ op: 'create', project: { title: '关爱行动', description: '每周探访', category: '助老服务', gridIds: [c.gridId] } }) },
  { action: 'claimProject', allowed: ['unit'], make: async () => ({ id: await recruitingProject() }) },
  { action: 'projects', allowed: EVERYONE.filter((w) => w !== 'anon'), make: async () => ({}) },
  { action: 'project', allowed: ['resident', 'volunteer', 'unit', 'grid', 'staff', 'admin'], make: async () => ({ id: await recruitingProject() }) },
  { action: 'match', allowed: ['staff', 'admin', 'other'], make: async () => ({ background: true }) },
  { action: 'matchResult', allowed: ['staff', 'admin'], make: async () => ({ jobId: (await listsOk({ action: 'match' }, c.staff)).job.id }) },
  { action: 'decide', allowed: ['staff', 'admin'], make: async () => ({ id: await suggestion(), decision: 'reject', reason: '暂不需要' }) },
  { action: 'dispatch', allowed: ['staff', 'admin'], make: async () => ({ id: await newRequest() }) },
  { action: 'accept', allowed: ['grid'], make: async () => ({ id: await dispatchedTicket() }) },
  {
    action: 'resolve',
    allowed: ['grid'],
    make: async () => {
      const id = await dispatchedTicket();
      await listsOk({ action: 'accept', id }, c.workerOpenid);
      return { id, note: '已修好' };
    },
  },
  {
    action: 'rate',
    allowed: ['resident'],
    make: async () => {
      const id = await dispatchedTicket();
      await listsOk({ action: 'accept', id }, c.workerOpenid);
      await listsOk({ action: 'resolve', id, note: '已修好' }, c.workerOpenid);
      return { id, stars: 5 };
    },
  },
  { action: 'escalate', allowed: ['grid', 'staff', 'admin'], make: async () => ({ id: await dispatchedTicket(), reason: '需要书记协调' }) },
  { action: 'cancel', allowed: ['resident', 'staff', 'admin'], make: async () => ({ id: await newRequest(), reason: '已自行解决' }) },
  // The community has a county officer (not one of the columns): staff send cases up; the queue and notes are the officer's alone.
  { action: 'escalateCounty', allowed: ['staff', 'admin'], make: async () => ({ id: await dispatchedTicket(), reason: '涉及多部门' }) },
  { action: 'countyQueue', allowed: [], make: async () => ({}) },
  {
    action: 'countyNote',
    allowed: [],
    make: async () => {
      const id = await dispatchedTicket();
      await listsOk({ action: 'escalateCounty', id, reason: '涉及多部门' }, c.staff);
      return { id, note: '已会商' };
    },
  },
  { action: 'tickets', allowed: EVERYONE.filter((w) => w !== 'anon'), make: async () => ({ scope: 'mine' }) },
  { action: 'ticket', allowed: ['resident', 'grid', 'staff', 'admin'], make: async () => ({ id: await dispatchedTicket() }) },
  // 拨打: only whoever works the live ticket (the grid's worker it was dispatched to).
  { action: 'contact', allowed: ['grid'], make: async () => ({ id: await dispatchedTicket() }) },
  { action: 'overdue', allowed: ['grid', 'staff', 'admin', 'other'], make: async () => ({}) },
  { action: 'assignees', allowed: ['staff', 'admin', 'other'], make: async () => ({}) },
  { action: 'stats', allowed: ['staff', 'admin', 'other'], make: async () => ({}) },
  { action: 'workerRatings', allowed: ['staff', 'admin', 'other'], make: async () => ({}) },
  { action: 'export', allowed: ['staff', 'admin', 'other'], make: async () => ({ list: 'tickets' }) },
  { action: 'exportFile', allowed: ['staff', 'admin', 'other'], make: async () => ({ kind: 'tickets', format: 'xlsx' }) },
  { action: 'charts', allowed: ['staff', 'admin', 'other'], make: async () => ({}) },
  { action: 'settings', allowed: ['staff', 'admin', 'other'], make: async () => ({}) },
  { action: 'setSettings', allowed: ['admin'], make: async () => ({ secretaryId: c.staffId }) },
  // 红色物业: staff register the 小区 and read their property companies' figures; 催办 is the community's and the requester's.
  {
    action: 'saveCompound',
    allowed: ['staff', 'admin'],
    make: async () => {
      const contact = { name: '钱红梅', phone: '13911112222' };
      return { compound: { name: '北海花园', gridIds: [c.gridId], property: { name: '安居物业', contact }, committee: { name: '北海花园业委会', contact } }, requestId: rid() };
    },
  },
  { action: 'compounds', allowed: ['staff', 'admin', 'other'], make: async () => ({}) },
  { action: 'hurry', allowed: ['resident', 'staff', 'admin'], make: async () => ({ id: await dispatchedTicket(), requestId: rid() }) },
];

beforeAll(async () => {
  c = await newListsCommunity();
  await ok('user', { action: 'updateProfile', displayName: '张三丰', phone: '13912345678' }, c.resident);
  openidOf = { anon: undefined, resident: c.resident, volunteer: c.volunteer, unit: c.unitMember, grid: c.workerOpenid, staff: c.staff, admin: c.admin, other: 'demo-staff' };
  userIds = [c.residentId, c.volunteerId, c.unitMemberId, c.workerId, c.staffId];
  const county = uniqueOpenid('gcty');
  await ok('user', { action: 'login', scene: `c=${c.code}` }, county);
  const { invite } = await ok('user', { action: 'createInvite', role: 'county' }, c.admin);
  await ok('user', { action: 'redeemInvite', code: invite.code }, county);
  // Something to match the needs against.
  await listsOk({ action: 'saveResource', op: 'create', resource: { title: '党员医生义诊', providerKind: 'unit', unitId: c.unitId, categories: ['医疗义诊'], capacity: 50, period: 'week', area: { gridIds: [c.gridId] } } }, c.staff);
});

it('covers every action of the lists function', () => {
  expect(ROWS.map((r) => r.action).sort()).toEqual([...listsFunction.actions].sort());
});

describe.each(ROWS)('$action', (row) => {
  it(`allows ${row.allowed.join(', ') || 'no one'}; refuses the others and changes nothing`, async () => {
    for (const who of EVERYONE) {
      const event = { action: row.action, ...(await row.make()) };
      const allowed = row.allowed.includes(who);
      const before = allowed ? null : await snapshotLists(c.id, userIds);
      const res = await call('lists', event, openidOf[who]);
      if (allowed) {
        expect({ who, ok: res.ok, ...(res.ok ? {} : { code: res.code, message: res.message }) }).toEqual({ who, ok: true });
        continue;
      }
      expect({ who, ok: res.ok }).toEqual({ who, ok: false });
      if (res.ok) continue;
      const expected = who === 'anon' ? ['UNAUTHENTICATED'] : ['FORBIDDEN', 'NOT_FOUND'];
      expect({ who, code: expected.includes(res.code) ? 'refused' : res.code }).toEqual({ who, code: 'refused' });
      expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await snapshotLists(c.id, userIds)).toEqual(before);
    }
  });
});

describe('bad input', () => {
  const injections: unknown[] = ['{"$gt":""}', { $gt: '' }, { $ne: null }, ['$gt', ''], 'wish.{"$gt":""}', '../tickets', '', 'x'.repeat(200), 42, null];

  it('injection-looking ids, wrong types and unknown actions get INVALID_ARGUMENT and change nothing', async () => {
    const idActions = ['need', 'updateNeed', 'resource', 'project', 'claimProject', 'ticket', 'accept', 'resolve', 'rate', 'escalate', 'cancel', 'decide', 'matchResult', 'dispatch'];
    const before = await snapshotLists(c.id, userIds);
    for (const action of idActions) {
      for (const bad of injections) {
        const field = action === 'matchResult' ? 'jobId' : 'id';
        const res = await lists({ action, [field]: bad, op: 'edit', note: '好', stars: 5, reason: '原因', decision: 'reject', patch: { urgency: 1 } }, c.admin);
        expect({ action, bad, res: res.ok ? 'ok' : res.code }).toEqual({ action, bad, res: 'INVALID_ARGUMENT' });
        if (!res.ok) expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    const wrong: Array<Record<string, unknown>> = [
      { action: 'submitRequest', category: '不存在的类别', title: '灯坏了' },
      { action: 'submitRequest', category: '水电维修', title: '   ' },
      { action: 'submitRequest', category: '水电维修', title: '长'.repeat(10_000) },
      { action: 'submitRequest', category: '水电维修', title: '灯坏了', urgency: 4 },
      { action: 'submitRequest', category: '水电维修', title: '灯坏了', people: -1 },
      { action: 'submitRequest', category: '水电维修', title: '灯坏了', gridId: { $gt: '' } },
      { action: 'submitRequest', category: '水电维修', title: '灯坏了', photos: ['http://evil/x.png'] },
      { action: 'submitRequest', category: '水电维修', title: '灯坏了', location: { lat: 200, lng: 0 } },
      { action: 'submitRequest', category: '水电维修', title: '灯坏了', requestId: { $gt: '' } },
      { action: 'saveResource', op: 'create', resource: { ...unitResource(), capacity: 0 } },
      { action: 'saveResource', op: 'create', resource: { ...unitResource(), capacity: 2.5 } },
      { action: 'saveResource', op: 'create', resource: { ...unitResource(), categories: [] } },
      { action: 'saveResource', op: 'create', resource: { ...unitResource(), area: {} } },
      { action: 'saveResource', op: 'create', resource: { ...unitResource(), area: { center: { lat: 32, lng: 120 } } } },
      { action: 'saveResource', op: 'create', resource: { ...unitResource(), categories: ['水电维修', '水电维修'] } },
      { action: 'saveResource', op: 'drop' },
      { action: 'decide', id: 'mj_0000000000000000.0', decision: 'reject' },
      { action: 'decide', id: 'mj_0000000000000000.0', decision: 'accept', kind: 'difficult' },
      { action: 'dispatch' },
      { action: 'dispatch', id: 'tk_1', needId: 'nd_1' },
      { action: 'dispatch', id: 'tk_1', kind: 'difficult', to: 'unit', targetId: c.unitId },
      { action: 'rate', id: 'tk_1', stars: 6 },
      { action: 'rate', id: 'tk_1', stars: 1 },
      { action: 'needs', status: { $ne: null } },
      { action: 'needs', cursor: 'o-1' },
      { action: 'tickets', limit: 500 },
      { action: 'stats', from: '2026-02-30' },
      { action: 'stats', from: '2026-10-10', to: '2026-10-01' },
      { action: 'stats', from: '2020-01-01', to: '2026-10-01' },
      { action: 'export', list: 'users' },
      { action: 'setSettings', gridLeaders: { [c.gridId]: { $gt: '' } } },
      { action: 'saveProject', op: 'create', project: { title: '加装电梯', description: '说明', category: '房屋修缮', gridIds: [c.gridId], plannedStart: '2026-10-10', plannedEnd: '2026-10-01' } },
      { action: 'dropDatabase' },
      { action: { $gt: '' } },
      { Type: 'Timer', TriggerName: 'watchDeadlines' },
    ];
    for (const event of wrong) {
      const res = await lists(event, c.admin);
      expect({ event, res: res.ok ? 'ok' : res.code }).toEqual({ event, res: 'INVALID_ARGUMENT' });
      if (!res.ok) expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await snapshotLists(c.id, userIds)).toEqual(before);
  });

  it('refers to other communities’ things as missing, and writes nothing', async () => {
    const ticketId = await dispatchedTicket();
    const sid = await suggestion();
    const before = await snapshotLists(c.id, userIds);
    for (const event of [
      { action: 'ticket', id: ticketId },
      { action: 'dispatch', id: ticketId, reason: '改派' },
      { action: 'decide', id: sid, decision: 'accept' },
      { action: 'saveResource', op: 'create', resource: unitResource() },
      { action: 'addNeed', category: '助老服务', title: '探访', gridId: c.gridId },
    ]) {
      const res = await lists(event, 'demo-admin');
      expect({ event: event.action, code: res.ok ? 'ok' : res.code }).toEqual({ event: event.action, code: 'NOT_FOUND' });
    }
    expect(await snapshotLists(c.id, userIds)).toEqual(before);
  });
});

describe('privacy', () => {
  it('no openid, phone or full name of another person in what the lists answer', async () => {
    const ticketId = await dispatchedTicket();
    await listsOk({ action: 'saveResource', op: 'create', resource: { title: '教老人用手机', providerKind: 'volunteer', categories: ['电脑手机教学'], capacity: 2, period: 'week', area: { gridIds: [c.gridId] } } }, c.volunteer);
    // Staff, and the worker while the ticket is live, act on it by the resident's real name; the number stays masked.
    const acting = [await listsOk({ action: 'ticket', id: ticketId }, c.staff), await listsOk({ action: 'ticket', id: ticketId }, c.workerOpenid)];
    for (const a of acting) expect(a.ticket.requester).toBe('居民 张三丰');
    expect(acting[1].ticket.contact).toEqual({ name: '张三丰', phoneMasked: '139****5678' });
    expect(JSON.stringify(acting)).not.toContain('13912345678');
    const answers = [
      await listsOk({ action: 'needs' }, c.staff),
      await listsOk({ action: 'resources' }, c.resident),
      await listsOk({ action: 'settings' }, c.staff),
      await listsOk({ action: 'export', list: 'needs' }, c.staff),
      await listsOk({ action: 'export', list: 'tickets' }, c.staff),
      await listsOk({ action: 'export', list: 'resources' }, c.staff),
    ];
    const text = JSON.stringify(answers);
    for (const secret of ['张三丰', '13912345678', '欧阳春花', c.worker.phone, c.resident, c.workerOpenid, c.volunteer, c.unitMember, c.staff, 'openid']) expect(text).not.toContain(secret);
    expect(text).toContain('居民 张**');
    // Staff dispatch and follow up among colleagues by full name; the resident who raised it reads it masked. No phone, no openid.
    const colleagues = JSON.stringify([await listsOk({ action: 'tickets', scope: 'all' }, c.staff), await listsOk({ action: 'assignees' }, c.staff)]);
    expect(colleagues).toContain('网格员 欧阳春花');
    for (const secret of ['13912345678', c.worker.phone, c.resident, c.workerOpenid, c.volunteer, c.unitMember, c.staff, 'openid']) expect(colleagues).not.toContain(secret);
    expect((await listsOk({ action: 'ticket', id: ticketId }, c.resident)).ticket.assignee).toBe('网格员 欧**');
    const other = uniqueOpenid('nosy');
    await ok('user', { action: 'login', scene: `c=${c.code}` }, other);
    expect((await lists({ action: 'ticket', id: ticketId }, other)).code).toBe('NOT_FOUND');
  });
});
