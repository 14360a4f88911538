import fs from 'node:fs';

/**
 * What a query asks of a collection, without its values: the fields it compares for equality, the
 * fields it bounds or tests otherwise, a geo field, and the order it wants. Two queries with the same
 * shape are served by the same index.
 */
export interface QueryShape {
  coll: string;
  eq: string[];
  range: string[];
  geo?: string;
  sort: Array<[string, 1 | -1]>;
}

type Obj = Record<string, unknown>;

const EQ_OPS = new Set(['$eq', '$in', '$all', '$size']);
const GEO_OPS = new Set(['$near', '$nearSphere', '$geoNear', '$geoWithin', '$geoIntersects']);

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp) && !(v as { _bsontype?: unknown })._bsontype;

/**
 * The shapes of one filter: one per branch of a top-level `$or` (each branch needs its own index, as
 * MongoDB plans them), `$and` parts merged. A plain nested object compares its fields by path.
 */
export function shapesOf(coll: string, query: Obj, sort: Obj | undefined = undefined): QueryShape[] {
  const base: QueryShape = { coll, eq: [], range: [], sort: sortOf(sort) };
  const ors: Obj[][] = [];
  collect(query, base, ors);
  if (!ors.length) return [tidy(base)];
  return ors[0].map((alternative) => {
    const s: QueryShape = { ...base, eq: [...base.eq], range: [...base.range] };
    collect(alternative, s, []);
    return tidy(s);
  });
}

function collect(q: Obj, s: QueryShape, ors: Obj[][]): void {
  for (const [k, v] of Object.entries(q)) {
    if (k === '$and' && Array.isArray(v)) v.forEach((part) => isObj(part) && collect(part, s, ors));
    else if (k === '$or' && Array.isArray(v)) ors.push(v.filter(isObj));
    else if (!k.startsWith('$')) field(k, v, s);
  }
}

function field(path: string, v: unknown, s: QueryShape): void {
  if (!isObj(v)) return void s.eq.push(path);
  const keys = Object.keys(v);
  if (!keys.some((k) => k.startsWith('$'))) {
    // A nested document: the SDK sends `{ a: { b: 1 } }` for `a.b`.
    for (const [k, inner] of Object.entries(v)) field(`${path}.${k}`, inner, s);
    return;
  }
  for (const op of keys) {
    const arg = v[op];
    if (GEO_OPS.has(op)) s.geo = path;
    else if (op === '$elemMatch' && isObj(arg)) for (const [k, inner] of Object.entries(arg)) field(k.startsWith('$') ? path : `${path}.${k}`, inner, s);
    else if (EQ_OPS.has(op)) s.eq.push(path);
    else s.range.push(path);
  }
}

function sortOf(sort: Obj | undefined): Array<[string, 1 | -1]> {
  if (!sort) return [];
  // getDocument's `order` is a list of { field, direction }; aggregation's `$sort` a document.
  if (Array.isArray(sort)) return (sort as Array<{ field: string; direction: string }>).map((o) => [o.field, o.direction === 'desc' ? -1 : 1]);
  return Object.entries(sort).map(([f, d]) => [f, Number(d) < 0 ? -1 : 1]);
}

function tidy(s: QueryShape): QueryShape {
  const eq = [...new Set(s.eq)].sort();
  const range = [...new Set(s.range)].filter((f) => !eq.includes(f)).sort();
  return { coll: s.coll, eq, range, ...(s.geo ? { geo: s.geo } : {}), sort: s.sort };
}

/**
 * The shapes an aggregation asks of its collection and of the collections it looks up: the first
 * `$match` (or `$geoNear`) with a `$sort` straight after it, each `$lookup` sub-pipeline likewise,
 * and an equality join on the joined collection's foreign field.
 */
export function pipelineShapes(coll: string, stages: Obj[]): QueryShape[] {
  const out: QueryShape[] = [];
  const [first] = stages;
  const sortAfter = (i: number) => (isObj(stages[i]?.$sort) ? (stages[i].$sort as Obj) : undefined);
  if (first && isObj(first.$match)) out.push(...shapesOf(coll, first.$match, sortAfter(1)));
  else if (first && isObj(first.$geoNear)) {
    const g = first.$geoNear as Obj;
    const s = shapesOf(coll, isObj(g.query) ? g.query : {}, undefined).map((x) => ({ ...x, geo: String(g.key ?? 'location') }));
    out.push(...s);
  } else out.push({ coll, eq: [], range: [], sort: sortOf(first && isObj(first.$sort) ? (first.$sort as Obj) : undefined) });
  for (const st of stages) {
    const l = st.$lookup;
    if (!isObj(l) || typeof l.from !== 'string') continue;
    if (typeof l.foreignField === 'string') out.push({ coll: l.from, eq: [l.foreignField], range: [], sort: [] });
    if (Array.isArray(l.pipeline)) out.push(...pipelineShapes(l.from, l.pipeline as Obj[]));
  }
  return out;
}

export const shapeKey = (s: QueryShape): string => JSON.stringify([s.coll, s.eq, s.range, s.geo ?? '', s.sort]);

/** Appends each shape not seen before in this process to a file, one JSON line each; the test run reads them back. */
export class ShapeLog {
  private readonly seen = new Set<string>();

  constructor(private readonly file: string) {}

  record(shapes: QueryShape[], source: string): void {
    for (const s of shapes) {
      const key = shapeKey(s);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      fs.appendFileSync(this.file, `${JSON.stringify({ ...s, source })}\n`);
    }
  }
}
