import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, recorded, resetWx } from '../../setup/wx';
import { addGoods, balanceOf, entriesOf, goodsRow, ordersOf, redeemAs, residentWith, sentPoints } from '../support/points';

const ORDERS = 'pages/points/orders/index';

jest.setTimeout(90_000);

describe('我的兑换', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('取消兑换 gives the points back, shown on the page and kept in the ledger; the goods go back on the shelf', async () => {
    const resident = await residentWith(200, 'cancel');
    const goods = await addGoods('demo-staff', { name: `大米${Date.now().toString(36).slice(-4)}`, cost: 100, stock: 3 });
    const order = await redeemAs(resident, goods.id);
    page = await load(ORDERS, { openid: resident });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#balance')).toBe('100');

    modalAnswer.confirm = false;
    await page.tap(`#cancel-${order.id}`);
    expect(recorded.modals[0].content).toBe(`取消后 100 积分退回您的账户，“${goods.name}”放回货架。确定取消吗？`);
    expect(sentPoints('cancelOrder')).toHaveLength(0);
    expect((await ordersOf(resident))[0].status).toBe('pending');

    modalAnswer.confirm = true;
    await page.tap(`#cancel-${order.id}`);

    expect(page.textOf('#balance')).toBe('200');
    expect(recorded.toasts.at(-1)).toBe('已取消，100积分已退回');
    expect(page.has(`#order-${order.id}`)).toBe(false); // gone from 待领取
    expect(await balanceOf(resident)).toBe(200);
    const [row] = await ordersOf(resident);
    expect(row.status).toBe('cancelled');
    const refunds = (await entriesOf(resident)).filter((e) => e.kind === 'refund');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 100, source: { type: 'order', id: order.id } });
    expect((await goodsRow(goods.id))!.stock).toBe(3);

    await page.tap('#tab-all');
    expect(page.textOf(`#status-${order.id}`)).toBe('已取消');
    expect(page.has(`#code-${order.id}`)).toBe(false);
    expect(page.has(`#cancel-${order.id}`)).toBe(false);
  });

  test('someone with no orders is sent to the mall', async () => {
    const resident = await residentWith(0, 'noorders');
    page = await load(ORDERS, { openid: resident });
    expect(page.text()).toContain('没有待领取的兑换');
    await page.tapText('去积分商城看看');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/points/mall/index']);
  });
});
