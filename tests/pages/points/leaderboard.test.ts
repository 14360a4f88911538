import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { newCommunity } from '../support/community';
import { freshOpenid, okFn } from '../support/backend';
import { insertDoc } from '../support/db';
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
    expect(page.textOf('#rank-2')).toBe('3张** · 第一网格（我）20 分');
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

  test('tells apart two people of the same surname by their grid, and people without a chosen name by the end of their stand-in', async () => {
    const c = await newCommunity();
    await insertDoc('grids', { _id: `${c.id}_g3`, communityId: c.id, code: 'g3', name: '第三网格（北海新村）', buildings: ['3幢'] });
    const wangOne = await c.resident('王秀英');
    const wangThree = freshOpenid('lb-g3');
    await okFn(wangThree, 'user', { action: 'login', scene: `c=${c.code}&g=g3` });
    await okFn(wangThree, 'user', { action: 'updateProfile', displayName: '王建国' });
    const [unnamedA, unnamedB] = [freshOpenid('lb-a'), freshOpenid('lb-b')];
    for (const o of [unnamedA, unnamedB]) await okFn(o, 'user', { action: 'login', scene: `c=${c.code}&g=g1` });
    await give(c.staff, wangOne, 40);
    await give(c.staff, wangThree, 30);
    await give(c.staff, unnamedA, 20);
    await give(c.staff, unnamedB, 10);

    page = await load(BOARD, { openid: wangThree });
    const lines = [0, 1, 2, 3].map((i) => page!.textOf(`#rank-${i}`));
    expect(lines[0]).toBe('1王** · 第一网格40 分');
    expect(lines[1]).toBe('2王** · 第三网格（我）30 分');
    expect(lines[2]).toMatch(/^3居民\*\*[0-9A-Z]{2} · 第一网格20 分$/);
    expect(lines[3]).toMatch(/^4居民\*\*[0-9A-Z]{2} · 第一网格10 分$/);
    for (const full of ['王秀英', '王建国']) expect(page.text()).not.toContain(full);
  });
});
