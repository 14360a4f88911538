import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';

const PAGE = 'package-staff/pages/poster/index';

describe('社区海报', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a grid poster shows the community, the grid, its code and how to scan, from one call', async () => {
    page = await load(PAGE, { openid: 'demo-staff', query: { grid: 'g_beihai_2' } });
    expect(page.textOf('#poster-community')).toBe('北海社区');
    expect(page.textOf('#poster-grid')).toBe('第二网格（海晏花园）');
    expect(page.text()).toContain('微信扫一扫 加入社区');
    expect(page.text()).toContain('① 打开微信');
    const calls = recorded.requests.filter((r) => (r.data as { action?: string }).action === 'poster');
    expect(calls).toHaveLength(1);
    expect(calls[0].data).toMatchObject({ gridId: 'g_beihai_2' });
  });

  test('the community poster says it is for every resident', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    expect(page.textOf('#poster-grid')).toBe('全体居民');
  });

  test('where there is no canvas, saving says so instead of failing silently', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    await page.tapText('保存A4海报到相册');
    expect(recorded.toasts).toEqual(['此设备无法生成海报图片，请在手机微信中操作']);
    expect(recorded.album).toEqual([]);
  });

  test('residents are not shown the page', async () => {
    page = await load(PAGE, { openid: 'demo-resident' });
    expect(page.has('#forbidden')).toBe(true);
  });
});
