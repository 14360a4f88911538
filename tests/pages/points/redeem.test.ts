import { load, type PageHandle } from '../../setup/load';
import { lostResponse, modalAnswer, recorded, resetWx } from '../../setup/wx';
import { addGoods, balanceOf, entriesOf, goodsRow, ordersOf, redeemAs, residentWith, sentPoints } from '../support/points';

const GOODS = 'pages/points/goods/index';
const MALL = 'pages/points/mall/index';

jest.setTimeout(90_000);

describe('商品详情 · 兑换', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a double tap on 立即兑换 redeems once: one order, one spend entry', async () => {
    const resident = await residentWith(300, 'double');
    const goods = await addGoods('demo-staff', { cost: 40, perPersonLimit: 2 });
    page = await load(GOODS, { openid: resident, query: { id: goods.id } });

    await Promise.all([page.tap('#redeem'), page.tap('#redeem')]);

    const orders = await ordersOf(resident);
    expect(orders).toHaveLength(1);
    expect((await entriesOf(resident)).filter((e) => e.kind === 'spend')).toHaveLength(1);
    expect(await balanceOf(resident)).toBe(260);
    expect((await goodsRow(goods.id))!.stock).toBe(9);
    const ids = new Set(sentPoints('redeem').map((r) => r.requestId));
    expect(ids.size).toBe(1);
  });

  test('an answer lost on the way back: tapping again sends the same request, and nothing is spent twice', async () => {
    const resident = await residentWith(300, 'lost');
    const goods = await addGoods('demo-staff', { cost: 40, perPersonLimit: 2 });
    page = await load(GOODS, { openid: resident, query: { id: goods.id } });

    lostResponse.action = 'redeem';
    await page.tapText('立即兑换');
    expect(recorded.modals.at(-1)!.title).toBe('没有收到兑换结果');
    expect(recorded.navigations).toEqual([]);
    expect(await ordersOf(resident)).toHaveLength(1); // it did go through on the server

    await page.tapText('立即兑换');

    const sent = sentPoints('redeem');
    expect(sent).toHaveLength(2);
    expect(sent[1].requestId).toBe(sent[0].requestId);
    const orders = await ordersOf(resident);
    expect(orders).toHaveLength(1);
    expect((await entriesOf(resident)).filter((e) => e.kind === 'spend')).toHaveLength(1);
    expect(await balanceOf(resident)).toBe(260);
    expect(recorded.navigations).toEqual([`redirectTo:/pages/points/orders/index?id=${orders[0]._id}`]);
  });

  test('sold-out goods are greyed in the mall, and the goods page refuses them', async () => {
    const resident = await residentWith(200, 'soldout');
    const other = await residentWith(200, 'quicker');
    const goods = await addGoods('demo-staff', { cost: 30, stock: 1 });
    await redeemAs(other, goods.id);

    page = await load(MALL, { openid: resident });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    const card = page.comp.querySelector(`#goods-${goods.id}`);
    expect(card.dom.className).toContain('goods-soldout');
    expect(page.textOf(`#goods-${goods.id}`)).toContain('售罄');
    expect(page.textOf(`#goods-${goods.id}`)).toContain('已兑完');
    page.detach();

    resetWx();
    page = await load(GOODS, { openid: resident, query: { id: goods.id } });
    expect(page.textOf('#stock')).toBe('售罄');
    expect(page.textOf('#block')).toBe('已兑完，请关注补货');
    expect(page.props('#redeem').disabled).toBe(true);
    await page.tap('#redeem');
    expect(sentPoints('redeem')).toHaveLength(0);
    expect(await ordersOf(resident)).toHaveLength(0);
    expect(await balanceOf(resident)).toBe(200);
  });

  test("goods that sell out while the page is open are refused in the server's words", async () => {
    const resident = await residentWith(200, 'late');
    const other = await residentWith(200, 'early');
    const goods = await addGoods('demo-staff', { name: `洗车卡${Date.now().toString(36).slice(-4)}`, cost: 30, stock: 1 });
    page = await load(GOODS, { openid: resident, query: { id: goods.id } });
    expect(page.textOf('#stock')).toBe('剩余 1 件');

    await redeemAs(other, goods.id);
    await page.tapText('立即兑换');

    expect(recorded.modals.at(-1)).toEqual({ title: '未能兑换', content: `${goods.name}已兑完，请关注补货` });
    expect(page.textOf('#stock')).toBe('售罄'); // the page shows the goods as they now are
    expect(await ordersOf(resident)).toHaveLength(0);
    expect(await balanceOf(resident)).toBe(200);
  });

  test('the quantity stays within the per-person limit, and the confirmation shows cost and balance after', async () => {
    const resident = await residentWith(500, 'qty');
    const goods = await addGoods('demo-staff', { cost: 60, perPersonLimit: 2, stock: 10 });
    page = await load(GOODS, { openid: resident, query: { id: goods.id } });
    expect(page.textOf('#limit')).toBe('每人限兑 2 件，您还可兑 2 件');

    await page.tap('#plus');
    await page.tap('#plus');
    expect(page.textOf('#quantity')).toBe('2');
    expect(recorded.toasts).toEqual(['最多可兑 2 件']);
    expect(page.textOf('#total')).toBe('120');

    modalAnswer.confirm = false;
    await page.tapText('立即兑换');
    expect(recorded.modals[0].content).toBe(`${goods.name} × 2\n消耗 120 积分\n当前 500 积分，兑换后剩余 380 积分`);
    expect(sentPoints('redeem')).toHaveLength(0); // 再想想

    modalAnswer.confirm = true;
    await page.tapText('立即兑换');
    const [order] = await ordersOf(resident);
    expect(order).toMatchObject({ quantity: 2, points: 120 });
    expect(await balanceOf(resident)).toBe(380);
  });

  test('without enough points the page says how many are missing and sends nothing', async () => {
    const resident = await residentWith(20, 'poor');
    const goods = await addGoods('demo-staff', { cost: 50 });
    page = await load(GOODS, { openid: resident, query: { id: goods.id } });

    expect(page.textOf('#block')).toBe('积分不足，还差 30 积分');
    await page.tap('#redeem');
    expect(sentPoints('redeem')).toHaveLength(0);
  });
});
