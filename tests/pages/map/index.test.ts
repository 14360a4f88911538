import fs from 'fs';
import path from 'path';
import { load, MINIPROGRAM_ROOT, type PageHandle } from '../../setup/load';
import { LOCATION_DENIED, locationAnswer, recorded, resetWx, settingAnswer } from '../../setup/wx';
import { freshOpenid } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { CENTER, addPlace, chipOf, listedNames, offset, sentMap } from '../support/map';
import { distanceM } from '../../../server/map/geo';
import { shanghaiDate } from '../../../miniprogram/utils/date';

jest.setTimeout(60_000);

const PAGE = 'pages/map/index/index';
const FALLBACK = '未获取到您的位置，已按名称排列；点此重新定位';
const here = () => ({ latitude: CENTER.lat, longitude: CENTER.lng });

/** Four places whose order by distance differs from their order by name (拼音: a, b, c, d). */
async function fourPlaces(c: TestCommunity) {
  const spots = [
    { name: '东门充电棚', category: '充电桩' as const, at: offset(CENTER, 100, 0) },
    { name: '城南书房', category: '城市书房' as const, at: offset(CENTER, 0, 300) },
    { name: '阿姨食堂', category: '社区食堂/助餐点' as const, at: offset(CENTER, -600, 0) },
    { name: '白鹭驿站', category: '爱心驿站' as const, at: offset(CENTER, 0, -1500) },
  ];
  for (const s of spots) await addPlace(c, s);
  return spots;
}

function distanceText(at: { lat: number; lng: number }): string {
  const m = Math.round(distanceM(CENTER, at));
  return m < 1000 ? `${m}米` : `${(m / 1000).toFixed(1)}公里`;
}

