import { hoursText, personalCode, scanKind, spacedCode, starsText } from '../../../miniprogram/utils/booking';
import { dayLabel, toActivityView, toDayView, toErrandView, toSlotView } from '../../../miniprogram/utils/booking-view';
import { errandProblem, errandProblems, errandRequest, withPaper } from '../../../miniprogram/pages/booking/errand/form';

const slot = (over: Record<string, unknown> = {}) =>
  ({ id: 's.2026-11-23.0900', start: 0, end: 0, time: '09:00-09:30', capacity: 3, left: 3, waitlisted: 0, status: 'open', ...over }) as never;

test('scans are told apart the way the server reads them', () => {
  expect(scanKind('12345678')).toBe('personal');
  expect(scanKind('honglin://booking/12345678')).toBe('personal');
  expect(scanKind('honglin://booking/1234567')).toBeUndefined();
  expect(scanKind('honglin://checkin/place/p_beihai_center?k=abcDEF234567')).toBe('place');
  expect(scanKind('honglin://checkin/activity/ac_1?k=abcDEF234567')).toBe('activity');
  expect(scanKind('honglin://checkin/activity/ac_1?k=short')).toBeUndefined();
  expect(scanKind('https://example.com')).toBeUndefined();
  expect(personalCode(' 1234 5678 ')).toBe('12345678');
  expect(personalCode('honglin://booking/00000001')).toBe('00000001');
  expect(personalCode('1234567')).toBeUndefined();
  expect(spacedCode('12345678')).toBe('1234 5678');
  expect(hoursText(150)).toBe('2.5');
  expect(hoursText(undefined)).toBe('0');
  expect(starsText(3)).toBe('★★★☆☆');
});

test('a slot says what is left, and whether it can be picked', () => {
  expect(toSlotView(slot())).toMatchObject({ text: '剩3个', pickable: true, waitlist: false });
  expect(toSlotView(slot({ left: 0, status: 'waitlist', waitlisted: 2 }))).toMatchObject({ text: '约满 可候补（2人候补）', pickable: true, waitlist: true });
  expect(toSlotView(slot({ left: 0, status: 'full' }))).toMatchObject({ text: '已约满', pickable: false });
  expect(toSlotView(slot({ status: 'past' }))).toMatchObject({ text: '已结束', pickable: false });
  expect(toSlotView(slot({ mine: { id: 'bk_1', status: 'booked' } }))).toMatchObject({ text: '已预约', pickable: false, mine: true, mineId: 'bk_1' });
});

test('days are named from Shanghai, closed ones with their reason', () => {
  const now = Date.parse('2026-09-30T17:00:00Z'); // 10月1日 01:00 in Shanghai
  const closed = toDayView({ date: '2026-10-01', weekday: '周四', open: false, reason: '国庆节', slots: [] }, now);
  expect(closed).toMatchObject({ top: '今天', bottom: '10/1', title: '今天 10月1日（周四）', open: false, reason: '国庆节', free: 0 });
  expect(toDayView({ date: '2026-10-02', weekday: '周五', open: true, slots: [slot()] }, now)).toMatchObject({ top: '明天', free: 1, reason: '' });
  expect(toDayView({ date: '2026-10-04', weekday: '周日', open: false, slots: [] }, now).reason).toBe('休息');
  expect(dayLabel(now)).toBe('10月1日（周四）');
});

