import { newRequestId } from './transport';

/**
 * The requestId of one intended change. Asked again for the same change (a second tap, a retry
 * after a lost answer) it gives the same id, so the server carries the change out at most once;
 * a different change, or one after `settle()`, gets a new id.
 */
export interface RetryKey {
  for(change: unknown): string;
  /** The change went through (or was refused for good): the next one is new. */
  settle(): void;
}

export function retryKey(): RetryKey {
  let pending: { body: string; requestId: string } | undefined;
  return {
    for(change) {
      const body = JSON.stringify(change);
      if (pending?.body !== body) pending = { body, requestId: newRequestId() };
      return pending.requestId;
    },
    settle() {
      pending = undefined;
    },
  };
}
