import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.csv': 'text/csv; charset=utf-8',
};

/** What `wx.cloud.uploadFile` and `getTempFileURL` do, on the local disk. */
export class FileStorage {
  constructor(
    private readonly dir: string,
    private readonly baseUrl: () => string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Stores bytes under a cloud path; returns a cloud file id like CloudBase's. */
  put(cloudPath: string, bytes: Buffer): string {
    const safe = sanitize(cloudPath) || `upload/${randomBytes(8).toString('hex')}`;
    const file = path.join(this.dir, safe);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    return `cloud://local.honglin/${safe}`;
  }

  url(fileId: string): string | undefined {
    const rel = this.relative(fileId);
    return rel && fs.existsSync(path.join(this.dir, rel)) ? `${this.baseUrl()}/files/${rel}` : undefined;
  }

  read(rel: string): { bytes: Buffer; type: string } | undefined {
    const safe = sanitize(rel);
    const file = path.join(this.dir, safe);
    if (!safe || !fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined;
    return { bytes: fs.readFileSync(file), type: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
  }

  remove(fileId: string): boolean {
    const rel = this.relative(fileId);
    if (!rel) return false;
    fs.rmSync(path.join(this.dir, rel), { force: true });
    return true;
  }

  private relative(fileId: string): string | undefined {
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
    return m ? sanitize(m[1]) : undefined;
  }
}

/** Keeps paths inside the storage folder. */
function sanitize(p: string): string {
  return p
    .split('/')
    .filter((s) => s && s !== '.' && s !== '..')
    .map((s) => s.replace(/[^\w.\-\u4e00-\u9fa5]/g, '_'))
    .join('/');
}
