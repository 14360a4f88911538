import fs from 'node:fs';
import path from 'node:path';

/** One durable change: a document written whole, or removed. */
export interface Change {
  c: string;
  id: string;
  /** EJSON of the document after the change; absent when removed. */
  d?: string;
  /** Marks a collection's own entry (id ''): `d` is then its catalogue entry, indexes and rule. */
  k?: 'collection';
}

/**
 * Append-only log with group commit. Every batch is one line, so a transaction is all or nothing
 * on replay; a torn last line (the process killed mid-write) is dropped.
 */
export class Journal {
  private readonly logPath: string;
  private readonly snapPath: string;
  private fd = -1;
  private pending: string[] = [];
  private waiters: Array<() => void> = [];
  private flushing: Promise<void> | null = null;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.logPath = path.join(dir, 'db.log');
    this.snapPath = path.join(dir, 'db.snapshot');
  }

  /** Reads snapshot then log; compacts both into a fresh snapshot; opens the log for appends. */
  open(apply: (change: Change) => void, dump: () => Iterable<Change>): void {
    for (const line of readLines(this.snapPath)) apply(JSON.parse(line));
    for (const line of readLines(this.logPath)) {
      let batch: Change[];
      try {
        batch = JSON.parse(line);
      } catch {
        break; // torn tail: never acknowledged
      }
      batch.forEach(apply);
    }
    const tmp = `${this.snapPath}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    let buf: string[] = [];
    for (const ch of dump()) {
      buf.push(JSON.stringify(ch));
      if (buf.length >= 1000) {
        fs.writeSync(fd, buf.join('\n') + '\n');
        buf = [];
      }
    }
    if (buf.length) fs.writeSync(fd, buf.join('\n') + '\n');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.snapPath);
    this.fd = fs.openSync(this.logPath, 'w');
    fs.fsyncSync(this.fd);
  }

  append(batch: Change[]): void {
    if (batch.length) this.pending.push(JSON.stringify(batch));
  }

  /** Resolves once everything appended so far is on disk. */
  durable(): Promise<void> {
    if (!this.pending.length && !this.flushing) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
  }

  private async flush(): Promise<void> {
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    if (lines.length) {
      await writeAll(this.fd, lines.join('\n') + '\n');
      await new Promise<void>((res, rej) => fs.fdatasync(this.fd, (e) => (e ? rej(e) : res())));
    }
    waiters.forEach((w) => w());
    this.flushing = null;
    if (this.pending.length || this.waiters.length) this.schedule();
  }

  close(): void {
    if (this.fd >= 0) {
      if (this.pending.length) fs.writeSync(this.fd, this.pending.join('\n') + '\n');
      this.pending = [];
      fs.closeSync(this.fd);
      this.fd = -1;
    }
  }
}

function readLines(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

function writeAll(fd: number, text: string): Promise<void> {
  const buf = Buffer.from(text);
  return new Promise((resolve, reject) => {
    const step = (offset: number) =>
      fs.write(fd, buf, offset, buf.length - offset, null, (err, n) => {
        if (err) return reject(err);
        if (offset + n < buf.length) step(offset + n);
        else resolve();
      });
    step(0);
  });
}
