import type { ActivityCategory, BookingStatus, ErrandStatus, ServiceKind, SignupStatus } from '../../typings/booking';

// Runtime copies of the contract (DevTools cannot load modules outside miniprogramRoot).
export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = { appointment: '预约办理', proxy: '代办', home_visit: '上门帮办' };

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  waitlisted: '候补中',
  checked_in: '已签到',
  cancelled: '已取消',
  no_show: '未到',
  expired: '候补未成功',
};

export const ERRAND_STATUS_LABELS: Record<ErrandStatus, string> = {
  submitted: '待受理',
  accepted: '办理中',
  done: '已办结',
  rated: '已评价',
  cancelled: '已取消',
};

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  signed_up: '已报名',
  waitlisted: '候补中',
  checked_in: '已签到',
  checked_out: '已签退',
  cancelled: '已取消',
  absent: '未到',
  expired: '候补未成功',
};

export const ACTIVITY_CATEGORIES: ActivityCategory[] = ['环境整治', '理论宣讲', '助老助残', '文明劝导', '医疗保健', '平安巡防', '文化活动', '其他'];

export const BOOKING_QR_PREFIX = 'honglin://booking/';
export const PLACE_QR_PREFIX = 'honglin://checkin/place/';
export const ACTIVITY_QR_PREFIX = 'honglin://checkin/activity/';

/** The residents' booking pages. detail is what every booking notice opens; the map links to service. */
export const BOOKING_PAGES = {
  index: '/pages/booking/index/index',
  service: '/pages/booking/service/index',
  detail: '/pages/booking/detail/index',
  mine: '/pages/booking/mine/index',
  errand: '/pages/booking/errand/index',
};

/** Limits the server enforces (server/booking/schemas.ts), checked here first. */
export const ERRAND_LIMITS = { description: 300, address: 60, paper: 20, papers: 10, visitDays: 30 };
export const RATE_COMMENT_MAX = 200;

/** Papers people commonly hand over for 代办, offered as chips. */
export const COMMON_PAPERS = ['身份证复印件', '户口本', '社保卡', '医保卡', '一寸照片', '银行卡复印件', '残疾证', '老年证'];

/** Wished time windows for a home visit. */
export const VISIT_WINDOWS = [
  { key: 'am', label: '上午 8:30-11:30', from: '08:30', to: '11:30' },
  { key: 'pm', label: '下午 14:00-17:00', from: '14:00', to: '17:00' },
  { key: 'day', label: '全天都可以', from: '08:30', to: '17:00' },
];

/** A colour family per status, used as a class name (status-open, …). */
export const BOOKING_TONES: Record<BookingStatus, string> = {
  booked: 'open',
  waitlisted: 'wait',
  checked_in: 'done',
  cancelled: 'off',
  no_show: 'warn',
  expired: 'off',
};

export const ERRAND_TONES: Record<ErrandStatus, string> = { submitted: 'wait', accepted: 'open', done: 'done', rated: 'done', cancelled: 'off' };

export const SIGNUP_TONES: Record<SignupStatus, string> = {
  signed_up: 'open',
  waitlisted: 'wait',
  checked_in: 'done',
  checked_out: 'done',
  cancelled: 'off',
  absent: 'warn',
  expired: 'off',
};

export type ScanKind = 'personal' | 'place' | 'activity';

const KEYED = /^[\w-]{1,64}\?k=[A-Za-z0-9]{12}$/;

/** What kind of 红邻 code a scan read, or undefined for anything else (the server reads it again). */
export function scanKind(text: string): ScanKind | undefined {
  const s = text.trim();
  if (/^\d{8}$/.test(s) || new RegExp(`^${BOOKING_QR_PREFIX}\\d{8}$`).test(s)) return 'personal';
  if (s.startsWith(PLACE_QR_PREFIX) && KEYED.test(s.slice(PLACE_QR_PREFIX.length))) return 'place';
  if (s.startsWith(ACTIVITY_QR_PREFIX) && KEYED.test(s.slice(ACTIVITY_QR_PREFIX.length))) return 'activity';
  return undefined;
}

/** A person's booking or sign-up code, typed (spaces allowed) or scanned; undefined if it is none. */
export function personalCode(text: string): string | undefined {
  const s = text.replace(/\s+/g, '');
  if (/^\d{8}$/.test(s)) return s;
  const m = new RegExp(`^${BOOKING_QR_PREFIX}(\\d{8})$`).exec(s);
  return m ? m[1] : undefined;
}

/** 12345678 → '1234 5678', easier to read out at the desk. */
export function spacedCode(code: string | undefined): string {
  return code ? `${code.slice(0, 4)} ${code.slice(4)}` : '';
}

/** 150 minutes → '2.5'. */
export function hoursText(minutes: number | undefined): string {
  return String(Math.round((minutes ?? 0) / 6) / 10);
}

/** Stars as characters: 4 → '★★★★☆'. */
export function starsText(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));
}

export const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];
