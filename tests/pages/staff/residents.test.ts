import { callFn, freshOpenid, meOf } from '../support/backend';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { newVolunteer } from '../support/backend';
import { getDoc } from '../support/db';

const PAGE = 'package-staff/pages/residents/index';

describe('居民网格', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff see who has no grid and place them by building', async () => {
    const openid = freshOpenid('unplaced');
    await callFn(openid, 'user', { action: 'login', scene: 'c=beihai' });
    const name = `待分网格${Date.now() % 100000}`;
    await callFn(openid, 'user', { action: 'updateProfile', displayName: name });
    const { id } = await meOf(openid);

    page = await load(PAGE, { openid: 'demo-staff' });
    expect(page.textOf(`#resident-${id}`)).toContain(name);
    expect(page.textOf(`#resident-${id}`)).toContain('未分网格');
    await page.tap(`#resident-${id}`);
    expect(page.textOf('#placer')).toContain(`把 ${name} 调整到`);
    await page.tapText('14幢');
    expect(await meOf(openid)).toMatchObject({ grid: { id: 'g_beihai_5' }, building: '14幢' });
    expect(page.has(`#resident-${id}`)).toBe(false);
  });

  test('by role: staff see who is a volunteer and take the role back with a reason', async () => {
    const volunteer = await newVolunteer('revoked', `撤销志愿者${Date.now() % 100000}`);
    const { id, displayName } = await meOf(volunteer);

    page = await load(PAGE, { openid: 'demo-staff' });
    expect(page.has(`#revoke-${id}`)).toBe(false);
    await page.tap('#filter-role-volunteer');
    expect(page.textOf(`#resident-${id}`)).toContain('身份：志愿者');
    await page.tap(`#revoke-${id}`);
    expect(page.textOf('#revoker')).toContain(`撤销 ${displayName} 的志愿者身份`);
    await page.tap('#confirm-revoke');
    expect(recorded.toasts.at(-1)).toBe('请填写撤销原因');
    await page.input('#revoke-reason', '已搬离本市');
    await page.tap('#confirm-revoke');
    expect(recorded.toasts.at(-1)).toBe(`已撤销 ${displayName} 的志愿者身份`);
    expect((await meOf(volunteer)).roles).toEqual(['resident']);
    const stored = await getDoc<{ formerGrants: Array<{ role: string; why: string }> }>('users', id);
    expect(stored?.formerGrants).toEqual([expect.objectContaining({ role: 'volunteer', why: '已搬离本市' })]);
    expect(page.has(`#resident-${id}`)).toBe(false);
  });

  test('a grid worker is not shown the page', async () => {
    page = await load(PAGE, { openid: 'demo-gridworker' });
    expect(page.has('#forbidden')).toBe(true);
  });
});
