import type { Idempotent, Page } from './api';

/**
 * county: a county/district officer (县(区)委包案干部) who works the tickets a community sent up to
 * the county (提级包案); granted per community overseen, and held wherever the person is.
 */
export type Role = 'resident' | 'volunteer' | 'unit_member' | 'grid_worker' | 'county' | 'staff' | 'admin';

/** Roles someone can be granted by invite (admin is granted by deployment only). */
export type InvitableRole = 'volunteer' | 'unit_member' | 'grid_worker' | 'county' | 'staff';

/** Roles that can be taken back: staff revoke volunteers, unit members and grid workers; admins any (never their own admin). */
export type RevocableRole = Exclude<Role, 'resident'>;
export const REVOCABLE_ROLES: RevocableRole[] = ['volunteer', 'unit_member', 'grid_worker', 'county', 'staff', 'admin'];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  unit_member: '共建单位成员',
  grid_worker: '网格员',
  county: '县(区)委包案干部',
  staff: '社区工作者',
  admin: '管理员',
};

export interface CommunityRef {
  id: string;
  name: string;
  /** Short code used in QR scenes: c=<code>. */
  code: string;
}

/** How the person wants the mini-program shown, kept on the server so it follows them to a new phone. */
export interface Prefs {
  /** 长辈模式 (large text, high contrast): on or off as the person chose; null follows WeChat's own font size. */
  elderMode: boolean | null;
}

/** What the caller sees of themself. */
export interface Me {
  id: string;
  displayName: string;
  avatarUrl?: string;
  /** Only ever returned to its owner (and staff of the community). */
  phone?: string;
  community?: CommunityRef;
  grid?: { id: string; name: string };
  /** The building (楼栋) the person said they live in. */
  building?: string;
  /** 单元和室号 (2单元301室): with the building, the person's household, which votes once on a topic. */
  room?: string;
  unit?: { id: string; name: string };
  /** The person chose their name (else it is a stand-in such as 居民81BE, not used to greet them). */
  named: boolean;
  /** True until the person has chosen a name and avatar, or said they would rather not. */
  welcome: boolean;
  /** Every role the caller holds in their current community; always includes resident. */
  roles: Role[];
  /** The highest of `roles`, for display. */
  role: Role;
  prefs: Prefs;
  createdAt: number;
}

export interface Invite {
  code: string;
  role: InvitableRole;
  communityId: string;
  gridId?: string;
  unitId?: string;
  expiresAt: number;
}

/** A scanned poster points somewhere other than where the person is: ask before moving them. */
export interface MoveOffer {
  communityId: string;
  communityName: string;
  gridId?: string;
  gridName?: string;
  /** The scene to pass to `bindCommunity` to accept. */
  scene: string;
}

/** Where a poster's code may land (the pages a first-time visitor can start from). */
export const POSTER_PAGES = ['pages/home/index', 'pages/wish/wall/index', 'pages/map/index/index', 'pages/party/register/index'] as const;
export type PosterPage = (typeof POSTER_PAGES)[number];

/** What a community (or grid) poster shows. */
export interface Poster {
  title: string;
  communityName: string;
  gridName?: string;
  /** Who it calls, in red under the band (the 党员报到 poster); else the grid, or 全体居民. */
  audience?: string;
  /** The line under the code (微信扫一扫 加入社区 when absent). */
  scanLine?: string;
  scene: string;
  /** A PNG data URL of the mini-program code. */
  image: string;
  /** How to scan, three short lines in large type. */
  steps: string[];
}

/** A grid of the person's community, with the buildings it covers, to pick where one lives. */
export interface GridChoice {
  id: string;
  name: string;
  buildings: string[];
}

/** A member of the community as staff see them when placing residents in grids. */
export interface ResidentRow {
  id: string;
  displayName: string;
  grid?: { id: string; name: string };
  building?: string;
  joinedAt: number;
  /** 会员号 in this community, once the member has shown their 积分码. */
  memberNo?: string;
  /** 138****4501, to tell two people of one name apart. */
  phoneMasked?: string;
  /** Roles held in the community besides resident. */
  roles: RevocableRole[];
}

/**
 * One thing of the person's own waiting on 首页 (我的待办):
 * - wishClaimed / wishToConfirm: their wish was claimed / the volunteer says it is done;
 * - booking: a booking today or tomorrow (`at`, with its `code`);
 * - pickup: an order to pick up (`place`, `code`);
 * - rate: a request (我的诉求) handled, waiting for their rating;
 * - activity: an activity they signed up for (`at`, `place`).
 */
export type HomeTodoKind = 'wishClaimed' | 'wishToConfirm' | 'booking' | 'pickup' | 'rate' | 'activity';

export interface HomeTodo {
  kind: HomeTodoKind;
  id: string;
  title: string;
  at?: number;
  place?: string;
  code?: string;
}

