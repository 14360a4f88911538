import { randomBytes } from 'node:crypto';
import { Doc, ObjectId, decode, encode, idKey } from './codec';
import { DbError, FindOptions, Store, assertStorable, collectionNotExist, newId } from './store';
import { Transactions } from './transactions';
import { Journal, JournalWriteError } from './journal';
import { ShapeLog, pipelineShapes, shapesOf } from './shapes';

/** Server SDK reads are capped at 1000 documents, 100 by default, as on CloudBase. */
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

type Params = Record<string, any>;

const CREATES = new Set(['addCollection', 'createCollection']);

/** Answers the `database.*` actions @cloudbase/node-sdk posts to its service URL. */
export class DatabaseEndpoint {
  readonly store: Store;
  private readonly tx: Transactions;

  constructor(
    private readonly journal: Journal,
    private readonly shapes?: ShapeLog,
  ) {
    this.store = new Store(journal);
    this.tx = new Transactions(this.store);
  }

  /** `source` names the function that sent the request, when one did: only functions' queries are recorded. */
  async handle(p: Params, source?: string): Promise<Record<string, unknown>> {
    const requestId = randomBytes(8).toString('hex');
    let body: Record<string, unknown>;
    if (source && this.shapes) this.recordShape(p, source);
    try {
      body = { requestId, ...this.dispatch(p) };
    } catch (e) {
      const err = e instanceof DbError ? e : new DbError('DATABASE_REQUEST_FAILED', (e as Error).message);
      body = { requestId, code: err.code, message: err.message };
    }
    try {
      await this.journal.durable();
    } catch (e) {
      // The disk refused a batch this answer may have seen: it is gone, so is the answer.
      if (!(e instanceof JournalWriteError)) throw e;
      body = { requestId, code: 'DATABASE_REQUEST_FAILED', message: e.message };
    }
    return body;
  }

  private dispatch(p: Params): Record<string, unknown> {
    const action = String(p.action).replace(/^database\./, '');
    // As on CloudBase: reads and writes name a collection someone created, or fail.
    if (typeof p.collectionName === 'string' && !CREATES.has(action) && !this.store.hasCollection(p.collectionName)) {
      throw collectionNotExist();
    }
    switch (action) {
      case 'startTransaction':
        return { transactionId: this.tx.start() };
      case 'commitTransaction':
        this.tx.commit(p.transactionId);
        return {};
      case 'abortTransaction':
        this.tx.abort(p.transactionId);
        return {};
      case 'getDocument':
        return { data: this.get(p) };
      case 'calculateDocument':
        return { data: { total: this.store.count(coll(p), query(p)) } };
      case 'insertDocument':
        return { data: { insertedIds: this.insert(p) } };
      case 'modifyDocument':
        return { data: this.modify(p) };
      case 'modifyAndReturnDoc': {
        const r = this.modify({ ...p, multi: false, merge: true }, true);
        // No match: `doc: null`, which the SDK passes on (@cloudbase/database src/query.ts updateAndReturn).
        return { data: { updated: r.updated, doc: r.doc ? encode(r.doc) : null } };
      }
      case 'removeDocument':
        return { data: { deleted: this.remove(p) } };
      case 'aggregateDocuments':
        return { data: { list: this.aggregate(p) } };
      case 'addCollection':
      case 'createCollection':
        this.store.createCollection(coll(p));
        return { data: {} };
      default:
        throw new DbError('INVALID_PARAM', `不支持的数据库操作：${action}`);
    }
  }

  private recordShape(p: Params, source: string): void {
    const action = String(p.action).replace(/^database\./, '');
    if (typeof p.collectionName !== 'string') return;
    try {
      if (action === 'aggregateDocuments') {
        const stages = (p.stages as Array<{ stageKey: string; stageValue: string }>).map((s) => ({ [s.stageKey]: decode(s.stageValue) }));
        return this.shapes?.record(pipelineShapes(p.collectionName, stages), source);
      }
      if (!['getDocument', 'calculateDocument', 'modifyDocument', 'modifyAndReturnDoc', 'removeDocument'].includes(action)) return;
      const q = query(p);
      if (byId(q) !== undefined) return;
      this.shapes?.record(shapesOf(p.collectionName, q, p.order ? decode(p.order) : undefined), source);
    } catch {
      // A request too malformed to shape is refused by dispatch with its own error.
    }
  }

  private get(p: Params) {
    const q = query(p);
    const opts: FindOptions = {
      sort: p.order ? decode(p.order) : undefined,
      skip: Number(p.offset) || 0,
      limit: Math.min(Number(p.limit) || DEFAULT_LIMIT, MAX_LIMIT),
      projection: p.projection ? decode(p.projection) : undefined,
    };
    if (p.transactionId) {
      const key = byId(q);
      if (key !== undefined) {
        const d = this.tx.read(p.transactionId, coll(p), key);
        return { list: d ? [encode(d)] : [] };
      }
      return { list: this.tx.query(p.transactionId, coll(p), q, opts).map(encode), offset: opts.skip, limit: opts.limit };
    }
    const list = this.store.find(coll(p), q, opts).map(encode);
    return { list, offset: opts.skip, limit: opts.limit };
  }

