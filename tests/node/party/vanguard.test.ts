import { call, newRequestId, ok, sdk } from '../support/cloud';
import { memberForm, openCallout, partyCommunity, partyMember, residentIn, type PartyCommunity } from '../support/party';
import { applyEntry } from '../../../server/points/ledger';
import { roundTrips } from '../support/round-trips';

async function docOf(coll: string, id: string) {
  return (await sdk().database().collection(coll).doc(id).get()).data[0];
}

async function rows(coll: string, where: Record<string, unknown>) {
  return (await sdk().database().collection(coll).where(where).limit(1000).get()).data as any[];
}

/** Members answer 报到 to a call-out of two hours that staff then close: each is credited 5 + 2×2 = 9. */
async function attend(c: PartyCommunity, openids: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const id = await openCallout(c, 10, extra);
  for (const openid of openids) await ok('party', { action: 'respond', id, answer: 'coming' }, openid);
  await ok('party', { action: 'close', id, note: '巡逻结束' }, c.admin);
  return id;
}

async function volunteerIn(c: PartyCommunity, name: string): Promise<{ openid: string; userId: string }> {
  const openid = await residentIn(c, name);
  const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, c.admin);
  await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
  const { me } = await ok('user', { action: 'me' }, openid);
  return { openid, userId: me.id };
}

