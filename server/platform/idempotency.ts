import type { DocStore } from './store';

export const REQUESTS = 'requests';

/**
 * Inside a transaction: returns the stored result of an earlier call with the same key, or runs
 * `work` and stores its result with it, so a repeated request writes nothing again.
 */
export async function once<T>(tx: DocStore, key: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!key) return work();
  const prior = await tx.get<{ result: T }>(REQUESTS, key);
  if (prior) return prior.result;
  const result = await work();
  await tx.set(REQUESTS, key, { result, createdAt: Date.now() });
  return result;
}

export function requestKey(callerId: string, fn: string, action: string, requestId?: string): string | undefined {
  return requestId ? `${fn}.${action}.${callerId}.${requestId}` : undefined;
}
