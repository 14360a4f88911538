import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { cloudUrl, sdk } from '../support/cloud';

const db = sdk().database();
const listed = Object.keys(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../database/collections.json'), 'utf8')).collections);
const unlisted = () => `not_listed_${randomBytes(4).toString('hex')}`;
const NOT_EXIST = { code: 'DATABASE_COLLECTION_NOT_EXIST' };
const listing = async (): Promise<Array<{ name: string; indexes: Array<{ name: string }> }>> =>
  ((await (await fetch(`${cloudUrl()}/db/collections`)).json()) as any).collections;

describe('collections, as CloudBase has them', () => {
  it('refuses a write to a collection nobody created, and creates nothing', async () => {
    const c = unlisted();
    await expect(db.collection(c).add({ _id: 'x', n: 1 })).rejects.toMatchObject(NOT_EXIST);
    await expect(db.collection(c).doc('x').set({ n: 1 })).rejects.toMatchObject(NOT_EXIST);
    await expect(db.collection(c).where({ n: 1 }).update({ n: 2 })).rejects.toMatchObject(NOT_EXIST);
    await expect(db.collection(c).where({ n: 1 }).remove()).rejects.toMatchObject(NOT_EXIST);
    expect((await listing()).map((x) => x.name)).not.toContain(c);
  });

  it('refuses a read, a count and an aggregation of a collection nobody created', async () => {
    const c = unlisted();
    await expect(db.collection(c).where({}).get()).rejects.toMatchObject(NOT_EXIST);
    await expect(db.collection(c).doc('x').get()).rejects.toMatchObject(NOT_EXIST);
    await expect(db.collection(c).count()).rejects.toMatchObject(NOT_EXIST);
    await expect(db.collection(c).aggregate().match({}).end()).rejects.toMatchObject(NOT_EXIST);
  });

  it('refuses the same inside a transaction', async () => {
    const c = unlisted();
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection(c).doc('x').set({ n: 1 });
      }),
    ).rejects.toMatchObject(NOT_EXIST);
  });

  it('has every collection of database/collections.json from the start, with its indexes', async () => {
    const have = new Map((await listing()).map((x) => [x.name, x]));
    for (const name of listed) expect(have.has(name)).toBe(true);
    expect(have.get('communities')!.indexes.map((i) => i.name)).toContain('code');
    await expect(db.collection(listed[0]).limit(1).get()).resolves.toHaveProperty('data');
  });

  it('creates a collection once, as db.createCollection does on CloudBase', async () => {
    const c = unlisted();
    await db.createCollection(c);
    await db.collection(c).add({ _id: 'x', n: 1 });
    expect((await db.collection(c).doc('x').get()).data[0].n).toBe(1);
    await expect(db.createCollection(c)).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
  });
});
