import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { sent } from '../support/wish';

const PAGE = 'pages/wish/mine/index';

jest.setTimeout(60_000);

describe('我的心愿', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('我发布的 lists what I posted, waiting ones included; 我认领的 what I claimed', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const volunteer = await c.volunteer();
    const open = await c.openWish(resident, '想请人帮忙擦窗户');
    await okFn(resident, 'wish', { action: 'publish', title: '想请人教包饺子', content: '过年想和孙子一起包', category: '文化学习' });
    await okFn(volunteer, 'wish', { action: 'claim', id: open });
    await c.openWish(await c.resident('别人'), '别人的心愿');

    page = await load(PAGE, { openid: resident });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    const posted = page.textOf('#cards');
    expect(posted).toContain('想请人帮忙擦窗户');
    expect(posted).toContain('已认领');
    expect(posted).toContain('想请人教包饺子');
    expect(posted).toContain('待审核');
    expect(posted).not.toContain('别人的心愿');

    await page.tapText('我认领的');
    expect(page.text()).toContain('您还没有认领过心愿');
    expect(sent('mine').at(-1)).toMatchObject({ role: 'claimed' });
    page.detach();

    page = await load(PAGE, { openid: volunteer, query: { tab: 'claimed' } });
    expect(page.textOf('#cards')).toContain('想请人帮忙擦窗户');
    await page.tapText('想请人帮忙擦窗户');
    expect(recorded.navigations.at(-1)).toBe(`navigateTo:/pages/wish/detail/index?id=${open}`);
  });

  test('an empty list offers the way to publish', async () => {
    const c = await newCommunity();
    page = await load(PAGE, { openid: await c.resident() });
    expect(page.text()).toContain('您还没有发布过心愿');
    await page.tapText('发布心愿');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/wish/publish/index']);
  });

  test('我的 opens 我的心愿', async () => {
    const c = await newCommunity();
    page = await load('pages/user/me/index', { openid: await c.resident() });
    await page.tapText('我的心愿');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/wish/mine/index']);
  });
});
