import type { Idempotent, Page } from './api';
import type { Period, WeekdayKey } from './map';
import type { ContactPhone, TaskContact } from './contact';

/**
 * Booking (网上预约、线下代办; 预约代办、上门帮办; 志愿活动). Every time is epoch ms; days are
 * Asia/Shanghai calendar days ('YYYY-MM-DD'); wall-clock times are Shanghai 'HH:mm'.
 */

/** appointment: come to a place in a slot; proxy: 代办 (hand over papers, staff do it); home_visit: 上门帮办. */
export const SERVICE_KINDS = ['appointment', 'proxy', 'home_visit'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  appointment: '预约办理',
  proxy: '代办',
  home_visit: '上门帮办',
};

export type ServiceStatus = 'active' | 'paused';

/** Weekly opening hours of an appointment service, in Asia/Shanghai. */
export interface ServiceHours {
  /** Periods per ISO weekday ('1' Monday … '7' Sunday); slots are cut from each period. */
  week: Partial<Record<WeekdayKey, Period[]>>;
  /**
   * 'working_days': the official calendar — closed on public holidays (国庆, 春节 …) and open on a
   * 调休 weekend working day with `makeup` hours (default: Monday's). 'every_day': the weekly
   * hours hold whatever the calendar says.
   */
  calendar: 'working_days' | 'every_day';
  makeup?: Period[];
  /** Single days closed whatever the calendar. */
  closedDates?: string[];
}

/** The settings only an appointment service has. */
export interface AppointmentSettings {
  /** Minutes per slot (10 … 240). */
  durationMinutes: number;
  /** People per slot (1 … 200). */
  capacity: number;
  hours: ServiceHours;
  /** Days shown and bookable, today included (default 7). */
  horizonDays: number;
  /** A booking may be cancelled until this many minutes before its start (default 120). */
  cancelCutoffMinutes: number;
  /** People who may wait for a place in a full slot (default 10; 0: no waitlist). */
  waitlistMax: number;
}

export interface Service {
  id: string;
  kind: ServiceKind;
  name: string;
  description?: string;
  placeId: string;
  placeName: string;
  placeAddress: string;
  status: ServiceStatus;
  /** Appointment services only. */
  appointment?: AppointmentSettings;
  /** In words: '周一至周五 08:30-12:00 14:00-17:30，法定节假日休息，调休上班日开放'. */
  hoursNote?: string;
  /** Staff only. */
  pausedReason?: string;
  updatedAt: number;
}

/**
 * open: places left; waitlist: full, joining the waitlist is possible; full: full, waitlist too;
 * past: started or over (not bookable).
 */
export type SlotStatus = 'open' | 'waitlist' | 'full' | 'past';

export interface Slot {
  /** `<serviceId>.<YYYY-MM-DD>.<HHmm>`, what `book` takes. */
  id: string;
  start: number;
  end: number;
  /** '08:30-09:00', Shanghai. */
  time: string;
  capacity: number;
  left: number;
  waitlisted: number;
  status: SlotStatus;
  /** The caller's live booking of this slot, if any. */
  mine?: { id: string; status: BookingStatus };
}

export interface SlotDay {
  date: string;
  /** 周一 … 周日 */
  weekday: string;
  /** False: a day off, shown greyed. */
  open: boolean;
  /** Why the day differs from its weekday: '国庆节', '国庆节调休', '临时停诊', '休息'. */
  reason?: string;
  slots: Slot[];
}

export type BookingStatus = 'booked' | 'waitlisted' | 'checked_in' | 'cancelled' | 'no_show' | 'expired';

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  waitlisted: '候补中',
  checked_in: '已签到',
  cancelled: '已取消',
  no_show: '未到',
  expired: '候补未成功',
};

/** One status change: who, when, from, to, why. Never an openid or a full name. */
export interface HistoryEvent {
  at: number;
  from: string | null;
  to: string;
  /** 居民 王** / 社区工作者 / 网格员 周** / 系统 */
  by: string;
  why?: string;
}

