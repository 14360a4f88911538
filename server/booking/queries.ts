import * as z from 'zod/mini';
import { action } from '../core/define';
import { notFound } from '../core/errors';
import { cursor, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, findMany } from '../platform/store';
import { requireMember } from '../user/caller';
import { BookingCtx } from './context';
import { ACTIVITIES, ActivityDoc, BOOKINGS, BookingDoc, ERRANDS, ErrandDoc, SIGNUPS, SignupDoc, VOLUNTEERS, VolunteerDoc } from './model';
import { id } from './schemas';
import { maySeeErrand, toBooking, toErrand, toSignup } from './view';
import { bookingDetail, slotsOf } from './actions-bookings';
import { errandDetail } from './actions-errands';
import { signupDetail } from './actions-activities';

async function activitiesOf(signups: SignupDoc[]): Promise<Map<string, ActivityDoc>> {
  const ids = [...new Set(signups.filter((s) => s.status === 'waitlisted').map((s) => s.activityId))];
  const rows = ids.length ? await findMany<ActivityDoc>(ACTIVITIES, { _id: { $in: ids } }, { limit: 100 }) : [];
  return new Map(rows.map((a) => [a._id, a]));
}

/** The caller's bookings, errands or activity sign-ups (with their service hours). */
export const mine = action(
  z.object({
    kind: z.optional(z.enum(['bookings', 'errands', 'signups'], { error: '类型须为 bookings、errands 或 signups' })),
    when: z.optional(z.enum(['upcoming', 'past'], { error: '时间筛选须为 upcoming 或 past' })),
    cursor,
  }),
  async function mine(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    const kind = input.kind ?? 'bookings';
    const offset = offsetOf(input.cursor);
    const upcoming = input.when === 'upcoming';
    const timeFilter = input.when ? { end: upcoming ? { $gt: ctx.now } : { $lte: ctx.now } } : {};
    const orderBy: [string, 'asc' | 'desc'][] = [['start', upcoming ? 'asc' : 'desc']];
    if (kind === 'bookings') {
      const rows = await findMany<BookingDoc>(BOOKINGS, { userId: user._id, ...timeFilter }, { orderBy, skip: offset, limit: PAGE_MAX + 1 });
      const slots = await slotsOf(rows);
      return {
        kind,
        ...pageOf(
          rows.map((b) => toBooking(b, user, ctx.now, { slot: slots.get(b.slotId) })),
          offset,
          PAGE_MAX,
        ),
      };
    }
    if (kind === 'errands') {
      const where: Record<string, unknown> = { requesterId: user._id };
      if (input.when) where.status = { $in: upcoming ? ['submitted', 'accepted', 'done'] : ['rated', 'cancelled'] };
      const rows = await findMany<ErrandDoc>(ERRANDS, where, { orderBy: [['updatedAt', 'desc']], skip: offset, limit: PAGE_MAX + 1 });
      return {
        kind,
        ...pageOf(
          rows.map((e) => toErrand(e, user)),
          offset,
          PAGE_MAX,
        ),
      };
    }
    const [rows, totals] = await Promise.all([
      findMany<SignupDoc>(SIGNUPS, { userId: user._id, ...timeFilter }, { orderBy, skip: offset, limit: PAGE_MAX + 1 }),
      docs.get<VolunteerDoc>(VOLUNTEERS, user._id),
    ]);
    const acts = await activitiesOf(rows);
    const minutes = totals?.minutes ?? 0;
    return {
      kind,
      ...pageOf(
        rows.map((s) => toSignup(s, user, ctx.now, { seats: acts.get(s.activityId) })),
        offset,
        PAGE_MAX,
      ),
      hours: { minutes, hours: Math.round(minutes / 6) / 10, activities: totals?.activities ?? 0 },
    };
  },
);

/** One booking (bk_), errand (er_) or sign-up (su_) with its timeline, to those who may see it. */
export const detail = action(z.object({ id: id('编号') }), async function detail(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  if (input.id.startsWith('bk_')) {
    const b = await docs.get<BookingDoc>(BOOKINGS, input.id);
    if (!b) throw notFound('预约不存在');
    return { booking: await bookingDetail(b, user, ctx.now) };
  }
  if (input.id.startsWith('er_')) {
    const e = await docs.get<ErrandDoc>(ERRANDS, input.id);
    if (!e || !maySeeErrand(user, e)) throw notFound('代办事项不存在');
    return { errand: await errandDetail(e, user) };
  }
  if (input.id.startsWith('su_')) {
    const s = await docs.get<SignupDoc>(SIGNUPS, input.id);
    if (!s) throw notFound('报名记录不存在');
    return { signup: await signupDetail(s, user, ctx.now) };
  }
  throw notFound('记录不存在');
});
