/* Where pages live: their paths, and the menu entries of 首页, 我的 and the staff console. */

import type { WorkbenchKey } from '../../typings/user';

/** A feature entry shown on 首页 and 我的. Only entries with a `path` have a page yet. */
export interface MenuEntry {
  key: string;
  title: string;
  /** Absolute page path; absent while the feature is being built. */
  path?: string;
  /** The page is a tab: open it with switchTab. */
  tab?: boolean;
  /** A TDesign icon name, shown above the title on 首页's tiles. */
  icon?: string;
}

export interface MenuEntryView extends MenuEntry {
  enabled: boolean;
  /** Shown next to greyed-out entries. */
  hint: string;
}

export const SOON = '即将开放';

export const HOME_ENTRIES: MenuEntry[] = [
  { key: 'wish', title: '点亮微心愿', path: '/pages/wish/wall/index', tab: true, icon: 'heart' },
  { key: 'mall', title: '积分商城', path: '/pages/points/mall/index', icon: 'shop' },
  { key: 'booking', title: '预约服务', path: '/pages/booking/index/index', icon: 'calendar' },
  { key: 'map', title: '社区地图', path: '/pages/map/index/index', tab: true, icon: 'map' },
  { key: 'request', title: '我要反映', path: '/pages/lists/request/index', icon: 'chat-message' },
];

/** 随手拍 on 首页 for whoever holds a grid role (full or part-time): a tile, then the photo. */
export const SNAP_ENTRY: MenuEntry = { key: 'snap', title: '随手拍', path: '/pages/party/snap/index', icon: 'camera' };

/** 首页's tiles for a person: 随手拍 added for grid workers. */
export function homeEntries(gridWorker: boolean): MenuEntry[] {
  return gridWorker ? [...HOME_ENTRIES, SNAP_ENTRY] : HOME_ENTRIES;
}

export const ME_ENTRIES: MenuEntry[] = [
  { key: 'myWishes', title: '我的心愿', path: '/pages/wish/mine/index' },
  { key: 'myPoints', title: '我的积分', path: '/pages/points/index/index' },
  { key: 'myBookings', title: '我的预约', path: '/pages/booking/mine/index' },
  { key: 'myRequests', title: '我的诉求', path: '/pages/lists/mine/index' },
  { key: 'myNotices', title: '我的消息', path: '/pages/user/notices/index' },
  { key: 'partyRegister', title: '党员报到', path: '/pages/party/register/index' },
  { key: 'partyCallouts', title: '社区吹哨', path: '/pages/party/callouts/index' },
  { key: 'vanguard', title: '先锋榜', path: '/pages/party/vanguard/index' },
  { key: 'certificate', title: '志愿服务证明', path: '/pages/party/certificate/index' },
  { key: 'council', title: '议事协商', path: '/pages/council/topics/index' },
  { key: 'surveys', title: '问卷调查', path: '/pages/council/surveys/index' },
];

export const STAFF_CONSOLE = '/package-staff/pages/console/index';

/** What a person does in the console, in the order its groups are shown when nothing waits. */
export const CONSOLE_GROUPS = ['审核', '派单', '核销', '服务台', '清单', '设置'] as const;
export type ConsoleGroup = (typeof CONSOLE_GROUPS)[number];

/**
 * Who is shown a console entry: staff (社区工作者 and admins) by default; `desk` grid workers too,
 * `unit` unit members too (the goods their unit provides), `admin` admins only, `county` county
 * officers only. The server decides every action; this spares people entries that would be refused.
 */
export type ConsoleAudience = 'staff' | 'desk' | 'unit' | 'admin' | 'county';

/** A count shown beside an entry besides its badge, such as 超期 on the ticket queue. */
export interface ConsoleNote {
  key: WorkbenchKey;
  label: string;
  /** Past a deadline: shown in red, and the entry goes first. */
  urgent?: boolean;
}

/** An entry of the staff console: its group, and the 工作台 count shown on it. */
export interface ConsoleEntry extends MenuEntry {
  hint: string;
  group: ConsoleGroup;
  for?: ConsoleAudience;
  badge?: WorkbenchKey;
  notes?: ConsoleNote[];
}

/** Where a member without a grid picks it by building. */
export const GRID_PICKER = '/pages/user/grid/index';

