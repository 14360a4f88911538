import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs, getDoc } from '../support/db';
import { meOf, okFn } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';
import { confirmedUnit } from '../support/party';

const PORTAL = 'pages/party/unit-portal/index';

jest.setTimeout(120_000);

/**
 * 单位主页 as a 共建单位's people use it: the contact claims a recruiting project, takes a colleague
 * off the verifiers and sees the unit's goods, needs and year; a colleague sees it without the
 * buttons that are the contact's.
 */
describe('单位主页', () => {
  let page: PageHandle | undefined;
  let c: TestCommunity;
  let unitId: string;
  let contact: string;
  let colleague: string;

  beforeAll(async () => {
    c = await newCommunity();
    const unit = await confirmedUnit(c);
    ({ unitId, contact } = unit);
    const { join } = await okFn(contact, 'party', { action: 'unitJoin', id: unit.id });
    colleague = await c.resident('钱护士');
    await okFn(colleague, 'party', { action: 'join', code: join.code });

    const gridId = `${c.id}_g1`;
    await okFn(c.staff, 'lists', { action: 'addNeed', category: '医疗义诊', title: '独居老人量血压', gridId });
    const { project } = await okFn(c.staff, 'lists', { action: 'saveProject', op: 'create', project: { title: '健康进社区', description: '每月一次义诊', category: '医疗义诊', gridIds: [gridId] } });
    await okFn(c.staff, 'lists', { action: 'saveProject', op: 'publish', id: project.id });
    await okFn(c.staff, 'points', { action: 'manageGoods', op: 'create', name: '家用血压计', cost: 200, stock: 3, unitId, pickupPlace: '医院门诊楼', perPersonLimit: 1 });
  });

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the contact sees the unit, claims a project and names who verifies', async () => {
    page = await load(PORTAL, { openid: contact });
    expect(page.textOf('#unit')).toContain('东台市人民医院');
    expect(page.has('#verify')).toBe(true);
    expect(page.textOf('#need-0')).toMatch(/^独居老人量血压医疗义诊 · 第一网格（测试小区） · 今天提出$/);
    expect(page.textOf('#goods-0')).toBe('家用血压计在售 · 库存 3 · 待领取 0 · 已领取 0');
    expect(page.textOf('#figure-projects')).toBe('认领项目0 个');
    expect(page.textOf('#figure-hours')).toBe('服务时长0 小时');

    await page.tapText('认领');
    expect(recorded.modals.at(-1)?.title).toBe('认领项目');
    await page.waitForText('眼下没有招募中的项目');
    expect(page.textOf('#claimed-0')).toMatch(/^健康进社区招募中 · 医疗义诊/);
    expect(page.textOf('#open-projects')).toContain('眼下没有招募中的项目');
    expect(page.textOf('#figure-projects')).toBe('认领项目1 个');
    const [project] = await findDocs<any>('projects', { communityId: c.id });
    expect(project.ownerUnitId).toBe(unitId);

    // 钱** is a verifier until the contact says otherwise.
    const rows = ['#member-0', '#member-1'].map((s) => page!.textOf(s));
    const at = rows.findIndex((t) => t.startsWith('钱*'));
    expect(rows[at]).toBe('钱**核销人员取消核销');
    await page.tap(`#verifier-${at}`);
    await page.waitForText('设为核销');
    const unit = await getDoc<any>('units', unitId);
    expect(unit.verifierIds).toEqual([(await meOf(contact)).id]);
  });

  test('a colleague who is not a verifier sees the unit without 兑换核销 or the contact’s buttons; 单位任务 opens their tasks', async () => {
    page = await load(PORTAL, { openid: colleague });
    expect(page.textOf('#unit')).toContain('东台市人民医院');
    expect(page.has('#verify')).toBe(false);
    expect(page.has('#members-join')).toBe(false);
    expect(page.textOf('#verifiers')).not.toContain('设为核销');
    await page.tap('#tasks');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/lists/tasks/index']);
  });

  test('a resident of no unit is told the page is for unit members', async () => {
    page = await load(PORTAL, { openid: await c.resident('周大爷') });
    expect(page.text()).toContain('只有共建单位成员可以查看单位主页');
  });
});
