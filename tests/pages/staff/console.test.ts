import { callFn, freshOpenid, meOf } from '../support/backend';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { scanDataUrl } from '../support/qr';

const PAGE = 'package-staff/pages/console/index';

describe('社区工作台', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('staff make a volunteer invite code that a newcomer can redeem', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    const staff = await meOf('demo-staff');
    expect(page.textOf('#community')).toBe(staff.community!.name);
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls

    await page.tapText('邀请志愿者');

    const code = page.textOf('#invite-code');
    expect(code).toMatch(/^[0-9A-Z]{4,20}$/);
    expect(page.textOf('#invite-expires')).toMatch(/^有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    await page.tapText('复制邀请码');
    expect(recorded.clipboard).toEqual([code]);

    const newcomer = freshOpenid('console-invitee');
    await callFn(newcomer, 'user', { action: 'login' });
    const redeemed = await callFn<{ ok: boolean; data: { me: { roles: string[]; community?: { id: string } } } }>(
      newcomer,
      'user',
      { action: 'redeemInvite', code },
    );
    expect(redeemed.ok).toBe(true);
    expect(redeemed.data.me.roles).toContain('volunteer');
    expect(redeemed.data.me.community?.id).toBe(staff.community!.id);
  });

  test('the invite expiry is shown in Beijing time', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    await page.tapText('邀请志愿者');
    const shown = page.textOf('#invite-expires').replace('有效期至 ', '');

    const req = recorded.requests.find((r) => (r.data as { action?: string }).action === 'createInvite')!;
    const again = await callFn<{ ok: boolean; data: { invite: { expiresAt: number } } }>('demo-staff', 'user', {
      action: 'createInvite',
      role: 'volunteer',
      requestId: (req.data as { requestId: string }).requestId,
    });
    // A repeat of the same request returns the first invite: its expiry is what the page formatted.
    const bj = new Date(again.data.invite.expiresAt + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(shown).toBe(bj);
  });

  test('posters for the community and for each grid: the grid\'s code carries its grid, and saves to the album', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    expect(recorded.requests.length).toBeLessThanOrEqual(3); // budget: one page load ≤ 3 calls
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

  test('a grid worker opens the console but is not offered invites or posters; the booking desk is theirs', async () => {
    page = await load(PAGE, { openid: 'demo-gridworker' });
    expect(page.textOf('#community')).toBe((await meOf('demo-gridworker')).community!.name);
    expect(page.has('#invite')).toBe(false);
    expect(page.has('#poster')).toBe(false);
    expect(page.has('#booking-tools')).toBe(true);
    const tools = page.text();
    expect(tools).toContain('今日预约');
    expect(tools).toContain('代办队列');
    expect(tools).not.toContain('发布活动');
    await page.tapText('代办队列');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/errand-queue/index']);
    // Of 三张清单, the dispatch queue of their grids; matching and statistics are the office's.
    expect(page.has('#lists-tools')).toBe(true);
    expect(tools).toContain('工单派单');
    expect(tools).not.toContain('智能匹配');
    expect(tools).not.toContain('办结统计');
    await page.tapText('工单派单');
    expect(recorded.navigations.at(-1)).toBe('navigateTo:/package-staff/pages/ticket-queue/index');
  });

  test('staff find every tool of 三张清单 in its own section', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    expect(page.has('#lists-tools')).toBe(true);
    for (const title of ['智能匹配', '工单派单', '办结统计']) expect(page.text()).toContain(title);
    await page.tapText('智能匹配');
    expect(recorded.navigations).toEqual(['navigateTo:/package-staff/pages/lists-match/index']);
  });

  test('only an admin is offered a 社区工作者 invite, and it works', async () => {
    page = await load(PAGE, { openid: 'demo-staff' });
    expect(page.text()).not.toContain('邀请社区工作者');
    page.detach();

    page = await load(PAGE, { openid: 'demo-admin' });
    await page.tapText('邀请社区工作者');
    expect(page.textOf('#invite-result')).toContain('社区工作者邀请码');
  });

  test('a resident is told the console is for staff, with nothing to press', async () => {
    page = await load(PAGE, { openid: 'demo-resident' });
    expect(page.text()).toContain('社区工作台仅供社区工作人员使用');
    expect(page.text()).not.toContain('生成邀请码');
    expect(page.has('#invite')).toBe(false);
  });
});
