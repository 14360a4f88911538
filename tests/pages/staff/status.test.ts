import http from 'http';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { callFn, okFn, openApiFault } from '../support/backend';
import { newCommunity, withRole } from '../support/community';
import { findDocs } from '../support/db';

const STATUS = 'package-staff/pages/status/index';
const CONSOLE = 'package-staff/pages/console/index';

jest.setTimeout(120_000);

/** Fires a timer trigger of the local cloud now, as its schedule would. */
function fireTimer(fn: string, trigger: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`/timers/${fn}/${trigger}`, process.env.HONGLIN_URL), { method: 'POST' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('系统状态', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('an admin reads the timers\' last runs, the messages that did not go and why, what is held and the failed calls', async () => {
    const c = await newCommunity({ notices: false });
    const admin = await withRole(c, '沈管理', 'admin');
    const resident = await c.resident('王桂英');
    await c.openWish(resident, '楼道灯坏了');
    await openApiFault('security.msgSecCheck', 'error', resident);
    try {
      await okFn(resident, 'wish', { action: 'publish', title: '帮忙取快递', content: '腿脚不便，想请人帮忙取快递', category: '生活物资' });
    } finally {
      await openApiFault('security.msgSecCheck', 'off', resident);
    }
    await callFn(resident, 'points', { action: 'reconcile' });
    expect(await fireTimer('points', 'expireOrders')).toBe(200);
    const [failure] = await findDocs<{ reason: string; kind: string }>('send_failures', { communityId: c.id });
    expect(failure).toMatchObject({ reason: 'template', kind: 'wishReviewed' });

    page = await load(STATUS, { openid: admin });
    expect(recorded.requests.filter((r) => r.url.includes('/fn/')).length).toBeLessThanOrEqual(2);
    expect(page.textOf('#timer-points-expireOrders')).toMatch(/兑换逾期退回.*用时 .*正常/);
    expect(page.textOf('#sends')).toContain('近7天发送失败的订阅消息：1 条');
    expect(page.textOf('#reason-template')).toBe('模板未配置或不正确 1 条');
    expect(page.textOf('#send-0')).toContain('王桂英 · 心愿审核结果');
    expect(page.textOf('#held-wishes')).toBe('心愿 1 条');
    expect(page.has('#error-points-FORBIDDEN')).toBe(true);
  });

  test('admins find it in the console; staff neither see nor open it', async () => {
    const c = await newCommunity();
    const admin = await withRole(c, '沈管理', 'admin');
    page = await load(CONSOLE, { openid: admin });
    await page.tapText('系统状态');
    expect(recorded.navigations.at(-1)).toBe(`navigateTo:/${STATUS}`);
    page.detach();

    resetWx();
    page = await load(CONSOLE, { openid: c.staff });
    expect(page.text()).not.toContain('系统状态');
    page.detach();

    resetWx();
    page = await load(STATUS, { openid: c.staff });
    expect(page.textOf('#forbidden')).toBe('系统状态仅供管理员查看');
    expect(recorded.requests.filter((r) => (r.data as { action?: string })?.action === 'systemStatus')).toHaveLength(0);
  });
});
