/** The result envelope every cloud function returns (DESIGN.md §4). */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FAILED_PRECONDITION'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL';

export interface Ok<T> {
  ok: true;
  data: T;
}

export interface Fail {
  ok: false;
  code: ErrorCode;
  /** Chinese, for people. */
  message: string;
}

export type Result<T> = Ok<T> | Fail;

/** A page of a list: at most 20 items for the client. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, absent on the last page. */
  next?: string;
}

/** Mutating actions carry a client-made key; a repeat returns the first result. */
export interface Idempotent {
  requestId?: string;
}
