import * as z from 'zod/mini';
import { SIGNUP_STATUS_LABELS, type SignupStatus } from '../../typings/booking';
import { action } from '../core/define';
import { forbidden, invalid, notFound, precondition } from '../core/errors';
import { cursor, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { shanghaiTime } from '../core/calendar';
import { localDate, addDays, DAY_MS } from '../core/time';
import { docs, findMany, DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, precheck, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { hasRole } from '../user/model';
import { notify } from '../notify/outbox';
import { freshCode, newKey } from './codes';
import { BookingCtx, Member, assertDesk, assertStaff, eventsOf, isDesk, isStaff, newId, recordEvent } from './context';
import { ACTIVITIES, ActivityDoc, CODES, CodeDoc, DEFAULTS, SIGNUPS, SignupDoc } from './model';
import { ACTIVITY_WORDS, emptySeats, heldBy, joinable, release, take } from './seats';
import { moveUp } from './waitlist';
import { activityCategory, id, publishActivityInput, requestId } from './schemas';
import { minutesOf } from '../core/hours';
import { cutoffLabel, signupCancelDeadline, toActivity, toSignup } from './view';
import { loadPlace } from './actions-services';
import { detailPage, tellPromoted } from './notices';

/** How far ahead an activity may be published. */
const PUBLISH_HORIZON_DAYS = 90;
const LIVE: SignupStatus[] = ['signed_up', 'waitlisted'];
const ROSTER: SignupStatus[] = ['signed_up', 'waitlisted', 'checked_in', 'checked_out', 'absent', 'expired'];

export async function loadActivity(store: DocStore, activityId: string, viewer: Member): Promise<ActivityDoc> {
  const a = await store.get<ActivityDoc>(ACTIVITIES, activityId);
  if (!a || a.communityId !== viewer.communityId) throw notFound('活动不存在');
  return a;
}

/** The viewer's own sign-up per activity: the live one if any, else the latest. */
async function mySignups(userId: string, activityIds: string[]): Promise<Map<string, SignupDoc>> {
  if (!activityIds.length) return new Map();
  const rows = await findMany<SignupDoc>(SIGNUPS, { userId, activityId: { $in: activityIds } }, { orderBy: [['createdAt', 'asc']], limit: 200 });
  const out = new Map<string, SignupDoc>();
  for (const s of rows) {
    const cur = out.get(s.activityId);
    if (!cur || s.status !== 'cancelled' || cur.status === 'cancelled') out.set(s.activityId, s);
  }
  return out;
}

export const activities = action(
  z.object({
    when: z.optional(z.enum(['upcoming', 'past'], { error: '时间筛选须为 upcoming 或 past' })),
    category: z.optional(activityCategory),
    cursor,
  }),
  async function activities(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    const past = input.when === 'past';
    const where: Record<string, unknown> = { communityId: user.communityId, end: past ? { $lte: ctx.now } : { $gt: ctx.now } };
    if (!past) where.status = 'published';
    if (input.category) where.category = input.category;
    const offset = offsetOf(input.cursor);
    const rows = await findMany<ActivityDoc>(ACTIVITIES, where, { orderBy: [['start', past ? 'desc' : 'asc']], skip: offset, limit: PAGE_MAX + 1 });
    const mine = await mySignups(user._id, rows.map((a) => a._id));
    return pageOf(
      rows.map((a) => toActivity(a, user, ctx.now, mine.get(a._id))),
      offset,
      PAGE_MAX,
    );
  },
);

export const publishActivity = action(publishActivityInput, async function publishActivity(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有本社区的工作人员可以发布志愿活动');
  let cancelled: Array<{ userId: string; id: string }> = [];
  let fresh = false;
  if (input.op === 'create') {
    const a = input.activity;
    const today = localDate(ctx.now);
    if (a.date > addDays(today, PUBLISH_HORIZON_DAYS)) throw invalid(`活动日期须在今天起${PUBLISH_HORIZON_DAYS}天内`);
    if (minutesOf(a.to) <= minutesOf(a.from)) throw invalid('活动结束时间须晚于开始时间');
    const start = shanghaiTime(a.date, a.from);
    const end = a.to === '24:00' ? shanghaiTime(a.date, '00:00') + DAY_MS : shanghaiTime(a.date, a.to);
    if (start <= ctx.now) throw invalid('活动开始时间须晚于现在');
    const place = await loadPlace(docs, a.placeId, user);
    const activityId = await transact((tx) =>
      once(tx, requestKey(user._id, 'booking', 'publishActivity', input.requestId), async () => {
        const doc: ActivityDoc = {
          _id: newId('ac'),
          communityId: user.communityId,
          placeId: place._id,
          placeName: place.name,
          address: place.address,
          title: a.title,
          category: a.category,
          description: a.description,
          date: a.date,
          start,
          end,
          capacity: a.capacity,
          waitlistMax: a.waitlistMax ?? DEFAULTS.waitlistMax,
          cancelCutoffMinutes: a.cancelCutoffMinutes ?? DEFAULTS.cancelCutoffMinutes,
          audience: a.audience ?? 'volunteers',
          status: 'published',
          key: newKey(),
          ...emptySeats(),
          createdBy: user._id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        await tx.set(ACTIVITIES, doc._id, doc);
        await recordEvent(tx, { communityId: doc.communityId, target: 'activity', targetId: doc._id, from: null, to: 'published', actor: user, at: ctx.now, why: '发布活动' });
        return doc._id;
      }),
    );
    return { activity: toActivity((await docs.get<ActivityDoc>(ACTIVITIES, activityId))!, user, ctx.now) };
  }
  const activityId = await transact((tx) =>
    once(tx, requestKey(user._id, 'booking', 'publishActivity', input.requestId), async () => {
      fresh = true;
      cancelled = [];
      const a = await loadActivity(tx, input.id, user);
      if (a.status !== 'published') throw precondition('该活动已取消');
      if (a.end <= ctx.now) throw precondition('活动已结束，不能取消');
      // Everyone still holding a place or waiting is let go, in the same transaction.
      for (const seat of [...a.booked, ...a.waitlist]) {
        const s = await tx.get<SignupDoc>(SIGNUPS, seat.id);
        if (!s || !LIVE.includes(s.status)) continue;
        await tx.set(SIGNUPS, s._id, { ...s, status: 'cancelled', updatedAt: ctx.now });
        await recordEvent(tx, { communityId: s.communityId, target: 'signup', targetId: s._id, from: s.status, to: 'cancelled', actor: user, at: ctx.now, why: `活动取消：${input.reason}` });
        cancelled.push({ userId: s.userId, id: s._id });
      }
      await tx.set(ACTIVITIES, a._id, { ...a, status: 'cancelled', cancelledReason: input.reason, updatedAt: ctx.now });
      await recordEvent(tx, { communityId: a.communityId, target: 'activity', targetId: a._id, from: 'published', to: 'cancelled', actor: user, at: ctx.now, why: input.reason });
      return a._id;
    }),
  );
  const a = (await docs.get<ActivityDoc>(ACTIVITIES, activityId))!;
  if (fresh) {
    await Promise.all(cancelled.map((c) => notify(c.userId, 'activityCancelled', detailPage(c.id), { title: a.title, start: a.start, reason: input.reason })));
  }
  return { activity: toActivity(a, user, ctx.now) };
});

function mayJoin(user: Member, a: ActivityDoc): void {
  if (a.audience === 'volunteers' && !hasRole(user, 'volunteer', 'unit_member')) throw forbidden('该活动仅限登记的志愿者、共建单位成员报名，可到志愿服务站登记成为志愿者');
}

function open(a: ActivityDoc, now: number): void {
  if (a.status !== 'published') throw precondition(`该活动已取消${a.cancelledReason ? `：${a.cancelledReason}` : ''}`);
  if (a.start <= now) throw precondition('活动已开始，报名已截止');
}

/** Same rules as a slot: never over the headcount, one place per person, a waitlist when full. */
export const signUp = action(z.object({ activityId: id('活动编号'), requestId }), async function signUp(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  const key = requestKey(user._id, 'booking', 'signUp', input.requestId);
  await precheck(key, async () => {
    const a = await loadActivity(docs, input.activityId, user);
    mayJoin(user, a);
    open(a, ctx.now);
    if (heldBy(a, user._id) || !joinable(a, a.capacity, a.waitlistMax)) take(a, { userId: user._id, id: '' }, a.capacity, a.waitlistMax, ACTIVITY_WORDS);
  });
  const signupId = await transact((tx) =>
    once(tx, key, async () => {
      const a = await loadActivity(tx, input.activityId, user);
      mayJoin(user, a);
      open(a, ctx.now);
      const id = newId('su');
      const { seats, outcome } = take(a, { userId: user._id, id }, a.capacity, a.waitlistMax, ACTIVITY_WORDS);
      const status: SignupStatus = outcome === 'booked' ? 'signed_up' : 'waitlisted';
      const code = await freshCode(tx);
      const doc: SignupDoc = {
        _id: id,
        communityId: a.communityId,
        activityId: a._id,
        title: a.title,
        category: a.category,
        placeName: a.placeName,
        date: a.date,
        start: a.start,
        end: a.end,
        cancelCutoffMinutes: a.cancelCutoffMinutes,
        userId: user._id,
        userName: user.displayName,
        status,
        code,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const codeDoc: Omit<CodeDoc, '_id'> = { kind: 'signup', id, communityId: a.communityId, createdAt: ctx.now };
      await tx.set(ACTIVITIES, a._id, { ...a, ...seats, updatedAt: ctx.now });
      await tx.set(SIGNUPS, id, doc);
      await tx.set(CODES, code, codeDoc);
      await recordEvent(tx, { communityId: a.communityId, target: 'signup', targetId: id, from: null, to: status, actor: user, at: ctx.now, why: status === 'waitlisted' ? '名额已满，进入候补' : undefined });
      return id;
    }),
  );
  const s = (await docs.get<SignupDoc>(SIGNUPS, signupId))!;
  const a = await docs.get<ActivityDoc>(ACTIVITIES, s.activityId);
  return { signup: toSignup(s, user, ctx.now, { seats: a }) };
});

export async function cancelSignup(ctx: BookingCtx, user: Member, input: { id: string; reason?: string; requestId?: string }) {
  let fresh = false;
  const done = await transact((tx) =>
    once(tx, requestKey(user._id, 'booking', 'cancel', input.requestId), async () => {
      fresh = true;
      const s = await tx.get<SignupDoc>(SIGNUPS, input.id);
      if (!s || s.communityId !== user.communityId) throw notFound('报名记录不存在');
      const owner = s.userId === user._id;
      if (!owner && !isStaff(user)) throw forbidden('只能取消自己的报名');
      if (!LIVE.includes(s.status)) throw precondition(`该报名${SIGNUP_STATUS_LABELS[s.status]}，不能取消`);
      if (owner && ctx.now >= signupCancelDeadline(s)) {
        throw precondition(s.status === 'waitlisted' ? '活动已开始，候补已结束' : `已过取消截止时间（活动开始前${cutoffLabel(s.cancelCutoffMinutes)}），如不能参加请联系社区`);
      }
      if (!owner && !input.reason) throw invalid('代为取消报名须填写原因');
      const a = await tx.get<ActivityDoc>(ACTIVITIES, s.activityId);
      const capacity = a && a.status === 'published' && ctx.now < a.start ? a.capacity : 0;
      const { seats, promoted } = release(a ?? emptySeats(), s._id, capacity);
      if (a) await tx.set(ACTIVITIES, a._id, { ...a, ...seats, updatedAt: ctx.now });
      await tx.set(SIGNUPS, s._id, { ...s, status: 'cancelled', updatedAt: ctx.now });
      await recordEvent(tx, { communityId: s.communityId, target: 'signup', targetId: s._id, from: s.status, to: 'cancelled', actor: user, at: ctx.now, why: input.reason ?? '本人取消' });
      return { id: s._id, promoted: await moveUp(tx, promoted, ctx.now, 'signup') };
    }),
  );
  if (fresh) await tellPromoted(done.promoted);
  const s = (await docs.get<SignupDoc>(SIGNUPS, done.id))!;
  return { signup: toSignup(s, user, ctx.now) };
}

export async function signupDetail(s: SignupDoc, viewer: Member, now: number) {
  if (s.communityId !== viewer.communityId || (s.userId !== viewer._id && !isDesk(viewer))) throw notFound('报名记录不存在');
  const [a, events] = await Promise.all([docs.get<ActivityDoc>(ACTIVITIES, s.activityId), eventsOf(s._id)]);
  return toSignup(s, viewer, now, { seats: a, events });
}

/** Staff and grid workers: who signed up, in the order they did, with attendance and hours. */
export const roster = action(z.object({ activityId: id('活动编号'), cursor }), async function roster(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  assertDesk(user, '只有社区工作人员或网格员可以查看报名名单');
  const a = await loadActivity(docs, input.activityId, user);
  const offset = offsetOf(input.cursor);
  const rows = await findMany<SignupDoc>(SIGNUPS, { activityId: a._id, status: { $in: ROSTER } }, { orderBy: [['createdAt', 'asc']], skip: offset, limit: PAGE_MAX + 1 });
  return {
    activity: toActivity(a, user, ctx.now),
    ...pageOf(
      rows.map((s) => toSignup(s, user, ctx.now, { seats: a })),
      offset,
      PAGE_MAX,
    ),
  };
});
