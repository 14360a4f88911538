import fc from 'fast-check';
import { cloudUrl } from '../support/cloud';
import { assertRefused, malformed, runHandlersAs } from '../support/malformed';
import { CATALOG } from './catalog';

type Handler = ((event: unknown) => Promise<any>) & { actions: string[] };

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/**
 * Malformed events, ≥ 1,000 per action of each function given: never INTERNAL, never a stack
 * trace, never a write. They run against the function handlers in this process (the same code the
 * host runs, against the same local cloud), and a sample of each goes through the function host
 * over HTTP. `setup` names the caller and what a refused call must leave unchanged.
 */
export function fuzzFunctions(
  handlers: Record<string, Handler>,
  setup: () => Promise<{ caller: string; snapshot: () => Promise<unknown> }>,
  injectable = /^id$|Id$|^code$/,
): void {
  let caller: string;
  let snapshot: () => Promise<unknown>;
  beforeAll(async () => {
    ({ caller, snapshot } = await setup());
    runHandlersAs(caller);
  });

  const specs = CATALOG.filter((s) => s.fn in handlers);
  describe.each(specs.map((s) => [`${s.fn}.${s.action}`, s] as const))('%s under malformed events', (_name, spec) => {
    it(`refuses ${RUNS} malformed events without writing`, async () => {
      const handler = handlers[spec.fn];
      const events = malformed(spec.action, spec.sample, handler.actions, injectable, spec.nullable);
      const before = await snapshot();
      let seen = 0;
      await fc.assert(
        fc.asyncProperty(events, async (event) => {
          seen++;
          assertRefused(await handler(event), event);
        }),
        { numRuns: RUNS, seed: 20261122 },
      );
      for (const event of fc.sample(events, { numRuns: 20, seed: 7 })) {
        const res = await fetch(`${cloudUrl()}/fn/${spec.fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': caller }, body: JSON.stringify(event) });
        expect(res.status).toBe(200);
        assertRefused(await res.json(), event);
      }
      expect(seen).toBe(RUNS);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('the catalog covers every action the functions answer', () => {
    for (const [fn, handler] of Object.entries(handlers)) {
      expect(CATALOG.filter((s) => s.fn === fn).map((s) => s.action).sort()).toEqual([...handler.actions].sort());
    }
  });
}
