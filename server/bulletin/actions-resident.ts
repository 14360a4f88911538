import { action } from '../core/define';
import { conflict } from '../core/errors';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { once, requestKey } from '../platform/idempotency';
import { docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { requireMember, type Member } from '../user/caller';
import { isFor, personKeys } from './audience';
import { loadBulletin, type BulletinCtx } from './context';
import { BULLETINS, BULLETIN_READS, readId, type BulletinDoc, type BulletinReadDoc } from './model';
import { byIdSchema, confirmSchema, pageSchema } from './schemas';
import { toBulletin, toItem } from './view';

/** Pinned first, then newest: the order of the list and of 首页's strip. */
export const BULLETIN_ORDER: [string, 'asc' | 'desc'][] = [
  ['pinned', 'desc'],
  ['publishedAt', 'desc'],
];

/** What a person may read: published bulletins of their community addressed to them. */
export const bulletinsFor = (user: Member) => ({ communityId: user.communityId, status: 'published', to: { $in: personKeys(user) } });

/** 通知公告: the bulletins for the caller, pinned first, each marked read or not. */
export const list = action(pageSchema, async function list(ctx: BulletinCtx, input) {
  const user = await requireMember(ctx.openid);
  const offset = offsetOf(input.cursor);
  const rows = await findMany<BulletinDoc>(BULLETINS, bulletinsFor(user), { orderBy: BULLETIN_ORDER, skip: offset, limit: PAGE_MAX + 1 });
  const page = pageOf(rows, offset, PAGE_MAX);
  const ids = page.items.map((b) => b._id);
  const reads = ids.length ? await findMany<BulletinReadDoc>(BULLETIN_READS, { userId: user._id, bulletinId: { $in: ids } }, { limit: PAGE_MAX }) : [];
  const byId = new Map(reads.map((r) => [r.bulletinId, r]));
  return { ...page, items: page.items.map((b) => toItem(b, byId.get(b._id))) };
});

/** The person's mark on a bulletin, made once; 收到 on top of it when `confirm`. */
async function mark(tx: DocStore, b: BulletinDoc, user: Member, now: number, confirm: boolean): Promise<BulletinReadDoc> {
  const id = readId(b._id, user._id);
  const prior = await tx.get<BulletinReadDoc>(BULLETIN_READS, id);
  if (prior && (!confirm || prior.confirmed === 1)) return prior;
  const next: BulletinReadDoc = prior
    ? { ...prior, confirmed: 1, confirmedAt: now }
    : { _id: id, bulletinId: b._id, communityId: b.communityId, userId: user._id, gridId: user.gridId ?? '', readAt: now, confirmed: confirm ? 1 : 0, ...(confirm ? { confirmedAt: now } : {}) };
  await tx.set(BULLETIN_READS, id, next);
  return next;
}

/** Opens one: the person it is for is marked as having read it (staff looking in are not counted). */
export const get = action(byIdSchema, async function get(ctx: BulletinCtx, input) {
  const user = await requireMember(ctx.openid);
  const b = await loadBulletin(docs, input.id, user);
  const forMe = isFor(b.to, user);
  if (!forMe || b.status !== 'published') return { bulletin: toBulletin(b, undefined, false) };
  const read = (await docs.get<BulletinReadDoc>(BULLETIN_READS, readId(b._id, user._id))) ?? (await transact((tx) => mark(tx, b, user, ctx.now, false)));
  return { bulletin: toBulletin(b, read, true) };
});

/** 确认收到: once per person; again (or resent) answers as before and changes nothing. */
export const confirm = action(confirmSchema, async function confirm(ctx: BulletinCtx, input) {
  const user = await requireMember(ctx.openid);
  const read = await transact((tx) =>
    once(tx, requestKey(user._id, 'bulletin', 'confirm', input.requestId), async () => {
      const b = await loadBulletin(tx, input.id, user);
      if (!isFor(b.to, user)) throw conflict('这条通知不是发给您的，无需确认');
      if (!b.needsConfirm) throw conflict('这条通知不需要确认收到');
      return mark(tx, b, user, ctx.now, true);
    }),
  );
  const b = await loadBulletin(docs, input.id, user);
  return { bulletin: toBulletin(b, read, true) };
});
