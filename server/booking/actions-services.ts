import * as z from 'zod/mini';
import type { AppointmentSettings, Slot, SlotDay } from '../../typings/booking';
import { action } from '../core/define';
import { invalid, notFound, precondition } from '../core/errors';
import { cursor, limit, offsetOf, pageOf, PAGE_MAX } from '../core/paging';
import { docs, findMany, DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import { PLACES, PlaceDoc } from '../map/model';
import { shanghaiTime } from '../core/calendar';
import { calendarDays, calendarFrom } from '../community/calendar';
import { readWith } from '../platform/aggregate';
import { placeQr, newKey } from './codes';
import { BookingCtx, Member, assertStaff, changesOf, isStaff, newId, recordEvent } from './context';
import { BOOKINGS, BookingDoc, DEFAULTS, PLACE_KEYS, PlaceKeyDoc, SERVICES, SLOTS, ServiceDoc, SlotDoc } from './model';
import { date, id, manageServiceInput, requestId, serviceKind } from './schemas';
import { MAX_DAYS_PER_CALL, bookableDays, openingOn, slotsOn, slotsPerDayProblem } from './timetable';
import { addDays, localDate } from '../core/time';
import { weekdayName } from '../core/hours';
import { toService } from './view';

/** A service of the viewer's community; another community's is reported as missing. */
export async function loadService(store: DocStore, serviceId: string, viewer: Member): Promise<ServiceDoc> {
  const s = await store.get<ServiceDoc>(SERVICES, serviceId);
  if (!s || s.communityId !== viewer.communityId || !s.kind) throw notFound('服务不存在或已下线');
  return s;
}

/** An active place of the viewer's community. */
export async function loadPlace(store: DocStore, placeId: string, viewer: Member): Promise<PlaceDoc> {
  const p = await store.get<PlaceDoc>(PLACES, placeId);
  if (!p || p.communityId !== viewer.communityId || p.status !== 'active') throw notFound('地点不存在或已关闭');
  return p;
}

async function placesOf(ids: string[]): Promise<Map<string, PlaceDoc>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await findMany<PlaceDoc>(PLACES, { _id: { $in: unique } }, { limit: 1000 }) : [];
  return new Map(rows.map((p) => [p._id, p]));
}

export async function serviceView(s: ServiceDoc, viewer: Member) {
  const place = await docs.get<PlaceDoc>(PLACES, s.placeId);
  return toService(s, place ?? undefined, viewer);
}

export const services = action(
  z.object({
    placeId: z.optional(id('地点编号')),
    kind: z.optional(serviceKind),
    includePaused: z.optional(z.boolean({ error: 'includePaused 须为是或否' })),
    cursor,
    limit,
  }),
  async function services(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    const where: Record<string, unknown> = { communityId: user.communityId, kind: input.kind ?? { $in: ['appointment', 'proxy', 'home_visit'] } };
    if (!(input.includePaused && isStaff(user))) where.status = 'active';
    if (input.placeId) where.placeId = input.placeId;
    const size = input.limit ?? PAGE_MAX;
    const offset = offsetOf(input.cursor);
    const rows = await findMany<ServiceDoc>(SERVICES, where, { orderBy: [['placeId', 'asc'], ['name', 'asc']], skip: offset, limit: size + 1 });
    const places = await placesOf(rows.map((s) => s.placeId));
    return pageOf(
      rows.map((s) => toService(s, places.get(s.placeId), user)),
      offset,
      size,
    );
  },
);

const LIVE = ['booked', 'waitlisted', 'checked_in'];

