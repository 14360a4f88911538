/**
 * The database round trips a screen may cost, and the calls they are measured on: every read a page
 * makes for its first screen, the stats, and the main writes, each as the demo person who makes it
 * (DESIGN.md §budgets). On CloudBase each database request a function makes is a network round trip.
 */
export type Budget = 'screen' | 'stats' | 'write';

export const BUDGETS: Record<Budget, number> = { screen: 3, stats: 4, write: 5 };

/** A first screen's response, as JSON. */
export const SCREEN_BYTES = 20 * 1024;

export type Person = 'resident' | 'volunteer' | 'staff' | 'gridworker' | 'unit' | 'party' | 'courier' | 'neighbour';

export const OPENIDS: Record<Person, string> = {
  resident: 'demo-resident',
  volunteer: 'demo-volunteer',
  staff: 'demo-staff',
  gridworker: 'demo-gridworker',
  unit: 'demo-unit',
  party: 'demo-party-1',
  courier: 'demo-courier-1',
  neighbour: 'demo-neighbour-1',
};

/** Reads a function's answer without counting it: for the ids a step needs. */
export type Ask = (fn: string, action: string, payload: object, as: Person) => Promise<any>;

export interface Step {
  page: string;
  fn: string;
  action: string;
  as: Person;
  budget: Budget;
  /** Database requests outside a transaction, as measured on the demo community: a change that adds one fails the test. */
  trips: number;
  /** Still over its budget: the bench marks it, the test holds it to its count until it is brought down. */
  over?: true;
  payload?: (ask: Ask) => Promise<object>;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const requestId = () => `trips-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const first = async (ask: Ask, fn: string, action: string, payload: object, as: Person, pick = (d: any) => d.items[0].id) => pick(await ask(fn, action, payload, as));

export const STEPS: Step[] = [
  { page: '启动', fn: 'user', action: 'me', as: 'resident', budget: 'screen', trips: 3 },
  { page: '首页', fn: 'user', action: 'home', as: 'resident', budget: 'screen', trips: 2 },
  { page: '首页', fn: 'user', action: 'home', as: 'staff', budget: 'screen', trips: 2 },
  { page: '工作台', fn: 'user', action: 'workbench', as: 'staff', budget: 'stats', trips: 2 },
  { page: '工作台', fn: 'user', action: 'workbench', as: 'gridworker', budget: 'stats', trips: 2 },
  { page: '我的消息', fn: 'user', action: 'inbox', as: 'resident', budget: 'screen', trips: 2 },
  { page: '选择网格', fn: 'user', action: 'grids', as: 'resident', budget: 'screen', trips: 2 },
  { page: '心愿墙', fn: 'wish', action: 'list', as: 'resident', budget: 'screen', trips: 2 },
  { page: '心愿墙', fn: 'wish', action: 'stats', as: 'resident', budget: 'stats', trips: 3 },
  { page: '心愿详情', fn: 'wish', action: 'get', as: 'volunteer', budget: 'screen', trips: 2, payload: async (ask) => ({ id: await first(ask, 'wish', 'list', {}, 'volunteer') }) },
  { page: '我的心愿', fn: 'wish', action: 'mine', as: 'resident', budget: 'screen', trips: 2 },
  { page: '心愿审核', fn: 'wish', action: 'queue', as: 'staff', budget: 'screen', trips: 2, payload: async () => ({ kind: 'review' }) },
  { page: '我的积分', fn: 'points', action: 'balance', as: 'volunteer', budget: 'screen', trips: 2 },
  { page: '我的积分', fn: 'points', action: 'history', as: 'volunteer', budget: 'screen', trips: 2 },
  { page: '我的积分', fn: 'points', action: 'rules', as: 'volunteer', budget: 'screen', trips: 2 },
  {
    page: '居民积分账户',
    fn: 'points',
    action: 'account',
    as: 'staff',
    budget: 'screen',
    trips: 2,
    payload: async (ask) => ({ userId: await first(ask, 'user', 'residents', { q: '王桂英' }, 'staff') }),
  },
  { page: '操作记录', fn: 'user', action: 'auditLog', as: 'staff', budget: 'screen', trips: 2, payload: async () => ({ log: 'points' }) },
  { page: '积分商城', fn: 'points', action: 'goods', as: 'volunteer', budget: 'screen', trips: 3 },
  { page: '兑换订单', fn: 'points', action: 'orders', as: 'volunteer', budget: 'screen', trips: 3 },
  { page: '光荣榜', fn: 'points', action: 'leaderboard', as: 'volunteer', budget: 'screen', trips: 3 },
  { page: '社区地图', fn: 'map', action: 'places', as: 'resident', budget: 'screen', trips: 2 },
  { page: '社区介绍', fn: 'map', action: 'community', as: 'resident', budget: 'screen', trips: 3 },
  { page: '服务预约', fn: 'booking', action: 'services', as: 'resident', budget: 'screen', trips: 3 },
  { page: '服务预约', fn: 'booking', action: 'activities', as: 'resident', budget: 'screen', trips: 3 },
  { page: '我的预约', fn: 'booking', action: 'mine', as: 'resident', budget: 'screen', trips: 2 },
  { page: '我的诉求', fn: 'lists', action: 'tickets', as: 'resident', budget: 'screen', trips: 3, payload: async () => ({ scope: 'mine' }) },
  { page: '我的任务', fn: 'lists', action: 'tickets', as: 'gridworker', budget: 'screen', trips: 3, payload: async () => ({ scope: 'tasks' }) },
  { page: '三张清单', fn: 'lists', action: 'needs', as: 'staff', budget: 'screen', trips: 3 },
  { page: '清单统计', fn: 'lists', action: 'stats', as: 'staff', budget: 'stats', trips: 3 },
  { page: '数据看板', fn: 'lists', action: 'charts', as: 'staff', budget: 'stats', trips: 3 },
  { page: '单位主页', fn: 'party', action: 'unitPortal', as: 'unit', budget: 'screen', trips: 3 },
  { page: '通知公告', fn: 'bulletin', action: 'list', as: 'resident', budget: 'screen', trips: 3 },
  { page: '通知详情', fn: 'bulletin', action: 'get', as: 'resident', budget: 'screen', trips: 3, payload: async () => ({ id: 'bl_demo_vaccine' }) },
  { page: '通知管理', fn: 'bulletin', action: 'manage', as: 'staff', budget: 'screen', trips: 3 },
  { page: '阅读情况', fn: 'bulletin', action: 'counts', as: 'staff', budget: 'stats', trips: 4, payload: async () => ({ id: 'bl_demo_water' }) },
  { page: '社区吹哨', fn: 'party', action: 'callouts', as: 'party', budget: 'screen', trips: 2 },
  { page: '党员报到', fn: 'party', action: 'mine', as: 'party', budget: 'screen', trips: 3 },
  { page: '先锋榜', fn: 'party', action: 'vanguard', as: 'party', budget: 'screen', trips: 3 },
  { page: '网格任务', fn: 'party', action: 'gridTasks', as: 'courier', budget: 'screen', trips: 3, payload: async () => ({ scope: 'open' }) },
  { page: '议事协商', fn: 'council', action: 'topics', as: 'resident', budget: 'screen', trips: 3 },
  { page: '议题', fn: 'council', action: 'topic', as: 'resident', budget: 'screen', trips: 2, payload: async (ask) => ({ id: await first(ask, 'council', 'topics', { stage: 'implementing' }, 'resident') }) },
  { page: '地点详情', fn: 'map', action: 'place', as: 'resident', budget: 'screen', trips: 2, payload: async (ask) => ({ id: await first(ask, 'map', 'places', {}, 'resident') }) },
  { page: '预约时段', fn: 'booking', action: 'slots', as: 'resident', budget: 'screen', trips: 3, payload: async (ask) => ({ serviceId: await first(ask, 'booking', 'services', {}, 'resident', (d) => d.items.find((x: { kind: string }) => x.kind === 'appointment').id) }) },
  { page: '预约详情', fn: 'booking', action: 'detail', as: 'resident', budget: 'screen', trips: 3, payload: async (ask) => ({ id: await first(ask, 'booking', 'mine', {}, 'resident') }) },
  { page: '诉求详情', fn: 'lists', action: 'ticket', as: 'resident', budget: 'screen', trips: 3, payload: async (ask) => ({ id: await first(ask, 'lists', 'tickets', { scope: 'mine' }, 'resident') }) },
  { page: '商品详情', fn: 'points', action: 'goodsDetail', as: 'volunteer', budget: 'screen', trips: 3, payload: async (ask) => ({ id: await first(ask, 'points', 'goods', {}, 'volunteer') }) },
  { page: '派单', fn: 'lists', action: 'tickets', as: 'staff', budget: 'screen', trips: 3, payload: async () => ({ scope: 'all' }) },
  { page: '派单', fn: 'lists', action: 'overdue', as: 'staff', budget: 'screen', trips: 3 },
  { page: '代办派单', fn: 'booking', action: 'errands', as: 'staff', budget: 'screen', trips: 3 },
  { page: '预约日程', fn: 'booking', action: 'schedule', as: 'staff', budget: 'screen', trips: 3, payload: async () => ({ date: today() }) },
  { page: '居民管理', fn: 'user', action: 'residents', as: 'staff', budget: 'screen', trips: 3 },
  { page: '报到确认', fn: 'party', action: 'registrations', as: 'staff', budget: 'screen', trips: 3 },
  { page: '问卷调查', fn: 'council', action: 'surveys', as: 'resident', budget: 'screen', trips: 3 },
  { page: '填问卷', fn: 'council', action: 'survey', as: 'resident', budget: 'screen', trips: 2, payload: async (ask) => ({ id: await first(ask, 'council', 'surveys', {}, 'resident') }) },
  { page: '问卷结果', fn: 'council', action: 'surveyResults', as: 'staff', budget: 'stats', trips: 4, payload: async (ask) => ({ id: await first(ask, 'council', 'surveys', { scope: 'all' }, 'staff') }) },
  { page: '红色物业', fn: 'lists', action: 'compounds', as: 'staff', budget: 'stats', trips: 4 },
  { page: '发心愿', fn: 'wish', action: 'publish', as: 'neighbour', over: true, budget: 'write', trips: 6, payload: async () => ({ title: '楼道灯坏了想请人修', content: '三楼楼道灯不亮了，晚上上下楼看不清，想请邻居帮忙看看。', category: '维修帮办', requestId: requestId() }) },
  { page: '议题', fn: 'council', action: 'comment', as: 'resident', budget: 'write', trips: 4, payload: async (ask) => ({ id: await first(ask, 'council', 'topics', { stage: 'collecting' }, 'resident'), text: '同意，音量小一点就好。', requestId: requestId() }) },
  { page: '认领心愿', fn: 'wish', action: 'claim', as: 'party', over: true, budget: 'write', trips: 8, payload: async (ask) => ({ id: await first(ask, 'wish', 'list', { status: 'open' }, 'party'), requestId: requestId() }) },
  { page: '兑换', fn: 'points', action: 'redeem', as: 'volunteer', budget: 'write', trips: 4, payload: async () => ({ goodsId: 'gd_flour', requestId: requestId() }) },
  { page: '提诉求', fn: 'lists', action: 'submitRequest', as: 'neighbour', over: true, budget: 'write', trips: 10, payload: async () => ({ category: '水电维修', title: '厨房水龙头一直滴水', detail: '关不紧，想请人来修一下。', requestId: requestId() }) },
];
