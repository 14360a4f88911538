import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { meOf, okFn } from '../support/backend';
import { newCommunity, withRole } from '../support/community';
import { findDocs, getDoc, updateDoc } from '../support/db';
import { entriesOf, give, sentPoints } from '../support/points';

const ADMIN = 'package-staff/pages/points-admin/index';
const ACCOUNT = 'package-staff/pages/points-account/index';
const CONSOLE = 'package-staff/pages/console/index';

jest.setTimeout(120_000);

describe('积分规则与对账 · 居民积分账户', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff change an earning rule with a reason; only the changed rule is sent, and a bad value sends nothing', async () => {
    const c = await newCommunity();
    page = await load(ADMIN, { openid: c.staff });
    expect(page.textOf('#rule-neighbour_help')).toContain('邻里互助一次');
    expect(page.has('#reconcile')).toBe(false);

    await page.input('#points-wish_completed', '');
    await page.tap('#rules-save');
    expect(recorded.toasts.at(-1)).toBe('“完成一个微心愿”须为0到1000之间的整数');
    await page.input('#points-wish_completed', '10');
    await page.tap('#rules-save');
    expect(recorded.toasts.at(-1)).toBe('积分规则没有改动');
    expect(sentPoints('setRules')).toHaveLength(0);

    await page.input('#points-neighbour_help', '6');
    await page.input('#rules-reason', '鼓励邻里互助');
    await page.tap('#rules-save');
    expect(recorded.toasts.at(-1)).toBe('积分规则已保存');
    expect(sentPoints('setRules').map((d) => d.values)).toEqual([{ neighbour_help: 6 }]);
    expect(page.textOf('#rule-neighbour_help')).toContain('（本社区）');
    expect(await getDoc<{ values: Record<string, number> }>('points_rules', c.id)).toMatchObject({ values: { neighbour_help: 6 } });
    const [audit] = await findDocs<{ action: string; reason?: string; changes: unknown }>('points_audit', { communityId: c.id, action: 'rules.set' });
    expect(audit).toMatchObject({ reason: '鼓励邻里互助', changes: { neighbour_help: { from: 3, to: 6 } } });
  });

  test('an admin reconciles and reads which account does not add up', async () => {
    const c = await newCommunity();
    const admin = await withRole(c, '沈管理', 'admin');
    const resident = await c.resident('钱阿婆');
    await give(c.staff, resident, 10);
    page = await load(ADMIN, { openid: admin });
    await page.tap('#reconcile-run');
    expect(page.textOf('#reconcile-summary')).toMatch(/核对 \d+ 个账户、\d+ 条明细、0 件商品：全部一致$/);

    const { id } = await meOf(resident);
    await updateDoc('points_accounts', `${c.id}.${id}`, { balance: 99 });
    await page.tap('#reconcile-run');
    expect(page.textOf('#reconcile-summary')).toContain('发现 1 处不一致');
    expect(page.textOf('#reconcile-result')).toContain('钱**：余额 99，明细合计 10（1条）');
    await updateDoc('points_accounts', `${c.id}.${id}`, { balance: 10 });
  });

  test('staff find a resident, read who gave each entry, and reverse one with a reason', async () => {
    const c = await newCommunity();
    const resident = await c.resident('孙桂兰');
    await give(c.staff, resident, 10, '参加楼道清洁');
    page = await load(ACCOUNT, { openid: c.staff });
    await page.input('#member-q', '孙桂兰');
    await page.tap('#find');

    expect(page.textOf('#holder-name')).toBe(`孙桂兰 · ${c.gridName}`);
    expect(page.textOf('#holder-balance')).toBe('余额 10 分 · 累计获得 10 · 已兑换 0');
    expect(page.textOf('#by-0')).toBe('经办：社区工作者 赵主任');

    await page.tap('#reverse-0');
    await page.tap('#reverse-submit');
    expect(recorded.toasts.at(-1)).toBe('请填写冲正原因，居民会在积分明细里看到');
    expect(sentPoints('reverse')).toHaveLength(0);
    await page.input('#reverse-reason', '记错了人');
    await page.tap('#reverse-submit');
    expect(recorded.modals.at(-1)!.content).toBe('扣回 10 积分（参加楼道清洁）\n原因：记错了人');
    expect(recorded.toasts.at(-1)).toBe('已冲正，扣回10积分');

    const entries = await entriesOf(resident);
    expect(entries.find((e) => e.amount === -10)).toMatchObject({ kind: 'adjust', reason: '冲正：记错了人', by: (await meOf(c.staff)).id });
    expect(await okFn(resident, 'points', { action: 'balance' })).toMatchObject({ balance: 0 });
    expect(page.textOf('#holder-balance')).toContain('余额 0 分');
    // The reversal is the newest line; the award below it is marked and can no longer be reversed.
    expect(page.textOf('#entry-0')).toContain('冲正：记错了人');
    expect(page.textOf('#reversed-1')).toBe('已冲正');
    expect(page.has('#reverse-1')).toBe(false);
    expect(page.has('#reverse-0')).toBe(false);
  });

  test('the console lists the points administration for staff, and opens it', async () => {
    const c = await newCommunity();
    page = await load(CONSOLE, { openid: c.staff });
    expect(page.has('#admin-tools')).toBe(true);
    expect(page.text()).toContain('积分规则与对账');
    await page.tapText('居民积分账户');
    expect(recorded.navigations.at(-1)).toBe(`navigateTo:/${ACCOUNT}`);
    page.detach();

    // A grid worker works the desk, not the points administration.
    const worker = await c.resident('周网格');
    await updateDoc('users', (await meOf(worker)).id, { grants: [{ role: 'grid_worker', communityId: c.id, gridId: `${c.id}_g1`, grantedBy: 'test', grantedAt: Date.now() }] });
    resetWx();
    page = await load(CONSOLE, { openid: worker });
    expect(page.has('#booking-tools')).toBe(true);
    expect(page.has('#admin-tools')).toBe(false);
    expect(page.text()).not.toContain('积分规则与对账');
  });
});