/** A notice to the whole community, or (`mine`) to the person alone, such as a claim taken back with its reason. */
export interface HomeNotice {
  id: string;
  title: string;
  body: string;
  at: number;
  mine: boolean;
  /** The page the notice is about, if any. */
  page?: string;
}

export interface HomeActivity {
  id: string;
  title: string;
  placeName: string;
  start: number;
  /** Volunteers only (志愿者专场). */
  volunteersOnly: boolean;
}

/** A volunteer's first screen: open wishes in their grid, and their own claims by lease deadline. */
export interface HomeVolunteer {
  nearby: Array<{ id: string; title: string; category: string }>;
  claims: Array<{ id: string; title: string; leaseUntil: number; awaitingConfirmation: boolean }>;
}

/** Staff's first screen: what waits in their queues. */
export interface HomeStaff {
  wishesToReview: number;
  ticketsToDispatch: number;
  ticketsOverdue: number;
}

/**
 * What waits for a person who works the community, one count per queue: staff see the community's,
 * a grid worker their grids', a unit member the orders of their unit's goods.
 */
export type WorkbenchKey =
  | 'wishesToReview'
  | 'wishesToConfirm'
  | 'ticketsToDispatch'
  | 'ticketsOverdue'
  | 'ticketsDueToday'
  | 'errandsUnassigned'
  | 'ordersToVerify'
  | 'bookingsToday'
  | 'activitiesThisWeek'
  | 'invitesPending'
  | 'registrationsToConfirm'
  | 'gridTasksToConfirm';

/** Only the counts the caller may act on are present. */
export type WorkbenchCounts = Partial<Record<WorkbenchKey, number>>;

/** 首页 in one call: the person's own business, the community's notices and next activities. */
export interface Home {
  todos: HomeTodo[];
  notices: HomeNotice[];
  activities: HomeActivity[];
  volunteer?: HomeVolunteer;
  staff?: HomeStaff;
  /** 通知公告's strip: the pinned bulletin, else the newest, for the person. */
  bulletin?: HomeBulletin;
}

export interface HomeBulletin {
  id: string;
  title: string;
  pinned: boolean;
  needsConfirm: boolean;
  publishedAt: number;
  /** Not opened yet (judged from the person's latest reads). */
  unread: boolean;
}

export interface UserApi {
  login: { req: { scene?: string }; res: { me: Me; created: boolean; moveOffer?: MoveOffer } };
  me: { req: Record<string, never>; res: { me: Me } };
  bindCommunity: { req: { scene: string } & Idempotent; res: { me: Me } };
  updateProfile: {
    req: { displayName?: string; phone?: string; avatarUrl?: string } & Idempotent;
    /** `nameHeld`: the content check was unavailable, so the old name stays; say so. */
    res: { me: Me; nameHeld?: string };
  };
  createInvite: {
    req: { role: InvitableRole; gridId?: string; unitId?: string; ttlHours?: number } & Idempotent;
    /** `qr`: the code as a mini-program code (scene `c=<community>&u=<code>`, a PNG data URL), opening the page that takes it; absent when WeChat could not make one. */
    res: { invite: Invite; qr?: { scene: string; image: string } };
  };
  redeemInvite: { req: { code: string } & Idempotent; res: { me: Me } };
  /** Staff: the community's co-building units, to invite a member into one. */
  units: { req: Record<string, never>; res: { units: Array<{ id: string; name: string; kind: string }> } };
  qrcode: {
    /** Without a grid: the community's poster; with one: that grid's. */
    req: { gridId?: string; page?: PosterPage } & Idempotent;
    res: { scene: string; /** A PNG data URL of the mini-program code. */ image: string };
  };
  /** A printable poster's content: the mini-program draws it on an A4 canvas; `page` where its code lands (the 党员报到 form makes the 党员报到 poster). */
  poster: { req: { gridId?: string; page?: PosterPage }; res: { poster: Poster } };
  skipWelcome: { req: Idempotent; res: { me: Me } };
  /** The person's display preferences (长辈模式); null gives the choice back to WeChat's font size. */
  setPrefs: { req: { elderMode: boolean | null } & Idempotent; res: { me: Me } };
  grids: { req: Record<string, never>; res: { grids: GridChoice[] } };
  chooseGrid: { req: { gridId: string; building?: string; room?: string } & Idempotent; res: { me: Me } };
  /** Staff: members by grid, or those without one, or those holding a role. */
  /** Staff: members by grid, without one, or by role; `q` finds by name, phone (11 digits) or 会员号 (7 digits). */
  residents: { req: { gridId?: string; unplaced?: boolean; role?: RevocableRole; q?: string; cursor?: string }; res: Page<ResidentRow> };
  /** 我的积分码: the caller's 会员号 in their community, given on first asking (unique there). */
  memberCode: { req: Record<string, never>; res: { memberNo: string } };
  moveResident: { req: { userId: string; gridId: string; building?: string } & Idempotent; res: { resident: ResidentRow } };
  /** Staff (admins for staff, county and admin): a role ends; the grant is kept as a former one, with why. */
  revokeRole: { req: { userId: string; role: RevocableRole; reason: string } & Idempotent; res: { resident: ResidentRow } };
  /** 首页's first screen for the caller: 我的待办, notices, next activities, and the volunteer's or staff's own part. */
  home: { req: Record<string, never>; res: Home };
  /** 工作台: the counts of the queues the caller works (staff, grid workers, unit members). */
  workbench: { req: Record<string, never>; res: { counts: WorkbenchCounts } };
  /** 我的消息: the notices to the caller alone, newest first. */
  inbox: { req: { cursor?: string }; res: Page<HomeNotice> };
}

