import { callFn, freshOpenid, newResident, okFn } from '../support/backend';
import { load, type PageHandle } from '../../setup/load';
import { modalAnswer, privacyAnswer, recorded, resetWx } from '../../setup/wx';

const ME = 'pages/user/me/index';

/** A privacy API called by the page, as WeChat would hold it until the person answers. */
const ask = (answered: (a: 'ok' | 'fail') => void) =>
  new Promise<void>((done) =>
    wx.requirePrivacyAuthorize({
      success: () => (answered('ok'), done()),
      fail: () => (answered('fail'), done()),
    }),
  );

const actions = () => recorded.requests.map((r) => (r.data as { action?: string }).action);

describe('用户协议 and 隐私政策', () => {
  let page: PageHandle | undefined;
  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the privacy policy says what is kept, who sees it, and how to see and delete it, in large type', async () => {
    page = await load('pages/user/privacy/index', { openid: 'demo-resident' });
    const text = page.text();
    for (const words of ['红邻隐私政策', '手机号', '楼栋', '位置', '相册', '剪贴板', '王**', '我的数据', '注销账号', '联系您所在的社区']) expect(text).toContain(words);
    await page.tap('#open-my-data');
    expect(recorded.navigations).toContain('navigateTo:/pages/user/data/index');
  });

  test('the agreement renders and links the privacy policy', async () => {
    page = await load('pages/user/agreement/index', { openid: 'demo-resident' });
    expect(page.text()).toContain('红邻用户协议');
    expect(page.text()).toContain('不能换现金');
    await page.tap('#open-privacy');
    expect(recorded.navigations).toContain('navigateTo:/pages/user/privacy/index');
  });

  test('我的 links both, and 我的数据', async () => {
    page = await load(ME, { openid: 'demo-resident' });
    await page.tapText('用户协议');
    await page.tapText('隐私政策');
    await page.tapText('我的数据');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/user/agreement/index', 'navigateTo:/pages/user/privacy/index', 'navigateTo:/pages/user/data/index']);
  });

  test('the welcome says that going on means agreeing, with both links', async () => {
    page = await load('pages/user/welcome/index', { openid: await newResident('welcome-consent') });
    expect(page.textOf('#consent')).toBe('继续即表示您同意《用户协议》和《隐私政策》');
    await page.tap('#to-agreement');
    await page.tap('#to-privacy');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/user/agreement/index', 'navigateTo:/pages/user/privacy/index']);
  });
});

describe('WeChat privacy authorization', () => {
  let page: PageHandle | undefined;
  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a privacy API waits for 同意 on the popup, then goes on', async () => {
    privacyAnswer.needAuthorization = true;
    page = await load('pages/user/data/index', { openid: 'demo-resident' });
    expect(page.has('#privacy-gate >>> #privacy-popup')).toBe(false);
    let settled: string | undefined;
    const asked = ask((answer) => (settled = answer));
    await page.idle();
    expect(page.has('#privacy-gate >>> #privacy-popup')).toBe(true);
    expect(page.text()).toContain('用户隐私保护提示');
    expect(settled).toBeUndefined();
    await page.tap('#privacy-gate >>> #privacy-contract');
    await page.trigger('#privacy-gate >>> #privacy-agree', 'agreeprivacyauthorization');
    await asked;
    expect(settled).toBe('ok');
    expect(recorded.privacy).toEqual(['exposureAuthorization', 'openPrivacyContract', 'agree:privacy-agree']);
    expect(page.has('#privacy-gate >>> #privacy-popup')).toBe(false);
  });

  test('拒绝 fails the waiting call and says why', async () => {
    privacyAnswer.needAuthorization = true;
    page = await load('pages/user/data/index', { openid: 'demo-resident' });
    let settled: string | undefined;
    const asked = ask((answer) => (settled = answer));
    await page.idle();
    await page.tap('#privacy-gate >>> #privacy-refuse');
    await asked;
    expect(settled).toBe('fail');
    expect(recorded.privacy).toEqual(['exposureAuthorization', 'disagree']);
    expect(recorded.toasts.join()).toContain('未同意隐私保护指引');
  });

  test('the welcome asks at once when agreement is still missing', async () => {
    privacyAnswer.needAuthorization = true;
    page = await load('pages/user/welcome/index', { openid: await newResident('welcome-privacy') });
    expect(page.has('#privacy-gate >>> #privacy-popup')).toBe(true);
  });
});

describe('我的数据', () => {
  let page: PageHandle | undefined;
  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('shows what is kept by section, and copies all of it', async () => {
    const openid = await newResident('mydata');
    await okFn(openid, 'user', { action: 'updateProfile', displayName: '数据页王阿姨', phone: '13911112222' });
    page = await load('pages/user/data/index', { openid });
    const text = page.text();
    for (const title of ['基本资料', '社区和身份', '我发布的心愿', '我的诉求', '我的预约', '积分记录', '兑换订单']) expect(text).toContain(title);
    expect(page.textOf('#section-profile')).toContain('数据页王阿姨');
    expect(page.textOf('#section-profile')).toContain('139****2222');
    expect(text).not.toContain('13911112222');
    await page.tapText('复制全部');
    const copied = JSON.parse(recorded.clipboard[0]);
    expect(copied.profile).toMatchObject({ displayName: '数据页王阿姨', phone: '13911112222' });
    expect(copied.wishesPosted).toEqual({ total: 0, items: [] });
  });
});

describe('注销账号', () => {
  let page: PageHandle | undefined;
  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('refuses without the typed word, and deletes with it', async () => {
    const openid = await newResident('delete-me');
    await okFn(openid, 'user', { action: 'updateProfile', displayName: '要注销的李伯', phone: '13922223333' });
    page = await load(ME, { openid });

    await page.tapText('注销账号');
    expect(page.has('#delete-form')).toBe(true);
    await page.tapText('确认注销');
    await page.input('#delete-input', '注');
    await page.tapText('确认注销');
    expect(recorded.toasts).toEqual(['请输入“注销”两个字确认', '请输入“注销”两个字确认']);
    expect(actions()).not.toContain('deleteAccount');

    // Asked once more: 再想想 keeps the account.
    await page.input('#delete-input', '注销');
    modalAnswer.confirm = false;
    await page.tapText('确认注销');
    expect(actions()).not.toContain('deleteAccount');

    modalAnswer.confirm = true;
    await page.tapText('确认注销');
    expect(actions()).toContain('deleteAccount');
    expect(recorded.navigations).toContain('reLaunch:/pages/home/index');
    expect(recorded.modals.map((m) => m.title)).toContain('账号已注销');
    // The account is gone: this WeChat is nobody until it logs in again, as a new person.
    expect(await callFn(openid, 'user', { action: 'me' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const again = await okFn(openid, 'user', { action: 'login' });
    expect(again.created).toBe(true);
    expect(again.me.displayName).not.toBe('要注销的李伯');
  });

  test('不注销了 closes the form and nothing is sent', async () => {
    page = await load(ME, { openid: freshOpenid('delete-cancel') });
    await page.tapText('注销账号');
    await page.tapText('不注销了');
    expect(page.has('#delete-form')).toBe(false);
    expect(actions()).not.toContain('deleteAccount');
  });
});