  private insert(p: Params): string[] {
    const c = coll(p);
    const docs: Doc[] = (p.data as string[]).map((s) => decode(s));
    const ids: string[] = [];
    const writes: Array<{ coll: string; id: string; doc: Doc }> = [];
    for (const d of docs) {
      assertStorable(d);
      // An ObjectId _id stays an ObjectId (MongoDB keeps the type); other ids are strings, as before.
      const id = d._id === undefined ? newId() : d._id instanceof ObjectId ? d._id : String(d._id);
      const key = idKey(id) as string;
      const exists = p.transactionId ? this.tx.read(p.transactionId, c, key) : this.store.get(c, key);
      if (exists || writes.some((w) => w.id === key)) throw duplicate(c, key);
      writes.push({ coll: c, id: key, doc: { ...d, _id: id } });
      ids.push(typeof id === 'string' ? id : id.toHexString());
    }
    if (p.transactionId) writes.forEach((w) => this.tx.write(p.transactionId, w.coll, w.id, w.doc));
    else this.store.commit(writes);
    return ids;
  }

  private modify(p: Params, returnDoc = false): { updated: number; upsert_id?: string; doc?: Doc } {
    const c = coll(p);
    const q = query(p);
    const data = decode(p.data);
    const replace = p.merge === false;
    if (replace) assertStorable(data);
    const one = p.multi === false || p.queryType === 'DOC';
    if (p.transactionId) return this.modifyInTransaction(p.transactionId, c, q, data, { replace, one, upsert: !!p.upsert });
    const targets = this.store.find(c, q, { limit: one ? 1 : undefined });
    if (!targets.length) {
      if (!p.upsert) return { updated: 0 };
      const id = typeof q._id === 'string' || q._id instanceof ObjectId ? q._id : newId();
      const doc = replace ? { ...data, _id: id } : Store.updated({ ...(plainFields(q) as object), _id: id } as Doc, data);
      this.store.commit([{ coll: c, id: idKey(id) as string, doc }]);
      return { updated: 0, upsert_id: String(id) };
    }
    const writes = targets.map((t) => ({
      coll: c,
      id: idKey(t._id) as string,
      doc: replace ? ({ ...data, _id: t._id } as Doc) : Store.updated(t, data),
    }));
    this.store.commit(writes);
    return { updated: writes.length, doc: returnDoc ? writes[0].doc : undefined };
  }

  /** By id, or (as the SDK allows: @cloudbase/database src/query.ts passes transactionId) by a where-query. */
  private modifyInTransaction(txId: string, c: string, q: Params, data: Params, o: { replace: boolean; one: boolean; upsert: boolean }) {
    const key = byId(q);
    const targets: Doc[] = [];
    if (key !== undefined) {
      const cur = this.tx.read(txId, c, key);
      if (cur) targets.push(cur);
      else if (!o.upsert) return { updated: 0 };
      else {
        const doc = o.replace ? ({ ...data, _id: q._id } as Doc) : Store.updated({ _id: q._id } as Doc, data);
        this.tx.write(txId, c, key, doc);
        return { updated: 0, upsert_id: String(q._id) };
      }
    } else targets.push(...this.tx.query(txId, c, q, { limit: o.one ? 1 : undefined }));
    const docs = targets.map((t) => (o.replace ? ({ ...data, _id: t._id } as Doc) : Store.updated(t, data)));
    docs.forEach((d) => this.tx.write(txId, c, idKey(d._id) as string, d));
    return { updated: docs.length, doc: docs[0] };
  }

  private remove(p: Params): number {
    const c = coll(p);
    const q = query(p);
    if (p.transactionId) {
      const key = byId(q);
      const targets = key !== undefined ? [this.tx.read(p.transactionId, c, key)].filter((d): d is Doc => !!d) : this.tx.query(p.transactionId, c, q, { limit: p.multi === false ? 1 : undefined });
      if (key !== undefined && !targets.length) this.tx.write(p.transactionId, c, key, null);
      targets.forEach((t) => this.tx.write(p.transactionId, c, idKey(t._id) as string, null));
      return targets.length;
    }
    const targets = this.store.find(c, q, { limit: p.multi === false ? 1 : undefined });
    this.store.commit(targets.map((t) => ({ coll: c, id: idKey(t._id) as string, doc: null })));
    return targets.length;
  }

  private aggregate(p: Params): string[] {
    const stages = (p.stages as Array<{ stageKey: string; stageValue: string }>).map((s) => ({
      [s.stageKey]: decode(s.stageValue),
    }));
    return this.store.aggregate(coll(p), stages).map(encode);
  }
}

function coll(p: Params): string {
  if (typeof p.collectionName !== 'string' || !p.collectionName) throw new DbError('INVALID_PARAM', '缺少集合名');
  return p.collectionName;
}

function query(p: Params): Record<string, unknown> {
  return p.query ? decode(p.query) : {};
}

/** The key of the one document a query names by `_id` alone (a doc() call), if it does. */
function byId(q: Record<string, unknown>): string | undefined {
  return Object.keys(q).length === 1 ? idKey(q._id) : undefined;
}

function plainFields(q: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(q).filter(([k, v]) => !k.startsWith('$') && (v === null || typeof v !== 'object')));
}

function duplicate(c: string, id: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${c} index: _id_ dup key: { _id: "${id}" }`);
}
