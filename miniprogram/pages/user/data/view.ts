import type { MyData, MyDataList } from '../../../../typings/user';
import { friendlyDay, friendlyTime } from '../../../utils/date';
import { maskPhone } from '../../../utils/mask';

/** One section of 我的数据 as the page shows it: a title, how many in all, and a line per item. */
export interface DataSection {
  key: string;
  title: string;
  /** “共 3 条” or, when only the latest are listed, “共 230 条，显示最近 100 条”. */
  count: string;
  lines: string[];
  empty: boolean;
}

function countOf(list: MyDataList<unknown>): string {
  if (list.items.length < list.total) return `共 ${list.total} 条，显示最近 ${list.items.length} 条`;
  return `共 ${list.total} 条`;
}

function section<T>(key: string, title: string, list: MyDataList<T>, line: (item: T) => string): DataSection {
  return { key, title, count: countOf(list), lines: list.items.map(line), empty: list.items.length === 0 };
}

/** The page's sections; the phone shows masked here (the copy carries it whole, for its owner). */
export function dataSections(d: MyData, now: number = Date.now()): DataSection[] {
  const p = d.profile;
  const profile = [
    `昵称：${p.displayName}`,
    `手机号：${p.phone ? maskPhone(p.phone) : '未填写'}`,
    `头像：${p.avatarUrl ? '已上传' : '未上传'}`,
    `加入时间：${friendlyTime(p.createdAt, now)}`,
    `长辈模式（大字）：${p.elderMode === undefined ? '跟随微信字体大小' : p.elderMode ? '已打开' : '已关闭'}`,
  ];
  const place = [
    `社区：${d.community?.name ?? '未加入'}`,
    `网格：${d.grid?.name ?? '未选择'}`,
    `楼栋：${p.building ?? '未选择'}`,
    ...d.roles.map((r) => `身份：${r.label}（${friendlyDay(r.since, now)}起）`),
    ...d.formerRoles.map((r) => `曾任：${r.label}（${friendlyDay(r.since, now)}至${friendlyDay(r.endedAt ?? r.since, now)}，${r.why ?? ''}）`),
  ];
  const points = d.points;
  return [
    { key: 'profile', title: '基本资料', count: '', lines: profile, empty: false },
    { key: 'community', title: '社区和身份', count: '', lines: place, empty: false },
    section('wishesPosted', '我发布的心愿', d.wishesPosted, (w) => `${friendlyDay(w.createdAt, now)} ${w.title}（${w.status}）`),
    section('wishesClaimed', '我认领的心愿', d.wishesClaimed, (w) => `${w.claimedAt ? friendlyDay(w.claimedAt, now) : ''} ${w.title}（${w.status}）`.trim()),
    section('requests', '我的诉求', d.requests, (t) => `${friendlyDay(t.createdAt, now)} ${t.title}（${t.status}）`),
    section('bookings', '我的预约', d.bookings, (b) => `${b.date} ${b.service}（${b.status}）`),
    section('signups', '活动报名', d.signups, (s) => `${s.date} ${s.title}（${s.status}）`),
    section('errands', '代办和上门帮办', d.errands, (e) => `${friendlyDay(e.createdAt, now)} ${e.service}（${e.status}）`),
    {
      ...section('points', '积分记录', points.entries, (e) => `${friendlyDay(e.at, now)} ${e.amount > 0 ? '+' : ''}${e.amount} ${e.reason}`),
      count: `余额 ${points.balance} 分 · ${countOf(points.entries)}`,
    },
    section('orders', '兑换订单', d.orders, (o) => `${friendlyDay(o.createdAt, now)} ${o.goods}×${o.quantity}（${o.status}）`),
    section('notices', '我的消息', d.notices, (n) => `${friendlyDay(n.at, now)} ${n.title}`),
    section('partyRegistrations', '党员和单位报到', d.partyRegistrations, (r) => `${friendlyDay(r.createdAt, now)} ${r.kind}${r.posts.length ? ` · ${r.posts.join('、')}` : ''}（${r.status}）`),
    section('calloutAnswers', '社区吹哨', d.calloutAnswers, (a) => `${friendlyDay(a.at, now)} ${a.title}（${a.answer}${a.attended === undefined ? '' : a.attended ? '，已到场' : '，未到场'}）`),
    section('gridTasks', '网格任务', d.gridTasks, (t) => `${t.claimedAt ? `${friendlyDay(t.claimedAt, now)} ` : ''}${t.title}（${t.status}，${t.points}积分）`),
  ];
}
