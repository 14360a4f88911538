import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { findDocs, insertDoc } from '../support/db';
import { dispatchTo, listsCommunity, moveResolveDeadline, raise, sentLists } from '../support/lists';

const CHARTS = 'package-staff/pages/lists-charts/index';
const HOUR = 3600_000;
const RED = '#A31218';

jest.setTimeout(120_000);

const beijingDate = (at = Date.now()) => new Date(at + 8 * HOUR).toISOString().slice(0, 10);

describe('数据看板', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the charts receive the community’s own figures; a rate below target is red, never green', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('王桂英');
    // This week: one request resolved on time, one open past its deadline (late): 50%.
    const done = await raise(resident, { title: '楼道灯不亮', category: '水电维修' });
    await dispatchTo(c, done.id);
    await okFn(c.gridWorker, 'lists', { action: 'accept', id: done.id });
    await okFn(c.gridWorker, 'lists', { action: 'resolve', id: done.id, note: '已更换灯泡' });
    const late = await raise(resident, { title: '想请人陪同去医院', category: '陪同就医' });
    await moveResolveDeadline(late.id, Date.now() - HOUR);
    // An open season, with a wish collected in it; an activity's 90 minutes checked out today.
    await insertDoc('wish_seasons', { _id: `${c.id}.s1`, communityId: c.id, number: 1, name: '第1季', startDate: beijingDate(Date.now() - 30 * 24 * HOUR), endDate: beijingDate(Date.now() + 30 * 24 * HOUR), createdBy: 't', createdAt: 0 });
    await insertDoc('wishes', { _id: `w_${c.id}_1`, communityId: c.id, title: '想要一副老花镜', status: 'open', wantedBy: [], wants: 0, everClaimed: false, createdAt: Date.now(), updatedAt: Date.now() });
    await insertDoc('booking_signups', { _id: `su_${c.id}_1`, communityId: c.id, activityId: 'a', status: 'checked_out', checkOutAt: Date.now(), minutes: 90, createdAt: 0, updatedAt: 0 });

    const tickets = await findDocs<any>('tickets', { communityId: c.id });
    expect(tickets.map((t) => t.category).sort()).toEqual(['水电维修', '陪同就医']);

    page = await load(CHARTS, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    const today = beijingDate();
    expect(sentLists('charts')).toEqual([expect.objectContaining({ to: today })]);
    const charts = page.comp.data.charts as Array<{ id: string; categories: string[]; series: Array<{ name: string; data: any[] }>; summary: string }>;
    const chart = (id: string) => charts.find((x) => x.id === id)!;
    expect(charts.map((x) => x.id)).toEqual(['requests', 'ontime', 'grids', 'categories', 'seasons', 'hours']);

    // Twelve weeks, this one last, holding both requests.
    expect(chart('requests').categories).toHaveLength(12);
    expect(chart('requests').series[0].data.at(-1)).toBe(2);
    expect(chart('requests').series[0].data.slice(0, -1).every((n: number) => n === 0)).toBe(true);
    expect(chart('ontime').series[0].data.at(-1)).toEqual({ value: 50, color: RED });
    expect(page.textOf('#summary-ontime')).toContain('按时办结率 50%（按时 1 · 超时 1），1周低于目标');
    // Each grid's bar: the first grid at 50% in red; the second has nothing to judge.
    const [grid1] = await findDocs<any>('grids', { _id: c.gridId });
    const short = (name: string) => name.replace(/（.*）$/, '');
    expect(chart('grids').categories).toEqual([short(grid1.name), short(c.grid2Name)]);
    expect(chart('grids').series[0].data).toEqual([{ value: 50, color: RED }, null]);
    expect(page.textOf('#summary-grids')).toBe(`${grid1.name} 50%（2件）；${c.grid2Name} —（0件）`);
    expect(page.textOf('#summary-categories')).toBe('水电维修 1件；陪同就医 1件');
    expect(chart('seasons').series.map((s) => [s.name, s.data])).toEqual([['征集', [1]], ['认领', [0]], ['完成', [0]]]);
    expect(chart('categories').series).toEqual([expect.objectContaining({ name: '水电维修', data: 1 }), expect.objectContaining({ name: '陪同就医', data: 1 })]);
    expect(chart('hours').series[0].data.at(-1)).toBe(1.5);
    expect(page.textOf('#summary-hours')).toContain('共 1.5 小时');
    // jsdom has no canvas 2d: the page says the figures are in words.
    expect(page.has('#no-canvas')).toBe(true);

    // 近4周: four weeks asked for, four drawn.
    await page.tap('#period-4');
    await page.idle();
    expect(sentLists('charts').at(-1)).toMatchObject({ from: beijingDate(Date.now() - 21 * 24 * HOUR), to: today });
    expect((page.comp.data.charts as typeof charts)[0].categories).toHaveLength(4);
    expect(page.textOf('#summary-requests')).toBe('4周共 2 件诉求');
  });

  test('a resident is shown the page is for staff, and no figures', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('李秀兰');
    page = await load(CHARTS, { openid: resident });
    expect(page.text()).toContain('数据看板仅供社区工作人员使用');
    expect(sentLists('charts')).toEqual([]);
  });

  test('staff reach it from the console', async () => {
    const c = await listsCommunity();
    page = await load('package-staff/pages/console/index', { openid: c.staff });
    await page.tapText('数据看板');
    expect(recorded.navigations.at(-1)).toBe('navigateTo:/package-staff/pages/lists-charts/index');
  });
});
