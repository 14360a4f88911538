import fs from 'node:fs';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { HttpError, tooLarge } from './http-body';
import { FileStorage, Placed } from './storage';

const MB = 1024 * 1024;
/** One file per upload, as wx.uploadFile sends; the request may carry a little more (its fields). */
export const MAX_FILE = 10 * MB;
export const MAX_UPLOAD = MAX_FILE + MB;

/**
 * `POST /storage/upload` (multipart, as wx.uploadFile): the file streams to disk, never whole in
 * memory. A file over MAX_FILE or a request over MAX_UPLOAD is refused with 413, never kept cut
 * short; parts after the first file are skipped.
 */
export async function receiveUpload(req: http.IncomingMessage, storage: FileStorage, owner: string | undefined): Promise<Placed> {
  if (Number(req.headers['content-length']) > MAX_UPLOAD) throw tooLarge(MAX_UPLOAD);
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: req.headers, limits: { fileSize: MAX_FILE, files: 1, fields: 20, fieldSize: 64 * 1024 } });
  } catch {
    throw new HttpError(400, 'expected multipart/form-data');
  }
  const fields: Record<string, string> = {};
  let upload: string | undefined;
  let written: Promise<void> | undefined;
  let abandon = () => undefined as void;
  const received = new Promise<void>((resolve, reject) => {
    let size = 0;
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.resume();
      abandon();
      reject(e);
    };
    // Counted as it arrives, so a request without content-length is stopped at the limit too.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_UPLOAD) fail(tooLarge(MAX_UPLOAD));
    });
    bb.on('field', (k, v) => (fields[k] = v));
    bb.on('file', (_name, stream) => {
      upload = storage.incoming();
      const out = fs.createWriteStream(upload);
      abandon = () => {
        stream.resume();
        out.destroy();
      };
      stream.on('limit', () => fail(tooLarge(MAX_FILE)));
      written = pipeline(stream, out);
      written.catch(() => undefined);
    });
    bb.on('close', () => (failed ? undefined : resolve()));
    bb.on('error', (e) => fail(new HttpError(400, `malformed upload: ${(e as Error).message}`)));
    req.pipe(bb);
  });
  try {
    await received;
    if (!upload || !written) throw new HttpError(400, 'uploadFile:fail no file');
    await written;
  } catch (e) {
    if (upload) fs.rmSync(upload, { force: true });
    throw e;
  }
  return storage.place(fields.cloudPath ?? '', upload, owner);
}
