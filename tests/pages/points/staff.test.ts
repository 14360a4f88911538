import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx, scanAnswer } from '../../setup/wx';
import { callFn, meOf, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { findDocs } from '../support/db';
import { addGoods, balanceOf, entriesOf, goodsRow, sentPoints } from '../support/points';

const VERIFY = 'package-staff/pages/points-verify/index';
const MANAGE = 'package-staff/pages/goods-manage/index';
const EDIT = 'package-staff/pages/goods-edit/index';
const AWARD = 'package-staff/pages/points-award/index';
const MALL = 'pages/points/mall/index';
const CONSOLE = 'package-staff/pages/console/index';

jest.setTimeout(120_000);

describe('积分 · 社区工作人员', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a resident cannot reach the staff pages, and the server refuses the actions behind them', async () => {
    const c = await newCommunity();
    const resident = await c.resident('钱大妈');
    const other = await c.resident('孙大爷');
    const pages: Array<[string, string]> = [
      [VERIFY, '兑换核销仅供社区工作人员和共建单位使用'],
      [MANAGE, '商品管理仅供社区工作人员使用'],
      [EDIT, '商品管理仅供社区工作人员使用'],
      [AWARD, '积分奖励仅供社区工作人员使用'],
      ['package-staff/pages/points-admin/index', '积分规则仅供社区工作人员使用'],
      ['package-staff/pages/points-account/index', '积分账户仅供社区工作人员使用'],
    ];
    for (const [path, words] of pages) {
      resetWx();
      page = await load(path, { openid: resident });
      expect(page.textOf('#forbidden')).toBe(words);
      expect(recorded.requests.filter((r) => r.url.endsWith('/fn/points'))).toHaveLength(0);
      page.detach();
    }
    page = undefined;

    const goods = await addGoods(c.staff);
    const attempts: Array<Record<string, unknown>> = [
      { action: 'verify', code: '12345678' },
      { action: 'manageGoods', op: 'offShelf', id: goods.id, reason: '不想让别人兑' },
      { action: 'goods', all: true },
      { action: 'award', userId: (await meOf(other)).id, points: 100, reason: '自己给自己' },
      { action: 'account', userId: (await meOf(other)).id },
    ];
    for (const event of attempts) {
      const res = await callFn<{ ok: boolean; code?: string; message?: string }>(resident, 'points', event);
      expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await goodsRow(goods.id))!.status).toBe('on_shelf');
    expect(await balanceOf(other)).toBe(0);
  });

  test('staff put new goods on the shelf from the form; residents see them in the mall', async () => {
    const c = await newCommunity();
    page = await load(EDIT, { openid: c.staff });
    await page.input('#name', '节能LED灯泡（2只装）');
    await page.input('#cost', '40');
    await page.tap('#save');
    expect(recorded.toasts).toEqual(['库存须为0到10000之间的整数']);
    expect(sentPoints('manageGoods')).toHaveLength(0);

    await page.input('#stock', '30');
    await page.input('#limit', '2');
    await page.input('#place', '党群服务中心一楼服务台');
    await page.input('#description', '9W暖白光');
    await page.tap('#save');

    expect(recorded.toasts.at(-1)).toBe('已上架到积分商城');
    expect(recorded.navigations).toEqual(['navigateBack:1']);
    const [row] = await findDocs<{ _id: string; name: string; cost: number; stock: number; perPersonLimit: number; providerName: string; description: string }>('points_goods', {
      communityId: c.id,
    });
    expect(row).toMatchObject({ name: '节能LED灯泡（2只装）', cost: 40, stock: 30, perPersonLimit: 2, providerName: c.name, description: '9W暖白光' });
    page.detach();

    resetWx();
    page = await load(MALL, { openid: await c.resident() });
    expect(page.textOf(`#goods-${row._id}`)).toContain('节能LED灯泡（2只装）');
    expect(page.textOf(`#goods-${row._id}`)).toContain('剩余 30 件');
  });

  test('staff restock, take goods off the shelf with a reason, and put them back', async () => {
    const c = await newCommunity();
    const goods = await addGoods(c.staff, { name: '爱心理发券', stock: 2 });
    page = await load(MANAGE, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf(`#stock-${goods.id}`)).toBe('库存 2 件 · 累计上架 2 件');

    await page.tap(`#restock-${goods.id}`);
    await page.input('#form-quantity', '5');
    await page.input('#form-reason', '志愿者新捐了一批');
    await page.tap('#form-submit');
    expect(page.textOf(`#stock-${goods.id}`)).toBe('库存 7 件 · 累计上架 7 件');
    expect(await goodsRow(goods.id)).toMatchObject({ stock: 7, supplied: 7 });

    await page.tap(`#off-${goods.id}`);
    await page.tap('#form-submit');
    expect(recorded.toasts.at(-1)).toBe('请填写下架原因');
    await page.input('#form-reason', '理发师外出培训，暂停兑换');
    await page.tap('#form-submit');
    expect(recorded.modals.at(-1)!.title).toBe('下架商品');
    expect(page.textOf(`#goods-${goods.id}`)).toContain('已下架');
    expect((await goodsRow(goods.id))!.status).toBe('off_shelf');
    const audit = await findDocs<{ action: string; reason?: string }>('points_audit', { 'target.id': goods.id });
    expect(audit.find((a) => a.action === 'goods.offShelf')?.reason).toBe('理发师外出培训，暂停兑换');

    const resident = await c.resident();
    const hidden = await callFn<{ ok: true; data: { items: Array<{ id: string }> } }>(resident, 'points', { action: 'goods' });
    expect(hidden.data.items.map((g) => g.id)).not.toContain(goods.id);

    await page.tap(`#on-${goods.id}`);
    expect((await goodsRow(goods.id))!.status).toBe('on_shelf');
    expect(page.textOf(`#goods-${goods.id}`)).toContain('在售');
  });

  test('staff award points by a rule to the resident whose 积分码 they scan, or whom they find by name or phone', async () => {
    const c = await newCommunity();
    const resident = await c.resident('吴秀英', '13600004321');
    const { memberNo } = await okFn(resident, 'user', { action: 'memberCode' });

    page = await load(AWARD, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    scanAnswer.value = `honglin://member/${memberNo}`;
    await page.tapText('扫居民积分码');
    const spaced = `${memberNo.slice(0, 3)} ${memberNo.slice(3)}`;
    expect(page.textOf('#chosen')).toBe(`吴秀英 · ${c.gridName} · 会员号 ${spaced} · 136****4321`);
    await page.tap('#rule-activity_attended');
    await page.input('#reason', '参加3月12日楼道清洁');
    await page.tap('#submit');

    expect(recorded.modals.at(-1)!.content).toBe(`为吴秀英 · ${c.gridName} · 会员号 ${spaced} · 136****4321奖励 5 积分（参加一次社区活动）\n原因：参加3月12日楼道清洁`);
    expect(recorded.toasts.at(-1)).toBe('已为吴**奖励5积分');
    expect(page.textOf('#done')).toContain('吴** +5');
    const [entry] = await entriesOf(resident);
    expect(entry).toMatchObject({ amount: 5, kind: 'earn', reason: '参加一次社区活动：参加3月12日楼道清洁', by: (await meOf(c.staff)).id });
    expect(page.has('#chosen')).toBe(false);

    // By phone (spaces and dashes dropped), then by a name two neighbours share: picked from the list.
    await page.input('#member-q', '136-0000-4321');
    await page.tap('#find');
    expect(page.textOf('#chosen')).toContain('吴秀英');
    const namesake = await c.resident('吴秀英');
    await page.input('#member-q', '吴秀英');
    await page.tap('#find');
    expect(page.has('#chosen')).toBe(false);
    const other = await meOf(namesake);
    await page.tap(`#match-${other.id}`);
    expect(page.textOf('#chosen')).toBe(`吴秀英 · ${c.gridName}`);
    await page.tap('#rule-custom');
    await page.input('#amount', '8');
    await page.input('#reason', '帮助邻居搬运物资');
    await page.tap('#submit');
    expect(await balanceOf(namesake)).toBe(8);
    expect(await balanceOf(resident)).toBe(5);

    // Nobody by that number in this community.
    await page.input('#member-q', '0000001');
    await page.tap('#find');
    expect(page.textOf('#not-found')).toBe('没有找到这位居民，请核对会员号、姓名或手机号');
    await page.tap('#submit');
    expect(recorded.toasts.at(-1)).toBe('请扫描居民的积分码，或查找居民');
    // A code that is not a 积分码 is refused before any search.
    scanAnswer.value = 'honglin://pickup/12345678';
    await page.tapText('扫居民积分码');
    expect(recorded.modals.at(-1)).toEqual({ title: '无法识别', content: '请扫描居民“我的积分”页上的积分码' });
  });

  test('社区工作台 lists the points tools', async () => {
    page = await load(CONSOLE, { openid: 'demo-staff' });
    expect(page.has('#points-tools')).toBe(true);
    await page.tapText('兑换核销');
    await page.tapText('商品管理');
    await page.tapText('积分奖励');
    expect(recorded.navigations).toEqual([
      'navigateTo:/package-staff/pages/points-verify/index',
      'navigateTo:/package-staff/pages/goods-manage/index',
      'navigateTo:/package-staff/pages/points-award/index',
    ]);
  });

  test('staff change the cost and the provider of goods; only what changed is sent, with the reason', async () => {
    // The provider choices are the units on the first page of goods, so one of 供电公司's goes on it now.
    await addGoods('demo-staff', { name: `电费卡${Date.now().toString(36).slice(-4)}`, cost: 20, unitId: 'unit_power' });
    const goods = await addGoods('demo-staff', { name: `LED灯泡${Date.now().toString(36).slice(-4)}`, cost: 40 });
    page = await load(EDIT, { openid: 'demo-staff', query: { id: goods.id } });
    expect(page.textOf('#stock-note')).toBe('库存 10 件（在“商品管理”里补货）');
    const providers = page.comp.data.providers.map((p: { name: string }) => p.name);
    expect(providers[0]).toBe('北海社区（社区提供）');
    expect(providers).toContain('国网东台市供电公司');

    await page.tap('#save');
    expect(recorded.toasts).toEqual(['没有修改的内容']);

    await page.input('#cost', '35');
    await page.tap(`#provider-${providers.indexOf('国网东台市供电公司')}`);
    await page.input('#reason', '供电公司认领');
    await page.tap('#save');

    const [edit] = sentPoints('manageGoods');
    expect(edit).toMatchObject({ op: 'edit', id: goods.id, cost: 35, unitId: 'unit_power', reason: '供电公司认领' });
    expect(Object.keys(edit).sort()).toEqual(['action', 'cost', 'id', 'op', 'reason', 'requestId', 'unitId']);
    expect(await goodsRow(goods.id)).toMatchObject({ cost: 35, unitId: 'unit_power' });
    expect(recorded.navigations).toEqual(['navigateBack:1']);
  });
});
