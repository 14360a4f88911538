import type { Activity, Booking, Errand, HistoryEvent, Service, Signup, Slot, SlotDay } from '../../typings/booking';
import type { TaskContact } from '../../typings/contact';
import { formatShort, inShanghai, shanghaiDate } from './date';
import {
  BOOKING_STATUS_LABELS,
  BOOKING_TONES,
  ERRAND_STATUS_LABELS,
  ERRAND_TONES,
  SERVICE_KIND_LABELS,
  SIGNUP_STATUS_LABELS,
  SIGNUP_TONES,
  hoursText,
  spacedCode,
  starsText,
} from './booking';

/** '11月23日 周一' */
export function dayLabel(t: number): string {
  const d = inShanghai(t);
  return `${d.month() + 1}月${d.date()}日 周${'日一二三四五六'.charAt(d.day())}`;
}

export interface EventView {
  key: string;
  move: string;
  time: string;
  by: string;
  why: string;
}

export function toEventViews(events: HistoryEvent[] | undefined, labels: Record<string, string>): EventView[] {
  return (events ?? []).map((e, i) => ({
    key: `${e.at}-${i}`,
    move: labels[e.to] ?? e.to,
    time: formatShort(e.at),
    by: e.by,
    why: e.why ?? '',
  }));
}

export interface ServiceView {
  id: string;
  kind: string;
  kindLabel: string;
  name: string;
  description: string;
  placeName: string;
  placeAddress: string;
  hoursNote: string;
  paused: boolean;
  pausedReason: string;
  /** 每段30分钟 · 每段限3人 · 可预约7天内 */
  rules: string;
  /** 开始前2小时可取消 */
  cutoffText: string;
  horizonDays: number;
}

