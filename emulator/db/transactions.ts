import { randomBytes } from 'node:crypto';
import type { Doc } from './codec';
import { DbError, Store } from './store';

const TX_TTL_MS = 60_000;

interface Tx {
  reads: Map<string, number>;
  writes: Map<string, { coll: string; id: string; doc: Doc | null }>;
  startedAt: number;
}

const key = (coll: string, id: string) => `${coll}\u0000${id}`;

/**
 * Optimistic, serializable transactions: a transaction sees committed state plus its own writes,
 * remembers the version of every document it looked at, and commits only if none has changed
 * since; otherwise it reports DATABASE_TRANSACTION_CONFLICT, which makes the SDK retry.
 */
export class Transactions {
  private readonly open = new Map<string, Tx>();

  constructor(private readonly store: Store) {}

  start(): string {
    this.expire();
    const id = randomBytes(12).toString('hex');
    this.open.set(id, { reads: new Map(), writes: new Map(), startedAt: Date.now() });
    return id;
  }

  read(txId: string, coll: string, id: string): Doc | undefined {
    const tx = this.tx(txId);
    const k = key(coll, id);
    const w = tx.writes.get(k);
    if (w) return w.doc ?? undefined;
    if (!tx.reads.has(k)) tx.reads.set(k, this.store.version(coll, id));
    else if (tx.reads.get(k) !== this.store.version(coll, id)) throw conflict();
    return this.store.get(coll, id);
  }

  write(txId: string, coll: string, id: string, doc: Doc | null): void {
    const tx = this.tx(txId);
    const k = key(coll, id);
    if (!tx.writes.has(k) && !tx.reads.has(k)) tx.reads.set(k, this.store.version(coll, id));
    tx.writes.set(k, { coll, id, doc });
  }

  commit(txId: string): void {
    const tx = this.tx(txId);
    this.open.delete(txId);
    for (const [k, v] of tx.reads) {
      const [coll, id] = k.split('\u0000');
      if (this.store.version(coll, id) !== v) throw conflict();
    }
    this.store.commit([...tx.writes.values()]);
  }

  abort(txId: string): void {
    this.open.delete(txId);
  }

  private tx(txId: string): Tx {
    const tx = this.open.get(txId);
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', '事务不存在或已结束');
    return tx;
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, tx] of this.open) if (now - tx.startedAt > TX_TTL_MS) this.open.delete(id);
  }
}

function conflict(): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict');
}
