import type { TicketCard, TicketDetail } from '../../../typings/lists';
import {
  deadlineText,
  dueBadge,
  dueLine,
  eventMove,
  forResident,
  mayHaveTasks,
  ratingProblem,
  toTicketCardView,
  toTicketDetailView,
} from '../../../miniprogram/utils/ticket-view';
import { requestOf, requestProblem, requestProblems, type RequestDraft } from '../../../miniprogram/pages/lists/request/form';

/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => Date.parse(`${local}+08:00`);
const H = 3600_000;

const card = (over: Partial<TicketCard> = {}): TicketCard => ({
  id: 'tk_1',
  title: '楼道灯坏了',
  category: '水电维修',
  status: 'dispatched',
  kind: 'simple',
  level: 'grid',
  source: 'request',
  urgency: 1,
  overdue: false,
  reopened: 0,
  createdAt: sh('2026-03-04T09:00:00'),
  updatedAt: sh('2026-03-04T09:00:00'),
  ...over,
});

test('deadlines read as a day and a time, or the whole day for a working-days deadline', () => {
  const now = sh('2026-03-04T10:00:00');
  expect(deadlineText(sh('2026-03-05T14:30:00'), now)).toBe('明天 14:30前');
  expect(deadlineText(sh('2026-03-04T18:00:00'), now)).toBe('今天 18:00前');
  expect(deadlineText(sh('2026-03-06T23:59:59.999'), now)).toBe('3月6日（周五）当天内');
  expect(dueLine({ dueAt: sh('2026-03-06T23:59:59.999'), duePhase: 'accept' }, now)).toBe('须于3月6日（周五）当天内接单');
  expect(dueLine({ dueAt: sh('2026-03-05T14:30:00'), duePhase: 'resolve' }, now)).toBe('须于明天 14:30前办结');
  expect(dueLine({}, now)).toBe('');
  // 24 working hours from Monday 00:00 (raised at the weekend) end with Monday.
  expect(deadlineText(sh('2026-03-10T00:00:00'), now)).toBe('3月9日（周一）当天内');
  expect(deadlineText(sh('2027-01-04T00:00:00'), now)).toBe('2027年1月3日（周日）当天内');
});

test('the deadline badge says how much time is left, in Shanghai days', () => {
  const now = sh('2026-03-04T10:00:00');
  expect(dueBadge(undefined, now)).toBeNull();
  expect(dueBadge(now - 1, now)).toEqual({ text: '已超时', tone: 'late' });
  expect(dueBadge(now + 5 * H, now, true)).toEqual({ text: '已超时', tone: 'late' });
  expect(dueBadge(sh('2026-03-04T23:59:59.999'), now)).toEqual({ text: '今天到期', tone: 'soon' });
  expect(dueBadge(now + 30 * 60_000, now)).toEqual({ text: '剩不到 1 小时', tone: 'soon' });
  expect(dueBadge(now + 5.5 * H, now)).toEqual({ text: '剩 5 小时', tone: 'soon' });
  // Within a day but tomorrow by the clock: hours, not days.
  expect(dueBadge(sh('2026-03-05T09:00:00'), now)).toEqual({ text: '剩 23 小时', tone: 'soon' });
  expect(dueBadge(sh('2026-03-05T23:59:59.999'), now)).toEqual({ text: '明天到期', tone: 'ok' });
  expect(dueBadge(sh('2026-03-09T23:59:59.999'), now)).toEqual({ text: '剩 5 天', tone: 'ok' });
  expect(dueBadge(sh('2026-03-06T00:00:00'), now)).toEqual({ text: '明天到期', tone: 'ok' });
  expect(dueBadge(sh('2026-03-05T00:00:00'), sh('2026-03-04T12:00:00'))).toEqual({ text: '今天到期', tone: 'soon' });
  // Just after midnight in Shanghai (still the day before in UTC) counts from the Shanghai date.
  expect(dueBadge(sh('2026-03-05T23:59:59.999'), sh('2026-03-05T00:30:00'))).toEqual({ text: '今天到期', tone: 'soon' });
});

test('a card carries its status label, tone, urgency and badge', () => {
  const now = sh('2026-03-04T10:00:00');
  const v = toTicketCardView(card({ urgency: 3, dueAt: now + 3 * H, duePhase: 'resolve', reopened: 1 }), now);
  expect(v).toMatchObject({ statusLabel: '待接单', tone: 'wait', kindLabel: '简单事项', urgencyLabel: '紧急', urgent: true, submitted: '今天 09:00', badge: { text: '剩 3 小时' }, reopenedText: '已退回重新办理1次' });
  expect(v.dueText).toBe('须于今天 13:00前办结');
  // The resident who raised it reads plain words: what is happening and when it should be done.
  expect(forResident(v, now)).toMatchObject({ statusLabel: '已安排人办理', dueText: '预计今天 13:00前办好' });
  expect(forResident(toTicketCardView(card({ status: 'submitted', dueAt: sh('2026-03-05T23:59:59.999'), duePhase: 'accept' }), now), now).dueText).toBe('明天当天内会有人接手办理');
  for (const status of ['submitted', 'dispatched', 'accepted', 'resolved', 'closed', 'cancelled'] as const) {
    expect(forResident(toTicketCardView(card({ status }), now), now).statusLabel).not.toMatch(/派单|接单|工单/);
  }
  expect(toTicketCardView(card({ status: 'closed', stars: 4 }), now)).toMatchObject({ statusLabel: '已办结', tone: 'done', urgent: false, badge: null, dueText: '' });
});

