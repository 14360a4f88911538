import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { Journal, JournalOptions } from './db/journal';
import { DatabaseEndpoint } from './db/endpoint';
import { ShapeLog } from './db/shapes';
import { FunctionHost, FunctionSpec } from './functions/host';
import { FileStorage } from './storage';
import { receiveUpload } from './upload';
import { HttpError, MAX_BODY, isJson, parseJson, readBody, tooLarge } from './http-body';
import { admit, allowOrigin, sameSecret } from './guard';
import { Timers, TimerSpec } from './timers';
import { CloudRefusal, OpenApiFaults, openApi } from './openapi';
import { FUNCTIONS_DIR, functionConfig, functionNames } from './functions/discovery';
import { bundleFunctions } from './functions/bundle';
import { applyCollections, dbAdmin } from './db/admin';
import { readCollectionsFile } from './db/schema';
import { createPreview } from './preview';
import type { PreviewProfile } from './preview/html';

export interface LocalCloudOptions {
  port?: number;
  dataDir: string;
  /** Bundle the functions before starting (skip when already built). */
  build?: boolean;
  /** Run timer triggers on their schedule. */
  timers?: boolean;
  maxInstances?: number;
  /**
   * The collections file created at start, as a deploy would (database/collections.json by
   * default); false starts with none, like a fresh CloudBase environment.
   */
  collections?: string | false;
  /** The accounts and place the browser preview offers (the demo community's, for npm start). */
  preview?: PreviewProfile;
  /** The journal's disk writes; tests fill the disk through it. */
  disk?: JournalOptions;
  /** A file to append the shape of every query the functions send (HONGLIN_QUERY_SHAPES by default); the test run checks them against the indexes. */
  queryShapes?: string;
}

const COLLECTIONS_FILE = path.resolve(__dirname, '../database/collections.json');