/** 120 → '2小时', 90 → '90分钟' (as the server words it). */
export function cutoffLabel(minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`;
}

export function toServiceView(s: Service): ServiceView {
  const a = s.appointment;
  return {
    id: s.id,
    kind: s.kind,
    kindLabel: SERVICE_KIND_LABELS[s.kind],
    name: s.name,
    description: s.description ?? '',
    placeName: s.placeName,
    placeAddress: s.placeAddress,
    hoursNote: s.hoursNote ?? '',
    paused: s.status === 'paused',
    pausedReason: s.pausedReason ?? '',
    rules: a ? `每段${a.durationMinutes}分钟 · 每段限${a.capacity}人 · 可预约${a.horizonDays}天内` : '',
    cutoffText: a ? (a.cancelCutoffMinutes ? `开始前${cutoffLabel(a.cancelCutoffMinutes)}可取消` : '开始前可随时取消') : '',
    horizonDays: a?.horizonDays ?? 0,
  };
}

export interface SlotView {
  id: string;
  time: string;
  status: string;
  /** What is left, in words: 剩3个 / 可候补 / 已约满 / 已结束 / 已预约. */
  text: string;
  /** The person may pick it (to book, or to wait). */
  pickable: boolean;
  waitlist: boolean;
  mine: boolean;
  mineId: string;
}

function slotText(s: Slot): string {
  if (s.mine) return BOOKING_STATUS_LABELS[s.mine.status];
  if (s.status === 'past') return '已结束';
  if (s.status === 'open') return `剩${s.left}个`;
  if (s.status === 'waitlist') return s.waitlisted ? `约满 可候补（${s.waitlisted}人候补）` : '约满 可候补';
  return '已约满';
}

export function toSlotView(s: Slot): SlotView {
  return {
    id: s.id,
    time: s.time,
    status: s.status,
    text: slotText(s),
    pickable: !s.mine && (s.status === 'open' || s.status === 'waitlist'),
    waitlist: s.status === 'waitlist',
    mine: !!s.mine,
    mineId: s.mine?.id ?? '',
  };
}

export interface DayView {
  date: string;
  /** 今天 / 明天 / 周三 */
  top: string;
  /** 11/23 */
  bottom: string;
  /** 11月23日 周一 */
  title: string;
  open: boolean;
  /** Why the day is closed or special (国庆节, 休息, 暂停服务, 国庆节调休). */
  reason: string;
  /** Bookable slots left that day (for a hint under the day). */
  free: number;
  slots: SlotView[];
}

export function toDayView(d: SlotDay, now = Date.now()): DayView {
  const today = shanghaiDate(now);
  const tomorrow = shanghaiDate(now, 1);
  const [, m, day] = d.date.split('-').map(Number);
  const slots = d.slots.map(toSlotView);
  return {
    date: d.date,
    top: d.date === today ? '今天' : d.date === tomorrow ? '明天' : d.weekday,
    bottom: `${m}/${day}`,
    title: `${m}月${day}日 ${d.weekday}`,
    open: d.open,
    reason: d.reason ?? (d.open ? '' : '休息'),
    free: slots.filter((s) => s.pickable).length,
    slots,
  };
}

export interface BookingView {
  id: string;
  serviceId: string;
  serviceName: string;
  placeId: string;
  placeName: string;
  placeAddress: string;
  day: string;
  time: string;
  status: string;
  statusLabel: string;
  tone: string;
  code: string;
  codeText: string;
  qr: string;
  canCancel: boolean;
  /** 11月23日 07:30前可取消 */
  cancelText: string;
  /** Live but past the cut-off. */
  pastCutoff: boolean;
  waitlistText: string;
  checkedIn: string;
  note: string;
  who: string;
  timeline: EventView[];
}

export function toBookingView(b: Booking): BookingView {
  const live = b.status === 'booked' || b.status === 'waitlisted';
  return {
    id: b.id,
    serviceId: b.serviceId,
    serviceName: b.serviceName,
    placeId: b.placeId,
    placeName: b.placeName,
    placeAddress: b.placeAddress,
    day: dayLabel(b.start),
    time: b.time,
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    tone: BOOKING_TONES[b.status],
    code: b.code ?? '',
    codeText: spacedCode(b.code),
    qr: b.qr ?? '',
    canCancel: b.canCancel,
    cancelText: live ? `${formatShort(b.cancelBefore)}前可取消` : '',
    pastCutoff: live && !b.canCancel,
    waitlistText: b.status === 'waitlisted' && b.waitlistPosition ? `候补第${b.waitlistPosition}位，有人取消时按顺序递补，递补成功会通知您` : '',
    checkedIn: b.checkedInAt ? `${formatShort(b.checkedInAt)} 已签到` : '',
    note: b.note ?? '',
    who: b.who,
    timeline: toEventViews(b.timeline, BOOKING_STATUS_LABELS),
  };
}

export interface ErrandView {
  id: string;
  kind: string;
  kindLabel: string;
  serviceName: string;
  placeName: string;
  status: string;
  statusLabel: string;
  tone: string;
  description: string;
  papers: string;
  address: string;
  window: string;
  contactPhone: string;
  contactMasked: string;
  /** The requester, to the worker in hand: name, masked phone with 拨打, address, time. */
  contact: TaskContact | null;
  preferredTime: string;
  requester: string;
  gridName: string;
  assignee: string;
  result: string;
  rating: string;
  ratingComment: string;
  /** Why the errand waits for staff to read it. */
  held: string;
  created: string;
  canTake: boolean;
  canAssign: boolean;
  canDone: boolean;
  canNote: boolean;
  canCancel: boolean;
  canRate: boolean;
  mine: boolean;
  timeline: EventView[];
}

export function toErrandView(e: Errand): ErrandView {
  const w = e.window;
  const [, m, d] = (w?.date ?? '0-0-0').split('-').map(Number);
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: SERVICE_KIND_LABELS[e.kind],
    serviceName: e.serviceName,
    placeName: e.placeName,
    status: e.status,
    statusLabel: ERRAND_STATUS_LABELS[e.status],
    tone: ERRAND_TONES[e.status],
    description: e.description,
    papers: e.papers.join('、'),
    address: e.address ?? '',
    window: w ? `${m}月${d}日 ${w.from}-${w.to}` : '',
    contactPhone: e.contactPhone ?? '',
    contactMasked: e.contactMasked ?? '',
    contact: e.contact ?? null,
    preferredTime: e.preferredTime ?? '',
    requester: e.requester,
    gridName: e.gridName ?? '',
    assignee: e.assignee ?? '',
    result: e.result ?? '',
    rating: e.rating ? starsText(e.rating.stars) : '',
    ratingComment: e.rating?.comment ?? '',
    held: e.heldReason ?? '',
    created: formatShort(e.createdAt),
    canTake: e.can.includes('take'),
    canAssign: e.can.includes('assign'),
    canDone: e.can.includes('done'),
    canNote: e.can.includes('note'),
    canCancel: e.can.includes('cancel'),
    canRate: e.can.includes('rate'),
    mine: e.mine,
    timeline: toEventViews(e.timeline, ERRAND_STATUS_LABELS),
  };
}

export interface SignupView {
  id: string;
  activityId: string;
  title: string;
  category: string;
  placeName: string;
  when: string;
  status: string;
  statusLabel: string;
  tone: string;
  code: string;
  codeText: string;
  qr: string;
  canCancel: boolean;
  waitlistText: string;
  checkIn: string;
  checkOut: string;
  /** '2.5' hours, once checked out. */
  hours: string;
  points: number;
  /** Check-in or check-out is to come: offer the scan. */
  canCheckIn: boolean;
  canCheckOut: boolean;
  who: string;
  timeline: EventView[];
}

export function toSignupView(s: Signup): SignupView {
  return {
    id: s.id,
    activityId: s.activityId,
    title: s.title,
    category: s.category,
    placeName: s.placeName,
    when: s.when,
    status: s.status,
    statusLabel: SIGNUP_STATUS_LABELS[s.status],
    tone: SIGNUP_TONES[s.status],
    code: s.code ?? '',
    codeText: spacedCode(s.code),
    qr: s.qr ?? '',
    canCancel: s.canCancel,
    waitlistText: s.status === 'waitlisted' && s.waitlistPosition ? `候补第${s.waitlistPosition}位，有人取消时按顺序递补` : '',
    checkIn: s.checkInAt ? formatShort(s.checkInAt) : '',
    checkOut: s.checkOutAt ? formatShort(s.checkOutAt) : '',
    hours: s.status === 'checked_out' ? hoursText(s.minutes) : '',
    points: s.pointsAwarded ?? 0,
    canCheckIn: s.status === 'signed_up',
    canCheckOut: s.status === 'checked_in',
    who: s.who,
    timeline: toEventViews(s.timeline, SIGNUP_STATUS_LABELS),
  };
}

export interface ActivityView {
  id: string;
  title: string;
  category: string;
  description: string;
  placeName: string;
  address: string;
  when: string;
  capacity: number;
  signedUp: number;
  /** 已报名 12/20 · 剩8个名额 */
  seatsText: string;
  audienceText: string;
  phase: string;
  cancelled: boolean;
  cancelledReason: string;
  mySignupId: string;
  myStatus: string;
  myStatusLabel: string;
  /** The person holds no live place: offer 报名 (or 候补). */
  canSignUp: boolean;
  full: boolean;
  checkInQr: string;
}

const LIVE_SIGNUPS = ['signed_up', 'waitlisted', 'checked_in', 'checked_out'];

export function toActivityView(a: Activity): ActivityView {
  const my = a.mySignup && LIVE_SIGNUPS.includes(a.mySignup.status) ? a.mySignup : undefined;
  const open = a.status === 'published' && a.phase === 'upcoming';
  return {
    id: a.id,
    title: a.title,
    category: a.category,
    description: a.description,
    placeName: a.placeName,
    address: a.address,
    when: a.when,
    capacity: a.capacity,
    signedUp: a.signedUp,
    seatsText: `已报名 ${a.signedUp}/${a.capacity} · ${a.left > 0 ? `剩${a.left}个名额` : a.waitlisted ? `名额已满，${a.waitlisted}人候补` : '名额已满'}`,
    audienceText: a.audience === 'volunteers' ? '限志愿者、共建单位成员' : '居民均可报名',
    phase: a.phase,
    cancelled: a.status === 'cancelled',
    cancelledReason: a.cancelledReason ?? '',
    mySignupId: my?.id ?? '',
    myStatus: my?.status ?? '',
    myStatusLabel: my ? SIGNUP_STATUS_LABELS[my.status] : '',
    canSignUp: open && !my,
    full: a.left <= 0,
    checkInQr: a.checkInQr ?? '',
  };
}