test('the detail view turns the server’s permissions into flags and its events into words', () => {
  const now = sh('2026-03-04T10:00:00');
  const detail: TicketDetail = {
    ...card({ status: 'accepted', kind: 'complex', level: 'leader', dueAt: sh('2026-03-16T23:59:59.999'), duePhase: 'resolve' }),
    photos: ['cloud://x/a.jpg'],
    needId: 'nd_1',
    deadlines: { acceptBy: sh('2026-03-09T23:59:59.999'), resolveBy: sh('2026-03-16T23:59:59.999') },
    timeline: [
      { at: now, field: 'status', from: null, to: 'submitted', by: '居民 王**' },
      { at: now, field: 'status', from: 'resolved', to: 'accepted', by: '居民 王**', why: '评价2星，重新办理：没修好' },
      { at: now, field: 'level', from: 'grid', to: 'leader', by: '系统' },
    ],
    can: ['resolve', 'escalate'],
    mine: false,
  };
  const v = toTicketDetailView(detail, (id) => `https://files/${id}`, now);
  expect(v.may).toEqual({ dispatch: false, accept: false, resolve: true, rate: false, escalate: true, escalateCounty: false, note: false, cancel: false, hurry: false });
  expect(v.photos).toEqual(['https://files/cloud://x/a.jpg']);
  expect(v.levelText).toBe('网格长督办');
  expect(v.kindRule).toBe('3个工作日内接单响应，10个工作日内办结');
  expect(v.deadlines).toEqual([
    { key: 'accept', label: '接单时限', text: '3月9日（周一）当天内', running: false },
    { key: 'resolve', label: '办结时限', text: '3月16日（周一）当天内', running: true },
  ]);
  expect(v.timeline.map((e) => e.move)).toEqual(['居民 王**反映了问题', '居民 王**不满意，退回重新办理', '系统提级：网格长督办']);
  expect(v.timeline[0].time).toBe('今天 10:00');
  expect(eventMove({ at: 0, field: 'assignee', from: null, to: '网格员 周**', by: '社区工作者' })).toBe('交给网格员 周**办理');
  expect(eventMove({ at: 0, field: 'status', from: 'dispatched', to: 'accepted', by: '网格员 周**' })).toBe('已接单，正在办理');
  expect(eventMove({ at: 0, field: 'alert', from: null, to: 'resolve1.warn', by: '系统' })).toBe('提醒办理人抓紧办理');
  expect(toTicketDetailView({ ...detail, status: 'closed', can: [] }, (id) => id, now).deadlines).toEqual([]);
});

test('1–2 stars need a reason; only people who can be dispatched to have 我的任务', () => {
  expect(ratingProblem(2, '  ')).toBe('评价1–2星时请说明不满意的原因');
  expect(ratingProblem(2, '没修好')).toBeNull();
  expect(ratingProblem(4, '')).toBeNull();
  expect(ratingProblem(0, '')).toBe('请选择1到5颗星');
  expect(mayHaveTasks(['resident'])).toBe(false);
  for (const role of ['grid_worker', 'volunteer', 'unit_member', 'staff'] as const) expect(mayHaveTasks(['resident', role])).toBe(true);
});

test('a request draft is checked in Chinese and sent trimmed, without empty fields', () => {
  const draft: RequestDraft = { category: '水电维修', title: ' 楼道灯坏了 ', detail: ' ', urgency: 2, people: '3', address: '', location: null, photos: [], special: '' };
  expect(requestProblem(draft)).toBeNull();
  expect(requestOf(draft)).toEqual({ category: '水电维修', title: '楼道灯坏了', urgency: 2, people: 3 });
  expect(requestProblem({ ...draft, category: '维修' })).toBe('请选择诉求类别');
  // All at once, in the order of the fields on the page: title, detail, category, urgency, people, group, address.
  expect(requestProblems({ ...draft, category: '', title: '', people: '0', address: '地'.repeat(61) }).map((p) => p.field)).toEqual(['title', 'category', 'people', 'address']);
  expect(requestProblem({ ...draft, title: 'x'.repeat(31) })).toBe('标题不能超过30个字');
  expect(requestProblem({ ...draft, detail: 'x'.repeat(501) })).toBe('具体情况不能超过500个字');
  expect(requestProblem({ ...draft, people: '501' })).toBe('涉及人数请填写1到500之间的整数');
  expect(requestProblem({ ...draft, people: '1.5' })).toBe('涉及人数请填写1到500之间的整数');
  expect(requestProblem({ ...draft, address: '地'.repeat(61) })).toBe('地址不能超过60个字');
  expect(requestOf({ ...draft, address: ' 3幢 ', location: { lat: 32.8, lng: 120.3 }, photos: ['cloud://a'] })).toMatchObject({ address: '3幢', location: { lat: 32.8, lng: 120.3 }, photos: ['cloud://a'] });
  expect(requestOf({ ...draft, special: '残疾人' })).toMatchObject({ special: '残疾人' });
  expect(requestProblem({ ...draft, special: '贵宾' })).toBe('请选择是否属于特殊群体');
});
