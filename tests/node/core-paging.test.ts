import fc from 'fast-check';
import { Query } from 'mingo';
import { afterCursor, keysetPage, type Order } from '../../server/core/paging';

const ORDER: Order = [['at', 'desc'], ['_id', 'desc']];

/** Sorts as the database does for ORDER. */
const sorted = <T extends { at: number; _id: string }>(rows: T[]) => [...rows].sort((a, b) => b.at - a.at || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0));

describe('keyset pages', () => {
  it('walk a list with tied sort keys page by page: every row once, in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ _id: fc.string({ minLength: 1, maxLength: 4 }), at: fc.integer({ min: 0, max: 5 }) }), { selector: (r) => r._id, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (rows, size) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard < 100; guard++) {
          const after = afterCursor(cursor, ORDER);
          const matching = after ? rows.filter((r) => new Query({ $or: after }).test(r)) : rows;
          const page = keysetPage(sorted(matching).slice(0, size + 1), size, ORDER, (r) => r._id);
          seen.push(...page.items);
          if (!page.next) break;
          cursor = page.next;
        }
        expect(seen).toEqual(sorted(rows).map((r) => r._id));
      }),
    );
  });

  it('refuses a cursor it did not make', () => {
    for (const bad of ['o20', 'kxyz', `k${Buffer.from('[1]').toString('base64url')}`, `k${Buffer.from('[{"$gt":1},"a"]').toString('base64url')}`]) {
      expect(() => afterCursor(bad, ORDER)).toThrow('分页参数不正确');
    }
  });
});
