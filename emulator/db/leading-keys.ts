import type { Doc } from './codec';

type Ids = Set<string>;
type ByValue = Map<unknown, Ids>;

/** Every value a dotted path reaches in a document, through arrays as MongoDB does. */
export function valuesAt(value: unknown, path: string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (!path.length) return [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

export const isKey = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The values a filter pins a field to (`f: v`, `{ $eq: v }`, `{ $in: [...] }`), or undefined when it does not. */
function pinned(cond: unknown): unknown[] | undefined {
  if (isKey(cond)) return [cond];
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) return undefined;
  const ops = cond as Record<string, unknown>;
  const keys = Object.keys(ops);
  if (keys.length !== 1) return undefined;
  if (isKey(ops.$eq)) return [ops.$eq];
  if (Array.isArray(ops.$in) && ops.$in.every(isKey)) return ops.$in;
  return undefined;
}

/**
 * Equality lookups on the leading field of each declared index, so a query that pins such a field
 * reads only the documents with that value, as CloudBase's index would let it, instead of the whole
 * collection. Maps are built on first use and kept in step with every write; they give candidates
 * only, which the query still filters.
 */
export class LeadingKeys {
  private readonly maps = new Map<string, Map<string, ByValue>>();

  constructor(
    private readonly fieldsOf: (coll: string) => string[],
    private readonly docsOf: (coll: string) => Map<string, Doc>,
  ) {}

  /** The ids a query can match, through the narrowest pinned leading field; undefined when none is pinned. */
  candidates(coll: string, query: Record<string, unknown>): Ids | undefined {
    let best: Ids | undefined;
    // The SDK sends a filter combined with a keyset page's `$or` as a top-level `$and`.
    const parts = [query, ...(Array.isArray(query.$and) ? (query.$and as Record<string, unknown>[]) : [])];
    for (const field of this.fieldsOf(coll)) {
      const values = parts.map((p) => pinned(p?.[field])).find((v) => v !== undefined);
      if (!values) continue;
      const byValue = this.map(coll, field);
      const ids = values.length === 1 ? (byValue.get(values[0]) ?? new Set<string>()) : new Set(values.flatMap((v) => [...(byValue.get(v) ?? [])]));
      if (!best || ids.size < best.size) best = ids;
    }
    return best;
  }

  update(coll: string, id: string, before: Doc | undefined, after: Doc | null): void {
    const fields = this.maps.get(coll);
    if (!fields) return;
    for (const [field, byValue] of fields) {
      const path = field.split('.');
      const old = before ? valuesAt(before, path).filter(isKey) : [];
      const now = after ? valuesAt(after, path).filter(isKey) : [];
      for (const v of old) if (!now.includes(v)) byValue.get(v)?.delete(id);
      for (const v of now) if (!old.includes(v)) add(byValue, v, id);
    }
  }

  /** The collection's indexes changed: its maps are rebuilt on next use. */
  reset(coll: string): void {
    this.maps.delete(coll);
  }

  private map(coll: string, field: string): ByValue {
    let fields = this.maps.get(coll);
    if (!fields) this.maps.set(coll, (fields = new Map()));
    let byValue = fields.get(field);
    if (byValue) return byValue;
    byValue = new Map();
    const path = field.split('.');
    for (const [id, doc] of this.docsOf(coll)) for (const v of valuesAt(doc, path)) if (isKey(v)) add(byValue, v, id);
    fields.set(field, byValue);
    return byValue;
  }
}

function add(byValue: ByValue, v: unknown, id: string): void {
  let ids = byValue.get(v);
  if (!ids) byValue.set(v, (ids = new Set()));
  ids.add(id);
}
