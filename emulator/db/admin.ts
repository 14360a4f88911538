import { DbError, Store } from './store';
import { JournalWriteError } from './journal';
import { CollectionSpec, IndexSpec, Rule, sameIndex, sameRule } from './schema';

export interface AdminAnswer {
  status: number;
  body: unknown;
}

const PREFIX = '/db/collections';

/**
 * The local cloud's database admin API, what a deploy speaks to it as it speaks to CloudBase's
 * management API:
 *   GET    /db/collections                          every collection with its indexes and rule
 *   POST   /db/collections            {name}        create a collection
 *   PUT    /db/collections/<c>/indexes/<i> {keys, unique?}   create or replace an index
 *   DELETE /db/collections/<c>/indexes/<i>
 *   PUT    /db/collections/<c>/rule   {read, write}
 * Answers undefined for paths that are not its own.
 */
export async function dbAdmin(store: Store, method: string, pathname: string, body: any): Promise<AdminAnswer | undefined> {
  if (pathname !== PREFIX && !pathname.startsWith(`${PREFIX}/`)) return undefined;
  const parts = pathname.slice(PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
  try {
    const out = route(store, method, parts, body ?? {});
    await store.durable();
    return out;
  } catch (e) {
    if (e instanceof DbError) return { status: e.code === 'DATABASE_COLLECTION_NOT_EXIST' ? 404 : 409, body: { code: e.code, message: e.message } };
    if (e instanceof JournalWriteError) return { status: 507, body: { code: 'DATABASE_REQUEST_FAILED', message: e.message } };
    throw e;
  }
}

function route(store: Store, method: string, parts: string[], body: any): AdminAnswer {
  const [coll, what, index] = parts;
  if (!coll && method === 'GET') return ok({ collections: store.listCollections() });
  if (!coll && method === 'POST') {
    if (typeof body.name !== 'string' || !body.name) return bad('name required');
    store.createCollection(body.name);
    return ok({});
  }
  if (coll && what === 'indexes' && index && method === 'PUT') {
    if (!body.keys || typeof body.keys !== 'object') return bad('keys required');
    store.setIndex(coll, { name: index, keys: body.keys, ...(body.unique ? { unique: true } : {}) });
    return ok({});
  }
  if (coll && what === 'indexes' && index && method === 'DELETE') {
    store.dropIndex(coll, index);
    return ok({});
  }
  if (coll && what === 'rule' && !index && method === 'PUT') {
    if (body.read === undefined || body.write === undefined) return bad('read and write required');
    store.setRule(coll, { read: body.read, write: body.write });
    return ok({});
  }
  return { status: 404, body: { message: 'not found' } };
}

/** Creates what the list names and the store lacks: collections, indexes, rules (nothing is dropped). */
export function applyCollections(store: Store, specs: CollectionSpec[]): void {
  const have = new Map(store.listCollections().map((c) => [c.name, c]));
  for (const spec of specs) {
    const cur = have.get(spec.name);
    if (!cur) store.createCollection(spec.name);
    for (const index of spec.indexes) {
      if (!cur?.indexes.some((i: IndexSpec) => sameIndex(i, index))) store.setIndex(spec.name, index);
    }
    if (!sameRule(cur?.rule as Rule | undefined, spec.rule)) store.setRule(spec.name, spec.rule);
  }
}

const ok = (body: unknown): AdminAnswer => ({ status: 200, body });
const bad = (message: string): AdminAnswer => ({ status: 400, body: { code: 'INVALID_PARAM', message } });
