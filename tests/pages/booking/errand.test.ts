import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { meOf } from '../support/backend';
import { findDocs } from '../support/db';
import { bookingCommunity, errandsOf, eventsOf, newErrandService, sentBooking, shanghaiDay } from '../support/booking';

const ERRAND = 'pages/booking/errand/index';
const DETAIL = 'pages/booking/detail/index';
const MINE = 'pages/booking/mine/index';
const QUEUE = 'package-staff/pages/errand-queue/index';

jest.setTimeout(120_000);

describe('代办 · 上门帮办', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a resident asks for 代办 → staff assign it to the grid worker → the worker finishes it → the resident rates it', async () => {
    const c = await bookingCommunity();
    const serviceId = await newErrandService(c, 'proxy', '社保医保代办');
    const resident = await c.resident('刘秀兰', '13812344501');

    page = await load(ERRAND, { openid: resident, query: { serviceId } });
    expect(page.textOf('#name')).toBe('社保医保代办');
    expect(page.has('#visit')).toBe(false);
    await page.tap('#submit');
    expect(page.textOf('#error-description')).toBe('请说明要办理的事项');
    expect(recorded.scrolls).toEqual(['#field-description']);
    expect(sentBooking('requestErrand')).toHaveLength(0);

    await page.input('#description', '帮我办理2027年度城乡居民医保缴费');
    expect(page.has('#error-description')).toBe(false);
    await page.tap('#paper-0');
    await page.tap('#paper-2');
    await page.input('#paper-input', '缴费通知单');
    await page.tap('#add-paper');
    expect(page.textOf('#paper-list')).toContain('缴费通知单');
    expect(page.textOf('#reach-notice')).toBe('受理的工作人员在办理期间可看到您的姓名、电话和地址，办结后自动隐藏');
    await page.input('#visit-form >>> #building', '5');
    await page.input('#visit-form >>> #room', '201');
    await page.tapText('工作日白天');
    await page.tap('#submit');

    expect(recorded.modals[0].title).toBe('确认提交');
    expect(recorded.modals[0].content).toContain('材料：身份证复印件、社保卡、缴费通知单');
    expect(recorded.modals[1].title).toBe('已提交');
    expect(recorded.subscriptions).toEqual([['tmpl-errand-updated']]);
    const [row] = await errandsOf(resident);
    expect(row).toMatchObject({ serviceId, status: 'submitted', description: '帮我办理2027年度城乡居民医保缴费', papers: ['身份证复印件', '社保卡', '缴费通知单'], gridId: `${c.id}_g1`, address: '5幢201室', preferredTime: '工作日白天' });
    expect(recorded.navigations).toEqual([`redirectTo:/pages/booking/detail/index?id=${row._id}`]);
    page.detach();

    // Staff: the queue, and 指派 to the grid worker.
    resetWx();
    page = await load(QUEUE, { openid: c.staff });
    expect(page.textOf(`#status-${row._id}`)).toBe('待受理');
    // Staff act on it by the resident's real name; the number stays masked.
    expect(page.textOf(`#errand-${row._id}`)).toContain('刘秀兰');
    expect(page.textOf(`#errand-${row._id}`)).toContain('138****4501');
    expect(page.text()).not.toContain('13812344501');
    await page.tap(`#assign-${row._id}`);
    const worker = await meOf(c.gridWorker);
    expect(page.textOf(`#worker-${worker.id}`)).toBe(`周海燕 · ${c.gridName} · 手上0件`);
    await page.tap('#panel-submit');
    expect(recorded.toasts).toEqual(['请选择办理人']);
    await page.tap(`#worker-${worker.id}`);
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('已指派');
    expect(page.has(`#errand-${row._id}`)).toBe(false); // no longer waiting
    expect((await errandsOf(resident))[0]).toMatchObject({ status: 'accepted', assigneeId: worker.id });
    page.detach();

    // The grid worker: 办理中 in their grid, 办结 with the result.
    resetWx();
    page = await load(QUEUE, { openid: c.gridWorker, query: { tab: 'accepted' } });
    expect(page.textOf(`#status-${row._id}`)).toBe('办理中');
    expect(page.has(`#assign-${row._id}`)).toBe(false); // assigning is for staff
    // In hand, the worker reaches 刘秀兰: 拨打 reads the number for the call, and the read is logged.
    expect(page.textOf(`#contact-${row._id} >>> #contact-name`)).toBe('刘秀兰');
    expect(page.textOf(`#contact-${row._id} >>> #contact-address`)).toBe('5幢201室');
    expect(page.textOf(`#contact-${row._id} >>> #contact-time`)).toBe('工作日白天');
    await page.tap(`#contact-${row._id} >>> #contact-call`);
    expect(recorded.phoneCalls).toEqual(['13812344501']);
    expect(page.text()).not.toContain('13812344501');
    expect(await findDocs('user_events', { targetId: (await meOf(resident)).id, field: 'phone' })).toEqual([
      expect.objectContaining({ byUserId: (await meOf(c.gridWorker)).id, task: 'errand', taskId: row._id }),
    ]);
    page.detach();

    // The errand's own page shows the worker the same card while it is in hand.
    resetWx();
    page = await load(DETAIL, { openid: c.gridWorker, query: { id: row._id } });
    expect(page.textOf('#contact >>> #contact-name')).toBe('刘秀兰');
    page.detach();

    resetWx();
    page = await load(QUEUE, { openid: c.gridWorker, query: { tab: 'accepted' } });
    await page.tap(`#done-${row._id}`);
    await page.tap('#panel-submit');
    expect(recorded.toasts).toEqual(['请填写办理结果']);
    await page.input('#panel-text', '医保已缴费，凭证放在服务台，请凭身份证领取');
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('已办结，居民会收到通知');
    expect((await errandsOf(resident))[0]).toMatchObject({ status: 'done', result: '医保已缴费，凭证放在服务台，请凭身份证领取' });
    const notices = await findDocs('outbox', { touser: resident, template_id: 'tmpl-errand-updated' });
    expect(notices).toHaveLength(2); // 已受理, 已办结
    expect(notices[0].page).toBe(`pages/booking/detail/index?id=${row._id}`);
    page.detach();

    // The resident reads the result and rates it.
    resetWx();
    page = await load(DETAIL, { openid: resident, query: { id: row._id } });
    expect(page.textOf('#status')).toBe('已办结');
    expect(page.textOf('#assignee')).toBe('办理人：周**');
    expect(page.textOf('#result')).toBe('办理结果：医保已缴费，凭证放在服务台，请凭身份证领取');
    expect(page.textOf('#timeline')).toMatch(/已接单，正在办理/);
    await page.tap('#star-4');
    expect(page.textOf('#star-word')).toBe('满意');
    await page.input('#comment', '网格员很负责');
    await page.tap('#submit-rate');
    expect(recorded.toasts.at(-1)).toBe('感谢您的评价');
    expect(page.textOf('#status')).toBe('已评价');
    expect(page.textOf('#rating')).toContain('★★★★☆');
    expect(page.has('#rate')).toBe(false);
    expect((await errandsOf(resident))[0]).toMatchObject({ status: 'rated', rating: { stars: 4, comment: '网格员很负责' } });
    expect((await eventsOf(row._id)).map((e) => e.to)).toEqual(['submitted', 'accepted', 'done', 'rated']);
    page.detach();

    resetWx();
    page = await load(MINE, { openid: resident, query: { tab: 'errands' } });
    expect(page.textOf(`#status-${row._id}`)).toBe('已评价');
  });

  test('a home visit needs the address and a wished time; the window reaches the database', async () => {
    const c = await bookingCommunity();
    const serviceId = await newErrandService(c, 'home_visit', '上门帮办');
    const resident = await c.resident('孙大爷');
    page = await load(ERRAND, { openid: resident, query: { serviceId } });
    expect(page.has('#visit')).toBe(true);
    await page.input('#description', '老伴卧床，需要上门做养老待遇资格认证');
    await page.input('#phone', '123');
    await page.tap('#submit');
    // In the order of the fields: the address above the phone, each under its own field.
    expect(page.textOf('#error-address')).toBe('请填写上门地址');
    expect(page.textOf('#error-phone')).toBe('请输入正确的联系电话');
    expect(recorded.scrolls).toEqual(['#field-address']);
    expect(page.textOf('#date-text')).toBe('明天 ›');

    await page.input('#address', '北海新村3幢2单元401');
    expect(page.has('#error-address')).toBe(false);
    await page.input('#phone', '');
    expect(page.has('#error-phone')).toBe(false);
    const day = shanghaiDay(3);
    await page.trigger('#date', 'change', { value: day });
    expect(page.textOf('#date-text')).toMatch(/^(\d{4}年)?\d{1,2}月\d{1,2}日（周[一二三四五六日]） ›$/);
    await page.tap('#window-pm');
    await page.tap('#submit');
    expect(recorded.modals[0].content).toContain('地址：北海新村3幢2单元401');
    const [row] = await errandsOf(resident);
    expect(row).toMatchObject({ kind: 'home_visit', address: '北海新村3幢2单元401', window: { date: day, from: '14:00', to: '17:00' } });
    page.detach();

    resetWx();
    page = await load(DETAIL, { openid: resident, query: { id: row._id } });
    expect(page.textOf('#window')).toMatch(/^(今天|明天|(\d{4}年)?\d{1,2}月\d{1,2}日（周[一二三四五六日]）) 14:00–17:00$/);
    // Withdrawn by the person while nobody has taken it.
    await page.tap('#cancel-errand');
    expect((await errandsOf(resident))[0].status).toBe('cancelled');
    expect(page.textOf('#status')).toBe('已取消');
  });
});
