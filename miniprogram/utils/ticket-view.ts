import type { EscalationLevel, ListEvent, SpecialGroup, TicketCard, TicketDetail, TicketKind, TicketPermission, TicketStatus } from '../../typings/lists';
import type { Role } from '../../typings/user';
import type { TaskContact } from '../../typings/contact';
import { STAR_WORDS, starsText } from './booking';
import type { EventView } from './booking-view';
import { friendlyDay, friendlyTime, inShanghai, shanghaiDate } from './date';
import { type Tone, URGENCY_LABELS } from './lists-view';

// Runtime copies of the contract and of the server's rules (server/lists/deadlines.ts, tickets.ts):
// DevTools cannot load modules outside miniprogramRoot.

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '待派单',
  dispatched: '待接单',
  accepted: '办理中',
  resolved: '待评价',
  closed: '已办结',
  cancelled: '已撤销',
};

/** The same statuses as the resident who raised the request reads them. */
export const RESIDENT_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '已收到',
  dispatched: '已安排人办理',
  accepted: '正在办理',
  resolved: '已办好，请评价',
  closed: '已办结',
  cancelled: '已撤销',
};

const TICKET_TONES: Record<TicketStatus, Tone> = { submitted: 'wait', dispatched: 'wait', accepted: 'open', resolved: 'open', closed: 'done', cancelled: 'off' };

export const TICKET_KIND_LABELS: Record<TicketKind, string> = { simple: '简单事项', complex: '复杂问题', difficult: '疑难问题' };

/** The time limits of each kind, on the working-day calendar. */
export const TICKET_KIND_RULES: Record<TicketKind, string> = {
  simple: '24小时内办结，按工作日计时，周末和节假日顺延',
  complex: '3个工作日内接单响应，10个工作日内办结',
  difficult: '提级由社区书记包案：1个工作日内接单，20个工作日内办结',
};

export const LEVEL_LABELS: Record<EscalationLevel, string> = { grid: '网格办理', leader: '网格长督办', secretary: '社区书记包案', county: '已提交县(区)级包案办理' };

/** 特殊群体, as chosen on 我要反映 and shown as a label in queues (a runtime copy of SPECIAL_GROUPS). */
export const SPECIAL_GROUP_CHOICES: SpecialGroup[] = ['空巢独居老人', '残疾人', '困难群众', '留守妇女儿童'];

/** The county's own windows (server/lists/deadlines.ts COUNTY_SLA). */
export const COUNTY_RULE = '县(区)委包案：1个工作日内接手，20个工作日内办结';

/** Limits the server enforces (server/lists), checked on the page first. */
export const TICKET_LIMITS = { title: 30, detail: 500, address: 60, people: 500, photos: 6, note: 300, reason: 200, comment: 200 };

/** Roles that may have tickets dispatched to them: grid workers, agents (volunteers), unit members, and staff (包案). */
export const TASK_ROLES: Role[] = ['grid_worker', 'volunteer', 'unit_member', 'staff', 'admin'];

