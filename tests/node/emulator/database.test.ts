import { randomBytes } from 'node:crypto';
import { sdk } from '../support/cloud';

const db = sdk().database();
const _ = db.command;
const freshName = (what: string) => `t_${what}_${randomBytes(4).toString('hex')}`;
/** A collection of its own for each test, created first, as CloudBase requires. */
const fresh = async (what: string) => {
  const c = freshName(what);
  await db.createCollection(c);
  return c;
};

describe('database endpoint through @cloudbase/node-sdk', () => {
  const people = freshName('people');

  beforeAll(async () => {
    await db.createCollection(people);
    await db.collection(people).add([
      { _id: 'p1', name: '王桂英', age: 78, grid: 'g1', tags: ['空巢'], born: new Date('1948-03-01T00:00:00Z') },
      { _id: 'p2', name: '李建华', age: 45, grid: 'g2', tags: ['党员', '志愿者'] },
      { _id: 'p3', name: '周海燕', age: 39, grid: 'g1', tags: ['网格员'] },
      { _id: 'p4', name: '陈明', age: 66, grid: 'g3', tags: [], phone: '13800000000' },
    ]);
  });

  it('reads by id and by where, with comparison, set and logic operators', async () => {
    expect((await db.collection(people).doc('p1').get()).data[0]).toMatchObject({ name: '王桂英', age: 78 });
    const old = await db.collection(people).where({ age: _.gte(60) }).orderBy('age', 'desc').get();
    expect(old.data.map((d: any) => d._id)).toEqual(['p1', 'p4']);
    const some = await db.collection(people).where({ grid: _.in(['g2', 'g3']), age: _.lt(60).and(_.gt(40)) }).get();
    expect(some.data.map((d: any) => d._id)).toEqual(['p2']);
    const either = await db.collection(people).where(_.or([{ grid: 'g3' }, { age: _.lte(39) }])).orderBy('_id', 'asc').get();
    expect(either.data.map((d: any) => d._id)).toEqual(['p3', 'p4']);
    const notIn = await db.collection(people).where({ grid: _.nin(['g1']) }).orderBy('_id', 'asc').get();
    expect(notIn.data.map((d: any) => d._id)).toEqual(['p2', 'p4']);
    const withPhone = await db.collection(people).where({ phone: _.exists(true) }).get();
    expect(withPhone.data.map((d: any) => d._id)).toEqual(['p4']);
    const regex = await db.collection(people).where({ name: db.RegExp({ regexp: '^李', options: 'i' }) }).get();
    expect(regex.data.map((d: any) => d._id)).toEqual(['p2']);
  });

  it('keeps dates as dates', async () => {
    const doc = (await db.collection(people).doc('p1').get()).data[0];
    expect(doc.born).toBeInstanceOf(Date);
    expect(doc.born.toISOString()).toBe('1948-03-01T00:00:00.000Z');
    const before = await db.collection(people).where({ born: _.lt(new Date('1950-01-01T00:00:00Z')) }).get();
    expect(before.data).toHaveLength(1);
  });

  it('sorts, skips, limits, projects and counts', async () => {
    const page = await db.collection(people).orderBy('age', 'asc').skip(1).limit(2).field({ name: true }).get();
    expect(page.data).toEqual([
      { _id: 'p2', name: '李建华' },
      { _id: 'p4', name: '陈明' },
    ]);
    expect((await db.collection(people).where({ grid: 'g1' }).count()).total).toBe(2);
  });

  it('updates with inc, set, remove, push, pull and addToSet', async () => {
    const c = await fresh('ops');
    await db.collection(c).add({ _id: 'x', n: 1, tags: ['a', 'b'], nested: { keep: 1, drop: 2 }, gone: true });
    await db.collection(c).doc('x').update({
      n: _.inc(2),
      tags: _.push(['c']),
      nested: { drop: _.remove() },
      gone: _.remove(),
      label: _.set({ zh: '志愿者' }),
    });
    await db.collection(c).doc('x').update({ tags: _.pull('a') });
    await db.collection(c).doc('x').update({ tags: _.addToSet('b') });
    await db.collection(c).doc('x').update({ tags: _.addToSet('d') });
    const doc = (await db.collection(c).doc('x').get()).data[0];
    expect(doc).toEqual({ _id: 'x', n: 3, tags: ['b', 'c', 'd'], nested: { keep: 1 }, label: { zh: '志愿者' } });
  });

  it('set replaces a document and upserts a missing one; where-update and where-remove touch every match', async () => {
    const c = await fresh('set');
    await db.collection(c).doc('a').set({ v: 1, old: true });
    await db.collection(c).doc('a').set({ v: 2 });
    expect((await db.collection(c).doc('a').get()).data[0]).toEqual({ _id: 'a', v: 2 });
    await db.collection(c).add([{ k: 'x', v: 1 }, { k: 'x', v: 2 }, { k: 'y', v: 3 }]);
    const upd = await db.collection(c).where({ k: 'x' }).update({ seen: true });
    expect(upd.updated).toBe(2);
    const rm = await db.collection(c).where({ k: 'x' }).remove();
    expect(rm.deleted).toBe(2);
    expect((await db.collection(c).count()).total).toBe(2);
  });

  it('rejects a duplicate _id and writes nothing', async () => {
    const c = await fresh('dup');
    await db.collection(c).add({ _id: 'same', v: 1 });
    await expect(db.collection(c).add({ _id: 'same', v: 2 })).rejects.toMatchObject({ message: expect.stringMatching(/duplicate/) });
    expect((await db.collection(c).doc('same').get()).data[0].v).toBe(1);
  });

  it('aggregates with match, group, sort and lookup', async () => {
    const res = await db
      .collection(people)
      .aggregate()
      .match({ age: _.gt(30) })
      .group({ _id: '$grid', n: db.command.aggregate.sum(1) })
      .sort({ n: -1, _id: 1 })
      .end();
    expect(res.data).toEqual([
      { _id: 'g1', n: 2 },
      { _id: 'g2', n: 1 },
      { _id: 'g3', n: 1 },
    ]);
    const grids = await fresh('grids');
    await db.collection(grids).add([{ _id: 'g1', name: '第一网格' }]);
    const joined = await db
      .collection(people)
      .aggregate()
      .match({ _id: 'p3' })
      .lookup({ from: grids, localField: 'grid', foreignField: '_id', as: 'gridDocs' })
      .end();
    expect(joined.data[0].gridDocs[0].name).toBe('第一网格');
  });

  it('orders by distance with geoNear', async () => {
    const c = await fresh('geo');
    const P = (lng: number, lat: number) => new db.Geo.Point(lng, lat);
    await db.collection(c).add([
      { _id: 'far', loc: P(120.4, 32.9) },
      { _id: 'near', loc: P(120.3206, 32.8532) },
      { _id: 'mid', loc: P(120.33, 32.86) },
    ]);
    const res = await db
      .collection(c)
      .where({ loc: _.geoNear({ geometry: P(120.3205, 32.8531), maxDistance: 5000 }) })
      .get();
    expect(res.data.map((d: any) => d._id)).toEqual(['near', 'mid']);
  });
});

