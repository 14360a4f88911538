import { call, ok, sdk, uniqueOpenid } from '../support/cloud';
import { newListsCommunity, type ListsCommunity } from '../support/lists';
import { userIdOf } from '../support/wish';
import { roundTrips } from '../support/round-trips';

jest.setTimeout(60_000);

const HOUR = 3600_000;
const put = (coll: string, id: string, data: Record<string, unknown>) => sdk().database().collection(coll).doc(id).set(data);
const home = (openid: string) => ok('user', { action: 'home' }, openid);
const kinds = (h: { todos: Array<{ kind: string }> }) => h.todos.map((t) => t.kind);

/**
 * One community of its own holding one thing of each kind for its resident, written as each
 * domain writes them, and a second resident who must see none of it.
 */
describe('user.home', () => {
  let c: ListsCommunity;
  let other: string;
  let residentId: string;
  const tag = Math.random().toString(36).slice(2, 8);
  const now = Date.now();

  beforeAll(async () => {
    c = await newListsCommunity();
    residentId = await userIdOf(c.resident);
    other = uniqueOpenid('home-other');
    await ok('user', { action: 'login', scene: `c=${c.code}&g=g1` }, other);
    const base = { communityId: c.id, createdAt: now, updatedAt: now };
    const wish = { ...base, gridId: c.gridId, content: '麻烦帮忙', category: '生活物资', photos: [], showPhone: false, publisherId: residentId, publisherName: '刘**', wantedBy: [], wants: 0, everClaimed: true };
    const claim = { userId: c.volunteerId, name: '志愿者', claimedAt: now - HOUR, leaseUntil: now + 2 * 24 * HOUR };
    await Promise.all([
      put('wishes', `w_claimed_${tag}`, { ...wish, title: '帮忙买米', status: 'claimed', claim }),
      put('wishes', `w_done_${tag}`, { ...wish, title: '修理楼道灯', status: 'awaiting_confirmation', claim, updatedAt: now + 1 }),
      put('wishes', `w_open_${tag}`, { ...wish, title: '陪老人聊天', status: 'open', everClaimed: false }),
      put('wishes', `w_review_${tag}`, { ...wish, title: '待审核的心愿', status: 'pending_review', everClaimed: false }),
      put('booking_bookings', `bk_${tag}`, { ...base, serviceId: 's1', serviceName: '社保咨询', placeId: 'p1', placeName: '党群服务中心', placeAddress: '范公路1号', slotId: 'x', date: '2026-01-01', start: now + 20 * HOUR, end: now + 21 * HOUR, cancelCutoffMinutes: 120, userId: residentId, userName: '刘**', status: 'booked', code: '12345678' }),
      put('booking_bookings', `bk_far_${tag}`, { ...base, serviceId: 's1', serviceName: '下周的预约', placeId: 'p1', placeName: '党群服务中心', placeAddress: '', slotId: 'y', date: '2026-01-01', start: now + 72 * HOUR, end: now + 73 * HOUR, cancelCutoffMinutes: 120, userId: residentId, userName: '刘**', status: 'booked', code: '87654321' }),
      put('booking_signups', `su_${tag}`, { ...base, activityId: `act_${tag}`, title: '敬老院义演', category: '文体', placeName: '敬老院', date: '2026-01-01', start: now + 50 * HOUR, end: now + 52 * HOUR, cancelCutoffMinutes: 120, userId: residentId, userName: '刘**', status: 'signed_up', code: '11112222' }),
      put('booking_activities', `act_${tag}`, { ...base, placeId: 'p1', placeName: '敬老院', address: '', title: '敬老院义演', category: '文体', description: '', date: '2026-01-01', start: now + 50 * HOUR, end: now + 52 * HOUR, capacity: 10, waitlistMax: 0, cancelCutoffMinutes: 120, audience: 'everyone', status: 'published', key: 'k', createdBy: 't', taken: 1, waitlisted: 0 }),
      put('points_orders', `po_${tag}`, { ...base, userId: residentId, holderLabel: '刘**', goodsId: 'g', goodsName: '大米5斤', providerName: '社区', pickupPlace: '党群服务中心一楼', quantity: 1, points: 100, code: '55556666', status: 'pending', events: [], expiresAt: now + 14 * 24 * HOUR }),
      put('tickets', `tk_${tag}`, { ...base, gridId: c.gridId, title: '路灯不亮', category: '市政', requesterId: residentId, requesterName: '刘**', status: 'resolved' }),
      put('tickets', `tk_new_${tag}`, { ...base, gridId: c.gridId, title: '新诉求', category: '市政', requesterId: 'someone', status: 'submitted', dueAt: now - HOUR }),
      put('notices', `nt_all_${tag}`, { communityId: c.id, to: 'all', title: '停水通知', body: '明天上午停水', at: now }),
      put('notices', `nt_me_${tag}`, { communityId: c.id, to: c.volunteerId, title: '认领已撤销', body: '原因：居民已自行解决', at: now + 1 }),
    ]);
  });

  it('lists each kind of 待办 for the resident, what needs them first', async () => {
    const h = await home(c.resident);
    expect(kinds(h)).toEqual(['wishToConfirm', 'rate', 'booking', 'pickup', 'activity', 'wishClaimed']);
    expect(h.todos.find((t: any) => t.kind === 'booking')).toMatchObject({ id: `bk_${tag}`, title: '社保咨询', code: '12345678', place: '党群服务中心' });
    expect(h.todos.find((t: any) => t.kind === 'pickup')).toMatchObject({ id: `po_${tag}`, title: '大米5斤', place: '党群服务中心一楼', code: '55556666' });
    expect(h.todos.find((t: any) => t.kind === 'rate')).toMatchObject({ id: `tk_${tag}`, title: '路灯不亮' });
    expect(h.todos.find((t: any) => t.kind === 'activity')).toMatchObject({ id: `su_${tag}`, title: '敬老院义演' });
    expect(h.todos.filter((t: any) => t.kind.startsWith('wish')).map((t: any) => t.title).sort()).toEqual(['修理楼道灯', '帮忙买米']);
    // Next week's booking is not today's business.
    expect(JSON.stringify(h)).not.toContain('下周的预约');
    expect(h.activities).toEqual([{ id: `act_${tag}`, title: '敬老院义演', placeName: '敬老院', start: now + 50 * HOUR, volunteersOnly: false }]);
    expect(h.notices.map((n: any) => n.title)).toEqual(['停水通知']);
    expect(h.volunteer).toBeUndefined();
    expect(h.staff).toBeUndefined();
  });

  it('shows none of it to another resident of the same community', async () => {
    const h = await home(other);
    expect(h.todos).toEqual([]);
    expect(h.notices.map((n: any) => n.title)).toEqual(['停水通知']);
    expect(h.activities).toHaveLength(1);
  });

  it('gives a volunteer their claims by lease deadline, the open wishes of their grid and their own notices', async () => {
    const h = await home(c.volunteer);
    expect(h.todos).toEqual([]);
    expect(h.volunteer.claims.map((w: any) => [w.title, w.awaitingConfirmation])).toEqual([['帮忙买米', false], ['修理楼道灯', true]]);
    expect(h.volunteer.claims[0].leaseUntil).toBe(now + 2 * 24 * HOUR);
    expect(h.volunteer.nearby.map((w: any) => w.title)).toEqual(['陪老人聊天']);
    expect(h.notices.map((n: any) => [n.title, n.mine])).toEqual([['认领已撤销', true], ['停水通知', false]]);
    expect(h.staff).toBeUndefined();
  });

  it('keeps what was told to one person in their 我的消息, and nobody else\'s', async () => {
    const mine = await ok('user', { action: 'inbox' }, c.volunteer);
    expect(mine.items.map((n: any) => [n.title, n.body, n.mine])).toEqual([['认领已撤销', '原因：居民已自行解决', true]]);
    expect((await ok('user', { action: 'inbox' }, c.resident)).items).toEqual([]);
    expect(await call('user', { action: 'inbox', cursor: 'x1' }, c.volunteer)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('pages a long 我的消息 by the last notice seen: every notice once, newest first, even when several share a moment', async () => {
    const reader = uniqueOpenid('home-inbox');
    await ok('user', { action: 'login', scene: `c=${c.code}&g=g1` }, reader);
    const readerId = await userIdOf(reader);
    const at = (i: number) => now - Math.floor(i / 3) * HOUR;
    await Promise.all(Array.from({ length: 45 }, (_, i) => put('notices', `nt_page_${tag}_${String(i).padStart(2, '0')}`, { communityId: c.id, to: readerId, title: `第${i}条`, body: '', at: at(i) })));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok('user', { action: 'inbox', ...(cursor ? { cursor } : {}) }, reader);
      expect(page.items.length).toBeLessThanOrEqual(20);
      seen.push(...page.items.map((n: any) => n.title));
      cursor = page.next;
    } while (cursor);
    // Newest first; among notices of one moment, the later id first.
    const expected = Array.from({ length: 45 }, (_, i) => i).sort((a, b) => at(b) - at(a) || b - a).map((i) => `第${i}条`);
    expect(seen).toEqual(expected);
  });

  it('gives staff their queue counts', async () => {
    const h = await home(c.staff);
    expect(h.staff).toEqual({ wishesToReview: 1, ticketsToDispatch: 1, ticketsOverdue: 1 });
    expect(h.volunteer).toBeUndefined();
  });

  it('answers a newcomer without a community with nothing, and an unknown caller with UNAUTHENTICATED', async () => {
    const newcomer = uniqueOpenid('home-new');
    await ok('user', { action: 'login' }, newcomer);
    expect(await home(newcomer)).toEqual({ todos: [], notices: [], activities: [] });
    expect(await call('user', { action: 'home' }, uniqueOpenid())).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('user.home round trips', () => {
  it('answers the whole first screen in 2 database requests, for a staff member who is also a volunteer', async () => {
    const c = await newListsCommunity();
    const userId = await userIdOf(c.staff);
    const res = await sdk().database().collection('users').doc(userId).get();
    await sdk().database().collection('users').doc(userId).update({ grants: [...res.data[0].grants, { role: 'volunteer', communityId: c.id, grantedBy: 't', grantedAt: Date.now() }] });
    let main!: (event: unknown, context: unknown) => Promise<any>;
    jest.isolateModules(() => {
      main = require('../../../server/user').userFunction;
    });
    const { requests, result } = await roundTrips(() => main({ action: 'home' }, {}), c.staff);
    expect(result).toMatchObject({ ok: true, data: { staff: { wishesToReview: 0 }, volunteer: { claims: [] } } });
    expect(requests).toBe(2);
  });
});
