import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { okFn } from '../support/backend';
import { findDocs, insertDoc } from '../support/db';
import { dispatchTo, listsCommunity, moveResolveDeadline, raise, sentLists } from '../support/lists';

const STATS = 'package-staff/pages/lists-stats/index';
const HOUR = 3600_000;

jest.setTimeout(120_000);

/** Today in Beijing, as the page reckons its default range. */
const beijingToday = () => new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);

describe('办结统计', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('this month’s on-time rate counts a ticket still open past its deadline as late; the tickets export is copied', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('王桂英');
    // Done on time and rated 5 stars; open past its deadline; open and not yet due.
    const done = await raise(resident, { title: '楼道灯不亮' });
    await dispatchTo(c, done.id);
    await okFn(c.gridWorker, 'lists', { action: 'accept', id: done.id });
    await okFn(c.gridWorker, 'lists', { action: 'resolve', id: done.id, note: '已更换灯泡' });
    await okFn(resident, 'lists', { action: 'rate', id: done.id, stars: 5 });
    const late = await raise(resident, { title: '下水道返水' });
    await moveResolveDeadline(late.id, Date.now() - HOUR);
    await raise(resident, { title: '楼下垃圾桶满了' });

    // What the database implies: on time = closed within its deadline; late = open past it.
    const now = Date.now();
    const rows = await findDocs<any>('tickets', { communityId: c.id });
    expect(rows).toHaveLength(3);
    const onTime = rows.filter((t) => t.status === 'closed' && t.resolvedAt <= t.clock.resolveBy).length;
    const lateOpen = rows.filter((t) => ['submitted', 'dispatched', 'accepted'].includes(t.status) && t.clock.resolveBy < now).length;
    expect([onTime, lateOpen]).toEqual([1, 1]);
    const expected = `${Math.round((onTime / (onTime + lateOpen)) * 1000) / 10}%`;

    page = await load(STATS, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    const today = beijingToday();
    expect(page.textOf('#from-text')).toBe(`${today.slice(0, 8)}01`);
    expect(page.textOf('#to-text')).toBe(today);
    expect(sentLists('stats')).toEqual([expect.objectContaining({ from: `${today.slice(0, 8)}01`, to: today })]);

    expect(page.textOf('#overall-ontime')).toBe(expected);
    expect(expected).toBe('50%');
    expect(page.textOf('#overall-completion')).toBe('33.3%');
    expect(page.textOf('#overall-satisfaction')).toBe('100%');
    expect(page.textOf('#overall-overdue')).toBe('1');
    expect(page.textOf('#overall-counts')).toContain('工单 3');
    expect(page.textOf(`#ontime-${c.gridId}`)).toBe(expected);
    expect(page.textOf(`#grid-${c.grid2Id}`)).toContain('工单 0');
    expect(page.textOf(`#ontime-${c.grid2Id}`)).toBe('—');
    expect(page.textOf('#source-request')).toBe('诉求 3');
    expect(page.textOf('#open-needs')).toBe('2');

    await page.tap('#export-tickets');
    expect(page.textOf('#exported-rows')).toBe('工单已导出 3 行');
    const file = recorded.files.get(`wxfile://usr/tickets-${today}.csv`);
    expect(file?.toString('utf8').startsWith('\ufeff编号,标题')).toBe(true);
    await page.tap('#copy');
    expect(recorded.clipboard).toHaveLength(1);
    const pasted = recorded.clipboard[0];
    expect(pasted.startsWith('编号,标题')).toBe(true);
    expect(pasted.trim().split('\r\n')).toHaveLength(4);
    for (const title of ['楼道灯不亮', '下水道返水', '楼下垃圾桶满了']) expect(pasted).toContain(title);
  });

  test('an export longer than a page follows the cursor to the end', async () => {
    const c = await listsCommunity();
    // More needs than one export page holds (200), written straight in: entering them one by one would take long.
    const at = Date.now() - 86_400_000;
    const docs = Array.from({ length: 205 }, (_, i) => ({
      _id: `${c.id}_n${String(i).padStart(3, '0')}`,
      communityId: c.id,
      source: 'visit',
      category: '助老服务',
      title: `走访需求${i + 1}`,
      gridId: c.gridId,
      urgency: 1,
      people: 1,
      status: 'open',
      createdAt: at + i,
      updatedAt: at + i,
    }));
    for (let i = 0; i < docs.length; i += 50) await Promise.all(docs.slice(i, i + 50).map((d) => insertDoc('needs', d)));
    page = await load(STATS, { openid: c.staff });
    await page.tap('#export-needs');
    expect(page.textOf('#exported-rows')).toBe('需求清单已导出 205 行');
    const sends = sentLists('export');
    expect(sends.length).toBeGreaterThanOrEqual(2);
    expect(sends[0].cursor).toBeUndefined();
    expect(sends.slice(1).every((s) => s.list === 'needs' && /^o\d+$/.test(s.cursor))).toBe(true);
    await page.tap('#copy');
    const lines = recorded.clipboard[0].trim().split('\r\n');
    // One header, then every need once.
    expect(lines).toHaveLength(206);
    expect(lines.filter((l) => l.startsWith('编号'))).toHaveLength(1);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(205);
  });

  test('a grid worker and a resident get 无权限', async () => {
    const c = await listsCommunity();
    const resident = await c.resident('钱大妈');
    for (const openid of [resident, c.gridWorker]) {
      resetWx();
      page = await load(STATS, { openid });
      expect(page.textOf('#forbidden')).toBe('办结统计仅供社区工作人员使用');
      expect(sentLists('stats')).toHaveLength(0);
      page.detach();
    }
    page = undefined;
  });
});
