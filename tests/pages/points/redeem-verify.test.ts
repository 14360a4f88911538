import { friendlyTime } from '../../../miniprogram/utils/date';
import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, recorded, resetWx, scanAnswer } from '../../setup/wx';
import { callFn, meOf } from '../support/backend';
import { newCommunity } from '../support/community';
import { addGoods, balanceOf, give, goodsRow, ordersOf, residentWith, sentPoints, unitMember } from '../support/points';

const GOODS = 'pages/points/goods/index';
const ORDERS = 'pages/points/orders/index';
const VERIFY = 'package-staff/pages/points-verify/index';

jest.setTimeout(90_000);

describe('兑换 → 核销', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a resident redeems on the goods page, shows the code on 我的兑换, and staff who type it hand the goods over', async () => {
    const c = await newCommunity();
    const resident = await c.resident('刘秀兰');
    await give(c.staff, resident, 150);
    const goods = await addGoods(c.staff, { name: '压榨花生油 1.8L', cost: 120, stock: 5, pickupPlace: '社区服务台（北海路88号）' });

    page = await load(GOODS, { openid: resident, query: { id: goods.id } });
    expect(page.textOf('#name')).toBe('压榨花生油 1.8L');
    expect(page.textOf('#cost')).toBe('120');
    expect(page.textOf('#stock')).toBe('剩余 5 件');
    expect(page.textOf('#provider')).toBe(`提供单位：${c.name}`);
    expect(page.textOf('#pickup')).toBe('领取地点：社区服务台（北海路88号）');
    expect(page.textOf('#my-balance')).toBe('我的积分 150');
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls

    await page.tapText('立即兑换');

    expect(recorded.modals[0].title).toBe('确认兑换');
    expect(recorded.modals[0].content).toContain('消耗 120 积分');
    expect(recorded.modals[0].content).toContain('兑换后剩余 30 积分');
    const [row] = await ordersOf(resident);
    expect(row).toMatchObject({ status: 'pending', quantity: 1, points: 120, goodsId: goods.id });
    expect(row.code).toMatch(/^\d{8}$/);
    expect(await balanceOf(resident)).toBe(30);
    expect((await goodsRow(goods.id))!.stock).toBe(4);
    expect(recorded.navigations).toEqual([`redirectTo:/pages/points/orders/index?id=${row._id}`]);
    page.detach();

    resetWx();
    page = await load(ORDERS, { openid: resident, query: { id: row._id } });
    expect(page.textOf(`#status-${row._id}`)).toBe('待领取');
    expect(page.textOf(`#code-${row._id}`)).toBe(`${row.code.slice(0, 4)} ${row.code.slice(4)}`);
    expect(page.props(`#qr-${row._id}`).text).toBe(`honglin://pickup/${row.code}`);
    expect(page.textOf(`#place-${row._id}`)).toBe('领取地点：社区服务台（北海路88号）');
    expect(page.textOf(`#expires-${row._id}`)).toBe(`请于${friendlyTime(row.expiresAt)}前领取`);
    expect(page.textOf('#balance')).toBe('30');
    page.detach();

    resetWx();
    page = await load(VERIFY, { openid: c.staff });
    expect(page.textOf('#scope')).toBe('可核销本社区积分商城的所有兑换');
    await page.input('#code-input', row.code);
    await page.tap('#verify');

    expect(page.textOf('#result-goods')).toBe('压榨花生油 1.8L × 1');
    expect(page.textOf('#result-holder')).toBe('兑换人：刘**');
    expect(page.text()).not.toContain('刘秀兰');
    const [after] = await ordersOf(resident);
    expect(after.status).toBe('redeemed');
    expect(after.redeemedBy).toBe((await meOf(c.staff)).id);
    expect(after.events.at(-1)).toMatchObject({ from: 'pending', to: 'redeemed', byLabel: '社区工作者' });
    page.detach();

    resetWx();
    page = await load(ORDERS, { openid: resident });
    await page.tap('#tab-redeemed');
    expect(page.textOf(`#status-${row._id}`)).toBe('已领取');
    expect(page.has(`#code-${row._id}`)).toBe(false); // a used code is no longer shown
  });

  test('staff scan the QR code with the camera; the same code a second time is refused as already used', async () => {
    const c = await newCommunity();
    const resident = await c.resident('孙桂兰');
    await give(c.staff, resident, 100);
    const goods = await addGoods(c.staff, { name: '面粉 2.5kg', cost: 50 });
    const { order } = (await callFn<{ ok: true; data: { order: { id: string; pickupQr: string } } }>(resident, 'points', { action: 'redeem', goodsId: goods.id })).data;

    page = await load(VERIFY, { openid: c.staff });
    scanAnswer.value = order.pickupQr;
    await page.tapText('扫码核销');
    expect(recorded.scans).toEqual([['qrCode']]);
    expect(page.textOf('#result-goods')).toBe('面粉 2.5kg × 1');
    expect((await ordersOf(resident))[0].status).toBe('redeemed');

    scanAnswer.value = order.pickupQr;
    await page.tapText('扫码核销');
    expect(page.textOf('#refusal-text')).toMatch(/^该提货码已于\d+月\d+日 \d\d:\d\d核销，请勿重复发放$/);
    expect(page.has('#result')).toBe(false);

    scanAnswer.value = 'https://example.com/not-ours';
    await page.tapText('扫码核销');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '无法识别' });
    expect(sentPoints('verify')).toHaveLength(2);
  });

  test("a member of another 共建单位 is refused with the server's words; the providing unit's member verifies", async () => {
    const resident = await residentWith(200, 'checkup');
    const goods = await addGoods('demo-staff', { name: `健康体检券${Date.now().toString(36).slice(-4)}`, cost: 80, unitId: 'unit_hospital' });
    expect(goods.provider).toBe('东台市人民医院');
    const { order } = (await callFn<{ ok: true; data: { order: { id: string; pickupCode: string } } }>(resident, 'points', { action: 'redeem', goodsId: goods.id })).data;

    const power = await unitMember('unit_power', 'power');
    page = await load(VERIFY, { openid: power });
    expect(page.textOf('#scope')).toBe('可核销国网东台市供电公司提供的商品');
    await page.input('#code-input', order.pickupCode);
    await page.tap('#verify');
    expect(page.textOf('#refusal-text')).toBe('该商品由东台市人民医院提供，您所在的单位不能核销');
    expect(recorded.modals.at(-1)).toEqual({ title: '未能核销', content: '该商品由东台市人民医院提供，您所在的单位不能核销' });
    expect((await ordersOf(resident))[0].status).toBe('pending');
    page.detach();

    resetWx();
    page = await load(VERIFY, { openid: 'demo-unit' });
    expect(page.textOf('#scope')).toBe('可核销东台市人民医院提供的商品');
    await page.input('#code-input', order.pickupCode);
    await page.tap('#verify');
    expect(page.textOf('#result-goods')).toContain(goods.name);
    const [row] = await ordersOf(resident);
    expect(row.status).toBe('redeemed');
    expect(row.events.at(-1)!.byLabel).toBe('共建单位 东台市人民医院');
  });

  test('a wrong code is checked on the phone first, then by the server', async () => {
    page = await load(VERIFY, { openid: 'demo-staff' });
    await page.input('#code-input', '1234');
    await page.tap('#verify');
    expect(recorded.toasts).toEqual(['请输入8位数字提货码']);
    expect(sentPoints('verify')).toHaveLength(0);

    modalAnswer.confirm = true;
    await page.input('#code-input', '00000001');
    await page.tap('#verify');
    expect(page.textOf('#refusal-text')).toBe('提货码不存在，请核对后重试');
  });
});
