import type { Idempotent, Page } from './api';
import type { LatLng } from './map';
import type { GridTaskApi } from './gridtask';
import type { UnitPortalApi } from './unit';
import type { ServiceCategory } from './lists';

/**
 * 双报到: who registers at the community. 'member' 在职党员, 'unit' 共建单位 (by its contact, a
 * member of the unit), 'courier' 快递员、外卖骑手 备案 as 兼职网格员 of one grid.
 */
export type RegistrationKind = 'member' | 'unit' | 'courier';
export const REGISTRATION_KIND_LABELS: Record<RegistrationKind, string> = { member: '在职党员', unit: '共建单位', courier: '兼职网格员' };

export type RegistrationStatus = 'pending' | 'confirmed' | 'rejected';
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = { pending: '待确认', confirmed: '已报到', rejected: '未通过' };

/** The posts (岗位) a community offers when it has not set its own list. */
export const DEFAULT_POSTS = ['楼栋长', '平安巡逻', '文明劝导', '助老服务', '政策宣讲', '环境整治', '红色代办员'] as const;

/**
 * A service a unit offers when it registers: once staff confirm, it is an active resource of the
 * unit in the resources list (资源清单), where the matcher finds it.
 */
export interface UnitOffer {
  title: string;
  category: ServiceCategory;
}

/** 亮承诺: one yearly commitment of a unit, with its target and how far it has come. */
export interface Commitment {
  id: string;
  title: string;
  /** A count ('次', '人', '场' …) to reach within the year. */
  target: number;
  unit: string;
  done: number;
}

export interface RegisterRequest extends Idempotent {
  kind: RegistrationKind;
  /** Member: 所在党组织 (branch). Unit: the unit's 党组织. */
  branch?: string;
  /** Member: 工作单位. Courier: 平台/公司 (美团、顺丰 …). */
  workUnit?: string;
  phone: string;
  /** Member: the posts taken from the community's list. */
  posts?: string[];
  /** Member: show 「党员」 beside their claims (亮身份). */
  showBadge?: boolean;
  /** Unit: 联系人 (the caller by default). */
  contact?: string;
  /** Unit: what it offers (场地、义诊、维修 …), as words only. */
  resources?: string[];
  /** Unit: what it offers, each with its service category, to go into the resources list. */
  offers?: UnitOffer[];
  /** Unit: 年度承诺事项. */
  commitments?: Array<{ title: string; target: number; unit: string }>;
  /** Courier: the grid they pass and take tasks in. */
  gridId?: string;
}

/** A registration as its owner and staff see it. Staff also see the person's name and phone. */
export interface Registration {
  id: string;
  kind: RegistrationKind;
  kindLabel: string;
  status: RegistrationStatus;
  statusLabel: string;
  /** 张** to others than staff and the owner. */
  name: string;
  phone?: string;
  branch?: string;
  workUnit?: string;
  posts: string[];
  showBadge: boolean;
  unitName?: string;
  contact?: string;
  resources: string[];
  /** Unit: its offers, each with the resource it became once confirmed. */
  offers: Array<UnitOffer & { id: string; resourceId?: string }>;
  commitments: Commitment[];
  gridId?: string;
  gridName?: string;
  /** Why the content check holds it for staff to read (内容安全检查暂不可用，待人工审核). */
  held?: string;
  reason?: string;
  createdAt: number;
  decidedAt?: number;
}

export type CalloutStatus = 'open' | 'closed';
export type Urgency = 'normal' | 'urgent';

/** The person's answer to a call-out: 报到 or 不能到. */
export type Answer = 'coming' | 'declined';

/** 社区吹哨: what, where, when, how many, which posts. */
export interface Callout {
  id: string;
  title: string;
  detail?: string;
  place: string;
  location?: LatLng;
  start: number;
  end: number;
  /** 如 '12月9日 19:00-21:00', Asia/Shanghai. */
  when: string;
  needed: number;
  coming: number;
  posts: string[];
  urgency: Urgency;
  status: CalloutStatus;
  /** open and not full: 报到 still takes people. */
  full: boolean;
  /** Service categories (技能) it asks for, besides posts. */
  skills: ServiceCategory[];
  /** How many of those who answered 报到 have checked in on site. */
  arrived: number;
  /** The caller's own answer. */
  mine?: Answer;
  /** When the caller checked in on site. */
  checkedInAt?: number;
  note?: string;
  createdAt: number;
}

