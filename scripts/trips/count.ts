import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalCloudRef {
  url: string;
  secret: string;
}

export interface Trips<T> {
  /** Database requests outside a transaction: each one a network round trip on CloudBase. */
  requests: number;
  /** Requests that belong to a transaction (start, its reads and writes, commit or abort). */
  transactional: number;
  /** Bytes of the response the caller receives, as JSON. */
  bytes: number;
  ms: number;
  result: T;
}

/**
 * Runs a function's handler in this process, as a function instance runs it (the environment the
 * local cloud gives its instances), with its database requests going through a counter in front of
 * the local cloud: how many round trips one call costs. One call at a time: the environment is the
 * process's own.
 */
export async function countTrips<T>(cloud: LocalCloudRef, openid: string, fn: () => Promise<T>): Promise<Trips<T>> {
  let requests = 0;
  let transactional = 0;
  const target = new URL(`${cloud.url}/admin`);
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      // The SDK names the transaction in each request that belongs to one.
      if (/Transaction"|"transactionId"/.test(body.toString('utf8'))) transactional++;
      else requests++;
      const out = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const saved = { ...process.env };
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'local',
    TCB_ENV: 'local',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_SESSIONTOKEN: cloud.secret,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/admin` }),
    WX_OPENID: openid,
    WX_CONTEXT_KEYS: 'WX_OPENID',
  });
  try {
    const started = performance.now();
    const result = await fn();
    const ms = performance.now() - started;
    return { requests, transactional, bytes: Buffer.byteLength(JSON.stringify(result)), ms, result };
  } finally {
    process.env = saved;
    await new Promise((r) => proxy.close(r));
  }
}
