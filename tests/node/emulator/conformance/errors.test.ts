import { db, fresh } from './scratch';

// Error codes and messages the SDK rejects with (@cloudbase/database src/const/code.ts; MongoDB's
// NoSuchTransaction messages for a finished transaction).
describe('errors', () => {
  it('an unlisted collection is DATABASE_COLLECTION_NOT_EXIST', async () => {
    await expect(db.collection('conf_never_created').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  });

  it('a finished transaction says whether it was committed or aborted', async () => {
    const c = await fresh('txdone');
    const done = await db.startTransaction();
    await done.collection(c).doc('a').set({ n: 1 });
    await done.commit();
    await expect(done.collection(c).doc('b').set({ n: 2 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringMatching(/has been committed/) });
    const gone = await db.startTransaction();
    await gone.rollback();
    await expect(gone.collection(c).doc('a').get()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringMatching(/has been aborted/) });
    await expect(gone.commit()).rejects.toMatchObject({ message: expect.stringMatching(/has been aborted/) });
  });

  it('a write conflict is DATABASE_TRANSACTION_CONFLICT with the SDK message', async () => {
    const c = await fresh('txconf', [{ _id: 'a', n: 0 }]);
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection(c).doc('a').update({ n: 1 });
    await expect(t2.collection(c).doc('a').delete()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' });
    await Promise.all([t1.rollback(), t2.rollback()]);
  });
});
