import fc from 'fast-check';
import { cloudUrl } from '../support/cloud';
import { newListsCommunity, snapshotLists, type ListsCommunity } from '../support/lists';
import { userIdOf } from '../support/wish';
import { listsFunction } from '../../../server/lists';

/**
 * Malformed events for every action of the lists function: never INTERNAL, never a stack trace,
 * always a Chinese message, never a write. They run against the handler in this process (the
 * same code the function host runs, against the same local cloud), as the admin of a community
 * of their own; a sample of each also goes through the function host.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const id = 'tk_0000000000000000';

const SAMPLES: Record<string, Record<string, unknown>> = {
  submitRequest: { category: '水电维修', title: '灯坏了', detail: '三楼', gridId: 'g_x', address: '1幢', location: { lat: 32.85, lng: 120.32 }, urgency: 2, people: 3, photos: ['cloud://a/b.png'], requestId: 'req-00000001' },
  addNeed: { category: '助老服务', title: '探访', gridId: 'g_x', visitGroup: '空巢独居老人', urgency: 1, people: 1, requestId: 'req-00000001' },
  updateNeed: { id: 'nd_0000', op: 'edit', patch: { urgency: 3 }, reason: '加急', requestId: 'req-00000001' },
  needs: { status: 'open', source: 'wish', category: '助老服务', gridId: 'g_x', cursor: 'o0', limit: 10 },
  need: { id: 'wish.w_0000' },
  saveResource: { op: 'create', resource: { title: '检修', providerKind: 'unit', unitId: 'unit_x', categories: ['水电维修'], capacity: 3, period: 'week', area: { gridIds: ['g_x'] } }, requestId: 'req-00000001' },
  resources: { status: 'active', providerKind: 'unit', category: '水电维修', mine: false, cursor: 'o0', limit: 10 },
  resource: { id: 'rs_0000' },
  saveProject: { op: 'publish', id: 'pj_0000', reason: '发布', requestId: 'req-00000001' },
  claimProject: { id: 'pj_0000', requestId: 'req-00000001' },
  projects: { status: 'recruiting', cursor: 'o0', limit: 10 },
  project: { id: 'pj_0000' },
  match: { background: true, requestId: 'req-00000001' },
  matchResult: { jobId: 'mj_0000000000000000', status: 'proposed', cursor: 'o0', limit: 10 },
  decide: { id: 'mj_0000000000000000.0', decision: 'reject', reason: '不需要', requestId: 'req-00000001' },
  dispatch: { id, to: 'grid_worker', kind: 'complex', reason: '改派', requestId: 'req-00000001' },
  accept: { id, requestId: 'req-00000001' },
  resolve: { id, note: '已修好', photos: ['cloud://a/b.png'], requestId: 'req-00000001' },
  rate: { id, stars: 2, comment: '一般', reason: '没修好', requestId: 'req-00000001' },
  escalate: { id, reason: '疑难', requestId: 'req-00000001' },
  cancel: { id, reason: '不需要', requestId: 'req-00000001' },
  tickets: { scope: 'all', status: 'open', gridId: 'g_x', cursor: 'o0', limit: 10 },
  ticket: { id },
  overdue: { gridId: 'g_x', cursor: 'o0', limit: 10 },
  assignees: { gridId: 'g_x' },
  stats: { from: '2026-10-01', to: '2026-10-31' },
  export: { list: 'tickets', cursor: 'o0' },
  settings: {},
  setSettings: { secretaryId: 'u_x', requestId: 'req-00000001' },
};

const injection = fc.constantFrom<unknown>({ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' }, ['$gt', '']);
const hugeString = fc.integer({ min: 2_000, max: 100_000 }).map((n) => '长'.repeat(n));

function wrongFor(value: unknown): fc.Arbitrary<unknown> {
  const others = [fc.constant(null), injection];
  if (typeof value === 'string') return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), hugeString, fc.constant('{"$gt":""}'), ...others);
  if (typeof value === 'number') return fc.oneof(fc.string(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER * 4), fc.boolean(), ...others);
  if (typeof value === 'boolean') return fc.oneof(fc.string(), fc.integer(), ...others);
  if (Array.isArray(value)) return fc.oneof(fc.string(), fc.array(fc.oneof(fc.integer(), injection, hugeString), { minLength: 1, maxLength: 3 }), ...others);
  return fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer()), ...others);
}

function malformed(action: string, sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.keys(sample);
  const variants: fc.Arbitrary<unknown>[] = [
    fc.string({ maxLength: 40 }).filter((a) => a !== action).map((a) => ({ ...sample, action: a })),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 })),
    fc.oneof(fc.integer(), injection, fc.constant(null)).map((a) => ({ ...sample, action: a })),
  ];
  if (fields.length) variants.push(fc.constantFrom(...fields).chain((f) => wrongFor(sample[f]).map((b) => ({ ...sample, action, [f]: b }))));
  return fc.oneof(...variants);
}

function assertRefused(result: any, event: unknown): void {
  const text = JSON.stringify(result);
  if (result?.ok !== false || result.code === 'INTERNAL' || !/[\u4e00-\u9fa5]/.test(result.message) || /\bat .+:\d+:\d+/.test(text)) {
    throw new Error(`not refused cleanly: ${JSON.stringify(event).slice(0, 300)} → ${text.slice(0, 300)}`);
  }
}

let c: ListsCommunity;
let adminId: string;

beforeAll(async () => {
  c = await newListsCommunity();
  adminId = await userIdOf(c.admin);
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${cloudUrl()}/admin` });
  process.env.TCB_ENV = 'local';
  process.env.TENCENTCLOUD_SECRETID = 'local';
  process.env.TENCENTCLOUD_SECRETKEY = 'local';
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_OPENID = c.admin;
});

it('has a sample for every action', () => {
  expect(Object.keys(SAMPLES).sort()).toEqual([...listsFunction.actions].sort());
});

describe.each(Object.entries(SAMPLES))('lists.%s under malformed events', (action, sample) => {
  it(`refuses ${RUNS} malformed events without writing`, async () => {
    const before = await snapshotLists(c.id, [adminId]);
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(malformed(action, sample), async (event) => {
        seen++;
        assertRefused(await listsFunction(event), event);
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    for (const event of fc.sample(malformed(action, sample), { numRuns: 10, seed: 7 })) {
      const res = await fetch(`${cloudUrl()}/fn/lists`, { method: 'POST', headers: { 'x-openid': c.admin }, body: JSON.stringify(event) });
      expect(res.status).toBe(200);
      assertRefused(await res.json(), event);
    }
    expect(seen).toBe(RUNS);
    expect(await snapshotLists(c.id, [adminId])).toEqual(before);
  });
});
