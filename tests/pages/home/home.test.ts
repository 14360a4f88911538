import { freshOpenid, meOf } from '../support/backend';
import { load, type PageHandle } from '../../setup/load';
import { currentApp, recorded, resetWx } from '../../setup/wx';
import { DEMO_COMMUNITY, DEMO_GRIDS } from '../../../demo/community';

const PAGE = 'pages/home/index';

describe('首页', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('greets a resident in their community and opens the tabs that exist', async () => {
    const me = await meOf('demo-resident');
    page = await load(PAGE, { openid: 'demo-resident' });

    expect(page.textOf('#community')).toBe(me.community!.name);
    expect(page.textOf('#greeting')).toMatch(/^(夜深了|早上好|中午好|下午好|晚上好)，/);
    expect(page.text()).not.toContain('扫码加入');
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    expect(page.textOf('#notices')).toContain('“点亮微心愿”征集中');

    await page.tapText('点亮微心愿');
    await page.tapText('社区地图');
    await page.tapText('积分商城');
    expect(recorded.navigations).toEqual(['switchTab:/pages/wish/wall/index', 'switchTab:/pages/map/index/index', 'navigateTo:/pages/points/mall/index']);
  });

  test('a newcomer without a community is shown how to join', async () => {
    page = await load(PAGE, { openid: freshOpenid('home-unbound') });
    expect(page.text()).toContain('扫码加入');
    expect(page.text()).toContain('扫描社区海报上的二维码加入社区');
    expect(page.textOf('#community')).toBe('尚未加入社区');
  });

  test('a newcomer who scans a community poster lands in that community and grid', async () => {
    const grid = DEMO_GRIDS[1];
    const openid = freshOpenid('home-scan');
    page = await load(PAGE, { openid, scene: `c=${DEMO_COMMUNITY.code}&g=${grid.code}` });

    const me = await meOf(openid);
    expect(me.community?.id).toBe(DEMO_COMMUNITY._id);
    expect(me.grid?.id).toBe(grid._id);
    expect(page.textOf('#community')).toBe(me.community!.name);
    expect(page.text()).not.toContain('扫码加入');
  });

  test('the scene of the scanned code goes to login, and is kept until login succeeds', async () => {
    const scene = 'c=nowhere&g=1';
    page = await load(PAGE, { openid: freshOpenid('home-scene'), scene });

    const login = recorded.requests.find((r) => (r.data as { action?: string }).action === 'login');
    expect(login?.data).toMatchObject({ action: 'login', scene });
    // Login answered (an unknown community binds nothing), so the scene is no longer pending.
    expect(currentApp()?.globalData.scene).toBeUndefined();
    expect(recorded.requests.filter((r) => (r.data as { action?: string }).action === 'login')).toHaveLength(1);
  });

  test('when the network fails the page says so in Chinese and keeps the scene for a retry', async () => {
    const url = process.env.HONGLIN_URL;
    process.env.HONGLIN_URL = 'http://127.0.0.1:9'; // discard port: connection refused
    try {
      page = await load(PAGE, { openid: freshOpenid('home-offline'), scene: 'c=xinjie' });
      expect(page.text()).toContain('网络不给力，请检查网络后重试');
      // A failed network is not a business state: nothing says the resident has not joined.
      expect(page.text()).not.toContain('尚未加入社区');
      expect(currentApp()?.globalData.scene).toBe('c=xinjie');
    } finally {
      process.env.HONGLIN_URL = url;
    }
    await page.tapText('点此重新加载');
    expect(page.text()).not.toContain('网络不给力');
    expect(currentApp()?.globalData.scene).toBeUndefined();
  });
});
