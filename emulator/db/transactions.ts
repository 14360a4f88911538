import { randomBytes } from 'node:crypto';
import type { Doc } from './codec';
import { DbError, FindOptions, Store, select } from './store';

/** MongoDB's transactionLifetimeLimitSeconds: an open transaction is aborted after 60 s. */
const TX_TTL_MS = 60_000;

interface Seen {
  coll: string;
  key: string;
  version: number;
  doc: Doc | undefined;
}

interface Tx {
  /** Each document as the transaction first saw it: what it reads again, and what commit checks. */
  seen: Map<string, Seen>;
  writes: Map<string, { coll: string; id: string; doc: Doc | null }>;
  startedAt: number;
}

const slot = (coll: string, key: string) => `${coll}\u0000${key}`;

/**
 * Transactions as CloudBase's (MongoDB's snapshot transactions) behave, seen from the SDK:
 * - a transaction reads its own snapshot: reading a document again returns what it saw first,
 *   even if someone has committed a change since (MongoDB read concern "snapshot");
 * - writing a document another open transaction has already written fails at once with
 *   DATABASE_TRANSACTION_CONFLICT (MongoDB's WriteConflict), as does writing a document changed
 *   since this transaction read it;
 * - commit fails with DATABASE_TRANSACTION_CONFLICT if anything it read has changed since, so a
 *   committed transaction is serializable (stricter than MongoDB, which allows write skew).
 * The SDK's runTransaction retries on that code (@cloudbase/database src/transaction/index.ts).
 */
export class Transactions {
  private readonly open = new Map<string, Tx>();
  private readonly finished = new Map<string, { state: 'committed' | 'aborted'; at: number }>();

  constructor(private readonly store: Store) {}

  start(): string {
    this.expire();
    const id = randomBytes(12).toString('hex');
    this.open.set(id, { seen: new Map(), writes: new Map(), startedAt: Date.now() });
    return id;
  }

  read(txId: string, coll: string, key: string): Doc | undefined {
    const tx = this.tx(txId);
    const w = tx.writes.get(slot(coll, key));
    if (w) return w.doc ?? undefined;
    return this.see(tx, coll, key).doc;
  }

  /** A where-query inside the transaction: its snapshot of the collection plus its own writes. */
  query(txId: string, coll: string, query: Record<string, unknown>, opts: FindOptions = {}): Doc[] {
    const tx = this.tx(txId);
    const view = new Map<string, Doc>();
    for (const [key, doc] of this.store.collection(coll)) view.set(key, doc);
    const overlay = (key: string, doc: Doc | null | undefined) => (doc ? view.set(key, doc) : view.delete(key));
    for (const s of tx.seen.values()) if (s.coll === coll) overlay(s.key, s.doc);
    for (const w of tx.writes.values()) if (w.coll === coll) overlay(w.id, w.doc);
    // Match on whole documents so each can be remembered as read; project afterwards.
    const found = select([...view.values()], query, { ...opts, projection: undefined });
    for (const [key, doc] of view) if (found.includes(doc) && !tx.writes.has(slot(coll, key))) this.see(tx, coll, key);
    return opts.projection && Object.keys(opts.projection).length ? select(found, {}, { projection: opts.projection }) : found;
  }

  write(txId: string, coll: string, key: string, doc: Doc | null): void {
    const tx = this.tx(txId);
    const k = slot(coll, key);
    for (const [other, o] of this.open) if (other !== txId && o.writes.has(k)) throw conflict();
    const seen = this.see(tx, coll, key);
    if (seen.version !== this.store.version(coll, key)) throw conflict();
    tx.writes.set(k, { coll, id: key, doc });
  }

  commit(txId: string): void {
    if (this.finished.get(txId)?.state === 'committed') return; // commitTransaction is retryable in MongoDB
    const tx = this.tx(txId);
    this.finish(txId, 'aborted');
    for (const s of tx.seen.values()) if (this.store.version(s.coll, s.key) !== s.version) throw conflict();
    // Refused by the disk: no longer committed, so a retried commitTransaction is not acknowledged.
    this.store.commit([...tx.writes.values()], () => this.finish(txId, 'aborted'));
    this.finish(txId, 'committed');
  }

  /** Rolling back twice is harmless (MongoDB's drivers ignore abortTransaction errors); after commit it fails. */
  abort(txId: string): void {
    if (this.finished.get(txId)?.state === 'aborted') return;
    this.tx(txId);
    this.finish(txId, 'aborted');
  }

  private see(tx: Tx, coll: string, key: string): Seen {
    const k = slot(coll, key);
    let s = tx.seen.get(k);
    if (!s) {
      s = { coll, key, version: this.store.version(coll, key), doc: this.store.get(coll, key) };
      tx.seen.set(k, s);
    }
    return s;
  }

  private tx(txId: string): Tx {
    this.expire();
    const tx = this.open.get(txId);
    if (tx) return tx;
    // MongoDB's NoSuchTransaction messages, which CloudBase passes on.
    const done = this.finished.get(txId);
    throw new DbError('DATABASE_TRANSACTION_FAIL', done ? `Transaction ${txId} has been ${done.state}.` : `Transaction ${txId} not found.`);
  }

  private finish(txId: string, state: 'committed' | 'aborted'): void {
    this.open.delete(txId);
    this.finished.set(txId, { state, at: Date.now() });
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, tx] of this.open) if (now - tx.startedAt > TX_TTL_MS) this.finish(id, 'aborted');
    for (const [id, f] of this.finished) if (now - f.at > TX_TTL_MS) this.finished.delete(id);
  }
}

function conflict(): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict');
}
