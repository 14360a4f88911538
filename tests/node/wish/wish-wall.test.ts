import { call, ok, uniqueOpenid } from '../support/cloud';
import { newCommunity } from '../support/map';
import { newResident, newVolunteer, openWish } from '../support/wish';

describe('the wall', () => {
  it('pages at most 20, newest first, publisher masked, never an openid or phone', async () => {
    for (let i = 0; i < 3; i++) await openWish(`墙面分页测试心愿${i}号`);
    const first = await call('wish', { action: 'list', limit: 2 }, 'demo-volunteer');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.items).toHaveLength(2);
    expect(first.data.next).toBeDefined();
    expect(first.data.items[0].createdAt).toBeGreaterThanOrEqual(first.data.items[1].createdAt);
    const second = await ok('wish', { action: 'list', limit: 2, cursor: first.data.next }, 'demo-volunteer');
    expect(second.items[0].id).not.toBe(first.data.items[1].id);
    const text = JSON.stringify(first);
    expect(text).not.toMatch(/demo-|13851234/);
    expect(first.data.items.every((w: any) => /^.\*+$/.test(w.publisher) || w.publisher === '居民')).toBe(true);
    const full = await ok('wish', { action: 'list' }, 'demo-volunteer');
    expect(full.items.length).toBeLessThanOrEqual(20);
  });

  it('同求 +1 moves a wish up the most-wanted order and suggests itself to a would-be duplicate', async () => {
    const id = await openWish('小区里想要装一个快递柜');
    const neighbours = await Promise.all([newResident(), newResident(), newResident()]);
    for (const n of neighbours) await ok('wish', { action: 'want', id }, n);
    // Twice by the same person counts once.
    await ok('wish', { action: 'want', id }, neighbours[0]);
    const { wish } = await ok('wish', { action: 'get', id }, neighbours[0]);
    expect(wish).toMatchObject({ wants: 4, wantedByMe: true });
    const top = await ok('wish', { action: 'list', sort: 'most_wanted', status: 'open' }, 'demo-resident');
    const rank = top.items.findIndex((w: any) => w.id === id);
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(top.items.slice(0, rank).every((w: any) => w.wants >= 4)).toBe(true);
    const similar = await ok('wish', { action: 'similar', title: '想在小区装快递柜', category: '维修帮办' }, 'demo-resident');
    expect(similar.items.map((w: any) => w.id)).toContain(id);
  });

  it('filters by category and keeps pending wishes for staff', async () => {
    const resident = await newResident();
    const { wish } = await ok('wish', { action: 'publish', title: '想学用智能手机', content: '想学会用手机视频通话和挂号', category: '文化学习' }, resident);
    const pending = await ok('wish', { action: 'list', status: 'pending_review' }, 'demo-staff');
    expect(pending.items.map((w: any) => w.id)).toContain(wish.id);
    const queue = await ok('wish', { action: 'queue', kind: 'review' }, 'demo-staff');
    expect(queue.items.map((w: any) => w.id)).toContain(wish.id);
    expect(await call('wish', { action: 'get', id: wish.id }, 'demo-volunteer')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await ok('wish', { action: 'review', id: wish.id, approve: true }, 'demo-staff');
    const learning = await ok('wish', { action: 'list', category: '文化学习' }, 'demo-volunteer');
    expect(learning.items.every((w: any) => w.category === '文化学习')).toBe(true);
    expect(learning.items.map((w: any) => w.id)).toContain(wish.id);
  });

  it('mine lists what I posted and what I claimed', async () => {
    const resident = await newResident();
    const id = await openWish('帮忙给阳台花草浇水', resident);
    const volunteer = await newVolunteer('unit_member');
    await ok('wish', { action: 'claim', id }, volunteer);
    expect((await ok('wish', { action: 'mine' }, resident)).items.map((w: any) => w.id)).toEqual([id]);
    expect((await ok('wish', { action: 'mine', role: 'claimed' }, volunteer)).items.map((w: any) => w.id)).toEqual([id]);
  });

  it('a withdrawn or rejected wish leaves the wall', async () => {
    const resident = await newResident();
    const { wish } = await ok('wish', { action: 'publish', title: '想要一个助行器', content: '爷爷腿脚不便', category: '助老助残' }, resident);
    expect(await call('wish', { action: 'review', id: wish.id, approve: false }, 'demo-staff')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const rejected = await ok('wish', { action: 'review', id: wish.id, approve: false, reason: '请补充具体需要的型号' }, 'demo-staff');
    expect(rejected.wish).toMatchObject({ status: 'rejected', rejectReason: '请补充具体需要的型号' });
    const id2 = await openWish('想要一个新的助行器', resident);
    expect((await ok('wish', { action: 'withdraw', id: id2 }, resident)).wish.status).toBe('withdrawn');
    const wall = await ok('wish', { action: 'list' }, 'demo-volunteer');
    expect(wall.items.map((w: any) => w.id)).not.toContain(id2);
  });
});

describe('seasons and stats', () => {
  it('new wishes belong to the open season and are counted in it', async () => {
    // A community of its own: seasons are per community and other tests open seasons in the demo one.
    const c = await newCommunity();
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const opened = await call('wish', { action: 'openSeason', startDate: '2020-01-01', endDate: '2099-12-31' }, c.admin);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.data.season).toMatchObject({ open: true, number: 1, name: '第1季' });
    expect(opened.data.season.startDate <= today).toBe(true);
    expect(await call('wish', { action: 'openSeason', startDate: '2030-01-01', endDate: '2030-03-01' }, c.admin)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await call('wish', { action: 'openSeason', startDate: '2031-02-30', endDate: '2031-03-01' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('wish', { action: 'openSeason', startDate: '2032-01-01', endDate: '2032-03-01' }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const before = (await ok('wish', { action: 'stats' }, c.resident)).stats;
    expect([before.collected, before.claimed, before.completed]).toEqual([0, 0, 0]);
    const { wish } = await ok('wish', { action: 'publish', title: '本季统计用的心愿', content: '帮忙修理门锁', category: '维修帮办' }, c.resident);
    await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
    const volunteer = uniqueOpenid('season-vol');
    await ok('user', { action: 'login', scene: `c=${c.code}` }, volunteer);
    const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer' }, c.admin);
    await ok('user', { action: 'redeemInvite', code: invite.code }, volunteer);
    await ok('wish', { action: 'claim', id: wish.id }, volunteer);
    await ok('wish', { action: 'submitProof', id: wish.id, note: '完成' }, volunteer);
    await ok('wish', { action: 'confirm', id: wish.id }, c.resident);
    const after = (await ok('wish', { action: 'stats' }, c.resident)).stats;
    expect(after.season.number).toBe(1);
    expect([after.collected, after.claimed, after.completed]).toEqual([1, 1, 1]);
    expect((await ok('wish', { action: 'get', id: wish.id }, c.resident)).wish.season).toBe(1);
  });
});