export interface Booking {
  id: string;
  serviceId: string;
  serviceName: string;
  placeId: string;
  placeName: string;
  placeAddress: string;
  date: string;
  start: number;
  end: number;
  time: string;
  status: BookingStatus;
  /** 1-based, while waitlisted. */
  waitlistPosition?: number;
  /** 8 digits, to the holder only, while the booking can be checked in. */
  code?: string;
  /** The text the client draws as the booking's QR (what staff scan). */
  qr?: string;
  /** Whether the caller may cancel now; cancelling is possible until `cancelBefore`. */
  canCancel: boolean;
  cancelBefore: number;
  checkedInAt?: number;
  note?: string;
  /** Masked name of the person who booked (王**), for staff lists. */
  who: string;
  createdAt: number;
  /** Only in `detail`. */
  timeline?: HistoryEvent[];
}

export type ErrandKind = 'proxy' | 'home_visit';
export type ErrandStatus = 'submitted' | 'accepted' | 'done' | 'rated' | 'cancelled';

export const ERRAND_STATUS_LABELS: Record<ErrandStatus, string> = {
  submitted: '待受理',
  accepted: '办理中',
  done: '已办结',
  rated: '已评价',
  cancelled: '已取消',
};

export type ErrandPermission = 'take' | 'assign' | 'note' | 'done' | 'cancel' | 'rate';

/** A wished time window for a home visit, Shanghai. */
export interface TimeWindow {
  date: string;
  from: string;
  to: string;
}

export interface Errand {
  id: string;
  kind: ErrandKind;
  serviceId: string;
  serviceName: string;
  placeName: string;
  status: ErrandStatus;
  description: string;
  /** Papers handed over (身份证复印件, 户口本 …). */
  papers: string[];
  window?: TimeWindow;
  /** Home visits: only to the requester, the assigned worker and staff. */
  address?: string;
  /** 工作日白天 / 周末 / 晚上 / 随时, or a date. */
  preferredTime?: string;
  /** The requester's own contact number: only to the requester. */
  contactPhone?: string;
  /** The requester's name, masked phone and address: only to the assigned worker while it is in hand. */
  contact?: TaskContact;
  /** Masked (138****4501), to the assigned worker and staff; the number itself never leaves. */
  contactMasked?: string;
  /** 王**; the real name to staff and to the worker in hand. */
  requester: string;
  gridName?: string;
  /** 周** (网格员) */
  assignee?: string;
  result?: string;
  rating?: { stars: number; comment?: string };
  /** Done by a 红色代办员: the service time credited and the points earned. */
  minutes?: number;
  pointsAwarded?: number;
  mine: boolean;
  assignedToMe: boolean;
  can: ErrandPermission[];
  /** Why the errand waits for staff to read it (the content check was unavailable, say). */
  heldReason?: string;
  createdAt: number;
  updatedAt: number;
  /** Only in `detail` and after a change. */
  timeline?: HistoryEvent[];
}

export const ACTIVITY_CATEGORIES = ['环境整治', '理论宣讲', '助老助残', '文明劝导', '医疗保健', '平安巡防', '文化活动', '其他'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export type ActivityStatus = 'published' | 'cancelled';
/** Derived from the clock: before the start, between start and end, after the end. */
export type ActivityPhase = 'upcoming' | 'ongoing' | 'ended';

export interface Activity {
  id: string;
  title: string;
  category: ActivityCategory;
  description: string;
  placeId: string;
  placeName: string;
  address: string;
  start: number;
  end: number;
  /** '10月12日 周一 08:30-11:30', Shanghai. */
  when: string;
  capacity: number;
  signedUp: number;
  left: number;
  waitlisted: number;
  /** volunteers: 志愿者 and 共建单位 members; everyone: every resident. */
  audience: 'volunteers' | 'everyone';
  status: ActivityStatus;
  phase: ActivityPhase;
  cancelledReason?: string;
  mySignup?: { id: string; status: SignupStatus };
  /** Staff only: the QR volunteers scan at the site to check in and out. */
  checkInQr?: string;
}

export type SignupStatus = 'signed_up' | 'waitlisted' | 'checked_in' | 'checked_out' | 'cancelled' | 'absent' | 'expired';

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  signed_up: '已报名',
  waitlisted: '候补中',
  checked_in: '已签到',
  checked_out: '已签退',
  cancelled: '已取消',
  absent: '未到',
  expired: '候补未成功',
};