describe('先锋积分 and 先锋榜', () => {
  let c: PartyCommunity;
  let a: { openid: string; userId: string };
  let b: { openid: string; userId: string };
  let d: { openid: string; userId: string };
  let v: { openid: string; userId: string };
  let first: string;
  beforeAll(async () => {
    c = await partyCommunity();
    a = await partyMember(c, '张红旗');
    b = await partyMember(c, '李卫东');
    // A member of another 党组织.
    const openid = await residentIn(c, '王先锋');
    const { registration } = await ok('party', memberForm({ branch: '茶山街道机关党支部' }), openid);
    await ok('party', { action: 'confirm', id: registration.id }, c.admin);
    d = { openid, userId: (await ok('user', { action: 'me' }, openid)).me.id };
    v = await volunteerIn(c, '钱志愿');
    first = await attend(c, [a.openid, b.openid, d.openid, v.openid]);
    await attend(c, [a.openid]);
  });

  it('a call-out attended earns a party member 先锋积分 in the same ledger, once; a volunteer earns points only', async () => {
    const entries = await rows('points_entries', { 'source.id': first });
    const mine = (userId: string) => entries.filter((e) => e.userId === userId).map((e) => [e.account ?? 'points', e.kind, e.amount]).sort();
    expect(mine(a.userId)).toEqual([['points', 'earn', 9], ['vanguard', 'earn', 9]]);
    expect(mine(v.userId)).toEqual([['points', 'earn', 9]]);
    expect(entries.find((e) => e.userId === a.userId && e.account === 'vanguard').reason).toBe('先锋积分·党员响应社区吹哨：夜间平安巡逻（2小时）');
    // The two accounts: spendable points and 先锋积分, each the sum of its own entries.
    expect(await docOf('points_accounts', `${c.id}.${a.userId}`)).toMatchObject({ balance: 18, earned: 18 });
    expect(await docOf('points_accounts', `${c.id}.${a.userId}.vanguard`)).toMatchObject({ account: 'vanguard', balance: 18, earned: 18, spent: 0 });
    expect(await docOf('points_accounts', `${c.id}.${v.userId}.vanguard`)).toBeUndefined();
    // What a person can spend is their points only; their history lists points only.
    expect(await ok('points', { action: 'balance' }, a.openid)).toMatchObject({ balance: 18, earned: 18 });
    const history = await ok('points', { action: 'history' }, a.openid);
    expect(history.items.map((e: any) => e.amount)).toEqual([9, 9]);
    // Closing again credits nothing twice.
    expect(await call('party', { action: 'close', id: first, note: '再关一次' }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await rows('points_entries', { 'source.id': first, userId: a.userId })).toHaveLength(2);
  });

  it('先锋积分 cannot be spent: the ledger refuses a spend or a refund on that account', () => {
    const base = { userId: 'u1', communityId: 'c1', source: { type: 'order', id: 'o1' }, reason: '兑换', by: 'u1', at: 1, account: 'vanguard' as const };
    expect(() => applyEntry({ _id: 'c1.u1.vanguard', userId: 'u1', communityId: 'c1', account: 'vanguard', balance: 50, earned: 50, spent: 0, updatedAt: 0 }, { ...base, amount: -10, kind: 'spend' })).toThrow('先锋积分不能兑换');
    expect(() => applyEntry(null, { ...base, amount: 10, kind: 'refund' })).toThrow('先锋积分不能兑换');
    // Nor can an entry of one kind land on the other kind's account.
    expect(() => applyEntry({ _id: 'c1.u1', userId: 'u1', communityId: 'c1', balance: 0, earned: 0, spent: 0, updatedAt: 0 }, { ...base, amount: 10, kind: 'earn' })).toThrow();
  });

  it('the 先锋榜 ranks the community’s members, ties share a place; residents read masked names, staff real ones', async () => {
    const board = await ok('party', { action: 'vanguard' }, c.resident);
    expect(board.year).toBe(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
    expect(board.branches).toEqual(['东台市供电公司第一党支部', '茶山街道机关党支部'].sort());
    // Equal totals share the place, in a fixed order (by person) that does not depend on names.
    expect(board.items.map((r: any) => [r.rank, r.name, r.points]).sort()).toEqual([
      [1, '张**', 18],
      [2, '李**', 9],
      [2, '王**', 9],
    ]);
    expect(board.items[0].name).toBe('张**');
    expect(board.me).toBeUndefined();
    const staff = await ok('party', { action: 'vanguard' }, c.admin);
    expect(staff.items.map((r: any) => [r.name, r.branch]).sort()).toEqual([
      ['张红旗', '东台市供电公司第一党支部'],
      ['李卫东', '东台市供电公司第一党支部'],
      ['王先锋', '茶山街道机关党支部'],
    ].sort());
    const own = await ok('party', { action: 'vanguard' }, b.openid);
    expect(own.me).toMatchObject({ rank: 2, name: '李**', points: 9, me: true });
    // One 党组织's board.
    const branch = await ok('party', { action: 'vanguard', branch: '茶山街道机关党支部' }, c.admin);
    expect(branch.items.map((r: any) => [r.rank, r.name, r.points])).toEqual([[1, '王先锋', 9]]);
    // Another year has nothing yet; a bad year is refused.
    expect((await ok('party', { action: 'vanguard', year: 2001 }, c.admin)).items).toEqual([]);
    expect(await call('party', { action: 'vanguard', year: 1800 }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    // The points 光荣榜 counts points, not 先锋积分 as well.
    const glory = await ok('points', { action: 'leaderboard' }, c.admin);
    expect(glory.items.find((r: any) => r.points === 18)).toBeTruthy();
    expect(glory.items.find((r: any) => r.points === 36)).toBeUndefined();
  });

  it('the board costs the caller, its confirmed members, then one aggregation: four round trips', async () => {
    let main: any;
    jest.isolateModules(() => {
      main = require('../../../server/party').partyFunction;
    });
    const { requests, result } = await roundTrips(() => main({ action: 'vanguard' }, {}), c.admin);
    expect(result).toMatchObject({ ok: true, data: { items: expect.any(Array) } });
    expect(requests).toBeLessThanOrEqual(4);
  });

  it('a 先锋积分 given by mistake is reversed like any earning, and the board follows', async () => {
    const [entry] = await rows('points_entries', { 'source.id': first, userId: d.userId, account: 'vanguard' });
    const { entry: reversal } = await ok('points', { action: 'reverse', entryId: entry._id, reason: '误记', requestId: newRequestId() }, c.admin);
    expect(reversal.amount).toBe(-9);
    expect(await docOf('points_accounts', `${c.id}.${d.userId}.vanguard`)).toMatchObject({ balance: 0, earned: 0 });
    expect(await docOf('points_accounts', `${c.id}.${d.userId}`)).toMatchObject({ balance: 9 });
    const board = await ok('party', { action: 'vanguard' }, c.admin);
    expect(board.items.map((r: any) => r.name)).toEqual(['张红旗', '李卫东']);
  });

  it('reconcile checks 先锋积分 accounts too: zero mismatches, and a tampered one is found', async () => {
    const clean = await ok('points', { action: 'reconcile' }, c.admin);
    expect(clean).toMatchObject({ mismatches: [], negative: 0 });
    // Four points accounts (three members and the volunteer) and three 先锋积分 accounts.
    expect(clean.accounts).toBe(7);
    await sdk().database().collection('points_accounts').doc(`${c.id}.${b.userId}.vanguard`).update({ balance: 100 });
    const tampered = await ok('points', { action: 'reconcile' }, c.admin);
    expect(tampered.mismatches).toEqual([expect.objectContaining({ userId: b.userId, account: 'vanguard', balance: 100, sumOfEntries: 9 })]);
    await sdk().database().collection('points_accounts').doc(`${c.id}.${b.userId}.vanguard`).update({ balance: 9 });
  });
});
