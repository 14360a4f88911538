import { callFn, freshOpenid, meOf } from '../support/backend';
import { load, type PageHandle } from '../../setup/load';
import { resetWx } from '../../setup/wx';

const PAGE = 'package-staff/pages/residents/index';

describe('居民网格', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff see who has no grid and place them by building', async () => {
    const openid = freshOpenid('unplaced');
    await callFn(openid, 'user', { action: 'login', scene: 'c=beihai' });
    const name = `待分网格${Date.now() % 100000}`;
    await callFn(openid, 'user', { action: 'updateProfile', displayName: name });
    const { id } = await meOf(openid);

    page = await load(PAGE, { openid: 'demo-staff' });
    expect(page.textOf(`#resident-${id}`)).toContain(name);
    expect(page.textOf(`#resident-${id}`)).toContain('未分网格');
    await page.tap(`#resident-${id}`);
    expect(page.textOf('#placer')).toContain(`把 ${name} 调整到`);
    await page.tapText('14幢');
    expect(await meOf(openid)).toMatchObject({ grid: { id: 'g_beihai_5' }, building: '14幢' });
    expect(page.has(`#resident-${id}`)).toBe(false);
  });

  test('a grid worker is not shown the page', async () => {
    page = await load(PAGE, { openid: 'demo-gridworker' });
    expect(page.has('#forbidden')).toBe(true);
  });
});
