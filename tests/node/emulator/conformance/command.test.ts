import { _, db, fresh, ids } from './scratch';

// Query commands as the SDK serializes them (@cloudbase/database src/serializer/query.ts) and
// MongoDB evaluates them on CloudBase.
describe('command', () => {
  it('elemMatch with field conditions looks only at embedded documents, never plain values (MongoDB $elemMatch)', async () => {
    const c = await fresh('elem', [
      { _id: 'nums', xs: [2, 4, 6] },
      { _id: 'docs', xs: [{ n: 4 }, { m: 1 }] },
      { _id: 'odd', xs: [{ n: 3 }] },
    ]);
    // The SDK's typings give exists() no argument; it takes the boolean at run time (commands/query.ts).
    const exists = _.exists as unknown as (present: boolean) => unknown;
    const mod = _.mod as unknown as (divisorAndRemainder: [number, number]) => unknown;
    expect(ids(await db.collection(c).where({ xs: _.elemMatch({ n: exists(false) }) }).get())).toEqual(['docs']);
    expect(ids(await db.collection(c).where({ xs: _.elemMatch({ n: mod([2, 0]) }) }).get())).toEqual(['docs']);
    expect(ids(await db.collection(c).where({ xs: _.elemMatch({ n: exists(true) }) }).get())).toEqual(['docs', 'odd']);
    // Operator-only conditions still apply to the values themselves.
    expect(ids(await db.collection(c).where({ xs: _.elemMatch(_.gt(5)) }).get())).toEqual(['nums']);
  });

  it('$jsonSchema filters by MongoDB schema keywords, bsonType included', async () => {
    const c = await fresh('schema', [
      { _id: 'ok', name: '王桂英', age: 78, tags: ['空巢'] },
      { _id: 'young', name: '李', age: 12 },
      { _id: 'noname', age: 80 },
      { _id: 'textage', name: '陈明', age: '66' },
    ]);
    const schema = {
      bsonType: 'object',
      required: ['name', 'age'],
      properties: { name: { bsonType: 'string', minLength: 1 }, age: { bsonType: 'int', minimum: 60 }, tags: { bsonType: 'array', items: { bsonType: 'string' } } },
    };
    // Raw mode sends the query as written (query.ts where(): encodeEJSON(query, raw)).
    const res = await db.collection(c).options({ raw: true } as any).where({ $jsonSchema: schema }).get();
    expect(ids(res)).toEqual(['ok']);
  });
});
