import { ObjectId } from 'bson';
import { db, fresh } from './scratch';

// db.ObjectId({id}) is sent as EJSON {$oid} (@cloudbase/database src/ObjectId/index.ts parse()).
// MongoDB keeps the type, so it is found by the same ObjectId and joins on it. get() hands each
// document to Util.formatField, which flattens an ObjectId to {} on CloudBase too; aggregate and
// updateAndReturn only EJSON.parse, so they show it as stored.
describe('ObjectId', () => {
  const hex = '5f1b2c3d4e5f6a7b8c9d0e1f';
  const oid = () => db.ObjectId({ id: hex });

  it('an ObjectId _id stays an ObjectId: found by ObjectId, not by its hex string', async () => {
    const c = await fresh('oid');
    const added = await db.collection(c).add({ _id: oid(), name: '网格' } as any);
    expect(added.id).toBe(hex);
    expect((await db.collection(c).where({ _id: oid() }).get()).data).toHaveLength(1);
    expect((await db.collection(c).where({ _id: hex }).get()).data).toHaveLength(0);
    const raw = await db.collection(c).aggregate().match({ name: '网格' }).end();
    expect((raw.data[0] as any)._id).toBeInstanceOf(ObjectId);
    expect(String((raw.data[0] as any)._id)).toBe(hex);
  });

  it('an ObjectId in another field round-trips, matches and joins with $lookup', async () => {
    const grids = await fresh('oidgrid');
    await db.collection(grids).add({ _id: oid(), name: '第一网格' } as any);
    const people = await fresh('oidref', [{ _id: 'p', grid: oid() }]);
    const upd = await db.collection(people).where({ grid: oid() }).updateAndReturn({ seen: true });
    expect(upd.doc.grid).toBeInstanceOf(ObjectId);
    expect(String(upd.doc.grid)).toBe(hex);
    const joined = await db.collection(people).aggregate().lookup({ from: grids, localField: 'grid', foreignField: '_id', as: 'g' }).end();
    expect((joined.data[0] as any).g.map((g: any) => g.name)).toEqual(['第一网格']);
  });
});
