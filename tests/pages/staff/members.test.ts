import { freshOpenid, meOf, newVolunteer, okFn } from '../support/backend';
import { newCommunity } from '../support/community';
import { findDocs, getDoc, insertDoc } from '../support/db';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { scanDataUrl } from '../support/qr';

const PAGE = 'package-staff/pages/members/index';

describe('成员管理', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a volunteer invite comes as a code and a mini-program code that a newcomer redeems on the join page', async () => {
    const staff = await meOf('demo-staff');
    page = await load(PAGE, { openid: 'demo-staff' });
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
    await page.tap('#create-invite');

    const code = page.textOf('#invite-code');
    expect(code).toMatch(/^[0-9A-Z]{8}$/);
    expect(page.textOf('#invite-result')).toContain('志愿者邀请码');
    expect(page.textOf('#invite-expires')).toMatch(/^有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，只能使用一次$/);
    // The code a phone's camera reads opens the join page with the community and the code.
    const scanned = scanDataUrl(page.props('#invite-qr').src ?? page.comp.data.invite.image);
    expect(scanned).toContain('pages/party/join/index');
    expect(scanned).toContain(encodeURIComponent(`c=beihai&u=${code}`));
    await page.tapText('复制邀请码');
    expect(recorded.clipboard).toEqual([code]);
    page.detach();

    // The newcomer scans it: the scene brings them into the community, the join page takes the code.
    const newcomer = freshOpenid('invitee');
    const scene = `c=beihai&u=${code}`;
    await okFn(newcomer, 'user', { action: 'login', scene });
    page = await load('pages/party/join/index', { openid: newcomer, query: { scene: encodeURIComponent(scene) } });
    await page.tap('#join');
    expect(page.textOf('#joined')).toContain(`您已成为${staff.community!.name}的志愿者`);
    expect((await meOf(newcomer)).roles).toContain('volunteer');
  });

  test('a grid worker is invited into a grid, a unit member into a unit', async () => {
    const c = await newCommunity();
    const unitId = `unit_${c.id}`;
    await insertDoc('units', { _id: unitId, communityId: c.id, name: '东台供电所', kind: '企业' });
    page = await load(PAGE, { openid: c.staff });
    expect(page.text()).not.toContain('即将开放');

    await page.tap('#invite-role-grid_worker');
    await page.tap('#create-invite');
    expect(recorded.toasts.at(-1)).toBe('请先选择网格');
    await page.tapText(c.gridName);
    await page.tap('#create-invite');
    expect(page.textOf('#invite-result')).toContain(`网格员邀请码（${c.gridName}）`);
    const worker = await c.resident('周建军');
    await okFn(worker, 'user', { action: 'redeemInvite', code: page.textOf('#invite-code') });
    const workerMe = await meOf(worker);
    expect(workerMe.roles).toContain('grid_worker');
    expect((await getDoc<{ grants: Array<{ role: string; gridId?: string }> }>('users', workerMe.id))!.grants).toContainEqual(expect.objectContaining({ role: 'grid_worker', gridId: `${c.id}_g1` }));

    await page.tap('#invite-role-unit_member');
    await page.tap(`#place-${unitId}`);
    await page.tap('#create-invite');
    expect(page.textOf('#invite-result')).toContain('共建单位成员邀请码（东台供电所）');
    const member = await c.resident('钱晓燕');
    await okFn(member, 'user', { action: 'redeemInvite', code: page.textOf('#invite-code') });
    expect((await meOf(member)).unit).toEqual({ id: unitId, name: '东台供电所' });

    // Both are listed under their role, by their real names.
    await page.tap('#role-grid_worker');
    expect(page.textOf(`#member-${workerMe.id}`)).toContain('周建军');
  });

  test('by role: staff take a role back with a reason; it is logged and gone at the person\'s next call', async () => {
    const volunteer = await newVolunteer('revoked', `撤销志愿者${Date.now() % 100000}`);
    const { id, displayName } = await meOf(volunteer);

    page = await load(PAGE, { openid: 'demo-staff' });
    await page.waitForText(displayName);
    expect(page.textOf(`#member-${id}`)).toContain(displayName);
    await page.tap(`#revoke-${id}`);
    expect(page.textOf('#revoker')).toContain(`撤销 ${displayName} 的志愿者身份`);
    await page.tap('#confirm-revoke');
    expect(recorded.toasts.at(-1)).toBe('请填写撤销原因');
    await page.input('#revoke-reason', '已搬离本市');
    await page.tap('#confirm-revoke');
    expect(recorded.toasts.at(-1)).toBe(`已撤销 ${displayName} 的志愿者身份`);
    expect(page.has(`#member-${id}`)).toBe(false);

    expect((await meOf(volunteer)).roles).toEqual(['resident']);
    const stored = await getDoc<{ formerGrants: Array<{ role: string; why: string }> }>('users', id);
    expect(stored?.formerGrants).toEqual([expect.objectContaining({ role: 'volunteer', why: '已搬离本市' })]);
    const staffId = (await meOf('demo-staff')).id;
    expect(await findDocs('user_events', { targetId: id, field: 'roles' })).toEqual([
      expect.objectContaining({ from: 'resident,volunteer', to: 'resident', why: '已搬离本市', byUserId: staffId }),
    ]);
  });

  test('only an admin may invite 社区工作者 and see the roles only admins take back', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    expect(page.has('#invite-role-staff')).toBe(false);
    expect(page.has('#role-staff')).toBe(false);
    page.detach();

    page = await load(PAGE, { openid: 'demo-admin' });
    await page.tap('#invite-role-staff');
    await page.tap('#create-invite');
    expect(page.textOf('#invite-result')).toContain('社区工作者邀请码');
    expect(page.has('#role-staff')).toBe(true);
  });

  test('the invite expiry is shown in Beijing time', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    await page.tap('#create-invite');
    const shown = page.textOf('#invite-expires').replace('有效期至 ', '').replace('，只能使用一次', '');
    const req = recorded.requests.find((r) => (r.data as { action?: string }).action === 'createInvite')!;
    const again = await okFn<{ invite: { expiresAt: number } }>('demo-staff', 'user', { action: 'createInvite', role: 'volunteer', requestId: (req.data as { requestId: string }).requestId });
    // A repeat of the same request returns the first invite: its expiry is what the page formatted.
    expect(shown).toBe(new Date(again.invite.expiresAt + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
  });

  test('a grid worker is not shown the page', async () => {
    page = await load(PAGE, { openid: 'demo-gridworker' });
    expect(page.has('#forbidden')).toBe(true);
  });
});
