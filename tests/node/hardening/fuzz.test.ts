import fc from 'fast-check';
import { cloudUrl, snapshot } from '../support/cloud';
import { CATALOG } from './catalog';
import { assertRefused, malformed, runHandlersAs } from '../support/malformed';
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
const ACTIONS = CATALOG.map((s) => s.action);
const WATCHED = ['users', 'user_openids', 'invites', 'requests', 'posters', 'wishes', 'wish_events', 'wish_seasons', 'places', 'place_events', 'points_entries', 'points_accounts', 'points_goods', 'points_orders', 'points_audit'];

beforeAll(() => runHandlersAs(CALLER));

describe.each(CATALOG.map((s) => [`${s.fn}.${s.action}`, s] as const))('%s under malformed events', (_name, spec) => {
  it(`refuses ${RUNS} malformed events without writing`, async () => {
    const handler = HANDLERS[spec.fn];
    const before = await snapshot(WATCHED);
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(malformed(spec.action, spec.sample, ACTIONS), async (event) => {
        seen++;
        assertRefused(await handler(event), event);
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    // A few through the function host, over the wire.
    const samples = fc.sample(malformed(spec.action, spec.sample, ACTIONS), { numRuns: 20, seed: 7 });
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
