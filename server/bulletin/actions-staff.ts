import type { Bulletin, BulletinChanges, BulletinGridCount } from '../../typings/bulletin';
import { action } from '../core/define';
import { conflict, invalid, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { PAGE_MAX, offsetOf, pageOf } from '../core/paging';
import { GRIDS, type GridDoc } from '../community/model';
import { groupSum, readWith } from '../platform/aggregate';
import { recordChange } from '../platform/events';
import { once, requestKey } from '../platform/idempotency';
import { docs, findMany, type DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { assertStaff, requireMember, type Member } from '../user/caller';
import { USERS } from '../user/model';
import { actorLabel } from '../user/view';
import { audienceKeys, audienceLabel, isFor } from './audience';
import { STAFF_ONLY, loadBulletin, screenBulletin, type BulletinCtx } from './context';
import { BULLETINS, BULLETIN_EVENTS, BULLETIN_READS, type BulletinDoc } from './model';
import { byIdSchema, editSchema, pageSchema, publishSchema, withdrawSchema } from './schemas';
import { tellBulletin } from './tell';
import { toBulletin, toManaged } from './view';

async function staffCaller(ctx: BulletinCtx): Promise<Member> {
  const user = await requireMember(ctx.openid);
  assertStaff(user, STAFF_ONLY);
  return user;
}

/** The bulletin as its publisher sees it after a change. */
async function answer(id: string, user: Member): Promise<{ bulletin: Bulletin }> {
  const b = await loadBulletin(docs, id, user);
  return { bulletin: toBulletin(b, undefined, isFor(b.to, user)) };
}

async function record(tx: DocStore, b: BulletinDoc, from: string | null, user: Member, at: number, why?: string, changes?: Record<string, { from: unknown; to: unknown }>) {
  await recordChange(tx, BULLETIN_EVENTS, {
    communityId: b.communityId,
    target: 'bulletin',
    targetId: b._id,
    at,
    from,
    to: b.status,
    by: { id: user._id, label: actorLabel(user, b.communityId, { admin: true }) },
    ...(why ? { why } : {}),
    ...(changes ? { changes } : {}),
  });
}

/** 发布通知: checked words, a grid audience of the community's own grids; an urgent one also goes out as a subscribe message. */
export const publish = action(publishSchema, async function publish(ctx: BulletinCtx, input) {
  const user = await staffCaller(ctx);
  const grids = await findMany<GridDoc>(GRIDS, { communityId: user.communityId }, { limit: 200 });
  if (input.audience.kind === 'grids' && input.audience.gridIds.some((g) => !grids.some((x) => x._id === g))) throw invalid('所选网格不在本社区');
  await screenBulletin(`${input.title}\n${input.text}\n${input.attachment?.name ?? ''}`, user.openid);
  const id = await transact((tx) =>
    once(tx, requestKey(user._id, 'bulletin', 'publish', input.requestId), async () => {
      const b: BulletinDoc = {
        _id: newId('bl'),
        communityId: user.communityId,
        title: input.title,
        text: input.text,
        images: input.images ?? [],
        ...(input.attachment ? { attachment: input.attachment } : {}),
        audience: input.audience,
        to: audienceKeys(input.audience),
        audienceLabel: audienceLabel(input.audience, grids),
        pinned: input.pinned ?? false,
        needsConfirm: input.needsConfirm ?? false,
        urgent: input.urgent ?? false,
        status: 'published',
        publishedAt: ctx.now,
        byUserId: user._id,
        byLabel: actorLabel(user, user.communityId, { admin: true }),
      };
      await tx.set(BULLETINS, b._id, b);
      await record(tx, b, null, user, ctx.now, `发布：${b.title}（${b.audienceLabel}）`);
      return b._id;
    }),
  );
  const saved = await loadBulletin(docs, id, user);
  if (saved.urgent && !saved.toldAt) await tellBulletin(saved, ctx.now);
  return answer(id, user);
});

const EDITABLE = ['title', 'text', 'images', 'attachment', 'pinned', 'needsConfirm'] as const;

function applyChanges(b: BulletinDoc, changes: BulletinChanges): BulletinDoc {
  const next: BulletinDoc = { ...b };
  for (const k of EDITABLE) {
    const v = changes[k];
    if (v === null) delete next[k];
    else if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
  }
  return next;
}

/** 修改: a published bulletin's words, pictures, attachment, 置顶 and 确认收到; new words are checked again. */
export const edit = action(editSchema, async function edit(ctx: BulletinCtx, input) {
  const user = await staffCaller(ctx);
  if (!Object.keys(input.changes).length) throw invalid('没有要修改的内容');
  const { title, text, attachment } = input.changes;
  if (title || text || attachment) await screenBulletin(`${title ?? ''}\n${text ?? ''}\n${attachment?.name ?? ''}`, user.openid);
  await transact((tx) =>
    once(tx, requestKey(user._id, 'bulletin', 'edit', input.requestId), async () => {
      const b = await loadBulletin(tx, input.id, user);
      if (b.status === 'withdrawn') throw conflict('这条通知已撤回，不能再修改');
      const next = applyChanges(b, input.changes);
      const changes = Object.fromEntries(EDITABLE.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(next[k])).map((k) => [k, { from: b[k] ?? null, to: next[k] ?? null }]));
      if (!Object.keys(changes).length) return b._id;
      const saved = { ...next, editedAt: ctx.now };
      await tx.set(BULLETINS, b._id, saved);
      await record(tx, saved, b.status, user, ctx.now, '修改', changes);
      return b._id;
    }),
  );
  return answer(input.id, user);
});

/** 撤回: off residents' lists and 首页 at once; kept, with its reads, for the record. */
export const withdraw = action(withdrawSchema, async function withdraw(ctx: BulletinCtx, input) {
  const user = await staffCaller(ctx);
  await transact((tx) =>
    once(tx, requestKey(user._id, 'bulletin', 'withdraw', input.requestId), async () => {
      const b = await loadBulletin(tx, input.id, user);
      if (b.status === 'withdrawn') throw conflict('这条通知已撤回');
      const saved: BulletinDoc = { ...b, status: 'withdrawn', withdrawnAt: ctx.now, withdrawnWhy: input.reason };
      await tx.set(BULLETINS, b._id, saved);
      await record(tx, saved, b.status, user, ctx.now, input.reason);
      return b._id;
    }),
  );
  return answer(input.id, user);
});

/** Reads and 收到 per bulletin, summed in one aggregation. */
async function countsOf(ids: string[]): Promise<Map<string, { reads: number; confirms: number }>> {
  if (!ids.length) return new Map();
  const rows = await groupSum<{ confirms: number }>(BULLETIN_READS, { match: { bulletinId: { $in: ids } }, by: 'bulletinId', sum: { confirms: 'confirmed' } });
  return new Map(rows.map((r) => [r._id, { reads: r.n, confirms: r.confirms }]));
}

/** 通知管理: every bulletin of the community, newest first, withdrawn ones too, with how many read it. */
export const manage = action(pageSchema, async function manage(ctx: BulletinCtx, input) {
  const user = await staffCaller(ctx);
  const offset = offsetOf(input.cursor);
  const rows = await findMany<BulletinDoc>(BULLETINS, { communityId: user.communityId }, { orderBy: [['publishedAt', 'desc']], skip: offset, limit: PAGE_MAX + 1 });
  const page = pageOf(rows, offset, PAGE_MAX);
  const counts = await countsOf(page.items.map((b) => b._id));
  return { ...page, items: page.items.map((b) => toManaged(b, counts.get(b._id) ?? { reads: 0, confirms: 0 })) };
});

/** 阅读情况: per grid, who opened it and answered 收到, beside how many live there (for grid and community bulletins). */
export const counts = action(byIdSchema, async function counts(ctx: BulletinCtx, input) {
  const user = await staffCaller(ctx);
  const got = await readWith(BULLETINS, input.id, { grids: { from: GRIDS, where: { communityId: user.communityId }, orderBy: [['code', 'asc']], limit: 200 } });
  const b = got?.doc as unknown as BulletinDoc | undefined;
  if (!got || !b || b.communityId !== user.communityId) throw notFound('通知不存在或已撤回');
  const grids = got.rows.grids as unknown as GridDoc[];
  const [reads, people] = await Promise.all([
    groupSum<{ confirmed: number }>(BULLETIN_READS, { match: { bulletinId: b._id }, by: 'gridId', sum: { confirmed: 'confirmed' } }),
    b.audience.kind === 'roles' ? Promise.resolve([]) : groupSum(USERS, { match: { communityId: b.communityId, deletedAt: { $exists: false } }, by: 'gridId', sum: {} }),
  ]);
  const wanted = b.audience.kind === 'grids' ? b.audience.gridIds : null;
  const rowOf = (gridId: string, name: string): BulletinGridCount => {
    const r = reads.find((x) => (x._id ?? '') === gridId);
    const total = people.find((x) => (x._id ?? '') === gridId)?.n;
    return { gridId, name, read: r?.n ?? 0, confirmed: r?.confirmed ?? 0, ...(b.audience.kind === 'roles' ? {} : { total: total ?? 0 }) };
  };
  const rows = grids.filter((g) => !wanted || wanted.includes(g._id)).map((g) => rowOf(g._id, g.name));
  // Readers without a grid (or of a grid since removed) are counted too, so the rows add up.
  const placed = new Set(rows.map((r) => r.gridId));
  const rest = reads.filter((r) => !placed.has(r._id ?? ''));
  if (rest.length) rows.push({ gridId: '', name: '未选网格', read: rest.reduce((s, r) => s + r.n, 0), confirmed: rest.reduce((s, r) => s + r.confirmed, 0) });
  const all = { reads: reads.reduce((s, r) => s + r.n, 0), confirms: reads.reduce((s, r) => s + r.confirmed, 0) };
  return { bulletin: toManaged(b, all), grids: rows };
});
