import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { newCommunity } from '../support/community';
import { addGoods, give, redeemAs } from '../support/points';

const BOARD = 'pages/points/leaderboard/index';

jest.setTimeout(90_000);

describe('光荣榜', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('top earners with masked names only, and where I stand', async () => {
    const c = await newCommunity();
    const [liu, zhang, wang] = await Promise.all([c.resident('刘秀兰'), c.resident('张志强'), c.resident('王小明')]);
    await give(c.staff, liu, 30);
    await give(c.staff, zhang, 20);
    await give(c.staff, wang, 50);
    // Spending does not lower a place on the board.
    await redeemAs(wang, (await addGoods(c.staff, { cost: 40 })).id);

    page = await load(BOARD, { openid: zhang });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#scope')).toBe('近90天积分光荣榜');
    expect(page.comp.data.rows.map((r: { name: string; points: number }) => `${r.name} ${r.points}`)).toEqual(['王** 50', '刘** 30', '张** 20']);
    expect(page.textOf('#rank-2')).toBe('3张**（我）20 分');
    expect(page.textOf('#my-rank')).toBe('我的排名：第 3 名 · 20 积分');
    for (const full of ['刘秀兰', '张志强', '王小明', '赵主任']) expect(page.text()).not.toContain(full);
  });

  test('someone who has earned nothing yet is told how to get on the board', async () => {
    const c = await newCommunity();
    await give(c.staff, await c.resident('刘秀兰'), 30);
    page = await load(BOARD, { openid: await c.resident('新居民') });
    expect(page.textOf('#my-rank')).toBe('您本期还没有获得积分，参加志愿服务、社区活动就能上榜');
    expect(page.comp.data.rows).toHaveLength(1);
  });
});
