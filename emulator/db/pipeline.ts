import { Aggregator, mingoOptions } from './operators';
import { valuesAt } from './leading-keys';
import type { Doc } from './codec';

type Stage = Record<string, unknown>;

/** Where a pipeline's `$lookup`s read from: a query's candidates, or a whole collection. */
export interface LookupSource {
  candidates(coll: string, query: Record<string, unknown>): Doc[];
  all(coll: string): Doc[];
}

interface Lookup {
  from?: unknown;
  localField?: unknown;
  foreignField?: unknown;
  pipeline?: Stage[];
  let?: unknown;
}

/**
 * Runs an aggregation the way an index would let CloudBase run it: a `$lookup` reads only the
 * documents it can join, not its whole collection. An equality join reads the candidates for the
 * local values of the rows that reach it (the pipeline runs up to it first); an uncorrelated
 * sub-pipeline that opens with a `$match` reads that match's candidates.
 */
export function runPipeline(docs: Doc[], stages: Stage[], source: LookupSource): unknown[] {
  const narrowed = new Map<string, Doc[]>();
  const standIn = (docs: Doc[]) => {
    const name = `\u0000${narrowed.size}`;
    narrowed.set(name, docs);
    return name;
  };
  const options = { ...mingoOptions, collectionResolver: (name: string) => narrowed.get(name) ?? source.all(name) } as any;
  const subPipelines = (list: Stage[]): Stage[] =>
    list.map((stage) => {
      const l = stage.$lookup as Lookup | undefined;
      if (!l || typeof l.from !== 'string' || !Array.isArray(l.pipeline) || l.let !== undefined) return stage;
      const pipeline = subPipelines(l.pipeline);
      const match = pipeline[0]?.$match as Record<string, unknown> | undefined;
      return { $lookup: { ...l, pipeline, ...(match ? { from: standIn(source.candidates(l.from, match)) } : {}) } };
    });

  let rows: unknown[] = docs;
  let segment: Stage[] = [];
  const flush = () => {
    if (segment.length) rows = new Aggregator(segment, options).run(rows as any[]);
    segment = [];
  };
  for (const stage of subPipelines(stages)) {
    const l = stage.$lookup as Lookup | undefined;
    if (l && typeof l.from === 'string' && typeof l.localField === 'string' && typeof l.foreignField === 'string' && !l.pipeline) {
      flush();
      const path = l.localField.split('.');
      const values = [...new Set(rows.flatMap((r) => valuesAt(r, path)))];
      segment.push({ $lookup: { ...l, from: standIn(source.candidates(l.from, { [l.foreignField]: { $in: values } })) } });
    } else segment.push(stage);
  }
  flush();
  return rows;
}
