import { findMany } from '../platform/store';
import { transact } from '../platform/tx';
import type { UserDoc } from '../user/model';
import { DELETED_NAME } from '../user/forget';
import { WISHES, WishDoc } from './model';
import { canMove, nextStatus } from './machine';
import { adjustLiveClaims, record } from './context';

/*
 * A person's wishes when they see their data or delete their account. Every change goes through
 * the wish's own moves and `record`, so the timeline says who, when, from, to and why.
 */

const MAX = 100;

/** The latest wishes a person published and claimed (at most 100 each). */
export async function wishesOf(userId: string): Promise<{ posted: WishDoc[]; claimed: WishDoc[] }> {
  const [posted, claimed] = await Promise.all([
    findMany<WishDoc>(WISHES, { publisherId: userId }, { orderBy: [['updatedAt', 'desc']], limit: MAX }),
    findMany<WishDoc>(WISHES, { 'claim.userId': userId }, { orderBy: [['updatedAt', 'desc']], limit: MAX }),
  ]);
  return { posted, claimed };
}

const WHY = '本人注销账号';

/**
 * The wishes of someone who deletes their account, one transaction per wish, each re-read inside
 * it, so a second run finds nothing left to do:
 * - published, not yet claimed: withdrawn; claimed by a volunteer: taken down (the person to help
 *   is gone), the volunteer's claim ends. Their name and address leave every wish, photos leave
 *   those no longer on the wall.
 * - claimed by them and not yet done: released, back on the wall for another volunteer. A wish
 *   awaiting the resident's confirmation keeps the help that was given; only the name goes.
 */
export async function leaveWishes(user: UserDoc, at: number): Promise<{ withdrawn: number; released: number }> {
  let withdrawn = 0;
  let released = 0;
  for (;;) {
    const rows = await findMany<WishDoc>(WISHES, { publisherId: user._id, publisherName: { $ne: DELETED_NAME } }, { limit: MAX });
    for (const row of rows) {
      if (await transact((tx) => forgetPublisher(tx, row._id, user, at))) withdrawn++;
    }
    if (rows.length < MAX) break;
  }
  for (;;) {
    const rows = await findMany<WishDoc>(WISHES, { 'claim.userId': user._id, 'claim.name': { $ne: DELETED_NAME } }, { limit: MAX });
    for (const row of rows) {
      if (await transact((tx) => forgetClaimer(tx, row._id, user, at))) released++;
    }
    if (rows.length < MAX) break;
  }
  return { withdrawn, released };
}

type Tx = Parameters<Parameters<typeof transact>[0]>[0];

async function forgetPublisher(tx: Tx, id: string, user: UserDoc, at: number): Promise<boolean> {
  const w = await tx.get<WishDoc>(WISHES, id);
  if (!w || w.publisherId !== user._id || w.publisherName === DELETED_NAME) return false;
  const { address: _address, ...kept } = w;
  let next: WishDoc = { ...kept, publisherName: DELETED_NAME, showPhone: false, updatedAt: at };
  let why: string | undefined;
  if (canMove(w.status, 'withdraw')) {
    next.status = nextStatus(w.status, 'withdraw');
    why = `${WHY}，心愿撤回`;
  } else if (w.status === 'claimed' || w.status === 'awaiting_confirmation') {
    next.status = nextStatus(w.status, 'takedown');
    if (w.claim) await adjustLiveClaims(tx, w.claim.userId, -1);
    why = `${WHY}，心愿下架，认领结束`;
  }
  if (next.status !== 'completed') next = { ...next, photos: [] };
  await record(tx, w, next, user, at, why);
  return why !== undefined && next.status === 'withdrawn';
}

async function forgetClaimer(tx: Tx, id: string, user: UserDoc, at: number): Promise<boolean> {
  const w = await tx.get<WishDoc>(WISHES, id);
  if (!w?.claim || w.claim.userId !== user._id || w.claim.name === DELETED_NAME) return false;
  if (canMove(w.status, 'release')) {
    await adjustLiveClaims(tx, user._id, -1);
    await record(tx, w, { ...w, status: nextStatus(w.status, 'release'), claim: undefined, proof: undefined, updatedAt: at }, user, at, `${WHY}，认领释放`);
    return true;
  }
  await record(tx, w, { ...w, claim: { ...w.claim, name: DELETED_NAME }, updatedAt: at }, user, at);
  return false;
}
