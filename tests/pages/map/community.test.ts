import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, recorded, resetWx } from '../../setup/wx';
import { meOf, okFn } from '../support/backend';
import { updateDoc } from '../support/db';
import { newCommunity } from '../support/community';
import { addPlace, sentMap } from '../support/map';
import { DEMO_USERS } from '../../../demo/community';

jest.setTimeout(60_000);

const PAGE = 'pages/map/community/index';
const MOBILE = /1[3-9]\d{9}/;

describe('社区简介', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('intro, figures and grids, with grid workers by masked name and no person’s phone', async () => {
    page = await load(PAGE, { openid: 'demo-resident' });

    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    expect(page.textOf('#hero')).toBe('北海社区江苏省盐城市东台市东台镇');
    expect(page.textOf('#intro')).toContain('党建引领');
    expect(Number(page.textOf('#fig-places'))).toBeGreaterThanOrEqual(13);
    expect(Number(page.textOf('#fig-volunteers'))).toBeGreaterThanOrEqual(2);
    expect(page.textOf('#grid-0')).toBe('第一网格（冷冻厂宿舍）楼栋：1幢、2幢、3幢、4幢网格员：周**联系网格员');
    expect(page.textOf('#grids')).toContain('第六网格（西溪小区）');
    expect(page.textOf('#centres')).toContain('北海社区党群服务中心');

    const text = page.text();
    expect(text).not.toMatch(MOBILE);
    for (const u of DEMO_USERS) {
      expect(text).not.toContain(u.displayName);
      expect(text).not.toContain(u.phone);
    }
  });

  test('联系网格员 is honest: the worker’s number stays private, the community’s public line is offered', async () => {
    page = await load(PAGE, { openid: 'demo-resident' });
    modalAnswer.confirm = true;
    await page.tap('#contact-0');

    expect(recorded.modals).toHaveLength(1);
    expect(recorded.modals[0].content).toBe(
      '网格员的电话不对外公开。请拨打社区服务电话 0515-85212345，由社区为您联系第一网格（冷冻厂宿舍）的网格员周**。',
    );
    expect(recorded.phoneCalls).toEqual(['0515-85212345']); // the 党群服务中心’s public number
    for (const u of DEMO_USERS) expect(JSON.stringify(recorded.modals)).not.toContain(u.phone);

    // The number is looked up once.
    const lookups = sentMap('place').length;
    modalAnswer.confirm = false;
    await page.tap('#contact-0');
    expect(sentMap('place')).toHaveLength(lookups);
    expect(recorded.phoneCalls).toHaveLength(1);
  });

  test('exact figures of a community of its own; a grid without a worker offers no contact', async () => {
    const c = await newCommunity();
    await addPlace(c, { name: '测试党群服务站', category: '党群服务中心' });
    await addPlace(c, { name: '测试驿站', category: '爱心驿站' });
    const closed = await addPlace(c, { name: '已拆除的书屋', category: '城市书房' });
    await okFn(c.staff, 'map', { action: 'managePlace', op: 'close', id: closed, reason: '已拆除' });
    await okFn(c.staff, 'wish', { action: 'openSeason', startDate: '2020-01-01', endDate: '2099-12-31', name: '第1季' });
    const resident = await c.resident();
    const volunteer = await c.volunteer();
    const wish = await c.openWish(resident, '想请人帮忙换灯泡');
    await okFn(volunteer, 'wish', { action: 'claim', id: wish });
    await okFn(volunteer, 'wish', { action: 'submitProof', id: wish, note: '换好了' });
    await okFn(resident, 'wish', { action: 'confirm', id: wish });

    page = await load(PAGE, { openid: resident });
    expect(page.textOf('#figures')).toBe('2服务点1志愿者1第1季点亮心愿');
    expect(page.textOf('#grid-0')).toBe(`${c.gridName}楼栋：1幢网格员：待安排`);
    expect(page.has('#contact-0')).toBe(false);
    expect(page.textOf('#centres')).toContain('测试党群服务站');
    page.detach();

    // A worker is assigned, but no centre has a public phone: people are sent to the centre.
    await updateDoc('grids', `${c.id}_g1`, { workerId: (await meOf(volunteer)).id });
    resetWx();
    page = await load(PAGE, { openid: resident });
    expect(page.textOf('#grid-0')).toContain('网格员：张**联系网格员');
    await page.tap('#contact-0');
    expect(recorded.modals.map((m) => m.content)).toEqual([
      `网格员的电话不对外公开。请到社区党群服务中心，由工作人员为您联系${c.gridName}的网格员张**。`,
    ]);
    expect(recorded.phoneCalls).toEqual([]);
  });

  test('首页 and the map link here; 查看社区地图 goes to the map tab', async () => {
    page = await load('pages/home/index', { openid: 'demo-resident' });
    await page.tapText('社区简介 ›');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/map/community/index']);
    page.detach();

    resetWx();
    page = await load(PAGE, { openid: 'demo-resident' });
    await page.tapText('查看社区地图');
    expect(recorded.navigations).toEqual(['switchTab:/pages/map/index/index']);
  });
});
