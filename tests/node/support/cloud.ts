import tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import type { Result } from '../../../typings/api';

export const cloudUrl = (): string => {
  const url = process.env.HONGLIN_URL;
  if (!url) throw new Error('HONGLIN_URL is not set: the jest global setup starts the local cloud');
  return url;
};

/** The local cloud's secret for its database endpoint, which the SDK sends as its session token. */
export const cloudSecret = (): string => {
  const secret = process.env.HONGLIN_SECRET;
  if (!secret) throw new Error('HONGLIN_SECRET is not set: the jest global setup starts the local cloud');
  return secret;
};

/**
 * The real SDK pointed at the local cloud, as a function instance sees it. The test process shares
 * Node's keep-alive sockets across the suite; with `keepalive` the SDK keeps its own and sends a
 * request again when a reused socket was reset under it (as it does outside a function instance),
 * which a loaded machine otherwise turns into a failed test.
 */
export function sdk() {
  return tcb.init({ env: 'local', serviceUrl: `${cloudUrl()}/admin`, secretId: 'local', secretKey: 'local', sessionToken: cloudSecret(), timeout: 30000, keepalive: true });
}

/** Calls a function the way the mini-program's local transport does. */
export async function call<T = any>(fn: string, event: unknown, openid?: string): Promise<Result<T>> {
  const res = await fetch(`${cloudUrl()}/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-openid': openid } : {}) },
    body: JSON.stringify(event),
  });
  if (res.status !== 200) throw new Error(`function ${fn} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Result<T>;
}

/** Like `call`, but unwraps `{ok:true,data}` and fails loudly otherwise. */
export async function ok<T = any>(fn: string, event: unknown, openid?: string): Promise<T> {
  const r = await call<T>(fn, event, openid);
  if (!r.ok) throw new Error(`${fn}.${(event as any).action} failed: ${r.code} ${r.message}`);
  return r.data;
}

export const uniqueOpenid = (prefix = 'test') => `${prefix}-${randomBytes(6).toString('hex')}`;
export const newRequestId = () => `req-${randomBytes(8).toString('hex')}`;

/** Every document of some collections, to prove a failed call changed nothing. */
export async function snapshot(collections: string[]): Promise<Record<string, unknown[]>> {
  const db = sdk().database();
  const out: Record<string, unknown[]> = {};
  for (const c of collections) {
    const res = await db.collection(c).orderBy('_id', 'asc').limit(1000).get();
    out[c] = res.data;
  }
  return out;
}
