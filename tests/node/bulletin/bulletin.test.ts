import { call, newRequestId, ok, sdk, uniqueOpenid } from '../support/cloud';
import { configureNotices } from '../support/notices';
import { getDoc, newListsCommunity, outboxOf, type ListsCommunity } from '../support/lists';
import { demoTemplateId } from '../../../demo/notices';

/**
 * 通知公告 through the real SDK: staff publish to the community, some grids or some roles;
 * residents read the ones for them (pinned first, unread marked), open them (read) and answer 收到
 * once; staff read the counts per grid; an urgent one goes out as a subscribe message, once.
 */

const publish = (c: ListsCommunity, extra: Record<string, unknown> = {}, openid = c.staff) =>
  call('bulletin', { action: 'publish', title: '幸福小区周六停水通知', text: '因管网维修，本周六8:00至17:00停水，请提前储水。', audience: { kind: 'all' }, requestId: newRequestId(), ...extra }, openid);

async function published(c: ListsCommunity, extra: Record<string, unknown> = {}) {
  const res = await publish(c, extra);
  if (!res.ok) throw new Error(res.message);
  return (res.data as any).bulletin;
}

const titles = async (openid: string) => (await ok('bulletin', { action: 'list' }, openid)).items.map((b: any) => b.title);

async function readsOf(bulletinId: string): Promise<any[]> {
  return (await sdk().database().collection('bulletin_reads').where({ bulletinId }).get()).data;
}

