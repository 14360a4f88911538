import * as z from 'zod/mini';
import type { CalendarDay, CalendarHorizon } from '../../typings/booking';
import { action } from '../core/define';
import { invalid } from '../core/errors';
import { WorkCalendar, baseDay, horizonOf } from '../core/calendar';
import { addDays, localDate } from '../core/time';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { CALENDAR_DAYS, calendarDayId, latestOverride, overridesBetween, type CalendarDayDoc } from '../community/calendar';
import { BookingCtx, assertStaff, recordEvent, type Member } from './context';
import { date, requestId, text } from './schemas';

/**
 * The working-day calendar as people see and correct it: any member reads a stretch of days;
 * staff confirm or correct a day (a 调休 workday on a weekend, a holiday the estimate missed) or
 * drop their correction. Every correction is in the community's booking audit trail.
 */

/** A month view with the days around it fits; a year does not belong in one answer. */
export const MAX_CALENDAR_DAYS = 62;
/** Corrections reach a year back (late fixes) and three years ahead (the next arrangements). */
const PAST_DAYS = 366;
const AHEAD_DAYS = 3 * 366;

async function horizonFor(user: Member, now: number): Promise<CalendarHorizon> {
  return horizonOf(localDate(now), await latestOverride(user.communityId));
}

export const calendar = action(z.object({ from: date, to: date }), async function calendar(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  if (input.to < input.from) throw invalid('结束日期不能早于开始日期');
  if (input.to > addDays(input.from, MAX_CALENDAR_DAYS - 1)) throw invalid(`一次最多查看${MAX_CALENDAR_DAYS}天`);
  const [overrides, horizon] = await Promise.all([overridesBetween(user.communityId, input.from, input.to), horizonFor(user, ctx.now)]);
  const cal = new WorkCalendar(overrides);
  const days: CalendarDay[] = [];
  for (let d = input.from; d <= input.to; d = addDays(d, 1)) days.push(cal.day(d));
  return { days, horizon };
});

function assertEditable(day: string, now: number): void {
  const today = localDate(now);
  if (day < addDays(today, -PAST_DAYS) || day > addDays(today, AHEAD_DAYS)) throw invalid('只能修改一年前到三年后之间的日期');
}

const label = (d: { workday: boolean; name?: string }) => `${d.workday ? '上班' : '休息'}${d.name ? `（${d.name}）` : ''}`;

export const setCalendarDay = action(
  z.object({
    date,
    workday: z.boolean({ error: '请选择上班或休息' }),
    name: z.optional(text('节日名称', 10)),
    requestId,
  }),
  async function setCalendarDay(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有本社区的工作人员可以修改工作日历');
    assertEditable(input.date, ctx.now);
    const id = calendarDayId(user.communityId, input.date);
    const day = await transact((tx) =>
      once(tx, requestKey(user._id, 'booking', 'setCalendarDay', input.requestId), async (): Promise<CalendarDay> => {
        const before = await tx.get<CalendarDayDoc>(CALENDAR_DAYS, id);
        const was = before ?? baseDay(input.date);
        const doc: CalendarDayDoc = {
          _id: id,
          communityId: user.communityId,
          date: input.date,
          workday: input.workday,
          ...(input.name ? { name: input.name } : {}),
          updatedAt: ctx.now,
          updatedBy: user._id,
        };
        await tx.set(CALENDAR_DAYS, id, doc);
        await recordEvent(tx, {
          communityId: user.communityId,
          target: 'calendar',
          targetId: id,
          from: before ? (before.workday ? 'workday' : 'day_off') : null,
          to: input.workday ? 'workday' : 'day_off',
          actor: user,
          at: ctx.now,
          why: `${input.date} 由${label(was)}设为${label(input)}`,
          changes: { workday: { from: was.workday, to: input.workday }, name: { from: was.name ?? null, to: input.name ?? null } },
        });
        return { date: input.date, workday: input.workday, ...(input.name ? { name: input.name } : {}), source: 'community' };
      }),
    );
    return { day, horizon: await horizonFor(user, ctx.now) };
  },
);

export const clearCalendarDay = action(z.object({ date, requestId }), async function clearCalendarDay(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有本社区的工作人员可以修改工作日历');
  assertEditable(input.date, ctx.now);
  const id = calendarDayId(user.communityId, input.date);
  const day = await transact((tx) =>
    once(tx, requestKey(user._id, 'booking', 'clearCalendarDay', input.requestId), async (): Promise<CalendarDay> => {
      const before = await tx.get<CalendarDayDoc>(CALENDAR_DAYS, id);
      const base = baseDay(input.date);
      // Nothing to drop: the day already reads as official or estimated.
      if (!before) return base;
      await tx.remove(CALENDAR_DAYS, id);
      await recordEvent(tx, {
        communityId: user.communityId,
        target: 'calendar',
        targetId: id,
        from: before.workday ? 'workday' : 'day_off',
        to: 'cleared',
        actor: user,
        at: ctx.now,
        why: `${input.date} 撤销社区设置，恢复为${base.source === 'official' ? '国家安排' : '预估'}：${label(base)}`,
        changes: { workday: { from: before.workday, to: base.workday }, name: { from: before.name ?? null, to: base.name ?? null } },
      });
      return base;
    }),
  );
  return { day, horizon: await horizonFor(user, ctx.now) };
});
