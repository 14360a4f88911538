import { randomBytes } from 'node:crypto';
import { Aggregator, Query, find, update as applyUpdate } from 'mingo';
import { Change, Journal } from './journal';
import { Doc, decode, encode } from './codec';
import { extractNear, nearSort } from './geo';

export type Sort = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

/** Mongo-like error the endpoint turns into a CloudBase error body. */
export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const newId = (): string => randomBytes(16).toString('hex');

/**
 * The committed state: collections of documents, each with a version that bumps on every write
 * (kept for removed documents too, so optimistic transactions can validate what they read).
 */
export class Store {
  private readonly collections = new Map<string, Map<string, Doc>>();
  private readonly versions = new Map<string, number>();
  private clock = 0;

  constructor(private readonly journal: Journal) {
    journal.open(
      (ch) => this.put(ch.c, ch.id, ch.d === undefined ? null : (decode(ch.d) as Doc)),
      () => this.dump(),
    );
  }

  collection(name: string): Map<string, Doc> {
    let coll = this.collections.get(name);
    if (!coll) {
      coll = new Map();
      this.collections.set(name, coll);
    }
    return coll;
  }

  get(coll: string, id: string): Doc | undefined {
    return this.collections.get(coll)?.get(id);
  }

  version(coll: string, id: string): number {
    return this.versions.get(`${coll}\u0000${id}`) ?? 0;
  }

  /** Applies whole-document writes atomically and journals them as one batch. */
  commit(writes: Array<{ coll: string; id: string; doc: Doc | null }>): void {
    const batch: Change[] = [];
    for (const w of writes) {
      this.put(w.coll, w.id, w.doc);
      batch.push(w.doc ? { c: w.coll, id: w.id, d: encode(w.doc) } : { c: w.coll, id: w.id });
    }
    this.journal.append(batch);
  }

  find(coll: string, query: Record<string, unknown>, opts: FindOptions = {}): Doc[] {
    const docs = this.candidates(coll, query);
    const { near, rest } = extractNear(query);
    if (near) {
      const matched = docs.filter((d) => new Query(rest).test(d));
      const sorted = nearSort(matched, near);
      const from = opts.skip ?? 0;
      const page = sorted.slice(from, opts.limit === undefined ? undefined : from + opts.limit);
      return opts.projection ? find(page, {}, opts.projection).all() as Doc[] : page;
    }
    let cursor = find(docs, query, opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined);
    if (opts.sort && Object.keys(opts.sort).length) cursor = cursor.sort(opts.sort);
    if (opts.skip) cursor = cursor.skip(opts.skip);
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
    return cursor.all() as Doc[];
  }

  count(coll: string, query: Record<string, unknown>): number {
    const q = new Query(query);
    return this.candidates(coll, query).filter((d) => q.test(d)).length;
  }

  aggregate(coll: string, pipeline: Record<string, unknown>[]): unknown[] {
    let docs: unknown[] = [...this.collection(coll).values()];
    let stages = pipeline;
    const first = pipeline[0] as { $geoNear?: Record<string, any> } | undefined;
    if (first?.$geoNear) {
      const g = first.$geoNear;
      const matched = g.query ? docs.filter((d) => new Query(g.query).test(d as Doc)) : docs;
      docs = nearSort(matched as Doc[], {
        field: g.key ?? findGeoField(matched as Doc[]),
        point: g.near.coordinates ?? g.near,
        maxDistance: g.maxDistance,
        minDistance: g.minDistance,
        distanceField: g.distanceField,
      });
      stages = pipeline.slice(1);
    }
    const agg = new Aggregator(stages, {
      collectionResolver: (name: string) => [...this.collection(name).values()],
    } as any);
    return agg.run(docs as any[]);
  }

  /** Mongo update semantics (operators) on a copy; the input is never mutated. */
  static updated(doc: Doc, modifier: Record<string, unknown>): Doc {
    const copy = structuredClone(doc);
    const ops = Object.keys(modifier).some((k) => k.startsWith('$')) ? modifier : { $set: modifier };
    if ('_id' in ((ops as any).$set ?? {})) delete (ops as any).$set._id;
    try {
      applyUpdate(copy, ops as any, undefined, undefined, { cloneMode: 'deep' });
    } catch (e) {
      throw new DbError('DATABASE_REQUEST_FAILED', `更新失败：${(e as Error).message}`);
    }
    return copy;
  }

  private candidates(coll: string, query: Record<string, unknown>): Doc[] {
    const c = this.collection(coll);
    const id = query._id;
    if (typeof id === 'string') {
      const d = c.get(id);
      return d ? [d] : [];
    }
    return [...c.values()];
  }

  private put(coll: string, id: string, doc: Doc | null): void {
    const c = this.collection(coll);
    if (doc) c.set(id, doc);
    else c.delete(id);
    this.versions.set(`${coll}\u0000${id}`, ++this.clock);
  }

  private *dump(): Iterable<Change> {
    for (const [c, docs] of this.collections) for (const [id, d] of docs) yield { c, id, d: encode(d) };
  }
}

function findGeoField(docs: Doc[]): string {
  for (const d of docs)
    for (const [k, v] of Object.entries(d)) if ((v as any)?.type === 'Point') return k;
  return 'location';
}
