/**
 * wx.request and file transfer, to the local cloud this page came from; wx.cloud in the same way
 * (`callFunction` is `POST /fn/<name>` with the person's openid, as local mode does).
 */
import { addTempFile, fileAt, sameOrigin } from '../files';
import { api, fail } from '../../../wx-common/callbacks';
import { getStorageSync } from './storage';

let inflight = 0;
/** Calls still on the wire (the tests wait for none). */
export const pendingRequests = () => inflight;

function withQuery(url: string, data: unknown): string {
  if (!data || typeof data !== 'object') return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(data)) params.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  return `${url}${url.includes('?') ? '&' : '?'}${params}`;
}

function request(opts: Record<string, any>) {
  const controller = new AbortController();
  const method = String(opts.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(opts.header ?? {}) };
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  let url = sameOrigin(opts.url);
  let body: BodyInit | undefined;
  if (method === 'GET' || method === 'HEAD') url = withQuery(url, opts.data);
  else if (opts.data instanceof ArrayBuffer || typeof opts.data === 'string') body = opts.data;
  else if (opts.data !== undefined) body = type.includes('x-www-form-urlencoded') ? new URLSearchParams(opts.data).toString() : JSON.stringify(opts.data);
  const timeout = setTimeout(() => controller.abort(), opts.timeout ?? 60000);
  const result = api('request', async () => {
    inflight++;
    try {
      const res = await fetch(url, { method, headers, body, signal: controller.signal });
      let data: unknown;
      if (opts.responseType === 'arraybuffer') data = await res.arrayBuffer();
      else {
        const text = await res.text();
        data = text;
        if ((opts.dataType ?? 'json') === 'json') {
          try {
            data = JSON.parse(text);
          } catch {
            data = text;
          }
        }
      }
      return { data, statusCode: res.status, header: Object.fromEntries(res.headers.entries()), cookies: [] };
    } catch (e) {
      throw fail('request', controller.signal.aborted ? 'abort' : (e as Error).message);
    } finally {
      clearTimeout(timeout);
      inflight--;
    }
  })(opts);
  const task = { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {} };
  return result === undefined ? task : Object.assign(result, task);
}

async function postFile(url: string, filePath: string, name: string, formData: Record<string, string> = {}, header: Record<string, string> = {}) {
  const file = fileAt(filePath);
  if (!file) throw fail('uploadFile', `file not found ${filePath}`);
  const form = new FormData();
  for (const [k, v] of Object.entries(formData)) form.append(k, v);
  form.append(name, file.blob, filePath.split('/').pop());
  const headers = Object.fromEntries(Object.entries(header).filter(([k]) => k.toLowerCase() !== 'content-type'));
  inflight++;
  try {
    const res = await fetch(sameOrigin(url), { method: 'POST', body: form, headers });
    return { data: await res.text(), statusCode: res.status };
  } finally {
    inflight--;
  }
}

const uploadFile = (opts: Record<string, any>) => {
  const r = api('uploadFile', () => postFile(opts.url, opts.filePath, opts.name, opts.formData, opts.header))(opts);
  const task = { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
  return r === undefined ? task : Object.assign(r, task);
};

const downloadFile = api('downloadFile', async ({ url }) => {
  inflight++;
  try {
    const res = await fetch(sameOrigin(url));
    const blob = await res.blob();
    return { tempFilePath: addTempFile(blob, new URL(url, location.href).pathname.split('/').pop() || 'file'), statusCode: res.status };
  } finally {
    inflight--;
  }
});

function openid(): string {
  return String(getStorageSync('hl.devOpenid') || '');
}

export const cloud = {
  init() {},
  callFunction: api('cloud.callFunction', async ({ name, data }) => {
    inflight++;
    try {
      const res = await fetch(`/fn/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-openid': openid() },
        body: JSON.stringify(data ?? {}),
      });
      if (!res.ok) throw fail('cloud.callFunction', `${res.status}`);
      return { result: await res.json(), requestID: 'preview' };
    } finally {
      inflight--;
    }
  }),
  uploadFile: api('cloud.uploadFile', async ({ cloudPath, filePath }) => {
    const res = await postFile('/storage/upload', filePath, 'file', { cloudPath });
    return { fileID: JSON.parse(res.data).fileID, statusCode: res.statusCode };
  }),
  getTempFileURL: api('cloud.getTempFileURL', ({ fileList }) => ({
    fileList: (fileList ?? []).map((f: string | { fileID: string }) => {
      const id = typeof f === 'string' ? f : f.fileID;
      return { fileID: id, tempFileURL: `${location.origin}/files/${id.replace(/^cloud:\/\/[^/]+\//, '')}`, status: 0 };
    }),
  })),
};

export const networkApis = { request, uploadFile, downloadFile };
