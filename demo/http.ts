import type { Result } from '../typings/api';
import type { Call } from './alive';

/** Calls the local cloud's functions as a person (the `x-openid` header stands in for WeChat's identity). */
export function httpCaller(baseUrl: string): Call {
  return async (fn, event, openid) => {
    const res = await fetch(`${baseUrl}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-openid': openid },
      body: JSON.stringify(event),
    });
    if (res.status !== 200) return { ok: false, code: 'INTERNAL', message: `${fn} answered ${res.status}` };
    return (await res.json()) as Result<unknown>;
  };
}
