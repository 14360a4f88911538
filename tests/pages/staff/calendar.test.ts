import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { newCommunity } from '../support/community';
import { findDocs } from '../support/db';

const PAGE = 'package-staff/pages/calendar/index';
const CONSOLE = 'package-staff/pages/console/index';

/** Today in Beijing. */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('工作日历', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff see 春节 2027 as estimated days off, make a 调休 Saturday a working day and restore it', async () => {
    const c = await newCommunity();
    page = await load(PAGE, { openid: c.staff, query: { month: '2027-02' } });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.textOf('#month-title')).toBe('2027年2月');
    // 除夕 through 初三: 休, 春节, 预估.
    for (const d of ['05', '06', '07', '08']) expect(page.textOf(`#d-2027-02-${d}`)).toBe(`${Number(d)}休春节预估`);
    expect(page.textOf('#d-2027-02-09')).toBe('9班预估');
    expect(page.textOf('#special')).toContain('2027年2月5日 周五：休息 · 春节 · 按规则预估');
    // Until the next year is confirmed, the calendar ends with the official data: a notice near its end.
    expect(page.has('#notice')).toBe(beijingToday() >= '2026-11-01');

    await page.tap('#d-2027-02-20');
    expect(page.textOf('#picked-title')).toBe('2027年2月20日 周六');
    expect(page.textOf('#picked-status')).toBe('休息 · 按规则预估');
    expect(page.has('#restore')).toBe(false);
    await page.input('#day-name', '春节');
    await page.tap('#set-workday');

    const stored = await findDocs<any>('calendar_days', { communityId: c.id });
    expect(stored).toEqual([expect.objectContaining({ date: '2027-02-20', workday: true, name: '春节' })]);
    expect(recorded.toasts).toContain('已保存');
    expect(page.textOf('#d-2027-02-20')).toBe('20班春节社区');
    expect(page.textOf('#picked-status')).toBe('上班（调休） · 春节 · 社区设置');
    expect(page.textOf('#special')).toContain('2027年2月20日 周六：上班（调休） · 春节 · 社区设置');

    await page.tap('#restore');
    expect(await findDocs('calendar_days', { communityId: c.id })).toEqual([]);
    expect(page.textOf('#d-2027-02-20')).toBe('20休预估');

    // 下月 reads the next month.
    await page.tap('#next-month');
    expect(page.textOf('#month-title')).toBe('2027年3月');
    const last = recorded.requests[recorded.requests.length - 1].data as Record<string, unknown>;
    expect(last).toMatchObject({ action: 'calendar', from: '2027-03-01', to: '2027-03-31' });
  });

  test('a staff member’s day off on a working day closes it; refused input is told and changes nothing', async () => {
    const c = await newCommunity();
    page = await load(PAGE, { openid: c.staff, query: { month: '2027-03' } });
    await page.tap('#d-2027-03-10');
    await page.input('#day-name', '一二三四五六七八九十');
    await page.tap('#set-dayoff');
    expect(page.textOf('#d-2027-03-10')).toBe('10休一二三四五六七八九十社区');
    expect(await findDocs<any>('calendar_days', { communityId: c.id })).toEqual([expect.objectContaining({ date: '2027-03-10', workday: false })]);
  });

  test('residents are not let in', async () => {
    const c = await newCommunity();
    page = await load(PAGE, { openid: await c.resident() });
    expect(page.has('#forbidden')).toBe(true);
    expect(page.has('#grid')).toBe(false);
  });

  test('the console tells staff the calendar runs out and opens the calendar page', async () => {
    const c = await newCommunity();
    page = await load(CONSOLE, { openid: c.staff });
    expect(page.text()).toContain('工作日历');
    if (beijingToday() < '2026-11-01') return; // the notice shows only within 60 days of the end
    expect(page.textOf('#calendar-notice')).toContain('工作日历已确认至2026-12-31');
    await page.tap('#calendar-notice');
    expect(recorded.navigations).toContain('navigateTo:/package-staff/pages/calendar/index');
  });
});
