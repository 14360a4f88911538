import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { meOf, okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { insertDoc } from '../support/db';
import { friendlyTime } from '../../../miniprogram/utils/date';

const PAGE = 'pages/home/index';
const HOUR = 3600_000;

jest.setTimeout(90_000);

/** How the page says a time: 今天 14:30, 明天 09:00, 12月9日（周三） 08:30 (the helper has its own tests). */
const short = (ms: number) => friendlyTime(ms);

describe('首页 · 我的待办', () => {
  let page: PageHandle | undefined;
  let c: TestCommunity;
  let resident: string;
  let volunteer: string;
  let claimedWish: string;
  let nearbyWish: string;
  const now = Date.now();
  const tag = Math.random().toString(36).slice(2, 8);

  beforeAll(async () => {
    c = await newCommunity();
    [resident, volunteer] = await Promise.all([c.resident('刘秀兰'), c.volunteer('张志强')]);
    const residentId = (await meOf(resident)).id;
    // A wish claimed through the real flow; one left open for the volunteer's grid.
    claimedWish = await c.openWish(resident, '帮忙买米');
    await okFn(volunteer, 'wish', { action: 'claim', id: claimedWish });
    nearbyWish = await c.openWish(await c.resident('王秀英'), '陪老人聊天');
    const base = { communityId: c.id, createdAt: now, updatedAt: now, userId: residentId, userName: '刘**', cancelCutoffMinutes: 120, date: '2026-01-01' };
    await Promise.all([
      insertDoc('booking_bookings', { _id: `bk_${tag}`, ...base, serviceId: 's', serviceName: '社保咨询', placeId: 'p', placeName: '党群服务中心', placeAddress: '', slotId: 's', start: now + 20 * HOUR, end: now + 21 * HOUR, status: 'booked', code: '12345678' }),
      insertDoc('booking_signups', { _id: `su_${tag}`, ...base, activityId: `act_${tag}`, title: '敬老院义演', category: '文体', placeName: '敬老院', start: now + 50 * HOUR, end: now + 52 * HOUR, status: 'signed_up', code: '11112222' }),
      insertDoc('booking_activities', { _id: `act_${tag}`, communityId: c.id, placeId: 'p', placeName: '敬老院', address: '', title: '敬老院义演', category: '文体', description: '', date: '2026-01-01', start: now + 50 * HOUR, end: now + 52 * HOUR, capacity: 10, waitlistMax: 0, cancelCutoffMinutes: 120, audience: 'everyone', status: 'published', key: 'k', createdBy: 't', createdAt: now, updatedAt: now }),
      insertDoc('points_orders', { _id: `po_${tag}`, communityId: c.id, userId: residentId, holderLabel: '刘**', goodsId: 'g', goodsName: '大米5斤', providerName: '社区', pickupPlace: '党群服务中心一楼', quantity: 1, points: 100, code: '55556666', status: 'pending', events: [], createdAt: now, expiresAt: now + 14 * 24 * HOUR }),
      insertDoc('tickets', { _id: `tk_${tag}`, communityId: c.id, title: '路灯不亮', category: '市政', requesterId: residentId, requesterName: '刘**', status: 'resolved', createdAt: now, updatedAt: now }),
      insertDoc('notices', { _id: `nt_${tag}`, communityId: c.id, to: 'all', title: '停水通知', body: '明天上午8点到12点停水', at: now }),
    ]);
  });

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('shows each kind of item the resident has, and each opens its page', async () => {
    page = await load(PAGE, { openid: resident });
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // login and home
    const todos = page.textOf('#todos');
    expect(todos).toContain(`请评价路灯不亮`);
    expect(todos).toContain(`预约社保咨询${short(now + 20 * HOUR)} · 党群服务中心 · 预约码 12345678`);
    expect(todos).toContain('待领取大米5斤到党群服务中心一楼领取 · 提货码 55556666');
    expect(todos).toContain(`已报名活动敬老院义演${short(now + 50 * HOUR)} · 敬老院`);
    expect(todos).toContain('心愿已被认领帮忙买米');
    expect(page.textOf('#notices')).toContain('停水通知明天上午8点到12点停水');
    expect(page.textOf('#activities')).toContain('敬老院义演');
    expect(page.has('#volunteer')).toBe(false);
    expect(page.has('#queues')).toBe(false);
    expect(recorded.requests.map((r) => (r.data as { action?: string }).action)).toEqual(['login', 'home']);

    for (let i = 0; i < 5; i++) await page.tap(`#todo-${i}`);
    await page.tap('#activity-0');
    expect(recorded.navigations).toEqual([
      `navigateTo:/pages/lists/ticket/index?id=tk_${tag}`,
      `navigateTo:/pages/booking/detail/index?id=bk_${tag}`,
      'navigateTo:/pages/points/orders/index',
      `navigateTo:/pages/booking/detail/index?id=su_${tag}`,
      `navigateTo:/pages/wish/detail/index?id=${claimedWish}`,
      'navigateTo:/pages/booking/index/index?tab=activity',
    ]);
  });

  test('asks the resident to confirm once the volunteer says it is done', async () => {
    await okFn(volunteer, 'wish', { action: 'submitProof', id: claimedWish, note: '米已送到家门口' });
    page = await load(PAGE, { openid: resident });
    expect(page.textOf('#todo-0')).toBe('请确认心愿帮忙买米志愿者说已经办好了，请您看一看');
    await page.tap('#todo-0');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/wish/detail/index?id=${claimedWish}`]);
  });

  test('a volunteer sees their claim with its deadline and the open wishes of their grid, nothing of the resident', async () => {
    page = await load(PAGE, { openid: volunteer });
    expect(page.textOf('#no-todos')).toBe('眼下没有要您办的事');
    expect(page.textOf('#claim-0')).toContain('帮忙买米');
    expect(page.textOf('#nearby-0')).toBe('身边的心愿陪老人聊天生活物资');
    expect(page.text()).not.toContain('大米5斤');
    await page.tap('#nearby-0');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/wish/detail/index?id=${nearbyWish}`]);
  });

  test('staff see their queues and tap into the console', async () => {
    await okFn(resident, 'wish', { action: 'publish', title: '想学用智能手机', content: '孙子不在身边，想学视频通话', category: '生活物资' });
    page = await load(PAGE, { openid: c.staff });
    expect(page.textOf('#queue-review')).toBe('1心愿待审核');
    expect(page.textOf('#queue-dispatch')).toBe('0诉求待派单');
    await page.tap('#queue-review');
    await page.tap('#queue-console');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/wish-review/index', 'navigateTo:/package-staff/pages/console/index']);
    // Asked, in the tap, for the batched notice of new work.
    expect(recorded.subscriptions[0]).toEqual(['tmpl-staff-queue']);
  });
});
