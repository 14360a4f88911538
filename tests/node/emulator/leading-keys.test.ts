import fc from 'fast-check';
import { Query } from 'mingo';
import type { Doc } from '../../../emulator/db/codec';
import { LeadingKeys } from '../../../emulator/db/leading-keys';

const FIELDS = ['communityId', 'tags', 'grants.role'];
const value = fc.constantFrom('a', 'b', 'c', 1, 2, true);
const doc = fc.record(
  {
    communityId: fc.oneof(value, fc.constant(null)),
    tags: fc.array(value, { maxLength: 3 }),
    grants: fc.array(fc.record({ role: value }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const query = fc.oneof(
  fc.record({ communityId: value }),
  fc.record({ communityId: fc.record({ $in: fc.array(value, { maxLength: 3 }) }) }),
  fc.record({ tags: value, communityId: fc.record({ $eq: value }) }),
  fc.record({ 'grants.role': value }),
  fc.record({ communityId: fc.record({ $ne: value }) }),
);
const op = fc.record({ id: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5'), doc: fc.option(doc, { nil: null }) });

describe('lookups on the leading key of a declared index', () => {
  it('never leave out a document the query matches, through any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(query, { minLength: 1, maxLength: 5 }), (writes, queries) => {
        const docs = new Map<string, Doc>();
        const keys = new LeadingKeys(() => FIELDS, () => docs);
        const apply = (w: { id: string; doc: Record<string, unknown> | null }) => {
          const after = w.doc ? ({ ...w.doc, _id: w.id } as Doc) : null;
          keys.update('c', w.id, docs.get(w.id), after);
          if (after) docs.set(w.id, after);
          else docs.delete(w.id);
        };
        // Half the writes before the maps exist, half after: both the build and the upkeep are checked.
        writes.slice(0, writes.length / 2).forEach(apply);
        keys.candidates('c', { communityId: 'a' });
        keys.candidates('c', { tags: 'a' });
        keys.candidates('c', { 'grants.role': 'a' });
        writes.slice(writes.length / 2).forEach(apply);
        for (const q of queries) {
          const matching = [...docs.values()].filter((d) => new Query(q).test(d)).map((d) => d._id);
          const ids = keys.candidates('c', q);
          const narrowed = ids ? [...ids] : [...docs.keys()];
          expect(narrowed.filter((id) => matching.includes(id)).sort()).toEqual([...matching].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('narrows a query that pins a leading field to the documents with that value', () => {
    const docs = new Map<string, Doc>([
      ['x', { _id: 'x', communityId: 'a' }],
      ['y', { _id: 'y', communityId: 'b' }],
      ['z', { _id: 'z', communityId: 'a' }],
    ]);
    const keys = new LeadingKeys(() => ['communityId'], () => docs);
    expect([...(keys.candidates('c', { communityId: 'a', status: 'open' }) ?? [])]).toEqual(['x', 'z']);
    expect(keys.candidates('c', { status: 'open' })).toBeUndefined();
  });
});
