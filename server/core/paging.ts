import * as z from 'zod/mini';
import { invalid } from './errors';

export const PAGE_MAX = 20;

export const cursor = z.optional(z.string({ error: '分页参数不正确' }).check(z.regex(/^o\d{1,6}$/, '分页参数不正确')));
export const limit = z.optional(z.number({ error: '每页数量须为数字' }).check(z.int(), z.minimum(1, '每页至少1条'), z.maximum(PAGE_MAX, `每页最多${PAGE_MAX}条`)));

export function offsetOf(c: string | undefined): number {
  if (!c) return 0;
  const n = Number(c.slice(1));
  if (!Number.isSafeInteger(n)) throw invalid('分页参数不正确');
  return n;
}

/** Fetch one extra to know whether there is a next page. */
export function pageOf<T>(items: T[], offset: number, size: number): { items: T[]; next?: string } {
  return items.length > size ? { items: items.slice(0, size), next: `o${offset + size}` } : { items };
}