test('an activity offers 报名 only while it is to come and the person holds no place', () => {
  const base = { id: 'ac_1', title: 't', category: '环境整治', description: '', placeId: 'p', placeName: 'p', address: '', start: 0, end: 0, when: '', capacity: 2, signedUp: 2, left: 0, waitlisted: 1, audience: 'everyone', status: 'published', phase: 'upcoming' } as never;
  expect(toActivityView(base)).toMatchObject({ canSignUp: true, full: true, seatsText: '已报名 2/2 · 名额已满，1人候补', audienceText: '居民均可报名' });
  expect(toActivityView({ ...(base as object), mySignup: { id: 'su_1', status: 'signed_up' } } as never)).toMatchObject({ canSignUp: false, mySignupId: 'su_1', myStatusLabel: '已报名' });
  expect(toActivityView({ ...(base as object), mySignup: { id: 'su_1', status: 'cancelled' } } as never)).toMatchObject({ canSignUp: true, mySignupId: '' });
  expect(toActivityView({ ...(base as object), phase: 'ongoing' } as never).canSignUp).toBe(false);
  // Volunteers only: a resident is told before tapping; a volunteer or unit member is offered 报名.
  const volunteersOnly = { ...(base as object), audience: 'volunteers' } as never;
  expect(toActivityView(volunteersOnly, ['resident'])).toMatchObject({ canSignUp: false, notForMe: '仅限志愿者报名' });
  expect(toActivityView(volunteersOnly, ['resident', 'volunteer'])).toMatchObject({ canSignUp: true, notForMe: '' });
  expect(toActivityView(volunteersOnly, ['unit_member'])).toMatchObject({ canSignUp: true, notForMe: '' });
  expect(toActivityView({ ...(base as object), audience: 'everyone' } as never, ['resident'])).toMatchObject({ canSignUp: true, notForMe: '' });
  expect(toActivityView({ ...(volunteersOnly as object), phase: 'ended' } as never, ['resident']).notForMe).toBe('');
});

test('the errand form checks what the server checks', () => {
  const d = { description: ' 代缴医保 ', papers: [], phone: '', address: '', date: '2026-11-25', from: '08:30', to: '11:30' };
  expect(errandProblem({ ...d, description: ' ' }, 'proxy')).toBe('请说明要办理的事项');
  expect(errandProblem(d, 'proxy')).toBe('');
  expect(errandProblem({ ...d, phone: '123' }, 'proxy')).toBe('请输入正确的联系电话');
  expect(errandProblem(d, 'home_visit')).toBe('请填写上门地址');
  // Checked in the order of the fields: the address comes before the phone on the page.
  expect(errandProblems({ ...d, phone: '123' }, 'home_visit').map((p) => p.field)).toEqual(['address', 'phone']);
  expect(errandRequest('sv_1', d, 'proxy')).toEqual({ serviceId: 'sv_1', description: '代缴医保' });
  expect(errandRequest('sv_1', { ...d, address: '3幢401', papers: ['户口本'] }, 'home_visit')).toEqual({
    serviceId: 'sv_1',
    description: '代缴医保',
    papers: ['户口本'],
    address: '3幢401',
    window: { date: '2026-11-25', from: '08:30', to: '11:30' },
  });
  expect(withPaper(['户口本'], '户口本')).toEqual(['户口本']);
  expect(withPaper([], ' ')).toBe('请输入材料名称');
  expect(withPaper(Array.from({ length: 10 }, (_, i) => `材料${i}`), '新材料')).toBe('材料最多10项');
});

test('an errand’s history reads as sentences; a home visit says when the worker will come', () => {
  const at = Date.parse('2026-11-24T02:00:00Z');
  const errand = {
    id: 'er_1', kind: 'home_visit', serviceName: '上门帮办', placeName: '服务中心', status: 'accepted', description: '资格认证', papers: [],
    window: { date: '2026-11-25', from: '08:30', to: '11:30' }, requester: '孙**', mine: true, can: [], createdAt: at,
    timeline: [
      { at, from: null, to: 'submitted', by: '居民 孙**' },
      { at, from: 'submitted', to: 'accepted', by: '网格员 李**' },
    ],
  } as never;
  const v = toErrandView(errand, at);
  expect(v.timeline.map((e) => e.move)).toEqual(['居民 孙**提交了申请', '网格员 李**已接单，预计明天上午上门']);
  expect(v.timeline[0].time).toBe('今天 10:00');
  expect(v.window).toBe('明天 08:30–11:30');
});
