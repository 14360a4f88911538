import { load, type PageHandle } from '../../setup/load';
import { chooseLocationAnswer, recorded, resetWx, scanAnswer } from '../../setup/wx';
import { findDocs, getDoc, insertDoc } from '../support/db';
import { meOf, okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { partyMember } from '../support/party';

const CALLOUTS = 'pages/party/callouts/index';
const SITE = 'package-staff/pages/party-callout-site/index';
const STAFF_CALLOUTS = 'package-staff/pages/party-callouts/index';
const CALLOUT_EDIT = 'package-staff/pages/party-callout-edit/index';

jest.setTimeout(120_000);

/** A call-out under way (began half an hour ago), with its 现场签到 code. */
async function underWay(c: TestCommunity, needed = 3): Promise<{ id: string; code: string }> {
  const start = Date.now() - 1800_000;
  const { callout } = await okFn(c.staff, 'party', { action: 'callout', title: '夜间平安巡逻', place: '北海花园北门', start, end: start + 2 * 3600_000, needed, posts: ['平安巡逻'] });
  const { site } = await okFn(c.staff, 'party', { action: 'responses', id: callout.id });
  return { id: callout.id, code: site.code };
}

describe('现场签到', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a member who answered 报到 checks in by typing the code; a wrong one is told; another scans the QR', async () => {
    const c = await newCommunity();
    const { id, code } = await underWay(c);
    const typist = await partyMember(c, '陈阿姨');
    const scanner = await partyMember(c, '林师傅');
    await okFn(scanner, 'party', { action: 'respond', id, answer: 'coming' });

    page = await load(CALLOUTS, { openid: typist });
    expect(page.has(`#checkin-${id}`)).toBe(false);
    await page.tap(`#coming-${id}`);
    await page.tap(`#checkin-${id}`);
    await page.input('#code', '12');
    await page.tap('#submit-code');
    expect(recorded.toasts).toContain('请输入现场出示的6位签到码');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await page.input('#code', wrong);
    await page.tap('#submit-code');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '未能签到', content: '签到码不对，请核对现场出示的6位签到码' });
    await page.input('#code', code);
    await page.tap('#submit-code');
    expect(recorded.toasts).toContain('签到成功');
    expect(page.textOf(`#checked-${id}`)).toMatch(/^已签到 今天 \d\d:\d\d$/);
    expect(page.has(`#checkin-${id}`)).toBe(false);
    expect(page.has(`#declined-${id}`)).toBe(false);
    const me = await meOf(typist);
    expect(await getDoc<any>('party_responses', `${id}.${me.id}`)).toMatchObject({ checkedInBy: 'self', checkedInAt: expect.any(Number) });
    page.detach();

    page = await load(CALLOUTS, { openid: scanner });
    await page.tap(`#checkin-${id}`);
    scanAnswer.value = `hl-callout:${id}?k=${code}`;
    await page.tap('#scan');
    expect(recorded.scans).toEqual([['qrCode']]);
    expect(page.has(`#checked-${id}`)).toBe(true);
    expect((await getDoc<any>('party_callouts', id))!.arrivedIds).toHaveLength(2);
  });

  test('staff show the code, check someone in by hand, and see arrivals fill up while the page is shown, not after it is hidden', async () => {
    const c = await newCommunity();
    const { id, code } = await underWay(c);
    const [a, b, d] = [await partyMember(c, '王先锋'), await partyMember(c, '赵大爷'), await partyMember(c, '钱后到')];
    for (const p of [a, b, d]) await okFn(p, 'party', { action: 'respond', id, answer: 'coming' });

    page = await load(SITE, { openid: c.staff, query: { id } });
    await page.lifecycle('onShow');
    expect(page.textOf('#code')).toBe(code);
    expect(page.comp.data.qr).toBe(`hl-callout:${id}?k=${code}`);
    expect(page.has('#site-qr')).toBe(true);
    expect(page.textOf('#stat-coming')).toBe('已报到 3/3 人');
    expect(page.textOf('#stat-arrived')).toBe('已签到 0 人');

    const grandpa = (await meOf(b)).id;
    await page.tap(`#hand-${grandpa}`);
    expect(recorded.toasts).toContain('赵大爷 已签到');
    expect(page.textOf(`#checked-${grandpa}`)).toMatch(/签到 .*（代签）$/);
    expect(page.textOf('#stat-arrived')).toBe('已签到 1 人');

    // Someone scans on their own phone: the page shows it within a poll.
    await okFn(a, 'party', { action: 'checkIn', id, code });
    await page.waitForText('已签到 2 人', 10_000);

    await page.lifecycle('onHide');
    await okFn(d, 'party', { action: 'checkIn', id, code });
    await new Promise((r) => setTimeout(r, 5000));
    expect(page.textOf('#stat-arrived')).toBe('已签到 2 人');
  });

  test('closing credits those checked in; staff add one who came without checking in', async () => {
    const c = await newCommunity();
    const { id, code } = await underWay(c);
    const [came, forgot, left] = [await partyMember(c, '甲先锋'), await partyMember(c, '乙忘签'), await partyMember(c, '丙未到')];
    for (const p of [came, forgot, left]) await okFn(p, 'party', { action: 'respond', id, answer: 'coming' });
    await okFn(came, 'party', { action: 'checkIn', id, code });

    page = await load(STAFF_CALLOUTS, { openid: c.staff });
    expect(page.textOf(`#arrived-${id}`)).toBe('已签到 1 人');
    await page.tap(`#site-${id}`);
    expect(recorded.navigations).toEqual([`navigateTo:/package-staff/pages/party-callout-site/index?id=${id}`]);
    await page.tap(`#open-${id}`);
    expect(page.textOf('#people')).toContain('甲先锋（党员） · 报到');
    expect(page.textOf('#people')).toContain('已签到');
    const forgotId = (await meOf(forgot)).id;
    const leftId = (await meOf(left)).id;
    expect(page.textOf(`#absent-${forgotId}`)).toBe('未到');
    await page.tap(`#absent-${forgotId}`);
    expect(page.textOf(`#absent-${forgotId}`)).toBe('已到');
    await page.input('#note', '巡逻结束');
    await page.tap('#close');
    expect(recorded.toasts).toContain('已结束，2人记积分');
    // Points entries, beside the 先锋积分 the party members among them earn too.
    const credited = (await findDocs<any>('points_entries', { 'source.type': 'callout', 'source.id': id })).filter((e) => e.account !== 'vanguard').map((e) => e.userId).sort();
    expect(credited).toEqual([(await meOf(came)).id, forgotId].sort());
    expect(credited).not.toContain(leftId);
  });

  test('可通知 lists who the whistle would reach, nearest to the point first, with the skill asked for', async () => {
    const c = await newCommunity();
    const grid = (await findDocs<any>('grids', { communityId: c.id }))[0];
    await insertDoc('grids', { ...grid, _id: `${grid._id}_far`, code: 'gf', center: { lat: 32.8731, lng: 120.3205 } });
    await insertDoc('grids', { ...grid, _id: `${grid._id}_near`, code: 'gn', center: { lat: 32.8532, lng: 120.3205 } });
    const far = await partyMember(c, '远处党员');
    await okFn(far, 'user', { action: 'chooseGrid', gridId: `${grid._id}_far`, building: grid.buildings[0] });
    const near = await partyMember(c, '近处党员');
    await okFn(near, 'user', { action: 'chooseGrid', gridId: `${grid._id}_near`, building: grid.buildings[0] });

    page = await load(CALLOUT_EDIT, { openid: c.staff });
    await page.tapText('平安巡逻');
    chooseLocationAnswer.value = { latitude: 32.8531, longitude: 120.3205, name: '北海花园北门', address: '范公路1号' };
    await page.tap('#pick-point');
    expect(page.textOf('#pick-point')).toBe('地图位置：北海花园北门 ›');
    expect(page.comp.data.place).toBe('北海花园北门');
    await page.tap('#audience-open');
    expect(page.textOf('#audience-total')).toBe('可通知 2 人');
    const lines = page.textOf('#audience');
    expect(lines.indexOf('近处党员')).toBeLessThan(lines.indexOf('远处党员'));
    expect(lines).toContain('1. 近处党员（党员） · 岗位：平安巡逻 · 11米');
    expect(lines).toContain('远处党员（党员） · 岗位：平安巡逻 · 2.2公里');

    await page.tapText('水电维修');
    await page.input('#title', '楼道线路检修');
    await page.tap('#submit');
    expect(recorded.toasts).toContain('已吹哨');
    const [row] = await findDocs<any>('party_callouts', { communityId: c.id });
    expect(row).toMatchObject({ skills: ['水电维修'], location: { lat: 32.8531, lng: 120.3205 }, posts: ['平安巡逻'] });
  });
});
