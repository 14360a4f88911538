import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { meOf } from '../support/backend';
import { newCommunity, withRole } from '../support/community';
import { findDocs, getDoc } from '../support/db';

const SETTINGS = 'package-staff/pages/settings/index';
const CONSOLE = 'package-staff/pages/console/index';

jest.setTimeout(120_000);

/** The lists' setSettings calls the page sent. */
const sentSettings = () =>
  recorded.requests
    .filter((r) => r.url.endsWith('/fn/lists'))
    .map((r) => r.data as Record<string, any>)
    .filter((d) => d?.action === 'setSettings');

describe('社区设置', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('an admin picks the secretary and a grid leader by name and the deadline mode; only what changed is saved', async () => {
    const c = await newCommunity();
    const admin = await withRole(c, '沈管理', 'admin');
    const secretary = await withRole(c, '李书记', 'staff');
    const secretaryId = (await meOf(secretary)).id;
    const gridId = `${c.id}_g1`;

    page = await load(SETTINGS, { openid: admin });
    expect(recorded.requests.length).toBeLessThanOrEqual(4);
    expect(page.textOf('#secretary-name')).toBe('赵主任 ›');
    expect(page.textOf(`#leader-${gridId}`)).toBe('赵主任 ›');
    await page.tap('#settings-save');
    expect(recorded.toasts.at(-1)).toBe('设置没有改动');
    expect(sentSettings()).toHaveLength(0);

    await page.tap('#secretary');
    await page.tap(`#choose-${secretaryId}`);
    expect(page.textOf('#secretary-name')).toBe('李书记 ›');
    await page.tap(`#grid-${gridId}`);
    await page.tap(`#choose-${secretaryId}`);
    expect(page.textOf(`#leader-${gridId}`)).toBe('李书记 ›');
    await page.tap('#deadline-working');
    await page.tap('#settings-save');

    expect(recorded.toasts.at(-1)).toBe('社区设置已保存');
    expect(sentSettings().map(({ requestId: _r, action: _a, ...rest }) => rest)).toEqual([{ secretaryId, gridLeaders: { [gridId]: secretaryId }, deadlineHours: 'working' }]);
    expect(await getDoc('lists_state', c.id)).toMatchObject({ secretaryId, gridLeaders: { [gridId]: secretaryId }, deadlineHours: 'working' });
    const [event] = await findDocs<{ why: string }>('list_events', { targetId: `${c.id}.settings` });
    expect(event.why).toContain('简单事项按工作日24小时办结');

    await page.tap('#settings-save');
    expect(recorded.toasts.at(-1)).toBe('设置没有改动');
    expect(sentSettings()).toHaveLength(1);
  });

  test('the other settings are one tap away: templates, seasons, the holiday calendar', async () => {
    const c = await newCommunity();
    const admin = await withRole(c, '沈管理', 'admin');
    page = await load(SETTINGS, { openid: admin });
    await page.tap('#link-notices');
    await page.tap('#link-seasons');
    await page.tap('#link-calendar');
    expect(recorded.navigations).toEqual([
      'navigateTo:/package-staff/pages/notice-settings/index',
      'navigateTo:/package-staff/pages/wish-season/index',
      'navigateTo:/package-staff/pages/calendar/index',
    ]);
    page.detach();

    resetWx();
    page = await load(CONSOLE, { openid: admin });
    await page.tapText('社区设置');
    expect(recorded.navigations.at(-1)).toBe(`navigateTo:/${SETTINGS}`);
  });

  test('staff who are not admins neither see it in the console nor open it', async () => {
    const c = await newCommunity();
    page = await load(CONSOLE, { openid: c.staff });
    expect(page.text()).toContain('居民积分账户');
    expect(page.text()).not.toContain('网格长、书记');
    page.detach();

    resetWx();
    page = await load(SETTINGS, { openid: c.staff });
    expect(page.textOf('#forbidden')).toBe('社区设置仅供管理员使用');
    expect(recorded.requests.filter((r) => r.url.endsWith('/fn/lists'))).toHaveLength(0);
  });
});
