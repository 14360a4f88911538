/**
 * File storage: a file at a cloud path belongs to whoever put it there; a file over the limit is
 * refused whole (never kept cut short), and so is a request over the total; a broken escape in a
 * path is the caller's mistake (400).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { cloudUrl } from '../support/cloud';

const MB = 1024 * 1024;

async function upload(cloudPath: string, bytes: Buffer, openid?: string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([bytes]), 'photo.png');
  const res = await fetch(`${cloudUrl()}/storage/upload`, { method: 'POST', body: form, headers: openid ? { 'x-openid': openid } : {} });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

const fileAt = async (cloudPath: string) => {
  const res = await fetch(`${cloudUrl()}/files/${cloudPath}`);
  return res.status === 200 ? Buffer.from(await res.arrayBuffer()) : res.status;
};

/**
 * A multipart upload of `files` parts of `size` zero bytes each, streamed; `chunked` leaves out
 * content-length. Resolves with the status as soon as the server answers.
 */
function streamUpload(cloudPath: string, files: number, size: number, chunked = false): Promise<number> {
  const boundary = `----hl${randomBytes(8).toString('hex')}`;
  const head = (i: number) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file${i}"; filename="f${i}.png"\r\ncontent-type: image/png\r\n\r\n`);
  const field = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="cloudPath"\r\n\r\n${cloudPath}\r\n`);
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length = field.length + tail.length + Array.from({ length: files }, (_, i) => head(i).length + size + 2).reduce((a, b) => a + b, 0);
  const headers: Record<string, string | number> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (!chunked) headers['content-length'] = length;
  return new Promise((resolve, reject) => {
    const req = http.request(new URL('/storage/upload', cloudUrl()), { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // An error after the answer is the server closing under the rest of the body.
    req.on('error', (e) => reject(e));
    const chunk = Buffer.alloc(256 * 1024);
    (async () => {
      // The server closes the connection once it has answered: stop writing then.
      const write = (b: Buffer) =>
        new Promise<void>((ok) => {
          if (req.write(b)) return ok();
          const go = () => {
            req.off('drain', go).off('close', go);
            ok();
          };
          req.on('drain', go).on('close', go);
        });
      await write(field);
      for (let i = 0; i < files && !req.destroyed; i++) {
        await write(head(i));
        for (let left = size; left > 0 && !req.destroyed; left -= chunk.length) await write(chunk.subarray(0, Math.min(chunk.length, left)));
        await write(Buffer.from('\r\n'));
      }
      if (!req.destroyed) req.end(tail);
    })().catch(() => undefined);
  });
}

describe('file storage', () => {
  it('keeps a file for its owner: another caller cannot overwrite it', async () => {
    const p = `wish/${randomBytes(4).toString('hex')}/photo.png`;
    expect((await upload(p, Buffer.from('alice-1'), 'alice')).status).toBe(200);
    const bob = await upload(p, Buffer.from('bob'), 'bob');
    expect(bob.status).toBe(403);
    const nobody = await upload(p, Buffer.from('nobody'));
    expect(nobody.status).toBe(403);
    expect(String(await fileAt(p))).toBe('alice-1');
    expect((await upload(p, Buffer.from('alice-2'), 'alice')).status).toBe(200);
    expect(String(await fileAt(p))).toBe('alice-2');
  });

  it('refuses a file over 10 MB whole instead of keeping it cut short', async () => {
    const p = `wish/${randomBytes(4).toString('hex')}/big.png`;
    const res = await upload(p, Buffer.alloc(11 * MB, 1), 'alice');
    expect(res.status).toBe(413);
    expect(await fileAt(p)).toBe(404);
    const chunked = await streamUpload(`wish/${randomBytes(4).toString('hex')}/big.png`, 1, 11 * MB, true);
    expect(chunked).toBe(413);
  });

  it('refuses a request over the total limit, however it is split', async () => {
    const p = `wish/${randomBytes(4).toString('hex')}/many.png`;
    expect(await streamUpload(p, 12, 10 * MB)).toBe(413);
    expect(await streamUpload(p, 12, 10 * MB, true)).toBe(413);
    expect(await fileAt(p)).toBe(404);
  });

  it('answers a malformed escape in a path with 400', async () => {
    for (const [method, path] of [
      ['GET', '/files/wish/%E0%A4%A.png'],
      ['POST', '/fn/%E0%A4%A'],
      ['POST', '/timers/%zz/daily'],
    ]) {
      const res = await fetch(`${cloudUrl()}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      expect([path, res.status]).toEqual([path, 400]);
    }
  });
});