export function mayHaveTasks(roles: Role[]): boolean {
  return roles.some((r) => TASK_ROLES.includes(r));
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The instant as people read it: 00:00 sharp is the end of the day before (24 working hours from a
 * Monday 00:00 end with Monday, not "Tuesday 00:00前").
 */
function asRead(at: number): number {
  return inShanghai(at).format('HH:mm:ss.SSS') === '00:00:00.000' ? at - 1 : at;
}

/** A working-days deadline runs to the end of its day (23:59:59.999 in Shanghai). */
function isEndOfDay(at: number): boolean {
  const d = inShanghai(at);
  return d.hour() === 23 && d.minute() === 59;
}

/** '明天 14:30前', or '3月8日（周五）当天内' for a deadline at the end of a day. */
export function deadlineText(deadline: number, now: number = Date.now()): string {
  const at = asRead(deadline);
  return isEndOfDay(at) ? `${friendlyDay(at, now)}当天内` : `${friendlyDay(at, now)} ${inShanghai(at).format('HH:mm')}前`;
}

export type BadgeTone = 'late' | 'soon' | 'ok';

export interface DueBadge {
  text: string;
  tone: BadgeTone;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * How much time a running deadline leaves, in a few words: 已超时, 今天到期 (a deadline at the end of
 * today), 剩 X 小时 (within a day), 明天到期, 剩 N 天. Null when no deadline runs.
 */
export function dueBadge(dueAt: number | undefined, now: number, overdue = false): DueBadge | null {
  if (dueAt === undefined) return null;
  if (overdue || dueAt < now) return { text: '已超时', tone: 'late' };
  const left = dueAt - now;
  const days = daysBetween(shanghaiDate(now), shanghaiDate(asRead(dueAt)));
  if (days === 0 && isEndOfDay(asRead(dueAt))) return { text: '今天到期', tone: 'soon' };
  if (left < HOUR_MS) return { text: '剩不到 1 小时', tone: 'soon' };
  if (left < DAY_MS) return { text: `剩 ${Math.floor(left / HOUR_MS)} 小时`, tone: 'soon' };
  if (days === 1) return { text: '明天到期', tone: 'ok' };
  return { text: `剩 ${days} 天`, tone: 'ok' };
}

const PHASE_WORDS = { accept: '接单', resolve: '办结' } as const;

/** The running deadline as the resident reads it: '预计明天 14:30前办好', '明天当天内有人接手'. */
export function residentDueLine(t: Pick<TicketCard, 'dueAt' | 'duePhase'>, now: number = Date.now()): string {
  if (t.dueAt === undefined) return '';
  const when = deadlineText(t.dueAt, now);
  return t.duePhase === 'accept' ? `${when}会有人接手办理` : `预计${when}办好`;
}

/** '须于明天 14:30前办结', or '' when no deadline runs. */
export function dueLine(t: Pick<TicketCard, 'dueAt' | 'duePhase'>, now: number = Date.now()): string {
  return t.dueAt === undefined ? '' : `须于${deadlineText(t.dueAt, now)}${PHASE_WORDS[t.duePhase ?? 'resolve']}`;
}

export interface TicketCardView extends TicketCard {
  statusLabel: string;
  tone: Tone;
  kindLabel: string;
  urgencyLabel: string;
  /** 较急 or 紧急: shown as a tag. */
  urgent: boolean;
  /** When it was raised: 3月5日 14:30. */
  submitted: string;
  dueText: string;
  badge: DueBadge | null;
  /** '已退回重新办理1次', or ''. */
  reopenedText: string;
  /** '特殊群体·空巢独居老人', or ''. */
  specialLabel: string;
}

export function toTicketCardView(t: TicketCard, now = Date.now()): TicketCardView {
  return {
    ...t,
    statusLabel: TICKET_STATUS_LABELS[t.status] ?? t.status,
    tone: TICKET_TONES[t.status] ?? 'off',
    kindLabel: TICKET_KIND_LABELS[t.kind] ?? t.kind,
    urgencyLabel: URGENCY_LABELS[t.urgency] ?? '',
    urgent: t.urgency >= 2,
    submitted: friendlyTime(t.createdAt, now),
    dueText: dueLine(t, now),
    badge: dueBadge(t.dueAt, now, t.overdue),
    reopenedText: t.reopened > 0 ? `已退回重新办理${t.reopened}次` : '',
    specialLabel: t.special ? `特殊群体·${t.special}` : '',
  };
}

/** A ticket card as its own resident reads it: plain statuses and the promise, not the office's deadline. */
export function forResident<V extends TicketCardView>(v: V, now: number = Date.now()): V {
  return { ...v, statusLabel: RESIDENT_STATUS_LABELS[v.status] ?? v.statusLabel, dueText: residentDueLine(v, now) };
}

const STATUS_MOVES: Record<TicketStatus, string> = {
  submitted: '反映了问题',
  dispatched: '安排了办理人',
  accepted: '已接单，正在办理',
  resolved: '已办好',
  closed: '评价后办结',
  cancelled: '撤销了诉求',
};

/** What one event of the timeline did, in words (the doer is put in front by the timeline). */
export function eventMove(e: ListEvent): string {
  switch (e.field) {
    case 'status':
      if (e.from === 'resolved' && e.to === 'accepted') return '不满意，退回重新办理';
      if (e.from === 'dispatched' && e.to === 'dispatched') return '换了办理人';
      return STATUS_MOVES[e.to as TicketStatus] ?? e.to;
    case 'level':
      return `提级：${LEVEL_LABELS[e.to as EscalationLevel] ?? e.to}`;
    case 'assignee':
      return `交给${e.to}办理`;
    case 'kind':
      return `改为${TICKET_KIND_LABELS[e.to as TicketKind] ?? e.to}`;
    case 'alert':
      return '提醒办理人抓紧办理';
    case 'note':
      return '更新了包案进展';
    default:
      return '更新了信息';
  }
}

/** The timeline in sentences: 网格员 周**已接单，正在办理. */
export function toTicketEventViews(events: ListEvent[], now: number = Date.now()): EventView[] {
  return events.map((e, i) => ({ key: `${e.at}-${i}`, move: `${e.by}${eventMove(e)}`, time: friendlyTime(e.at, now), by: e.by, why: e.why ?? '' }));
}

export interface DeadlineView {
  key: 'accept' | 'resolve';
  label: string;
  text: string;
  /** The deadline running now. */
  running: boolean;
}

export interface TicketDetailView extends TicketCardView {
  detail: string;
  photos: string[];
  address: string;
  requester: string;
  /** The resident, to whoever works it while it is live: name, masked phone with 拨打, address with 导航. */
  contact: TaskContact | null;
  kindRule: string;
  /** 网格长督办 / 社区书记包案 once it went up; '' at the grid. */
  levelText: string;
  deadlines: DeadlineView[];
  resolution: { note: string; photos: string[]; time: string; by: string } | null;
  rating: { stars: string; word: string; comment: string } | null;
  pointsAwarded: number;
  timeline: EventView[];
  may: Record<TicketPermission, boolean>;
  mine: boolean;
  /** From a 微心愿: worked on the wish wall, not here. */
  fromWish: boolean;
  wishId: string;
}

export function toTicketDetailView(t: TicketDetail, image: (fileId: string) => string, now = Date.now()): TicketDetailView {
  const may: Record<TicketPermission, boolean> = { dispatch: false, accept: false, resolve: false, rate: false, escalate: false, escalateCounty: false, note: false, cancel: false, hurry: false };
  for (const p of t.can) may[p] = true;
  const open = t.status === 'submitted' || t.status === 'dispatched' || t.status === 'accepted';
  const deadlines: DeadlineView[] = [];
  if (open && t.deadlines.acceptBy !== undefined) {
    deadlines.push({ key: 'accept', label: '接单时限', text: deadlineText(t.deadlines.acceptBy, now), running: t.duePhase === 'accept' });
  }
  if (open) deadlines.push({ key: 'resolve', label: '办结时限', text: deadlineText(t.deadlines.resolveBy, now), running: t.duePhase === 'resolve' });
  return {
    ...toTicketCardView(t, now),
    detail: t.detail ?? '',
    photos: t.photos.map(image),
    address: t.address ?? '',
    requester: t.requester ?? '',
    contact: t.contact ?? null,
    kindRule: t.level === 'county' ? COUNTY_RULE : (TICKET_KIND_RULES[t.kind] ?? ''),
    levelText: t.level === 'grid' ? '' : LEVEL_LABELS[t.level],
    deadlines,
    resolution: t.resolution ? { note: t.resolution.note, photos: t.resolution.photos.map(image), time: friendlyTime(t.resolution.at, now), by: t.resolution.by } : null,
    rating: t.rating ? { stars: starsText(t.rating.stars), word: STAR_WORDS[t.rating.stars] ?? '', comment: t.rating.comment ?? '' } : null,
    pointsAwarded: t.pointsAwarded ?? 0,
    timeline: toTicketEventViews(t.timeline, now),
    may,
    mine: t.mine,
    fromWish: !!t.wishId,
    wishId: t.wishId ?? '',
  };
}

/** The forms of the ticket page: what is asked, and what must be filled in. */
export type TicketFormKey = 'resolve' | 'rate' | 'escalate' | 'escalateCounty' | 'note' | 'cancel';

export interface TicketFormSpec {
  title: string;
  placeholder: string;
  max: number;
  required: boolean;
  /** Said when a required text is missing. */
  missing: string;
  photos: boolean;
  stars: boolean;
  submit: string;
}

export const TICKET_FORMS: Record<TicketFormKey, TicketFormSpec> = {
  resolve: { title: '办结', placeholder: '写一写怎么办的、办成什么样了', max: TICKET_LIMITS.note, required: true, missing: '请填写办理情况', photos: true, stars: false, submit: '提交办结' },
  rate: { title: '评价办理结果', placeholder: '说几句评价（可不填）', max: TICKET_LIMITS.comment, required: false, missing: '', photos: false, stars: true, submit: '提交评价' },
  escalate: { title: '提级包案', placeholder: '请说明为什么需要提级，如：涉及多个部门、网格内解决不了', max: TICKET_LIMITS.reason, required: true, missing: '请填写提级原因', photos: false, stars: false, submit: '提级' },
  escalateCounty: { title: '提级县(区)委包案', placeholder: '请说明社区为什么解决不了，如：涉及多个部门、需要县里协调', max: TICKET_LIMITS.reason, required: true, missing: '请填写提级原因', photos: false, stars: false, submit: '提交县(区)级' },
  note: { title: '包案进展', placeholder: '写一写办到哪一步了，社区和居民都能看到', max: TICKET_LIMITS.reason, required: true, missing: '请填写包案进展', photos: false, stars: false, submit: '保存进展' },
  cancel: { title: '撤销诉求', placeholder: '请填写撤销原因，如：问题已自行解决', max: TICKET_LIMITS.reason, required: true, missing: '请填写撤销原因', photos: false, stars: false, submit: '撤销' },
};

/** 1–2 stars mean the matter is not done: the resident says why, and the ticket goes back to be worked again. */
export const LOW_STARS = 2;

/** The problem with a rating before it is sent, or null. */
export function ratingProblem(stars: number, reason: string): string | null {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return '请选择1到5颗星';
  if (stars <= LOW_STARS && !reason.trim()) return '评价1–2星时请说明不满意的原因';
  if (reason.trim().length > TICKET_LIMITS.reason) return `原因不能超过${TICKET_LIMITS.reason}个字`;
  return null;
}
