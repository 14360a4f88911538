import type { AuditEntry, AuditLog } from '../../../../typings/user';
import { formatDateTime } from '../../../utils/date';

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
  const move = `${e.from ?? '新建'} → ${e.to ?? ''}`;
  return e.field && e.field !== 'status' ? `${e.field}：${move}` : move;
}

export function toAuditRow(e: AuditEntry): AuditRow {
  return { id: e.id, time: formatDateTime(e.at), by: e.by, byUserId: e.byUserId, what: whatOf(e), record: `${e.targetType} ${e.targetId}`, targetId: e.targetId, why: e.why ?? '' };
}
