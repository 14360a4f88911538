import fs from 'node:fs';
import path from 'node:path';
import { readJournalFile, sealLine } from './journal-lines';

/** One durable change: a document written whole, or removed. */
export interface Change {
  c: string;
  id: string;
  /** EJSON of the document after the change; absent when removed. */
  d?: string;
  /** Marks a collection's own entry (id ''): `d` is then its catalogue entry, indexes and rule. */
  k?: 'collection';
}

/** Writes all of `bytes` at `position` of the open file; the seam a test fills the disk through. */
export type DiskWrite = (fd: number, bytes: Buffer, position: number) => Promise<void>;

export interface JournalOptions {
  write?: DiskWrite;
}

/** A batch the disk did not take: nothing of it was kept, in memory or on disk. */
export class JournalWriteError extends Error {
  constructor(cause: unknown) {
    super(`the journal could not be written, so this write was not kept: ${(cause as Error)?.message ?? cause}`);
  }
}

interface Entry {
  line: string;
  /** Takes the batch back out of memory if the disk refuses it. */
  undo?: () => void;
}

interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * Append-only log with group commit. Every batch is one checksummed line, so a transaction is all
 * or nothing on replay; a torn last line (the process killed mid-write) is dropped, any other
 * damage stops the start (see journal-lines.ts).
 */
export class Journal {
  private readonly logPath: string;
  private readonly snapPath: string;
  private readonly write: DiskWrite;
  private fd = -1;
  /** Bytes of the log known to be on disk; a failed write is cut back to here. */
  private size = 0;
  /** Where the next write goes: past a write still in flight. */
  private end = 0;
  private pending: Entry[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;

  constructor(dir: string, opts: JournalOptions = {}) {
    fs.mkdirSync(dir, { recursive: true });
    this.logPath = path.join(dir, 'db.log');
    this.snapPath = path.join(dir, 'db.snapshot');
    this.write = opts.write ?? writeAt;
  }

  /**
   * Reads snapshot then log; compacts both into a fresh snapshot; opens the log for appends.
   * Both files are read whole before anything is written, so damage found leaves them untouched.
   */
  open(apply: (change: Change) => void, dump: () => Iterable<Change>): void {
    const snapshot = readJournalFile(this.snapPath, false) as Change[];
    const log = readJournalFile(this.logPath, true) as Change[][];
    snapshot.forEach(apply);
    for (const batch of log) batch.forEach(apply);
    const tmp = `${this.snapPath}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    let buf: string[] = [];
    for (const ch of dump()) {
      buf.push(sealLine(JSON.stringify(ch)));
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
    this.size = this.end = 0;
  }

  append(batch: Change[], undo?: () => void): void {
    if (batch.length) this.pending.push({ line: sealLine(JSON.stringify(batch)), undo });
  }

  /**
   * Resolves once everything appended so far is on disk; rejects with JournalWriteError if the
   * disk refused it, and then none of it is in memory either.
   */
  durable(): Promise<void> {
    if (!this.pending.length && !this.flushing) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
  }

  /** Never rejects: a failure goes to the waiters of the writes it cost. */
  private async flush(): Promise<void> {
    const group = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    let failure: JournalWriteError | undefined;
    if (group.length) {
      const bytes = Buffer.from(group.map((e) => e.line).join('\n') + '\n');
      this.end = this.size + bytes.length;
      try {
        await this.write(this.fd, bytes, this.size);
        await new Promise<void>((res, rej) => fs.fdatasync(this.fd, (e) => (e ? rej(e) : res())));
        this.size = this.end;
      } catch (e) {
        failure = new JournalWriteError(e);
        this.rollBack(group, waiters);
      }
    }
    for (const w of waiters) {
      if (failure) w.reject(failure);
      else w.resolve();
    }
    this.flushing = null;
    if (this.pending.length || this.waiters.length) this.schedule();
  }

  /**
   * Cuts a half-written batch off the log, and takes back out of memory the refused batches and
   * every batch appended since (they were built on them and none was acknowledged), newest first.
   */
  private rollBack(group: Entry[], waiters: Waiter[]): void {
    try {
      fs.ftruncateSync(this.fd, this.size);
    } catch {
      // Shrinking needs no space; if even that fails, the next start drops the torn tail.
    }
    this.end = this.size;
    const undone = [...group, ...this.pending].reverse();
    this.pending = [];
    waiters.push(...this.waiters);
    this.waiters = [];
    for (const e of undone) e.undo?.();
  }

  close(): void {
    if (this.fd >= 0) {
      try {
        if (this.pending.length) fs.writeSync(this.fd, this.pending.map((e) => e.line).join('\n') + '\n', this.end);
      } catch {
        // Never acknowledged; a full disk at shutdown loses only those.
      }
      this.pending = [];
      fs.closeSync(this.fd);
      this.fd = -1;
    }
  }
}

export function writeAt(fd: number, bytes: Buffer, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (offset: number) =>
      fs.write(fd, bytes, offset, bytes.length - offset, position + offset, (err, n) => {
        if (err) return reject(err);
        if (offset + n < bytes.length) step(offset + n);
        else resolve();
      });
    step(0);
  });
}
