import * as z from 'zod/mini';
import { invalid } from './errors';

export const PAGE_MAX = 20;

/** `o<offset>` for short lists; `k<key>` (the last row's sort key) for lists that grow without end. */
export const cursor = z.optional(z.string({ error: '分页参数不正确' }).check(z.regex(/^(o\d{1,6}|k[\w-]{1,400})$/, '分页参数不正确')));
export const limit = z.optional(z.number({ error: '每页数量须为数字' }).check(z.int(), z.minimum(1, '每页至少1条'), z.maximum(PAGE_MAX, `每页最多${PAGE_MAX}条`)));

export function offsetOf(c: string | undefined): number {
  if (!c) return 0;
  if (!c.startsWith('o')) throw invalid('分页参数不正确');
  const n = Number(c.slice(1));
  if (!Number.isSafeInteger(n)) throw invalid('分页参数不正确');
  return n;
}

/** Fetch one extra to know whether there is a next page. */
export function pageOf<T>(items: T[], offset: number, size: number): { items: T[]; next?: string } {
  return items.length > size ? { items: items.slice(0, size), next: `o${offset + size}` } : { items };
}

export type Order = [string, 'asc' | 'desc'][];

type Key = string | number | boolean;
const isKey = (v: unknown): v is Key => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The rows after a keyset cursor, as an `$or` filter on the sort keys (the first key past the
 * cursor's, or equal and the next one past, ...): a page deep in a long list costs what the first
 * does, where `skip` would read every row before it. Undefined for the first page.
 */
export function afterCursor(c: string | undefined, orderBy: Order): Array<Record<string, unknown>> | undefined {
  if (!c) return undefined;
  if (!c.startsWith('k')) throw invalid('分页参数不正确');
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(c.slice(1), 'base64url').toString('utf8'));
  } catch {
    throw invalid('分页参数不正确');
  }
  if (!Array.isArray(values) || values.length !== orderBy.length || !values.every(isKey)) throw invalid('分页参数不正确');
  return orderBy.map(([field, dir], i) => ({
    ...Object.fromEntries(orderBy.slice(0, i).map(([f], j) => [f, values[j]])),
    [field]: { [dir === 'asc' ? '$gt' : '$lt']: values[i] },
  }));
}

const valueAt = (doc: object, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);

/** A page of rows fetched one past `size`, with the keyset cursor of its last row when there is more. */
export function keysetPage<D extends object, V>(rows: D[], size: number, orderBy: Order, view: (d: D) => V): { items: V[]; next?: string } {
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  const next = rows.length > size && last ? `k${Buffer.from(JSON.stringify(orderBy.map(([f]) => valueAt(last, f)))).toString('base64url')}` : undefined;
  return { items: page.map(view), ...(next ? { next } : {}) };
}