export interface Signup {
  id: string;
  activityId: string;
  title: string;
  category: ActivityCategory;
  placeName: string;
  start: number;
  end: number;
  when: string;
  status: SignupStatus;
  waitlistPosition?: number;
  /** 8 digits and QR text, to the volunteer only, while check-in or check-out is to come. */
  code?: string;
  qr?: string;
  canCancel: boolean;
  checkInAt?: number;
  checkOutAt?: number;
  /** Service time recorded at check-out, in minutes. */
  minutes?: number;
  pointsAwarded?: number;
  /** 李** */
  who: string;
  createdAt: number;
  timeline?: HistoryEvent[];
}

export interface ServiceHoursSummary {
  /** Service time of all check-outs and of errands done as 红色代办员, in minutes. */
  minutes: number;
  /** Hours with one decimal, for display. */
  hours: number;
  activities: number;
}

/** A staff member, grid worker or 红色代办员 who can take errands. */
export interface Worker {
  id: string;
  /** The real name (the list is staff's). */
  name: string;
  role: 'staff' | 'grid_worker' | 'agent';
  gridName?: string;
  /** Tickets and errands in hand now. */
  load?: number;
}

export interface ServiceInput {
  kind: ServiceKind;
  name: string;
  description?: string;
  placeId: string;
  /** Required for appointments; the defaults fill what is left out. */
  appointment?: Partial<AppointmentSettings> & Pick<AppointmentSettings, 'durationMinutes' | 'capacity' | 'hours'>;
}

export type ServiceChanges = Partial<Omit<ServiceInput, 'kind' | 'appointment'>> & { appointment?: Partial<AppointmentSettings> };

export type ManageServiceReq =
  | ({ op: 'create'; service: ServiceInput } & Idempotent)
  | ({ op: 'update'; id: string; changes: ServiceChanges; reason?: string } & Idempotent)
  | ({ op: 'pause'; id: string; reason: string } & Idempotent)
  | ({ op: 'resume'; id: string; reason?: string } & Idempotent);

export interface ActivityInput {
  title: string;
  category: ActivityCategory;
  description: string;
  placeId: string;
  date: string;
  from: string;
  to: string;
  capacity: number;
  audience?: 'volunteers' | 'everyone';
  /** Default 10. */
  waitlistMax?: number;
  /** Default 120. */
  cancelCutoffMinutes?: number;
}

export type PublishActivityReq = ({ op: 'create'; activity: ActivityInput } & Idempotent) | ({ op: 'cancel'; id: string; reason: string } & Idempotent);

/**
 * QR payloads (plain text; the client draws them, `wx.scanCode` reads them back):
 * - a booking's or sign-up's own code: `honglin://booking/<8 digits>` (staff may also type the digits);
 * - a place's check-in poster: `honglin://checkin/place/<placeId>?k=<key>`;
 * - an activity's check-in/out code, shown by staff at the site: `honglin://checkin/activity/<activityId>?k=<key>`.
 * Keys are random and can be rotated by staff, so a photo of a poster does not outlive a rotation.
 */
export const BOOKING_QR_PREFIX = 'honglin://booking/';
export const PLACE_QR_PREFIX = 'honglin://checkin/place/';
export const ACTIVITY_QR_PREFIX = 'honglin://checkin/activity/';

/**
 * The working-day calendar (法定节假日与调休): `official` from the State Council's published
 * arrangement, `estimated` beyond it from the statutory rules (no 调休 guessed), `community` where the
 * community's staff confirmed or corrected the day. Slots, opening hours and deadlines all read it.
 */
export type DaySource = 'official' | 'estimated' | 'community';

export interface CalendarDay {
  date: string;
  /** 班 (true) or 休 (false). */
  workday: boolean;
  /** The festival a day off or a 调休 workday belongs to: 春节, 国庆节 … */
  name?: string;
  source: DaySource;
}

export interface CalendarHorizon {
  /** The last day of the official arrangement. */
  officialUntil: string;
  /** The last day the community confirmed or corrected beyond it. */
  confirmedUntil?: string;
  /** Within 60 days of the end of the confirmed calendar: staff should confirm the next year. */
  warn: boolean;
}

