import type { DocStore } from './store';

/** One document per person and kind of thing they create under a cap. */
export const GATES = 'person_gates';

/**
 * Lets one creation of a kind by one person through at a time, so that a per-person cap counted
 * from the things themselves (wishes waiting for review, requests waiting for dispatch) holds
 * under concurrency. Counted beside a transaction, thirty parallel calls each see four and each
 * add a fifth. Here each creation first writes the person's gate document in its transaction: a
 * second one conflicts (and retries) until the first has committed, and only then counts, so it
 * sees the first. Call it before counting; nothing has to keep a counter in step when a wish is
 * reviewed or a request dispatched, because the count comes from the things.
 */
export async function passGate(tx: DocStore, kind: string, userId: string, at: number): Promise<void> {
  const id = `${kind}.${userId}`;
  await tx.get(GATES, id);
  await tx.set(GATES, id, { kind, userId, at });
}
