import { call, newRequestId, ok, sdk, snapshot, uniqueOpenid } from '../support/cloud';
import { newCommunity } from '../support/map';
import { newVolunteer, openWish, userIdOf } from '../support/wish';

const doc = async (coll: string, id: string): Promise<any> => (await sdk().database().collection(coll).doc(id).get()).data[0];

/** A new member of the demo community holding `role`, invited by demo staff (staff by demo admin). */
async function member(role: 'volunteer' | 'grid_worker' | 'staff'): Promise<string> {
  const openid = uniqueOpenid(`role-${role}`);
  await ok('user', { action: 'login', scene: 'c=beihai&g=g2' }, openid);
  const { invite } = await ok('user', { action: 'createInvite', role, ...(role === 'grid_worker' ? { gridId: 'g_beihai_2' } : {}) }, role === 'staff' ? 'demo-admin' : 'demo-staff');
  await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
  return openid;
}

const WATCHED = ['users', 'user_events', 'requests'];

describe('user.revokeRole', () => {
  it('staff revoke a volunteer: the grant moves to formerGrants, the change is recorded, the next claim is refused', async () => {
    const volunteer = await newVolunteer();
    const userId = await userIdOf(volunteer);
    const requestId = newRequestId();
    const input = { action: 'revokeRole', userId, role: 'volunteer', reason: '长期联系不上，本人同意退出', requestId };
    const { resident } = await ok('user', input, 'demo-staff');
    expect(resident).toMatchObject({ id: userId, roles: [] });
    // A repeat answers as the first and writes nothing again.
    const before = await snapshot(WATCHED);
    expect((await ok('user', input, 'demo-staff')).resident).toEqual(resident);
    expect(await snapshot(WATCHED)).toEqual(before);

    const stored = await doc('users', userId);
    expect(stored.grants).toEqual([]);
    expect(stored.formerGrants).toEqual([expect.objectContaining({ role: 'volunteer', communityId: 'c_beihai', why: '长期联系不上，本人同意退出', endedAt: expect.any(Number) })]);
    const events = (await sdk().database().collection('user_events').where({ targetId: userId }).get()).data;
    expect(events).toEqual([expect.objectContaining({ communityId: 'c_beihai', target: 'user', field: 'roles', from: 'resident,volunteer', to: 'resident', why: '长期联系不上，本人同意退出', byLabel: expect.stringContaining('社区工作者') })]);
    expect(JSON.stringify(events)).not.toContain('demo-staff');

    const wishId = await openWish('帮忙换个灯泡');
    expect(await call('wish', { action: 'claim', id: wishId, requestId: newRequestId() }, volunteer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await ok('user', { action: 'me' }, volunteer)).me.roles).toEqual(['resident']);
    // Gone already: a second revoke with a new request says so and writes nothing.
    const again = await call('user', { ...input, requestId: newRequestId() }, 'demo-staff');
    expect(again).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('an admin revokes a staff member; the next staff-only call is FORBIDDEN', async () => {
    const staff = await member('staff');
    const userId = await userIdOf(staff);
    expect((await call('user', { action: 'residents' }, staff)).ok).toBe(true);
    await ok('user', { action: 'revokeRole', userId, role: 'staff', reason: '调离本社区', requestId: newRequestId() }, 'demo-admin');
    expect(await call('user', { action: 'residents' }, staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('user', { action: 'createInvite', role: 'volunteer', requestId: newRequestId() }, staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('who may revoke what: staff not staff, no one their own admin, nobody of another community', async () => {
    const staff = await member('staff');
    const staffId = await userIdOf(staff);
    const worker = await member('grid_worker');
    const workerId = await userIdOf(worker);
    const adminId = await userIdOf('demo-admin');
    const other = await newCommunity();
    const rid = newRequestId;
    await expectNoWrite(async () => {
      expect(await call('user', { action: 'revokeRole', userId: staffId, role: 'staff', reason: '越权', requestId: rid() }, 'demo-staff')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call('user', { action: 'revokeRole', userId: adminId, role: 'admin', reason: '自己撤自己', requestId: rid() }, 'demo-admin')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call('user', { action: 'revokeRole', userId: workerId, role: 'grid_worker', reason: '不是工作人员', requestId: rid() }, 'demo-volunteer')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call('user', { action: 'revokeRole', userId: workerId, role: 'grid_worker', reason: '居民', requestId: rid() }, 'demo-resident')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await call('user', { action: 'revokeRole', userId: workerId, role: 'grid_worker', reason: '别的社区', requestId: rid() }, other.admin)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await call('user', { action: 'revokeRole', userId: workerId, role: 'resident', reason: '居民身份', requestId: rid() }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(await call('user', { action: 'revokeRole', userId: workerId, role: 'grid_worker', reason: '', requestId: rid() }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(await call('user', { action: 'revokeRole', userId: workerId, role: 'volunteer', reason: '没有这个身份', requestId: rid() }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    });
    const { resident } = await ok('user', { action: 'revokeRole', userId: workerId, role: 'grid_worker', reason: '换届', requestId: rid() }, 'demo-staff');
    expect(resident.roles).toEqual([]);
  });

  it('staff list members by role', async () => {
    const volunteer = await newVolunteer();
    const userId = await userIdOf(volunteer);
    const found = await ok('user', { action: 'residents', role: 'volunteer', q: (await ok('user', { action: 'me' }, volunteer)).me.displayName }, 'demo-staff');
    expect(found.items).toEqual([expect.objectContaining({ id: userId, roles: ['volunteer'] })]);
  });

  it('a staff member who moves community and back does not get the old grants again', async () => {
    const staff = await member('staff');
    const other = await newCommunity();
    const { moveOffer } = await ok('user', { action: 'login', scene: `c=${other.code}` }, staff);
    await ok('user', { action: 'bindCommunity', scene: moveOffer.scene, requestId: newRequestId() }, staff);
    const back = (await ok('user', { action: 'login', scene: 'c=beihai' }, staff)).moveOffer;
    const { me } = await ok('user', { action: 'bindCommunity', scene: back.scene, requestId: newRequestId() }, staff);
    expect(me.roles).toEqual(['resident']);
    expect(await call('user', { action: 'residents' }, staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('points', { action: 'award', userId: await userIdOf('demo-resident'), points: 5, reason: '旧身份', requestId: newRequestId() }, staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const stored = await doc('users', me.id);
    expect(stored.formerGrants).toEqual([expect.objectContaining({ role: 'staff', communityId: 'c_beihai', why: '迁出社区' })]);
  });
});

async function expectNoWrite(run: () => Promise<unknown>) {
  const before = await snapshot(WATCHED);
  await run();
  expect(await snapshot(WATCHED)).toEqual(before);
}