describe('transactions', () => {
  it('commits all writes together', async () => {
    const c = await fresh('tx');
    await db.runTransaction(async (t: any) => {
      await t.collection(c).doc('a').set({ v: 1 });
      await t.collection(c).doc('b').set({ v: 2 });
    });
    expect((await db.collection(c).count()).total).toBe(2);
  });

  it('rolls back: nothing written', async () => {
    const c = await fresh('tx');
    await db.collection(c).doc('a').set({ v: 1 });
    const t = await db.startTransaction();
    await t.collection(c).doc('a').update({ v: _.inc(10) });
    await t.collection(c).doc('b').set({ v: 2 });
    // Inside, the transaction sees its own writes.
    expect((await t.collection(c).doc('a').get()).data.v).toBe(11);
    await t.rollback();
    expect((await db.collection(c).doc('a').get()).data[0].v).toBe(1);
    expect((await db.collection(c).doc('b').get()).data).toEqual([]);
  });

  it('reports a conflict when what it read changed before commit', async () => {
    const c = await fresh('tx');
    await db.collection(c).doc('a').set({ v: 1 });
    const t = await db.startTransaction();
    await t.collection(c).doc('a').get();
    await db.collection(c).doc('a').update({ v: _.inc(1) });
    // Reported as soon as the transaction touches the changed document again, or at commit.
    const attempt = (async () => {
      await t.collection(c).doc('a').update({ v: 100 });
      await t.commit();
    })();
    await expect(attempt).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await t.rollback();
    expect((await db.collection(c).doc('a').get()).data[0].v).toBe(2);
  });

  it('is serializable under parallel read-modify-write: no lost update', async () => {
    const c = await fresh('tx');
    await db.collection(c).doc('counter').set({ n: 0 });
    const N = 40;
    const bump = async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await db.runTransaction(async (t: any) => {
            const cur = (await t.collection(c).doc('counter').get()).data;
            await t.collection(c).doc('counter').update({ n: cur.n + 1 });
          });
        } catch (e: any) {
          if (e.code !== 'DATABASE_TRANSACTION_CONFLICT' || attempt > 50) throw e;
          await new Promise((r) => setTimeout(r, Math.random() * 20));
        }
      }
    };
    await Promise.all(Array.from({ length: N }, bump));
    expect((await db.collection(c).doc('counter').get()).data[0].n).toBe(N);
  });

  it('prevents write skew: two transactions each checking the other cannot both commit', async () => {
    const c = await fresh('skew');
    await db.collection(c).add([{ _id: 'x', onCall: true }, { _id: 'y', onCall: true }]);
    const goOff = (me: string, other: string) => async () => {
      const t = await db.startTransaction();
      const o = (await t.collection(c).doc(other).get()).data;
      await new Promise((r) => setTimeout(r, 30));
      if (o.onCall) await t.collection(c).doc(me).update({ onCall: false });
      try {
        await t.commit();
        return 'committed';
      } catch (e: any) {
        return e.code;
      }
    };
    const outcomes = await Promise.all([goOff('x', 'y')(), goOff('y', 'x')()]);
    const docs = (await db.collection(c).get()).data;
    expect(docs.some((d: any) => d.onCall)).toBe(true);
    expect(outcomes).toContain('DATABASE_TRANSACTION_CONFLICT');
  });
});
