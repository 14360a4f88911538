import { notFound } from '../core/errors';
import type { DocStore } from '../platform/store';
import { readWith } from '../platform/aggregate';
import { recordChange } from '../platform/events';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { GRID_JOIN, GridDoc } from '../community/model';
import type { CallCtx, Member } from '../user/caller';
import type { UserDoc } from '../user/model';
import { USERS } from '../user/model';
import type { WishDetail } from '../../typings/wish';
import { CLAIMERS, WISHES, WISH_EVENTS, WishDoc, WishEventDoc } from './model';
import { reachesPublisher, toDetail } from './view';
import { actorLabel } from '../user/view';

export type WishCtx = CallCtx;
export type { Member };

export async function loadWish(store: DocStore, id: string, viewer: Member): Promise<WishDoc> {
  const w = await store.get<WishDoc>(WISHES, id);
  // Another community's wish is reported as missing, not forbidden: its existence is not ours to reveal.
  if (!w || w.communityId !== viewer.communityId) throw notFound('心愿不存在或已删除');
  return w;
}

/** Writes the new wish state and its event (who, when, from, to, why) in the transaction. */
export async function record(tx: DocStore, before: WishDoc | null, after: WishDoc, actor: UserDoc, at: number, why?: string): Promise<void> {
  await tx.set(WISHES, after._id, after);
  if (before?.status === after.status && !why) return;
  const by = { id: actor._id, label: actorLabel(actor, after.communityId, { owner: after.publisherId === actor._id }) };
  const change = { communityId: after.communityId, target: 'wish' as const, targetId: after._id, at, from: before ? before.status : null, to: after.status, by, why };
  await recordChange(tx, WISH_EVENTS, change, { wishId: after._id });
}

/** Moves a claimer's live-claim count inside the transaction. */
export async function adjustLiveClaims(tx: DocStore, userId: string, delta: number): Promise<number> {
  const cur = await tx.get<{ live: number }>(CLAIMERS, userId);
  const live = Math.max(0, (cur?.live ?? 0) + delta);
  await tx.set(CLAIMERS, userId, { live });
  return live;
}

/** What a wish's page shows besides the wish: its history, its grid, and the publisher (for the phone), joined in one request. */
const DETAIL_READS = (id: string) => ({
  events: { from: WISH_EVENTS, where: { wishId: id }, orderBy: [['at', 'asc']] as [string, 'asc'][], limit: 100 },
  grid: GRID_JOIN,
  publisher: { from: USERS, localField: 'publisherId', foreignField: '_id' },
});

/**
 * The wish and its detail view as the viewer may see it, in one database request. Another
 * community's wish is reported as missing, as `loadWish` does. `settle` checks the wish and may
 * change it first (returning a new object when it did).
 */
export async function readDetail(id: string, viewer: Member, now: number, settle: (w: WishDoc) => Promise<WishDoc> = async (w) => w): Promise<WishDetail> {
  const got = await readWith(WISHES, id, DETAIL_READS(id));
  const found = got?.doc as WishDoc | undefined;
  if (!got || !found || found.communityId !== viewer.communityId) throw notFound('心愿不存在或已删除');
  const w = await settle(found);
  // Settling wrote a change (a lapsed lease released): read again so the history shows it.
  if (w !== found) return readDetail(id, viewer, now);
  const grid = got.rows.grid[0] as unknown as GridDoc | undefined;
  const publisher = got.rows.publisher[0] as unknown as UserDoc | undefined;
  return toDetail(w, viewer, now, {
    gridName: grid?.name,
    events: got.rows.events as unknown as WishEventDoc[],
    publisherPhone: reachesPublisher(viewer, w) && w.showPhone ? publisher?.phone : undefined,
  });
}

/**
 * The shape of every wish mutation: in one transaction, with the caller's requestId making a
 * repeat return the first answer; then the detail as the caller now sees it.
 */
export async function mutate(
  viewer: Member,
  ctx: WishCtx,
  action: string,
  id: string,
  requestId: string | undefined,
  change: (tx: DocStore, w: WishDoc) => Promise<void>,
): Promise<WishDetail> {
  const wishId = await transact((tx) =>
    once(tx, requestKey(viewer._id, 'wish', action, requestId), async () => {
      const w = await loadWish(tx, id, viewer);
      await change(tx, w);
      return w._id;
    }),
  );
  return readDetail(wishId, viewer, ctx.now);
}

