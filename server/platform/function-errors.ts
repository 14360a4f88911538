import { randomBytes } from 'node:crypto';
import { docs } from './store';

export const FUNCTION_ERRORS = 'function_errors';

/** One instance's failed calls of a function on one Shanghai day, by code; 系统状态 sums the instances. */
export interface FunctionErrorsDoc {
  _id: string;
  fn: string;
  day: string;
  counts: Record<string, number>;
  at: number;
}

/** INTERNAL, and a code new to the instance that day, are written at once; the rest at most this often per instance. */
const FLUSH_MS = 10_000;
const instance = randomBytes(4).toString('hex');
const counts = new Map<string, { fn: string; day: string; counts: Record<string, number> }>();
let flushedAt = 0;

const shanghaiDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Counts a failed call. Successful calls pay nothing; a failure adds at most one write, and that
 * write replaces this instance's own document (its id is the instance and the day), so no two
 * writers meet on a document and nothing is read first. Best effort: never fails the call.
 */
export async function countFailure(fn: string, code: string, now = Date.now()): Promise<void> {
  const day = shanghaiDay(now);
  const key = `${fn}.${instance}.${day}`;
  const entry = counts.get(key) ?? { fn, day, counts: {} };
  const first = !entry.counts[code];
  entry.counts[code] = (entry.counts[code] ?? 0) + 1;
  counts.set(key, entry);
  if (!first && code !== 'INTERNAL' && now - flushedAt < FLUSH_MS) return;
  flushedAt = now;
  try {
    await docs.set(FUNCTION_ERRORS, key, { ...entry, at: now });
  } catch (e) {
    console.warn(`[errors] ${fn} counts not written: ${(e as Error).message}`);
  }
}
