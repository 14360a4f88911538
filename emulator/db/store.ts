import { randomBytes } from 'node:crypto';
import { Change, Journal } from './journal';
import { Doc, clone, decode, encode, idKey } from './codec';
import { extractNear, nearSort } from './geo';
import { Query, find, mingoOptions, update as applyUpdate } from './operators';
import type { IndexSpec, Rule } from './schema';
import { LeadingKeys } from './leading-keys';
import { runPipeline } from './pipeline';

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

/** What CloudBase knows of a collection besides its documents. */
export interface CollectionMeta {
  indexes: IndexSpec[];
  rule?: Rule;
}

/** CloudBase's answer for a collection that was never created. */
export function collectionNotExist(): DbError {
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
  );
}

/**
 * The committed state: collections of documents, each with a version that bumps on every write
 * (kept for removed documents too, so optimistic transactions can validate what they read).
 * As on CloudBase, a collection exists only once created; writing to any other is refused.
 */
export class Store {
  private readonly collections = new Map<string, Map<string, Doc>>();
  private readonly catalogue = new Map<string, CollectionMeta>();
  private readonly versions = new Map<string, number>();
  private clock = 0;
  private readonly keys = new LeadingKeys(
    (coll) => [...new Set((this.catalogue.get(coll)?.indexes ?? []).map((i) => Object.keys(i.keys)[0]).filter((f) => f !== undefined && !f.startsWith('_')))],
    (coll) => this.collection(coll),
  );

  constructor(private readonly journal: Journal) {
    journal.open(
      (ch) => this.replay(ch),
      () => this.dump(),
    );
  }

  /** The documents of a collection (empty for one that does not exist). */
  collection(name: string): Map<string, Doc> {
    return this.collections.get(name) ?? new Map();
  }

  hasCollection(name: string): boolean {
    return this.catalogue.has(name);
  }

  listCollections(): Array<{ name: string } & CollectionMeta> {
    return [...this.catalogue].map(([name, meta]) => ({ name, ...structuredClone(meta) })).sort((a, b) => a.name.localeCompare(b.name));
  }

  createCollection(name: string): void {
    if (this.catalogue.has(name)) throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', '[ResourceUnavailable.ResourceExist] Table exist.');
    this.describe(name, { indexes: [] });
  }

  /** Adds an index, or replaces the one of the same name. */
  setIndex(name: string, index: IndexSpec): void {
    const meta = this.meta(name);
    this.describe(name, { ...meta, indexes: [...meta.indexes.filter((i) => i.name !== index.name), index] });
  }

  dropIndex(name: string, indexName: string): void {
    const meta = this.meta(name);
    this.describe(name, { ...meta, indexes: meta.indexes.filter((i) => i.name !== indexName) });
  }

  setRule(name: string, rule: Rule): void {
    this.describe(name, { ...this.meta(name), rule });
  }

  /** Resolves once every change so far is on disk. */
  durable(): Promise<void> {
    return this.journal.durable();
  }

  get(coll: string, id: string): Doc | undefined {
    return this.collections.get(coll)?.get(id);
  }

  version(coll: string, id: string): number {
    return this.versions.get(`${coll}\u0000${id}`) ?? 0;
  }

  /**
   * Applies whole-document writes atomically and journals them as one batch. Should the disk
   * refuse the batch, it is taken back out (each document as it was, with a new version, so no
   * transaction that saw it can commit) and `onUndo` runs.
   */
  commit(writes: Array<{ coll: string; id: string; doc: Doc | null }>, onUndo?: () => void): void {
    if (writes.some((w) => !this.catalogue.has(w.coll))) throw collectionNotExist();
    const batch: Change[] = [];
    const before = writes.map((w) => ({ ...w, doc: this.get(w.coll, w.id) ?? null }));
    for (const w of writes) {
      this.put(w.coll, w.id, w.doc);
      batch.push(w.doc ? { c: w.coll, id: w.id, d: encode(w.doc) } : { c: w.coll, id: w.id });
    }
    this.journal.append(batch, () => {
      for (const b of before.reverse()) this.put(b.coll, b.id, b.doc);
      onUndo?.();
    });
  }

  find(coll: string, query: Record<string, unknown>, opts: FindOptions = {}): Doc[] {
    return select(this.candidates(coll, query), query, opts);
  }

  count(coll: string, query: Record<string, unknown>): number {
    const q = new Query(query, mingoOptions);
    return this.candidates(coll, query).filter((d) => q.test(d)).length;
  }

  aggregate(coll: string, pipeline: Record<string, unknown>[]): unknown[] {
    const match = (pipeline[0] as { $match?: Record<string, unknown> } | undefined)?.$match;
    let docs: unknown[] = match ? this.candidates(coll, match) : [...this.collection(coll).values()];
    let stages = pipeline;
    const first = pipeline[0] as { $geoNear?: Record<string, any> } | undefined;
    if (first?.$geoNear) {
      const g = first.$geoNear;
      const q = g.query ? new Query(g.query, mingoOptions) : undefined;
      const matched = q ? docs.filter((d) => q.test(d as Doc)) : docs;
      docs = nearSort(matched as Doc[], {
        field: g.key ?? findGeoField(matched as Doc[]),
        point: g.near.coordinates ?? g.near,
        maxDistance: g.maxDistance,
        minDistance: g.minDistance,
        distanceField: g.distanceField,
      });
      stages = pipeline.slice(1);
    }
    return runPipeline(docs as Doc[], stages, { candidates: (c, q) => this.candidates(c, q), all: (c) => [...this.collection(c).values()] });
  }

