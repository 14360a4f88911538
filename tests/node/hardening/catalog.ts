/**
 * Every action of every function with a well-formed sample payload. The hardening tests derive
 * malformed events from these; a new action belongs here the day it is added.
 */
export interface ActionSpec {
  fn: string;
  action: string;
  sample: Record<string, unknown>;
}

const id = 'w_0000000000000000';
const rid = 'req-00000001';
const svc = 'sv_0000000000000000';
const tk = 'tk_0000000000000000';
const place = { name: '测试服务点', category: '便民服务', address: '范公路1号', location: { lat: 32.8531, lng: 120.3205 }, hours: { weekly: [] }, services: ['咨询'] };

export const CATALOG: ActionSpec[] = [
  { fn: 'user', action: 'login', sample: { scene: 'c=beihai' } },
  { fn: 'user', action: 'me', sample: {} },
  { fn: 'user', action: 'bindCommunity', sample: { scene: 'c=beihai&g=g1', requestId: 'req-00000001' } },
  { fn: 'user', action: 'updateProfile', sample: { displayName: '赵大爷', phone: '13912345678', avatarUrl: 'cloud://a/b.png', requestId: 'req-00000001' } },
  { fn: 'user', action: 'createInvite', sample: { role: 'volunteer', gridId: 'g_beihai_1', unitId: 'unit_power', ttlHours: 24, requestId: 'req-00000001' } },
  { fn: 'user', action: 'redeemInvite', sample: { code: 'ABCDEFGH', requestId: 'req-00000001' } },
  { fn: 'user', action: 'qrcode', sample: { scene: 'c=beihai&g=g1', page: 'pages/home/index', requestId: 'req-00000001' } },

  { fn: 'wish', action: 'publish', sample: { title: '楼道灯坏了', content: '晚上看不见', category: '维修帮办', photos: ['cloud://a/b.png'], showPhone: true, requestId: 'req-00000001' } },
  { fn: 'wish', action: 'similar', sample: { title: '楼道灯坏了', content: '晚上看不见', category: '维修帮办' } },
  { fn: 'wish', action: 'want', sample: { id, requestId: 'req-00000001' } },
  { fn: 'wish', action: 'review', sample: { id, approve: false, reason: '请补充', requestId: 'req-00000001' } },
  { fn: 'wish', action: 'list', sample: { status: 'open', category: '其他', sort: 'newest', cursor: 'o20', limit: 10 } },
  { fn: 'wish', action: 'get', sample: { id } },
  { fn: 'wish', action: 'claim', sample: { id, requestId: 'req-00000001' } },
  { fn: 'wish', action: 'release', sample: { id, reason: '有事', requestId: 'req-00000001' } },
  { fn: 'wish', action: 'revoke', sample: { id, reason: '联系不上', requestId: 'req-00000001' } },
  { fn: 'wish', action: 'submitProof', sample: { id, note: '已完成', photos: ['cloud://a/b.png'], requestId: 'req-00000001' } },
  { fn: 'wish', action: 'confirm', sample: { id, requestId: 'req-00000001' } },
  { fn: 'wish', action: 'dispute', sample: { id, reason: '没修好', requestId: 'req-00000001' } },
  { fn: 'wish', action: 'rate', sample: { id, stars: 5, comment: '谢谢', requestId: 'req-00000001' } },
  { fn: 'wish', action: 'withdraw', sample: { id, reason: '不需要了', requestId: 'req-00000001' } },
  { fn: 'wish', action: 'takedown', sample: { id, reason: '重复', requestId: 'req-00000001' } },
  { fn: 'wish', action: 'mine', sample: { role: 'posted', cursor: 'o0' } },
  { fn: 'wish', action: 'queue', sample: { kind: 'review', cursor: 'o0' } },
  { fn: 'wish', action: 'stats', sample: { seasonId: 'c_beihai.s1' } },
  { fn: 'wish', action: 'openSeason', sample: { name: '第九季', startDate: '2030-01-01', endDate: '2030-03-31', requestId: 'req-00000001' } },

  { fn: 'map', action: 'community', sample: {} },
  { fn: 'map', action: 'places', sample: { category: '便民服务', location: { lat: 32.85, lng: 120.32 }, within: 10, openNow: true, includeClosed: false, cursor: 'o0', limit: 10 } },
  { fn: 'map', action: 'place', sample: { id: 'p_0000', location: { lat: 32.85, lng: 120.32 } } },
  { fn: 'map', action: 'managePlace', sample: { op: 'create', place, requestId: 'req-00000001' } },

  { fn: 'points', action: 'balance', sample: {} },
  { fn: 'points', action: 'history', sample: { kind: 'earn', cursor: 'o0', limit: 10 } },
  { fn: 'points', action: 'rules', sample: {} },
  { fn: 'points', action: 'setRules', sample: { values: { neighbour_help: 3 }, reason: '鼓励互助', requestId: 'req-00000001' } },
  { fn: 'points', action: 'award', sample: { userId: 'u_demo_resident', points: 5, rule: 'activity_attended', reason: '参加活动', requestId: 'req-00000001' } },
  { fn: 'points', action: 'reverse', sample: { entryId: 'award.req-00000001.earn.u_demo_resident', reason: '误发', requestId: 'req-00000001' } },
  { fn: 'points', action: 'goods', sample: { all: false, cursor: 'o0', limit: 10 } },
  { fn: 'points', action: 'goodsDetail', sample: { id: 'gd_rice' } },
  { fn: 'points', action: 'manageGoods', sample: { op: 'create', name: '大米 5kg', description: '粳米', photo: 'cloud://a/b.png', cost: 100, stock: 10, unitId: 'unit_power', pickupPlace: '服务台', perPersonLimit: 1, requestId: 'req-00000001' } },
  { fn: 'points', action: 'audit', sample: { targetId: 'gd_rice', cursor: 'o0' } },
  { fn: 'points', action: 'redeem', sample: { goodsId: 'gd_rice', quantity: 1, requestId: 'req-00000001' } },
  { fn: 'points', action: 'orders', sample: { status: 'pending', cursor: 'o0', limit: 10 } },
  { fn: 'points', action: 'cancelOrder', sample: { id: 'po_0000000000000000', reason: '不要了', requestId: 'req-00000001' } },
  { fn: 'points', action: 'verify', sample: { code: '12345678', requestId: 'req-00000001' } },
  { fn: 'points', action: 'leaderboard', sample: { seasonId: 'c_beihai.s1' } },
  { fn: 'points', action: 'reconcile', sample: {} },

  { fn: 'booking', action: 'services', sample: { placeId: 'p_beihai_center', kind: 'appointment', includePaused: true, cursor: 'o0', limit: 10 } },
  { fn: 'booking', action: 'slots', sample: { serviceId: svc, from: '2026-10-08', to: '2026-10-10' } },
  { fn: 'booking', action: 'book', sample: { slotId: `${svc}.2026-10-08.0830`, note: '咨询退休认证', requestId: rid } },
  { fn: 'booking', action: 'cancel', sample: { id: 'bk_0000000000000000', reason: '临时有事', requestId: rid } },
  { fn: 'booking', action: 'mine', sample: { kind: 'bookings', when: 'upcoming', cursor: 'o0' } },
  { fn: 'booking', action: 'detail', sample: { id: 'bk_0000000000000000' } },
  { fn: 'booking', action: 'checkIn', sample: { code: '00000000', requestId: rid } },
  { fn: 'booking', action: 'checkOut', sample: { code: '00000000', requestId: rid } },
  { fn: 'booking', action: 'schedule', sample: { date: '2026-10-08', serviceId: svc, placeId: 'p_beihai_center', cursor: 'o0' } },
  { fn: 'booking', action: 'manageService', sample: { op: 'pause', id: svc, reason: '工作人员培训', requestId: rid } },
  { fn: 'booking', action: 'placeCode', sample: { placeId: 'p_0000000000000000', rotate: true, requestId: rid } },
  {
    fn: 'booking',
    action: 'requestErrand',
    sample: { serviceId: svc, description: '上门认证', papers: ['身份证'], address: '9幢302室', window: { date: '2026-10-09', from: '09:00', to: '11:00' }, contactPhone: '13912345678', requestId: rid },
  },
  { fn: 'booking', action: 'errands', sample: { scope: 'queue', status: 'submitted', cursor: 'o0' } },
  { fn: 'booking', action: 'workers', sample: {} },
  { fn: 'booking', action: 'assignErrand', sample: { id: 'er_0000000000000000', assigneeId: 'u_demo_gridworker', reason: '网格员休假', requestId: rid } },
  { fn: 'booking', action: 'updateErrand', sample: { id: 'er_0000000000000000', op: 'done', note: '已办结', requestId: rid } },
  { fn: 'booking', action: 'rateErrand', sample: { id: 'er_0000000000000000', stars: 5, comment: '满意', requestId: rid } },
  { fn: 'booking', action: 'activities', sample: { when: 'upcoming', category: '环境整治', cursor: 'o0' } },
  { fn: 'booking', action: 'publishActivity', sample: { op: 'cancel', id: 'ac_0000000000000000', reason: '暴雨预警', requestId: rid } },
  { fn: 'booking', action: 'signUp', sample: { activityId: 'ac_0000000000000000', requestId: rid } },
  { fn: 'booking', action: 'roster', sample: { activityId: 'ac_0000000000000000', cursor: 'o0' } },

  {
    fn: 'lists',
    action: 'submitRequest',
    sample: { category: '水电维修', title: '灯坏了', detail: '三楼', gridId: 'g_x', address: '1幢', location: { lat: 32.85, lng: 120.32 }, urgency: 2, people: 3, photos: ['cloud://a/b.png'], requestId: rid },
  },
  { fn: 'lists', action: 'addNeed', sample: { category: '助老服务', title: '探访', gridId: 'g_x', visitGroup: '空巢独居老人', urgency: 1, people: 1, requestId: rid } },
  { fn: 'lists', action: 'updateNeed', sample: { id: 'nd_0000', op: 'edit', patch: { urgency: 3 }, reason: '加急', requestId: rid } },
  { fn: 'lists', action: 'needs', sample: { status: 'open', source: 'wish', category: '助老服务', gridId: 'g_x', cursor: 'o0', limit: 10 } },
  { fn: 'lists', action: 'need', sample: { id: 'wish.w_0000' } },
  {
    fn: 'lists',
    action: 'saveResource',
    sample: { op: 'create', resource: { title: '检修', providerKind: 'unit', unitId: 'unit_x', categories: ['水电维修'], capacity: 3, period: 'week', area: { gridIds: ['g_x'] } }, requestId: rid },
  },
  { fn: 'lists', action: 'resources', sample: { status: 'active', providerKind: 'unit', category: '水电维修', mine: false, cursor: 'o0', limit: 10 } },
  { fn: 'lists', action: 'resource', sample: { id: 'rs_0000' } },
  { fn: 'lists', action: 'saveProject', sample: { op: 'publish', id: 'pj_0000', reason: '发布', requestId: rid } },
  { fn: 'lists', action: 'claimProject', sample: { id: 'pj_0000', requestId: rid } },
  { fn: 'lists', action: 'projects', sample: { status: 'recruiting', cursor: 'o0', limit: 10 } },
  { fn: 'lists', action: 'project', sample: { id: 'pj_0000' } },
  { fn: 'lists', action: 'match', sample: { background: true, requestId: rid } },
  { fn: 'lists', action: 'matchResult', sample: { jobId: 'mj_0000000000000000', status: 'proposed', cursor: 'o0', limit: 10 } },
  { fn: 'lists', action: 'decide', sample: { id: 'mj_0000000000000000.0', decision: 'reject', reason: '不需要', requestId: rid } },
  { fn: 'lists', action: 'dispatch', sample: { id: tk, to: 'grid_worker', kind: 'complex', reason: '改派', requestId: rid } },
  { fn: 'lists', action: 'accept', sample: { id: tk, requestId: rid } },
  { fn: 'lists', action: 'resolve', sample: { id: tk, note: '已修好', photos: ['cloud://a/b.png'], requestId: rid } },
  { fn: 'lists', action: 'rate', sample: { id: tk, stars: 2, comment: '一般', reason: '没修好', requestId: rid } },
  { fn: 'lists', action: 'escalate', sample: { id: tk, reason: '疑难', requestId: rid } },
  { fn: 'lists', action: 'cancel', sample: { id: tk, reason: '不需要', requestId: rid } },
  { fn: 'lists', action: 'tickets', sample: { scope: 'all', status: 'open', gridId: 'g_x', cursor: 'o0', limit: 10 } },
  { fn: 'lists', action: 'ticket', sample: { id: tk } },
  { fn: 'lists', action: 'overdue', sample: { gridId: 'g_x', cursor: 'o0', limit: 10 } },
  { fn: 'lists', action: 'assignees', sample: { gridId: 'g_x' } },
  { fn: 'lists', action: 'stats', sample: { from: '2026-10-01', to: '2026-10-31' } },
  { fn: 'lists', action: 'export', sample: { list: 'tickets', cursor: 'o0' } },
  { fn: 'lists', action: 'settings', sample: {} },
  { fn: 'lists', action: 'setSettings', sample: { secretaryId: 'u_x', requestId: rid } },
];
