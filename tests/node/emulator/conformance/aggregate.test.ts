import { $, db, fresh } from './scratch';

// Aggregation expressions as MongoDB (so CloudBase) computes them; the SDK sends them unchanged
// (db.command.aggregate.* in @cloudbase/database src/operator-map.ts).
describe('aggregate', () => {
  const run = async (docs: object[], project: Record<string, unknown>) => {
    const c = await fresh('agg', docs);
    const res = await db.collection(c).aggregate().sort({ _id: 1 }).project({ _id: 0, ...project }).end();
    return res.data as Array<Record<string, unknown>>;
  };

  it('$week counts Sunday-started weeks, days before the first Sunday being week 0', async () => {
    const days = ['2023-01-01', '2023-12-31', '2024-01-01', '2024-01-06', '2024-01-07', '2024-12-31'];
    const out = await run(days.map((d, i) => ({ _id: i, at: new Date(`${d}T12:00:00Z`) })), { w: $.week('$at') });
    expect(out.map((r) => r.w)).toEqual([1, 53, 0, 0, 1, 52]);
  });

  it('$substr and $substrBytes with a negative length take the rest of the string', async () => {
    const out = await run([{ _id: 1, s: 'hello world' }], { a: $.substr(['$s', 6, -1]), b: $.substrBytes(['$s', 0, -1]), c: $.substrCP(['$s', 6, 100]) });
    expect(out[0]).toEqual({ a: 'world', b: 'hello world', c: 'world' });
  });

  it('$indexOfCP finds a substring by code point, within an optional range', async () => {
    const out = await run([{ _id: 1, s: '红邻社区红邻' }], {
      a: $.indexOfCP(['$s', '社区']),
      b: $.indexOfCP(['$s', '红邻', 1]),
      c: $.indexOfCP(['$s', '红邻', 1, 5]),
      d: $.indexOfCP(['$s', '网格']),
    });
    expect(out[0]).toEqual({ a: 2, b: 4, c: -1, d: -1 });
  });
});
