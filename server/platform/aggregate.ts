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
