import config from '../../../miniprogram/config';
import { DEV_OPENID_KEY, NETWORK_FAIL, call } from '../../../miniprogram/services/transport';
import * as user from '../../../miniprogram/services/user';
import type { UserApi } from '../../../typings/user';
import { recorded, resetWx } from '../../setup/wx';
import { callFn, freshOpenid } from '../../pages/support/backend';

const w = wx as unknown as { cloud: { callFunction: unknown } };

beforeEach(() => {
  resetWx();
  config.mode = 'local';
});

describe('local mode', () => {
  test('POSTs {action, ...payload} to /fn/<name> as the dev openid and returns the envelope', async () => {
    wx.setStorageSync(DEV_OPENID_KEY, 'demo-resident');
    const res = await user.me();

    expect(res.ok).toBe(true);
    expect(recorded.requests).toEqual([
      {
        url: `${config.localCloudUrl}/fn/user`,
        data: { action: 'me' },
        header: expect.objectContaining({ 'x-openid': 'demo-resident' }),
      },
    ]);
  });

  test('a failure comes back as the server sent it, Chinese message included', async () => {
    wx.setStorageSync(DEV_OPENID_KEY, 'demo-resident');
    const res = await user.redeemInvite({ code: 'NOPE-NOPE' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('mutating calls get a requestId unless the caller brought one; reads do not', async () => {
    const openid = freshOpenid('transport');
    await callFn(openid, 'user', { action: 'login' });
    wx.setStorageSync(DEV_OPENID_KEY, openid);
    await user.updateProfile({ displayName: '王阿姨' });
    await user.updateProfile({ displayName: '王阿姨', requestId: 'mine-12345678' });
    await user.me();

    const ids = recorded.requests.map((r) => (r.data as { requestId?: string }).requestId);
    expect(ids[0]).toMatch(/^[\w-]{8,64}$/);
    expect(ids[1]).toBe('mine-12345678');
    expect(ids[2]).toBeUndefined();
  });

  test('a device without a dev openid makes one up and keeps it', async () => {
    await user.login();
    await user.me();
    const sent = recorded.requests.map((r) => r.header['x-openid']);
    expect(sent[0]).toMatch(/^dev-/);
    expect(sent[1]).toBe(sent[0]);
    expect(wx.getStorageSync(DEV_OPENID_KEY)).toBe(sent[0]);
  });

  test('no network: INTERNAL with a message people understand', async () => {
    const url = process.env.HONGLIN_URL;
    process.env.HONGLIN_URL = 'http://127.0.0.1:9';
    try {
      expect(await user.me()).toEqual(NETWORK_FAIL);
      expect(NETWORK_FAIL).toEqual({ ok: false, code: 'INTERNAL', message: '网络不给力，请检查网络后重试' });
    } finally {
      process.env.HONGLIN_URL = url;
    }
  });
});

describe('cloud mode', () => {
  const original = w.cloud.callFunction;
  afterEach(() => {
    w.cloud.callFunction = original;
  });

  test('calls wx.cloud.callFunction and returns res.result', async () => {
    config.mode = 'cloud';
    const calls: unknown[] = [];
    w.cloud.callFunction = (opts: { name: string; data: unknown; success: (r: unknown) => void }) => {
      calls.push({ name: opts.name, data: opts.data });
      opts.success({ result: { ok: true, data: { me: { id: 'u1' } } } });
    };

    const res = await call<UserApi, 'me'>('user', 'me', {});

    expect(calls).toEqual([{ name: 'user', data: { action: 'me' } }]);
    expect(res).toEqual({ ok: true, data: { me: { id: 'u1' } } });
    expect(recorded.requests).toEqual([]);
  });

  test('a failed invocation is the network message', async () => {
    config.mode = 'cloud';
    w.cloud.callFunction = (opts: { fail: (e: unknown) => void }) => opts.fail({ errMsg: 'cloud.callFunction:fail' });
    expect(await user.me()).toEqual(NETWORK_FAIL);
  });
});
