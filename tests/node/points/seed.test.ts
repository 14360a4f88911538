import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import type { Doc } from '../../../emulator/db/codec';
import { DEMO_UNITS, DEMO_USERS } from '../../../demo/community';
import { seedDemo } from '../../../demo';
import { DEMO_BALANCES, seedPoints } from '../../../demo/points';
import { startLocalCloud, type LocalCloud } from '../../../emulator/server';
import { entryId } from '../../../server/points/ledger';
import { goodsFields } from '../../../server/points/schemas';

function seeded(): Array<{ coll: string; doc: Doc }> {
  const out: Array<{ coll: string; doc: Doc }> = [];
  seedPoints((coll, doc) => out.push({ coll, doc }), 1_700_000_000_000);
  return out;
}

describe('demo points', () => {
  const docs = seeded();
  const of = (coll: string) => docs.filter((d) => d.coll === coll).map((d) => d.doc as any);

  it('米、面、油、洗车卡 and services, each valid as staff would enter it, some from 共建单位', () => {
    const goods = of('points_goods');
    expect(goods.length).toBeGreaterThanOrEqual(8);
    expect(new Set(goods.map((g) => g._id)).size).toBe(goods.length);
    for (const word of ['大米', '面粉', '油', '洗车卡', '理发']) expect(goods.some((g) => g.name.includes(word))).toBe(true);
    const schema = z.object(goodsFields);
    for (const g of goods) {
      const parsed = schema.safeParse({ name: g.name, description: g.description, cost: g.cost, unitId: g.unitId, pickupPlace: g.pickupPlace, perPersonLimit: g.perPersonLimit });
      expect(parsed.success).toBe(true);
      expect(g).toMatchObject({ communityId: 'c_beihai', status: 'on_shelf', supplied: g.stock });
      expect(g.stock).toBeGreaterThan(0);
      if (g.unitId) expect(g.providerName).toBe(DEMO_UNITS.find((u) => u._id === g.unitId)!.name);
      else expect(g.providerName).toBe('北海社区');
    }
    expect(goods.filter((g) => g.unitId === 'unit_hospital').length).toBeGreaterThanOrEqual(1);
    expect(goods.filter((g) => g.unitId === 'unit_power').length).toBeGreaterThanOrEqual(1);
  });

  it('starting balances are proper ledger entries: one 初始积分 adjustment each, the account equal to it', () => {
    const entries = of('points_entries');
    const accounts = of('points_accounts');
    expect(entries).toHaveLength(Object.keys(DEMO_BALANCES).length);
    for (const [openid, amount] of Object.entries(DEMO_BALANCES)) {
      const user = DEMO_USERS.find((u) => u.openid === openid)!;
      const entry = entries.find((e) => e.userId === user._id);
      expect(entry).toMatchObject({ _id: entryId(entry), kind: 'adjust', amount, reason: '初始积分', balanceAfter: amount, communityId: 'c_beihai' });
      expect(accounts.find((a) => a._id === `c_beihai.${user._id}`)).toMatchObject({ userId: user._id, communityId: 'c_beihai', balance: amount, earned: amount, spent: 0 });
    }
  });
});

/** A second local cloud, seeded as `npm start` will be once seedPoints is wired into seedDemo. */
describe('redeem → verify on a freshly seeded local cloud, with the demo accounts', () => {
  let cloud: LocalCloud;
  const fn = async (event: Record<string, unknown>, openid: string): Promise<any> => {
    const res = await fetch(`${cloud.url}/fn/points`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(event) });
    return res.json();
  };

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-points-seed-'));
    cloud = await startLocalCloud({ dataDir, build: false, maxInstances: 2 });
    const now = Date.now();
    seedDemo(cloud.db.store, now);
    const writes: Array<{ coll: string; id: string; doc: Doc }> = [];
    seedPoints((coll, doc) => writes.push({ coll, id: doc._id, doc }), now);
    cloud.db.store.commit(writes);
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('demo-resident redeems a hospital check-up, demo-unit verifies it; the mall and the books agree', async () => {
    expect(await fn({ action: 'balance' }, 'demo-resident')).toEqual({ ok: true, data: { balance: 180, earned: 180, spent: 0 } });
    const shelf = await fn({ action: 'goods' }, 'demo-resident');
    const checkup = shelf.data.items.find((g: any) => g.provider === '东台市人民医院');
    expect(checkup).toBeDefined();
    const redeemed = await fn({ action: 'redeem', goodsId: checkup.id, requestId: 'seed-flow-0001' }, 'demo-resident');
    expect(redeemed).toMatchObject({ ok: true, data: { balance: 180 - checkup.cost, order: { status: 'pending', provider: '东台市人民医院' } } });
    const code = redeemed.data.order.pickupCode;
    const power = shelf.data.items.find((g: any) => g.provider === '国网东台市供电公司');
    const other = await fn({ action: 'redeem', goodsId: power.id }, 'demo-volunteer');
    expect(await fn({ action: 'verify', code: other.data.order.pickupCode }, 'demo-unit')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const verified = await fn({ action: 'verify', code }, 'demo-unit');
    expect(verified).toMatchObject({ ok: true, data: { order: { status: 'redeemed', holder: '王**' } } });
    expect((await fn({ action: 'verify', code: other.data.order.pickupCode }, 'demo-staff')).data.order.status).toBe('redeemed');
    const report = await fn({ action: 'reconcile' }, 'demo-admin');
    expect(report).toMatchObject({ ok: true, data: { mismatches: [], stockMismatches: [], negative: 0 } });
    expect(report.data.accounts).toBe(Object.keys(DEMO_BALANCES).length);
    const board = await fn({ action: 'leaderboard' }, 'demo-volunteer');
    // Starting points are not earnings: the board starts empty.
    expect(board).toMatchObject({ ok: true, data: { scope: { kind: 'recent' }, items: [] } });
  });
});
