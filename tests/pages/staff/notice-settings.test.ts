import { callFn, freshOpenid, okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { findDocs, getDoc, updateDoc } from '../support/db';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';

const PAGE = 'package-staff/pages/notice-settings/index';

/** An admin of the community (admins are granted by deployment, here by a direct write). */
async function adminOf(c: TestCommunity): Promise<string> {
  const openid = freshOpenid('notice-admin');
  await okFn(openid, 'user', { action: 'login', scene: `c=${c.code}&g=g1` });
  const { me } = await okFn(openid, 'user', { action: 'me' });
  await updateDoc('users', me.id, { grants: [{ role: 'admin', communityId: c.id, grantedBy: 'test', grantedAt: Date.now() }] });
  return openid;
}

describe('订阅消息模板', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('an admin picks a template and keywords, saves, and a test message reaches their own outbox', async () => {
    const c = await newCommunity({ notices: false });
    const admin = await adminOf(c);
    page = await load(PAGE, { openid: admin });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    const card = () => page!.textOf('#kind-wishReviewed');
    expect(card()).toContain('心愿审核结果');
    expect(card()).toContain('推荐模板：审核结果通知');
    expect(card()).toContain('未启用');
    expect(card()).toContain('推荐关键词“审核结果”（phrase2），可填 phraseN 或 thingN');
    // Nothing configured: members are asked for nothing.
    const resident = freshOpenid('notice-resident');
    await okFn(resident, 'user', { action: 'login', scene: `c=${c.code}&g=g1` });
    expect((await okFn(resident, 'user', { action: 'notices' })).templates).toEqual({});

    await page.input('#template-wishReviewed', ' tmplReviewedAbc123 ');
    await page.input('#keyword-wishReviewed-note', 'thing5');
    await page.tap('#save-wishReviewed');
    expect(card()).toContain('已启用');
    expect(recorded.toasts).toContain('已保存');
    const saved = await getDoc<any>('notice_settings', c.id);
    expect(saved.kinds.wishReviewed).toMatchObject({ templateId: 'tmplReviewedAbc123', keywords: { title: 'thing1', result: 'phrase2', note: 'thing5' } });
    expect((await okFn(resident, 'user', { action: 'notices' })).templates).toEqual({ wishReviewed: 'tmplReviewedAbc123' });

    await page.tap('#test-wishReviewed');
    await page.waitForText('测试消息已发出');
    // WeChat is asked to let the admin receive it, in the tap, before the send.
    expect(recorded.subscriptions).toEqual([['tmplReviewedAbc123']]);
    const sent = await findDocs<any>('outbox', { touser: admin, template_id: 'tmplReviewedAbc123' });
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0].data).sort()).toEqual(['phrase2', 'thing1', 'thing5']);
    expect(page.textOf('#result-wishReviewed')).toContain(`phrase2：${sent[0].data.phrase2.value}`);
  });

  test('a keyword that cannot carry the field is refused with the reason, and nothing is saved', async () => {
    const c = await newCommunity({ notices: false });
    const admin = await adminOf(c);
    page = await load(PAGE, { openid: admin });
    await page.input('#template-bookingReminder', 'tmplReminder0001');
    await page.input('#keyword-bookingReminder-start', 'thing2');
    await page.tap('#save-bookingReminder');
    expect(page.textOf('#result-bookingReminder')).toContain('“预约时间”不能放在 thing2');
    expect(page.textOf('#kind-bookingReminder')).toContain('未启用');
    expect(await getDoc('notice_settings', c.id)).toBeUndefined();
    // 发送测试 waits for a saved template.
    expect(page.props('#test-bookingReminder').disabled).toBe(true);
  });

  test('a resident is asked only for configured templates: none configured, no question, only the news', async () => {
    const c = await newCommunity({ notices: false });
    const resident = await c.resident();
    page = await load('pages/lists/request/index', { openid: resident });
    await page.input('#title', '楼道灯坏了');
    await page.tapText('水电维修');
    await page.tap('#submit');
    await page.idle();
    expect(recorded.modals.map((m) => m.title)).not.toContain('已提交');
    expect(recorded.toasts).toContain('已提交');
    expect(recorded.subscriptions).toEqual([]);
    expect(recorded.navigations.at(-1)).toMatch(/^redirectTo:\/pages\/lists\/ticket\/index\?id=/);
  });

  test('staff who are not admins are told the page is not theirs, and the server refuses them too', async () => {
    const c = await newCommunity({ notices: false });
    page = await load(PAGE, { openid: c.staff });
    expect(page.has('#forbidden')).toBe(true);
    expect(page.text()).toContain('订阅消息模板仅供社区管理员设置');
    const res = await callFn<{ ok: boolean; code?: string }>(c.staff, 'user', { action: 'noticeSettings' });
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
