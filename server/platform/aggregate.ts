import { database } from './cloud';
import { DocData, toWhere } from './store';

/** CloudBase answers an aggregation with 20 rows unless told otherwise; 1000 is plenty for one community. */
const MAX_ROWS = 1000;

export interface Grouping {
  /** Plain Mongo-style filter, as for findMany. */
  match: DocData;
  /** The field grouped on, e.g. 'userId'. */
  by: string;
  /** Output field → field summed, e.g. { total: 'amount' }, or an expression summed (`{ $cond: … }`). */
  sum: Record<string, string | DocData>;
  /** Sort on an output field, largest first. */
  sortDesc?: string;
  limit?: number;
}

/** The `$group` stage: `by` a field's name or an expression of the document (a week's number, say). */
function groupStage(by: string | DocData, sum: Record<string, string | DocData>): DocData {
  const group: DocData = { _id: typeof by === 'string' ? `$${by}` : by, n: { $sum: 1 } };
  for (const [out, what] of Object.entries(sum)) group[out] = { $sum: typeof what === 'string' ? `$${what}` : what };
  return group;
}

function grouped(coll: string, g: Grouping): Aggregate {
  const group = groupStage(g.by, g.sum);
  let q = database().collection(coll).aggregate().match(toWhere(g.match)).group(group) as unknown as Aggregate;
  q = q.sort(g.sortDesc ? { [g.sortDesc]: -1, _id: 1 } : { _id: 1 });
  return q.limit(Math.min(g.limit ?? MAX_ROWS, MAX_ROWS));
}

/** `match → group → sort → limit` through the SDK's aggregation; each row is { _id: group key, n: count, ...sums }. */
export async function groupSum<T extends Record<string, number>>(coll: string, g: Grouping): Promise<Array<{ _id: string; n: number } & T>> {
  const res = await grouped(coll, g).end();
  return (res.data ?? []) as Array<{ _id: string; n: number } & T>;
}

/** As `groupSum`, with the documents each group's key refers to joined in the same request (`localField: '_id'`). */
export async function groupWith<T extends Record<string, number>, R extends Record<string, JoinRead>>(
  coll: string,
  g: Grouping,
  joins: R,
): Promise<Array<{ group: { _id: string; n: number } & T; rows: SideRows<R> }>> {
  const res = await withLookups(grouped(coll, g), joins).end();
  return ((res.data ?? []) as DocData[]).map((row) => ({ rows: takeReads(row, joins), group: row as { _id: string; n: number } & T }));
}

/** A read of another collection answered inside one aggregation: its documents matching `where` (sorted, capped), or how many there are. */
export interface SideRead {
  from: string;
  where: DocData;
  orderBy?: [string, 'asc' | 'desc'][];
  skip?: number;
  limit?: number;
  /** Only the number of matching documents. */
  count?: boolean;
  /** Only the number of different values of this field among the matching documents. */
  distinct?: string;
  /** The matching documents grouped (as `groupSum`): one row per key, `n` and the sums, by key. */
  group?: { by: string | DocData; sum: Record<string, string | DocData> };
  /** Documents each row refers to, joined onto the row under the name given (one its documents do not have). */
  joins?: Record<string, JoinRead>;
}

/** The documents of another collection whose `foreignField` equals this document's `localField` (an equality join on the foreign index). */
export interface JoinRead {
  from: string;
  localField: string;
  foreignField: string;
}

type Read = SideRead | JoinRead;

export type SideRows<R extends Record<string, Read>> = { [K in keyof R]: NonNullable<R[K]> extends { count: true } | { distinct: string } ? number : DocData[] };

const counted = (r: Read) => !isJoin(r) && (!!r.count || !!r.distinct);

const isJoin = (r: Read): r is JoinRead => 'localField' in r;

/** Where a read's rows land on the row: a name no document field has (a place has its own `services`). */
const slot = (name: string) => `__read_${name}`;

/** Adds each read as a `$lookup` stage: uncorrelated sub-pipelines for side reads, equality joins for joins. */
function withLookups(q: Aggregate, reads: Record<string, Read>): Aggregate {
  const $ = database().command.aggregate as unknown as { pipeline(): Pipeline };
  for (const [name, r] of Object.entries(reads)) {
    const as = slot(name);
    if (isJoin(r)) {
      q = q.lookup({ from: r.from, localField: r.localField, foreignField: r.foreignField, as });
      continue;
    }
    let p = $.pipeline().match(toWhere(r.where));
    if (r.count) p = p.count('n');
    else if (r.distinct) p = p.group({ _id: `$${r.distinct}` }).count('n');
    else if (r.group) p = p.group(groupStage(r.group.by, r.group.sum)).sort({ _id: 1 }).limit(MAX_ROWS);
    else {
      if (r.orderBy?.length) p = p.sort(sortOf(r.orderBy));
      if (r.skip) p = p.skip(r.skip);
      p = p.limit(Math.min(r.limit ?? 20, MAX_ROWS));
      for (const [field, j] of Object.entries(r.joins ?? {})) p = p.lookup({ from: j.from, localField: j.localField, foreignField: j.foreignField, as: field });
    }
    q = q.lookup({ from: r.from, pipeline: p.done(), as });
  }
  return q;
}

