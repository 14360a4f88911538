import { AppError } from '../core/errors';
import { docs, type DocStore } from './store';

export const REQUESTS = 'requests';

/** Makes `transact` start over, as when the database reports two transactions in conflict. */
const staleRead = () => Object.assign(new Error('request committed by a twin: transaction conflict'), { code: 'DATABASE_TRANSACTION_CONFLICT' });

/**
 * Inside a transaction: returns the stored result of an earlier call with the same key, or runs
 * `work` and stores its result with it, so a repeated request writes nothing again.
 */
export async function once<T>(tx: DocStore, key: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!key) return work();
  const prior = await tx.get<{ result: T }>(REQUESTS, key);
  if (prior) return prior.result;
  let result: T;
  try {
    result = await work();
  } catch (e) {
    // A twin of this request (same key, sent twice at once) may have committed after the key was
    // read, and its write is what refuses this one: start over, and the replay answers as the twin did.
    if (e instanceof AppError && (await docs.get(REQUESTS, key))) throw staleRead();
    throw e;
  }
  await tx.set(REQUESTS, key, { result, createdAt: Date.now() });
  return result;
}

/**
 * A refusal checked before the transaction (to keep a rush on the last places cheap): skipped for
 * a request that already went through, and withdrawn if a twin of it went through meanwhile.
 */
export async function precheck(key: string | undefined, check: () => Promise<unknown> | unknown): Promise<void> {
  if (key && (await docs.get(REQUESTS, key))) return;
  try {
    await check();
  } catch (e) {
    if (key && e instanceof AppError && (await docs.get(REQUESTS, key))) return;
    throw e;
  }
}

export function requestKey(callerId: string, fn: string, action: string, requestId?: string): string | undefined {
  return requestId ? `${fn}.${action}.${callerId}.${requestId}` : undefined;
}
