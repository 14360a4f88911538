import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs } from '../support/db';
import { okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { partyMember } from '../support/party';

const BOARD = 'pages/party/vanguard/index';
const CALLOUTS = 'pages/party/callouts/index';

jest.setTimeout(120_000);

/** A two-hour call-out under way that these members answer 报到 and check in at, and staff close: 5 + 2 × 2 = 9 each. */
async function patrol(c: TestCommunity, members: string[]): Promise<void> {
  const start = Date.now() - 3600_000;
  const { callout } = await okFn(c.staff, 'party', { action: 'callout', title: '夜间平安巡逻', place: '北海花园北门', start, end: start + 2 * 3600_000, needed: 10, posts: ['平安巡逻'] });
  for (const m of members) await okFn(m, 'party', { action: 'respond', id: callout.id, answer: 'coming' });
  // Credited are those who checked in on site, with the code staff show.
  const { site } = await okFn(c.staff, 'party', { action: 'responses', id: callout.id });
  for (const m of members) await okFn(m, 'party', { action: 'checkIn', id: callout.id, code: site.code });
  await okFn(c.staff, 'party', { action: 'close', id: callout.id, note: '巡逻结束' });
}

describe('先锋榜', () => {
  let page: PageHandle | undefined;
  let c: TestCommunity;
  let liu: string;

  beforeAll(async () => {
    c = await newCommunity();
    liu = await partyMember(c, '刘秀兰', '北海社区第一党支部');
    const zhang = await partyMember(c, '张志强', '北海社区第一党支部');
    const wang = await partyMember(c, '王小明', '东台市实验小学党支部');
    await patrol(c, [liu, zhang, wang]);
    await patrol(c, [wang]);
  });

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a member reads the community board with masked names and their own place, in one call after who they are', async () => {
    page = await load(BOARD, { openid: liu });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#title')).toBe(`${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}年先锋榜`);
    expect(page.textOf('#scope')).toBe('全社区党员');
    expect(page.textOf('#rank-0')).toBe('1王**东台市实验小学党支部18 分');
    expect(page.comp.data.rows.map((r: { rank: number; points: number }) => `${r.rank} ${r.points}`)).toEqual(['1 18', '2 9', '2 9']);
    expect(page.textOf('#my-rank')).toBe('我的排名：第 2 名 · 9 先锋积分');
    for (const full of ['刘秀兰', '张志强', '王小明']) expect(page.text()).not.toContain(full);
    // What the board shows is what the ledger holds: each member's 先锋积分 entries.
    const entries = await findDocs<{ amount: number }>('points_entries', { communityId: c.id, account: 'vanguard' });
    expect(entries.reduce((n, e) => n + e.amount, 0)).toBe(36);
  });

  test('staff read real names, and one 党组织 at a tap', async () => {
    page = await load(BOARD, { openid: c.staff });
    expect(page.text()).toContain('王小明');
    expect(page.textOf('#branch-0')).toBe('东台市实验小学党支部');
    expect(page.has('#my-rank')).toBe(false);
    await page.tap('#branch-1');
    expect(page.textOf('#scope')).toBe('北海社区第一党支部');
    expect(page.comp.data.rows.map((r: { name: string }) => r.name).sort()).toEqual(['刘秀兰', '张志强']);
    expect(page.text()).not.toContain('王小明');
    await page.tap('#branch-all');
    expect(page.comp.data.rows).toHaveLength(3);
  });

  test('a community with no member credited yet says so; the call-outs page leads to the board', async () => {
    const d = await newCommunity();
    const member = await partyMember(d, '李卫东', '北海社区第一党支部');
    page = await load(BOARD, { openid: await d.resident('新居民') });
    expect(page.text()).toContain('今年还没有党员获得先锋积分');
    expect(page.has('#my-rank')).toBe(false);
    page.detach();
    page = await load(CALLOUTS, { openid: member });
    await page.tap('#open-vanguard');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/party/vanguard/index']);
  });
});
