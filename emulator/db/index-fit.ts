import type { CollectionSpec, IndexSpec } from './schema';
import { shapeKey, type QueryShape } from './shapes';

/**
 * How many of an index's leading keys a query can use, the way a compound index works on CloudBase
 * (MongoDB): first the fields the query compares for equality, in any order, then one more key if the
 * query bounds it or sorts on it. Zero means the index does not narrow the query at all.
 */
export function usableKeys(index: IndexSpec, s: QueryShape): number {
  const keys = Object.keys(index.keys);
  let used = 0;
  while (used < keys.length && s.eq.includes(keys[used])) used++;
  const next = keys[used];
  if (next !== undefined && (s.range.includes(next) || s.sort[0]?.[0] === next)) used++;
  return used;
}

/** Whether some declared index (or the primary key) serves a query of this shape. */
export function servedBy(indexes: IndexSpec[], s: QueryShape): IndexSpec | '_id' | undefined {
  if (s.eq.includes('_id')) return '_id';
  if (s.geo) return indexes.find((i) => i.keys[s.geo as string] === '2dsphere');
  if (!s.eq.length && !s.range.length && !s.sort.length) return undefined;
  return indexes.find((i) => usableKeys(i, s) > 0);
}

export interface RecordedShape extends QueryShape {
  /** Which function sent it. */
  source: string;
}

export interface IndexReport {
  /** Shapes no index serves: on CloudBase each is a collection scan. */
  unserved: RecordedShape[];
  /** Declared indexes no recorded query used; unique ones still enforce their constraint. */
  unused: Array<{ coll: string; index: IndexSpec }>;
  shapes: number;
}

/** Checks every recorded query shape against the declared indexes. */
export function checkIndexes(recorded: RecordedShape[], collections: CollectionSpec[]): IndexReport {
  const byName = new Map(collections.map((c) => [c.name, c.indexes]));
  const unique = new Map<string, RecordedShape>();
  for (const s of recorded) if (!unique.has(shapeKey(s))) unique.set(shapeKey(s), s);
  const used = new Set<IndexSpec>();
  const unserved: RecordedShape[] = [];
  for (const s of unique.values()) {
    const indexes = byName.get(s.coll) ?? [];
    if (!servedBy(indexes, s)) unserved.push(s);
    for (const i of indexes) if (s.geo ? i.keys[s.geo] === '2dsphere' : usableKeys(i, s) > 0) used.add(i);
  }
  const unused = collections.flatMap((c) => c.indexes.filter((i) => !used.has(i)).map((index) => ({ coll: c.name, index })));
  return { unserved, unused, shapes: unique.size };
}

export function describeShape(s: QueryShape): string {
  const parts = [
    s.eq.length ? `= ${s.eq.join(', ')}` : '',
    s.range.length ? `range ${s.range.join(', ')}` : '',
    s.geo ? `geo ${s.geo}` : '',
    s.sort.length ? `sort ${s.sort.map(([f, d]) => `${f} ${d < 0 ? 'desc' : 'asc'}`).join(', ')}` : '',
  ].filter(Boolean);
  return `${s.coll} { ${parts.join('; ') || 'everything'} }`;
}
