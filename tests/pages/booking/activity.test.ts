import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx, scanAnswer } from '../../setup/wx';
import { callFn, meOf, okFn } from '../support/backend';
import { findDocs, updateDoc } from '../support/db';
import { MIN, bookingCommunity, callBooking, moveActivity, sentBooking, shanghaiDay, signupsOf } from '../support/booking';

const INDEX = 'pages/booking/index/index';
const DETAIL = 'pages/booking/detail/index';
const MINE = 'pages/booking/mine/index';
const PUBLISH = 'package-staff/pages/activity-publish/index';
const ROSTER = 'package-staff/pages/activity-roster/index';

jest.setTimeout(120_000);

describe('志愿活动', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff publish → a volunteer signs up → checks in and out by scanning → hours shown, points entered once', async () => {
    const c = await bookingCommunity();
    const volunteer = await c.volunteer('张志强');
    const resident = await c.resident('李阿婆');
    const { rules } = await okFn(c.staff, 'points', { action: 'rules' });
    const worth = (key: string) => rules.find((r: { key: string; points: number }) => r.key === key).points as number;

    // Staff publish from the form.
    page = await load(PUBLISH, { openid: c.staff });
    await page.input('#title', '北海新村楼道杂物清理');
    await page.tap('#category-0');
    await page.input('#description', '清理楼道堆放的杂物，请自带手套。');
    const placeIndex = page.comp.data.places.findIndex((p: { id: string }) => p.id === c.placeId);
    await page.tap(`#place-${placeIndex}`);
    await page.trigger('#date', 'change', { value: shanghaiDay(2) });
    await page.input('#capacity', '0');
    await page.tap('#submit');
    expect(recorded.toasts).toEqual(['招募人数须为1到200之间的整数']);
    await page.input('#capacity', '10');
    await page.tap('#submit');
    expect(recorded.modals[0].title).toBe('发布活动');
    const [activity] = await findDocs<any>('booking_activities', { communityId: c.id });
    expect(activity).toMatchObject({ title: '北海新村楼道杂物清理', category: '环境整治', capacity: 10, placeId: c.placeId, date: shanghaiDay(2), audience: 'volunteers', status: 'published' });
    expect(recorded.navigations).toEqual([`redirectTo:/package-staff/pages/activity-roster/index?id=${activity._id}`]);
    page.detach();

    // The roster shows the code volunteers scan at the site.
    resetWx();
    page = await load(ROSTER, { openid: c.staff, query: { id: activity._id } });
    const siteQr = page.props('#site-qr').text as string;
    expect(siteQr).toBe(`honglin://checkin/activity/${activity._id}?k=${activity.key}`);
    expect(page.textOf('#stat-signed')).toBe('0/10');
    page.detach();

    // A resident who is not a volunteer sees why before tapping: the button is disabled and says so.
    resetWx();
    page = await load(INDEX, { openid: resident, query: { tab: 'activity' } });
    expect(page.textOf(`#signup-${activity._id}`)).toBe('仅限志愿者报名');
    expect(page.props(`#signup-${activity._id}`).disabled).toBe(true);
    expect(page.textOf(`#not-for-me-${activity._id}`)).toContain('登记成为志愿者');
    expect(page.textOf(`#activity-${activity._id}`)).not.toContain('我要报名');
    await page.tap(`#signup-${activity._id}`);
    expect(recorded.modals).toEqual([]);
    expect(sentBooking('signUp')).toHaveLength(0);
    // The server keeps refusing whoever asks anyway.
    const refused = await callFn<{ ok: boolean; message: string }>(resident, 'booking', { action: 'signUp', activityId: activity._id, requestId: 'not-a-volunteer' });
    expect(refused).toMatchObject({ ok: false, message: '该活动仅限登记的志愿者、共建单位成员报名，可到志愿服务站登记成为志愿者' });
    expect(await signupsOf(resident)).toHaveLength(0);
    page.detach();

    // The volunteer signs up from the 志愿活动 tab.
    resetWx();
    page = await load(INDEX, { openid: volunteer, query: { tab: 'activity' } });
    expect(page.textOf(`#seats-${activity._id}`)).toBe('已报名 0/10 · 剩10个名额');
    await page.tap(`#signup-${activity._id}`);
    expect(recorded.modals[0].title).toBe('报名参加');
    expect(recorded.modals[1].title).toBe('报名成功');
    expect(recorded.subscriptions).toEqual([['tmpl-activity-reminder', 'tmpl-activity-cancelled', 'tmpl-booking-promoted']]);
    const [signup] = await signupsOf(volunteer);
    expect(signup).toMatchObject({ activityId: activity._id, status: 'signed_up' });
    expect(recorded.navigations).toEqual([`navigateTo:/pages/booking/detail/index?id=${signup._id}`]);
    expect(page.textOf(`#my-${activity._id}`)).toBe('已报名 · 查看');
    expect(page.textOf(`#seats-${activity._id}`)).toBe('已报名 1/10 · 剩9个名额');
    page.detach();

    // The day has come: it began 150 minutes ago and ends in 10.
    await moveActivity(activity._id, Date.now() - 150 * MIN, Date.now() + 10 * MIN);
    resetWx();
    page = await load(DETAIL, { openid: volunteer, query: { id: signup._id } });
    expect(page.textOf('#status')).toBe('已报名');
    expect(page.props('#qr').text).toBe(`honglin://booking/${signup.code}`);
    scanAnswer.value = 'honglin://checkin/place/p_x?k=AAAAAAAAAAAA';
    await page.tap('#scan-in');
    expect(recorded.modals.at(-1)!.title).toBe('无法识别');
    expect(sentBooking('checkIn')).toHaveLength(0);
    scanAnswer.value = siteQr;
    await page.tap('#scan-in');
    expect(recorded.toasts.at(-1)).toBe('签到成功');
    expect(page.textOf('#status')).toBe('已签到');
    expect((await signupsOf(volunteer))[0].status).toBe('checked_in');

    // As if they had checked in at the start, 150 minutes ago.
    await updateDoc('booking_signups', signup._id, { checkInAt: Date.now() - 150 * MIN });
    const points = worth('activity_attended') + 2 * worth('volunteer_hour');
    await page.tap('#scan-out');
    expect(recorded.toasts.at(-1)).toBe(`签退成功，服务2.5小时，获得${points}积分`);
    expect(page.textOf('#status')).toBe('已签退');
    expect(page.textOf('#hours')).toBe(`本次服务 2.5 小时 · 获得 ${points} 积分`);
    expect(page.has('#scan-out')).toBe(false);
    const [out] = await signupsOf(volunteer);
    expect(out).toMatchObject({ status: 'checked_out', minutes: 150, pointsAwarded: points });

    // Points: one entry for the activity, and a second check-out changes nothing.
    const again = await callBooking(volunteer, { action: 'checkOut', code: siteQr });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    const { id: userId } = await meOf(volunteer);
    const entries = await findDocs<any>('points_entries', { userId, 'source.type': 'activity' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ amount: points, source: { type: 'activity', id: activity._id } });
    page.detach();

    // My service hours.
    resetWx();
    page = await load(MINE, { openid: volunteer, query: { tab: 'signups' } });
    expect(page.textOf('#hours-total')).toBe('2.5');
    expect(page.textOf('#hours-count')).toBe('共参加 1 次志愿活动');
    expect(page.textOf(`#status-${signup._id}`)).toBe('已签退');
    page.detach();

    // The roster shows it to staff.
    resetWx();
    page = await load(ROSTER, { openid: c.staff, query: { id: activity._id } });
    expect(page.textOf(`#status-${signup._id}`)).toBe('已签退');
    expect(page.textOf(`#hours-${signup._id}`)).toBe(`服务 2.5 小时 · ${points}积分`);
    expect(page.textOf('#stat-left')).toBe('1');
  });

  test("staff check a volunteer in and out on the roster by typing the volunteer's code", async () => {
    const c = await bookingCommunity();
    const volunteer = await c.volunteer('王丽');
    const { activity } = await okFn(c.staff, 'booking', {
      action: 'publishActivity',
      op: 'create',
      activity: { title: '文明劝导', category: '文明劝导', description: '路口文明劝导', placeId: c.placeId, date: shanghaiDay(1), from: '08:00', to: '09:00', capacity: 3 },
    });
    const { signup } = await okFn(volunteer, 'booking', { action: 'signUp', activityId: activity.id });
    await moveActivity(activity.id, Date.now() - 20 * MIN, Date.now() + 40 * MIN);

    page = await load(ROSTER, { openid: c.staff, query: { id: activity.id } });
    expect(page.textOf(`#status-${signup.id}`)).toBe('已报名');
    // Staff read the volunteer's full name on the roster.
    expect(page.text()).toContain('王丽');
    await page.input('#code-input', signup.code);
    await page.tap('#submit-out');
    expect(page.textOf('#refusal')).toBe('请先签到');
    await page.tap('#submit-in');
    expect(page.textOf('#done')).toBe('王丽 已签到');
    expect(page.textOf(`#status-${signup.id}`)).toBe('已签到');
    await page.input('#code-input', signup.code);
    await page.tap('#submit-out');
    expect(page.textOf('#done')).toMatch(/^王丽 已签退，服务0小时，获得\d+积分$/);
    expect((await signupsOf(volunteer))[0].status).toBe('checked_out');
    page.detach();

    // The list without an id: the activities to come, for picking one.
    resetWx();
    page = await load(ROSTER, { openid: c.staff });
    await page.tap(`#activity-${activity.id}`);
    expect(recorded.navigations).toEqual([`navigateTo:/package-staff/pages/activity-roster/index?id=${activity.id}`]);
  });
});
