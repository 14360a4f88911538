import { database } from './cloud';
import { DocData, toWhere } from './store';

/** CloudBase answers an aggregation with 20 rows unless told otherwise; 1000 is plenty for one community. */
const MAX_ROWS = 1000;

export interface Grouping {
  /** Plain Mongo-style filter, as for findMany. */
  match: DocData;
  /** The field grouped on, e.g. 'userId'. */
  by: string;
  /** Output field → field summed, e.g. { total: 'amount' }. */
  sum: Record<string, string>;
  /** Sort on an output field, largest first. */
  sortDesc?: string;
  limit?: number;
}

/** `match → group → sort → limit` through the SDK's aggregation; each row is { _id: group key, n: count, ...sums }. */
export async function groupSum<T extends Record<string, number>>(coll: string, g: Grouping): Promise<Array<{ _id: string; n: number } & T>> {
  const group: DocData = { _id: `$${g.by}`, n: { $sum: 1 } };
  for (const [out, field] of Object.entries(g.sum)) group[out] = { $sum: `$${field}` };
  let q = database().collection(coll).aggregate().match(toWhere(g.match)).group(group);
  q = q.sort(g.sortDesc ? { [g.sortDesc]: -1, _id: 1 } : { _id: 1 });
  q = q.limit(Math.min(g.limit ?? MAX_ROWS, MAX_ROWS));
  const res = await q.end();
  return (res.data ?? []) as Array<{ _id: string; n: number } & T>;
}

/** A read of another collection answered inside one aggregation: its documents matching `where` (sorted, capped), or how many there are. */
export interface SideRead {
  from: string;
  where: DocData;
  orderBy?: [string, 'asc' | 'desc'][];
  limit?: number;
  /** Only the number of matching documents. */
  count?: boolean;
}

export type SideRows<R extends Record<string, SideRead>> = { [K in keyof R]: NonNullable<R[K]> extends { count: true } ? number : DocData[] };

/**
 * One document and several independent reads of other collections in a single database request:
 * each read becomes an uncorrelated `$lookup` sub-pipeline (match, sort, limit or count) joined to
 * the document. A first screen that needs a little from many collections pays one round trip.
 * Null when the document does not exist.
 */
export async function readWith<R extends Record<string, SideRead>>(coll: string, id: string, reads: R): Promise<{ doc: DocData; rows: SideRows<R> } | null> {
  const db = database();
  const $ = db.command.aggregate as unknown as { pipeline(): Pipeline };
  let q = db.collection(coll).aggregate().match({ _id: id });
  for (const [as, r] of Object.entries(reads)) {
    let p = $.pipeline().match(toWhere(r.where));
    if (r.count) p = p.count('n');
    else {
      if (r.orderBy?.length) p = p.sort(Object.fromEntries(r.orderBy.map(([f, d]) => [f, d === 'asc' ? 1 : -1])));
      p = p.limit(Math.min(r.limit ?? 20, MAX_ROWS));
    }
    q = q.lookup({ from: r.from, pipeline: p.done(), as });
  }
  const res = await q.limit(1).end();
  const row = (res.data as DocData[] | undefined)?.[0];
  if (!row) return null;
  const rows: Record<string, unknown> = {};
  for (const [as, r] of Object.entries(reads)) {
    const got = (row[as] ?? []) as DocData[];
    rows[as] = r.count ? Number(got[0]?.n ?? 0) : got;
    delete row[as];
  }
  return { doc: row, rows: rows as SideRows<R> };
}

interface Pipeline {
  match(where: DocData): Pipeline;
  sort(by: Record<string, 1 | -1>): Pipeline;
  limit(n: number): Pipeline;
  count(field: string): Pipeline;
  done(): DocData[];
}
