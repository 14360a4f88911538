import type { NeedStatus } from '../../typings/lists';
import type { WishStatus } from '../../typings/wish';
import { docs } from '../platform/store';
import { findWith, groupSum, type JoinRead } from '../platform/aggregate';
import { transact } from '../platform/tx';
import { SYSTEM, recordEvent } from './context';
import { NEEDS, STATE, TICKETS, wishNeedCategory, type NeedDoc, type StateDoc, type TicketDoc } from './model';
import { ACTIVE as ON_WALL, WISHES, type WishDoc } from '../wish/model';
import type { WorkCalendar } from '../core/calendar';
import { commitTicket, releaseCapacity, ticketCalendar } from './tickets';

/**
 * Approved wishes flow into the needs list by themselves: each wish that reached the wall becomes
 * the need `wish.<wishId>` (source 'wish'), whose status follows the wish. The wish domain owns the
 * wish; this only reads it. A need dispatched as a ticket has the ticket follow the wish too: a
 * claim on the wall accepts it, the proof resolves it, the resident's confirmation closes it.
 *
 * Run by the `syncWishes` timer for every community, and for one community before its needs are
 * listed or matched. Idempotent: running it twice, or twice at once, writes the same thing.
 */

/** The fields of a wish this reads. */
type WishLike = Pick<WishDoc, '_id' | 'communityId' | 'gridId' | 'category' | 'title' | 'content' | 'photos' | 'status' | 'publisherId' | 'publisherName' | 'wants' | 'claim' | 'createdAt' | 'updatedAt'>;

/** A wish's write may commit a little after the instant it stamps; look this far back again each time. */
const SAFETY_MS = 5 * 60 * 1000;
const PAGE = 100;

export const wishNeedId = (wishId: string) => `wish.${wishId}`;

function statusFor(w: WishStatus, current: NeedDoc | null): NeedStatus | null {
  if (w === 'completed') return 'done';
  if (w === 'withdrawn' || w === 'taken_down') return 'closed';
  if (w === 'claimed' || w === 'awaiting_confirmation') return current?.projectId && !current.ticketId ? 'in_project' : 'in_progress';
  if (w === 'open') {
    if (!current) return 'open';
    // Dispatched or bundled by staff: the lists keep their status while the wish waits on the wall.
    if (current.ticketId || current.projectId) return current.status === 'in_progress' ? (current.projectId ? 'in_project' : 'assigned') : current.status;
    return 'open';
  }
  return null;
}

/** The need a wish stands for now, or null when the wish is not (or not yet) on the list. */
export function needFromWish(w: WishLike, current: NeedDoc | null): NeedDoc | null {
  if (!current && !ON_WALL.includes(w.status)) return null;
  const status = statusFor(w.status, current);
  if (!status) return current;
  const base: NeedDoc = current ?? {
    _id: wishNeedId(w._id),
    communityId: w.communityId,
    source: 'wish',
    category: wishNeedCategory(w.category),
    wishCategory: w.category,
    title: w.title,
    photos: [],
    urgency: 1,
    people: 1,
    status,
    wishId: w._id,
    createdBy: SYSTEM._id,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    ...(w.gridId ? { gridId: w.gridId } : {}),
  };
  return {
    ...base,
    // A need listed before it kept its wish's category takes it now, under the category it means.
    ...(base.wishCategory ? {} : { category: wishNeedCategory(w.category), wishCategory: w.category }),
    title: w.title,
    detail: [...(w.content ?? '')].slice(0, 300).join(''),
    photos: w.photos ?? [],
    people: Math.max(1, w.wants ?? 1),
    requesterId: w.publisherId,
    requesterName: w.publisherName,
    status,
    wishStatus: w.status,
  };
}

function same(a: NeedDoc, b: NeedDoc): boolean {
  return a.status === b.status && a.wishStatus === b.wishStatus && a.wishCategory === b.wishCategory && a.title === b.title && a.detail === b.detail && a.people === b.people && JSON.stringify(a.photos) === JSON.stringify(b.photos);
}

const WISH_LABEL: Partial<Record<WishStatus, string>> = {
  open: '心愿已上墙',
  claimed: '志愿者已在心愿墙认领',
  awaiting_confirmation: '志愿者已提交完成凭证',
  completed: '居民确认心愿已完成',
  withdrawn: '居民撤回了心愿',
  taken_down: '心愿已下架',
};

/** Moves a wish's ticket along with the wish. */
async function followWish(tx: Parameters<Parameters<typeof transact>[0]>[0], t: TicketDoc, w: WishLike, at: number, cal: WorkCalendar): Promise<void> {
  const why = WISH_LABEL[w.status] ?? '心愿状态变化';
  let cur = t;
  const step = async (next: TicketDoc) => {
    cur = await commitTicket(tx, cal, cur, next, SYSTEM, at, why);
  };
  if (w.status === 'withdrawn' || w.status === 'taken_down') {
    if (cur.status === 'closed' || cur.status === 'cancelled') return;
    if (cur.status !== 'resolved') await releaseCapacity(tx, cur.usage);
    return step({ ...cur, status: 'cancelled', updatedAt: at });
  }
  const claimed = w.status === 'claimed' || w.status === 'awaiting_confirmation' || w.status === 'completed';
  if (claimed && (cur.status === 'submitted' || cur.status === 'dispatched')) {
    await step({ ...cur, status: 'accepted', acceptedAt: at, ...(w.claim ? { acceptedBy: w.claim.userId } : {}), late: cur.late || (cur.clock.acceptBy !== undefined && at > cur.clock.acceptBy), updatedAt: at });
  }
  if ((w.status === 'awaiting_confirmation' || w.status === 'completed') && cur.status === 'accepted') {
    await step({ ...cur, status: 'resolved', resolvedAt: at, ...(w.claim ? { resolvedBy: w.claim.userId } : {}), late: cur.late || at > cur.clock.resolveBy, updatedAt: at });
  }
  if (w.status === 'completed' && cur.status === 'resolved') {
    await step({ ...cur, status: 'closed', closedAt: at, updatedAt: at });
  }
  if (w.status === 'open' && cur.status === 'accepted') {
    const { acceptedAt: _a, acceptedBy: _b, ...rest } = cur;
    await step({ ...rest, status: 'dispatched', updatedAt: at });
  }
}

