import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { freshOpenid, okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { findDocs, getDoc, insertDoc } from '../support/db';

jest.setTimeout(90_000);

/** Staff tell some grids of their community, then watch who read it and answered 收到, grid by grid. */
describe('发布通知 and 阅读情况', () => {
  let page: PageHandle | undefined;
  let c: TestCommunity;
  let grid2: string;
  let east: string;

  beforeAll(async () => {
    c = await newCommunity();
    grid2 = `${c.id}_g2`;
    await insertDoc('grids', { _id: grid2, communityId: c.id, code: 'g2', name: '第二网格（东苑）', buildings: ['5幢'] });
    east = freshOpenid('east');
    await okFn(east, 'user', { action: 'login', scene: `c=${c.code}&g=g2` });
  });

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the console lists 通知公告; staff publish a 停水 notice to one grid asking for 收到, then read its counts', async () => {
    page = await load('package-staff/pages/console/index', { openid: c.staff });
    expect(page.has('#notice-tools')).toBe(true);
    expect(page.text()).toContain('停水停电、活动、政策：发给全社区、网格或身份');
    await page.tapText('通知管理');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/bulletin-manage/index']);
    page.detach();

    resetWx();
    page = await load('package-staff/pages/bulletin-edit/index', { openid: c.staff });
    await page.tap('#submit');
    expect(page.textOf('#refusal')).toBe('请填写标题');
    await page.input('#title', '东苑周六停水');
    await page.input('#text', '周六8:00至17:00停水，请提前储水。');
    await page.tap('#audience-grids');
    await page.tap('#submit');
    expect(page.textOf('#refusal')).toBe('请至少选择一个网格');
    await page.tapText('第二网格（东苑）');
    await page.tap('#flag-confirm');
    await page.tap('#flag-pinned');
    await page.tap('#submit');
    const [saved] = await findDocs<any>('bulletins', { communityId: c.id });
    expect(saved).toMatchObject({ title: '东苑周六停水', to: [`grid:${grid2}`], audienceLabel: '第二网格（东苑）', pinned: true, needsConfirm: true, urgent: false, status: 'published' });
    expect(recorded.navigations).toEqual([`redirectTo:/package-staff/pages/bulletin-reads/index?id=${saved._id}`]);
    page.detach();

    // A resident of the grid answers 收到; one of the first grid never sees it.
    await okFn(east, 'bulletin', { action: 'confirm', id: saved._id });
    const west = await c.resident('刘秀兰');
    expect((await okFn(west, 'bulletin', { action: 'list' })).items).toEqual([]);

    resetWx();
    page = await load('package-staff/pages/bulletin-reads/index', { openid: c.staff, query: { id: saved._id } });
    expect(page.textOf('#total')).toBe('共 1 人已读，1 人确认收到');
    expect(page.textOf('#grid-0')).toBe('第二网格（东苑）已读 1 / 1 人 · 确认收到 1 人');
    expect(page.has('#grid-1')).toBe(false);

    page.detach();
    resetWx();
    page = await load('package-staff/pages/bulletin-manage/index', { openid: c.staff });
    expect(page.textOf('#bulletin-0')).toMatch(/^东苑周六停水置顶第二网格（东苑） · 今天 \d\d:\d\d已读 1 人 · 确认收到 1 人$/);
  });

  test('撤回 asks for a reason, takes it off residents’ lists and keeps the reads', async () => {
    const { bulletin } = await okFn(c.staff, 'bulletin', { action: 'publish', title: '社区运动会报名', text: '下周日举行。', audience: { kind: 'all' } });
    const resident = await c.resident('王秀英');
    await okFn(resident, 'bulletin', { action: 'get', id: bulletin.id });

    page = await load('package-staff/pages/bulletin-reads/index', { openid: c.staff, query: { id: bulletin.id } });
    await page.tap('#withdraw');
    await page.tap('#confirm-withdraw');
    expect(recorded.toasts).toEqual(['请填写撤回原因']);
    await page.input('#reason', '场地有变，另行通知');
    await page.tap('#confirm-withdraw');
    expect(recorded.modals.at(-1)?.title).toBe('撤回这条通知？');
    await page.waitForText('已撤回');
    expect(page.has('#actions')).toBe(false);
    expect(await getDoc<any>('bulletins', bulletin.id)).toMatchObject({ status: 'withdrawn', withdrawnWhy: '场地有变，另行通知' });
    expect((await okFn(resident, 'bulletin', { action: 'list' })).items.map((b: any) => b.id)).not.toContain(bulletin.id);
    expect(await findDocs('bulletin_reads', { bulletinId: bulletin.id })).toHaveLength(1);
  });

  test('a resident opening the publish page is told it is for staff', async () => {
    page = await load('package-staff/pages/bulletin-edit/index', { openid: await c.resident('周大爷') });
    expect(page.textOf('#forbidden')).toContain('发布通知仅供社区工作人员使用');
  });
});
