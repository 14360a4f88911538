import { call, newRequestId, ok, sdk } from '../support/cloud';
import { listsOk, newListsCommunity, type ListsCommunity } from '../support/lists';
import { nextPhone } from '../support/party';

/**
 * 单位主页 through the real SDK: a unit member sees the projects their unit may claim and holds,
 * the open needs its resources fit, its members and who of them verify, and its goods with stock
 * and pickups; the contact names the verifiers, and only they verify; members read the unit's report.
 */

const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

describe('单位主页', () => {
  let c: ListsCommunity;
  let registrationId: string;
  let colleague: string;
  let colleagueId: string;
  let goodsId: string;
  let projectId: string;
  let needId: string;

  beforeAll(async () => {
    c = await newListsCommunity();
    // The unit member registers the unit (its contact); staff confirm, and its offer becomes a resource.
    const { registration } = await ok('party', { action: 'register', kind: 'unit', branch: '测试供电所党支部', phone: nextPhone(), offers: [{ title: '电力抢修', category: '水电维修' }], commitments: [{ title: '上门检修老旧线路', target: 12, unit: '户' }] }, c.unitMember);
    await ok('party', { action: 'confirm', id: registration.id }, c.staff);
    registrationId = registration.id;
    const { join } = await ok('party', { action: 'unitJoin', id: registrationId }, c.unitMember);
    colleague = `ucol-${c.code}`;
    await ok('user', { action: 'login', scene: `c=${c.code}&g=g1` }, colleague);
    await ok('user', { action: 'updateProfile', displayName: '钱工程师' }, colleague);
    await ok('party', { action: 'join', code: join.code }, colleague);
    colleagueId = (await ok('user', { action: 'me' }, colleague)).me.id;

    needId = (await listsOk({ action: 'addNeed', category: '水电维修', title: '楼道电线老化', gridId: c.gridId }, c.staff)).need.id;
    await listsOk({ action: 'addNeed', category: '助老服务', title: '陪老人买菜', gridId: c.gridId }, c.staff);
    const { project } = await listsOk({ action: 'saveProject', op: 'create', project: { title: '老旧小区线路改造', description: '逐户检查线路', category: '水电维修', gridIds: [c.gridId] } }, c.staff);
    await listsOk({ action: 'saveProject', op: 'publish', id: project.id }, c.staff);
    projectId = project.id;

    goodsId = (await ok('points', { action: 'manageGoods', op: 'create', name: '节能灯泡', cost: 5, stock: 10, unitId: c.unitId, pickupPlace: '供电所营业厅', perPersonLimit: 2 }, c.staff)).goods.id;
    await ok('points', { action: 'award', userId: c.residentId, points: 20, reason: '参加志愿服务' }, c.staff);
  });

  it('the contact sees the unit: projects to claim, needs its resources fit, members, goods with stock', async () => {
    const portal = await ok('party', { action: 'unitPortal' }, c.unitMember);
    expect(portal).toMatchObject({ unit: { id: c.unitId, name: '测试供电所' }, registrationId, manages: true, verifies: true });
    expect(portal.projects.open.map((p: any) => p.title)).toEqual(['老旧小区线路改造']);
    expect(portal.projects.claimed).toEqual([]);
    expect(portal.needs.map((n: any) => [n.id, n.title, n.gridName])).toEqual([[needId, '楼道电线老化', '第一网格']]);
    expect(portal.members).toHaveLength(2);
    expect(portal.members[0]).toMatchObject({ contact: true, verifier: true });
    expect(portal.members.find((m: any) => m.userId === colleagueId)).toEqual({ userId: colleagueId, name: '钱**', verifier: true, contact: false });
    expect(portal.goods).toEqual([{ id: goodsId, name: '节能灯泡', cost: 5, stock: 10, pending: 0, redeemed: 0, onShelf: true }]);

    // Staff name the unit and read real names.
    const seen = await ok('party', { action: 'unitPortal', unitId: c.unitId }, c.staff);
    expect(seen.members.map((m: any) => m.name)).toContain('钱工程师');
  });

  it('the contact names who verifies; a member taken off cannot verify, one named again can', async () => {
    const { order } = await ok('points', { action: 'redeem', goodsId }, c.resident);
    expect(await call('party', { action: 'setVerifier', userId: c.unitMemberId, verifier: false }, colleague)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const off = await ok('party', { action: 'setVerifier', userId: colleagueId, verifier: false, requestId: newRequestId() }, c.unitMember);
    expect(off.members.find((m: any) => m.userId === colleagueId).verifier).toBe(false);
    expect((await ok('party', { action: 'unitPortal' }, colleague)).verifies).toBe(false);
    expect(await call('points', { action: 'verify', code: order.pickupCode }, colleague)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '您不是本单位指定的核销人员，请联系单位联系人' });
    expect((await ok('party', { action: 'unitPortal' }, c.unitMember)).goods[0]).toMatchObject({ stock: 9, pending: 1, redeemed: 0 });

    await ok('party', { action: 'setVerifier', userId: colleagueId, verifier: true }, c.unitMember);
    await ok('points', { action: 'verify', code: order.pickupCode }, colleague);
    expect((await ok('party', { action: 'unitPortal' }, c.unitMember)).goods[0]).toMatchObject({ stock: 9, pending: 0, redeemed: 1 });
    const unit = (await sdk().database().collection('units').doc(c.unitId).get()).data[0];
    expect(unit.verifierIds.sort()).toEqual([c.unitMemberId, colleagueId].sort());

    // Someone outside the unit is refused, and so is naming them.
    expect(await call('party', { action: 'setVerifier', userId: c.residentId, verifier: true }, c.unitMember)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a claimed project moves to the unit’s own list', async () => {
    await listsOk({ action: 'claimProject', id: projectId }, colleague);
    const portal = await ok('party', { action: 'unitPortal' }, colleague);
    expect(portal.projects.open).toEqual([]);
    expect(portal.projects.claimed.map((p: any) => [p.title, p.status])).toEqual([['老旧小区线路改造', 'recruiting']]);
  });

  it('a member reads the unit’s report; residents and other units cannot open the unit', async () => {
    const { report } = await ok('party', { action: 'report', subjectId: registrationId, year }, colleague);
    expect(report).toMatchObject({ kind: 'unit', people: 2 });
    expect(await call('party', { action: 'report', subjectId: registrationId, year }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'acknowledge', subjectId: registrationId, year }, colleague)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'unitPortal' }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'unitPortal', unitId: 'unit_power' }, colleague)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'unitPortal', unitId: c.unitId }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
