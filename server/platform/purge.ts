import { database } from './cloud';
import { REQUESTS } from './idempotency';

/**
 * Removes the stored answers of a person's earlier requests (`<fn>.<action>.<userId>.<requestId>`):
 * they can hold the person's own profile, phone included, and must not outlive 注销.
 */
export async function forgetRequestsOf(userId: string): Promise<void> {
  if (!/^[\w-]+$/.test(userId)) return;
  const db = database();
  await db
    .collection(REQUESTS)
    .where({ _id: db.RegExp({ regexp: `^[\\w-]+\\.[\\w-]+\\.${userId}\\.` }) })
    .remove();
}
