import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { meOf, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { addGoods, give, redeemAs } from '../support/points';
import { getDoc } from '../support/db';

const HOME = 'pages/points/index/index';

jest.setTimeout(120_000);

describe('我的积分', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the balance in big numbers, earned and spent, and the history newest first with 加载更多', async () => {
    const c = await newCommunity();
    const resident = await c.resident('周玉兰');
    for (let i = 1; i <= 21; i++) await give(c.staff, resident, 10, `楼道清洁志愿活动第${i}次`);
    const goods = await addGoods(c.staff, { name: '洗衣液 2kg', cost: 60 });
    await redeemAs(resident, goods.id);

    page = await load(HOME, { openid: resident });
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    expect(page.textOf('#balance')).toBe('150');
    expect(page.textOf('#earned')).toBe('累计获得 210');
    expect(page.textOf('#spent')).toBe('已兑换 60');

    const rows = page.comp.data.items as Array<{ amount: string; reason: string }>;
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ amount: '-60', reason: '兑换：洗衣液 2kg×1' });
    expect(rows[1]).toMatchObject({ amount: '+10', reason: '楼道清洁志愿活动第21次' });
    expect(page.text()).not.toContain('楼道清洁志愿活动第1次');
    // Who gave the points is not shown: no staff name, no openid.
    expect(page.text()).not.toContain('赵主任');
    expect(page.text()).not.toContain(c.staff);

    await page.tap('#more');
    expect(page.comp.data.items).toHaveLength(22);
    expect(page.text()).toContain('楼道清洁志愿活动第1次');
    expect(page.has('#more')).toBe(false);
  });

  test('points left in the community one moved from are shown apart, not as this community’s balance', async () => {
    const before = await newCommunity();
    const after = await newCommunity();
    const resident = await before.resident('钱桂芳');
    await give(before.staff, resident, 40, '参加垃圾分类督导');
    const { moveOffer } = await okFn(resident, 'user', { action: 'login', scene: `c=${after.code}` });
    await okFn(resident, 'user', { action: 'bindCommunity', scene: moveOffer.scene });

    page = await load(HOME, { openid: resident });
    expect(page.textOf('#balance')).toBe('0');
    expect(page.textOf('#elsewhere')).toContain('在原社区的积分（不可在本社区使用）');
    expect(page.textOf(`#elsewhere-${before.id}`)).toBe(`${before.name}40 分`);
    expect(page.text()).not.toContain('参加垃圾分类督导');
  });

  test('no other community, no such card', async () => {
    const c = await newCommunity();
    page = await load(HOME, { openid: await c.resident() });
    expect(page.has('#elsewhere')).toBe(false);
  });

  test('积分规则 opens on a tap with what earns how much in this community', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    page = await load(HOME, { openid: resident });
    expect(page.text()).not.toContain('完成一个微心愿');

    await page.tap('#rules-toggle');
    expect(page.comp.data.rules.map((r: { label: string; points: number }) => `${r.label} +${r.points}`)).toEqual([
      '完成一个微心愿 +10',
      '参加一次社区活动 +5',
      '帮办一件居民诉求 +5',
      '志愿服务每满1小时 +2',
      '垃圾分类督导一次 +2',
      '邻里互助一次 +3',
      '随手拍经社区派单一次 +2',
    ]);
    expect(page.textOf('#rules')).toContain('完成一个微心愿+10');
  });

  test('the 积分码 carries the resident’s short 会员号 (never their id) for staff to scan; the links open the mall, orders and 光荣榜', async () => {
    page = await load(HOME, { openid: 'demo-resident' });
    const me = await meOf('demo-resident');
    await page.tap('#code-toggle');
    const memberNo = (await getDoc<{ memberNumbers: Record<string, string> }>('users', me.id))!.memberNumbers.c_beihai;
    expect(memberNo).toMatch(/^\d{7}$/);
    expect(page.props('#member-qr').text).toBe(`honglin://member/${memberNo}`);
    expect(page.textOf('#member-id')).toBe(`会员号 ${memberNo.slice(0, 3)} ${memberNo.slice(3)}`);
    expect(page.text()).not.toContain(me.id);

    await page.tapText('积分商城');
    await page.tapText('我的兑换');
    await page.tapText('光荣榜');
    expect(recorded.navigations).toEqual([
      'navigateTo:/pages/points/mall/index',
      'navigateTo:/pages/points/orders/index',
      'navigateTo:/pages/points/leaderboard/index',
    ]);
  });
});
