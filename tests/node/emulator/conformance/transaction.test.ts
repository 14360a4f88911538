import { _, db, fresh, ids } from './scratch';

// Transactions through the SDK (@cloudbase/database src/transaction/index.ts, src/query.ts,
// src/document.ts), with MongoDB's snapshot semantics underneath.
describe('transaction', () => {
  it('allows where-queries: get and updateAndReturn carry the transaction (query.ts passes transactionId)', async () => {
    const c = await fresh('txwhere', [
      { _id: 'a', grid: 'g1', n: 1 },
      { _id: 'b', grid: 'g1', n: 2 },
      { _id: 'c', grid: 'g2', n: 3 },
    ]);
    const t = await db.startTransaction();
    await t.collection(c).doc('d').set({ grid: 'g1', n: 4 });
    await t.collection(c).doc('a').delete();
    // Its own writes are in the view: d added, a removed.
    expect(ids(await t.collection(c).where({ grid: 'g1' }).get())).toEqual(['b', 'd']);
    const r = await t.collection(c).where({ n: _.gte(4) }).updateAndReturn({ n: _.inc(10) });
    expect(r).toMatchObject({ updated: 1, doc: { _id: 'd', n: 14 } });
    expect(ids(await db.collection(c).where({ grid: 'g1' }).get())).toEqual(['a', 'b']);
    await t.commit();
    expect(ids(await db.collection(c).where({ grid: 'g1' }).get())).toEqual(['b', 'd']);
  });

  it('where().update() on a transaction collection is accepted (the SDK sends it without transactionId)', async () => {
    const c = await fresh('txwhereupd', [{ _id: 'a', k: 1 }]);
    const t = await db.startTransaction();
    const res = await t.collection(c).where({ k: 1 }).update({ seen: true });
    expect(res.updated).toBe(1);
    await t.rollback();
    // Not part of the transaction: the rollback leaves it applied.
    expect((await db.collection(c).doc('a').get()).data[0].seen).toBe(true);
  });

  it('a second uncommitted write to a document another open transaction wrote fails at once', async () => {
    const c = await fresh('txww', [{ _id: 'a', n: 0 }]);
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection(c).doc('a').update({ n: 1 });
    await expect(t2.collection(c).doc('a').update({ n: 2 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await t2.rollback();
    await t1.commit();
    expect((await db.collection(c).doc('a').get()).data[0].n).toBe(1);
  });

  it('a re-read returns the snapshot the transaction first saw; the commit then conflicts', async () => {
    const c = await fresh('txsnap', [{ _id: 'a', n: 0 }]);
    const t = await db.startTransaction();
    expect((await t.collection(c).doc('a').get()).data.n).toBe(0);
    await db.collection(c).doc('a').update({ n: 5 });
    expect((await t.collection(c).doc('a').get()).data.n).toBe(0);
    expect((await t.collection(c).where({ n: 0 }).field({ n: true }).get()).data).toEqual([{ _id: 'a', n: 0 }]);
    await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect((await db.collection(c).doc('a').get()).data[0].n).toBe(5);
  });

  it('runTransaction retries a conflicting attempt (transaction/index.ts retries DATABASE_TRANSACTION_CONFLICT)', async () => {
    const c = await fresh('txretry', [{ _id: 'a', n: 0 }]);
    const blocker = await db.startTransaction();
    await blocker.collection(c).doc('a').update({ n: 100 });
    let attempts = 0;
    await db.runTransaction(async (t: any) => {
      attempts++;
      if (attempts === 2) await blocker.rollback();
      const cur = (await t.collection(c).doc('a').get()).data;
      await t.collection(c).doc('a').update({ n: cur.n + 1 });
    });
    expect(attempts).toBe(2);
    expect((await db.collection(c).doc('a').get()).data[0].n).toBe(1);
  });
});
