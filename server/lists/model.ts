import type {
  AssigneeKind,
  CapacityPeriod,
  DeadlineHours,
  EscalationLevel,
  LatLng,
  ListEvent,
  MatchJobStatus,
  MatchSummary,
  NeedSource,
  NeedStatus,
  ProjectStatus,
  ProviderKind,
  ResourceStatus,
  ServiceArea,
  SpecialGroup,
  SuggestionStatus,
  TicketKind,
  ServiceCategory,
  TicketStatus,
  Urgency,
  VisitGroup,
} from '../../typings/lists';
import type { WishCategory } from '../../typings/wish';
import type { Hold } from '../core/screen';
import type { ChangeEvent } from '../platform/events';

export const NEEDS = 'needs';
export const RESOURCES = 'resources';
export const PROJECTS = 'projects';
export const TICKETS = 'tickets';
/** Who, when, from, to, why of every change to a need, resource, project, ticket or suggestion. */
export const EVENTS = 'list_events';
/** Taken capacity per resource and period: `${resourceId}.${periodKey}`, written in the accepting transaction. */
export const USAGE = 'resource_usage';
export const JOBS = 'match_jobs';
/** A finished job's suggestions in chunks of CHUNK: `${jobId}.c${k}` (immutable once written). */
export const RESULTS = 'match_results';
/** A match job's input and solver progress between invocations (server/lists/jobprogress.ts). */
export const PROGRESS = 'match_progress';
/** Staff's decision on one suggestion: `${jobId}.${index}`. */
export const DECISIONS = 'match_decisions';
/** Per community: the active match job, the wish-sync watermark, the secretary and grid leaders. */
export const STATE = 'lists_state';

export const CHUNK = 100;


/**
 * 微心愿 categories → the service categories each one really covers, the first being the one the
 * need is listed under. A wish names a broad category, not a skill: its need matches a resource
 * offering any of these as a related category (类别相符, a weaker fit), never as 技能匹配, and never
 * one outside its list. Reviewed per category:
 * - 生活物资: goods given or bought for the resident, or hardship help;
 * - 助老助残: care of the elderly and disabled, meals, errands, escort to the doctor;
 * - 儿童关爱: the only one that means children's care and homework help;
 * - 医疗健康: clinics, escort to the doctor, health talks, someone to talk to;
 * - 文化学习: adults learning phones and computers, culture and arts — not children's tutoring;
 * - 维修帮办: every kind of repair;
 * - 其他: too open to guess, so hardship help only.
 */
export const WISH_CATEGORY_MAP: Readonly<Record<WishCategory, readonly [ServiceCategory, ...ServiceCategory[]]>> = {
  生活物资: ['物资捐赠', '代买代办', '困难帮扶'],
  助老助残: ['助老服务', '助残服务', '送餐助餐', '代买代办', '陪同就医'],
  儿童关爱: ['儿童托管', '课业辅导', '心理疏导'],
  医疗健康: ['医疗义诊', '陪同就医', '健康讲座', '心理疏导'],
  文化学习: ['电脑手机教学', '文艺活动'],
  维修帮办: ['水电维修', '家电维修', '管道疏通', '房屋修缮'],
  其他: ['困难帮扶'],
};

/** The category a wish's need is listed under. */
export const wishNeedCategory = (c: WishCategory): ServiceCategory => (WISH_CATEGORY_MAP[c] ?? WISH_CATEGORY_MAP.其他)[0];

