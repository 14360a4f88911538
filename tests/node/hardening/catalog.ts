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
];
