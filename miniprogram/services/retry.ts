import type { Result } from '../../typings/api';
import { tell } from '../utils/dialog';
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

type Busy = { setData(data: { busy: boolean }): void };

/** How a lost answer is told: the dialog's title, and what to do with what is promised after the message. */
export interface LostAnswer {
  title?: string;
  again?: string;
}

/**
 * Sends one change under `key`, the page `busy` meanwhile (its buttons show loading and ignore taps).
 * A lost answer (INTERNAL) keeps the key and is told here — the same tap again is the same request —
 * and gives null; any other answer settles the key and is returned for the page to show.
 */
export async function sendOnce<T>(
  page: Busy,
  key: RetryKey,
  send: (requestId: (change: unknown) => string) => Promise<Result<T>>,
  { title = '没有收到结果', again = '请再点一次，不会重复办理' }: LostAnswer = {},
): Promise<Result<T> | null> {
  page.setData({ busy: true });
  const res = await send((change) => key.for(change));
  page.setData({ busy: false });
  if (!res.ok && res.code === 'INTERNAL') {
    tell(title, `${res.message}。${again}。`);
    return null;
  }
  key.settle();
  return res;
}
