import { ok, sdk, snapshot } from './cloud';
import { userIdOf } from './wish';

/** Every collection a points call may write. */
export const POINTS_WATCHED = [
  'points_accounts',
  'points_entries',
  'points_goods',
  'points_orders',
  'points_pickup_codes',
  'points_holdings',
  'points_audit',
  'points_rules',
];

/** The points function's own request keys: other functions' tests write theirs to the same collection meanwhile. */
async function pointsRequests(): Promise<unknown[]> {
  const db = sdk().database();
  return (await db.collection('requests').where({ _id: db.RegExp({ regexp: '^points\\.' }) }).orderBy('_id', 'asc').limit(1000).get()).data;
}

/** A refused call must leave the database exactly as it was. */
export async function expectNoWrite(run: () => Promise<unknown>): Promise<void> {
  const before = { ...(await snapshot(POINTS_WATCHED)), requests: await pointsRequests() };
  await run();
  expect({ ...(await snapshot(POINTS_WATCHED)), requests: await pointsRequests() }).toEqual(before);
}

/** Goods put on the shelf by demo staff; returns its id. */
export async function newGoods(extra: Record<string, unknown> = {}): Promise<string> {
  const { goods } = await ok(
    'points',
    { action: 'manageGoods', op: 'create', name: '测试商品', cost: 10, stock: 10, pickupPlace: '党群服务中心一楼', perPersonLimit: 1, ...extra },
    'demo-staff',
  );
  return goods.id;
}

/** Points given to someone by demo staff, as an award; returns their user id. */
export async function give(openid: string, points: number, reason = '参加社区志愿服务'): Promise<string> {
  const userId = await userIdOf(openid);
  let left = points;
  while (left > 0) {
    const n = Math.min(1000, left);
    await ok('points', { action: 'award', userId, points: n, reason }, 'demo-staff');
    left -= n;
  }
  return userId;
}

export async function doc<T = any>(coll: string, id: string): Promise<T | undefined> {
  const res = await sdk().database().collection(coll).doc(id).get();
  return res.data[0] as T | undefined;
}

/** A person's points account in a community (the demo community unless told): one per person and community. */
export async function account<T = any>(userId: string, communityId = 'c_beihai'): Promise<T | undefined> {
  return doc<T>('points_accounts', `${communityId}.${userId}`);
}

export async function where<T = any>(coll: string, query: Record<string, unknown>): Promise<T[]> {
  const res = await sdk().database().collection(coll).where(query).limit(1000).get();
  return res.data as T[];
}

/** Moves an order's clock back, as if days had passed (tests cannot wait two weeks). */
export async function ageOrder(orderId: string, patch: Record<string, unknown>): Promise<void> {
  await sdk().database().collection('points_orders').doc(orderId).update(patch);
}

export async function fireTimer(fn: string, name: string): Promise<any> {
  const res = await fetch(`${process.env.HONGLIN_URL}/timers/${fn}/${name}`, { method: 'POST' });
  expect(res.status).toBe(200);
  return res.json();
}

export async function countOf(coll: string, query: Record<string, unknown> = {}): Promise<number> {
  const res = await sdk().database().collection(coll).where(query).count();
  return res.total as number;
}
