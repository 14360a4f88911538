import { call, newRequestId, ok, sdk } from '../support/cloud';
import { grant } from '../support/map';
import { memberForm, nextPhone, partyCommunity, residentIn, type PartyCommunity } from '../support/party';

/** What party actions may write in the community (other files write theirs at the same time). */
async function snapshot(c: PartyCommunity) {
  const db = sdk().database();
  const [registrations, events, posts] = await Promise.all([
    db.collection('party_registrations').where({ communityId: c.id }).limit(1000).get(),
    db.collection('party_events').where({ communityId: c.id }).limit(1000).get(),
    db.collection('party_posts').doc(c.id).get(),
  ]);
  return [registrations.data, events.data, posts.data];
}

async function userDoc(openid: string) {
  const { me } = await ok('user', { action: 'me' }, openid);
  return (await sdk().database().collection('users').doc(me.id).get()).data[0];
}

describe('双报到', () => {
  let c: PartyCommunity;
  beforeAll(async () => {
    c = await partyCommunity();
  });

  it('a party member registers with their branch, work unit and posts; staff confirm; they become a volunteer, once', async () => {
    const openid = await residentIn(c, '李卫东');
    const requestId = newRequestId();
    const first = await ok('party', { ...memberForm(), requestId }, openid);
    expect(first.registration).toMatchObject({ kind: 'member', kindLabel: '在职党员', status: 'pending', statusLabel: '待确认', name: '李卫东', posts: ['平安巡逻', '助老服务'], showBadge: true });
    // The same request again answers as the first and writes nothing.
    const before = await snapshot(c);
    expect(await ok('party', { ...memberForm(), requestId }, openid)).toEqual(first);
    expect(await snapshot(c)).toEqual(before);

    const { items } = await ok('party', { action: 'registrations', status: 'pending' }, c.admin);
    expect(items.map((r: any) => r.id)).toContain(first.registration.id);

    const confirmId = newRequestId();
    const confirmed = await ok('party', { action: 'confirm', id: first.registration.id, requestId: confirmId }, c.admin);
    expect(confirmed.registration).toMatchObject({ status: 'confirmed', statusLabel: '已报到' });
    expect(await ok('party', { action: 'confirm', id: first.registration.id, requestId: confirmId }, c.admin)).toEqual(confirmed);
    const again = await call('party', { action: 'confirm', id: first.registration.id }, c.admin);
    expect(again).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });

    const user = await userDoc(openid);
    expect(user.grants.filter((g: any) => g.role === 'volunteer' && g.communityId === c.id)).toHaveLength(1);
    const mine = await ok('party', { action: 'mine' }, openid);
    expect(mine).toMatchObject({ party: true, registrations: [{ status: 'confirmed' }] });
    expect(mine.posts).toContain('楼栋长');

    // Confirmed stays as it is.
    expect(await call('party', memberForm(), openid)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const events = (await sdk().database().collection('party_events').where({ targetId: first.registration.id }).get()).data;
    expect(events.map((e: any) => `${e.from}>${e.to}`).sort()).toEqual(['null>pending', 'pending>confirmed']);
  });

  it('refuses bad forms with a code and a Chinese message, and changes nothing', async () => {
    const openid = await residentIn(c);
    const before = await snapshot(c);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [memberForm({ posts: ['开飞机'] }), 'INVALID_ARGUMENT', /不在本社区的岗位清单/],
      [memberForm({ posts: [] }), 'INVALID_ARGUMENT', /至少选择一个岗位/],
      [memberForm({ branch: undefined }), 'INVALID_ARGUMENT', /所在党组织/],
      [memberForm({ phone: '12345' }), 'INVALID_ARGUMENT', /手机号/],
      [memberForm({ kind: 'boss' }), 'INVALID_ARGUMENT', /报到类别/],
      [{ action: 'register', kind: 'unit', branch: '党支部', phone: nextPhone(), commitments: [{ title: '义诊', target: 4, unit: '次' }] }, 'FORBIDDEN', /单位联系人/],
      [{ action: 'register', kind: 'courier', workUnit: '美团外卖', phone: nextPhone(), gridId: 'g_beihai_1' }, 'INVALID_ARGUMENT', /网格不在本社区/],
      [{ action: 'register', kind: 'courier', workUnit: '美团外卖', phone: nextPhone() }, 'INVALID_ARGUMENT', /网格/],
    ];
    for (const [event, code, message] of cases) {
      const r = await call('party', event, openid);
      expect(r).toMatchObject({ ok: false, code });
      if (!r.ok) expect(r.message).toMatch(message);
    }
    expect(await call('party', memberForm(), undefined)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await snapshot(c)).toEqual(before);
  });

  it('a pending registration is updated when sent again; a rejected one waits again after it is corrected', async () => {
    const openid = await residentIn(c, '赵红梅');
    const { registration } = await ok('party', memberForm({ posts: ['文明劝导'] }), openid);
    const updated = await ok('party', memberForm({ posts: ['政策宣讲'] }), openid);
    expect(updated.registration).toMatchObject({ id: registration.id, posts: ['政策宣讲'], status: 'pending' });

    expect(await call('party', { action: 'reject', id: registration.id, reason: '' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const rejected = await ok('party', { action: 'reject', id: registration.id, reason: '党组织名称请写全称' }, c.admin);
    expect(rejected.registration).toMatchObject({ status: 'rejected', reason: '党组织名称请写全称' });
    expect(await call('party', { action: 'confirm', id: registration.id }, c.admin)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    const resent = await ok('party', memberForm({ branch: '东台镇北海社区第二党支部' }), openid);
    expect(resent.registration).toMatchObject({ status: 'pending', branch: '东台镇北海社区第二党支部' });
  });

  it('staff only decide, and only in their own community', async () => {
    const openid = await residentIn(c);
    const { registration } = await ok('party', memberForm(), openid);
    expect(await call('party', { action: 'confirm', id: registration.id }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'registrations' }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'confirm', id: registration.id }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('party', { action: 'reject', id: registration.id, reason: '不是本社区' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a unit registers through its contact with its resources and yearly commitments', async () => {
    const contact = await residentIn(c, '孙国平');
    const { invite } = await ok('user', { action: 'createInvite', role: 'unit_member', unitId: c.unitId }, c.admin);
    await ok('user', { action: 'redeemInvite', code: invite.code }, contact);
    const { registration } = await ok(
      'party',
      { action: 'register', kind: 'unit', branch: '常州供电公司党委', phone: nextPhone(), resources: ['电力抢修', '用电安全宣讲'], commitments: [{ title: '上门检修老旧线路', target: 12, unit: '户' }, { title: '用电安全讲座', target: 4, unit: '场' }] },
      contact,
    );
    expect(registration).toMatchObject({ kind: 'unit', unitName: '常州供电公司', contact: '孙国平', resources: ['电力抢修', '用电安全宣讲'] });
    expect(registration.commitments).toEqual([expect.objectContaining({ title: '上门检修老旧线路', target: 12, unit: '户', done: 0 }), expect.objectContaining({ title: '用电安全讲座', target: 4, done: 0 })]);
    const { items } = await ok('party', { action: 'registrations', kind: 'unit' }, c.admin);
    expect(items.map((r: any) => r.id)).toEqual([registration.id]);

    // 亮承诺 kept up by the contact once confirmed; nobody else but staff.
    const [lines] = registration.commitments;
    const step = { action: 'progress', id: registration.id, commitmentId: lines.id, done: 5 };
    expect(await call('party', step, contact)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    await ok('party', { action: 'confirm', id: registration.id }, c.admin);
    expect(await call('party', step, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { ...step, commitmentId: 'nothere1' }, contact)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('party', { ...step, done: -1 }, contact)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const requestId = newRequestId();
    const stepped = await ok('party', { ...step, requestId }, contact);
    expect(stepped.registration.commitments[0]).toMatchObject({ title: '上门检修老旧线路', done: 5, target: 12 });
    expect(await ok('party', { ...step, done: 9, requestId }, contact)).toEqual(stepped);
    expect((await ok('party', { ...step, done: 7 }, c.admin)).registration.commitments[0].done).toBe(7);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const { report } = await ok('party', { action: 'report', year }, contact);
    expect(report.commitments[0]).toMatchObject({ done: 7, target: 12 });
  });

  it('a courier 报到备案 for a grid; confirmed, they hold a part-time grid worker role for that grid, not its worker of record', async () => {
    const openid = await residentIn(c, '周小兵');
    const { registration } = await ok('party', { action: 'register', kind: 'courier', workUnit: '美团外卖', phone: nextPhone(), gridId: c.gridId }, openid);
    expect(registration).toMatchObject({ kind: 'courier', kindLabel: '兼职网格员', gridId: c.gridId, workUnit: '美团外卖' });
    // Grid tasks follow the grid role: none before staff confirm, the grid's tickets after.
    const gridTickets = { action: 'tickets', scope: 'all', gridId: c.gridId };
    expect(await call('lists', gridTickets, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await ok('party', { action: 'confirm', id: registration.id }, c.admin);
    expect(await call('lists', gridTickets, openid)).toMatchObject({ ok: true });
    const user = await userDoc(openid);
    expect(user.grants).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'grid_worker', communityId: c.id, gridId: c.gridId, partTime: true })]));
    const grid = (await sdk().database().collection('grids').doc(c.gridId).get()).data[0];
    expect(grid.workerId).not.toBe(user._id);
    const { me } = await ok('user', { action: 'me' }, openid);
    expect(me.roles).toContain('grid_worker');
    const roleEvents = (await sdk().database().collection('user_events').where({ targetId: user._id }).get()).data;
    expect(roleEvents).toEqual([expect.objectContaining({ field: 'roles', to: 'resident,grid_worker', why: '兼职网格员报到备案确认' })]);
  });

  it('staff keep the post list; a member chooses from it', async () => {
    const before = await ok('party', { action: 'posts' }, c.resident);
    expect(before.posts).toEqual(['楼栋长', '平安巡逻', '文明劝导', '助老服务', '政策宣讲', '环境整治', '红色代办员']);
    expect(await call('party', { action: 'setPosts', posts: ['楼栋长'] }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('party', { action: 'setPosts', posts: [] }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const other = await partyCommunity();
    await grant(other.resident, 'staff', other.id);
    const { posts } = await ok('party', { action: 'setPosts', posts: ['楼栋长', '垃圾分类督导', '楼栋长'] }, other.resident);
    expect(posts).toEqual(['楼栋长', '垃圾分类督导']);
    const openid = await residentIn(other);
    expect(await call('party', memberForm({ posts: ['平安巡逻'] }), openid)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await ok('party', memberForm({ posts: ['垃圾分类督导'] }), openid)).toMatchObject({ registration: { posts: ['垃圾分类督导'] } });
  });
});