/** The printable A4 poster of the community or a grid (`?grid=<id>`), or the 党员报到 poster (`?for=party`). */
export const STAFF_POSTER = '/package-staff/pages/poster/index';

/** Where staff place residents in grids. */
export const STAFF_RESIDENTS = '/package-staff/pages/residents/index';

export function entryViews(entries: MenuEntry[]): MenuEntryView[] {
  return entries.map((e) => ({ ...e, enabled: !!e.path, hint: e.path ? '' : SOON }));
}

export function findEntry(entries: MenuEntry[], key: string): MenuEntry | undefined {
  return entries.find((e) => e.key === key);
}

/** Staff tools for the wish wall, in the staff subpackage. */
export const STAFF_WISH_ENTRIES: ConsoleEntry[] = [
  { key: 'wishReview', title: '心愿审核', hint: '居民新发布的心愿', path: '/package-staff/pages/wish-review/index', group: '审核', badge: 'wishesToReview' },
  { key: 'wishConfirm', title: '完成确认', hint: '志愿者已提交完成凭证', path: '/package-staff/pages/wish-confirm/index', group: '审核', badge: 'wishesToConfirm' },
  { key: 'wishSeason', title: '心愿季', hint: '开启新一季，查看各季数据', path: '/package-staff/pages/wish-season/index', group: '设置' },
];

/** A wish's own page (`?id=`). */
export const WISH_DETAIL = '/pages/wish/detail/index';

/** The community intro (社区简介), linked from 首页 and the map. */
export const COMMUNITY_INTRO = '/pages/map/community/index';

/** Staff upkeep of the community map, in the staff subpackage. */
export const STAFF_MAP_ENTRIES: ConsoleEntry[] = [
  { key: 'placeList', title: '地点维护', hint: '修改、关闭或重新开放地图上的地点', path: '/package-staff/pages/place-list/index', group: '清单' },
  { key: 'placeCreate', title: '新增地点', hint: '把新的服务点加到社区地图上', path: '/package-staff/pages/place-edit/index', group: '清单' },
];

/** The staff page that edits one place (or creates one without an id). */
export const PLACE_EDIT = '/package-staff/pages/place-edit/index';

/** The points pages (积分制: 行动换积分、积分兑物品). */
export const POINTS_PAGES = {
  home: '/pages/points/index/index',
  mall: '/pages/points/mall/index',
  goods: '/pages/points/goods/index',
  orders: '/pages/points/orders/index',
  leaderboard: '/pages/points/leaderboard/index',
};

/** Staff tools for points, in the staff subpackage. */
export const STAFF_POINTS_ENTRIES: ConsoleEntry[] = [
  { key: 'pointsVerify', title: '兑换核销', hint: '扫描或输入居民的提货码', path: '/package-staff/pages/points-verify/index', group: '核销', for: 'unit', badge: 'ordersToVerify' },
  { key: 'goodsManage', title: '商品管理', hint: '上架、补货、下架积分商品', path: '/package-staff/pages/goods-manage/index', group: '核销' },
  { key: 'pointsAward', title: '积分奖励', hint: '为参加活动、志愿服务的居民加积分', path: '/package-staff/pages/points-award/index', group: '核销' },
];

/** Where a 共建单位 member verifies pickups of the goods their unit provides. */
export const POINTS_VERIFY = '/package-staff/pages/points-verify/index';

/** The staff page that creates goods (or edits one given an id). */
export const GOODS_EDIT = '/package-staff/pages/goods-edit/index';

/**
 * Staff tools for booking, in the staff subpackage. `desk`: grid workers get it too (the server lets
 * them see a day's bookings, check people in and work their grid's errands).
 */