export interface NeedDoc {
  _id: string;
  communityId: string;
  source: NeedSource;
  category: string;
  title: string;
  detail?: string;
  gridId?: string;
  address?: string;
  location?: LatLng;
  photos: string[];
  urgency: Urgency;
  people: number;
  status: NeedStatus;
  /** The resident who raised it (request) or published the wish; they rate the ticket. */
  requesterId?: string;
  requesterName?: string;
  visitGroup?: VisitGroup;
  /** 特殊群体: its ticket comes first and counts toward the special groups' response rate. */
  special?: SpecialGroup;
  wishId?: string;
  /** 红色物业: the requester's 小区, for a request in a property category; its ticket goes to the property company. */
  compoundId?: string;
  /** The wish's own category: its need matches the service categories it covers, as related ones. */
  wishCategory?: WishCategory;
  /** The wish's status when last synced. */
  wishStatus?: string;
  ticketId?: string;
  projectId?: string;
  resourceId?: string;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface ResourceDoc {
  _id: string;
  communityId: string;
  title: string;
  description?: string;
  providerKind: ProviderKind;
  /** unit: the unit id; team: the resource's own id; volunteer: the user id. Load is balanced per provider. */
  providerId: string;
  providerName: string;
  unitId?: string;
  /** Team members, who take the team's tickets. */
  memberIds?: string[];
  /** The volunteer offering it. */
  userId?: string;
  /** A unit's offer from its 双报到 registration (party_registrations), listed when staff confirmed it. */
  registrationId?: string;
  categories: string[];
  capacity: number;
  period: CapacityPeriod;
  area: ServiceArea;
  availability?: string;
  status: ResourceStatus;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface UsageDoc {
  _id: string;
  communityId: string;
  resourceId: string;
  periodKey: string;
  used: number;
}

export interface ProjectDoc {
  _id: string;
  communityId: string;
  title: string;
  description: string;
  category: string;
  gridIds: string[];
  status: ProjectStatus;
  ownerUnitId?: string;
  needIds: string[];
  people: number;
  plannedStart?: string;
  plannedEnd?: string;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface Assignee {
  kind: AssigneeKind;
  userId?: string;
  unitId?: string;
  resourceId?: string;
  /** Team members (a snapshot at dispatch): any of them may take it. */
  memberIds?: string[];
  /** property: the 小区 whose property company works it. */
  compoundId?: string;
  /** 网格员 周** / 共建单位 东台市人民医院 / 党员志愿服务队 …, as residents read it. */
  label: string;
  /** 网格员 周海燕: the person's full name, for the community's staff (absent for units and teams). */
  staffLabel?: string;
}

export interface TicketClock {
  /** When the clock started (submission, or the ticket's creation from a need). */
  startAt: number;
  acceptBy?: number;
  /** Start of the running resolve window (startAt, or the reopening). */
  resolveFrom: number;
  resolveBy: number;
  /** How its hours windows count, as the community had it when the clock was set (absent: working hours). */
  hours?: DeadlineHours;
}

export interface TicketDoc {
  _id: string;
  communityId: string;
  needId: string;
  source: NeedSource;
  wishId?: string;
  gridId?: string;
  title: string;
  category: string;
  detail?: string;
  address?: string;
  photos: string[];
  urgency: Urgency;
  people: number;
  requesterId?: string;
  requesterName?: string;
  /** 特殊群体, copied from the need (and kept in step with it). */
  special?: SpecialGroup;
  /** 红色物业: the 小区 of the request, kept whoever it is dispatched to (the property company's quarterly figures count it). */
  compoundId?: string;
  /** 催办: how often staff or the resident pressed for it, and when last. */
  hurries?: number;
  hurriedAt?: number;
  kind: TicketKind;
  status: TicketStatus;
  level: EscalationLevel;
  assignee?: Assignee;
  clock: TicketClock;
  /** Resolve cycles: 1, then +1 each time a low rating reopens it. */
  cycle: number;
  /** Keys of the alerts already sent (each fires once): `${phase}${cycle}.${warn|leader|secretary}`. */
  alerts: string[];
  /** Derived on every write: who may work it (`user:<id>`, `unit:<id>`), for the task list. */
  workerKeys?: string[];
  /** Derived on every write: 1 for a special group, 0 otherwise; queues sort on it first (descending). */
  priority?: number;
  /** When it went up to the county (县(区)委提级包案). */
  countyAt?: number;
  /** Derived on every write: the running deadline, the next alert, the auto-close instant. */
  dueAt?: number;
  nextAlertAt?: number;
  closeAt?: number;
  /** A deadline was missed at some point (sticky, for the on-time rate). */
  late: boolean;
  dispatchedAt?: number;
  acceptedAt?: number;
  acceptedBy?: string;
  resolvedAt?: number;
  resolvedBy?: string;
  closedAt?: number;
  resolution?: { note: string; photos: string[]; at: number; byLabel: string };
  rating?: { stars: number; comment?: string; at: number };
  /** The request's text could not be checked: it waits for staff, who end the hold by dispatching. */
  hold?: Hold;
  reopenCount: number;
  /** The capacity taken for this ticket, released if it is cancelled before being resolved. */
  usage?: { id: string; resourceId: string };
  pointsAwarded?: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export type EventTarget = 'need' | 'resource' | 'project' | 'ticket' | 'suggestion' | 'job' | 'settings' | 'export';
/** The lists' events always say which side changed ('status' by default). */
export type EventDoc = ChangeEvent<EventTarget, ListEvent['field']> & { field: ListEvent['field'] };

export interface JobDoc {
  _id: string;
  communityId: string;
  status: MatchJobStatus;
  requestedBy: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  /** While running: another worker may take it over after this instant. */
  leaseUntil?: number;
  attempts: number;
  /** Invocations that ran out of their solve time and left progress for the next. */
  slices?: number;
  error?: string;
  summary?: MatchSummary;
  chunks?: number;
  count?: number;
  projects?: Array<{ category: string; gridId: string; needIds: string[]; people: number; maxUrgency: Urgency; explanation: string }>;
}

/** One suggestion as stored in a result chunk, with what a list page shows of its need and resource. */
export interface StoredSuggestion {
  needId: string;
  resourceId: string;
  providerId: string;
  score: number;
  reasons: string[];
  explanation: string;
  need: { title: string; category: string; gridId?: string; urgency: Urgency; people: number; source: NeedSource };
  resource: { title: string; providerName: string; providerKind: ProviderKind };
}

export interface ResultChunkDoc {
  _id: string;
  jobId: string;
  communityId: string;
  index: number;
  items: StoredSuggestion[];
}

export interface DecisionDoc {
  _id: string;
  jobId: string;
  communityId: string;
  index: number;
  needId: string;
  status: Exclude<SuggestionStatus, 'proposed'>;
  resourceId?: string;
  ticketId?: string;
  projectId?: string;
  why?: string;
  byUserId: string;
  byLabel: string;
  at: number;
}

export interface StateDoc {
  _id: string;
  activeJobId?: string;
  /** Wishes updated at or after this instant are looked at again by the sync. */
  wishesSince?: number;
  secretaryId?: string;
  gridLeaders?: Record<string, string>;
  /** 简单事项24小时办结 counted in natural hours (absent) or working-day hours. */
  deadlineHours?: DeadlineHours;
  updatedAt?: number;
}
