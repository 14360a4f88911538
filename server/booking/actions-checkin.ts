import * as z from 'zod/mini';
import { BOOKING_STATUS_LABELS, SIGNUP_STATUS_LABELS } from '../../typings/booking';
import { action } from '../core/define';
import { conflict, forbidden, invalid, notFound, precondition } from '../core/errors';
import { docs, findMany, findOne, DocStore } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { requireMember } from '../user/caller';
import type { UserDoc } from '../user/model';
import { earnWithVanguard } from '../party/vanguard';
import { pointsFor } from '../points/rules';
import { Scanned, parseScan } from './codes';
import { BookingCtx, Member, isDesk, recordEvent } from './context';
import {
  ACTIVITIES,
  ActivityDoc,
  BOOKINGS,
  BookingDoc,
  CHECK_IN_EARLY_MIN,
  CODES,
  CodeDoc,
  PLACE_KEYS,
  PlaceKeyDoc,
  SELF_CHECK_OUT_GRACE_MIN,
  SIGNUPS,
  SignupDoc,
  VOLUNTEERS,
  VolunteerDoc,
} from './model';
import { requestId, scanInput } from './schemas';
import { clockOf } from '../core/hours';
import { MINUTE_MS } from '../core/time';
import { toBooking, toSignup } from './view';

const EARLY_MS = CHECK_IN_EARLY_MIN * MINUTE_MS;

function scanned(code: string): Scanned {
  const s = parseScan(code);
  if (!s) throw invalid('无法识别的签到码，请扫描预约二维码或现场签到码');
  return s;
}

/** A person's own code is scanned by the front desk, never by the person. */
function assertDeskScan(user: Member): void {
  if (!isDesk(user)) throw forbidden('请向社区工作人员出示预约码，由工作人员扫码签到；或扫描现场张贴的签到码');
}

/** What a booking or sign-up code points at, in the caller's community. */
async function resolveCode(tx: DocStore, code: string, user: Member): Promise<CodeDoc> {
  const c = await tx.get<CodeDoc>(CODES, code);
  if (!c || c.communityId !== user.communityId) throw notFound('签到码无效，请核对后重试');
  return c;
}

function assertWindow(start: number, end: number, now: number, what: string): void {
  if (now < start - EARLY_MS) throw precondition(`未到签到时间，可在${clockOf(start - EARLY_MS)}后签到`);
  if (now >= end) throw precondition(`${what}已结束，不能签到`);
}

async function checkInBooking(tx: DocStore, bookingId: string, actor: UserDoc, now: number, why: string): Promise<string> {
  const b = await tx.get<BookingDoc>(BOOKINGS, bookingId);
  if (!b) throw notFound('预约不存在');
  if (b.status === 'checked_in') throw conflict('该预约已签到');
  if (b.status !== 'booked') throw precondition(`该预约${BOOKING_STATUS_LABELS[b.status]}，不能签到`);
  assertWindow(b.start, b.end, now, '预约时段');
  await tx.set(BOOKINGS, b._id, { ...b, status: 'checked_in', checkedInAt: now, updatedAt: now });
  await recordEvent(tx, { communityId: b.communityId, target: 'booking', targetId: b._id, from: 'booked', to: 'checked_in', actor, at: now, why });
  return b._id;
}

async function checkInSignup(tx: DocStore, signupId: string, actor: UserDoc, now: number, why: string): Promise<string> {
  const s = await tx.get<SignupDoc>(SIGNUPS, signupId);
  if (!s) throw notFound('报名记录不存在');
  if (s.status === 'checked_in' || s.status === 'checked_out') throw conflict('已签到，无需重复签到');
  if (s.status !== 'signed_up') throw precondition(`该报名${SIGNUP_STATUS_LABELS[s.status]}，不能签到`);
  const a = await tx.get<ActivityDoc>(ACTIVITIES, s.activityId);
  if (!a || a.status !== 'published') throw precondition('该活动已取消');
  assertWindow(s.start, s.end, now, '活动');
  await tx.set(SIGNUPS, s._id, { ...s, status: 'checked_in', checkInAt: now, updatedAt: now });
  await recordEvent(tx, { communityId: s.communityId, target: 'signup', targetId: s._id, from: 'signed_up', to: 'checked_in', actor, at: now, why });
  return s._id;
}

