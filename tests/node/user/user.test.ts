import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { call, ok, sdk, snapshot, uniqueOpenid, newRequestId } from '../support/cloud';

const doc = async (coll: string, id: string): Promise<any> => (await sdk().database().collection(coll).doc(id).get()).data[0];

/** A second community, made once, for moving between communities. */
let other: { _id: string; code: string; name: string } | undefined;
async function otherCommunity() {
  if (other) return other;
  const code = `t${Date.now().toString(36).slice(-6)}`;
  other = { _id: `c_${code}`, code, name: '海晏社区' };
  await sdk().database().collection('communities').doc(other._id).set({ code, name: other.name, city: '东台市', district: '东台镇', street: '范公路', intro: '', center: { type: 'Point', coordinates: [120.32, 32.85] }, createdAt: Date.now() });
  return other;
}

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

describe('the front door: posters per grid, move offers, grid by building', () => {
  const scanQr = async (image: string): Promise<string> => {
    const png = PNG.sync.read(Buffer.from(image.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (!read) throw new Error('no QR code in the image');
    return new URL(read.data.replace(/^honglin:\/\//, 'https://mp/')).searchParams.get('scene') ?? '';
  };

  it('staff make a poster code per grid; scanning it puts a newcomer in that grid', async () => {
    const { scene, image } = await ok('user', { action: 'qrcode', gridId: 'g_beihai_3' }, 'demo-staff');
    expect(scene).toBe('c=beihai&g=g3');
    expect(scene.length).toBeLessThanOrEqual(32);
    const read = await scanQr(image);
    expect(read).toBe(scene);
    const { me, created } = await ok('user', { action: 'login', scene: read }, uniqueOpenid('poster'));
    expect(created).toBe(true);
    expect(me).toMatchObject({ community: { code: 'beihai' }, grid: { id: 'g_beihai_3' }, welcome: true });
    const community = await ok('user', { action: 'qrcode' }, 'demo-staff');
    expect(community.scene).toBe('c=beihai');
    expect(await scanQr(community.image)).toBe('c=beihai');
  });

  it('a grid poster names the community and grid, with its code and how to scan it', async () => {
    const { poster } = await ok('user', { action: 'poster', gridId: 'g_beihai_6' }, 'demo-staff');
    expect(poster).toMatchObject({ communityName: '北海社区', gridName: '第六网格（西溪小区）', scene: 'c=beihai&g=g6' });
    expect(poster.steps).toHaveLength(3);
    expect(await scanQr(poster.image)).toBe('c=beihai&g=g6');
    expect(await call('user', { action: 'poster' }, 'demo-volunteer')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('only staff make codes, only for grids of their own community', async () => {
    expect(await call('user', { action: 'qrcode' }, 'demo-resident')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('user', { action: 'qrcode', gridId: 'g_nowhere' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('user', { action: 'qrcode', gridId: '../x' }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('a member scanning another grid is asked, not moved; accepting moves them', async () => {
    const openid = uniqueOpenid('mover');
    await ok('user', { action: 'login', scene: 'c=beihai&g=g1' }, openid);
    const again = await ok('user', { action: 'login', scene: 'c=beihai&g=g6' }, openid);
    expect(again.me.grid.id).toBe('g_beihai_1');
    expect(again.moveOffer).toEqual({ communityId: 'c_beihai', communityName: '北海社区', gridId: 'g_beihai_6', gridName: '第六网格（西溪小区）', scene: 'c=beihai&g=g6' });
    // The same grid again, or the community poster: nothing to ask.
    expect((await ok('user', { action: 'login', scene: 'c=beihai&g=g1' }, openid)).moveOffer).toBeUndefined();
    expect((await ok('user', { action: 'login', scene: 'c=beihai' }, openid)).moveOffer).toBeUndefined();
    const { me } = await ok('user', { action: 'bindCommunity', scene: again.moveOffer.scene, requestId: newRequestId() }, openid);
    expect(me.grid).toEqual({ id: 'g_beihai_6', name: '第六网格（西溪小区）' });
    const stored = await doc('users', me.id);
    expect(stored).toMatchObject({ gridId: 'g_beihai_6', joinedVia: 'c=beihai&g=g6' });
  });

  it('a member without a grid who scans a grid poster of their community is placed at once', async () => {
    const openid = uniqueOpenid('nogrid');
    await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    const r = await ok('user', { action: 'login', scene: 'c=beihai&g=g2' }, openid);
    expect(r.moveOffer).toBeUndefined();
    expect(r.me.grid.id).toBe('g_beihai_2');
  });

  it('moving to another community leaves its roles behind, for good; history stays', async () => {
    const openid = uniqueOpenid('vol-move');
    await ok('user', { action: 'login', scene: 'c=beihai&g=g2' }, openid);
    const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer', requestId: newRequestId() }, 'demo-staff');
    await ok('user', { action: 'redeemInvite', code: invite.code, requestId: newRequestId() }, openid);
    const other = await otherCommunity();
    const offer = (await ok('user', { action: 'login', scene: `c=${other.code}` }, openid)).moveOffer;
    expect(offer).toMatchObject({ communityId: other._id, communityName: other.name });
    expect(offer.gridId).toBeUndefined();
    const moved = await ok('user', { action: 'bindCommunity', scene: offer.scene, requestId: newRequestId() }, openid);
    expect(moved.me).toMatchObject({ community: { id: other._id }, roles: ['resident'] });
    expect(moved.me.grid).toBeUndefined();
    const back = await ok('user', { action: 'bindCommunity', scene: 'c=beihai', requestId: newRequestId() }, openid);
    expect(back.me.roles).toEqual(['resident']);
    const stored = await doc('users', back.me.id);
    expect(stored.grants).toEqual([]);
    expect(stored.formerGrants).toEqual([expect.objectContaining({ role: 'volunteer', communityId: 'c_beihai', why: '迁出社区' })]);
  });

  it('a member picks their grid by building; a building of another grid is refused', async () => {
    const openid = uniqueOpenid('picker');
    await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    const { grids } = await ok('user', { action: 'grids' }, openid);
    expect(grids.map((g: any) => g.id)).toEqual(['g_beihai_1', 'g_beihai_2', 'g_beihai_3', 'g_beihai_4', 'g_beihai_5', 'g_beihai_6']);
    expect(grids[2]).toEqual({ id: 'g_beihai_3', name: '第三网格（北海新村）', buildings: ['9幢', '10幢', '11幢'] });
    const bad = await call('user', { action: 'chooseGrid', gridId: 'g_beihai_3', building: '1幢', requestId: newRequestId() }, openid);
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect((bad as any).message).toContain('1幢');
    const { me } = await ok('user', { action: 'chooseGrid', gridId: 'g_beihai_3', building: '10幢', requestId: newRequestId() }, openid);
    expect(me).toMatchObject({ grid: { id: 'g_beihai_3' }, building: '10幢' });
    expect(await call('user', { action: 'grids' }, uniqueOpenid('stranger'))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('staff list residents without a grid and move one; other members cannot', async () => {
    const openid = uniqueOpenid('unplaced');
    const { me } = await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    await ok('user', { action: 'updateProfile', displayName: '未分网格的赵大爷', requestId: newRequestId() }, openid);
    const page = await ok('user', { action: 'residents', unplaced: true }, 'demo-staff');
    expect(page.items.length).toBeLessThanOrEqual(20);
    expect(page.items.every((r: any) => r.grid === undefined)).toBe(true);
    expect(page.items.find((r: any) => r.id === me.id)).toMatchObject({ displayName: '未分网格的赵大爷' });
    expect(JSON.stringify(page)).not.toContain(openid);
    const found = await ok('user', { action: 'residents', q: '未分网格的赵大爷' }, 'demo-staff');
    expect(found.items.map((r: any) => r.id)).toEqual([me.id]);
    expect(await call('user', { action: 'moveResident', userId: me.id, gridId: 'g_beihai_5' }, 'demo-gridworker')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const moved = await ok('user', { action: 'moveResident', userId: me.id, gridId: 'g_beihai_5', building: '13幢', requestId: newRequestId() }, 'demo-staff');
    expect(moved.resident).toMatchObject({ id: me.id, grid: { id: 'g_beihai_5' }, building: '13幢' });
    expect((await ok('user', { action: 'me' }, openid)).me).toMatchObject({ grid: { id: 'g_beihai_5' }, building: '13幢' });
    expect(await call('user', { action: 'residents' }, 'demo-resident')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('the welcome asks once: a chosen name or a skip ends it', async () => {
    const a = uniqueOpenid('welcome');
    expect((await ok('user', { action: 'login', scene: 'c=beihai' }, a)).me).toMatchObject({ welcome: true, named: false });
    expect((await ok('user', { action: 'skipWelcome', requestId: newRequestId() }, a)).me.welcome).toBe(false);
    expect((await ok('user', { action: 'me' }, a)).me.welcome).toBe(false);
    const b = uniqueOpenid('welcome');
    await ok('user', { action: 'login', scene: 'c=beihai' }, b);
    const named = await ok('user', { action: 'updateProfile', displayName: '刘阿姨', avatarUrl: 'cloud://local.honglin/avatars/liu.png', requestId: newRequestId() }, b);
    expect(named.me).toMatchObject({ welcome: false, named: true, displayName: '刘阿姨', avatarUrl: 'cloud://local.honglin/avatars/liu.png' });
    expect((await ok('user', { action: 'me' }, 'demo-resident')).me.welcome).toBe(false);
  });

  it('refuses a malformed or unknown scene', async () => {
    expect(await call('user', { action: 'bindCommunity', scene: '中文' }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('user', { action: 'bindCommunity', scene: 'c=nowhere' }, 'demo-resident')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
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