describe('社区地图', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the list is sorted by distance from the phone, with metres and minutes on foot', async () => {
    const c = await newCommunity();
    const spots = await fourPlaces(c);
    locationAnswer.value = here();
    page = await load(PAGE, { openid: await c.resident() });

    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    expect(recorded.locationRequests).toEqual(['gcj02']);
    expect(sentMap('places')[0]).toMatchObject({ location: CENTER });
    expect(page.textOf('#location-on')).toBe('已定位，按离您的距离由近到远排列');
    expect(page.text()).not.toContain(FALLBACK);

    expect(listedNames(page)).toEqual(['东门充电棚', '城南书房', '阿姨食堂', '白鹭驿站']);
    const items = page.comp.data.places as { name: string; distance: string; walk: string }[];
    for (const s of spots) {
      const item = items.find((i) => i.name === s.name)!;
      const metres = distanceM(CENTER, s.at);
      expect(item.distance).toBe(distanceText(s.at));
      expect(item.walk).toBe(`步行约${Math.max(1, Math.ceil(metres / 80))}分钟`);
    }
    const list = page.textOf('#places');
    expect(list.indexOf('东门充电棚')).toBeLessThan(list.indexOf('城南书房'));
    expect(list).toContain(`${distanceText(spots[0].at)} · 步行约2分钟`);
    expect(list).toContain('1.5公里 · 步行约19分钟');
    expect(page.textOf('#summary')).toBe('共 4 处');
  });

  test('markers follow the list, one icon per category, and a tapped marker shows its place', async () => {
    const c = await newCommunity();
    await fourPlaces(c);
    locationAnswer.value = here();
    page = await load(PAGE, { openid: await c.resident() });

    const markers = page.props('#map').markers as { id: number; title: string; iconPath: string; latitude: number; longitude: number }[];
    expect(markers.map((m) => m.title)).toEqual(listedNames(page));
    expect(markers.map((m) => m.id)).toEqual([0, 1, 2, 3]);
    expect(new Set(markers.map((m) => m.iconPath)).size).toBe(4); // four categories, four icons
    for (const m of markers) expect(fs.existsSync(path.join(MINIPROGRAM_ROOT, m.iconPath))).toBe(true);
    expect(page.props('#map').includePoints).toHaveLength(5); // the places and the person
    expect(page.props('#map')).toMatchObject({ latitude: CENTER.lat, longitude: CENTER.lng, showLocation: true });

    await page.tapText('我的位置');
    expect(recorded.mapCalls).toEqual(['map.moveToLocation']);

    await page.trigger('#map', 'markertap', { markerId: 2 });
    expect(page.textOf('#selected')).toContain('阿姨食堂');
    await page.trigger('#map', 'callouttap', { markerId: 2 });
    expect(recorded.navigations).toEqual([`navigateTo:/pages/map/place/index?id=${page.comp.data.places[2].id}`]);
  });

  test('category chips show counts and filter the list and the markers', async () => {
    const c = await newCommunity();
    await addPlace(c, { name: '一号充电棚', category: '充电桩', at: offset(CENTER, 50, 0) });
    await addPlace(c, { name: '二号充电站', category: '充电桩', at: offset(CENTER, 500, 0) });
    await addPlace(c, { name: '社区书房', category: '城市书房', at: offset(CENTER, 200, 0) });
    await addPlace(c, { name: '邻里食堂', category: '社区食堂/助餐点', at: offset(CENTER, 300, 0) });
    await addPlace(c, { name: '骑手驿站', category: '爱心驿站', at: offset(CENTER, 400, 0) });
    locationAnswer.value = here();
    page = await load(PAGE, { openid: await c.resident() });

    const chips = page.comp.data.chips.map((x: { label: string; count: number }) => `${x.label} ${x.count}`);
    expect(chips).toEqual(['全部 5', '社区食堂/助餐点 1', '爱心驿站 1', '城市书房 1', '充电桩 2']);
    expect(page.props('#map').markers).toHaveLength(5);

    await page.tap(chipOf(page, '充电桩'));
    expect(sentMap('places').at(-1)).toMatchObject({ category: '充电桩', location: CENTER });
    const markers = page.props('#map').markers as { title: string; iconPath: string }[];
    expect(markers.map((m) => m.title)).toEqual(['一号充电棚', '二号充电站']);
    expect(markers.every((m) => m.iconPath === '/images/map/charging.png')).toBe(true);
    expect(listedNames(page)).toEqual(['一号充电棚', '二号充电站']);
    expect(page.textOf('#places')).not.toContain('社区书房');
    expect(page.textOf('#summary')).toBe('共 2 处');

    await page.tap(chipOf(page, '全部'));
    expect(sentMap('places').at(-1)).not.toHaveProperty('category');
    expect(page.props('#map').markers).toHaveLength(5);
  });

  test('the 5- and 10-minute 服务圈 narrow the list and draw the circle around the person', async () => {
    const c = await newCommunity();
    await addPlace(c, { name: '楼下驿站', category: '爱心驿站', at: offset(CENTER, 100, 0) });
    await addPlace(c, { name: '街角书房', category: '城市书房', at: offset(CENTER, 0, 300) });
    await addPlace(c, { name: '北边食堂', category: '社区食堂/助餐点', at: offset(CENTER, 600, 0) });
    await addPlace(c, { name: '远处充电站', category: '充电桩', at: offset(CENTER, -1500, 0) });
    locationAnswer.value = here();
    page = await load(PAGE, { openid: await c.resident() });

    expect(page.textOf('#within-5')).toBe('5分钟 · 2处');
    expect(page.textOf('#within-10')).toBe('10分钟 · 3处');
    expect(page.props('#map').circles).toEqual([]);

    await page.tap('#within-5');
    expect(sentMap('places').at(-1)).toMatchObject({ within: 5, location: CENTER });
    expect(listedNames(page)).toEqual(['楼下驿站', '街角书房']);
    expect(page.textOf('#summary')).toBe('共 2 处，步行5分钟内可到');
    expect(page.props('#map').circles).toMatchObject([{ latitude: CENTER.lat, longitude: CENTER.lng, radius: 400 }]);
    expect(page.textOf('#within-10')).toBe('10分钟 · 3处'); // the counts stay those of the whole map

    await page.tap('#within-10');
    expect(listedNames(page)).toEqual(['楼下驿站', '街角书房', '北边食堂']);
    expect(page.props('#map').circles[0].radius).toBe(800);

    await page.tap('#within-0');
    expect(listedNames(page)).toHaveLength(4);
    expect(page.props('#map').circles).toEqual([]);
  });

  test('open and closed places are labelled 营业中 / 已打烊 with when that changes', async () => {
    const c = await newCommunity();
    const day = (n: number) => shanghaiDate(Date.now(), n);
    const allDay = [{ from: '00:00', to: '24:00' }];
    const week = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, allDay]));
    await addPlace(c, { name: '全天驿站', category: '爱心驿站', hours: { week, calendar: 'every_day' } });
    await addPlace(c, { name: '明天闭馆书房', category: '城市书房', hours: { week, calendar: 'every_day', closedDates: [day(1)] } });
    await addPlace(c, { name: '维修中的食堂', category: '社区食堂/助餐点', hours: { week, calendar: 'every_day', closedDates: [day(0), day(1)] } });
    page = await load(PAGE, { openid: await c.resident() });

    const views = Object.fromEntries(
      (page.comp.data.places as { name: string; open: { tag: string; text: string } }[]).map((p) => [p.name, `${p.open.tag} ${p.open.text}`]),
    );
    expect(views).toEqual({
      全天驿站: '营业中 24小时开放',
      明天闭馆书房: '营业中 24:00关闭',
      维修中的食堂: '已打烊 临时闭馆 · 后天 00:00开放',
    });
    const text = page.textOf('#places');
    expect(text).toContain('24小时开放');
    expect(text).toContain('24:00关闭');
    expect(text).toContain('已打烊');
    expect(text).toContain('临时闭馆 · 后天 00:00开放');
  });

  test('location refused: the list still shows, sorted by name, and 点此重新定位 goes through the settings', async () => {
    const c = await newCommunity();
    await fourPlaces(c);
    locationAnswer.value = LOCATION_DENIED;
    page = await load(PAGE, { openid: await c.resident() });

    expect(page.textOf('#location-off')).toBe(FALLBACK);
    expect(listedNames(page)).toEqual(['阿姨食堂', '白鹭驿站', '城南书房', '东门充电棚']);
    expect(sentMap('places')[0]).not.toHaveProperty('location');
    expect(page.textOf('#places')).not.toContain('步行约');
    expect(page.props('#map').markers).toHaveLength(4);
    expect(page.props('#map').showLocation).toBe(false);

    // The 服务圈 need a position: asking without one explains instead of filtering.
    await page.tap('#within-5');
    expect(recorded.toasts).toEqual(['需要您的位置才能按步行时间筛选']);
    expect(sentMap('places')).toHaveLength(1);

    // Still refused in the settings: nothing changes.
    await page.tapText(FALLBACK);
    expect(recorded.settingsOpened).toHaveLength(1);
    expect(recorded.locationRequests).toHaveLength(1);
    expect(page.textOf('#location-off')).toBe(FALLBACK);

    // Allowed in the settings: located, and sorted by distance.
    settingAnswer.location = true;
    locationAnswer.value = here();
    await page.tapText(FALLBACK);
    expect(recorded.settingsOpened).toHaveLength(2);
    expect(page.text()).not.toContain(FALLBACK);
    expect(listedNames(page)).toEqual(['东门充电棚', '城南书房', '阿姨食堂', '白鹭驿站']);
    expect(sentMap('places').at(-1)).toMatchObject({ location: CENTER });
  });

  test('when the phone cannot locate, 点此重新定位 simply tries again', async () => {
    const c = await newCommunity();
    await fourPlaces(c);
    locationAnswer.value = { errMsg: 'getLocation:fail system permission denied' };
    page = await load(PAGE, { openid: await c.resident() });
    expect(page.textOf('#location-off')).toBe(FALLBACK);
    expect(listedNames(page)[0]).toBe('阿姨食堂');

    await page.tapText(FALLBACK);
    expect(recorded.settingsOpened).toHaveLength(0);
    expect(recorded.toasts).toEqual(['定位失败，请打开手机的定位服务后再试']);

    locationAnswer.value = here();
    await page.tapText(FALLBACK);
    expect(listedNames(page)[0]).toBe('东门充电棚');
  });

  test('导航 on a place opens WeChat’s map at its coordinates, under its name', async () => {
    const c = await newCommunity();
    const spots = await fourPlaces(c);
    locationAnswer.value = here();
    page = await load(PAGE, { openid: await c.resident() });

    await page.tap('.item >>> .nav');
    const first = page.comp.data.places[0];
    expect(recorded.openedLocations).toEqual([
      { latitude: spots[0].at.lat, longitude: spots[0].at.lng, name: '东门充电棚', address: first.address, scale: 17 },
    ]);
    expect(recorded.navigations).toEqual([]); // 导航 does not open the detail

    await page.tapText('东门充电棚');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/map/place/index?id=${first.id}`]);
  });

  test('20 places a page; 加载更多 brings the rest onto the list and the map', async () => {
    const c = await newCommunity();
    for (let i = 0; i < 23; i++) await addPlace(c, { name: `便民点${String(i + 1).padStart(2, '0')}`, at: offset(CENTER, 20 * (i + 1), 0) });
    locationAnswer.value = here();
    page = await load(PAGE, { openid: await c.resident() });
    expect(page.comp.data.places).toHaveLength(20);
    expect(page.props('#map').markers).toHaveLength(20);
    expect(page.textOf('#summary')).toBe('共 23 处');

    await page.tapText('加载更多');
    expect(listedNames(page)).toEqual(Array.from({ length: 23 }, (_, i) => `便民点${String(i + 1).padStart(2, '0')}`));
    expect((page.props('#map').markers as { id: number }[]).map((m) => m.id)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(page.text()).toContain('没有更多了');
    expect(sentMap('places')[1]).toMatchObject({ cursor: expect.any(String), location: CENTER });

    await page.lifecycle('onReachBottom');
    expect(sentMap('places')).toHaveLength(2);
  });

  test('the header opens the community intro', async () => {
    page = await load(PAGE, { openid: 'demo-resident' });
    expect(page.textOf('#header')).toBe('北海社区社区简介 ›');
    expect(page.comp.data.places.length).toBeGreaterThanOrEqual(13);
    await page.tapText('社区简介 ›');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/map/community/index']);
  });

  test('a community without places says so, and shows no empty map', async () => {
    const c = await newCommunity();
    page = await load(PAGE, { openid: await c.resident() });
    expect(page.text()).toContain('这里还没有服务点');
    expect(page.has('#map')).toBe(false);
    expect(page.textOf('#summary')).toBe('共 0 处');
  });

  test('someone who has not joined a community is asked to scan the poster', async () => {
    page = await load(PAGE, { openid: freshOpenid('map-unbound') });
    expect(page.text()).toContain('扫描社区海报上的二维码加入社区');
    expect(sentMap('places')).toHaveLength(0);
  });
});