/** Moves the looked-up arrays off a row: counts become numbers. */
function takeReads<R extends Record<string, Read>>(row: DocData, reads: R): SideRows<R> {
  const rows: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(reads)) {
    const got = (row[slot(name)] ?? []) as DocData[];
    rows[name] = counted(r) ? Number(got[0]?.n ?? 0) : got;
    delete row[slot(name)];
  }
  return rows as SideRows<R>;
}

const sortOf = (orderBy: [string, 'asc' | 'desc'][]) => Object.fromEntries(orderBy.map(([f, d]) => [f, d === 'asc' ? 1 : -1])) as Record<string, 1 | -1>;

/**
 * One document (by id, or the first matching a filter) and several reads of other collections in a
 * single database request: each read becomes a `$lookup` joined to the document. A first screen that
 * needs a little from many collections pays one round trip. Null when the document does not exist.
 */
export async function readWith<R extends Record<string, Read>>(coll: string, idOrWhere: string | DocData, reads: R): Promise<{ doc: DocData; rows: SideRows<R> } | null> {
  const match = typeof idOrWhere === 'string' ? { _id: idOrWhere } : toWhere(idOrWhere);
  const q = withLookups(database().collection(coll).aggregate().match(match).limit(1) as unknown as Aggregate, reads);
  const res = await q.end();
  const row = (res.data as DocData[] | undefined)?.[0];
  if (!row) return null;
  return { doc: row, rows: takeReads(row, reads) };
}

/**
 * A page of documents (as `findMany`) with the documents each one refers to, in one request: the
 * joins run after the page is cut, so they touch only the rows returned.
 */
export async function findWith<T, R extends Record<string, JoinRead>>(
  coll: string,
  where: DocData,
  opts: { orderBy?: [string, 'asc' | 'desc'][]; skip?: number; limit?: number },
  joins: R,
): Promise<Array<{ doc: T; rows: SideRows<R> }>> {
  let q = database().collection(coll).aggregate().match(toWhere(where)) as unknown as Aggregate;
  if (opts.orderBy?.length) q = q.sort(sortOf(opts.orderBy));
  if (opts.skip) q = q.skip(opts.skip);
  q = withLookups(q.limit(Math.min(opts.limit ?? 100, MAX_ROWS)), joins);
  const res = await q.end();
  return ((res.data ?? []) as DocData[]).map((row) => ({ rows: takeReads(row, joins), doc: row as T }));
}

/**
 * How often each element of an array field occurs over the matching documents (`match → unwind →
 * group`), split by another field when `by` is given: one request however many documents.
 */
export async function countEach(coll: string, match: DocData, field: string, by?: string): Promise<Array<{ value: string; by?: string; n: number }>> {
  const key = by ? { v: `$${field}`, b: `$${by}` } : `$${field}`;
  const q = (database().collection(coll).aggregate().match(toWhere(match)) as unknown as Aggregate).unwind(`$${field}`).group({ _id: key, n: { $sum: 1 } }).limit(MAX_ROWS);
  const rows = ((await q.end()).data ?? []) as Array<{ _id: string | { v: string; b?: string }; n: number }>;
  return rows.map((r) => (typeof r._id === 'object' && r._id !== null ? { value: r._id.v, ...(r._id.b ? { by: r._id.b } : {}), n: r.n } : { value: r._id as string, n: r.n }));
}

interface Aggregate {
  match(where: DocData): Aggregate;
  unwind(path: string): Aggregate;
  group(stage: DocData): Aggregate;
  sort(by: Record<string, 1 | -1>): Aggregate;
  skip(n: number): Aggregate;
  limit(n: number): Aggregate;
  lookup(stage: DocData): Aggregate;
  end(): Promise<{ data?: unknown[] }>;
}

interface Pipeline {
  match(where: DocData): Pipeline;
  group(stage: DocData): Pipeline;
  sort(by: Record<string, 1 | -1>): Pipeline;
  skip(n: number): Pipeline;
  lookup(stage: DocData): Pipeline;
  limit(n: number): Pipeline;
  count(field: string): Pipeline;
  done(): DocData[];
}