describe('bulletins', () => {
  let c: ListsCommunity;
  let grid2Resident: string;

  beforeAll(async () => {
    c = await newListsCommunity();
    grid2Resident = uniqueOpenid('bres2');
    await ok('user', { action: 'login', scene: `c=${c.code}&g=g2` }, grid2Resident);
  });

  it('a resident reads the community’s bulletins pinned first, opens one (read), answers 收到 once; staff see it per grid', async () => {
    const plain = await published(c, { title: '社区党群服务中心周末开放时间调整' });
    const water = await published(c, { pinned: true, needsConfirm: true });
    expect(water).toMatchObject({ pinned: true, needsConfirm: true, audienceLabel: '全体居民', byLabel: '社区工作者', read: false });

    const { items } = await ok('bulletin', { action: 'list' }, c.resident);
    expect(items.slice(0, 2).map((b: any) => [b.title, b.pinned, b.read])).toEqual([
      ['幸福小区周六停水通知', true, false],
      ['社区党群服务中心周末开放时间调整', false, false],
    ]);

    const opened = (await ok('bulletin', { action: 'get', id: water.id }, c.resident)).bulletin;
    expect(opened).toMatchObject({ read: true, confirmed: false, canConfirm: true, text: '因管网维修，本周六8:00至17:00停水，请提前储水。' });
    const after = (await ok('bulletin', { action: 'list' }, c.resident)).items;
    expect(after.find((b: any) => b.id === water.id).read).toBe(true);
    expect(after.find((b: any) => b.id === plain.id).read).toBe(false);

    const requestId = newRequestId();
    const confirmed = (await ok('bulletin', { action: 'confirm', id: water.id, requestId }, c.resident)).bulletin;
    expect(confirmed).toMatchObject({ confirmed: true, canConfirm: false });
    const [first] = await readsOf(water.id);
    await ok('bulletin', { action: 'confirm', id: water.id, requestId }, c.resident);
    await ok('bulletin', { action: 'confirm', id: water.id, requestId: newRequestId() }, c.resident);
    expect(await readsOf(water.id)).toEqual([first]);
    expect(first).toMatchObject({ userId: c.residentId, gridId: c.gridId, confirmed: 1 });

    // A bulletin that asks for nothing is not confirmed.
    expect(await call('bulletin', { action: 'confirm', id: plain.id }, c.resident)).toMatchObject({ ok: false, code: 'CONFLICT' });

    // Staff opening it are not counted as readers.
    await ok('bulletin', { action: 'get', id: water.id }, c.staff);
    await ok('bulletin', { action: 'get', id: water.id }, grid2Resident);
    const counts = await ok('bulletin', { action: 'counts', id: water.id }, c.staff);
    expect(counts.bulletin).toMatchObject({ reads: 3, confirms: 1 });
    const byGrid = Object.fromEntries(counts.grids.map((g: any) => [g.name, [g.read, g.confirmed]]));
    // The staff member, volunteer and unit member of newListsCommunity live in 第一网格 too.
    expect(byGrid).toEqual({ 第一网格: [2, 1], 第二网格: [1, 0] });
    expect(counts.grids.find((g: any) => g.name === '第一网格').total).toBeGreaterThanOrEqual(4);

    const managed = (await ok('bulletin', { action: 'manage' }, c.staff)).items;
    expect(managed.find((b: any) => b.id === water.id)).toMatchObject({ reads: 3, confirms: 1 });
  });

  it('twenty 收到 at once from one person leave one mark', async () => {
    const b = await published(c, { needsConfirm: true, title: '燃气安全检查入户通知' });
    const results = await Promise.all(Array.from({ length: 20 }, () => call('bulletin', { action: 'confirm', id: b.id, requestId: newRequestId() }, grid2Resident)));
    expect(results.every((r) => r.ok)).toBe(true);
    const reads = await readsOf(b.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ confirmed: 1, gridId: c.grid2 });
  });

  it('a grid’s bulletin reaches that grid, a role’s bulletin that role; others do not see them', async () => {
    const grid = await published(c, { title: '第二网格楼道清理', audience: { kind: 'grids', gridIds: [c.grid2] } });
    const role = await published(c, { title: '志愿者集合通知', audience: { kind: 'roles', roles: ['volunteer'] } });
    expect(grid.audienceLabel).toBe('第二网格');
    expect(role.audienceLabel).toBe('志愿者');
    expect(await titles(grid2Resident)).toContain('第二网格楼道清理');
    expect(await titles(grid2Resident)).not.toContain('志愿者集合通知');
    expect(await titles(c.resident)).not.toContain('第二网格楼道清理');
    expect(await titles(c.volunteer)).toContain('志愿者集合通知');
    expect(await call('bulletin', { action: 'get', id: grid.id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('bulletin', { action: 'confirm', id: role.id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const counts = await ok('bulletin', { action: 'counts', id: role.id }, c.staff);
    expect(counts.grids.every((g: any) => g.total === undefined)).toBe(true);
  });

  it('refuses residents, unfit words and another community’s grid, storing nothing', async () => {
    const before = (await ok('bulletin', { action: 'manage' }, c.staff)).items.length;
    expect(await publish(c, {}, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await publish(c, {}, c.volunteer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await publish(c, { text: '招聘刷单兼职' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '通知内容含有不适宜的词语，请修改后再发布' });
    expect(await publish(c, { audience: { kind: 'grids', gridIds: ['g_beihai_1'] } })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '所选网格不在本社区' });
    expect(await publish(c, { audience: { kind: 'grids', gridIds: [] } })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '请至少选择一个网格' });
    expect(await publish(c, { title: '' })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '请填写标题' });
    expect(await publish(c, { images: ['http://example.com/a.png'] })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '图片须先上传' });
    expect((await ok('bulletin', { action: 'manage' }, c.staff)).items.length).toBe(before);
  });

  it('staff edit (recorded with before and after) and withdraw; a withdrawn one leaves residents’ lists and cannot be edited', async () => {
    const b = await published(c, { title: '垃圾分类宣传活动', attachment: { fileId: 'cloud://env/bulletin/a.pdf', name: '活动安排.pdf' } });
    expect(b.attachment).toEqual({ fileId: 'cloud://env/bulletin/a.pdf', name: '活动安排.pdf' });
    const edited = (await ok('bulletin', { action: 'edit', id: b.id, changes: { title: '垃圾分类宣传活动改期', attachment: null, pinned: true } }, c.staff)).bulletin;
    expect(edited).toMatchObject({ title: '垃圾分类宣传活动改期', pinned: true });
    expect(edited.attachment).toBeUndefined();
    expect(edited.editedAt).toBeGreaterThan(0);
    const events = (await sdk().database().collection('bulletin_events').where({ targetId: b.id }).get()).data as any[];
    expect(events.find((e) => e.why === '修改').changes.title).toEqual({ from: '垃圾分类宣传活动', to: '垃圾分类宣传活动改期' });
    expect(await call('bulletin', { action: 'edit', id: b.id, changes: { text: '有人在搞赌博' } }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });

    const withdrawn = (await ok('bulletin', { action: 'withdraw', id: b.id, reason: '活动取消' }, c.staff)).bulletin;
    expect(withdrawn.status).toBe('withdrawn');
    expect(await titles(c.resident)).not.toContain('垃圾分类宣传活动改期');
    expect(await call('bulletin', { action: 'get', id: b.id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('bulletin', { action: 'edit', id: b.id, changes: { pinned: false } }, c.staff)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await call('bulletin', { action: 'withdraw', id: b.id, reason: '再撤一次' }, c.staff)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await call('bulletin', { action: 'withdraw', id: b.id, reason: '别的社区' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('an urgent bulletin goes out once as a subscribe message to those it is for', async () => {
    await configureNotices(c.admin, ['bulletin']);
    const template = demoTemplateId('bulletin');
    const requestId = newRequestId();
    const event = { action: 'publish', title: '今晚寒潮大风预警', text: '今晚有大风降温，请关好门窗，独居老人注意保暖。', audience: { kind: 'grids', gridIds: [c.grid2] }, urgent: true, requestId };
    const first = (await ok('bulletin', event, c.staff)).bulletin;
    await ok('bulletin', event, c.staff);
    const sent = await outboxOf(grid2Resident, template);
    expect(sent).toHaveLength(1);
    expect(sent[0].page).toBe(`pages/bulletin/detail/index?id=${first.id}`);
    expect(sent[0].data.thing1.value).toBe('今晚寒潮大风预警');
    expect(await outboxOf(c.resident, template)).toHaveLength(0);
    expect((await getDoc('bulletins', first.id)).toldAt).toBeGreaterThan(0);
  });

  it('首页 shows the pinned bulletin for the person, unread until opened', async () => {
    const fresh = await newListsCommunity();
    expect((await ok('user', { action: 'home' }, fresh.resident)).bulletin).toBeUndefined();
    const pinned = (await ok('bulletin', { action: 'publish', title: '本周六停水', text: '请提前储水', audience: { kind: 'all' }, pinned: true, needsConfirm: true }, fresh.staff)).bulletin;
    await ok('bulletin', { action: 'publish', title: '更新的普通通知', text: '内容', audience: { kind: 'all' } }, fresh.staff);
    const home = await ok('user', { action: 'home' }, fresh.resident);
    expect(home.bulletin).toMatchObject({ id: pinned.id, title: '本周六停水', pinned: true, needsConfirm: true, unread: true });
    await ok('bulletin', { action: 'get', id: pinned.id }, fresh.resident);
    expect((await ok('user', { action: 'home' }, fresh.resident)).bulletin.unread).toBe(false);
  });
});
