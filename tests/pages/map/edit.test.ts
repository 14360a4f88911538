import { load, type PageHandle } from '../../setup/load';
import { chooseLocationAnswer, modalAnswer, recorded, resetWx } from '../../setup/wx';
import { callFn, meOf, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { findDocs } from '../support/db';
import { CENTER, OFFICE_HOURS, addPlace, eventsOf, latLngOf, offset, placeRow, sentMap } from '../support/map';

jest.setTimeout(60_000);

const EDIT = 'package-staff/pages/place-edit/index';
const LIST = 'package-staff/pages/place-list/index';
const ALL_DAY = [{ from: '00:00', to: '24:00' }];

describe('地点维护（工作人员）', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff change a place: only what changed is sent, the database holds it and the change is audited', async () => {
    const c = await newCommunity();
    const id = await addPlace(c, { name: '邻里驿站', category: '爱心驿站', hours: OFFICE_HOURS, services: ['歇脚饮水', '手机充电'] });
    page = await load(EDIT, { openid: c.staff, query: { id } });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.comp.data.form).toMatchObject({ name: '邻里驿站', category: '爱心驿站', services: '歇脚饮水\n手机充电', calendar: 'working_days' });
    expect(page.comp.data.rows[0]).toMatchObject({ label: '周一', mode: 'open', from: '08:30', to: '17:30', lunch: true, lunchFrom: '12:00', lunchTo: '14:00' });

    await page.input('#name', '红色邻里驿站');
    await page.input('#phone', '0515-85200001');
    await page.trigger('#to-1', 'change', { value: '18:00' });
    await page.tap('#mode-6-open');
    await page.trigger('#from-6', 'change', { value: '09:00' });
    await page.trigger('#to-6', 'change', { value: '11:30' });
    await page.input('#reason', '周一延长开放，周六上午开放');
    await page.tap('#save');

    expect(recorded.toasts).toEqual(['已保存']);
    const [update] = sentMap('managePlace');
    expect(update).toMatchObject({ op: 'update', id, reason: '周一延长开放，周六上午开放' });
    expect(Object.keys(update.changes).sort()).toEqual(['hours', 'name', 'phone']);

    const row = (await placeRow(id))!;
    expect(row.name).toBe('红色邻里驿站');
    expect(row.phone).toBe('0515-85200001');
    expect(row.hours.week['1']).toEqual([{ from: '08:30', to: '12:00' }, { from: '14:00', to: '18:00' }]);
    expect(row.hours.week['2']).toEqual(OFFICE_HOURS.week['2']);
    expect(row.hours.week['6']).toEqual([{ from: '09:00', to: '11:30' }]);
    expect(row.hours.week['7']).toBeUndefined();
    expect(row.services).toEqual(['歇脚饮水', '手机充电']);

    const events = await eventsOf(id);
    expect(events.map((e) => e.op)).toEqual(['create', 'update']);
    const staff = await meOf(c.staff);
    expect(events[1]).toMatchObject({ byUserId: staff.id, byLabel: '社区工作者', why: '周一延长开放，周六上午开放', from: 'active', to: 'active' });
    expect(events[1].changed.sort()).toEqual(['hours', 'name', 'phone']);
    expect(events[1].before).toMatchObject({ name: '邻里驿站' });
    expect(events[1].after).toMatchObject({ name: '红色邻里驿站', phone: '0515-85200001' });

    // Saving again with nothing changed writes nothing.
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('没有修改的内容');
    expect(sentMap('managePlace')).toHaveLength(1);
    expect(await eventsOf(id)).toHaveLength(2);
  });

  test('a new place: picked on the map, open round the clock every day, then shown on its page', async () => {
    const c = await newCommunity();
    const at = offset(CENTER, 250, -120);
    chooseLocationAnswer.value = { latitude: at.lat, longitude: at.lng, name: '东台镇', address: '东台镇幸福路18号' };
    page = await load(EDIT, { openid: c.staff });
    expect(page.text()).toContain('添加到社区地图');

    await page.input('#name', '幸福路骑手驿站');
    await page.tapText('爱心驿站');
    await page.tap('#pick-location');
    expect(page.comp.data.form).toMatchObject({ lat: at.lat.toFixed(6), lng: at.lng.toFixed(6), address: '东台镇幸福路18号' });
    await page.tap('#calendar-every');
    await page.tap('#mode-1-allday');
    await page.tap('#copy-all');
    await page.input('#services', '歇脚饮水\n手机充电、热饭微波');
    await page.tap('#save');

    const created = (await findDocs<{ _id: string; name: string }>('places', { communityId: c.id })).find((p) => p.name === '幸福路骑手驿站');
    expect(created).toBeDefined();
    const row = (await placeRow(created!._id))!;
    expect(row).toMatchObject({ category: '爱心驿站', address: '东台镇幸福路18号', status: 'active', services: ['歇脚饮水', '手机充电', '热饭微波'] });
    expect(latLngOf(row)).toEqual(at);
    expect(row.hours).toEqual({ week: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, ALL_DAY])), calendar: 'every_day' });
    expect((await eventsOf(row._id)).map((e) => e.op)).toEqual(['create']);
    expect(recorded.navigations).toEqual([`redirectTo:/pages/map/place/index?id=${row._id}`]);

    // Residents find it on the map.
    const { items } = await okFn(await c.resident(), 'map', { action: 'places' });
    expect(items.map((p: { name: string }) => p.name)).toContain('幸福路骑手驿站');
  });

  test('without the map picker, coordinates are typed by hand; mistakes are explained before anything is sent', async () => {
    const c = await newCommunity();
    page = await load(EDIT, { openid: c.staff });
    await page.input('#name', '城南充电棚');
    await page.tapText('充电桩');
    await page.input('#address', '城南路6号');

    await page.tap('#pick-location'); // the person backs out of the picker
    expect(recorded.toasts).toEqual(['没有选到位置，也可以直接填写纬度和经度']);

    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('请在地图上选点，或填写正确的纬度和经度');

    const at = offset(CENTER, -300, 200);
    await page.input('#lat', String(at.lat));
    await page.input('#lng', String(at.lng));
    await page.trigger('#to-1', 'change', { value: '08:00' });
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('周一：关门时间须晚于开门时间');
    await page.trigger('#to-1', 'change', { value: '17:30' });

    await page.input('#phone', '13812345');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('电话号码格式不正确（座机如0515-85212345）');
    expect(sentMap('managePlace')).toHaveLength(0);
    await page.input('#phone', '');

    // Far from the community: the server's refusal is shown as it is.
    await page.input('#lat', '31.2304');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toMatch(/^坐标距社区中心约\d+(\.\d)?公里/);
    expect(await findDocs('places', { communityId: c.id })).toHaveLength(0);

    await page.input('#lat', String(at.lat));
    await page.tap('#save');
    const [row] = await findDocs<{ name: string; location: { coordinates: [number, number] } }>('places', { communityId: c.id });
    expect(row.name).toBe('城南充电棚');
    expect(row.location.coordinates).toEqual([at.lng, at.lat]);
  });

  test('a retry after a lost connection carries the same requestId and adds the place once', async () => {
    const c = await newCommunity();
    const at = offset(CENTER, 100, 100);
    page = await load(EDIT, { openid: c.staff });
    await page.input('#name', '北门助餐点');
    await page.tapText('社区食堂/助餐点');
    await page.input('#address', '北门路1号');
    await page.input('#lat', String(at.lat));
    await page.input('#lng', String(at.lng));

    const url = process.env.HONGLIN_URL;
    process.env.HONGLIN_URL = 'http://127.0.0.1:9'; // the network drops
    try {
      await page.tap('#save');
    } finally {
      process.env.HONGLIN_URL = url;
    }
    expect(recorded.toasts).toEqual(['网络不给力，请检查网络后重试']);

    await page.tap('#save');
    const [first, second] = sentMap('managePlace');
    expect(second.requestId).toBe(first.requestId);
    expect(await findDocs('places', { communityId: c.id })).toHaveLength(1);
    expect(recorded.toasts.at(-1)).toBe('已添加到社区地图');
  });

  test('staff close a place with a reason and reopen it; residents stop and start seeing it', async () => {
    const c = await newCommunity();
    const id = await addPlace(c, { name: '社区书吧', category: '城市书房' });
    const resident = await c.resident();
    const listed = async () => (await okFn(resident, 'map', { action: 'places' })).items.map((p: { name: string }) => p.name);
    page = await load(EDIT, { openid: c.staff, query: { id } });

    await page.tap('#close-place');
    expect(recorded.toasts).toEqual(['请填写关闭原因']);

    await page.input('#close-reason', '搬迁至党群服务中心二楼');
    modalAnswer.confirm = true;
    await page.tap('#close-place');
    expect(recorded.modals[0].content).toBe('关闭后居民在地图上将看不到“社区书吧”。确定关闭吗？');
    expect((await placeRow(id))).toMatchObject({ status: 'closed', closedReason: '搬迁至党群服务中心二楼' });
    expect(await listed()).not.toContain('社区书吧');
    expect(page.textOf('#closed')).toContain('关闭原因：搬迁至党群服务中心二楼');

    await page.tapText('重新开放');
    expect((await placeRow(id))!.status).toBe('active');
    expect(await listed()).toContain('社区书吧');

    const events = await eventsOf(id);
    expect(events.map((e) => `${e.op}:${e.from}→${e.to}`)).toEqual(['create:null→active', 'close:active→closed', 'reopen:closed→active']);
    expect(events[1].why).toBe('搬迁至党群服务中心二楼');
  });

  test('a resident cannot reach the edit page, and the server refuses them too', async () => {
    const c = await newCommunity();
    const id = await addPlace(c, { name: '党群服务站', category: '党群服务中心' });
    const resident = await c.resident();
    page = await load(EDIT, { openid: resident, query: { id } });
    expect(page.text()).toContain('仅供社区工作人员使用');
    expect(page.has('#save')).toBe(false);
    expect(sentMap('managePlace')).toHaveLength(0);

    const res = await callFn<{ ok: boolean; code?: string }>(resident, 'map', {
      action: 'managePlace',
      op: 'update',
      id,
      changes: { name: '被改掉的名字' },
    });
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await placeRow(id))!.name).toBe('党群服务站');
    expect(await eventsOf(id)).toHaveLength(1);
    page.detach();

    page = await load(LIST, { openid: resident });
    expect(page.text()).toContain('仅供社区工作人员使用');
    expect(sentMap('places')).toHaveLength(0);
  });

  test('the staff list shows closed places too and opens them for editing; the console links here', async () => {
    const c = await newCommunity();
    await addPlace(c, { name: '社区食堂', category: '社区食堂/助餐点' });
    const closed = await addPlace(c, { name: '旧充电棚', category: '充电桩' });
    await okFn(c.staff, 'map', { action: 'managePlace', op: 'close', id: closed, reason: '线路改造' });

    page = await load(LIST, { openid: c.staff });
    expect(page.textOf('#summary')).toBe('地图上共 2 处（含已关闭）');
    expect(page.textOf('#places')).toContain('旧充电棚充电桩已关闭');
    await page.tapText('旧充电棚');
    await page.tapText('新增地点');
    expect(recorded.navigations).toEqual([
      `navigateTo:/package-staff/pages/place-edit/index?id=${closed}`,
      'navigateTo:/package-staff/pages/place-edit/index',
    ]);
    page.detach();

    resetWx();
    page = await load('package-staff/pages/console/index', { openid: c.staff });
    await page.tapText('地点维护');
    await page.tapText('新增地点');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/place-list/index', 'navigateTo:/package-staff/pages/place-edit/index']);
  });
});