export const STAFF_BOOKING_ENTRIES: ConsoleEntry[] = [
  { key: 'bookingSchedule', title: '今日预约', hint: '按服务查看预约，扫码或输入预约码签到', path: '/package-staff/pages/booking-schedule/index', group: '服务台', for: 'desk', badge: 'bookingsToday' },
  { key: 'errandQueue', title: '代办队列', hint: '受理、指派、办结代办和上门帮办', path: '/package-staff/pages/errand-queue/index', group: '派单', for: 'desk', badge: 'errandsUnassigned' },
  { key: 'activityPublish', title: '发布活动', hint: '发布志愿活动：时间、地点、招募人数', path: '/package-staff/pages/activity-publish/index', group: '服务台' },
  { key: 'activityRoster', title: '活动签到', hint: '报名名单、现场签到码、签到签退', path: '/package-staff/pages/activity-roster/index', group: '服务台', badge: 'activitiesThisWeek' },
  { key: 'serviceManage', title: '服务管理', hint: '新增、修改、暂停预约和代办服务', path: '/package-staff/pages/service-list/index', group: '服务台' },
  { key: 'workCalendar', title: '工作日历', hint: '节假日与调休：核对预估、设置上班或休息', path: '/package-staff/pages/calendar/index', group: '设置' },
];

/** The working-day calendar page, also opened from the console's notice. */
export const STAFF_CALENDAR = '/package-staff/pages/calendar/index';

/** Staff booking pages reached from other staff pages. */
export const STAFF_BOOKING_PAGES = {
  roster: '/package-staff/pages/activity-roster/index',
  serviceEdit: '/package-staff/pages/service-edit/index',
};

/** 诉求 and dispatch tickets (集单—派单—接单—办结—评单) for residents and whoever works them. */
export const LISTS_PAGES = {
  request: '/pages/lists/request/index',
  mine: '/pages/lists/mine/index',
  ticket: '/pages/lists/ticket/index',
  /** 我的任务: tickets dispatched to me (grid workers, 红色代办员, 共建单位 members). */
  tasks: '/pages/lists/tasks/index',
};

/**
 * Staff tools for 三张清单 and dispatch, in the staff subpackage. `desk`: grid workers get it too
 * (the server shows them their grids' tickets).
 */
export const STAFF_LISTS_ENTRIES: ConsoleEntry[] = [
  { key: 'listsBoard', title: '三张清单', hint: '需求、资源、项目清单，走访录入', path: '/package-staff/pages/lists-board/index', group: '清单', for: 'desk' },
  { key: 'listsMatch', title: '智能匹配', hint: '需求与资源自动配对，采纳后派单', path: '/package-staff/pages/lists-match/index', group: '派单' },
  {
    key: 'ticketQueue',
    title: '工单派单',
    hint: '按办理时限排序，派单、督办、提级',
    path: '/package-staff/pages/ticket-queue/index',
    group: '派单',
    for: 'desk',
    badge: 'ticketsToDispatch',
    notes: [
      { key: 'ticketsOverdue', label: '超期', urgent: true },
      { key: 'ticketsDueToday', label: '今日到期' },
    ],
  },
  { key: 'listsStats', title: '办结统计', hint: '按时办结率、满意度、各网格情况，导出表格', path: '/package-staff/pages/lists-stats/index', group: '清单' },
  { key: 'surveys', title: '问卷调查', hint: '发布问卷，看结果；服务需求进入需求清单', path: '/package-staff/pages/survey-list/index', group: '清单' },
  { key: 'compounds', title: '红色物业', hint: '小区、物业与业委会，季度按时办结率和居民评价', path: '/package-staff/pages/lists-compounds/index', group: '清单' },
  { key: 'countyQueue', title: '县级包案', hint: '社区提级的疑难问题：接手、填写进展、办结', path: '/package-staff/pages/county-queue/index', group: '派单', for: 'county' },
];

/**
 * Charts, exports and the volunteer certificate's check, in the staff subpackage; `group` names the
 * console section an entry belongs to (清单: what the office reports and files).
 */
export const STAFF_CHART_ENTRIES: ConsoleEntry[] = [
  { key: 'listsExports', group: '清单', title: '数据导出', hint: '心愿、积分、订单、预约、活动时长、工单、需求，导出 Excel 或 CSV', path: '/package-staff/pages/lists-exports/index' },
  { key: 'certificateVerify', group: '清单', title: '证明核验', hint: '扫志愿服务证明上的二维码，核对服务记录', path: '/package-staff/pages/party-certificate-verify/index' },
  { key: 'listsCharts', group: '清单', title: '数据看板', hint: '每周诉求与按时办结率、各网格、类别、每季心愿、志愿服务时长图表', path: '/package-staff/pages/lists-charts/index' },
];

