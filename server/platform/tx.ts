import { database } from './cloud';
import { AppError } from '../core/errors';
import { DocStore, findMany, withoutId } from './store';

// Many people at one hot document (a slot, a wish) retry; past this, they are told to try again.
const MAX_ATTEMPTS = 40;

function isConflict(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code === 'DATABASE_TRANSACTION_CONFLICT' || /conflict/i.test(String((e as Error)?.message));
}

/**
 * Runs `work` in a database transaction, retrying on conflict with jittered back-off. Work must
 * only touch the database through the given store so a retry starts clean. Domain errors abort.
 */
export async function transact<T>(work: (tx: DocStore) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const t = await database().startTransaction();
    const tx: DocStore = {
      async get(coll, id) {
        const res = await t.collection(coll).doc(id).get();
        return res.data ?? null;
      },
      async set(coll, id, data) {
        await t.collection(coll).doc(id).set(withoutId(data));
      },
      async update(coll, id, patch) {
        await t.collection(coll).doc(id).update(withoutId(patch));
      },
      async remove(coll, id) {
        await t.collection(coll).doc(id).delete();
      },
    };
    try {
      const result = await work(tx);
      await t.commit();
      return result;
    } catch (e) {
      await t.rollback().catch(() => undefined);
      if (!isConflict(e)) throw e;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', '当前办理的人较多，请稍后再试');
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** attempt)));
    }
  }
}

/**
 * Each document matching `where` in a transaction of its own, a hundred at a time; `where` must
 * exclude the ones already done (the work changes them), so this ends.
 */
export async function eachInTransaction<T extends { _id: string }>(coll: string, where: Record<string, unknown>, work: (tx: DocStore, id: string) => Promise<void>): Promise<void> {
  for (;;) {
    const rows = await findMany<T>(coll, where, { limit: 100 });
    for (const row of rows) await transact((tx) => work(tx, row._id));
    if (rows.length < 100) return;
  }
}