export interface LocalCloud {
  url: string;
  port: number;
  db: DatabaseEndpoint;
  /**
   * This start's secret for the raw database endpoint (`/admin`): the SDK sends it as its
   * `sessionToken`. Also in `<dataDir>/secret`, for tools on this machine.
   */
  secret: string;
  invoke(fn: string, event: unknown, openid?: string): Promise<unknown>;
  fireTimer(fn: string, name: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  if (opts.build !== false) await bundleFunctions();
  const journal = new Journal(path.join(opts.dataDir, 'db'), opts.disk);
  const shapesFile = opts.queryShapes ?? process.env.HONGLIN_QUERY_SHAPES;
  const db = new DatabaseEndpoint(journal, shapesFile ? new ShapeLog(shapesFile) : undefined);
  if (opts.collections !== false) {
    applyCollections(db.store, readCollectionsFile(opts.collections ?? COLLECTIONS_FILE));
    await db.store.durable();
  }
  const secret = randomBytes(24).toString('hex');
  fs.writeFileSync(path.join(opts.dataDir, 'secret'), `${secret}\n`, { mode: 0o600 });
  let baseUrl = '';
  const storage = new FileStorage(path.join(opts.dataDir, 'files'), () => baseUrl);

  const specs = new Map<string, FunctionSpec>();
  const timerSpecs: TimerSpec[] = [];
  for (const name of functionNames()) {
    const cfg = functionConfig(name);
    specs.set(name, { name, entry: path.join(FUNCTIONS_DIR, name, 'index.js'), timeoutMs: (cfg.timeout ?? 20) * 1000 });
    for (const t of cfg.triggers ?? []) if (t.type === 'timer') timerSpecs.push({ fn: name, name: t.name, config: t.config });
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError && e.status === 413) {
        // Read no more of it: answer, then close the connection under the rest.
        res.setHeader('connection', 'close');
        req.resume();
      }
      if (e instanceof HttpError) return send(res, e.status, { errCode: -1, errMsg: e.message });
      if (e instanceof URIError) return send(res, 400, { errCode: -1, errMsg: 'malformed escape in the path' });
      send(res, 500, { code: 'INTERNAL', message: String(e?.message ?? e) });
    });
  });
  // Node's clients drop idle sockets after 5 s, the server's default too: a request sent on a
  // socket just as the server drops it fails with ECONNRESET. Let the clients close first.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  const host = new FunctionHost(specs, baseUrl, opts.maxInstances ?? 4, secret);

  // The mini-program in a browser, at `/`; built when first asked for.
  const preview = createPreview(opts.preview);
  // Tests make an open API fail (POST /openapi/faults), to see content checks fail closed.
  const faults = new OpenApiFaults();

  const timerEvent = (s: TimerSpec) => ({ Type: 'Timer', TriggerName: s.name, Time: new Date().toISOString(), Message: '' });
  const timers = new Timers(timerSpecs, (s) => host.invoke(s.fn, { event: timerEvent(s), trigger: 'timer' }));
  if (opts.timers) timers.start();

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const admitted = admit(req, port);
    if (!admitted.ok) return send(res, 403, { errCode: -1, errMsg: admitted.message });
    allowOrigin(res, admitted.origin);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, { ok: true, functions: [...specs.keys()] });

    if (req.method === 'POST' && url.pathname.startsWith('/fn/')) {
      const name = decodeURIComponent(url.pathname.slice(4));
      if (!host.has(name)) return send(res, 404, { errCode: -501000, errMsg: `FunctionName parameter could not be found: ${name}` });
      // A page can send text/plain without asking its browser first; JSON it must ask about.
      if (!isJson(req)) return send(res, 415, { errCode: -1, errMsg: 'event must be sent as application/json' });
      const event = parseJson(await readBody(req));
      if (event === undefined) return send(res, 400, { errCode: -1, errMsg: 'event must be JSON' });
      const openid = header(req, 'x-openid');
      const out = await host.invoke(name, { event, openid });
      return out.ok ? send(res, 200, out.result) : send(res, 502, { errCode: -504002, errMsg: out.error });
    }

    if (req.method === 'POST' && url.pathname.startsWith('/timers/')) {
      const [, , fn, name] = url.pathname.split('/').map(decodeURIComponent);
      const spec = timers.find(fn, name);
      if (!spec) return send(res, 404, { message: `no timer ${fn}/${name}` });
      const out = await host.invoke(fn, { event: timerEvent(spec), trigger: 'timer' });
      return send(res, out.ok ? 200 : 502, out);
    }

    if (req.method === 'POST' && url.pathname === '/openapi/faults') {
      // Loopback callers only, and never a page in a browser (which would send an Origin).
      if (!isLoopback(req.socket.remoteAddress) || req.headers.origin) return send(res, 403, { message: 'loopback only' });
      const f = parseJson(await readBody(req)) as { api?: unknown; mode?: unknown; openid?: unknown } | undefined;
      const openid = typeof f?.openid === 'string' && f.openid ? f.openid : undefined;
      if (typeof f?.api !== 'string' || !['error', 'timeout', 'off'].includes(f.mode as string)) return send(res, 400, { message: 'expected {api, mode: error|timeout|off, openid?}' });
      faults.set(f.api, f.mode as 'error' | 'timeout' | 'off', openid);
      return send(res, 200, { ok: true });
    }

    if (url.pathname.startsWith('/db/')) {
      // Tools on this machine only, never a page in a browser (which would send an Origin).
      if (req.headers.origin) return send(res, 403, { message: 'not from a browser' });
      const out = await dbAdmin(db.store, req.method ?? 'GET', url.pathname, parseJson(await readBody(req)));
      if (out) return send(res, out.status, out.body);
    }

    if (req.method === 'POST' && url.pathname === '/storage/upload') {
      const placed = await receiveUpload(req, storage, header(req, 'x-openid'));
      if ('refused' in placed) return send(res, 403, { errCode: -1, errMsg: `uploadFile:fail ${placed.refused}` });
      return send(res, 200, { fileID: placed.fileID, url: storage.url(placed.fileID) });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const file = storage.read(decodeURIComponent(url.pathname.slice(7)));
      if (!file) return send(res, 404, { message: 'not found' });
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.size });
      return void fs.createReadStream(file.file).pipe(res);
    }

    // What @cloudbase/node-sdk posts to its service URL.
    if (req.method === 'POST' && url.pathname === '/admin') {
      if (String(req.headers['content-type']).startsWith('multipart/form-data')) return compatibleOpenApi(req, res);
      if (!isJson(req)) return send(res, 415, { code: 'INVALID_PARAM', message: 'expected application/json' });
      const p = parseJson(await readBody(req)) as Record<string, any> | undefined;
      if (!sameSecret(p?.sessionToken, secret)) return send(res, 200, wrongSecret());
      if (!p || typeof p.action !== 'string') return send(res, 200, { code: 'INVALID_PARAM', message: 'action required' });
      if (p.action.startsWith('database.')) return send(res, 200, await db.handle(p, functionSource(req)));
      if (p.action === 'storage.getTempFileURL' || p.action === 'storage.batchGetDownloadUrl') {
        const list = (p.file_list ?? []).map((f: { fileid: string }) => {
          const u = storage.url(f.fileid);
          return { fileID: f.fileid, tempFileURL: u ?? '', code: u ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
        });
        return send(res, 200, { requestId: 'local', data: { download_list: list } });
      }
      return send(res, 200, { code: 'INVALID_PARAM', message: `local cloud does not support ${p.action}` });
    }
    if (await preview.handle(req, res, url)) return;
    send(res, 404, { message: 'not found' });
  }

  /**
   * wx.openApi (云调用): multipart with a protobuf CommApiData in, a protobuf CommOpenApiResp out.
   * The caller's function is known from its wxCloudApiToken, as WeChat knows it from the real one.
   */
  async function compatibleOpenApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fields = await readForm(req);
    if (!sameSecret(fields.sessionToken, secret)) return send(res, 200, wrongSecret());
    if (fields.action !== 'wx.openApi') return send(res, 200, { code: 'INVALID_PARAM', message: `local cloud does not support ${fields.action}` });
    const caller = /^local:(.+)$/.exec(fields.wxCloudApiToken ?? '')?.[1];
    const allowed = caller && specs.has(caller) ? (functionConfig(caller).permissions?.openapi ?? []) : undefined;
    const requestData = Buffer.from(fields.requestData ?? '', 'latin1');
    const fault = faults.get(fields.apiName, requestData);
    // No answer until the caller gives up.
    if (fault === 'timeout') await new Promise<void>((resolve) => res.on('close', resolve));
    if (res.destroyed) return;
    let body: Buffer;
    try {
      body = await openApi(db.store, fields.apiName, requestData, allowed);
    } catch (e) {
      if (e instanceof CloudRefusal) return send(res, 200, { code: e.code, message: e.message, requestId: 'local' });
      throw e;
    }
    if (fault === 'error') body = OpenApiFaults.busy();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  }

  return {
    url: baseUrl,
    port,
    db,
    secret,
    async invoke(fn, event, openid) {
      const out = await host.invoke(fn, { event, openid });
      if (!out.ok) throw new Error(out.error);
      return out.result;
    },
    async fireTimer(fn, name) {
      const spec = timers.find(fn, name);
      if (!spec) throw new Error(`no timer ${fn}/${name}`);
      const out = await host.invoke(fn, { event: timerEvent(spec), trigger: 'timer' });
      if (!out.ok) throw new Error(out.error);
      return out.result;
    },
    async close() {
      timers.stop();
      host.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      journal.close();
    },
  };
}

function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

function readForm(req: http.IncomingMessage): Promise<Record<string, string>> {
  if (Number(req.headers['content-length']) > MAX_BODY) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    // latin1 maps each byte to one character, so a binary part (the protobuf) survives intact.
    const bb = busboy({ headers: req.headers, defCharset: 'latin1' });
    bb.on('field', (k, v) => (fields[k] = v));
    bb.on('file', (k, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (fields[k] = Buffer.concat(chunks).toString('latin1')));
    });
    bb.on('close', () => resolve(fields));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

/** The function that sent a request: the host names each instance in TCB_SOURCE, which the SDK sends as X-TCB-Source. */
function functionSource(req: http.IncomingMessage): string | undefined {
  return header(req, 'x-tcb-source')?.match(/^function:([\w-]+)/)?.[1];
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v ? v : undefined;
}

/** What CloudBase answers a request it cannot authenticate; the message says where the secret is. */
function wrongSecret(): Record<string, string> {
  return { code: 'SIGN_PARAM_INVALID', message: "the local cloud's /admin takes this start's secret (<dataDir>/secret) as the SDK's sessionToken", requestId: 'local' };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
