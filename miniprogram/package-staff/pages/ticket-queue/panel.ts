import type { TicketKind, TicketStatus } from '../../../../typings/lists';
import { TICKET_KIND_RULES } from '../../../utils/ticket-view';

/** The queue's tabs: open work in the server's order (the nearest deadline first), then what is done. */
export type TabKey = 'submitted' | 'open' | 'overdue' | 'resolved' | 'closed';

export const TABS: Array<{ key: TabKey; label: string; status?: TicketStatus | 'open' | 'working'; empty: string }> = [
  { key: 'submitted', label: '待派单', status: 'submitted', empty: '没有待派单的工单' },
  { key: 'open', label: '办理中', status: 'working', empty: '没有正在办理的工单' },
  { key: 'overdue', label: '已超时', empty: '没有超时的工单' },
  { key: 'resolved', label: '待评价', status: 'resolved', empty: '没有等待评价的工单' },
  { key: 'closed', label: '已办结', status: 'closed', empty: '还没有办结的工单' },
];

/** 简单事项24小时办结, 复杂问题3个工作日内响应, 疑难问题提级包案: the kind sets the deadlines. */
export const KIND_CHOICES: Array<{ kind: TicketKind; label: string; rule: string; detail: string }> = [
  { kind: 'simple', label: '简单', rule: '24小时办结', detail: TICKET_KIND_RULES.simple },
  { kind: 'complex', label: '复杂', rule: '3个工作日内响应', detail: TICKET_KIND_RULES.complex },
  { kind: 'difficult', label: '疑难', rule: '提级包案', detail: TICKET_KIND_RULES.difficult },
];

export type PanelMode = 'dispatch' | 'escalate' | 'cancel';

export interface PanelSpec {
  title: string;
  placeholder: string;
  submit: string;
  done: string;
}

export const PANELS: Record<PanelMode, PanelSpec> = {
  dispatch: { title: '派单', placeholder: '改派时请说明原因，如：原办理人休假', submit: '确认派单', done: '已派单，办理人会收到通知' },
  escalate: { title: '督办提级的原因', placeholder: '如：已超时两天仍未处理、涉及多个部门', submit: '提级至社区书记包案', done: '已提级，由社区书记包案' },
  cancel: { title: '撤销原因', placeholder: '如：居民已自行解决、重复提交', submit: '撤销工单', done: '工单已撤销' },
};

/** Opened for a need sent from 三张清单 (no ticket of its own yet on this page). */
export const NEED_PANEL = 'need';
