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

/** A page with a flag (`busy`, or `saving` on forms) that shows loading and ignores taps while set. */
type Flagged = { setData(data: Record<string, boolean>): void };

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
  page: Flagged,
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

/**
 * Saves one form (or one change of a list item) under `key`, the page's `saving` (or `busy`) flag set
 * meanwhile. Every failure is told in the server's words under `title`; a lost answer (INTERNAL) keeps
 * the key, so saving again is the same request and never creates twice. Gives the data, or null.
 */
export async function saveOnce<R extends object, T>(
  page: Flagged,
  key: RetryKey,
  req: R,
  send: (req: R & { requestId: string }) => Promise<Result<T>>,
  { flag = 'saving', title = '没有保存' }: { flag?: 'saving' | 'busy'; title?: string } = {},
): Promise<T | null> {
  page.setData({ [flag]: true });
  const res = await send({ ...req, requestId: key.for(req) });
  page.setData({ [flag]: false });
  if (!res.ok) {
    if (res.code !== 'INTERNAL') key.settle();
    tell(title, res.message);
    return null;
  }
  key.settle();
  return res.data;
}