  /** Mongo update semantics (operators) on a copy; the input is never mutated. */
  static updated(doc: Doc, modifier: Record<string, unknown>): Doc {
    const copy = clone(doc);
    const ops = Object.keys(modifier).some((k) => k.startsWith('$')) ? modifier : { $set: modifier };
    if ('_id' in ((ops as any).$set ?? {})) delete (ops as any).$set._id;
    try {
      applyUpdate(copy, ops as any, undefined, undefined, { cloneMode: 'deep', queryOptions: mingoOptions as any });
    } catch (e) {
      throw new DbError('DATABASE_REQUEST_FAILED', `更新失败：${(e as Error).message}`);
    }
    return copy;
  }

  private candidates(coll: string, query: Record<string, unknown>): Doc[] {
    const c = this.collection(coll);
    const key = idKey(query._id);
    if (key !== undefined) {
      const d = c.get(key);
      return d ? [d] : [];
    }
    const listed = (query._id as { $in?: unknown } | undefined)?.$in;
    if (Array.isArray(listed) && Object.keys(query._id as object).length === 1) return [...new Set(listed.map((id) => idKey(id)))].flatMap((k) => (k === undefined ? [] : (c.get(k) ?? [])));
    const ids = this.keys.candidates(coll, query);
    if (!ids) return [...c.values()];
    return [...ids].flatMap((id) => c.get(id) ?? []);
  }

  private meta(name: string): CollectionMeta {
    const meta = this.catalogue.get(name);
    if (!meta) throw collectionNotExist();
    return meta;
  }

  private describe(name: string, meta: CollectionMeta): void {
    const before = this.catalogue.get(name);
    this.catalogue.set(name, meta);
    this.keys.reset(name);
    this.journal.append([{ c: name, id: '', k: 'collection', d: JSON.stringify(meta) }], () =>
      before ? this.catalogue.set(name, before) : this.catalogue.delete(name),
    );
  }

  private replay(ch: Change): void {
    if (ch.k === 'collection') {
      this.keys.reset(ch.c);
      return void this.catalogue.set(ch.c, JSON.parse(ch.d ?? '{"indexes":[]}'));
    }
    // Data kept from before collections were catalogued: a collection with documents exists.
    if (!this.catalogue.has(ch.c)) this.catalogue.set(ch.c, { indexes: [] });
    this.put(ch.c, ch.id, ch.d === undefined ? null : (decode(ch.d) as Doc));
  }

  private put(coll: string, id: string, doc: Doc | null): void {
    let c = this.collections.get(coll);
    if (!c) {
      c = new Map();
      this.collections.set(coll, c);
    }
    this.keys.update(coll, id, c.get(id), doc);
    if (doc) c.set(id, doc);
    else c.delete(id);
    this.versions.set(`${coll}\u0000${id}`, ++this.clock);
  }

  private *dump(): Iterable<Change> {
    for (const [c, meta] of this.catalogue) yield { c, id: '', k: 'collection', d: JSON.stringify(meta) };
    for (const [c, docs] of this.collections) for (const [id, d] of docs) yield { c, id, d: encode(d) };
  }
}

/** Query, order, page and project documents as CloudBase's getDocument does. */
export function select(docs: Doc[], query: Record<string, unknown>, opts: FindOptions = {}): Doc[] {
  const { near, rest } = extractNear(query);
  if (near) {
    const q = new Query(rest, mingoOptions);
    const sorted = nearSort(docs.filter((d) => q.test(d)), near);
    const from = opts.skip ?? 0;
    const page = sorted.slice(from, opts.limit === undefined ? undefined : from + opts.limit);
    return opts.projection ? (find(page, {}, opts.projection).all() as Doc[]) : page;
  }
  let cursor = find(docs, query, opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined);
  if (opts.sort && Object.keys(opts.sort).length) cursor = cursor.sort(opts.sort);
  if (opts.skip) cursor = cursor.skip(opts.skip);
  if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
  return cursor.all() as Doc[];
}

/**
 * MongoDB refuses to store a field name that starts with `$` ("Document can't have $ prefixed
 * field names"); the SDK passes such names through (@cloudbase/database src/collection.ts add),
 * so the server is where CloudBase refuses them.
 */
export function assertStorable(value: unknown, path = ''): void {
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  if (Array.isArray(value)) return value.forEach((v, i) => assertStorable(v, `${path}${i}.`));
  if ((value as { _bsontype?: unknown })._bsontype) return;
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) throw new DbError('DATABASE_REQUEST_FAILED', `Document can't have $ prefixed field names: ${path}${k}`);
    assertStorable(v, `${path}${k}.`);
  }
}

function findGeoField(docs: Doc[]): string {
  for (const d of docs)
    for (const [k, v] of Object.entries(d)) if ((v as any)?.type === 'Point') return k;
  return 'location';
}
