import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { newCommunity } from '../support/community';

jest.setTimeout(90_000);

describe('我的消息', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a volunteer whose claim staff took back reads why on 我的 → 我的消息, and opens the wish', async () => {
    const c = await newCommunity();
    const volunteer = await c.volunteer('张志强');
    const id = await c.openWish(await c.resident('刘秀兰'), '帮忙取药');
    await okFn(volunteer, 'wish', { action: 'claim', id });
    await okFn(c.staff, 'wish', { action: 'revoke', id, reason: '居民家属已经取回' });

    page = await load('pages/user/me/index', { openid: volunteer });
    await page.tapText('我的消息');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/user/notices/index']);
    page.detach();

    resetWx();
    page = await load('pages/user/notices/index', { openid: volunteer });
    expect(page.textOf('#notice-0')).toMatch(/^社区撤销了您的认领：帮忙取药原因：居民家属已经取回(今天|昨天) \d\d:\d\d · 点此查看 ›$/);
    await page.tap('#notice-0');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/wish/detail/index?id=${id}`]);
  });

  test('someone who was told nothing sees that there is nothing', async () => {
    const c = await newCommunity();
    page = await load('pages/user/notices/index', { openid: await c.resident('王秀英') });
    expect(page.textOf('#empty')).toContain('还没有给您的消息');
  });
});
