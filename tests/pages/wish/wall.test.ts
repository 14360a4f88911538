import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { freshOpenid, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { sent } from '../support/wish';
import { WISH_CATEGORIES } from '../../../typings/wish';

const chip = (name: string) => `#chip-${['全部', ...WISH_CATEGORIES].indexOf(name as never)}`;

jest.setTimeout(60_000); // real functions, and the first wcc compile of a page takes a while

const PAGE = 'pages/wish/wall/index';

describe('心愿墙', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('cards show masked names and never a phone number or an openid', async () => {
    const c = await newCommunity();
    const resident = await c.resident('刘秀兰', '13911112222');
    await c.openWish(resident, '想要一副老花镜', { showPhone: true });
    const volunteer = await c.volunteer('张志强');
    page = await load(PAGE, { openid: volunteer });

    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    const card = page.textOf('.wish');
    expect(card).toContain('想要一副老花镜');
    expect(card).toContain('生活物资');
    expect(card).toContain('待认领');
    expect(card).toContain('刘**');
    expect(card).toContain(c.gridName);
    expect(card).toContain('同求 1');
    const text = page.text();
    expect(text).not.toContain('刘秀兰');
    expect(text).not.toContain('13911112222');
    expect(text).not.toMatch(/res-[0-9a-z]+-/); // an openid of the test users
    expect(text).not.toContain(resident);
  });

  test('the banner counts the season; claimed and lit-up wishes are labelled', async () => {
    const c = await newCommunity();
    await okFn(c.staff, 'wish', { action: 'openSeason', startDate: '2020-01-01', endDate: '2099-12-31', name: '第1季' });
    const resident = await c.resident();
    const volunteer = await c.volunteer();
    const a = await c.openWish(resident, '想学用智能手机视频通话');
    const b = await c.openWish(resident, '家里水龙头漏水');
    await c.openWish(resident, '想借一辆轮椅去医院复查');
    await okFn(volunteer, 'wish', { action: 'claim', id: a });
    await okFn(volunteer, 'wish', { action: 'claim', id: b });
    await okFn(volunteer, 'wish', { action: 'submitProof', id: b, note: '修好了' });
    await okFn(resident, 'wish', { action: 'confirm', id: b });

    page = await load(PAGE, { openid: resident });

    expect(page.textOf('#banner')).toBe('第1季 微心愿3已收集2已认领1已点亮');
    const statuses = page.comp.data.cards.map((x: { title: string; statusLabel: string }) => `${x.title}:${x.statusLabel}`);
    expect(statuses.sort()).toEqual(['家里水龙头漏水:已点亮', '想借一辆轮椅去医院复查:待认领', '想学用智能手机视频通话:已认领'].sort());
    expect(page.textOf('#cards')).toContain('已点亮');
  });

  test('category chips filter and 最多同求 sorts by how many neighbours want it', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const popular = await c.openWish(resident, '小区里想装个休息长椅', { category: '其他' });
    await c.openWish(resident, '孩子暑假想找人辅导作业', { category: '儿童关爱' });
    for (let i = 0; i < 2; i++) await okFn(await c.resident(`邻居${i}`), 'wish', { action: 'want', id: popular });

    page = await load(PAGE, { openid: resident });
    expect(page.textOf('.wish')).toContain('孩子暑假想找人辅导作业'); // newest first

    await page.tapText('最多同求');
    expect(page.textOf('.wish')).toContain('小区里想装个休息长椅');
    expect(page.textOf('.wish')).toContain('同求 3');
    expect(sent('list').at(-1)).toMatchObject({ sort: 'most_wanted' });

    await page.tap(chip('儿童关爱'));
    expect(page.textOf('#cards')).toContain('孩子暑假想找人辅导作业');
    expect(page.textOf('#cards')).not.toContain('休息长椅');
    expect(sent('list').at(-1)).toMatchObject({ category: '儿童关爱', sort: 'most_wanted' });

    await page.tap(chip('全部'));
    expect(page.textOf('#cards')).toContain('休息长椅');
    expect(sent('list').at(-1)).not.toHaveProperty('category');
  });

  test('20 cards a page; 加载更多 brings the rest, and the bottom asks for nothing more', async () => {
    const c = await newCommunity();
    const residents = await Promise.all([0, 1, 2, 3, 4].map((i) => c.resident(`居民${i}`)));
    // Five residents at once (each may have a few wishes waiting for review at a time).
    await Promise.all(
      residents.map(async (r, k) => {
        for (let i = k; i < 23; i += 5) await c.openWish(r, `第${i + 1}个小心愿`);
      }),
    );

    page = await load(PAGE, { openid: residents[0] });
    expect(page.comp.data.cards).toHaveLength(20);

    await page.tapText('加载更多');
    expect(page.comp.data.cards).toHaveLength(23);
    expect(page.text()).toContain('没有更多了');
    expect(page.text()).not.toContain('加载更多');
    const titles = page.comp.data.cards.map((x: { title: string }) => x.title);
    expect(new Set(titles).size).toBe(23);
    expect(sent('list')).toHaveLength(2);
    expect(sent('list')[1]).toMatchObject({ cursor: expect.any(String) });
    for (const req of sent('list')) expect(req.limit ?? 20).toBeLessThanOrEqual(20);

    await page.lifecycle('onReachBottom');
    expect(sent('list')).toHaveLength(2);
  });

  test('pull-down refresh shows a wish approved meanwhile; 发布心愿 opens the form', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    page = await load(PAGE, { openid: resident });
    expect(page.text()).toContain('这里还没有心愿');

    await c.openWish(resident, '想找人陪老伴散散步');
    await page.lifecycle('onPullDownRefresh');
    expect(page.textOf('#cards')).toContain('想找人陪老伴散散步');
    expect(page.text()).not.toContain('这里还没有心愿');

    await page.tapText('发布心愿');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/wish/publish/index']);
  });

  test('a card opens its wish', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const id = await c.openWish(resident, '想请人帮忙贴春联');
    page = await load(PAGE, { openid: resident });
    await page.tapText('想请人帮忙贴春联');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/wish/detail/index?id=${id}`]);
  });

  test('someone who has not joined a community is asked to scan the poster', async () => {
    page = await load(PAGE, { openid: freshOpenid('wall-unbound') });
    expect(page.text()).toContain('扫描社区海报上的二维码加入社区');
    expect(sent('list')).toHaveLength(0);
  });
});
