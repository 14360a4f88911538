import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { insertDoc } from '../support/db';
import { CENTER, OFFICE_HOURS, addPlace, latLngOf, offset, placeRow, sentMap } from '../support/map';
import { inShanghai } from '../../../miniprogram/utils/date';

jest.setTimeout(60_000);

const PAGE = 'pages/map/place/index';
const WEEK = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

describe('服务点详情', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('shows what the place is, its hours for the week, services and intro', async () => {
    page = await load(PAGE, { openid: 'demo-resident', query: { id: 'p_beihai_center' } });

    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    expect(page.textOf('#name')).toBe('北海社区党群服务中心');
    expect(page.textOf('#category')).toBe('党群服务中心');
    expect(page.textOf('#address')).toBe('地址：东台镇北海路88号');
    expect(page.textOf('#phone')).toBe('电话：0515-85212345');
    expect(['营业中', '已打烊']).toContain(page.textOf('#open-tag'));
    expect(page.textOf('#open-text')).not.toBe('');

    const hours = page.textOf('#hours');
    expect(hours).toContain('周一08:30-12:00 14:00-17:30');
    expect(hours).toContain('周六09:00-11:30');
    expect(hours).toContain('周日休息');
    expect(page.textOf('#holiday')).toBe('法定节假日休息，调休上班日按周一时间开放');
    expect(page.textOf('#note')).toBe('周六上午党员值班，受理“一件事”代办');
    // Today's row stands out (in Beijing time, whatever the phone's zone).
    const today = WEEK[inShanghai(Date.now()).day()];
    expect(page.comp.data.place.week.filter((d: { today: boolean }) => d.today).map((d: { day: string }) => d.day)).toEqual([today]);

    expect(page.textOf('#services')).toContain('社保医保代办');
    expect(page.textOf('#intro')).toContain('敞开一扇门，承办千家事');
    expect(page.has('#edit')).toBe(false); // residents do not edit places
  });

  test('导航 opens WeChat’s map at the place’s coordinates, with its name and address, and 拨打 dials its public number', async () => {
    page = await load(PAGE, { openid: 'demo-resident', query: { id: 'p_beihai_canteen' } });
    const row = (await placeRow('p_beihai_canteen'))!;

    await page.tapText('导航');
    expect(recorded.openedLocations).toEqual([
      { ...{ latitude: latLngOf(row).lat, longitude: latLngOf(row).lng }, name: '北海社区邻里食堂（老年助餐点）', address: '东台镇北海路62号', scale: 17 },
    ]);

    await page.tapText('拨打');
    expect(recorded.phoneCalls).toEqual(['0515-85231688']);
  });

  test('no 拨打 without a public phone; 预约 only when the place has bookable services', async () => {
    const c = await newCommunity();
    const id = await addPlace(c, { name: '社区助浴点', category: '养老服务', at: offset(CENTER, 200, 0), hours: OFFICE_HOURS });
    page = await load(PAGE, { openid: await c.resident(), query: { id } });
    expect(page.has('#navigate')).toBe(true);
    expect(page.has('#call')).toBe(false);
    expect(page.has('#book')).toBe(false);
    expect(page.text()).not.toContain('预约');
    page.detach();

    await insertDoc('booking_services', { _id: `svc_${id}`, placeId: id, communityId: c.id, name: '助浴', status: 'active' });
    resetWx();
    page = await load(PAGE, { openid: await c.resident(), query: { id } });
    await page.tapText('预约');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/booking/service/index?id=svc_${id}`]);
  });

  test('staff get 编辑地点, which opens the edit page in the staff package', async () => {
    const c = await newCommunity();
    const id = await addPlace(c, { name: '红色驿站', category: '爱心驿站' });
    page = await load(PAGE, { openid: c.staff, query: { id } });
    await page.tapText('编辑地点（工作人员）');
    expect(recorded.navigations).toEqual([`navigateTo:/package-staff/pages/place-edit/index?id=${id}`]);
  });

  test('a closed place is gone for residents; staff still see it, marked closed with the reason', async () => {
    const c = await newCommunity();
    const id = await addPlace(c, { name: '旧书屋', category: '城市书房' });
    await okFn(c.staff, 'map', { action: 'managePlace', op: 'close', id, reason: '房屋修缮' });

    page = await load(PAGE, { openid: await c.resident(), query: { id } });
    expect(page.textOf('#page-status >>> #error')).toBe('地点不存在或已关闭');
    page.detach();

    page = await load(PAGE, { openid: c.staff, query: { id } });
    expect(page.textOf('#closed')).toBe('已关闭');
    expect(page.textOf('#closed-reason')).toBe('该地点已从地图上关闭：房屋修缮');
  });

  test('coming back from editing shows the place as it now is', async () => {
    const c = await newCommunity();
    const id = await addPlace(c, { name: '便民服务点', category: '便民服务' });
    page = await load(PAGE, { openid: c.staff, query: { id } });
    await okFn(c.staff, 'map', { action: 'managePlace', op: 'update', id, changes: { name: '红领便民服务点' } });
    await page.lifecycle('onShow');
    expect(page.textOf('#name')).toBe('红领便民服务点');
    expect(sentMap('place')).toHaveLength(2);
  });
});
