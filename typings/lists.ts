import type { Idempotent, Page } from './api';
import type { ContactPhone, TaskContact } from './contact';

/**
 * 三张清单: the needs list (需求清单), the resources list (资源清单) and the projects list (项目清单),
 * matched "动态对接、精准认领", and the dispatch tickets of 集单—派单—接单—办结—评单.
 * The `lists` cloud function; every action is `{ action, ...req }` → `Result<res>`.
 */

/** Service categories shared by needs and resources (the matching engine's categories). */
export const SERVICE_CATEGORIES = [
  '助老服务', '助残服务', '送餐助餐', '代买代办', '陪同就医',
  '医疗义诊', '健康讲座', '心理疏导', '儿童托管', '课业辅导',
  '文艺活动', '体育健身', '电脑手机教学', '法律咨询', '政策咨询',
  '矛盾调解', '就业指导', '困难帮扶', '物资捐赠', '水电维修',
  '家电维修', '管道疏通', '房屋修缮', '环境清洁', '绿化养护',
  '垃圾分类', '安全巡查', '消防宣传', '反诈宣传', '理发义剪',
  '停车', '电梯', '公共设施维修', '其他',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** A request under 其他 says what it is about: its detail is required. */
export const OTHER_CATEGORY = '其他' satisfies ServiceCategory;

/**
 * 红色物业: requests in these categories go to the property company of the requester's 小区
 * (common-area repairs, cleaning, greening, parking, lifts), through the same dispatch loop.
 */
export const PROPERTY_CATEGORIES = ['公共设施维修', '环境清洁', '绿化养护', '停车', '电梯'] as const satisfies readonly ServiceCategory[];

/** 1 一般 · 2 较急 · 3 紧急 */
export type Urgency = 1 | 2 | 3;

export interface LatLng {
  lat: number;
  lng: number;
}

// ---------------------------------------------------------------- needs (需求清单)

/**
 * wish: an approved 微心愿 (automatic) · request: a resident's 诉求 · visit: entered by staff from
 * 走访/五必访 · grid: 网格发现, a problem a grid worker (full or part-time) saw on the way (随手拍) ·
 * survey: the residents of a grid who asked for one service in a closed 问卷, as one need with their count.
 */
export const NEED_SOURCES = ['wish', 'request', 'visit', 'grid', 'survey'] as const;
export type NeedSource = (typeof NEED_SOURCES)[number];

export type NeedStatus =
  /** Waiting for a resource (matching, dispatch). */
  | 'open'
  /** A ticket was dispatched for it. */
  | 'assigned'
  /** Someone accepted it / claimed the wish. */
  | 'in_progress'
  /** Bundled into a project. */
  | 'in_project'
  | 'done'
  /** Withdrawn, taken down or closed by staff. */
  | 'closed';

/** 五必访: the groups grid workers must visit. */
export const VISIT_GROUPS = ['困难人群', '流动人口', '空巢独居老人', '特殊人群', '留守妇女儿童'] as const;
export type VisitGroup = (typeof VISIT_GROUPS)[number];

/**
 * 特殊群体: people whose requests the community answers without fail (特殊群体服务响应率达100%),
 * flagged on a request by the resident or on a need by staff; their tickets come first in queues.
 */
export const SPECIAL_GROUPS = ['空巢独居老人', '残疾人', '困难群众', '留守妇女儿童'] as const;
export type SpecialGroup = (typeof SPECIAL_GROUPS)[number];

export interface NeedCard {
  id: string;
  source: NeedSource;
  category: string;
  title: string;
  gridId?: string;
  gridName?: string;
  urgency: Urgency;
  /** How many residents want it (同求 for wishes). */
  people: number;
  status: NeedStatus;
  /** Masked: 居民 王**. */
  requester?: string;
  visitGroup?: VisitGroup;
  special?: SpecialGroup;
  wishId?: string;
  ticketId?: string;
  projectId?: string;
  /** Whole days since it was raised. */
  waitedDays: number;
  createdAt: number;
  updatedAt: number;
}

export interface NeedDetail extends NeedCard {
  detail?: string;
  /** Only for staff and the grid's worker. */
  address?: string;
  photos: string[];
  timeline: ListEvent[];
}

export interface NeedInput {
  category: ServiceCategory;
  title: string;
  detail?: string;
  gridId: string;
  address?: string;
  location?: LatLng;
  urgency?: Urgency;
  people?: number;
  visitGroup?: VisitGroup;
  /** Defaults from the 五必访 group (空巢独居老人, 困难人群 → 困难群众, 留守妇女儿童) when left out. */
  special?: SpecialGroup;
  photos?: string[];
}

// ---------------------------------------------------------------- resources (资源清单)

/** unit: a co-building unit (共建单位) · team: a volunteer team (党员志愿服务队, 红色代办员) · volunteer: one person. */
export type ProviderKind = 'unit' | 'team' | 'volunteer';
export type ResourceStatus = 'active' | 'paused' | 'retired';
/** Capacity is counted per week or per month (Asia/Shanghai, weeks from Monday). */
export type CapacityPeriod = 'week' | 'month';

/** Where a resource serves: the grids listed, or within `radiusM` of `center`, or both. */
export interface ServiceArea {
  gridIds?: string[];
  center?: LatLng;
  radiusM?: number;
}

export interface ResourceInput {
  title: string;
  description?: string;
  providerKind: ProviderKind;
  /** For a unit's resource (a unit member may only give their own unit). */
  unitId?: string;
  /** For a team: its name (党员志愿服务队 …) and the user ids of its members, who take its tickets. */
  teamName?: string;
  memberIds?: string[];
  /** For a volunteer's own resource entered by staff (a volunteer entering their own leaves it out). */
  userId?: string;
  categories: ServiceCategory[];
  /** Needs it can take per period (1–50). */
  capacity: number;
  period: CapacityPeriod;
  area: ServiceArea;
  /** 每周三上午, 工作日晚上 … */
  availability?: string;
}

export interface ResourceView {
  id: string;
  title: string;
  description?: string;
  providerKind: ProviderKind;
  providerName: string;
  unitId?: string;
  categories: string[];
  capacity: number;
  period: CapacityPeriod;
  /** Taken in the current period. */
  used: number;
  area: ServiceArea;
  areaLabel: string;
  availability?: string;
  status: ResourceStatus;
  memberCount?: number;
  /** Whether the caller may edit it. */
  editable: boolean;
  updatedAt: number;
}

// ---------------------------------------------------------------- projects (项目清单)

export const PROJECT_STATUSES = ['planned', 'recruiting', 'in_progress', 'done', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type ProjectPermission = 'edit' | 'publish' | 'claim' | 'start' | 'complete' | 'cancel';

export interface ProjectView {
  id: string;
  title: string;
  description: string;
  category: string;
  gridIds: string[];
  gridNames: string[];
  status: ProjectStatus;
  /** The unit that took it on (认领). */
  ownerUnit?: { id: string; name: string };
  needCount: number;
  people: number;
  plannedStart?: string;
  plannedEnd?: string;
  createdAt: number;
  updatedAt: number;
  can: ProjectPermission[];
}

export interface ProjectDetail extends ProjectView {
  needs: NeedCard[];
  timeline: ListEvent[];
}

// ---------------------------------------------------------------- matching

export type MatchJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface MatchSummary {
  needs: number;
  resources: number;
  /** Feasible need–resource pairs. */
  pairs: number;
  matched: number;
  unmatched: number;
  /** The objective of the optimal assignment. */
  total: number;
  /** The first-come baseline on the same lists, for comparison. */
  greedyMatched: number;
  greedyTotal: number;
  projectSuggestions: number;
  /** Solver time in ms. */
  solveMs: number;
}

export interface MatchJobView {
  id: string;
  status: MatchJobStatus;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  error?: string;
  summary?: MatchSummary;
}

export type SuggestionStatus = 'proposed' | 'accepted' | 'adjusted' | 'rejected';

export interface SuggestionView {
  id: string;
  need: { id: string; title: string; category: string; gridName?: string; urgency: Urgency; people: number; source: NeedSource };
  resource: { id: string; title: string; providerName: string; providerKind: ProviderKind };
  score: number;
  /** Chinese reasons, most telling first: 同网格, 技能匹配, 已等待5天, 紧急 … */
  reasons: string[];
  /** "同网格 · 技能匹配 · 已等待5天" */
  explanation: string;
  status: SuggestionStatus;
  decision?: { at: number; by: string; why?: string; ticketId?: string; projectId?: string; resourceId?: string };
}

export interface ProjectSuggestionView {
  category: string;
  gridId: string;
  gridName?: string;
  needIds: string[];
  people: number;
  maxUrgency: Urgency;
  /** "同网格同类需求7条 · 共15人 · 最早已等待12天 · 含紧急" */
  explanation: string;
}

// ---------------------------------------------------------------- dispatch tickets (集单—派单—接单—办结—评单)

export type TicketStatus =
  /** 集单: raised, waiting to be dispatched. */
  | 'submitted'
  /** 派单: sent to a grid worker, agent, unit or team. */
  | 'dispatched'
  /** 接单 */
  | 'accepted'
  /** 办结: waiting for the resident's rating (评单). */
  | 'resolved'
  | 'closed'
  | 'cancelled';

/** simple: 24小时办结 · complex: 3个工作日内响应 · difficult: 提级包案 to the secretary (and beyond, to the county). */
export type TicketKind = 'simple' | 'complex' | 'difficult';
/** How the 24 hours of a simple matter count: round the clock (natural), or only on working days. */
export type DeadlineHours = 'natural' | 'working';
/** county: the county/district officers (县(区)委包案干部) who took it over; not a dispatch target. */
/** property: the workers of a 小区's property company (物业), members of its unit. */
export type AssigneeKind = 'grid_worker' | 'agent' | 'unit' | 'team' | 'secretary' | 'county' | 'property';
/**
 * Who watches it: the grid (worker) → the grid leader (网格长) → the community secretary (书记) →
 * the county/district (县(区)委提级包案), which works it in a queue of its own.
 */
export type EscalationLevel = 'grid' | 'leader' | 'secretary' | 'county';
/** escalateCounty: staff send it up to the county; note: a county officer records progress. */
/** hurry: 催办, by staff or the resident who raised it, while someone works it. */
export type TicketPermission = 'dispatch' | 'accept' | 'resolve' | 'rate' | 'escalate' | 'escalateCounty' | 'note' | 'cancel' | 'hurry';

export interface TicketCard {
  id: string;
  title: string;
  category: string;
  status: TicketStatus;
  kind: TicketKind;
  level: EscalationLevel;
  source: NeedSource;
  gridName?: string;
  urgency: Urgency;
  /** 网格员 周** / 共建单位 国网东台市供电公司 / 红色代办员 李** */
  assignee?: string;
  /** The deadline now running (accept or resolve), epoch ms. */
  dueAt?: number;
  duePhase?: 'accept' | 'resolve';
  overdue: boolean;
  reopened: number;
  stars?: number;
  /** Why the request waits for staff to read it (the content check was unavailable, say). */
  heldReason?: string;
  /** A special group (特殊群体): shown first, with its label. */
  special?: SpecialGroup;
  /** In the county queue, which community it came from. */
  communityName?: string;
  createdAt: number;
  updatedAt: number;
}

export interface ListEvent {
  at: number;
  /** What changed: the status, the escalation level, the assignee, the kind, an alert sent, or a progress note (包案进展). */
  field: 'status' | 'level' | 'assignee' | 'kind' | 'alert' | 'data' | 'note';
  from: string | null;
  to: string;
  /** 居民 王** / 网格员 周** / 社区工作者 / 系统 — never an openid. */
  by: string;
  why?: string;
}

export interface TicketDetail extends TicketCard {
  detail?: string;
  photos: string[];
  /** Only for staff and whoever works the ticket. */
  address?: string;
  /** 居民 王**; the real name to staff and to whoever works it while it is live. */
  requester?: string;
  /** The resident's name, masked phone, address and place: only to whoever works it, while dispatched or accepted. */
  contact?: TaskContact;
  needId: string;
  wishId?: string;
  deadlines: { acceptBy?: number; resolveBy: number };
  resolution?: { note: string; photos: string[]; at: number; by: string };
  rating?: { stars: number; comment?: string; at: number };
  pointsAwarded?: number;
  timeline: ListEvent[];
  can: TicketPermission[];
  mine: boolean;
}

/** 数据看板: one week (Monday to Sunday, Shanghai) of the charts. */
export interface ChartWeek {
  /** Its Monday, YYYY-MM-DD. */
  start: string;
  /** Requests (tickets) raised that week, cancelled ones left out. */
  requests: number;
  onTime: number;
  late: number;
  /** As `stats`: on time ÷ (on time + late), null when none can be judged yet. */
  onTimeRate: number | null;
  /** Volunteer service that week: activities checked out and call-outs attended, in minutes. */
  volunteerMinutes: number;
}

/** 数据看板: what the staff charts draw, over a period of whole weeks. */
export interface ListsCharts {
  from: string;
  to: string;
  /** The on-time target (订单完成率90%以上): below it is shown as falling short. */
  target: number;
  weeks: ChartWeek[];
  grids: Array<{ gridId: string; gridName: string; tickets: number; onTimeRate: number | null }>;
  /** Tickets of the period by service category, most first. */
  categories: Array<{ category: string; tickets: number }>;
  /** The latest seasons (at most 6, oldest first), each counted as `wish.stats` counts it. */
  seasons: Array<{ number: number; name: string; collected: number; claimed: number; completed: number }>;
}

export interface TicketStats {
  tickets: number;
  /** Resolved or closed. */
  completed: number;
  completionRate: number | null;
  /** Completed within every deadline. */
  onTime: number;
  /** Completed after a deadline, or still open past one. */
  late: number;
  /** onTime / (onTime + late); tickets still open and not yet due are not counted. */
  onTimeRate: number | null;
  /** Still open past their deadline now. */
  overdueOpen: number;
  rated: number;
  avgStars: number | null;
  /** Rated 4 or 5 stars, of those rated. */
  satisfactionRate: number | null;
  reopened: number;
}

/**
 * 特殊群体服务响应率 of one group (or all): of the special-group tickets raised in the period,
 * how many were responded to in time. See server/lists/stats.ts for what counts as responded.
 */
export interface SpecialRate {
  tickets: number;
  responded: number;
  late: number;
  /** Open and not yet due: neither responded nor late. */
  pending: number;
  /** responded / (responded + late); null when none is decided yet. */
  rate: number | null;
}

export interface SpecialStats {
  /** The seeds' target: 100%. */
  target: number;
  overall: SpecialRate;
  groups: Array<{ group: SpecialGroup } & SpecialRate>;
}

export interface AssigneeOption {
  kind: AssigneeKind;
  /** userId, unitId or resourceId as `dispatch` takes it. */
  id: string;
  label: string;
  gridIds?: string[];
  /** 红色代办员: the grid they live in and what they have in hand (第一网格 · 手上2件). */
  detail?: string;
}

// ---------------------------------------------------------------- 红色物业

/** A party contact (党建联络人) of the property company or the owners' committee. */
export interface PartyContact {
  name: string;
  phone: string;
  /** Their 党组织 (党支部). */
  branch?: string;
}

/** A 小区: its grids (and buildings, when it is only part of a grid), its property company and its owners' committee (业委会). */
export interface CompoundInput {
  name: string;
  gridIds: string[];
  /** Buildings of those grids it takes; none: all of them. */
  buildings?: string[];
  property: { name: string; contact: PartyContact };
  committee: { name: string; contact: PartyContact };
}

/** A quarter's figures for a property company: the seeds' 红色物业 evaluation (on-time rate, residents' rating). */
export interface PropertyQuarter {
  /** 2026-Q4 */
  quarter: string;
  tickets: number;
  completed: number;
  onTime: number;
  late: number;
  /** 0–1, null while nothing was judged. */
  onTimeRate: number | null;
  rated: number;
  avgStars: number | null;
  /** Still open past a deadline now. */
  overdueOpen: number;
}

export interface CompoundView extends CompoundInput {
  id: string;
  gridNames: string[];
  /** The property company's unit: its workers join it with an invite (createInvite role unit_member). */
  propertyUnitId: string;
  workers: number;
  figures: PropertyQuarter;
  updatedAt: number;
}

export type Medal = 'gold' | 'silver' | 'bronze';

/** 星级 / 金银铜 of one grid worker over a period, computed from their tickets and residents' ratings. */
export interface GridWorkerRating {
  userId: string;
  /** Real name (staff only). */
  name: string;
  /** The grids they work (第一网格). */
  grids: string[];
  tickets: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  /** Residents' ratings of their tickets and errands. */
  rated: number;
  avgStars: number | null;
  /** 0–100; null when too few tickets were judged on time or late (样本不足). */
  score: number | null;
  /** 1–5 stars. */
  stars: number | null;
  medal?: Medal;
  medalLabel?: string;
}

export interface ListsSettings {
  /** The community secretary (书记) who takes 疑难问题 (提级包案). */
  secretary?: { id: string; label: string };
  /** Grid leader (网格长) per grid; a staff member with the grid, or staff otherwise. */
  gridLeaders: Array<{ gridId: string; gridName: string; id: string; label: string }>;
  /** 简单事项24小时办结: natural hours (the default) or working-day hours. */
  deadlineHours: DeadlineHours;
}

export type ExportList = 'needs' | 'resources' | 'projects' | 'tickets';

/** What the office exports as a file (CSV or Excel): the records of each domain, over a period. */
export const EXPORT_KINDS = ['wishes', 'points', 'orders', 'bookings', 'activities', 'tickets', 'needs'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = 'csv' | 'xlsx';

export interface ListsApi {
  // needs
  submitRequest: {
    req: { category: ServiceCategory; title: string; detail?: string; gridId?: string; address?: string; location?: LatLng; urgency?: Urgency; people?: number; special?: SpecialGroup; photos?: string[] } & Idempotent;
    res: { ticket: TicketDetail };
  };
  /** 随手拍: a grid worker reports a problem seen on the way; it enters the dispatch queue as 网格发现. */
  reportFound: {
    req: { category: ServiceCategory; title: string; photos: string[]; location?: LatLng; address?: string; gridId?: string } & Idempotent;
    res: { ticket: TicketDetail };
  };
  addNeed: { req: NeedInput & Idempotent; res: { need: NeedDetail } };
  updateNeed: {
    req: {
      id: string;
      op: 'edit' | 'close' | 'reopen';
      /** `special: null` takes the flag off. */
      patch?: Partial<Pick<NeedInput, 'category' | 'title' | 'detail' | 'urgency' | 'people' | 'gridId'>> & { special?: SpecialGroup | null };
      reason?: string;
    } & Idempotent;
    res: { need: NeedDetail };
  };
  needs: { req: { status?: NeedStatus; source?: NeedSource; category?: ServiceCategory; gridId?: string; cursor?: string; limit?: number }; res: Page<NeedCard> };
  need: { req: { id: string }; res: { need: NeedDetail } };
  // resources
  saveResource: {
    req: ({ op: 'create'; resource: ResourceInput } | { op: 'update'; id: string; resource: ResourceInput; reason?: string } | { op: 'pause' | 'resume' | 'retire'; id: string; reason?: string }) & Idempotent;
    res: { resource: ResourceView };
  };
  resources: { req: { status?: ResourceStatus; providerKind?: ProviderKind; category?: ServiceCategory; mine?: boolean; cursor?: string; limit?: number }; res: Page<ResourceView> };
  resource: { req: { id: string }; res: { resource: ResourceView; timeline: ListEvent[] } };
  // projects
  saveProject: {
    req: (
      | { op: 'create'; project: { title: string; description: string; category: ServiceCategory; gridIds: string[]; needIds?: string[]; plannedStart?: string; plannedEnd?: string } }
      | { op: 'update'; id: string; project: { title?: string; description?: string; plannedStart?: string; plannedEnd?: string; addNeedIds?: string[] }; reason?: string }
      | { op: 'publish' | 'start' | 'complete' | 'cancel'; id: string; reason?: string }
    ) & Idempotent;
    res: { project: ProjectDetail };
  };
  claimProject: { req: { id: string } & Idempotent; res: { project: ProjectDetail } };
  projects: { req: { status?: ProjectStatus; cursor?: string; limit?: number }; res: Page<ProjectView> };
  project: { req: { id: string }; res: { project: ProjectDetail } };
  // matching
  match: { req: { background?: boolean } & Idempotent; res: { job: MatchJobView } };
  matchResult: {
    req: { jobId?: string; status?: SuggestionStatus; cursor?: string; limit?: number };
    res: { job: MatchJobView | null; items: SuggestionView[]; next?: string; projects: ProjectSuggestionView[] };
  };
  decide: {
    req: { id: string; decision: 'accept' | 'adjust' | 'reject'; resourceId?: string; projectId?: string; kind?: TicketKind; reason?: string } & Idempotent;
    res: { suggestion: SuggestionView; ticket?: TicketDetail };
  };
  // tickets
  dispatch: {
    req: { id?: string; needId?: string; to?: AssigneeKind; targetId?: string; kind?: TicketKind; reason?: string } & Idempotent;
    res: { ticket: TicketDetail };
  };
  accept: { req: { id: string } & Idempotent; res: { ticket: TicketDetail } };
  resolve: { req: { id: string; note: string; photos?: string[] } & Idempotent; res: { ticket: TicketDetail } };
  rate: { req: { id: string; stars: number; comment?: string; reason?: string } & Idempotent; res: { ticket: TicketDetail; pointsAwarded: number } };
  escalate: { req: { id: string; reason: string } & Idempotent; res: { ticket: TicketDetail } };
  cancel: { req: { id: string; reason: string } & Idempotent; res: { ticket: TicketDetail } };
  /** 疑难问题县(市、区)委提级包案: staff send an open ticket up to the county's queue. */
  escalateCounty: { req: { id: string; reason: string } & Idempotent; res: { ticket: TicketDetail } };
  /** The county queue: county-level tickets of every community where the caller holds a county grant. */
  countyQueue: { req: { status?: 'open' | 'dispatched' | 'accepted' | 'done'; cursor?: string; limit?: number }; res: Page<TicketCard> };
  /** A county officer's progress note (包案进展), seen by the community and the resident. */
  countyNote: { req: { id: string; note: string } & Idempotent; res: { ticket: TicketDetail } };
  tickets: {
    req: { scope?: 'mine' | 'tasks' | 'all'; status?: TicketStatus | 'open' | 'working'; gridId?: string; cursor?: string; limit?: number };
    res: Page<TicketCard>;
  };
  ticket: { req: { id: string }; res: { ticket: TicketDetail } };
  /** Whoever works a live ticket reads the resident's full phone for a call; each read is audited. */
  contact: { req: { id: string }; res: ContactPhone };
  overdue: { req: { gridId?: string; cursor?: string; limit?: number }; res: Page<TicketCard> };
  assignees: { req: { gridId?: string }; res: { items: AssigneeOption[] } };
  /** Staff: 星级 / 金银铜 of each grid worker over tickets raised in a period (this year by default), best first. */
  workerRatings: { req: { from?: string; to?: string }; res: { from: string; to: string; formula: string; items: GridWorkerRating[] } };
  stats: {
    req: { from?: string; to?: string };
    res: {
      from: string;
      to: string;
      overall: TicketStats;
      grids: Array<{ gridId: string; gridName: string } & TicketStats>;
      needs: { open: number; bySource: Record<NeedSource, number> };
      resources: { active: number };
      projects: Record<ProjectStatus, number>;
      special: SpecialStats;
    };
  };
  export: { req: { list: ExportList; cursor?: string }; res: { filename: string; csv: string; rows: number; next?: string } };
  /**
   * Staff: one kind of records raised in a period (all of them without one) as CSV pages (as `export`:
   * BOM and header on the first, `next` for the rest) or one Excel workbook (base64, ≤ 2,000 rows).
   * Each export is written to the lists' events (who exported what, when).
   */
  exportFile: {
    req: { kind: ExportKind; format: ExportFormat; from?: string; to?: string; cursor?: string };
    res: { filename: string; rows: number; csv?: string; xlsx?: string; next?: string };
  };
  /** Staff: 数据看板, the charts' figures by week (the last 12 weeks by default, at most 53). */
  charts: { req: { from?: string; to?: string }; res: ListsCharts };
  /** 红色物业: staff register a 小区 with its property company and owners' committee. */
  saveCompound: { req: { id?: string; compound: CompoundInput } & Idempotent; res: { compound: CompoundView } };
  /** Staff: the 小区 with their property company's figures for a quarter (this quarter by default). */
  compounds: { req: { quarter?: string }; res: { quarter: string; items: CompoundView[] } };
  /** 催办: staff, or the resident who raised it, press whoever works an open ticket. */
  hurry: { req: { id: string; note?: string } & Idempotent; res: { ticket: TicketDetail } };
  settings: { req: Record<string, never>; res: { settings: ListsSettings } };
  setSettings: { req: { secretaryId?: string; gridLeaders?: Record<string, string>; deadlineHours?: DeadlineHours } & Idempotent; res: { settings: ListsSettings } };
}
