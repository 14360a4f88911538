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
    return (res.data?.[0] as any) ?? null;
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

/** Finds documents by a plain-equality/command query. */
export async function findMany<T>(
  coll: string,
  where: DocData,
  opts: { orderBy?: [string, 'asc' | 'desc'][]; skip?: number; limit?: number } = {},
): Promise<T[]> {
  let q: any = database().collection(coll).where(where);
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
  const res = await database().collection(coll).where(where).count();
  return res.total as number;
}