/** The caller's booking at a place whose check-in window is open now, or why there is none. */
async function bookingAtPlace(user: Member, placeId: string, now: number): Promise<BookingDoc> {
  const base = { userId: user._id, placeId, status: 'booked' };
  const current = await findMany<BookingDoc>(BOOKINGS, { ...base, start: { $lte: now + EARLY_MS }, end: { $gt: now } }, { orderBy: [['start', 'asc']], limit: 1 });
  if (current[0]) return current[0];
  const later = await findMany<BookingDoc>(BOOKINGS, { ...base, end: { $gt: now } }, { orderBy: [['start', 'asc']], limit: 1 });
  if (later[0]) throw precondition(`未到签到时间：您预约的${later[0].serviceName}在${later[0].date} ${clockOf(later[0].start)}，可在开始前${CHECK_IN_EARLY_MIN}分钟内签到`);
  throw precondition('您在这里没有待签到的预约');
}

async function placeKeyMatches(placeId: string, key: string, user: Member): Promise<void> {
  const k = await docs.get<PlaceKeyDoc>(PLACE_KEYS, placeId);
  if (!k || k.communityId !== user.communityId) throw notFound('签到码无效，请扫描现场张贴的签到码');
  if (k.key !== key) throw precondition('签到码已更换，请扫描现场最新张贴的签到码');
}

async function activityOf(activityId: string, key: string, user: Member): Promise<ActivityDoc> {
  const a = await docs.get<ActivityDoc>(ACTIVITIES, activityId);
  if (!a || a.communityId !== user.communityId) throw notFound('签到码无效，请扫描活动现场的签到码');
  if (a.key !== key) throw precondition('签到码无效，请扫描活动现场的签到码');
  return a;
}

async function mySignup(user: Member, activityId: string): Promise<SignupDoc> {
  const s = await findOne<SignupDoc>(SIGNUPS, { userId: user._id, activityId, status: { $in: ['signed_up', 'checked_in', 'checked_out', 'waitlisted'] } });
  if (!s) throw precondition('您没有报名该活动');
  return s;
}

async function respond(kind: 'booking' | 'signup', id: string, user: Member, now: number) {
  if (kind === 'booking') return { booking: toBooking((await docs.get<BookingDoc>(BOOKINGS, id))!, user, now) };
  const s = (await docs.get<SignupDoc>(SIGNUPS, id))!;
  return { signup: toSignup(s, user, now) };
}

/**
 * Staff (or a grid worker) scan the person's booking or sign-up code; or the person scans the
 * place's check-in poster (bookings) or the activity's code (sign-ups) inside the window: from
 * 30 minutes before the start until the end.
 */
export const checkIn = action(z.object({ code: scanInput, requestId }), async function checkIn(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  const scan = scanned(input.code);
  const key = requestKey(user._id, 'booking', 'checkIn', input.requestId);
  if (scan.type === 'personal') {
    assertDeskScan(user);
    const done = await transact((tx) =>
      once(tx, key, async () => {
        const c = await resolveCode(tx, scan.code, user);
        const id = c.kind === 'booking' ? await checkInBooking(tx, c.id, user, ctx.now, '工作人员扫码签到') : await checkInSignup(tx, c.id, user, ctx.now, '工作人员扫码签到');
        return { kind: c.kind, id };
      }),
    );
    return respond(done.kind, done.id, user, ctx.now);
  }
  if (scan.type === 'place') {
    await placeKeyMatches(scan.placeId, scan.key, user);
    const b = await bookingAtPlace(user, scan.placeId, ctx.now);
    const id = await transact((tx) => once(tx, key, () => checkInBooking(tx, b._id, user, ctx.now, '本人扫描现场签到码签到')));
    return respond('booking', id, user, ctx.now);
  }
  const a = await activityOf(scan.activityId, scan.key, user);
  const s = await mySignup(user, a._id);
  const id = await transact((tx) => once(tx, key, () => checkInSignup(tx, s._id, user, ctx.now, '本人扫描活动签到码签到')));
  return respond('signup', id, user, ctx.now);
});