export interface BookingApi {
  services: { req: { placeId?: string; kind?: ServiceKind; includePaused?: boolean; cursor?: string; limit?: number }; res: Page<Service> };
  /** Days from `from` (default today) to `to` (default the horizon's last), at most 7 per call, within the horizon. */
  slots: { req: { serviceId: string; from?: string; to?: string }; res: { service: Service; days: SlotDay[] } };
  book: { req: { slotId: string; note?: string } & Idempotent; res: { booking: Booking } };
  /** A booking (bk_…) or an activity sign-up (su_…); staff may cancel others' with a reason. */
  cancel: { req: { id: string; reason?: string } & Idempotent; res: { booking?: Booking; signup?: Signup } };
  mine: {
    req: { kind?: 'bookings' | 'errands' | 'signups'; when?: 'upcoming' | 'past'; cursor?: string };
    res: Page<Booking | Errand | Signup> & { kind: 'bookings' | 'errands' | 'signups'; hours?: ServiceHoursSummary };
  };
  detail: { req: { id: string }; res: { booking?: Booking; errand?: Errand; signup?: Signup } };
  /** `code`: what was scanned or typed — a booking/sign-up code (staff), a place or activity QR (the person themself). */
  checkIn: { req: { code: string } & Idempotent; res: { booking?: Booking; signup?: Signup } };
  checkOut: { req: { code: string } & Idempotent; res: { signup: Signup; pointsAwarded: number } };
  schedule: {
    req: { date: string; serviceId?: string; placeId?: string; cursor?: string };
    res: Page<Booking> & { summary: Record<'booked' | 'checked_in' | 'no_show' | 'waitlisted' | 'cancelled', number> };
  };
  manageService: { req: ManageServiceReq; res: { service: Service } };
  /** Staff: the place's check-in poster text; `rotate` makes a new key (old posters stop working). */
  placeCode: { req: { placeId: string; rotate?: boolean } & Idempotent; res: { placeId: string; placeName: string; qr: string } };
  requestErrand: {
    req: { serviceId: string; description: string; papers?: string[]; address?: string; window?: TimeWindow; preferredTime?: string; contactPhone?: string } & Idempotent;
    res: { errand: Errand };
  };
  /** Staff and grid workers: the queue (staff: the community; grid workers: their grid) or what is assigned to the caller. */
  errands: { req: { scope?: 'queue' | 'assigned'; status?: ErrandStatus; cursor?: string }; res: Page<Errand> };
  workers: { req: Record<string, never>; res: { items: Worker[] } };
  /** Without `assigneeId` the caller takes the errand; staff assign (or reassign, with a reason). */
  assignErrand: { req: { id: string; assigneeId?: string; reason?: string } & Idempotent; res: { errand: Errand } };
  /** `minutes`: a 红色代办员's time on it when done (a home visit's window, else 60, by default). */
  updateErrand: { req: { id: string; op: 'done' | 'cancel' | 'note'; note?: string; minutes?: number } & Idempotent; res: { errand: Errand } };
  /** The worker in hand reads the requester's full phone for a call; each read is audited. */
  contact: { req: { id: string }; res: ContactPhone };
  rateErrand: { req: { id: string; stars: number; comment?: string } & Idempotent; res: { errand: Errand } };
  activities: { req: { when?: 'upcoming' | 'past'; category?: ActivityCategory; cursor?: string }; res: Page<Activity> };
  publishActivity: { req: PublishActivityReq; res: { activity: Activity } };
  signUp: { req: { activityId: string } & Idempotent; res: { signup: Signup } };
  /** Staff: who signed up for an activity, with check-in/out and hours. */
  roster: { req: { activityId: string; cursor?: string }; res: Page<Signup> & { activity: Activity } };
  /** Any member: the days from `from` to `to` (at most 62), and how far the calendar is confirmed. */
  calendar: { req: { from: string; to: string }; res: { days: CalendarDay[]; horizon: CalendarHorizon } };
  /** Staff: confirm or correct one day (a 调休 workday on a weekend, a holiday); `name` the festival. */
  setCalendarDay: { req: { date: string; workday: boolean; name?: string } & Idempotent; res: { day: CalendarDay; horizon: CalendarHorizon } };
  /** Staff: drop the community's correction; the day is official or estimated again. */
  clearCalendarDay: { req: { date: string } & Idempotent; res: { day: CalendarDay; horizon: CalendarHorizon } };
}
