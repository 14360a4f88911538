import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { meOf, okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { findDocs } from '../support/db';

jest.setTimeout(90_000);

/** 通知公告 as a resident meets it: the strip on 首页, the list with unread marks, a bulletin and 确认收到. */
describe('通知公告', () => {
  let page: PageHandle | undefined;
  let c: TestCommunity;
  let water: string;
  let fair: string;

  beforeAll(async () => {
    c = await newCommunity();
    fair = (await okFn(c.staff, 'bulletin', { action: 'publish', title: '社区义诊活动', text: '周日上午在党群服务中心义诊。\n请带好医保卡。', audience: { kind: 'all' } })).bulletin.id;
    water = (await okFn(c.staff, 'bulletin', { action: 'publish', title: '周六停水通知', text: '周六8:00至17:00停水，请提前储水。', audience: { kind: 'all' }, pinned: true, needsConfirm: true })).bulletin.id;
  });

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('首页 shows the pinned bulletin marked 未读 at the top, and opens it', async () => {
    const resident = await c.resident('刘秀兰');
    page = await load('pages/home/index', { openid: resident });
    await page.waitForText('周六停水通知');
    expect(page.textOf('#bulletin')).toMatch(/^通知公告全部 ›未读周六停水通知置顶 · 请确认收到 · 今天 \d\d:\d\d$/);
    await page.tap('#bulletin-open');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/bulletin/detail/index?id=${water}`]);
    await page.tap('#bulletin-all');
    expect(recorded.navigations[1]).toBe('navigateTo:/pages/bulletin/list/index');
  });

  test('the list puts the pinned one first, marks what is unread, and a bulletin opened is read', async () => {
    const resident = await c.resident('王秀英');
    page = await load('pages/bulletin/list/index', { openid: resident });
    expect(page.textOf('#bulletin-0')).toMatch(/^未读周六停水通知周六8:00至17:00停水，请提前储水。置顶请确认收到今天 \d\d:\d\d$/);
    expect(page.textOf('#bulletin-1')).toMatch(/^未读社区义诊活动/);
    await page.tap('#bulletin-1');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/bulletin/detail/index?id=${fair}`]);
    page.detach();

    page = await load('pages/bulletin/detail/index', { openid: resident, query: { id: fair } });
    expect(page.textOf('#text')).toBe('周日上午在党群服务中心义诊。请带好医保卡。');
    expect(page.has('#confirm')).toBe(false);
    page.detach();

    page = await load('pages/bulletin/list/index', { openid: resident });
    expect(page.textOf('#bulletin-1')).toMatch(/^社区义诊活动/);
    expect(page.textOf('#bulletin-0')).toMatch(/^未读/);
  });

  test('确认收到 is answered once; the page says so and the database holds one mark', async () => {
    const resident = await c.resident('孙桂兰');
    page = await load('pages/bulletin/detail/index', { openid: resident, query: { id: water } });
    expect(page.textOf('#title')).toBe('周六停水通知');
    expect(page.textOf('#audience')).toBe('发给：全体居民');
    await page.tap('#confirm');
    await page.waitForText('您已确认收到');
    expect(page.has('#confirm')).toBe(false);
    const { id } = await meOf(resident);
    const marks = await findDocs<any>('bulletin_reads', { bulletinId: water, userId: id });
    expect(marks).toHaveLength(1);
    expect(marks[0].confirmed).toBe(1);
    expect(recorded.toasts).toEqual(['已确认收到']);
  });

  test('a withdrawn bulletin says it is gone', async () => {
    const id = (await okFn(c.staff, 'bulletin', { action: 'publish', title: '临时通知', text: '稍后撤回', audience: { kind: 'all' } })).bulletin.id;
    await okFn(c.staff, 'bulletin', { action: 'withdraw', id, reason: '发错了' });
    page = await load('pages/bulletin/detail/index', { openid: await c.resident('周大爷'), query: { id } });
    expect(page.text()).toContain('通知不存在或已撤回');
  });
});
