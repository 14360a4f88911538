import type { Callout, ReportFigures } from '../../typings/party';
import { friendlyTime } from './date';

/** A call-out as the lists show it, to those who answer and to staff. */
export interface CalloutView {
  id: string;
  title: string;
  detail: string;
  place: string;
  when: string;
  urgent: boolean;
  postsText: string;
  countText: string;
  open: boolean;
  full: boolean;
  statusLabel: string;
  mine: '' | 'coming' | 'declined';
  mineLabel: string;
  /** 已签到 今天 19:05 once the person checked in on site. */
  checkedInLabel: string;
  /** Answered 报到, not checked in yet, still open: 现场签到 is offered. */
  canCheckIn: boolean;
  /** 已签到 2 人 (for staff). */
  arrivedText: string;
  note: string;
}

export function toCalloutView(c: Callout): CalloutView {
  const open = c.status === 'open';
  return {
    id: c.id,
    title: c.title,
    detail: c.detail ?? '',
    place: c.place,
    when: c.when,
    urgent: c.urgency === 'urgent',
    postsText: c.posts.length ? `岗位：${c.posts.join('、')}` : '',
    countText: `已报到 ${c.coming}/${c.needed} 人`,
    open,
    full: c.full,
    statusLabel: !open ? '已结束' : c.full ? '已满员' : '招募中',
    mine: c.mine ?? '',
    mineLabel: c.mine === 'coming' ? '我已报到' : c.mine === 'declined' ? '我不能到' : '',
    checkedInLabel: c.checkedInAt ? `已签到 ${friendlyTime(c.checkedInAt)}` : '',
    canCheckIn: open && c.mine === 'coming' && !c.checkedInAt,
    arrivedText: `已签到 ${c.arrived} 人`,
    note: c.note ?? '',
  };
}

/** 双报告's figures as lines: label and value, service time in hours to one decimal. */
export function figureLines(f: ReportFigures): Array<{ key: string; label: string; value: string }> {
  return [
    { key: 'callouts', label: '响应社区吹哨', value: `${f.callouts} 次` },
    { key: 'activities', label: '参加志愿活动', value: `${f.activities} 次` },
    { key: 'hours', label: '服务时长', value: `${Math.round(f.minutes / 6) / 10} 小时` },
    { key: 'wishes', label: '点亮微心愿', value: `${f.wishes} 个` },
    { key: 'tickets', label: '办结群众诉求', value: `${f.tickets} 件` },
    { key: 'points', label: '获得积分', value: `${f.points} 分` },
    { key: 'ratings', label: '群众评价', value: f.ratings ? `${f.ratings} 次，平均 ${f.averageStars} 星` : '暂无' },
  ];
}

/** What a 志愿服务证明's QR carries; staff scan it on 证明核验. */
export const CERTIFICATE_QR_PREFIX = 'honglin://certificate/';

/** The certificate number a scanned code (or a typed number) carries, or '' when it is not a 红邻 certificate. */
export function certificateIdOf(scanned: string): string {
  const t = scanned.trim();
  const id = t.startsWith(CERTIFICATE_QR_PREFIX) ? t.slice(CERTIFICATE_QR_PREFIX.length) : t;
  return /^vc_[0-9a-f]{16}$/.test(id) ? id : '';
}