/** Brings one wish's need (and ticket) up to date, on its community's calendar; true if anything was written. */
export async function syncWish(wishId: string, now: number, cal: WorkCalendar): Promise<boolean> {
  return transact(async (tx) => {
    const w = await tx.get<WishLike>(WISHES, wishId);
    if (!w) return false;
    const id = wishNeedId(wishId);
    const cur = await tx.get<NeedDoc>(NEEDS, id);
    const next = needFromWish(w, cur);
    if (!next || (cur && same(cur, next))) return false;
    await tx.set(NEEDS, id, { ...next, updatedAt: now });
    if (!cur || cur.status !== next.status) {
      await recordEvent(tx, { communityId: w.communityId, target: 'need', targetId: id, from: cur?.status ?? null, to: next.status, actor: SYSTEM, at: now, why: cur ? WISH_LABEL[w.status] : '审核通过的微心愿自动进入需求清单' });
    }
    if (cur?.ticketId && cur.wishStatus !== w.status) {
      const t = await tx.get<TicketDoc>(TICKETS, cur.ticketId);
      if (t) await followWish(tx, t, w, now, cal);
      // The ticket wrote the need's status from its own; the wish's fields stay as synced.
      const after = await tx.get<NeedDoc>(NEEDS, id);
      if (after) await tx.set(NEEDS, id, { ...after, title: next.title, detail: next.detail, people: next.people, photos: next.photos, wishStatus: w.status, updatedAt: now });
    }
    return true;
  });
}

/**
 * Each community's mark as this instance last read or wrote it. A mark older than the stored one
 * only makes a look go over wishes already synced, which writes nothing: safe to keep between calls,
 * and it saves a read on every list.
 */
const marks = new Map<string, number>();

/** Moving the mark costs a transaction; a minute more to look over again costs nothing. */
const MARK_STEP_MS = 60 * 1000;

/** Syncs the wishes of one community changed since the last look: one request when nothing changed. */
export async function syncWishes(communityId: string, now: number): Promise<{ changed: number }> {
  const since = marks.get(communityId) ?? (await docs.get<StateDoc>(STATE, communityId))?.wishesSince ?? 0;
  let maxSeen = since;
  let changed = 0;
  let cal: WorkCalendar | undefined;
  for (let offset = 0; ; offset += PAGE) {
    // Each changed wish with its need, joined in the same request.
    const rows = await findWith<WishLike, { need: JoinRead }>(
      WISHES,
      { communityId, updatedAt: { $gte: since } },
      { orderBy: [['updatedAt', 'asc'], ['_id', 'asc']], skip: offset, limit: PAGE },
      { need: { from: NEEDS, localField: '_id', foreignField: 'wishId' } },
    );
    for (const { doc: w, rows: joined } of rows) {
      maxSeen = Math.max(maxSeen, w.updatedAt);
      const cur = (joined.need.find((n) => n._id === wishNeedId(w._id)) as unknown as NeedDoc | undefined) ?? null;
      const next = needFromWish(w, cur);
      if (!next || (cur && same(cur, next))) continue;
      cal ??= await ticketCalendar(communityId, now);
      if (await syncWish(w._id, now, cal)) changed++;
    }
    if (rows.length < PAGE) break;
  }
  const mark = Math.min(maxSeen, now - SAFETY_MS);
  marks.set(communityId, since);
  if (mark - since >= MARK_STEP_MS) {
    await transact(async (tx) => {
      const cur = (await tx.get<StateDoc>(STATE, communityId)) ?? { _id: communityId };
      if ((cur.wishesSince ?? 0) < mark) await tx.set(STATE, communityId, { ...cur, wishesSince: mark });
    });
    marks.set(communityId, mark);
  }
  return { changed };
}

/** The timer's own mark, beside the communities' in the state collection. */
const TIMER_STATE = 'timer.syncWishes';

/** Communities synced at once by the timer: each is a few requests, mostly waiting on the database. */
const PARALLEL = 4;

/**
 * Timer: every community whose wishes changed since the timer's last run (less the safety
 * margin), found by one grouping, so a district of quiet communities costs one request.
 */
export async function syncAllWishes(now: number): Promise<{ communities: number; changed: number }> {
  const since = (await docs.get<StateDoc>(STATE, TIMER_STATE))?.wishesSince ?? 0;
  const busy = await groupSum(WISHES, { match: { updatedAt: { $gte: since } }, by: 'communityId', sum: {} });
  const ids = busy.map((r) => r._id).filter((id) => typeof id === 'string' && id.length > 0);
  let changed = 0;
  for (let i = 0; i < ids.length; i += PARALLEL) {
    const done = await Promise.all(ids.slice(i, i + PARALLEL).map((id) => syncWishes(id, now)));
    changed += done.reduce((n, r) => n + r.changed, 0);
  }
  const mark = now - SAFETY_MS;
  if (mark > since) await docs.set(STATE, TIMER_STATE, { wishesSince: mark });
  return { communities: ids.length, changed };
}