/** What the call-out's 现场签到 QR reads: `hl-callout:<id>?k=<code>`; the 6-digit code alone may be typed. */
export const CALLOUT_QR_PREFIX = 'hl-callout:';

/** Staff's 现场签到 code of an open call-out: shown as a QR and as digits to type. */
export interface SiteCode {
  code: string;
  qr: string;
}

/** Someone a whistle would reach, nearest first (staff's 可通知 list). */
export interface Reachable {
  userId: string;
  /** Real names to staff. */
  name: string;
  party: boolean;
  /** Why they fit: 岗位：平安巡逻 / 技能：水电维修 / 已报到党员 … */
  why: string;
  /** From the call-out's point to their grid's centre; absent when either is unknown. */
  distanceM?: number;
}

/** Who a whistle reaches: the posts or skills it asks for and its point on the map. */
export interface AudienceRequest {
  posts?: string[];
  skills?: ServiceCategory[];
  location?: LatLng;
}

export interface CalloutResponse {
  userId: string;
  /** Real names to staff. */
  name: string;
  answer: Answer;
  at: number;
  attended?: boolean;
  party: boolean;
  /** Checked in on site: when, and whether by the QR or code (self) or by staff. */
  checkedInAt?: number;
  checkedInBy?: 'self' | 'staff';
}

/** 双报告: one subject's figures for a year, generated from the records. */
export interface ReportFigures {
  /** Wishes claimed and completed (点亮微心愿). */
  wishes: number;
  /** Tickets resolved (接单办结). */
  tickets: number;
  /** Volunteer activities attended (checked out). */
  activities: number;
  /** Call-outs answered and attended (吹哨报到). */
  callouts: number;
  /** Service minutes of activities and call-outs. */
  minutes: number;
  /** Points earned in the community in the year. */
  points: number;
  /** Residents' ratings of the wishes and tickets: how many and their average (1 decimal). */
  ratings: number;
  averageStars?: number;
}

/** 评议: staff's appraisal of a year. */
export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

export interface Appraisal {
  grade: Grade;
  gradeLabel: string;
  comment: string;
  /** 社区工作者, never a name. */
  by: string;
  at: number;
}

export interface Report {
  /** The registration it reports on. */
  subjectId: string;
  kind: RegistrationKind;
  name: string;
  year: number;
  figures: ReportFigures;
  /** People the figures count: the member, or the unit's members. */
  people: number;
  commitments: Commitment[];
  generatedAt: number;
  appraisal?: Appraisal;
  /** The member or unit confirmed it: from then on its figures stay as they were. */
  acknowledgedAt?: number;
}

export interface ReportRow {
  subjectId: string;
  kind: RegistrationKind;
  kindLabel: string;
  name: string;
  branch?: string;
  /** Figures from the last time the report was generated this year, if it was. */
  figures?: ReportFigures;
  generatedAt?: number;
  gradeLabel?: string;
  acknowledged: boolean;
}

/** A person who joined a unit with its join code (共建单位成员), as the unit's contact and staff see them. */
export interface UnitMember {
  userId: string;
  /** Real names to staff, 张** to the contact. */
  name: string;
  since: number;
}

/** The code a unit's members join with: typed in, or scanned from its mini-program code. */
export interface UnitJoin {
  code: string;
  unitName: string;
  /** The mini-program code's scene: `c=<community code>&u=<join code>`. */
  scene: string;
  /** A PNG data URL of the mini-program code, landing on the join page. */
  image: string;
}

/** One line of the 先锋榜: a confirmed party member's 先锋积分 in the year. */
export interface VanguardRow {
  rank: number;
  /** Real names to staff, 张** to residents. */
  name: string;
  branch?: string;
  points: number;
  me: boolean;
}

