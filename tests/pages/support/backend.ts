/** Direct calls to the local cloud, to read and arrange backend state around a page test. */
import http from 'http';
import { DEMO_COMMUNITY } from '../../../demo/community';

export async function callFn<T = unknown>(openid: string, fn: string, event: Record<string, unknown>): Promise<T> {
  const base = process.env.HONGLIN_URL;
  if (!base) throw new Error('HONGLIN_URL is not set: page tests need the local cloud running');
  const body = JSON.stringify(event);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(`/fn/${fn}`, base),
      { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `user.me` for `openid`, failing the test when the backend says no. */
export async function meOf(openid: string) {
  const res = await callFn<{ ok: boolean; data?: { me: import('../../../typings/user').Me }; message?: string }>(
    openid,
    'user',
    { action: 'me' },
  );
  if (!res.ok || !res.data) throw new Error(`user.me for ${openid} failed: ${res.message}`);
  return res.data.me;
}

/** An openid nobody has used before. */
export function freshOpenid(prefix = 'test'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A new resident of the demo community, joined by scanning its poster. Tests that change a person
 * use one of these: other suites rely on the seeded demo people staying as seeded.
 */
export async function newResident(prefix = 'resident'): Promise<string> {
  const openid = freshOpenid(prefix);
  const res = await callFn<{ ok: boolean; message?: string }>(openid, 'user', {
    action: 'login',
    scene: `c=${DEMO_COMMUNITY.code}`,
  });
  if (!res.ok) throw new Error(`login for a new resident failed: ${res.message}`);
  return openid;
}

/** Calls `fn.action` as `openid` and unwraps the data, failing the test when the backend says no. */
export async function okFn<T = any>(openid: string, fn: string, event: Record<string, unknown>): Promise<T> {
  const res = await callFn<{ ok: boolean; data?: T; code?: string; message?: string }>(openid, fn, event);
  if (!res.ok) throw new Error(`${fn}.${String(event.action)} as ${openid} failed: ${res.code} ${res.message}`);
  return res.data as T;
}

/** A new volunteer of the demo community, invited by 陈书记 (the demo volunteer's claim cap is shared). */
export async function newVolunteer(prefix = 'volunteer', displayName?: string): Promise<string> {
  const openid = await newResident(prefix);
  if (displayName) await okFn(openid, 'user', { action: 'updateProfile', displayName });
  const { invite } = await okFn<{ invite: { code: string } }>('demo-staff', 'user', { action: 'createInvite', role: 'volunteer' });
  await okFn(openid, 'user', { action: 'redeemInvite', code: invite.code });
  return openid;
}

/** Makes the local cloud's stand-in for one WeChat open API fail for one person (or heal again). */
export async function openApiFault(api: string, mode: 'error' | 'timeout' | 'off', openid: string): Promise<void> {
  const base = process.env.HONGLIN_URL;
  if (!base) throw new Error('HONGLIN_URL is not set: page tests need the local cloud running');
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(new URL('/openapi/faults', base), { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ api, mode, openid }));
  });
  if (status !== 200) throw new Error(`fault switch answered ${status}`);
}
