import { callFn, meOf, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { scanDataUrl } from '../support/qr';
import { updateDoc } from '../support/db';

const PAGE = 'package-staff/pages/console/index';

/** The console's section headings, top to bottom. */
const groups = (page: PageHandle): string[] => (page.comp.data.sections as Array<{ group: string }>).map((s) => s.group);
const titles = (page: PageHandle): string[] => (page.comp.data.sections as Array<{ tiles: Array<{ title: string }> }>).flatMap((s) => s.tiles.map((t) => t.title));

describe('社区工作台', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('badges show what waits in each queue and move when the queue moves, read again on coming back', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    page = await load(PAGE, { openid: c.staff });
    expect(page.textOf('#community')).toBe(c.name);
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    expect(recorded.requests.map((r) => (r.data as { action: string }).action)).toContain('workbench');
    // Nothing waits: the groups in their usual order, no badges.
    expect(groups(page)).toEqual(['审核', '派单', '核销', '服务台', '清单', '设置']);
    expect(page.has('#badge-wishReview')).toBe(false);

    const { wish } = await okFn(resident, 'wish', { action: 'publish', title: '想请人帮忙修收音机', content: '家里的老收音机坏了。', category: '其他' });
    await okFn(resident, 'lists', { action: 'submitRequest', category: '水电维修', title: '厨房水龙头一直滴水', detail: '关不紧，想请人来修一下。' });
    await okFn(resident, 'lists', { action: 'submitRequest', category: '水电维修', title: '楼道灯不亮', detail: '三楼楼道灯坏了。' });
    await page.lifecycle('onShow');
    expect(page.textOf('#badge-wishReview')).toBe('1');
    expect(page.textOf('#badge-ticketQueue')).toBe('2');
    expect(page.textOf('#group-review')).toContain('待处理 1');
    // Where work waits comes first: 审核 and 派单 lead, and in 派单 the ticket queue leads.
    expect(groups(page).slice(0, 2)).toEqual(['审核', '派单']);
    expect((page.comp.data.sections[1].tiles as Array<{ key: string }>)[0].key).toBe('ticketQueue');

    await okFn(c.staff, 'wish', { action: 'review', id: wish.id, approve: true });
    await page.lifecycle('onShow');
    expect(page.has('#badge-wishReview')).toBe(false);
    expect(page.textOf('#badge-ticketQueue')).toBe('2');

    await page.tap('#entry-ticketQueue');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/ticket-queue/index']);
  });

  test('an overdue ticket puts its entry first, marked in red', async () => {
    const c = await newCommunity();
    const resident = await c.resident();
    const { ticket } = await okFn(resident, 'lists', { action: 'submitRequest', category: '水电维修', title: '水管爆了', detail: '地下室进水。' });
    await updateDoc('tickets', ticket.id, { dueAt: Date.now() - 3600_000 });
    page = await load(PAGE, { openid: c.staff });
    expect(page.textOf('#note-ticketQueue')).toBe('超期 1');
    expect(groups(page)[0]).toBe('派单');
    expect(page.comp.data.sections[0].tiles[0]).toMatchObject({ key: 'ticketQueue', urgent: true, label: '工单派单，待处理 1，超期 1' });
  });

  test('a grid worker sees the desk of their grids and none of the office tools', async () => {
    page = await load(PAGE, { openid: 'demo-gridworker' });
    expect(page.textOf('#community')).toBe((await meOf('demo-gridworker')).community!.name);
    expect(page.has('#poster')).toBe(false);
    expect(titles(page).sort()).toEqual(['三张清单', '今日预约', '代办队列', '工单派单'].sort());
    await page.tap('#entry-errandQueue');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/errand-queue/index']);
  });

  test('a unit member sees the verification of their unit\'s goods, with what waits there', async () => {
    page = await load(PAGE, { openid: 'demo-unit' });
    expect(titles(page)).toEqual(['兑换核销']);
    const { counts } = await okFn('demo-unit', 'user', { action: 'workbench' });
    expect(Object.keys(counts)).toEqual(['ordersToVerify']);
    expect(page.has('#badge-pointsVerify')).toBe(counts.ordersToVerify > 0);
  });

  test('a county officer sees the county queue only', async () => {
    page = await load(PAGE, { openid: 'demo-county' });
    expect(titles(page)).toEqual(['县级包案']);
    expect(recorded.requests.map((r) => (r.data as { action: string }).action)).not.toContain('workbench');
  });

  test('staff find every tool, admins also the community settings and 系统状态', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    for (const title of ['心愿审核', '完成确认', '报到确认', '网格任务', '工单派单', '代办队列', '智能匹配', '社区吹哨', '兑换核销', '今日预约', '活动签到', '三张清单', '办结统计', '成员管理', '居民网格', '工作日历']) {
      expect(titles(page)).toContain(title);
    }
    expect(titles(page)).not.toContain('社区设置');
    expect(titles(page)).not.toContain('系统状态');
    expect(titles(page)).not.toContain('县级包案');
    await page.tap('#entry-members');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/members/index']);
    page.detach();

    page = await load(PAGE, { openid: 'demo-admin' });
    expect(titles(page)).toContain('社区设置');
    expect(titles(page)).toContain('系统状态');
  });

  test('posters for the community and for each grid: the grid\'s code carries its grid, and saves to the album', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    await page.tap('#poster-open');
    await page.tapText('第三网格（北海新村）');
    expect(page.textOf('#poster-caption')).toBe('第三网格（北海新村）');
    const request = recorded.requests.find((r) => (r.data as { action?: string }).action === 'qrcode')!;
    expect(request.data).toMatchObject({ action: 'qrcode', gridId: 'g_beihai_3' });
    const image = page.comp.data.posterImage as string;
    expect(image).toMatch(/^data:image\/png;base64,/);
    expect(scanDataUrl(image)).toContain(encodeURIComponent('c=beihai&g=g3'));

    await page.tapText('北海社区（整个社区）');
    expect(scanDataUrl(page.comp.data.posterImage)).toMatch(/scene=c%3Dbeihai$/);

    await page.tapText('只保存二维码');
    expect(recorded.album).toHaveLength(1);
    expect(recorded.toasts).toContain('已保存到相册');

    await page.tapText('第五网格（望海苑）');
    await page.tapText('生成A4海报（可打印）');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/poster/index?grid=g_beihai_5']);
  });

  test('a resident is told the console is for staff, with nothing to press', async () => {
    page = await load(PAGE, { openid: 'demo-resident' });
    expect(page.text()).toContain('社区工作台仅供社区工作人员使用');
    expect(page.has('#group-review')).toBe(false);
    const res = await callFn<{ ok: boolean; code: string }>('demo-resident', 'user', { action: 'workbench' });
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