/** One list of 我的数据: the latest items (at most 100, fewer if the answer would pass 100 KB) and how many there are. */
export interface MyDataList<T> {
  total: number;
  items: T[];
}

/** A role held (or, with `endedAt`, held once) in a community. */
export interface MyRole {
  role: Role;
  label: string;
  communityId: string;
  gridId?: string;
  unitId?: string;
  since: number;
  endedAt?: number;
  why?: string;
}

/**
 * Everything the product holds about the caller, for 我的数据 (seeing and exporting one's own
 * data). Never another person's openid, phone or full name.
 */
export interface MyData {
  exportedAt: number;
  profile: {
    id: string;
    displayName: string;
    avatarUrl?: string;
    phone?: string;
    building?: string;
    /** The poster scene the person last arrived through. */
    joinedVia?: string;
    /** 长辈模式 as the person chose it (absent: following WeChat's font size). */
    elderMode?: boolean;
    createdAt: number;
    updatedAt: number;
  };
  community?: { id: string; name: string };
  grid?: { id: string; name: string };
  roles: MyRole[];
  formerRoles: MyRole[];
  wishesPosted: MyDataList<{ id: string; title: string; content: string; category: string; status: string; photos: number; showPhone: boolean; createdAt: number; updatedAt: number }>;
  wishesClaimed: MyDataList<{ id: string; title: string; status: string; claimedAt?: number; completedAt?: number; pointsAwarded?: number }>;
  requests: MyDataList<{ id: string; title: string; category: string; detail?: string; address?: string; status: string; createdAt: number; rating?: number }>;
  bookings: MyDataList<{ id: string; service: string; place: string; date: string; start: number; end: number; status: string; note?: string; createdAt: number }>;
  signups: MyDataList<{ id: string; title: string; place: string; date: string; start: number; status: string; minutes?: number; createdAt: number }>;
  errands: MyDataList<{ id: string; service: string; kind: string; description: string; address?: string; contactPhone?: string; status: string; createdAt: number }>;
  points: {
    balance: number;
    earned: number;
    spent: number;
    entries: MyDataList<{ id: string; at: number; amount: number; kind: string; reason: string; balanceAfter: number }>;
  };
  orders: MyDataList<{ id: string; goods: string; quantity: number; points: number; status: string; pickupPlace: string; createdAt: number }>;
  /** What was told to the person alone (我的消息). */
  notices: MyDataList<{ id: string; title: string; body: string; at: number }>;
  /** 双报到: the person's registrations as party member, unit contact or part-time grid worker. */
  partyRegistrations: MyDataList<{ id: string; kind: string; status: string; branch?: string; workUnit?: string; phone?: string; posts: string[]; createdAt: number }>;
  /** 社区吹哨: the person's answers. */
  calloutAnswers: MyDataList<{ id: string; title: string; answer: string; at: number; attended?: boolean }>;
  /** 网格任务 the person claimed, with what they reported. */
  gridTasks: MyDataList<{ id: string; title: string; place: string; status: string; points: number; claimedAt?: number; note?: string }>;
}

/** What 注销 did, for the person to read before they go. */
export interface DeletedAccount {
  deletedAt: number;
  wishesWithdrawn: number;
  claimsReleased: number;
  bookingsCancelled: number;
  errandsCancelled: number;
  ordersCancelled: number;
}

export interface UserApi {
  myData: { req: Record<string, never>; res: MyData };
  /** Admin: 系统状态. */
  systemStatus: { req: Record<string, never>; res: SystemStatus };
  /** Staff: one audit log of the community, newest first, 20 a page, narrowed by who, which record and which day (Asia/Shanghai). */
  auditLog: { req: { log: AuditLog; byUserId?: string; targetId?: string; day?: string; cursor?: string }; res: Page<AuditEntry> };
  /** `confirm` must be the word 注销, typed by the person. */
  deleteAccount: { req: { confirm: '注销' } & Idempotent; res: DeletedAccount };
}

