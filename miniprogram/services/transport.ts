import type { Fail, Result } from '../../typings/api';
import config from '../config';

/** Storage key of the openid used against the local cloud (stands in for WeChat's real identity). */
export const DEV_OPENID_KEY = 'hl.devOpenid';

/** No answer came back (no network, a timeout): never to be read as a business answer such as 未加入社区. */
export const NETWORK_FAIL: Fail = { ok: false, code: 'INTERNAL', message: '网络不给力，请检查网络后重试' };

/** The request and response types of every action of one cloud function (see typings/). */
export type FnApi<Api> = { [A in keyof Api]: { req: object; res: unknown } };

export interface CallOptions {
  /** Mutating actions get a fresh requestId unless the caller passed one. */
  mutating?: boolean;
}

let seq = 0;

export function newRequestId(): string {
  seq = (seq + 1) % 1e6;
  return `${Date.now().toString(36)}-${seq.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function devOpenid(): string {
  let id = wx.getStorageSync(DEV_OPENID_KEY) as string;
  if (!id) {
    // A stable made-up identity per device, so a developer is one person across restarts.
    id = `dev-${Math.random().toString(36).slice(2, 12)}`;
    wx.setStorageSync(DEV_OPENID_KEY, id);
  }
  return id;
}

function isResult(body: unknown): body is Result<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

function viaHttp(fn: string, data: object): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    wx.request({
      url: `${config.localCloudUrl}/fn/${fn}`,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json', 'x-openid': devOpenid() },
      success: (res) => resolve(isResult(res.data) ? res.data : NETWORK_FAIL),
      fail: () => resolve(NETWORK_FAIL),
    });
  });
}

function viaCloud(fn: string, data: object): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    wx.cloud.callFunction({
      name: fn,
      data,
      success: (res) => resolve(isResult(res.result) ? res.result : NETWORK_FAIL),
      fail: () => resolve(NETWORK_FAIL),
    });
  });
}

/**
 * Calls action `action` of cloud function `fn`. The only place that talks to the backend.
 * Never rejects: failures come back as `{ ok: false, code, message }`.
 */
export function call<Api extends FnApi<Api>, A extends keyof Api & string>(
  fn: string,
  action: A,
  payload: Api[A]['req'],
  options: CallOptions = {},
): Promise<Result<Api[A]['res']>> {
  const data: Record<string, unknown> = { ...payload, action };
  if (options.mutating && !data.requestId) data.requestId = newRequestId();
  const send = config.mode === 'cloud' ? viaCloud : viaHttp;
  return send(fn, data) as Promise<Result<Api[A]['res']>>;
}

/** One cloud function's actions as functions: `read('list')`, and `write('claim')` that sends a requestId. */
export function actionsOf<Api extends FnApi<Api>>(fn: string) {
  return {
    read:
      <A extends keyof Api & string>(action: A) =>
      (req: Api[A]['req']) =>
        call<Api, A>(fn, action, req),
    write:
      <A extends keyof Api & string>(action: A) =>
      (req: Api[A]['req']) =>
        call<Api, A>(fn, action, req, { mutating: true }),
  };
}