/** Staff lists pages reached from other staff pages. */
export const STAFF_LISTS_PAGES = {
  board: '/package-staff/pages/lists-board/index',
  needEdit: '/package-staff/pages/lists-need-edit/index',
  resourceEdit: '/package-staff/pages/lists-resource-edit/index',
  projectEdit: '/package-staff/pages/lists-project-edit/index',
  match: '/package-staff/pages/lists-match/index',
  queue: '/package-staff/pages/ticket-queue/index',
  stats: '/package-staff/pages/lists-stats/index',
  county: '/package-staff/pages/county-queue/index',
};

/** 问卷: the surveys a resident is asked, and one to answer (`?id=`). */
export const SURVEY_PAGES = {
  list: '/pages/council/surveys/index',
  survey: '/pages/council/survey/index',
};

/** Staff 问卷 pages: the list, a draft to edit (or a new one without `?id=`), a survey's results. */
export const STAFF_SURVEY_PAGES = {
  list: '/package-staff/pages/survey-list/index',
  edit: '/package-staff/pages/survey-edit/index',
  results: '/package-staff/pages/survey-results/index',
};

/** 双报到、社区吹哨·党员报到、双报告, for those who serve. */
export const PARTY_PAGES = {
  register: '/pages/party/register/index',
  callouts: '/pages/party/callouts/index',
  report: '/pages/party/report/index',
  /** A unit's member joins with its code (`?code=`, or the scene of the unit's mini-program code). */
  join: '/pages/party/join/index',
  /** A confirmed unit's join code and members (`?id=<registration>`), for its contact and staff. */
  unit: '/pages/party/unit/index',
  /** 单位主页: a unit member's unit — projects, needs, goods, verifiers, its year. */
  unitPortal: '/pages/party/unit-portal/index',
  vanguard: '/pages/party/vanguard/index',
};

/** 随手拍 and 网格任务, for grid workers full and part-time (couriers and riders). */
export const GRIDWORK_PAGES = {
  snap: '/pages/party/snap/index',
  tasks: '/pages/party/gridtasks/index',
};

/** Staff tools for party members, units and call-outs, in the staff subpackage. */
export const STAFF_PARTY_ENTRIES: ConsoleEntry[] = [
  { key: 'partyRegistrations', title: '报到确认', hint: '党员、共建单位、兼职网格员的报到', path: '/package-staff/pages/party-registrations/index', group: '审核', badge: 'registrationsToConfirm' },
  { key: 'partyCallouts', title: '社区吹哨', hint: '发布吹哨，查看报到人数，结束并记积分', path: '/package-staff/pages/party-callouts/index', group: '派单' },
  { key: 'partyReports', title: '年度双报告', hint: '党员和共建单位的年度报告', path: '/package-staff/pages/party-reports/index', group: '清单' },
  { key: 'gridTasks', title: '网格任务', hint: '给兼职网格员派小任务，确认完成并记积分', path: '/package-staff/pages/party-gridtasks/index', group: '审核', badge: 'gridTasksToConfirm' },
];

/** The staff page that blows a new whistle. */
export const STAFF_CALLOUT_EDIT = '/package-staff/pages/party-callout-edit/index';
/** A call-out's 现场签到 code and arrivals (?id=). */
export const STAFF_CALLOUT_SITE = '/package-staff/pages/party-callout-site/index';

/** 议事协商: topics by stage, one topic (?id=), and 我要提议题. */
export const COUNCIL_PAGES = {
  topics: '/pages/council/topics/index',
  topic: '/pages/council/topic/index',
  propose: '/pages/council/propose/index',
};

/** Staff move a topic through its stages (?id=): meeting, vote, result, project. */
export const STAFF_COUNCIL_TOPIC = '/package-staff/pages/council-topic/index';

/** Staff tools for 议事协商: every topic (each opens 推进议事 for staff). */
export const STAFF_COUNCIL_ENTRIES: ConsoleEntry[] = [
  { key: 'councilTopics', title: '议事协商', hint: '议题联名、协商会议、每户一票表决、公示和落实', path: COUNCIL_PAGES.topics, group: '清单' },
];

