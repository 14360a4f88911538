import { db, fresh } from './scratch';

// Collection and query results as the SDK reports them (@cloudbase/database src/query.ts,
// src/collection.ts).
describe('collection', () => {
  it('updateAndReturn with no match answers doc: null (query.ts updateAndReturn passes res.data.doc on)', async () => {
    const c = await fresh('uar', [{ _id: 'a', n: 1 }]);
    const none = await db.collection(c).where({ n: 99 }).updateAndReturn({ seen: true });
    expect(none.updated).toBe(0);
    expect(none.doc).toBeNull();
    const hit = await db.collection(c).where({ n: 1 }).updateAndReturn({ seen: true });
    expect(hit).toMatchObject({ updated: 1, doc: { _id: 'a', n: 1, seen: true } });
  });

  it('refuses a field name starting with $ on insert (MongoDB: "Document can\'t have $ prefixed field names"), and stores nothing', async () => {
    const c = await fresh('dollar');
    await expect(db.collection(c).add({ _id: 'x', $where: 1 })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringMatching(/\$ prefixed field names: \$where/) });
    await expect(db.collection(c).add({ _id: 'y', nested: { $inc: 1 } })).rejects.toMatchObject({ message: expect.stringMatching(/nested\.\$inc/) });
    expect((await db.collection(c).count()).total).toBe(0);
  });
});
