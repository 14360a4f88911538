import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipelineShapes, shapesOf } from '../../../emulator/db/shapes';
import { checkIndexes, servedBy, usableKeys, type RecordedShape } from '../../../emulator/db/index-fit';
import type { CollectionSpec, IndexSpec } from '../../../emulator/db/schema';
import { seedDemo } from '../../../demo';
import { dbOf, ownCloud } from './own-cloud';

const index = (name: string, keys: IndexSpec['keys']): IndexSpec => ({ name, keys });

describe('the shape of a query', () => {
  it('tells equality from ranges, follows paths into nested documents and element matches, and keeps the order', () => {
    const [s] = shapesOf('tickets', { communityId: 'c', status: { $in: ['open', 'late'] }, dueAt: { $lt: 5 }, source: { type: 'wish' }, grants: { $elemMatch: { role: 'staff' } } }, { dueAt: 1, _id: -1 });
    expect(s).toEqual({ coll: 'tickets', eq: ['communityId', 'grants.role', 'source.type', 'status'], range: ['dueAt'], sort: [['dueAt', 1], ['_id', -1]] });
  });

  it('gives each branch of an $or its own shape, with the rest of the filter', () => {
    const shapes = shapesOf('wishes', { communityId: 'c', $or: [{ authorId: 'u' }, { 'claim.userId': 'u' }] });
    expect(shapes.map((s) => s.eq)).toEqual([['authorId', 'communityId'], ['claim.userId', 'communityId']]);
  });

  it('reads the first $match and $sort of a pipeline, and what each $lookup asks of its collection', () => {
    const shapes = pipelineShapes('users', [
      { $match: { openid: 'o' } },
      { $limit: 1 },
      { $lookup: { from: 'grids', localField: 'gridId', foreignField: '_id', as: 'g' } },
      { $lookup: { from: 'ledger', pipeline: [{ $match: { userId: 'u', at: { $gte: 1 } } }, { $sort: { at: -1 } }, { $limit: 5 }], as: 'l' } },
    ]);
    expect(shapes).toEqual([
      { coll: 'users', eq: ['openid'], range: [], sort: [] },
      { coll: 'grids', eq: ['_id'], range: [], sort: [] },
      { coll: 'ledger', eq: ['userId'], range: ['at'], sort: [['at', -1]] },
    ]);
  });
});

describe('which index serves a shape', () => {
  const byCommunityStatusCreated = index('community_status_created', { communityId: 1, status: 1, createdAt: -1 });
  const [listing] = shapesOf('wishes', { communityId: 'c', status: 'open' }, { createdAt: -1 });

  it('uses equality keys first, then one range or sort key', () => {
    expect(usableKeys(byCommunityStatusCreated, listing)).toBe(3);
    expect(usableKeys(byCommunityStatusCreated, shapesOf('wishes', { communityId: 'c' })[0])).toBe(1);
    expect(usableKeys(byCommunityStatusCreated, shapesOf('wishes', { communityId: 'c', createdAt: { $gt: 1 } })[0])).toBe(1);
  });

  it('serves nothing when its leading key is not in the query', () => {
    expect(usableKeys(byCommunityStatusCreated, shapesOf('wishes', { status: 'open' })[0])).toBe(0);
    expect(servedBy([byCommunityStatusCreated], shapesOf('wishes', { status: 'open' })[0])).toBeUndefined();
  });

  it('serves an id lookup by the primary key, a geo query only by a 2dsphere index, and never a whole-collection read', () => {
    expect(servedBy([], shapesOf('places', { _id: { $in: ['a', 'b'] } })[0])).toBe('_id');
    const [near] = pipelineShapes('places', [{ $geoNear: { near: { type: 'Point', coordinates: [1, 2] }, key: 'location', query: { communityId: 'c' }, distanceField: 'd' } }]);
    expect(servedBy([index('community', { communityId: 1 })], near)).toBeUndefined();
    expect(servedBy([index('location', { location: '2dsphere' })], near)).toEqual(index('location', { location: '2dsphere' }));
    expect(servedBy([byCommunityStatusCreated], shapesOf('wishes', {})[0])).toBeUndefined();
  });

  it('reports the shapes no index serves and the indexes no shape used', () => {
    const used = index('community_status_created', { communityId: 1, status: 1, createdAt: -1 });
    const idle = index('author', { authorId: 1 });
    const specs: CollectionSpec[] = [{ name: 'wishes', indexes: [used, idle], rule: { read: false, write: false } }];
    const recorded: RecordedShape[] = [
      { ...listing, source: 'wish' },
      { ...listing, source: 'lists' },
      { ...shapesOf('wishes', { status: 'open' })[0], source: 'wish' },
    ];
    const report = checkIndexes(recorded, specs);
    expect(report.shapes).toBe(2);
    expect(report.unserved.map((s) => s.eq)).toEqual([['status']]);
    expect(report.unused).toEqual([{ coll: 'wishes', index: idle }]);
  });
});

describe('the local cloud records the queries functions send', () => {
  it('writes the shapes of a function’s queries, and not those of a tool using the SDK directly', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-shapes-')), 'shapes.jsonl');
    const recording = await ownCloud({ collections: undefined, queryShapes: file });
    try {
      seedDemo(recording.db.store);
      await recording.invoke('wish', { action: 'list', status: 'open' }, 'demo-resident');
      await dbOf(recording).collection('wishes').where({ title: '不经函数的查询' }).get();
      const shapes = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RecordedShape);
      expect(shapes).toContainEqual({ coll: 'users', eq: ['openid'], range: [], sort: [], source: 'wish' });
      expect(shapes.some((s) => s.coll === 'wishes' && s.source === 'wish')).toBe(true);
      expect(shapes.some((s) => s.eq.includes('title'))).toBe(false);
    } finally {
      await recording.close();
    }
  });
});
