import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { findDocs } from '../support/db';
import { sent, wishRow } from '../support/wish';

const PAGE = 'pages/wish/detail/index';

jest.setTimeout(60_000);

describe('心愿详情', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a second claimer sees 手慢了, and the page shows the wish as claimed', async () => {
    const c = await newCommunity();
    const id = await c.openWish(await c.resident(), '想请人帮忙修自行车');
    const [first, second] = await Promise.all([c.volunteer('钱多多'), c.volunteer('孙小美')]);

    page = await load(PAGE, { openid: second, query: { id } });
    expect(page.text()).toContain('我来认领');
    await okFn(first, 'wish', { action: 'claim', id }); // the other volunteer was quicker

    await page.tapText('我来认领');

    expect(recorded.modals.map((m) => m.title)).toEqual(['认领心愿', '手慢了']);
    expect(recorded.modals[1].content).toContain('已被其他志愿者认领');
    expect(page.textOf('#status')).toBe('已认领');
    expect(page.textOf('#claimer')).toBe('认领人 钱**');
    expect(page.text()).not.toContain('我来认领');
    expect(page.has('#contact')).toBe(false);
    const row = (await wishRow(id))!;
    expect(row.claim?.userId).not.toBe((await okFn(second, 'user', { action: 'me' })).me.id);
  });

  test('saying 再想想 to the claim dialog claims nothing', async () => {
    const c = await newCommunity();
    const id = await c.openWish(await c.resident(), '想要几本大字版的书');
    const volunteer = await c.volunteer();
    page = await load(PAGE, { openid: volunteer, query: { id } });

    modalAnswer.confirm = false;
    await page.tapText('我来认领');

    expect(sent('claim')).toHaveLength(0);
    expect((await wishRow(id))!.status).toBe('open');
    expect(page.textOf('#status')).toBe('待认领');
  });

  test('the claimer reaches the resident while the claim is live (the phone only if allowed); neighbours never', async () => {
    const c = await newCommunity();
    const resident = await c.resident('郑桂芳', '13700001111');
    const hidden = await c.openWish(resident, '想请人帮忙取快递', { showPhone: false, address: '1幢3单元502室', preferredTime: '晚上' });
    const volunteer = await c.volunteer();
    await okFn(volunteer, 'wish', { action: 'claim', id: hidden });

    page = await load(PAGE, { openid: volunteer, query: { id: hidden } });
    expect(page.textOf('#status')).toBe('已认领');
    expect(page.textOf('#contact >>> #contact-name')).toBe('郑桂芳');
    expect(page.textOf('#contact >>> #contact-address')).toBe('1幢3单元502室');
    expect(page.textOf('#contact >>> #contact-time')).toBe('晚上');
    expect(page.textOf('#contact >>> #contact-phone')).toBe('居民未提供电话');
    expect(page.has('#contact >>> #contact-call')).toBe(false);
    expect(page.text()).not.toContain('13700001111');
    page.detach();

    const neighbour = await c.resident('冯阿姨');
    page = await load(PAGE, { openid: neighbour, query: { id: hidden } });
    expect(page.has('#contact')).toBe(false);
    expect(page.text()).not.toContain('13700001111');
    expect(page.text()).not.toContain('郑桂芳');
    expect(page.text()).not.toContain('1幢3单元502室');
    expect(page.text()).not.toContain('我来认领'); // a resident cannot claim
  });

  test('拨打 reads the number once per tap (each read in the log); once the resident confirms, the contact is gone', async () => {
    const c = await newCommunity();
    const resident = await c.resident('卫秀珍', '13700007777');
    const id = await c.openWish(resident, '想请人帮忙修收音机', { showPhone: true });
    const volunteer = await c.volunteer();
    await okFn(volunteer, 'wish', { action: 'claim', id });

    page = await load(PAGE, { openid: volunteer, query: { id } });
    expect(page.textOf('#contact >>> #contact-phone')).toBe('137****7777');
    await page.tap('#contact >>> #contact-call');
    await page.tap('#contact >>> #contact-call');
    expect(recorded.phoneCalls).toEqual(['13700007777', '13700007777']);
    expect(page.text()).not.toContain('13700007777');
    const residentId = (await okFn(resident, 'user', { action: 'me' })).me.id;
    expect(await findDocs('user_events', { targetId: residentId, field: 'phone' })).toHaveLength(2);
    page.detach();

    await okFn(volunteer, 'wish', { action: 'submitProof', id, note: '已修好' });
    await okFn(resident, 'wish', { action: 'confirm', id });
    page = await load(PAGE, { openid: volunteer, query: { id } });
    expect(page.textOf('#status')).toBe('已点亮');
    expect(page.has('#contact')).toBe(false);
    expect(page.text()).not.toContain('卫秀珍');
  });

  test('同求+1 counts a neighbour once', async () => {
    const c = await newCommunity();
    const id = await c.openWish(await c.resident(), '小区门口想加个扶手');
    const neighbour = await c.resident('冯阿姨');
    page = await load(PAGE, { openid: neighbour, query: { id } });
    expect(page.textOf('#wants')).toBe('同求 1 人');

    await page.tapText('同求+1');

    expect(page.textOf('#wants')).toBe('同求 2 人（含您）');
    expect(page.text()).not.toContain('同求+1');
    const row = (await wishRow(id))!;
    expect(row.wants).toBe(2);
    expect(row.wantedBy).toHaveLength(1);
  });

  test('the resident disputes unfinished work with a reason; the volunteer may give up the claim', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const volunteer = await c.volunteer('何志明');
    const id = await c.openWish(resident, '卫生间灯不亮了');
    await okFn(volunteer, 'wish', { action: 'claim', id });
    await okFn(volunteer, 'wish', { action: 'submitProof', id, note: '换了灯泡' });

    page = await load(PAGE, { openid: resident, query: { id } });
    await page.tapText('还没完成，提出异议');
    await page.tap('#form-submit');
    expect(recorded.toasts).toEqual(['请填写未完成的原因']);
    expect(sent('dispute')).toHaveLength(0);

    await page.input('#form-text', '开关也坏了，灯还是不亮');
    await page.tap('#form-submit');
    expect(page.textOf('#status')).toBe('已认领');
    expect(page.textOf('#timeline')).toContain('待确认 → 已认领');
    expect(page.textOf('#timeline')).toContain('开关也坏了，灯还是不亮');
    expect((await wishRow(id))!.status).toBe('claimed');
    page.detach();

    resetWx();
    page = await load(PAGE, { openid: volunteer, query: { id } });
    await page.tapText('放弃认领');
    expect(recorded.modals[0].title).toBe('放弃认领');
    expect(page.textOf('#status')).toBe('待认领');
    expect((await wishRow(id))!.status).toBe('open');
    expect((await wishRow(id))!.claim).toBeUndefined();
  });

  test('the resident withdraws a wish nobody has claimed', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const id = await c.openWish(resident, '想找人教我用手机挂号');
    page = await load(PAGE, { openid: resident, query: { id } });

    await page.tapText('撤回心愿');

    expect(page.textOf('#status')).toBe('已撤回');
    expect((await wishRow(id))!.status).toBe('withdrawn');
    expect(page.text()).not.toContain('撤回心愿');
  });

  test('staff reject a new wish with a reason; the resident reads it', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const { wish } = await okFn(resident, 'wish', { action: 'publish', title: '想要一台新电视', content: '家里电视旧了', category: '生活物资' });

    page = await load(PAGE, { openid: c.staff, query: { id: wish.id } });
    expect(page.text()).toContain('审核通过');
    await page.tapText('驳回');
    await page.input('#form-text', '超出微心愿范围，建议申请社区救助');
    await page.tap('#form-submit');
    expect(page.textOf('#status')).toBe('未通过审核');
    expect((await wishRow(wish.id))!).toMatchObject({ status: 'rejected', rejectReason: '超出微心愿范围，建议申请社区救助' });
    page.detach();

    page = await load(PAGE, { openid: resident, query: { id: wish.id } });
    expect(page.textOf('#reject-reason')).toBe('驳回原因：超出微心愿范围，建议申请社区救助');
  });

  test('staff revoke a claim and take a wish down, each with a reason on the timeline', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const volunteer = await c.volunteer();
    const id = await c.openWish(resident, '想请人帮忙搬花盆');
    await okFn(volunteer, 'wish', { action: 'claim', id });

    page = await load(PAGE, { openid: c.staff, query: { id } });
    await page.tapText('撤销认领');
    await page.input('#form-text', '志愿者联系不上');
    await page.tap('#form-submit');
    expect(page.textOf('#status')).toBe('待认领');
    expect(page.textOf('#timeline')).toContain('志愿者联系不上');

    await page.tapText('下架');
    await page.input('#form-text', '居民已自行解决');
    await page.tap('#form-submit');
    expect(page.textOf('#status')).toBe('已下架');
    expect((await wishRow(id))!.status).toBe('taken_down');
    const events = await findDocs<{ to: string; why?: string }>('wish_events', { wishId: id });
    expect(events.map((e) => [e.to, e.why])).toEqual(
      expect.arrayContaining([
        ['open', '志愿者联系不上'],
        ['taken_down', '居民已自行解决'],
      ]),
    );
  });

  test("the server's Chinese message is shown when it refuses", async () => {
    const c = await newCommunity();
    const other = await newCommunity();
    const id = await c.openWish(await c.resident(), '想请人帮忙写春联');

    page = await load(PAGE, { openid: await other.resident(), query: { id } });
    expect(page.textOf('#error')).toBe('心愿不存在或已删除');
    page.detach();

    // A stale page: the wish was withdrawn after it was opened.
    const resident = await c.resident();
    const own = await c.openWish(resident, '想借一把梯子');
    const volunteer = await c.volunteer();
    page = await load(PAGE, { openid: volunteer, query: { id: own } });
    await okFn(resident, 'wish', { action: 'withdraw', id: own });
    await page.tapText('我来认领');
    expect(recorded.toasts).toEqual(['心愿当前状态为“已撤回”，不能进行此操作']);
    // Withdrawn wishes are only for their publisher and staff: the page says it is gone.
    expect(page.textOf('#error')).toBe('心愿不存在或已删除');
    expect((await wishRow(own))!.claim).toBeUndefined();
  });
});
