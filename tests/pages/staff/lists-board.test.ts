import { load, type PageHandle } from '../../setup/load';
import { lostResponse, modalAnswer, recorded, resetWx } from '../../setup/wx';
import { listsCommunity, listsDoc, needsOf, projectsOf, resourcesOf, sentLists, visitNeed } from '../support/lists';

const BOARD = 'package-staff/pages/lists-board/index';
const NEED_EDIT = 'package-staff/pages/lists-need-edit/index';
const RESOURCE_EDIT = 'package-staff/pages/lists-resource-edit/index';
const PROJECT_EDIT = 'package-staff/pages/lists-project-edit/index';

jest.setTimeout(120_000);

describe('三张清单 · 社区工作人员', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the needs tab shows a wish-born need; a visit entered on the form joins it, once, with source 走访', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('刘秀兰');
    const wishId = await c.openWish(resident, '想要一台旧收音机');

    page = await load(BOARD, { openid: c.staff, query: { tab: 'needs' } });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#tab-needs')).toBe('需求清单');
    const wishCard = page.comp.data.items.find((n: { wishId?: string }) => n.wishId === wishId);
    expect(wishCard).toMatchObject({ source: 'wish', status: 'open', sourceLabel: '心愿', statusLabel: '待对接', waited: '今天登记' });
    expect(page.textOf('#items')).toContain('想要一台旧收音机');
    expect(page.textOf('#items')).toContain('心愿');
    expect(page.textOf('#items')).toContain('居民 刘**');
    // 心愿 needs change on the wish wall: no 关闭 on the list.
    expect(page.textOf('#items')).not.toContain('关闭');

    await page.tap('#add');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/lists-need-edit/index']);
    page.detach();

    resetWx();
    page = await load(NEED_EDIT, { openid: c.staff });
    await page.tapText('空巢独居老人');
    await page.input('#who', '王大爷，82岁，独居');
    await page.tapText('助老服务');
    await page.input('#title', '独居老人需要每周上门探访');
    await page.input('#detail', '子女在外地，腿脚不便');
    await page.tap('#urgency-3');
    await page.input('#people', '1');
    await page.tapText(c.gridName);
    // The answer is lost on the way back: the need was written, the page does not know it.
    lostResponse.action = 'addNeed';
    await page.tap('#save');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '没有保存', content: '网络不给力，请检查网络后重试' });
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('已录入需求清单');
    expect(recorded.navigations).toEqual(['navigateBack:1']);
    const sends = sentLists('addNeed') as Array<{ requestId: string }>;
    expect(sends).toHaveLength(2);
    expect(sends[1].requestId).toBe(sends[0].requestId);

    const visits = (await needsOf(c.id)).filter((n) => n.source === 'visit');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      source: 'visit',
      status: 'open',
      category: '助老服务',
      title: '独居老人需要每周上门探访',
      detail: '被走访人：王大爷，82岁，独居\n子女在外地，腿脚不便',
      urgency: 3,
      people: 1,
      gridId: c.gridId,
      visitGroup: '空巢独居老人',
    });
    page.detach();

    resetWx();
    page = await load(BOARD, { openid: c.staff });
    const id = visits[0]._id as string;
    expect(page.textOf(`#source-${id}`)).toBe('走访');
    expect(page.textOf(`#urgency-${id}`)).toBe('紧急');
    expect(page.textOf(`#need-${id}`)).toContain('五必访·空巢独居老人');
    expect(page.textOf(`#need-${id}`)).toContain(c.gridName);

    // Only 走访 needs: the wish-born one leaves the list.
    await page.tap('#need-source-visit');
    expect(page.comp.data.items.map((n: { id: string }) => n.id)).toEqual([id]);

    // Closing takes a reason; the need leaves the 待对接 list and the database says why.
    await page.tap(`#close-${id}`);
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('请填写关闭原因');
    expect(sentLists('updateNeed')).toHaveLength(0);
    await page.input('#panel-text', '子女已接回家照顾');
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('需求已关闭');
    expect((await listsDoc('needs', id))!.status).toBe('closed');
    expect(page.has(`#need-${id}`)).toBe(false);
    await page.tap('#need-status-closed');
    expect(page.textOf(`#status-${id}`)).toBe('已关闭');
    expect(page.has(`#reopen-${id}`)).toBe(true);
  });

  test('bad input on the forms writes nothing and says what is wrong; the server refusal is shown in its words', async () => {
    const c = await listsCommunity();

    page = await load(NEED_EDIT, { openid: c.staff });
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('请选择服务类别');
    await page.tapText('助老服务');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('请填写需求标题');
    await page.input('#title', '需要帮忙买菜');
    await page.tapText(c.gridName);
    await page.input('#people', '0');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('涉及人数须为1到500之间的整数');
    expect(sentLists('addNeed')).toHaveLength(0);
    page.detach();

    // A grid worker may enter needs of their own grid only: the server says so.
    resetWx();
    page = await load(NEED_EDIT, { openid: c.gridWorker });
    await page.tapText('代买代办');
    await page.input('#title', '需要帮忙买菜');
    await page.tapText(c.grid2Name);
    await page.tap('#save');
    expect(recorded.modals.at(-1)).toMatchObject({ title: '没有保存', content: '只有社区工作人员或本网格的网格员可以录入和修改需求' });
    expect(recorded.navigations).toEqual([]);
    page.detach();

    resetWx();
    page = await load(RESOURCE_EDIT, { openid: c.staff });
    await page.input('#title', '电力义务检修');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('请选择共建单位');
    await page.tapText(c.unitName);
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('请至少选择一个服务类别');
    await page.tapText('水电维修');
    await page.input('#capacity', '80');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('服务容量须为1到50之间的整数');
    await page.input('#capacity', '5');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('请选择服务的网格');
    expect(sentLists('saveResource')).toHaveLength(0);
    page.detach();

    resetWx();
    page = await load(PROJECT_EDIT, { openid: c.staff });
    await page.input('#title', '楼道照明改造');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('请填写项目说明');
    await page.input('#description', '更换老旧楼道灯');
    await page.tapText('水电维修');
    await page.tapText(c.gridName);
    await page.trigger('#start-date', 'change', { value: '2031-05-01' });
    await page.trigger('#end-date', 'change', { value: '2031-04-01' });
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('计划结束日期不能早于开始日期');
    expect(sentLists('saveProject')).toHaveLength(0);

    expect(await needsOf(c.id)).toHaveLength(0);
    expect(await resourcesOf(c.id)).toHaveLength(0);
    expect(await projectsOf(c.id)).toHaveLength(0);
  });

  test('a resource registered on the form is on the resources tab; pausing it changes the database', async () => {
    const c = await listsCommunity();

    page = await load(RESOURCE_EDIT, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    await page.tapText(c.unitName);
    await page.input('#title', '电力义务检修');
    await page.tapText('水电维修');
    await page.tapText('家电维修');
    await page.tap('#period-month');
    await page.input('#capacity', '4');
    await page.tapText(c.gridName);
    await page.tapText(c.grid2Name);
    await page.input('#availability', '每周三上午');
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('已登记到资源清单');
    expect(recorded.navigations).toEqual(['navigateBack:1']);
    const [r] = await resourcesOf(c.id);
    expect(r).toMatchObject({
      title: '电力义务检修',
      providerKind: 'unit',
      unitId: c.unitId,
      providerName: c.unitName,
      categories: ['水电维修', '家电维修'],
      capacity: 4,
      period: 'month',
      area: { gridIds: [c.gridId, c.grid2Id] },
      availability: '每周三上午',
      status: 'active',
    });
    page.detach();

    resetWx();
    page = await load(BOARD, { openid: c.staff, query: { tab: 'resources' } });
    expect(page.textOf('#tab-resources')).toBe('资源清单');
    const card = page.textOf(`#resource-${r._id}`);
    expect(card).toContain('共建单位 · 测试供电所');
    expect(card).toContain('服务：水电维修、家电维修');
    expect(page.textOf(`#capacity-${r._id}`)).toBe('本月已接 0/4');
    expect(card).toContain(`范围：${c.gridName}、${c.grid2Name}`);

    await page.tap(`#pause-${r._id}`);
    await page.input('#panel-text', '检修班组外出培训');
    await page.tap('#panel-submit');
    expect(recorded.toasts.at(-1)).toBe('资源已暂停，暂不参与匹配');
    expect((await listsDoc('resources', r._id))!.status).toBe('paused');
    expect(page.has(`#resource-${r._id}`)).toBe(false);

    await page.tap('#resource-status-paused');
    expect(page.textOf(`#status-${r._id}`)).toBe('已暂停');
    await page.tap(`#resume-${r._id}`);
    expect((await listsDoc('resources', r._id))!.status).toBe('active');
  });

  test('a project opened with needIds bundles them; publishing it moves it to 招募中, and a unit member claims it', async () => {
    const c = await listsCommunity();
    const a = await visitNeed(c, '3幢楼道灯不亮', { category: '水电维修' });
    const b = await visitNeed(c, '5幢楼道灯闪烁', { category: '水电维修', people: 3 });

    page = await load(PROJECT_EDIT, { openid: c.staff, query: { needIds: `${a},${b}` } });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#bundle')).toContain('3幢楼道灯不亮');
    expect(page.textOf('#bundle')).toContain('5幢楼道灯闪烁');
    // The category and grid the needs share are chosen already.
    expect(page.comp.data.form).toMatchObject({ category: '水电维修', gridIds: [c.gridId] });
    await page.input('#title', '楼道照明改造');
    await page.input('#description', '统一更换老旧楼道灯，需共建单位提供电工');
    await page.trigger('#start-date', 'change', { value: '2031-05-01' });
    await page.tap('#save');
    expect(recorded.toasts.at(-1)).toBe('已建立项目，纳入2条需求');
    expect(recorded.navigations).toEqual(['navigateBack:1']);
    const [p] = await projectsOf(c.id);
    expect(p).toMatchObject({ title: '楼道照明改造', category: '水电维修', gridIds: [c.gridId], status: 'planned', needIds: [a, b], people: 4, plannedStart: '2031-05-01' });
    expect((await listsDoc('needs', a))!).toMatchObject({ status: 'in_project', projectId: p._id });
    expect((await listsDoc('needs', b))!).toMatchObject({ status: 'in_project', projectId: p._id });
    page.detach();

    resetWx();
    page = await load(BOARD, { openid: c.staff, query: { tab: 'projects' } });
    expect(page.textOf(`#status-${p._id}`)).toBe('筹备中');
    expect(page.textOf(`#needs-${p._id}`)).toBe('含需求2条 · 惠及4人');
    expect(page.textOf(`#project-${p._id}`)).toContain('计划：2031-05-01 开始');
    expect(page.has(`#claim-${p._id}`)).toBe(false);
    modalAnswer.confirm = false;
    await page.tap(`#publish-${p._id}`);
    expect(sentLists('saveProject')).toHaveLength(0);
    modalAnswer.confirm = true;
    await page.tap(`#publish-${p._id}`);
    expect(recorded.toasts.at(-1)).toBe('已发布，等待共建单位认领');
    expect((await listsDoc('projects', p._id))!.status).toBe('recruiting');
    expect(page.textOf(`#status-${p._id}`)).toBe('招募中');
    expect(page.textOf(`#unit-${p._id}`)).toBe('承接单位：待共建单位认领');
    page.detach();

    // A unit member: no needs tab, and 认领 on the recruiting project.
    resetWx();
    page = await load(BOARD, { openid: c.unitMember, query: { tab: 'needs' } });
    expect(page.has('#tab-needs')).toBe(false);
    expect(page.comp.data.tab).toBe('resources');
    await page.tap('#tab-projects');
    await page.tap(`#claim-${p._id}`);
    expect(recorded.toasts.at(-1)).toBe('已认领');
    expect((await listsDoc('projects', p._id))!.ownerUnitId).toBe(c.unitId);
    expect(page.textOf(`#unit-${p._id}`)).toBe(`承接单位：${c.unitName}`);
    expect(page.has(`#start-${p._id}`)).toBe(true);
  });

  test('a resident opening the board sees 无权限 and nothing of the lists is asked for', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('钱大妈');
    for (const path of [BOARD, NEED_EDIT, RESOURCE_EDIT, PROJECT_EDIT]) {
      resetWx();
      page = await load(path, { openid: resident });
      expect(page.has('#forbidden')).toBe(true);
      expect(recorded.requests.filter((r) => r.url.endsWith('/fn/lists'))).toHaveLength(0);
      page.detach();
    }
    page = undefined;
    resetWx();
    page = await load(BOARD, { openid: resident });
    expect(page.textOf('#forbidden')).toBe('三张清单仅供社区工作人员、网格员和共建单位使用');
  });
});
