import fs from 'node:fs';
import path from 'node:path';
import { call, cloudUrl, newRequestId, ok, sdk } from '../support/cloud';
import { member, newCommunity, type TestCommunity } from '../support/map';
import { userIdOf } from '../support/wish';
import { fireTimer, where } from '../support/points';
import { TIMER_SCHEDULES } from '../../../server/status/schedules';

const FUNCTIONS = path.join(__dirname, '../../../cloudfunctions');

async function fault(api: string, mode: 'error' | 'off', openid: string): Promise<void> {
  const res = await fetch(`${cloudUrl()}/openapi/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api, mode, openid }) });
  expect(res.status).toBe(200);
}

async function reviewedWish(c: TestCommunity, publisher: string, title: string): Promise<void> {
  const { wish } = await ok('wish', { action: 'publish', title, content: `${title}，麻烦邻居帮忙`, category: '其他', requestId: newRequestId() }, publisher);
  await ok('wish', { action: 'review', id: wish.id, approve: true, requestId: newRequestId() }, c.admin);
}

describe('系统状态', () => {
  it('knows every timer the functions declare, with the schedule they declare', () => {
    const declared = fs.readdirSync(FUNCTIONS).flatMap((fn) => {
      const file = path.join(FUNCTIONS, fn, 'config.json');
      if (!fs.existsSync(file)) return [];
      const cfg = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: Array<{ name: string; type: string; config: string }> };
      return (cfg.triggers ?? []).filter((t) => t.type === 'timer').map((t) => `${fn}.${t.name} ${t.config}`);
    });
    expect(TIMER_SCHEDULES.map((t) => `${t.fn}.${t.trigger} ${t.config}`).sort()).toEqual(declared.sort());
  });

  it('shows each timer\'s last run, how long it took and how it ended', async () => {
    const c = await newCommunity();
    const before = Date.now();
    await fireTimer('points', 'expireOrders');
    const [run] = await where('timer_runs', { _id: 'points.expireOrders' });
    expect(run).toMatchObject({ fn: 'points', trigger: 'expireOrders', ok: true });
    expect(run.startedAt).toBeGreaterThanOrEqual(before);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);

    const status = await ok('user', { action: 'systemStatus' }, c.admin);
    expect(status.timers.find((t: any) => t.trigger === 'expireOrders')).toMatchObject({ label: '兑换逾期退回', lastRunAt: run.startedAt, durationMs: run.durationMs, ok: true, late: false });
    expect(status.timers).toHaveLength(TIMER_SCHEDULES.length);
  });

  it('lists the messages that did not go, with the reason and to whom, and the content held for want of a check', async () => {
    const c = await newCommunity();
    const wang = await member(c, '王桂英');
    // No template for the kind: not sent.
    await reviewedWish(c, wang.openid, '楼道灯坏了');
    // A template, and WeChat refusing: a platform error.
    await ok('user', { action: 'setNoticeSettings', kind: 'wishReviewed', templateId: `t-${c.code}`, keywords: { title: 'thing1', result: 'phrase2', note: 'thing3' }, requestId: newRequestId() }, c.admin);
    await fault('subscribeMessage.send', 'error', wang.openid);
    try {
      await reviewedWish(c, wang.openid, '想学用智能手机');
    } finally {
      await fault('subscribeMessage.send', 'off', wang.openid);
    }
    // The content check unavailable: the wish waits for staff.
    await fault('security.msgSecCheck', 'error', wang.openid);
    try {
      await ok('wish', { action: 'publish', title: '帮忙取快递', content: '腿脚不便，想请人帮忙取快递', category: '其他', requestId: newRequestId() }, wang.openid);
    } finally {
      await fault('security.msgSecCheck', 'off', wang.openid);
    }

    const stored = await where('send_failures', { communityId: c.id });
    expect(stored.map((f: any) => f.reason).sort()).toEqual(['platform', 'template']);
    const status = await ok('user', { action: 'systemStatus' }, c.admin);
    expect(status.sendFailures.total).toBe(2);
    expect(status.sendFailures.byReason.map((r: any) => [r.label, r.count]).sort()).toEqual([['微信平台错误', 1], ['模板未配置或不正确', 1]]);
    expect(status.sendFailures.latest[0]).toMatchObject({ to: '王桂英', kind: '心愿审核结果', reason: '微信平台错误' });
    expect(status.held).toEqual({ wishes: 1, tickets: 0, registrations: 0, errands: 0 });
  });

  it('counts failed calls per function and code', async () => {
    const c = await newCommunity();
    await call('user', { action: 'noSuchAction' }, c.admin);
    await call('points', { action: 'reconcile' }, c.resident);
    const status = await ok('user', { action: 'systemStatus' }, c.admin);
    const count = (fn: string, code: string) => status.errors.find((e: any) => e.fn === fn && e.code === code)?.count ?? 0;
    expect(count('user', 'INVALID_ARGUMENT')).toBeGreaterThanOrEqual(1);
    expect(count('points', 'FORBIDDEN')).toBeGreaterThanOrEqual(1);
  });

  it('is for admins only', async () => {
    const c = await newCommunity();
    expect(await call('user', { action: 'systemStatus' }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有管理员可以查看系统状态' });
    expect(await call('user', { action: 'systemStatus' }, 'demo-staff')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('tells admins once a day when a timer has missed two runs, and when a community\'s messages keep failing', async () => {
    const c = await newCommunity();
    const adminId = await userIdOf(c.admin);
    const runs = sdk().database().collection('timer_runs');
    await fireTimer('wish', 'expireLeases');
    await runs.doc('wish.expireLeases').update({ startedAt: Date.now() - 3 * 3600_000 });
    const failures = sdk().database().collection('send_failures');
    for (let i = 0; i < 3; i++) await failures.add({ communityId: c.id, userId: adminId, kind: 'wishReviewed', reason: 'quota', detail: 'errcode 45009', at: Date.now() - i * 1000 });
    try {
      const first = (await fireTimer('user', 'watchSystem')).result;
      expect(first.data.late).toContain('wish.expireLeases');
      expect(first.data.failing).toContain(c.id);
      await fireTimer('user', 'watchSystem');
      const notices = await where('notices', { communityId: c.id, to: adminId });
      expect(notices.map((n: any) => n.title).sort()).toEqual(['定时任务未按时运行', '订阅消息发送失败']);
      expect(notices.find((n: any) => n.title === '定时任务未按时运行').body).toContain('认领到期释放');
      expect(notices.find((n: any) => n.title === '订阅消息发送失败').body).toBe('近24小时有3条订阅消息发送失败，请到系统状态查看原因');
    } finally {
      await fireTimer('wish', 'expireLeases');
    }
  });
});
