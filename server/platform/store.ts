import { database } from './cloud';

export type DocData = Record<string, unknown>;

/** Reads and writes of whole documents by id, outside or inside a transaction. */
export interface DocStore {
  get<T extends object>(coll: string, id: string): Promise<(T & { _id: string }) | null>;
  set(coll: string, id: string, data: object): Promise<void>;
  update(coll: string, id: string, patch: object): Promise<void>;
  remove(coll: string, id: string): Promise<void>;
}

/** CloudBase refuses `_id` inside a write; the id goes in `doc(id)`. */
export function withoutId(doc: object): DocData {
  const { _id, ...rest } = doc as DocData;
  return rest;
}

export const docs: DocStore = {
  async get(coll, id) {
    const res = await database().collection(coll).doc(id).get();
    return res.data?.[0] ?? null;
  },
  async set(coll, id, data) {
    await database().collection(coll).doc(id).set(withoutId(data));
  },
  async update(coll, id, patch) {
    await database().collection(coll).doc(id).update(withoutId(patch));
  },
  async remove(coll, id) {
    await database().collection(coll).doc(id).remove();
  },
};

const OPERATORS = ['$in', '$nin', '$lt', '$lte', '$gt', '$gte', '$ne', '$exists', '$elemMatch'] as const;

/** Where the SDK's command name differs from the Mongo operator. */
const COMMANDS: Record<string, string> = { $ne: 'neq' };

/**
 * The domain writes queries as plain Mongo-style objects (`{ at: { $lte: t } }`); this turns the
 * operators into the SDK's commands, which is what it sends on the wire.
 */
export function toWhere(where: DocData): DocData {
  // The SDK's commands, looked up by operator name.
  const _ = database().command as unknown as Record<string, (arg: unknown) => unknown>;
  const out: DocData = {};
  for (const [field, value] of Object.entries(where)) {
    const ops = value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? Object.entries(value) : [];
    if (ops.length && ops.every(([k]) => (OPERATORS as readonly string[]).includes(k))) {
      // $elemMatch takes a query of its own: one array element must match all of it.
      const cmds = ops.map(([k, v]) => (k === '$elemMatch' ? _.elemMatch(toWhere(v as DocData)) : _[COMMANDS[k] ?? k.slice(1)](v)));
      out[field] = cmds.length === 1 ? cmds[0] : _.and(cmds);
    } else out[field] = value;
  }
  return out;
}

/** A where that may carry a top-level `$or` (a keyset page's), as the SDK's and/or commands. */
function toQuery(where: DocData): DocData {
  const { $or, ...rest } = where as DocData & { $or?: DocData[] };
  if (!$or) return toWhere(where);
  const _ = database().command as unknown as { and(x: unknown[]): DocData; or(x: unknown[]): unknown };
  return _.and([toWhere(rest), _.or($or.map(toWhere))]);
}

/** Finds documents by a plain-equality/operator query. */
export async function findMany<T>(
  coll: string,
  where: DocData,
  opts: { orderBy?: [string, 'asc' | 'desc'][]; skip?: number; limit?: number } = {},
): Promise<T[]> {
  let q = database().collection(coll).where(toQuery(where));
  for (const [field, dir] of opts.orderBy ?? []) q = q.orderBy(field, dir);
  if (opts.skip) q = q.skip(opts.skip);
  q = q.limit(opts.limit ?? 100);
  const res = await q.get();
  return res.data as T[];
}

export async function findOne<T>(coll: string, where: DocData): Promise<T | null> {
  const [first] = await findMany<T>(coll, where, { limit: 1 });
  return first ?? null;
}

export async function count(coll: string, where: DocData): Promise<number> {
  const res = await database().collection(coll).where(toWhere(where)).count();
  return res.total as number;
}