/**
 * Check-out records the service time (within the activity's hours) and awards the community's
 * points for attendance — 参加一次社区活动, plus 志愿服务每满1小时 — through the ledger, in the
 * same transaction: exactly once per person and activity.
 */
async function checkOutSignup(tx: DocStore, signupId: string, actor: Member, now: number, why: string): Promise<{ id: string; points: number }> {
  const s = await tx.get<SignupDoc>(SIGNUPS, signupId);
  if (!s || s.communityId !== actor.communityId) throw notFound('报名记录不存在');
  if (s.status === 'checked_out') throw conflict('已签退，服务时长已记录');
  if (s.status !== 'checked_in') throw precondition(s.status === 'signed_up' ? '请先签到' : `该报名${SIGNUP_STATUS_LABELS[s.status]}，不能签退`);
  const from = Math.max(s.checkInAt ?? s.start, s.start);
  const to = Math.min(now, s.end);
  const minutes = Math.max(0, Math.floor((to - from) / MINUTE_MS));
  const [attended, perHour] = await Promise.all([pointsFor(tx, s.communityId, 'activity_attended'), pointsFor(tx, s.communityId, 'volunteer_hour')]);
  const amount = attended + Math.floor(minutes / 60) * perHour;
  let points = 0;
  if (amount > 0) {
    const { entry } = await earnWithVanguard(tx, {
      userId: s.userId,
      communityId: s.communityId,
      amount,
      kind: 'earn',
      source: { type: 'activity', id: s.activityId },
      reason: `参加志愿活动：${s.title}（服务${Math.round(minutes / 6) / 10}小时）`,
      by: actor._id,
      at: now,
    });
    points = entry.amount;
  }
  const v = await tx.get<VolunteerDoc>(VOLUNTEERS, s.userId);
  const totals: Omit<VolunteerDoc, '_id'> = {
    communityId: s.communityId,
    minutes: (v?.minutes ?? 0) + minutes,
    activities: (v?.activities ?? 0) + 1,
    updatedAt: now,
  };
  await tx.set(VOLUNTEERS, s.userId, totals);
  await tx.set(SIGNUPS, s._id, { ...s, status: 'checked_out', checkOutAt: now, minutes, pointsAwarded: points, updatedAt: now });
  await recordEvent(tx, { communityId: s.communityId, target: 'signup', targetId: s._id, from: 'checked_in', to: 'checked_out', actor, at: now, why: `${why}：服务${minutes}分钟，获得${points}积分` });
  return { id: s._id, points };
}

export const checkOut = action(z.object({ code: scanInput, requestId }), async function checkOut(ctx: BookingCtx, input) {
  const user = await requireMember(ctx.openid);
  const scan = scanned(input.code);
  const key = requestKey(user._id, 'booking', 'checkOut', input.requestId);
  let done: { id: string; points: number };
  if (scan.type === 'personal') {
    assertDeskScan(user);
    done = await transact((tx) =>
      once(tx, key, async () => {
        const c = await resolveCode(tx, scan.code, user);
        if (c.kind !== 'signup') throw invalid('预约服务无需签退');
        return checkOutSignup(tx, c.id, user, ctx.now, '工作人员扫码签退');
      }),
    );
  } else if (scan.type === 'activity') {
    const a = await activityOf(scan.activityId, scan.key, user);
    const s = await mySignup(user, a._id);
    if (ctx.now > s.end + SELF_CHECK_OUT_GRACE_MIN * MINUTE_MS && s.status === 'checked_in') throw precondition('活动已结束较久，请联系社区工作人员签退');
    done = await transact((tx) => once(tx, key, () => checkOutSignup(tx, s._id, user, ctx.now, '本人扫描活动签到码签退')));
  } else throw invalid('请扫描活动现场的签到码签退');
  const s = (await docs.get<SignupDoc>(SIGNUPS, done.id))!;
  return { signup: toSignup(s, user, ctx.now), pointsAwarded: done.points };
});
