import fc from 'fast-check';
import { cloudUrl, snapshot } from '../support/cloud';
import { CATALOG, ActionSpec } from './catalog';
import { userFunction } from '../../../server/user';
import { wishFunction } from '../../../server/wish';
import { mapFunction } from '../../../server/map';
import { pointsFunction } from '../../../server/points';

/**
 * Malformed events, ≥ 1,000 per action: never INTERNAL, never a stack trace, never a write.
 * They run against the function handlers in this process (the same code the host runs, against
 * the same local cloud), and a sample of each goes through the function host over HTTP.
 */
const HANDLERS: Record<string, ((event: unknown) => Promise<any>) & { actions: string[] }> = { user: userFunction, wish: wishFunction, map: mapFunction, points: pointsFunction };
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CALLER = 'demo-admin';
const WATCHED = ['users', 'user_openids', 'invites', 'requests', 'posters', 'wishes', 'wish_events', 'wish_seasons', 'places', 'place_events', 'points_entries', 'points_accounts', 'points_goods', 'points_orders', 'points_audit'];

beforeAll(() => {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${cloudUrl()}/admin` });
  process.env.TCB_ENV = 'local';
  process.env.TENCENTCLOUD_SECRETID = 'local';
  process.env.TENCENTCLOUD_SECRETKEY = 'local';
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_OPENID = CALLER;
});

const injection = fc.constantFrom<unknown>({ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' }, ['$gt', '']);
const hugeString = fc.integer({ min: 2_000, max: 200_000 }).map((n) => '长'.repeat(n));
const wrongFor = (value: unknown): fc.Arbitrary<unknown> => {
  const others = [fc.constant(null), injection, fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 })];
  if (typeof value === 'string') return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), hugeString, ...others);
  if (typeof value === 'number') return fc.oneof(fc.string(), fc.double({ noDefaultInfinity: false }), fc.constant(Number.MAX_SAFE_INTEGER * 4), fc.boolean(), ...others);
  if (typeof value === 'boolean') return fc.oneof(fc.string(), fc.integer(), ...others);
  if (Array.isArray(value)) return fc.oneof(fc.string(), fc.array(fc.oneof(fc.integer(), injection, hugeString), { minLength: 1, maxLength: 3 }), fc.array(fc.constant(value[0]), { minLength: 50, maxLength: 60 }), ...others.slice(0, 2));
  return fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer()), fc.constant(null), injection);
};

/** An event made invalid in one way: a field of the wrong type, an unknown action, or not an object at all. */
function malformed(spec: ActionSpec): fc.Arbitrary<unknown> {
  const fields = Object.keys(spec.sample);
  const variants: fc.Arbitrary<unknown>[] = [
    fc.string({ maxLength: 40 }).filter((a) => a !== spec.action).map((a) => ({ ...spec.sample, action: a })),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 })),
    fc.oneof(fc.integer(), injection, fc.constant(null)).map((a) => ({ ...spec.sample, action: a })),
  ];
  if (fields.length) {
    variants.push(
      fc.constantFrom(...fields).chain((f) => {
        // Where an id belongs, an injection-looking string is malformed too (in free text it is just text).
        const bad = /^id$|Id$/.test(f) ? fc.oneof(wrongFor(spec.sample[f]), fc.constant('{"$gt":""}')) : wrongFor(spec.sample[f]);
        return bad.map((b) => ({ action: spec.action, ...spec.sample, [f]: b }));
      }),
    );
  }
  return fc.oneof(...variants);
}

function assertRefused(result: any, event: unknown): void {
  const text = JSON.stringify(result);
  if (result?.ok !== false || result.code === 'INTERNAL' || !/[\u4e00-\u9fa5]/.test(result.message) || /\bat .+:\d+:\d+/.test(text)) {
    throw new Error(`not refused cleanly: ${JSON.stringify(event).slice(0, 300)} → ${text.slice(0, 300)}`);
  }
}

describe.each(CATALOG.map((s) => [`${s.fn}.${s.action}`, s] as const))('%s under malformed events', (_name, spec) => {
  it(`refuses ${RUNS} malformed events without writing`, async () => {
    const handler = HANDLERS[spec.fn];
    const before = await snapshot(WATCHED);
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(malformed(spec), async (event) => {
        seen++;
        assertRefused(await handler(event), event);
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    // A few through the function host, over the wire.
    const samples = fc.sample(malformed(spec), { numRuns: 20, seed: 7 });
    for (const event of samples) {
      const res = await fetch(`${cloudUrl()}/fn/${spec.fn}`, { method: 'POST', headers: { 'x-openid': CALLER }, body: JSON.stringify(event) });
      expect(res.status).toBe(200);
      assertRefused(await res.json(), event);
    }
    expect(seen).toBe(RUNS);
    expect(await snapshot(WATCHED)).toEqual(before);
  });
});

it('the catalog covers every action the functions answer', () => {
  for (const [fn, handler] of Object.entries(HANDLERS)) {
    expect(CATALOG.filter((s) => s.fn === fn).map((s) => s.action).sort()).toEqual([...handler.actions].sort());
  }
});
