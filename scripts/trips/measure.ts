import type { Result } from '../../typings/api';
import { httpCaller } from '../../demo/http';
import { countTrips, type LocalCloudRef } from './count';
import { BUDGETS, OPENIDS, SCREEN_BYTES, STEPS, type Ask, type Step } from './screens';

type Handler = (event: unknown, context: unknown) => Promise<Result<unknown>>;

/** The functions' handlers, loaded once the environment is the local cloud's. */
function handlers(): Record<string, Handler> {
  return {
    user: require('../../server/user').userFunction,
    wish: require('../../server/wish').wishFunction,
    points: require('../../server/points').pointsFunction,
    map: require('../../server/map').mapFunction,
    lists: require('../../server/lists').listsFunction,
    booking: require('../../server/booking').bookingFunction,
    party: require('../../server/party').partyFunction,
    council: require('../../server/council').councilFunction,
  };
}

export interface Measured {
  step: Step;
  requests: number;
  transactional: number;
  bytes: number;
  ms: number;
  /** The call's error, when it failed. */
  error?: string;
  over: string[];
}

/** Each step once warm (a first call fills what the instance may keep), then measured. */
export async function measureSteps(cloud: LocalCloudRef, steps: Step[] = STEPS): Promise<Measured[]> {
  const fns = handlers();
  const call = httpCaller(cloud.url);
  const ask: Ask = async (fn, action, payload, as) => {
    const res = await call(fn, { action, ...payload }, OPENIDS[as]);
    if (!res.ok) throw new Error(`${fn}.${action}: ${res.code} ${res.message}`);
    return res.data;
  };
  const rows: Measured[] = [];
  for (const step of steps) {
    // A write's payload is made anew for each call (a new request, another wish to claim).
    const event = async () => ({ action: step.action, ...(step.payload ? await step.payload(ask) : {}) });
    const openid = OPENIDS[step.as];
    const warm = await event();
    await countTrips(cloud, openid, () => fns[step.fn](warm, {}));
    const measured = await event();
    const t = await countTrips(cloud, openid, () => fns[step.fn](measured, {}));
    const over: string[] = [];
    if (t.requests > BUDGETS[step.budget]) over.push(`${t.requests} > ${BUDGETS[step.budget]} requests`);
    if (step.budget === 'screen' && t.bytes > SCREEN_BYTES) over.push(`${(t.bytes / 1024).toFixed(1)} KB > 20 KB`);
    const error = t.result.ok ? undefined : `${t.result.code} ${t.result.message}`;
    rows.push({ step, requests: t.requests, transactional: t.transactional, bytes: t.bytes, ms: t.ms, error, over });
  }
  return rows;
}

/** Chinese characters take two columns in a terminal. */
const padWide = (s: string, width: number) => s + ' '.repeat(Math.max(1, width - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

export function table(rows: Measured[]): string {
  const head = `${padWide('page', 12)}${'call'.padEnd(26)} ${'as'.padEnd(10)} ${'db'.padStart(3)} ${'tx'.padStart(3)} ${'budget'.padStart(7)} ${'KB'.padStart(6)} ${'ms'.padStart(6)}`;
  const lines = rows.map((r) => {
    const mark = r.error ? `  FAILED ${r.error}` : r.over.length ? `  OVER ${r.over.join(', ')}` : '';
    return `${padWide(r.step.page, 12)}${`${r.step.fn}.${r.step.action}`.padEnd(26)} ${r.step.as.padEnd(10)} ${String(r.requests).padStart(3)} ${String(r.transactional).padStart(3)} ${`≤${BUDGETS[r.step.budget]}`.padStart(7)} ${(r.bytes / 1024).toFixed(1).padStart(6)} ${r.ms.toFixed(0).padStart(6)}${mark}`;
  });
  return [head, ...lines].join('\n');
}
