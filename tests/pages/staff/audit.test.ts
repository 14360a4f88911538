import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { meOf } from '../support/backend';
import { newCommunity, withRole } from '../support/community';
import { findDocs } from '../support/db';
import { give } from '../support/points';

const AUDIT = 'package-staff/pages/audit/index';
const CONSOLE = 'package-staff/pages/console/index';

jest.setTimeout(120_000);

const shanghaiDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

describe('操作记录', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff read who gave which points, by name, and narrow by colleague, record and day', async () => {
    const c = await newCommunity();
    const colleague = await withRole(c, '李书记', 'staff');
    const resident = await c.resident('钱阿婆');
    await give(c.staff, resident, 5, '参加楼道清洁');
    await give(colleague, resident, 3, '帮邻居取药');
    const stored = await findDocs<{ byUserId: string; reason: string }>('points_audit', { communityId: c.id });
    expect(stored).toHaveLength(2);

    page = await load(AUDIT, { openid: c.staff });
    expect(recorded.requests.length).toBeLessThanOrEqual(3);
    expect(page.text()).toContain('没有符合条件的操作记录');
    await page.tap('#log-points');
    expect(page.textOf('#row-0')).toContain('社区工作者 李书记');
    expect(page.textOf('#row-0')).toContain('奖励积分');
    expect(page.textOf('#row-0')).toContain('原因：帮邻居取药');
    expect(page.textOf('#row-1')).toContain('社区工作者 赵主任');

    const zhao = (await meOf(c.staff)).id;
    await page.tap(`#by-${zhao}`);
    expect(page.has('#row-1')).toBe(false);
    expect(page.textOf('#row-0')).toContain('原因：参加楼道清洁');
    expect(stored.find((a) => a.byUserId === zhao)?.reason).toBe('参加楼道清洁');

    await page.tap('#by-all');
    expect(page.has('#row-1')).toBe(true);
    await page.tap('#record-1');
    expect(page.has('#record-filter')).toBe(true);
    expect(page.has('#row-1')).toBe(false);
    expect(page.textOf('#row-0')).toContain('赵主任');
    await page.tap('#record-clear');

    await page.trigger('#day-picker', 'change', { value: shanghaiDay(Date.now() - 86_400_000) });
    expect(page.text()).toContain('没有符合条件的操作记录');
    await page.tap('#day-clear');
    expect(page.has('#row-1')).toBe(true);

    // A wish's moves read in words, the record by its kind.
    await c.openWish(resident, '楼道灯坏了');
    await page.tap('#log-wish');
    expect(page.textOf('#row-0')).toContain('待审核 → 待认领');
    expect(page.textOf('#record-0')).toMatch(/^心愿 /);
  });

  test('the console opens it; a resident cannot', async () => {
    const c = await newCommunity();
    page = await load(CONSOLE, { openid: c.staff });
    await page.tapText('操作记录');
    expect(recorded.navigations.at(-1)).toBe(`navigateTo:/${AUDIT}`);
    page.detach();

    resetWx();
    page = await load(AUDIT, { openid: await c.resident() });
    expect(page.textOf('#forbidden')).toBe('操作记录仅供社区工作人员查看');
    expect(recorded.requests.filter((r) => r.url.endsWith('/fn/user') && (r.data as { action?: string })?.action === 'auditLog')).toHaveLength(0);
  });
});
