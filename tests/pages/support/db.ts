/**
 * Reads and arranges documents in the local cloud's database from a page test. Page tests run in
 * jsdom, where the server SDK's HTTP client turns into a cross-origin XMLHttpRequest, so these
 * speak the same wire protocol (POST /admin, `database.*` actions, EJSON) over node's http.
 */
import http from 'http';
import { EJSON } from 'bson';

type Doc = Record<string, any>;

function admin(body: Record<string, unknown>): Promise<Doc> {
  const base = process.env.HONGLIN_URL;
  if (!base) throw new Error('HONGLIN_URL is not set: page tests need the local cloud running');
  return new Promise((resolve, reject) => {
    const req = http.request(new URL('/admin', base), { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Doc;
        if (out.code) reject(new Error(`database.${String(body.action)}: ${out.code} ${out.message}`));
        else resolve(out.data ?? {});
      });
    });
    req.on('error', reject);
    // The secret the SDK would send as its session token (set by the jest global setup).
    req.end(JSON.stringify({ ...body, sessionToken: process.env.HONGLIN_SECRET }));
  });
}

const ejson = (v: unknown) => EJSON.stringify(v as Doc, { relaxed: false });

/** Documents of `collection` matching a plain equality filter (dotted paths allowed). */
export async function findDocs<T = Doc>(collection: string, where: Doc = {}, limit = 100): Promise<T[]> {
  const data = await admin({ action: 'database.getDocument', collectionName: collection, query: ejson(where), limit });
  return (data.list as string[]).map((s) => EJSON.parse(s, { relaxed: true }) as T);
}

export async function getDoc<T = Doc>(collection: string, id: string): Promise<T | undefined> {
  return (await findDocs<T>(collection, { _id: id }, 1))[0];
}

export async function insertDoc(collection: string, doc: Doc & { _id: string }): Promise<void> {
  await admin({ action: 'database.insertDocument', collectionName: collection, data: [ejson(doc)] });
}

/** Sets fields of one document (dotted paths allowed), as `doc(id).update(patch)` does. */
export async function updateDoc(collection: string, id: string, patch: Doc): Promise<void> {
  await admin({
    action: 'database.modifyDocument',
    collectionName: collection,
    query: ejson({ _id: id }),
    data: ejson({ $set: patch }),
    multi: false,
    merge: true,
  });
}
