import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs, getDoc } from '../support/db';
import { meOf, okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { partyMember } from '../support/party';

const CALLOUTS = 'pages/party/callouts/index';
const REPORT = 'pages/party/report/index';
const STAFF_CALLOUTS = 'package-staff/pages/party-callouts/index';
const CALLOUT_EDIT = 'package-staff/pages/party-callout-edit/index';

jest.setTimeout(120_000);

async function whistle(c: TestCommunity, title: string, needed: number, startInHours: number): Promise<string> {
  const start = Date.now() + startInHours * 3600_000;
  const { callout } = await okFn(c.staff, 'party', { action: 'callout', title, place: '北海花园北门', start, end: start + 2 * 3600_000, needed, posts: ['平安巡逻'], urgency: 'urgent' });
  return callout.id;
}

describe('社区吹哨 · 党员报到', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a resident who has not registered is sent to 报到', async () => {
    const c = await newCommunity();
    page = await load(CALLOUTS, { openid: await c.resident() });
    expect(page.has('#forbidden')).toBe(true);
    await page.tap('#go-register');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/party/register/index']);
  });

  test('a party member answers 报到 and 不能到; a full call-out cannot be answered 报到', async () => {
    const c = await newCommunity();
    const later = await whistle(c, '周末环境整治', 5, 30);
    const soon = await whistle(c, '夜间平安巡逻', 1, -1);
    const member = await partyMember(c, '李卫东');
    const other = await partyMember(c, '郑红');

    page = await load(CALLOUTS, { openid: member });
    const titles = (page.comp.data.items as Array<{ title: string }>).map((i) => i.title);
    expect(titles).toEqual(['夜间平安巡逻', '周末环境整治']);
    expect(page.textOf(`#count-${soon}`)).toBe('已报到 0/1 人');
    expect(page.text()).toContain('紧急');

    await page.tap(`#coming-${soon}`);
    expect(recorded.toasts).toContain('已报到，请按时到达');
    expect(page.textOf(`#count-${soon}`)).toBe('已报到 1/1 人');
    expect(page.textOf(`#mine-${soon}`)).toBe('我已报到');
    expect(page.has(`#coming-${soon}`)).toBe(false);
    const me = await meOf(member);
    expect((await getDoc<any>('party_callouts', soon))!.comingIds).toEqual([me.id]);

    await page.tap(`#declined-${later}`);
    expect(page.textOf(`#mine-${later}`)).toBe('我不能到');
    expect(await findDocs('party_responses', { calloutId: later, answer: 'declined' })).toHaveLength(1);
    page.detach();

    // Someone else finds it full.
    page = await load(CALLOUTS, { openid: other });
    expect(page.textOf(`#status-${soon}`)).toBe('已满员');
    expect(page.textOf(`#coming-${soon}`)).toBe('已满员');
    expect(page.props(`#coming-${soon}`).disabled).toBe(true);
  });

  test('staff blow a whistle, see who answered and checked in, mark who did not stay and close it; the member finds it in their report', async () => {
    const c = await newCommunity();
    const member = await partyMember(c, '王先锋');
    const noShow = await partyMember(c, '冯缺席');

    page = await load(CALLOUT_EDIT, { openid: c.staff });
    await page.input('#title', '防汛巡查');
    await page.input('#place', '通榆河堤');
    const now = new Date(Date.now() + 8 * 3600_000);
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    // From an hour ago (or midnight) to the end of today, Shanghai time.
    await page.trigger('#from', 'change', { value: now.getUTCHours() >= 1 ? hhmm(new Date(now.getTime() - 3600_000)) : '00:00' });
    await page.trigger('#to', 'change', { value: '23:59' });
    await page.input('#needed', '2');
    await page.tapText('平安巡逻');
    await page.tap('#urgency-urgent');
    await page.tap('#submit');
    expect(recorded.toasts).toContain('已吹哨');
    const [row] = await findDocs<any>('party_callouts', { communityId: c.id });
    expect(row).toMatchObject({ title: '防汛巡查', place: '通榆河堤', needed: 2, posts: ['平安巡逻'], urgency: 'urgent', status: 'open' });
    page.detach();

    for (const p of [member, noShow]) await okFn(p, 'party', { action: 'respond', id: row._id, answer: 'coming' });
    const { site } = await okFn(c.staff, 'party', { action: 'responses', id: row._id });
    for (const p of [member, noShow]) await okFn(p, 'party', { action: 'checkIn', id: row._id, code: site.code });

    page = await load(STAFF_CALLOUTS, { openid: c.staff });
    expect(page.textOf(`#count-${row._id}`)).toBe('已报到 2/2 人');
    await page.tap(`#open-${row._id}`);
    expect(page.textOf('#people')).toContain('王先锋（党员） · 报到');
    // Checked in, then left before the work began: staff take them off.
    const absentId = (await meOf(noShow)).id;
    await page.tap(`#absent-${absentId}`);
    await page.tap('#close');
    expect(recorded.toasts).toContain('请写一句结束说明');
    await page.input('#note', '巡查结束，堤坝无险情');
    await page.tap('#close');
    expect(recorded.toasts).toContain('已结束，1人记积分');
    expect((await getDoc<any>('party_callouts', row._id))!.status).toBe('closed');
    const memberId = (await meOf(member)).id;
    // Their points, and as much again in 先锋积分: they are a confirmed party member.
    expect((await findDocs<{ account?: string }>('points_entries', { userId: memberId, 'source.type': 'callout' })).map((e) => e.account ?? 'points').sort()).toEqual(['points', 'vanguard']);
    expect(await findDocs('points_entries', { userId: absentId, 'source.type': 'callout' })).toHaveLength(0);
    page.detach();

    page = await load(REPORT, { openid: member });
    expect(page.textOf('#figure-callouts')).toContain('1 次');
    expect(page.text()).toContain('王先锋');
  });
});
