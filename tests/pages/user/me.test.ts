import { callFn, freshOpenid, meOf, newResident } from '../support/backend';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { ROLE_LABELS } from '../../../typings/user';

const PAGE = 'pages/user/me/index';

describe('我的', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('shows a resident who they are, their community and their role', async () => {
    const me = await meOf('demo-resident');
    expect(me.community?.name).toBeTruthy();

    page = await load(PAGE, { openid: 'demo-resident' });

    const text = page.text();
    expect(text).toContain(me.displayName);
    expect(text).toContain(me.community!.name);
    expect(text).toContain(ROLE_LABELS.resident);
    expect(text).not.toContain('扫描社区海报上的二维码加入社区');
    // The page logged in as the person on the phone.
    expect(recorded.requests[0].header['x-openid']).toBe('demo-resident');
    expect(recorded.requests[0].data).toMatchObject({ action: 'login' });
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
  });

  test('never shows the full phone number, only the masked one', async () => {
    const openid = freshOpenid('me-phone');
    const phone = '13912345678';
    await callFn(openid, 'user', { action: 'login' });
    const saved = await callFn<{ ok: boolean }>(openid, 'user', { action: 'updateProfile', phone });
    expect(saved.ok).toBe(true);

    page = await load(PAGE, { openid });

    expect(page.textOf('#phone')).toBe('手机号 139****5678');
    expect(page.text()).not.toContain(phone);
  });

  // Changes go to a resident who joined just now: other suites rely on the demo people as seeded.
  test('编辑资料 saves a new name: the page shows it and the backend has it', async () => {
    const openid = await newResident('me-edit');
    page = await load(PAGE, { openid });
    const newName = `王阿姨${Math.floor(Math.random() * 1000)}`;

    await page.tapText('编辑资料');
    expect(page.has('#edit-form')).toBe(true);
    await page.input('#name-input', newName);
    await page.tapText('保存');

    expect(page.has('#edit-form')).toBe(false);
    expect(page.textOf('#display-name')).toBe(newName);
    expect(recorded.toasts).toContain('已保存');
    expect((await meOf(openid)).displayName).toBe(newName);
    // A mutating call carries an idempotency key.
    const save = recorded.requests.find((r) => (r.data as { action?: string }).action === 'updateProfile');
    expect((save?.data as { requestId?: string }).requestId).toEqual(expect.any(String));
  });

  test('the name field stops at 20 characters', async () => {
    const openid = await newResident('me-long');
    page = await load(PAGE, { openid });

    await page.tapText('编辑资料');
    await page.input('#name-input', '长'.repeat(25));
    await page.tapText('保存');

    expect(page.textOf('#display-name')).toBe('长'.repeat(20));
    expect((await meOf(openid)).displayName).toBe('长'.repeat(20));
  });

  test('an empty name or a bad phone number is refused before it reaches the server', async () => {
    const openid = await newResident('me-refused');
    page = await load(PAGE, { openid });
    const before = (await meOf(openid)).displayName;

    await page.tapText('编辑资料');
    await page.input('#name-input', '   ');
    await page.input('#phone-input', '1381234');
    await page.tapText('保存');
    // Both problems under their fields, the name's first as on the page, and the page brought to it.
    expect(page.textOf('#error-name')).toBe('请填写昵称');
    expect(page.textOf('#error-phone')).toBe('请输入11位手机号码');
    expect(recorded.scrolls).toEqual(['#field-name']);
    await page.input('#name-input', '王阿姨');
    expect(page.has('#error-name')).toBe(false);
    expect(page.has('#error-phone')).toBe(true);
    await page.tapText('保存');

    expect(recorded.toasts).toEqual([]);
    expect(recorded.scrolls.at(-1)).toBe('#field-phone');
    expect(page.has('#edit-form')).toBe(true);
    expect(recorded.requests.some((r) => (r.data as { action?: string }).action === 'updateProfile')).toBe(false);
    expect((await meOf(openid)).displayName).toBe(before);
  });

  test("the server's Chinese message is shown when it refuses a change", async () => {
    page = await load(PAGE, { openid: 'demo-resident' });

    await page.tapText('输入邀请码');
    await page.input('#invite-input', 'NO-SUCH-CODE');
    await page.tapText('确认');

    expect(recorded.toasts).toHaveLength(1);
    expect(recorded.toasts[0]).toMatch(/[\u4e00-\u9fa5]/);
    expect(page.has('#invite-form')).toBe(true);
  });

  test('staff see 社区工作台 and it opens the staff subpackage; residents do not see it', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    expect(page.text()).toContain('社区工作台');
    expect(page.text()).toContain(ROLE_LABELS.staff);

    await page.tapText('社区工作台');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/console/index']);
    page.detach();

    page = await load(PAGE, { openid: 'demo-resident' });
    expect(page.text()).not.toContain('社区工作台');
  });

  test('我的预约 opens the bookings page; nothing is greyed out any more', async () => {
    page = await load(PAGE, { openid: 'demo-resident' });
    for (const title of ['我的心愿', '我的积分', '我的预约']) expect(page.text()).toContain(title);
    expect(page.text()).not.toContain('即将开放');

    await page.tapText('我的预约');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/booking/mine/index']);
  });

  test('我的积分 opens the points page', async () => {
    page = await load(PAGE, { openid: 'demo-resident' });
    await page.tapText('我的积分');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/points/index/index']);
  });

  test('a 共建单位 member finds 单位主页 here, not 我的任务 or 兑换核销 (they are on the unit’s page); staff and residents do not', async () => {
    page = await load(PAGE, { openid: 'demo-unit' });
    expect(page.text()).not.toContain('社区工作台');
    expect(page.has('#verify')).toBe(false);
    expect(page.has('#tasks')).toBe(false);
    await page.tapText('单位主页');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/party/unit-portal/index']);
    page.detach();

    for (const openid of ['demo-resident', 'demo-staff']) {
      page = await load(PAGE, { openid });
      expect(page.has('#unit-portal')).toBe(false);
      page.detach();
    }
    page = undefined;
  });

  test('someone who has not joined a community is told to scan the poster', async () => {
    page = await load(PAGE, { openid: freshOpenid('me-unbound') });

    expect(page.text()).toContain('扫描社区海报上的二维码加入社区');
    expect(page.text()).not.toContain('社区工作台');
    expect(page.has('#community')).toBe(false);
  });
});
