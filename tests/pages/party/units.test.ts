import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs } from '../support/db';
import { freshOpenid, meOf, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { confirmedUnit, unitOf } from '../support/party';
import { SERVICE_CATEGORIES } from '../../../typings/lists';
import { scanDataUrl } from '../support/qr';

const REGISTER = 'pages/party/register/index';
const UNIT = 'pages/party/unit/index';
const JOIN = 'pages/party/join/index';
const REGISTRATIONS = 'package-staff/pages/party-registrations/index';
const REPORTS = 'package-staff/pages/party-reports/index';
const POSTER = 'package-staff/pages/poster/index';

jest.setTimeout(120_000);

describe('共建单位', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the contact lists what the unit offers with a category each, leaves half way, sends it; confirmed, it is in the resources list', async () => {
    const c = await newCommunity();
    const { contact } = await unitOf(c);
    page = await load(REGISTER, { openid: contact });
    await page.tap('#kind-unit');
    await page.input('#branch', '东台市人民医院党委');
    await page.tap('#add-offer');
    await page.input('#offer-title-0', '上门义诊');
    page.detach();

    // Back later: the offer is as it was left; its category is still to choose, and the form says so.
    page = await load(REGISTER, { openid: contact });
    expect(page.props('#offer-title-0').value).toBe('上门义诊');
    await page.tap('#add-commitment');
    await page.input('#commitment-title-0', '每月上门义诊');
    await page.input('#commitment-target-0', '12');
    await page.input('#phone', '13805150002');
    await page.tap('#submit');
    expect(page.textOf('#refusal')).toBe('请为每项可提供的资源选择服务类别');
    expect(await findDocs('party_registrations', { communityId: c.id })).toHaveLength(0);

    await page.trigger('#offer-category-0', 'change', { value: SERVICE_CATEGORIES.indexOf('医疗义诊') });
    expect(page.textOf('#offer-0')).toContain('医疗义诊');
    await page.tap('#submit');
    expect(recorded.toasts).toContain('已提交，等待社区确认');
    const [row] = await findDocs<any>('party_registrations', { communityId: c.id });
    expect(row).toMatchObject({ kind: 'unit', resources: ['上门义诊'], offers: [{ title: '上门义诊', category: '医疗义诊' }] });
    page.detach();

    // Staff read the offer with its category, and confirm it.
    page = await load(REGISTRATIONS, { openid: c.staff });
    expect(page.textOf(`#item-${row._id}`)).toContain('资源：上门义诊（医疗义诊）');
    await page.tap(`#confirm-${row._id}`);
    const [resource] = await findDocs<any>('resources', { registrationId: row._id });
    expect(resource).toMatchObject({ title: '上门义诊', providerKind: 'unit', providerName: '东台市人民医院', categories: ['医疗义诊'], status: 'active' });
    page.detach();

    page = await load(REGISTER, { openid: contact });
    await page.tap('#kind-unit');
    await page.tap('#open-unit');
    expect(recorded.navigations).toContain(`navigateTo:/pages/party/unit/index?id=${row._id}`);
  });

  test('the contact shows the join code; a newcomer scans it, lands in the community, joins; the contact sees them', async () => {
    const c = await newCommunity();
    const { unitId, contact, id } = await confirmedUnit(c);
    page = await load(UNIT, { openid: contact, query: { id } });
    const code = page.textOf('#join-code');
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    // The code a phone scans lands on the join page with the community and the join code.
    expect(scanDataUrl(page.comp.data.join.image)).toContain(`pages/party/join/index?scene=${encodeURIComponent(`c=${c.code}&u=${code}`)}`);
    expect(page.textOf('#members')).toContain('已加入的成员（1人）');
    await page.tap('#copy');
    expect(recorded.clipboard).toEqual([code]);
    await page.tap('#save-code');
    expect(recorded.album).toHaveLength(1);
    expect(recorded.toasts).toContain('小程序码已保存到相册');
    page.detach();

    // Someone new scans the unit's code: the scene brings them into the community, then the join page.
    const newcomer = freshOpenid('unitjoin');
    page = await load(JOIN, { openid: newcomer, scene: `c=${c.code}&u=${code}`, query: { scene: encodeURIComponent(`c=${c.code}&u=${code}`) } });
    expect(page.props('#code').value).toBe(code);
    await page.tap('#join');
    expect(page.textOf('#joined')).toContain('您已加入「东台市人民医院」');
    await page.tap('#open-callouts');
    expect(recorded.navigations).toContain('redirectTo:/pages/party/callouts/index');
    const me = await meOf(newcomer);
    expect(me.community?.id).toBe(c.id);
    expect(me.roles).toContain('unit_member');
    const [user] = await findDocs<any>('users', { openid: newcomer });
    expect(user.grants).toEqual([expect.objectContaining({ role: 'unit_member', unitId, communityId: c.id })]);
    page.detach();

    await okFn(newcomer, 'user', { action: 'updateProfile', displayName: '钱护士' });
    page = await load(UNIT, { openid: contact, query: { id } });
    expect(page.textOf('#members')).toContain('已加入的成员（2人）');
    expect(page.textOf('#members')).toContain('钱**');
    page.detach();

    page = await load(UNIT, { openid: c.staff, query: { id } });
    expect(page.textOf('#join-code')).toBe(code);
    expect(page.textOf('#members')).toContain('钱护士');
  });

  test('the unit’s join code typed into 我的 → 输入邀请码 joins the unit too', async () => {
    const c = await newCommunity();
    const { contact, id, unitId } = await confirmedUnit(c);
    const { join } = await okFn(contact, 'party', { action: 'unitJoin', id });
    const resident = await c.resident('周晓红');
    page = await load('pages/user/me/index', { openid: resident });
    await page.tap('#open-invite');
    await page.input('#invite-input', join.code);
    await page.tap('#redeem');
    expect(recorded.toasts).toContain('已加入「东台市人民医院」');
    expect(page.has('#invite-form')).toBe(false);
    expect(page.text()).toContain('共建单位成员');
    const [user] = await findDocs<any>('users', { openid: resident });
    expect(user.grants).toEqual([expect.objectContaining({ role: 'unit_member', unitId })]);
  });

  test('a code typed wrong says so and changes nothing', async () => {
    const c = await newCommunity();
    const resident = await c.resident('周晓红');
    page = await load(JOIN, { openid: resident });
    await page.input('#code', 'ZZZZ2222');
    await page.tap('#join');
    expect(recorded.modals).toEqual([{ title: '未能加入', content: '加入码不存在，请核对后重新输入' }]);
    expect(page.has('#joined')).toBe(false);
    const [user] = await findDocs<any>('users', { openid: resident });
    expect(user.grants).toEqual([]);
  });

  test('staff make the 党员报到 poster from the poster page; its code lands on the 报到 form', async () => {
    page = await load(REGISTRATIONS, { openid: 'demo-staff' });
    await page.tap('#open-poster');
    expect(recorded.navigations).toContain('navigateTo:/package-staff/pages/poster/index?for=party');
    page.detach();

    page = await load(POSTER, { openid: 'demo-staff', query: { for: 'party' } });
    expect(page.textOf('#poster-grid')).toBe('在职党员到社区报到');
    expect(page.textOf('#poster-scan')).toBe('微信扫一扫 党员报到');
    expect(page.text()).toContain('② 填写党组织、工作单位，认领岗位');
    const calls = recorded.requests.filter((r) => (r.data as { action?: string }).action === 'poster');
    expect(calls.map((r) => r.data)).toEqual([expect.objectContaining({ page: 'pages/party/register/index' })]);
    const [kept] = await findDocs<any>('posters', { communityId: 'c_beihai', page: 'pages/party/register/index' });
    expect(kept).toMatchObject({ scene: 'c=beihai' });
  });

  test('a newcomer who scans the 党员报到 poster joins the community and sees the 报到 form', async () => {
    const c = await newCommunity();
    const newcomer = freshOpenid('prscan');
    page = await load(REGISTER, { openid: newcomer, scene: `c=${c.code}` });
    expect(page.has('#form')).toBe(true);
    expect(page.text()).toContain('在职党员');
    expect((await meOf(newcomer)).community?.id).toBe(c.id);
  });

  test('staff export every subject’s year as a table and copy it', async () => {
    const c = await newCommunity();
    await confirmedUnit(c);
    page = await load(REPORTS, { openid: c.staff });
    await page.tap('#export-reports');
    expect(page.textOf('#exported-rows')).toBe('已导出 1 份报告');
    await page.tap('#copy');
    const [csv] = recorded.clipboard;
    expect(csv.startsWith('编号,类别,名称,党组织,人数')).toBe(true);
    expect(csv).toContain('共建单位,东台市人民医院,东台市人民医院党委,1,');
    expect(csv).toContain('每月上门义诊 0/12次');
  });

  test('the unit’s report offers a printable image; a client without a canvas says so', async () => {
    const c = await newCommunity();
    const { contact } = await confirmedUnit(c);
    page = await load('pages/party/report/index', { openid: contact });
    expect(page.textOf('#report')).toContain('东台市人民医院');
    await page.tap('#print');
    expect(recorded.toasts).toEqual(['此设备无法生成报告图片，请在手机微信中操作']);
    expect(recorded.album).toEqual([]);
  });
});
