/**
 * The local cloud answers the preview and tools on this machine, not any web page a developer
 * happens to open: foreign origins and Host names are refused, a function call must be JSON (so a
 * browser preflights it), and the raw database endpoint takes the secret of this start.
 */
import http from 'node:http';
import tcb from '@cloudbase/node-sdk';
import { cloudUrl, sdk } from '../support/cloud';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node's http, so a test can send any Host and Origin. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(path, cloudUrl());
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const port = () => new URL(cloudUrl()).port;
const json = { 'content-type': 'application/json' };
const me = JSON.stringify({ action: 'me' });
const getUsers = JSON.stringify({ action: 'database.getDocument', collectionName: 'users', query: '{}', limit: 5 });

describe('who the local cloud answers', () => {
  it('refuses a page of another origin, and tells its browser nothing', async () => {
    const evil = { origin: 'https://evil.example' };
    const call = await raw('POST', '/fn/user', { ...json, ...evil, 'x-openid': 'demo-admin' }, me);
    expect(call.status).toBe(403);
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await raw('OPTIONS', '/fn/user', { ...evil, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-openid' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const admin = await raw('POST', '/admin', { 'content-type': 'text/plain', ...evil }, getUsers);
    expect(admin.status).toBe(403);
    expect(admin.body).not.toContain('demo-');
  });

  it('refuses a function call that is not JSON, so no browser sends one without asking first', async () => {
    const res = await raw('POST', '/fn/user', { 'content-type': 'text/plain', 'x-openid': 'demo-admin' }, me);
    expect(res.status).toBe(415);
  });

  it('refuses a Host that is not this machine (DNS rebinding)', async () => {
    for (const host of [`evil.example:${port()}`, 'evil.example', `127.0.0.1.evil.example:${port()}`, `localhost:${Number(port()) + 1}`]) {
      const res = await raw('POST', '/fn/user', { ...json, host, 'x-openid': 'demo-admin' }, me);
      expect([host, res.status]).toEqual([host, 403]);
      const page = await raw('GET', '/healthz', { host });
      expect([host, page.status]).toEqual([host, 403]);
    }
  });

  it('answers the preview at its own origin under every loopback name', async () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      const host = `${name}:${port()}`;
      const origin = `http://${host}`;
      const res = await raw('POST', '/fn/user', { ...json, host, origin, 'x-openid': 'demo-volunteer' }, me);
      expect([host, res.status]).toEqual([host, 200]);
      expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { me: { role: 'volunteer' } } });
      const preflight = await raw('OPTIONS', '/fn/user', { host, origin, 'access-control-request-method': 'POST' });
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    }
    // Tools and the mini-program in DevTools send no Origin at all.
    const devtools = await raw('POST', '/fn/user', { ...json, 'x-openid': 'demo-volunteer' }, me);
    expect(devtools.status).toBe(200);
  });

  it('takes the secret of this start on the raw database endpoint', async () => {
    const bare = await raw('POST', '/admin', json, getUsers);
    expect(bare.body).not.toContain('demo-');
    expect(JSON.parse(bare.body)).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    const guessed = tcb.init({ env: 'local', serviceUrl: `${cloudUrl()}/admin`, secretId: 'local', secretKey: 'local', sessionToken: 'local' });
    await expect(guessed.database().collection('users').limit(1).get()).rejects.toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    const { data } = await sdk().database().collection('users').limit(1).get();
    expect(data).toHaveLength(1);
  });
});