/** The audit logs staff read (操作记录): each domain keeps its own. */
export const AUDIT_LOGS = ['ticket', 'wish', 'booking', 'points', 'people', 'party', 'map'] as const;
export type AuditLog = (typeof AUDIT_LOGS)[number];

/** One change in an audit log: who did what to which record, when and why. */
export interface AuditEntry {
  id: string;
  at: number;
  /** What kind of record: 'ticket', 'wish', 'entry', 'goods', 'user' … */
  targetType: string;
  targetId: string;
  /** What happened: a status move (open → claimed) or a named action (award, goods.offShelf). */
  action: string;
  field?: string;
  from?: string | null;
  to?: string;
  /** The actor's role and real name (社区工作者 陈红梅); 系统 for timers. */
  by: string;
  byUserId: string;
  why?: string;
  changes?: Record<string, { from: unknown; to: unknown }>;
}

/** 系统状态: how the timers, the messages and the functions are doing. */
export interface SystemStatus {
  timers: Array<{
    fn: string;
    trigger: string;
    label: string;
    /** Absent: no run recorded yet. */
    lastRunAt?: number;
    durationMs?: number;
    ok?: boolean;
    /** What the run answered, or the error it threw. */
    result?: string;
    /** Two scheduled runs have passed since its last run. */
    late: boolean;
  }>;
  /** Subscribe messages of this community that did not go, in the last 7 days. */
  sendFailures: {
    total: number;
    byReason: Array<{ reason: string; label: string; count: number }>;
    /** The latest 20: to whom (real name), which message, why. */
    latest: Array<{ at: number; to: string; kind: string; reason: string; detail: string }>;
  };
  /** Content held because the check could not be made, waiting for staff. */
  held: { wishes: number; tickets: number; registrations: number; errands: number };
  /** Failed calls per function and code in the last 7 days (all communities). */
  errors: Array<{ fn: string; code: string; count: number }>;
  checkedAt: number;
}

/** The subscribe messages (订阅消息) the product sends; each a template the community configures. */
export type NoticeKind =
  | 'wishReviewed'
  | 'wishClaimed'
  | 'wishFulfilled'
  | 'wishConfirmed'
  | 'bookingReminder'
  | 'bookingPromoted'
  | 'errandUpdated'
  | 'activityReminder'
  | 'activityCancelled'
  | 'ticketDispatched'
  | 'ticketUpdated'
  | 'ticketDeadline'
  | 'ticketEscalated'
  | 'claimChanged'
  | 'staffQueue'
  | 'partyCallout'
  | 'bulletin';

/** What a message's field means; it decides which template keywords may carry it. */
export type NoticeFieldType = 'text' | 'status' | 'time' | 'date' | 'number' | 'code' | 'name' | 'phone' | 'amount' | 'plate';

/** The type of a template keyword (the letters of `thing1`, `time2` …), each with WeChat's value rules. */
export type KeywordType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase';

/** One field of a message, and the keyword of the recommended public-library template it goes to. */
export interface NoticeFieldView {
  field: string;
  label: string;
  type: NoticeFieldType;
  /** Keyword types that can carry it, e.g. ['phrase', 'thing']. */
  accepts: KeywordType[];
  /** In the recommended template: the keyword's name (审核结果) and its key (phrase2). */
  recommended: { name: string; keyword: string };
}

/** One kind of message as an admin configures it. */
export interface NoticeKindView {
  kind: NoticeKind;
  label: string;
  /** Who receives it. */
  to: string;
  /** The title to search for in 公众平台 → 订阅消息 → 公共模板库. */
  recommendedTitle: string;
  fields: NoticeFieldView[];
  /** Set once configured: nothing is sent for a kind without a template id. */
  templateId?: string;
  /** Field → template keyword, e.g. { title: 'thing1' }. */
  keywords?: Record<string, string>;
  updatedAt?: number;
}

/** What a test message carried, or why WeChat refused it. */
export interface TestNoticeResult {
  sent: boolean;
  /** Chinese, for the admin. */
  message: string;
  templateId?: string;
  data?: Record<string, { value: string }>;
}

export interface UserApi {
  notices: { req: Record<string, never>; res: { templates: Partial<Record<NoticeKind, string>> } };
  noticeSettings: { req: Record<string, never>; res: { kinds: NoticeKindView[] } };
  setNoticeSettings: {
    /** An empty templateId turns the kind off. */
    req: { kind: NoticeKind; templateId: string; keywords: Record<string, string> } & Idempotent;
    res: { kind: NoticeKindView };
  };
  testNotice: { req: { kind: NoticeKind } & Idempotent; res: TestNoticeResult };
}
