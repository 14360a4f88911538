import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs, getDoc } from '../support/db';
import { bookingCommunity, newErrandService, newService } from '../support/booking';

const INDEX = 'pages/booking/index/index';
const LIST = 'package-staff/pages/service-list/index';
const EDIT = 'package-staff/pages/service-edit/index';
const HOME = 'pages/home/index';

jest.setTimeout(90_000);

describe('预约服务 · 服务管理', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('residents find services by kind: 预约 opens the slot picker, 代办 and 上门帮办 the request form', async () => {
    const c = await bookingCommunity();
    const appointment = await newService(c, {}, '法律援助');
    const proxy = await newErrandService(c, 'proxy', '高龄津贴申请代办');
    const visit = await newErrandService(c, 'home_visit', '家庭医生上门');
    const resident = await c.resident();

    page = await load(HOME, { openid: resident });
    await page.tapText('预约服务');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/booking/index/index']);
    page.detach();

    resetWx();
    page = await load(INDEX, { openid: resident });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf(`#service-${appointment}`)).toContain('法律援助');
    expect(page.textOf(`#service-${appointment}`)).toContain(c.placeName);
    expect(page.has(`#service-${proxy}`)).toBe(false);
    await page.tap(`#service-${appointment}`);
    await page.tap('#tab-proxy');
    expect(page.has(`#service-${appointment}`)).toBe(false);
    await page.tap(`#service-${proxy}`);
    await page.tap('#tab-home_visit');
    await page.tap(`#service-${visit}`);
    expect(recorded.navigations).toEqual([
      `navigateTo:/pages/booking/service/index?id=${appointment}`,
      `navigateTo:/pages/booking/errand/index?serviceId=${proxy}`,
      `navigateTo:/pages/booking/errand/index?serviceId=${visit}`,
    ]);
    await page.tap('#mine');
    expect(recorded.navigations.at(-1)).toBe('navigateTo:/pages/booking/mine/index');
  });

  test('staff add a service from the form, then pause it: residents no longer see it', async () => {
    const c = await bookingCommunity();
    page = await load(EDIT, { openid: c.staff });
    await page.input('#name', '爱心理发');
    await page.tap('#save');
    expect(recorded.toasts).toEqual(['请选择服务地点']);
    const placeIndex = page.comp.data.places.findIndex((p: { id: string }) => p.id === c.placeId);
    await page.tap(`#place-${placeIndex}`);
    await page.input('#duration', '20');
    await page.input('#capacity', '2');
    await page.tap('#day-1');
    await page.tap('#day-3');
    await page.tap('#day-4');
    await page.tap('#day-5');
    await page.tap('#day-6'); // 周二 and 周六 stay open
    await page.tap('#pm');
    await page.tap('#calendar-every_day');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('服务已添加');
    expect(recorded.navigations).toEqual(['navigateBack:1']);
    const [row] = await findDocs<any>('booking_services', { communityId: c.id, name: '爱心理发' });
    expect(row).toMatchObject({
      kind: 'appointment',
      status: 'active',
      placeId: c.placeId,
      appointment: { durationMinutes: 20, capacity: 2, horizonDays: 7, cancelCutoffMinutes: 120, waitlistMax: 10, hours: { calendar: 'every_day', week: { '2': [{ from: '08:30', to: '11:30' }], '6': [{ from: '08:30', to: '11:30' }] } } },
    });
    expect(Object.keys(row.appointment.hours.week).sort()).toEqual(['2', '6']);
    page.detach();

    resetWx();
    page = await load(LIST, { openid: c.staff });
    expect(page.textOf(`#status-${row._id}`)).toBe('开放中');
    await page.tap(`#service-${row._id}`);
    expect(recorded.navigations).toEqual([`navigateTo:/package-staff/pages/service-edit/index?id=${row._id}`]);
    page.detach();

    resetWx();
    page = await load(EDIT, { openid: c.staff, query: { id: row._id } });
    expect(page.comp.data.form).toMatchObject({ name: '爱心理发', duration: '20', capacity: '2', days: ['2', '6'], am: true, pm: false });
    expect(page.textOf('#hours-note')).toBe('现在：周二 08:30-11:30；周六 08:30-11:30；节假日照常开放（改动下面的选项即重新设置）');
    await page.tap('#pause');
    expect(recorded.toasts).toEqual(['请在“说明”里填写暂停原因']);
    await page.input('#reason', '理发师外出培训，暂停一周');
    await page.tap('#pause');
    expect(recorded.toasts.at(-1)).toBe('服务已暂停');
    expect(await getDoc('booking_services', row._id)).toMatchObject({ status: 'paused', pausedReason: '理发师外出培训，暂停一周' });
    page.detach();

    resetWx();
    page = await load(INDEX, { openid: await c.resident() });
    expect(page.has(`#service-${row._id}`)).toBe(false);
    expect(page.has('#empty')).toBe(true);
  });
});