export interface VanguardBoard {
  year: number;
  /** The 党组织 the board is of; absent: the whole community. */
  branch?: string;
  /** The community's 党组织 with confirmed members, to switch between. */
  branches: string[];
  items: VanguardRow[];
  me?: VanguardRow;
}

/** The party function also carries the grid tasks (网格任务) of its 兼职网格员. */
export interface PartyApi extends GridTaskApi, UnitPortalApi {
  register: { req: RegisterRequest; res: { registration: Registration } };
  mine: { req: Record<string, never>; res: { registrations: Registration[]; posts: string[]; party: boolean } };
  registrations: { req: { status?: RegistrationStatus; kind?: RegistrationKind; cursor?: string }; res: Page<Registration> };
  confirm: { req: { id: string } & Idempotent; res: { registration: Registration } };
  reject: { req: { id: string; reason: string } & Idempotent; res: { registration: Registration } };
  /** A unit's contact (or staff) records how far a commitment has come. */
  progress: { req: { id: string; commitmentId: string; done: number } & Idempotent; res: { registration: Registration } };
  posts: { req: Record<string, never>; res: { posts: string[] } };
  setPosts: { req: { posts: string[] } & Idempotent; res: { posts: string[] } };
  callouts: { req: { status?: CalloutStatus; cursor?: string }; res: Page<Callout> };
  callout: {
    req: {
      title: string;
      detail?: string;
      place: string;
      location?: LatLng;
      start: number;
      end: number;
      needed: number;
      posts?: string[];
      skills?: ServiceCategory[];
      urgency?: Urgency;
    } & Idempotent;
    res: { callout: Callout };
  };
  /** Staff: who a whistle asking for these would reach, nearest first (the first 50) and how many in all. */
  audience: { req: AudienceRequest; res: { people: Reachable[]; total: number } };
  /** Staff: the answers, and while it is open the 现场签到 code. */
  responses: { req: { id: string }; res: { callout: Callout; responses: CalloutResponse[]; site?: SiteCode } };
  respond: { req: { id: string; answer: Answer } & Idempotent; res: { callout: Callout } };
  /** A confirmed unit's join code (made on first asking), for its contact and staff. */
  unitJoin: { req: { id: string } & Idempotent; res: { join: UnitJoin } };
  /** A person joins a unit with its code: they become its member (unit_member) and count in its report. */
  join: { req: { code: string } & Idempotent; res: { unitName: string; registrationId: string } };
  /** Who joined a unit: its contact and staff see them. */
  unitMembers: { req: { id: string }; res: { members: UnitMember[] } };
  /** 现场签到: the person with the scanned or typed code, or staff for someone by hand (`userId`). */
  checkIn: { req: { id: string; code?: string; userId?: string } & Idempotent; res: { callout: Callout; response: CalloutResponse } };
  /**
   * Credits those who checked in; `absent` takes someone checked in off, `present` adds someone
   * who answered 报到 and came without checking in.
   */
  close: { req: { id: string; note: string; absent?: string[]; present?: string[] } & Idempotent; res: { callout: Callout; credited: number } };
  report: { req: { subjectId?: string; year: number }; res: { report: Report } };
  reports: { req: { year: number; kind?: RegistrationKind; cursor?: string }; res: Page<ReportRow> };
  appraise: { req: { subjectId: string; year: number; grade: Grade; comment: string } & Idempotent; res: { report: Report } };
  acknowledge: { req: { subjectId?: string; year: number } & Idempotent; res: { report: Report } };
  /** 双报告 in the exports: one CSV row per confirmed subject with the year's figures, a page at a time. */
  exportReports: { req: { year: number; cursor?: string }; res: { filename: string; csv: string; rows: number; next?: string } };
  /** 先锋榜 of the community, or of one 党组织, for a year (this year by default). */
  vanguard: { req: { branch?: string; year?: number }; res: VanguardBoard };
}
