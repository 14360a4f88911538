import type { AuditEntry, AuditLog } from '../../../../typings/user';
import { formatDateTime } from '../../../utils/date';
import { STATUS_LABELS as WISH_STATUS_LABELS } from '../../../utils/wish-view';
import { TICKET_STATUS_LABELS } from '../../../utils/ticket-view';
import { NEED_STATUS_LABELS, PROJECT_STATUS_LABELS, RESOURCE_STATUS_LABELS } from '../../../utils/lists-view';
import { BOOKING_STATUS_LABELS, ERRAND_STATUS_LABELS, SIGNUP_STATUS_LABELS } from '../../../utils/booking';
import { ORDER_STATUS_LABELS } from '../../../utils/points-view';

/** The logs as tabs, in the order staff look for things. */
export const LOG_TABS: Array<{ key: AuditLog; label: string }> = [
  { key: 'ticket', label: '工单' },
  { key: 'wish', label: '心愿' },
  { key: 'booking', label: '预约' },
  { key: 'points', label: '积分' },
  { key: 'people', label: '人员' },
  { key: 'party', label: '报到' },
  { key: 'map', label: '地点' },
];

/** Named actions of the points audit; status moves read as from → to. */
const ACTIONS: Record<string, string> = {
  award: '奖励积分',
  reverse: '冲正积分',
  'rules.set': '调整积分规则',
  'goods.create': '上架商品',
  'goods.edit': '修改商品',
  'goods.restock': '补货',
  'goods.offShelf': '下架商品',
  'goods.onShelf': '重新上架',
};

/** What each kind of record is called, and its states in words where the pages have them. */
const RECORDS: Record<string, { name: string; states?: Record<string, string> }> = {
  wish: { name: '心愿', states: WISH_STATUS_LABELS },
  ticket: { name: '工单', states: TICKET_STATUS_LABELS },
  need: { name: '需求', states: NEED_STATUS_LABELS },
  resource: { name: '资源', states: RESOURCE_STATUS_LABELS },
  project: { name: '项目', states: PROJECT_STATUS_LABELS },
  booking: { name: '预约', states: BOOKING_STATUS_LABELS },
  errand: { name: '代办', states: ERRAND_STATUS_LABELS },
  signup: { name: '活动报名', states: SIGNUP_STATUS_LABELS },
  order: { name: '兑换订单', states: ORDER_STATUS_LABELS },
  activity: { name: '活动' },
  service: { name: '服务' },
  calendar: { name: '工作日历' },
  job: { name: '匹配任务' },
  suggestion: { name: '匹配建议' },
  settings: { name: '社区设置' },
  registration: { name: '报到' },
  user: { name: '人员' },
  place: { name: '地点' },
  entry: { name: '积分记录' },
  goods: { name: '商品' },
  rules: { name: '积分规则' },
};

export interface AuditRow {
  id: string;
  time: string;
  by: string;
  byUserId: string;
  what: string;
  record: string;
  targetId: string;
  why: string;
}

function whatOf(e: AuditEntry): string {
  if (ACTIONS[e.action]) return ACTIONS[e.action];
  const states = RECORDS[e.targetType]?.states ?? {};
  const say = (v: string | null | undefined) => (v ? (states[v] ?? v) : '新建');
  const move = `${say(e.from)} → ${say(e.to)}`;
  return e.field && e.field !== 'status' ? `${e.field}：${move}` : move;
}

export function toAuditRow(e: AuditEntry): AuditRow {
  return { id: e.id, time: formatDateTime(e.at), by: e.by, byUserId: e.byUserId, what: whatOf(e), record: `${RECORDS[e.targetType]?.name ?? e.targetType} ${e.targetId}`, targetId: e.targetId, why: e.why ?? '' };
}