/** Points administration, the community's settings, audit and 系统状态, in the console's 核销 and 设置. */
export const STAFF_ADMIN_ENTRIES: ConsoleEntry[] = [
  { key: 'pointsAdmin', title: '积分规则与对账', hint: '调整积分规则；管理员核对账户与库存', path: '/package-staff/pages/points-admin/index', group: '核销' },
  { key: 'pointsAccount', title: '居民积分账户', hint: '查看居民积分明细，冲正错发的积分', path: '/package-staff/pages/points-account/index', group: '核销' },
  { key: 'auditLog', title: '操作记录', hint: '谁在什么时候对哪条记录做了什么，可按人、记录、日期查', path: '/package-staff/pages/audit/index', group: '设置' },
  { key: 'systemStatus', title: '系统状态', hint: '定时任务、发送失败的消息、待审核内容、云函数出错次数', path: '/package-staff/pages/status/index', group: '设置', for: 'admin' },
  { key: 'communitySettings', title: '社区设置', hint: '网格长、书记、24小时办结的计时，消息模板、心愿季、工作日历', path: '/package-staff/pages/settings/index', group: '设置', for: 'admin' },
];

/** The other settings pages, linked from 社区设置. */
export const STAFF_SETTINGS_LINKS: (MenuEntry & { hint: string })[] = [
  { key: 'notices', title: '订阅消息模板', hint: '选用模板、填写关键词，发送测试消息', path: '/package-staff/pages/notice-settings/index' },
  { key: 'seasons', title: '心愿季', hint: '开启新一季，查看各季数据', path: '/package-staff/pages/wish-season/index' },
  { key: 'calendar', title: '工作日历', hint: '节假日与调休：核对预估、设置上班或休息', path: '/package-staff/pages/calendar/index' },
];

/** A resident's 积分账户 (`?id=` opens one directly). */
export const STAFF_POINTS_ACCOUNT = '/package-staff/pages/points-account/index';

/** 通知公告: the community's bulletins and one bulletin (`?id=`). */
export const BULLETIN_PAGES = {
  list: '/pages/bulletin/list/index',
  detail: '/pages/bulletin/detail/index',
};

/** Staff pages of 通知公告, in the staff subpackage: publish (or edit, `?id=`) and 阅读情况 (`?id=`). */
export const STAFF_BULLETIN_PAGES = {
  manage: '/package-staff/pages/bulletin-manage/index',
  edit: '/package-staff/pages/bulletin-edit/index',
  reads: '/package-staff/pages/bulletin-reads/index',
};

/** The console's 通知公告 entries, each with the group of the console it belongs to. */
export const STAFF_NOTICE_ENTRIES: ConsoleEntry[] = [
  { key: 'bulletinPublish', title: '发布通知', hint: '停水停电、活动、政策：发给全社区、网格或身份', path: STAFF_BULLETIN_PAGES.edit, group: '服务台' },
  { key: 'bulletinManage', title: '通知管理', hint: '修改、撤回，查看各网格阅读和确认收到', path: STAFF_BULLETIN_PAGES.manage, group: '服务台' },
];

/** 成员管理: invites (a code and a mini-program code) and members by role, with 撤销. */
export const STAFF_MEMBERS = '/package-staff/pages/members/index';

/** The community's own settings and people, in the console's 设置. */
export const STAFF_SETTINGS_ENTRIES: ConsoleEntry[] = [
  { key: 'members', title: '成员管理', hint: '邀请志愿者、网格员、共建单位成员，撤销身份', path: STAFF_MEMBERS, group: '设置', badge: 'invitesPending' },
  { key: 'residents', title: '居民网格', hint: '为还没分网格的居民选楼栋', path: STAFF_RESIDENTS, group: '设置' },
];

/** Every console entry; another domain's tools join with one line here. */
export const CONSOLE_ENTRIES: ConsoleEntry[] = [
  ...STAFF_WISH_ENTRIES,
  ...STAFF_PARTY_ENTRIES,
  ...STAFF_LISTS_ENTRIES,
  ...STAFF_CHART_ENTRIES,
  ...STAFF_COUNCIL_ENTRIES,
  ...STAFF_BOOKING_ENTRIES,
  ...STAFF_POINTS_ENTRIES,
  ...STAFF_MAP_ENTRIES,
  ...STAFF_NOTICE_ENTRIES,
  ...STAFF_SETTINGS_ENTRIES,
  ...STAFF_ADMIN_ENTRIES,
];
