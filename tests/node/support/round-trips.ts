import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudSecret, cloudUrl } from './cloud';

/**
 * Runs a function's handler in this process, as a function instance runs it (the same environment
 * the local cloud gives its instances), with its database requests going through a counter in front
 * of the local cloud: how many round trips one call costs.
 */
export async function roundTrips(fn: () => Promise<unknown>, openid: string): Promise<{ requests: number; result: unknown }> {
  let requests = 0;
  const target = new URL(`${cloudUrl()}/admin`);
  const proxy = http.createServer((req, res) => {
    requests++;
    const out = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(out);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const saved = { ...process.env };
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: 'local',
    TCB_ENV: 'local',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_SESSIONTOKEN: cloudSecret(),
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/admin` }),
    WX_OPENID: openid,
    WX_CONTEXT_KEYS: 'WX_OPENID',
  });
  try {
    const result = await fn();
    return { requests, result };
  } finally {
    process.env = saved;
    await new Promise((r) => proxy.close(r));
  }
}
