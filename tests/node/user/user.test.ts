import { call, ok, snapshot, uniqueOpenid, newRequestId } from '../support/cloud';

const WATCHED = ['users', 'user_openids', 'invites', 'requests', 'posters'];

/** A failed call must leave the database exactly as it was. */
async function expectNoWrite(run: () => Promise<unknown>) {
  const before = await snapshot(WATCHED);
  await run();
  expect(await snapshot(WATCHED)).toEqual(before);
}

describe('user.login', () => {
  it('creates a first-time user and binds them to the community of the scanned code', async () => {
    const openid = uniqueOpenid('scan');
    const first = await ok('user', { action: 'login', scene: encodeURIComponent('c=beihai&g=g3') }, openid);
    expect(first.created).toBe(true);
    expect(first.me).toMatchObject({ community: { name: '北海社区' }, grid: { name: '第三网格（北海新村）' }, role: 'resident', roles: ['resident'] });
    expect(first.me.displayName).toMatch(/^居民/);
    const again = await ok('user', { action: 'login' }, openid);
    expect(again.created).toBe(false);
    expect(again.me.id).toBe(first.me.id);
  });

  it('creates an unbound user without a scene, and ignores an unknown community', async () => {
    const r = await ok('user', { action: 'login', scene: 'c=nowhere' }, uniqueOpenid());
    expect(r.me.community).toBeUndefined();
  });

  it('makes exactly one user when the same person logs in many times at once', async () => {
    const openid = uniqueOpenid('race');
    const results = await Promise.all(Array.from({ length: 10 }, () => ok('user', { action: 'login' }, openid)));
    expect(new Set(results.map((r) => r.me.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('never returns the openid', async () => {
    const openid = uniqueOpenid('private');
    const r = await call('user', { action: 'login', scene: 'c=beihai' }, openid);
    expect(JSON.stringify(r)).not.toContain(openid);
  });
});

describe('user.me and roles', () => {
  it.each([
    ['demo-resident', 'resident', '王桂英'],
    ['demo-volunteer', 'volunteer', '李建华'],
    ['demo-unit', 'unit_member', '孙医生'],
    ['demo-gridworker', 'grid_worker', '周海燕'],
    ['demo-staff', 'staff', '陈书记'],
    ['demo-admin', 'admin', '系统管理员'],
  ])('%s is a %s', async (openid, role, name) => {
    const { me } = await ok('user', { action: 'me' }, openid);
    expect(me).toMatchObject({ role, displayName: name, community: { name: '北海社区' } });
    expect(me.roles).toContain('resident');
  });

  it('shows a unit member their unit and a grid worker their grid', async () => {
    expect((await ok('user', { action: 'me' }, 'demo-unit')).me.unit.name).toBe('东台市人民医院');
    expect((await ok('user', { action: 'me' }, 'demo-gridworker')).me.grid.name).toBe('第一网格（冷冻厂宿舍）');
  });

  it('asks an unknown caller to log in', async () => {
    expect(await call('user', { action: 'me' }, uniqueOpenid())).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('user.updateProfile', () => {
  it('changes the name and phone; the phone goes back only to its owner', async () => {
    const openid = uniqueOpenid('profile');
    await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    const r = await ok('user', { action: 'updateProfile', displayName: '  赵大爷 ', phone: '13912345678', requestId: newRequestId() }, openid);
    expect(r.me).toMatchObject({ displayName: '赵大爷', phone: '13912345678' });
    expect((await ok('user', { action: 'me' }, openid)).me.displayName).toBe('赵大爷');
  });

  it('replays a repeated requestId without writing again', async () => {
    const openid = uniqueOpenid('replay');
    await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    const requestId = newRequestId();
    const first = await ok('user', { action: 'updateProfile', displayName: '第一次', requestId }, openid);
    await ok('user', { action: 'updateProfile', displayName: '别的名字', requestId: newRequestId() }, openid);
    const replay = await ok('user', { action: 'updateProfile', displayName: '第一次', requestId }, openid);
    expect(replay).toEqual(first);
    expect((await ok('user', { action: 'me' }, openid)).me.displayName).toBe('别的名字');
  });

  it.each([
    [{ displayName: '' }, /昵称/],
    [{ displayName: '名'.repeat(21) }, /不能超过20个字/],
    [{ phone: '12345' }, /11位手机号/],
    [{ phone: 13912345678 }, /手机号/],
    [{}, /请填写要修改的资料/],
    [{ displayName: '代开发票' }, /不适宜/],
    [{ displayName: { $gt: '' } }, /昵称/],
  ])('rejects %j with a clear message and writes nothing', async (payload, message) => {
    await expectNoWrite(async () => {
      const r = await call('user', { action: 'updateProfile', ...payload }, 'demo-resident');
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) });
    });
  });
});

describe('invites', () => {
  it('staff invite a volunteer; the code grants the role once', async () => {
    const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer', requestId: newRequestId() }, 'demo-staff');
    expect(invite.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const openid = uniqueOpenid('vol');
    await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    const r = await ok('user', { action: 'redeemInvite', code: invite.code.toLowerCase() }, openid);
    expect(r.me.role).toBe('volunteer');
    const other = uniqueOpenid('late');
    await ok('user', { action: 'login', scene: 'c=beihai' }, other);
    await expectNoWrite(async () => {
      expect(await call('user', { action: 'redeemInvite', code: invite.code }, other)).toMatchObject({ ok: false, code: 'CONFLICT', message: '邀请码已被使用' });
    });
  });

  it('only one of many people racing for one code gets it', async () => {
    const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, 'demo-staff');
    const racers = Array.from({ length: 8 }, () => uniqueOpenid('racer'));
    await Promise.all(racers.map((o) => ok('user', { action: 'login', scene: 'c=beihai' }, o)));
    const results = await Promise.all(racers.map((o) => call('user', { action: 'redeemInvite', code: invite.code }, o)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(7);
  });

  it('a grid worker invite needs a grid of this community and grants that grid', async () => {
    expect(await call('user', { action: 'createInvite', role: 'grid_worker' }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('user', { action: 'createInvite', role: 'grid_worker', gridId: 'g_elsewhere' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const { invite } = await ok('user', { action: 'createInvite', role: 'grid_worker', gridId: 'g_beihai_5' }, 'demo-staff');
    const openid = uniqueOpenid('gw');
    await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    const { me } = await ok('user', { action: 'redeemInvite', code: invite.code }, openid);
    expect(me).toMatchObject({ role: 'grid_worker', grid: { name: '第五网格（望海苑）' } });
  });

  it('only admins may invite staff', async () => {
    expect(await call('user', { action: 'createInvite', role: 'staff' }, 'demo-staff')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('user', { action: 'createInvite', role: 'staff' }, 'demo-admin')).toMatchObject({ ok: true });
  });

  it.each(['demo-resident', 'demo-volunteer', 'demo-unit', 'demo-gridworker'])('%s may not create invites', async (openid) => {
    await expectNoWrite(async () => {
      expect(await call('user', { action: 'createInvite', role: 'volunteer' }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    });
  });

  it('an unknown or expired code is refused', async () => {
    expect(await call('user', { action: 'redeemInvite', code: 'ZZZZZZZZ' }, 'demo-resident')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('user', { action: 'redeemInvite', code: { $gt: '' } }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});

describe('bindCommunity and qrcode', () => {
  it('moves a person to the grid of a scanned poster', async () => {
    const openid = uniqueOpenid('move');
    await ok('user', { action: 'login' }, openid);
    const { me } = await ok('user', { action: 'bindCommunity', scene: 'c=beihai&g=g6&p=door1' }, openid);
    expect(me).toMatchObject({ community: { name: '北海社区' }, grid: { name: '第六网格（西溪小区）' } });
  });

  it('refuses a malformed or unknown scene', async () => {
    expect(await call('user', { action: 'bindCommunity', scene: '中文' }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('user', { action: 'bindCommunity', scene: 'c=nowhere' }, 'demo-resident')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('only staff make codes, only for their own community, scenes ≤ 32 characters', async () => {
    expect(await call('user', { action: 'qrcode', scene: 'c=beihai' }, 'demo-resident')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('user', { action: 'qrcode', scene: 'c=beihai&g=g1&p=' + 'x'.repeat(20) }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('user', { action: 'qrcode', scene: 'c=nowhere' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('malformed events', () => {
  it.each([
    [{ action: 'nope' }],
    [{ action: 123 }],
    [{}],
    [{ action: 'constructor' }],
    [{ action: '__proto__' }],
    [{ action: 'login', scene: 42 }],
    [{ action: 'createInvite', role: 'admin' }],
    [{ action: 'createInvite', role: 'volunteer', ttlHours: 1e9 }],
    [{ action: 'updateProfile', displayName: 'x'.repeat(10000) }],
  ])('%j → INVALID_ARGUMENT, nothing written', async (event) => {
    await expectNoWrite(async () => {
      const r = await call('user', event, 'demo-staff');
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(JSON.stringify(r)).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  });
});
