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

export type Placed = { fileID: string } | { refused: string };

/**
 * What `wx.cloud.uploadFile` and `getTempFileURL` do, on the local disk. As CloudBase's default
 * storage rule (only the creator writes), a file at a cloud path belongs to whoever put it there:
 * only they may overwrite it. Owners and uploads in progress live beside the folder, out of reach
 * of /files/.
 */
export class FileStorage {
  private readonly ownersFile: string;
  private readonly incomingDir: string;
  private readonly owners: Map<string, string>;

  constructor(
    private readonly dir: string,
    private readonly baseUrl: () => string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.ownersFile = `${dir}.owners.json`;
    this.incomingDir = `${dir}.incoming`;
    fs.rmSync(this.incomingDir, { recursive: true, force: true });
    fs.mkdirSync(this.incomingDir, { recursive: true });
    this.owners = new Map(fs.existsSync(this.ownersFile) ? Object.entries(JSON.parse(fs.readFileSync(this.ownersFile, 'utf8'))) : []);
  }

  /** A fresh file to stream an upload into, on the same disk so it can be renamed into place. */
  incoming(): string {
    return path.join(this.incomingDir, randomBytes(12).toString('hex'));
  }

  /**
   * Moves an uploaded file to its cloud path; returns a cloud file id like CloudBase's. A path that
   * is taken is refused unless `owner` put the file there (no openid owns nothing).
   */
  place(cloudPath: string, upload: string, owner: string | undefined): Placed {
    const safe = sanitize(cloudPath) || `upload/${randomBytes(8).toString('hex')}`;
    const file = path.join(this.dir, safe);
    if (fs.existsSync(file) && (!owner || this.owners.get(safe) !== owner)) {
      fs.rmSync(upload, { force: true });
      return { refused: `${safe} belongs to another user` };
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.renameSync(upload, file);
    if (owner) this.owners.set(safe, owner);
    else this.owners.delete(safe);
    this.saveOwners();
    return { fileID: `cloud://local.honglin/${safe}` };
  }

  url(fileId: string): string | undefined {
    const rel = this.relative(fileId);
    return rel && fs.existsSync(path.join(this.dir, rel)) ? `${this.baseUrl()}/files/${rel}` : undefined;
  }

  /** Where a stored file is on disk, to be streamed out. */
  read(rel: string): { file: string; size: number; type: string } | undefined {
    const safe = sanitize(rel);
    const file = path.join(this.dir, safe);
    const stat = safe ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!stat?.isFile()) return undefined;
    return { file, size: stat.size, type: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
  }

  remove(fileId: string): boolean {
    const rel = this.relative(fileId);
    if (!rel) return false;
    fs.rmSync(path.join(this.dir, rel), { force: true });
    this.owners.delete(rel);
    this.saveOwners();
    return true;
  }

  private relative(fileId: string): string | undefined {
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
    return m ? sanitize(m[1]) : undefined;
  }

  private saveOwners(): void {
    const tmp = `${this.ownersFile}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.owners)));
    fs.renameSync(tmp, this.ownersFile);
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