export const slots = action(
  z.object({ serviceId: id('服务编号'), from: z.optional(date), to: z.optional(date) }),
  async function slots(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    if (input.from && input.to && input.to < input.from) throw invalid('结束日期不能早于开始日期');
    // The service, its booked seats, the caller's bookings and the calendar in one request: the days
    // asked for are known before the service is (they start today at the earliest and run a week at most).
    const today = localDate(ctx.now);
    const start = input.from && input.from > today ? input.from : today;
    const end = addDays(start, MAX_DAYS_PER_CALL - 1);
    const range = { $gte: start, $lte: end };
    const got = await readWith(SERVICES, input.serviceId, {
      seats: { from: SLOTS, where: { serviceId: input.serviceId, date: range }, limit: 1000 },
      mine: { from: BOOKINGS, where: { userId: user._id, serviceId: input.serviceId, date: range, status: { $in: LIVE } }, limit: 100 },
      days: calendarDays(user.communityId, shanghaiTime(start, '00:00'), shanghaiTime(end, '00:00')),
    });
    const s = got?.doc as ServiceDoc | undefined;
    if (!s || s.communityId !== user.communityId || !s.kind) throw notFound('服务不存在或已下线');
    if (s.kind !== 'appointment' || !s.appointment) throw precondition('该服务无需预约时段，请直接提交代办申请');
    if (s.status !== 'active' && !isStaff(user)) throw notFound('服务不存在或已下线');
    const a = s.appointment;
    const horizon = bookableDays(ctx.now, a.horizonDays);
    const first = start;
    const wanted = input.to && input.to < horizon.last ? input.to : horizon.last;
    if (wanted < first) throw invalid(`只能查看今天起${a.horizonDays}天内的时段`);
    const last = wanted < end ? wanted : end;
    const seats = got!.rows.seats as unknown as SlotDoc[];
    const mine = got!.rows.mine as unknown as BookingDoc[];
    const cal = calendarFrom(got!.rows.days);
    const bySlot = new Map(seats.map((d) => [d._id, d]));
    const myBySlot = new Map(mine.map((b) => [b.slotId, b]));
    const days: SlotDay[] = [];
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const opening = s.status === 'active' ? openingOn(a.hours, d, cal) : { periods: [], reason: '暂停预约' };
      const list: Slot[] = (s.status === 'active' ? slotsOn(s._id, a, d, cal) : []).map((t) => {
        const doc = bySlot.get(t.id);
        const booked = doc?.booked.length ?? 0;
        const waiting = doc?.waitlist.length ?? 0;
        const status = t.start <= ctx.now ? 'past' : booked < a.capacity ? 'open' : waiting < a.waitlistMax ? 'waitlist' : 'full';
        const my = myBySlot.get(t.id);
        return {
          id: t.id,
          start: t.start,
          end: t.end,
          time: t.time,
          capacity: a.capacity,
          left: Math.max(0, a.capacity - booked),
          waitlisted: waiting,
          status,
          ...(my ? { mine: { id: my._id, status: my.status } } : {}),
        };
      });
      days.push({ date: d, weekday: weekdayName(d), open: list.length > 0, ...(opening.reason ? { reason: opening.reason } : {}), slots: list });
    }
    return { service: await serviceView(s, user), days };
  },
);

const SERVICE_FIELDS: Array<keyof ServiceDoc> = ['name', 'description', 'placeId', 'appointment', 'status', 'pausedReason'];

function checkSlots(a: AppointmentSettings | undefined): void {
  const problem = a && slotsPerDayProblem(a);
  if (problem) throw invalid(problem);
}

function withDefaults(a: Partial<AppointmentSettings> & Pick<AppointmentSettings, 'durationMinutes' | 'capacity' | 'hours'>): AppointmentSettings {
  return {
    durationMinutes: a.durationMinutes,
    capacity: a.capacity,
    hours: a.hours,
    horizonDays: a.horizonDays ?? DEFAULTS.horizonDays,
    cancelCutoffMinutes: a.cancelCutoffMinutes ?? DEFAULTS.cancelCutoffMinutes,
    waitlistMax: a.waitlistMax ?? DEFAULTS.waitlistMax,
  };
}

