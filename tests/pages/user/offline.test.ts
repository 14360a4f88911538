import { freshOpenid } from '../support/backend';
import { load, type PageHandle } from '../../setup/load';
import { network, resetWx } from '../../setup/wx';

const OFFLINE = '网络不给力，请检查网络后重试';
const NOT_JOINED = '您还没有加入社区';

/** Main-package pages a resident lists things on, and a part each shows once it is loaded. */
const LIST_PAGES: [string, string][] = [
  ['pages/wish/wall/index', '#banner'],
  ['pages/wish/mine/index', '#cards'],
  ['pages/points/index/index', '#balance'],
  ['pages/points/mall/index', '#goods'],
  ['pages/points/orders/index', '#orders'],
  ['pages/points/leaderboard/index', '#board'],
  ['pages/booking/index/index', '#services'],
  ['pages/booking/mine/index', '#items'],
  ['pages/lists/mine/index', '#items'],
  ['pages/map/community/index', '#hero'],
];

describe('offline is not the same as not joined', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('我的 offline says the network failed, offers 重试, and never says the person has not joined', async () => {
    network.offline = true;
    page = await load('pages/user/me/index', { openid: 'demo-resident' });
    expect(page.textOf('#page-status >>> #error')).toBe(OFFLINE);
    expect(page.textOf('#page-status >>> #retry')).toBe('重试');
    expect(page.text()).not.toContain(NOT_JOINED);
    expect(page.has('#scan')).toBe(false);

    network.offline = false;
    await page.tapText('重试');
    expect(page.text()).not.toContain(OFFLINE);
    expect(page.textOf('#community')).toContain('社区');
    expect(page.text()).not.toContain(NOT_JOINED);
  });

  test('a newcomer who really has not joined is told so on 我的 and the wish wall, with no network words', async () => {
    const openid = freshOpenid('not-joined');
    page = await load('pages/user/me/index', { openid });
    expect(page.textOf('#unbound')).toContain(NOT_JOINED);
    expect(page.text()).not.toContain('网络');
    page.detach();

    page = await load('pages/wish/wall/index', { openid });
    expect(page.textOf('#unbound')).toContain(NOT_JOINED);
    expect(page.text()).not.toContain('网络');
  });

  test('the wish wall offline shows the network failure, not 未加入, until 重试 brings the wall', async () => {
    network.offline = true;
    page = await load('pages/wish/wall/index', { openid: 'demo-resident' });
    expect(page.textOf('#page-status >>> #error-state')).toContain(OFFLINE);
    expect(page.has('#unbound')).toBe(false);
    network.offline = false;
    await page.tapText('重试');
    expect(page.has('#banner')).toBe(true);
    expect(page.text()).not.toContain(OFFLINE);
  });
});

describe('重试 on each list page', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test.each(LIST_PAGES)('%s: a failed load says why, and 重试 loads the page', async (path, loaded) => {
    network.offline = true;
    page = await load(path, { openid: 'demo-resident' });
    expect(page.text()).toContain(OFFLINE);
    expect(page.has(loaded)).toBe(false);

    network.offline = false;
    await page.tapText('重试');
    expect(page.text()).not.toContain(OFFLINE);
    expect(page.has(loaded)).toBe(true);
  });
});

describe('loading', () => {
  test('a page waiting for its first answer shows grey cards, not bare 加载中 text', async () => {
    network.offline = false;
    const page = await load('components/page-status/index');
    try {
      expect(page.has('#loading')).toBe(true);
      expect(page.comp.dom.querySelectorAll('[class~="t-skeleton--t-skeleton"]').length).toBe(3);
      expect(page.text()).not.toMatch(/加载/);
      page.comp.setData({ state: 'error', errorText: OFFLINE });
      await page.idle();
      expect(page.textOf('#error')).toBe(OFFLINE);
      expect(page.textOf('#retry')).toBe('重试');
      expect(page.has('#loading')).toBe(false);
    } finally {
      page.detach();
    }
  });
});

/** Pages whose failed load used to offer no way out but going back. */
const NO_RETRY_BEFORE: [string, string][] = [
  ['pages/wish/publish/index', 'demo-resident'],
  ['package-staff/pages/wish-review/index', 'demo-staff'],
  ['package-staff/pages/service-list/index', 'demo-staff'],
  ['package-staff/pages/calendar/index', 'demo-staff'],
  ['package-staff/pages/lists-need-edit/index', 'demo-staff'],
];

describe('重试 where there was none', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test.each(NO_RETRY_BEFORE)('%s offers 重试, which loads it', async (path, openid) => {
    network.offline = true;
    page = await load(path, { openid });
    expect(page.textOf('#page-status >>> #error')).toBe(OFFLINE);

    network.offline = false;
    await page.tapText('重试');
    expect(page.has('#page-status')).toBe(false);
    expect(page.text()).not.toContain(OFFLINE);
  });
});
