/* Where pages live: their paths, and the menu entries of 首页, 我的 and the staff console. */

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
  { key: 'surveys', title: '问卷调查', path: '/pages/council/surveys/index' },
];

export const STAFF_CONSOLE = '/package-staff/pages/console/index';

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
export const STAFF_WISH_ENTRIES: (MenuEntry & { hint: string })[] = [
  { key: 'wishReview', title: '心愿审核', hint: '居民新发布的心愿', path: '/package-staff/pages/wish-review/index' },
  { key: 'wishConfirm', title: '完成确认', hint: '志愿者已提交完成凭证', path: '/package-staff/pages/wish-confirm/index' },
  { key: 'wishSeason', title: '心愿季', hint: '开启新一季，查看各季数据', path: '/package-staff/pages/wish-season/index' },
];

/** A wish's own page (`?id=`). */
export const WISH_DETAIL = '/pages/wish/detail/index';

/** The community intro (社区简介), linked from 首页 and the map. */
export const COMMUNITY_INTRO = '/pages/map/community/index';

/** Staff upkeep of the community map, in the staff subpackage. */
export const STAFF_MAP_ENTRIES: (MenuEntry & { hint: string })[] = [
  { key: 'placeList', title: '地点维护', hint: '修改、关闭或重新开放地图上的地点', path: '/package-staff/pages/place-list/index' },
  { key: 'placeCreate', title: '新增地点', hint: '把新的服务点加到社区地图上', path: '/package-staff/pages/place-edit/index' },
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
export const STAFF_POINTS_ENTRIES: (MenuEntry & { hint: string })[] = [
  { key: 'pointsVerify', title: '兑换核销', hint: '扫描或输入居民的提货码', path: '/package-staff/pages/points-verify/index' },
  { key: 'goodsManage', title: '商品管理', hint: '上架、补货、下架积分商品', path: '/package-staff/pages/goods-manage/index' },
  { key: 'pointsAward', title: '积分奖励', hint: '为参加活动、志愿服务的居民加积分', path: '/package-staff/pages/points-award/index' },
];

/** Where a 共建单位 member verifies pickups of the goods their unit provides. */
export const POINTS_VERIFY = '/package-staff/pages/points-verify/index';

/** The staff page that creates goods (or edits one given an id). */
export const GOODS_EDIT = '/package-staff/pages/goods-edit/index';

/**
 * Staff tools for booking, in the staff subpackage. `desk`: grid workers get it too (the server lets
 * them see a day's bookings, check people in and work their grid's errands).
 */
export const STAFF_BOOKING_ENTRIES: (MenuEntry & { hint: string; desk?: boolean })[] = [
  { key: 'bookingSchedule', title: '今日预约', hint: '按服务查看预约，扫码或输入预约码签到', path: '/package-staff/pages/booking-schedule/index', desk: true },
  { key: 'errandQueue', title: '代办队列', hint: '受理、指派、办结代办和上门帮办', path: '/package-staff/pages/errand-queue/index', desk: true },
  { key: 'activityPublish', title: '发布活动', hint: '发布志愿活动：时间、地点、招募人数', path: '/package-staff/pages/activity-publish/index' },
  { key: 'activityRoster', title: '活动签到', hint: '报名名单、现场签到码、签到签退', path: '/package-staff/pages/activity-roster/index' },
  { key: 'serviceManage', title: '服务管理', hint: '新增、修改、暂停预约和代办服务', path: '/package-staff/pages/service-list/index' },
  { key: 'workCalendar', title: '工作日历', hint: '节假日与调休：核对预估、设置上班或休息', path: '/package-staff/pages/calendar/index' },
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
export const STAFF_LISTS_ENTRIES: (MenuEntry & { hint: string; desk?: boolean })[] = [
  { key: 'listsBoard', title: '三张清单', hint: '需求、资源、项目清单，走访录入', path: '/package-staff/pages/lists-board/index', desk: true },
  { key: 'listsMatch', title: '智能匹配', hint: '需求与资源自动配对，采纳后派单', path: '/package-staff/pages/lists-match/index' },
  { key: 'ticketQueue', title: '工单派单', hint: '按办理时限排序，派单、督办、提级', path: '/package-staff/pages/ticket-queue/index', desk: true },
  { key: 'listsStats', title: '办结统计', hint: '按时办结率、满意度、各网格情况，导出表格', path: '/package-staff/pages/lists-stats/index' },
  { key: 'surveys', title: '问卷调查', hint: '发布问卷，看结果；服务需求进入需求清单', path: '/package-staff/pages/survey-list/index' },
  { key: 'compounds', title: '红色物业', hint: '小区、物业与业委会，季度按时办结率和居民评价', path: '/package-staff/pages/lists-compounds/index' },
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
  vanguard: '/pages/party/vanguard/index',
};

/** 随手拍 and 网格任务, for grid workers full and part-time (couriers and riders). */
export const GRIDWORK_PAGES = {
  snap: '/pages/party/snap/index',
  tasks: '/pages/party/gridtasks/index',
};

/** Staff tools for party members, units and call-outs, in the staff subpackage. */
export const STAFF_PARTY_ENTRIES: (MenuEntry & { hint: string })[] = [
  { key: 'partyRegistrations', title: '报到确认', hint: '党员、共建单位、兼职网格员的报到', path: '/package-staff/pages/party-registrations/index' },
  { key: 'partyCallouts', title: '社区吹哨', hint: '发布吹哨，查看报到人数，结束并记积分', path: '/package-staff/pages/party-callouts/index' },
  { key: 'partyReports', title: '年度双报告', hint: '党员和共建单位的年度报告', path: '/package-staff/pages/party-reports/index' },
  { key: 'gridTasks', title: '网格任务', hint: '给兼职网格员派小任务，确认完成并记积分', path: '/package-staff/pages/party-gridtasks/index' },
];

/** The staff page that blows a new whistle. */
export const STAFF_CALLOUT_EDIT = '/package-staff/pages/party-callout-edit/index';
/** A call-out's 现场签到 code and arrivals (?id=). */
export const STAFF_CALLOUT_SITE = '/package-staff/pages/party-callout-site/index';