export const manageService = action(manageServiceInput, async function manageService(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有本社区的工作人员可以维护服务');
  if (input.op === 'create') {
    const { kind, appointment } = input.service;
    if (kind === 'appointment' && !appointment) throw invalid('预约类服务须填写时段长度、每段人数和开放时间');
    if (kind !== 'appointment' && appointment) throw invalid('代办、上门帮办类服务没有预约时段，请勿填写预约设置');
  }
  if (input.op === 'update' && !Object.keys(input.changes).length) throw invalid('请填写要修改的内容');
  const placeId = input.op === 'create' ? input.service.placeId : input.op === 'update' ? input.changes.placeId : undefined;
  if (placeId) await loadPlace(docs, placeId, user);
  const serviceId = await transact((tx) =>
    once(tx, requestKey(user._id, 'booking', 'manageService', input.requestId), async () => {
      if (input.op === 'create') {
        const { appointment, ...rest } = input.service;
        checkSlots(appointment && withDefaults(appointment));
        const doc: ServiceDoc = {
          _id: newId('sv'),
          communityId: user.communityId,
          ...rest,
          status: 'active',
          ...(appointment ? { appointment: withDefaults(appointment) } : {}),
          createdBy: user._id,
          createdAt: ctx.now,
          updatedBy: user._id,
          updatedAt: ctx.now,
        };
        await tx.set(SERVICES, doc._id, doc);
        await recordEvent(tx, { communityId: doc.communityId, target: 'service', targetId: doc._id, from: null, to: 'active', actor: user, at: ctx.now, why: '新增服务' });
        return doc._id;
      }
      const cur = await loadService(tx, input.id, user);
      let next: ServiceDoc;
      let why: string | undefined;
      if (input.op === 'update') {
        const { appointment, ...rest } = input.changes;
        if (appointment && cur.kind !== 'appointment') throw invalid('代办、上门帮办类服务没有预约时段');
        next = { ...cur, ...rest, ...(appointment ? { appointment: { ...cur.appointment!, ...appointment } } : {}) };
        checkSlots(next.appointment);
        why = input.reason ?? '修改服务信息';
      } else if (input.op === 'pause') {
        if (cur.status === 'paused') throw precondition('该服务已暂停');
        next = { ...cur, status: 'paused', pausedReason: input.reason };
        why = input.reason;
      } else {
        if (cur.status === 'active') throw precondition('该服务正在开放中');
        const { pausedReason: _old, ...rest } = cur;
        next = { ...rest, status: 'active' };
        why = input.reason ?? '恢复预约';
      }
      next = { ...next, updatedBy: user._id, updatedAt: ctx.now };
      await tx.set(SERVICES, cur._id, next);
      await recordEvent(tx, { communityId: cur.communityId, target: 'service', targetId: cur._id, from: cur.status, to: next.status, actor: user, at: ctx.now, why, changes: changesOf(cur, next, SERVICE_FIELDS) });
      return cur._id;
    }),
  );
  const s = (await docs.get<ServiceDoc>(SERVICES, serviceId))!;
  return { service: await serviceView(s, user) };
});

/** The key of a place's check-in poster, made on first use; `rotate` replaces it. */
export const placeCode = action(
  z.object({ placeId: id('地点编号'), rotate: z.optional(z.boolean({ error: 'rotate 须为是或否' })), requestId }),
  async function placeCode(ctx: BookingCtx, input) {
    const user = await requireMember(ctx.openid);
    assertStaff(user, '只有本社区的工作人员可以生成签到码');
    const place = await loadPlace(docs, input.placeId, user);
    const key = await transact((tx) =>
      once(tx, requestKey(user._id, 'booking', 'placeCode', input.requestId), async () => {
        const cur = await tx.get<PlaceKeyDoc>(PLACE_KEYS, place._id);
        if (cur && !input.rotate) return cur.key;
        const doc: PlaceKeyDoc = { _id: place._id, communityId: user.communityId, key: newKey(), createdBy: user._id, createdAt: ctx.now };
        await tx.set(PLACE_KEYS, place._id, doc);
        await recordEvent(tx, {
          communityId: user.communityId,
          target: 'place',
          targetId: place._id,
          from: cur ? 'issued' : null,
          to: 'issued',
          actor: user,
          at: ctx.now,
          why: cur ? '更换签到码（旧码作废）' : '生成签到码',
        });
        return doc.key;
      }),
    );
    return { placeId: place._id, placeName: place.name, qr: placeQr(place._id, key) };
  },
);
