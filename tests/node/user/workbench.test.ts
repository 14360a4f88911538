import { call, newRequestId, ok, sdk } from '../support/cloud';
import { newListsCommunity, patchDoc, type ListsCommunity } from '../support/lists';

jest.setTimeout(90_000);

const HOUR = 3600_000;
const put = (coll: string, id: string, data: Record<string, unknown>) => sdk().database().collection(coll).doc(id).set(data);
const counts = async (openid: string): Promise<Record<string, number>> => (await ok('user', { action: 'workbench' }, openid)).counts;
/** The Shanghai calendar day `days` from now. */
const day = (days = 0) => new Date(Date.now() + 8 * HOUR + days * 24 * HOUR).toISOString().slice(0, 10);
/** The Shanghai instant `h` hours before the end of today, so "due today" holds whenever the test runs. */
const laterToday = () => Date.parse(`${day()}T23:59:00+08:00`) - 1000;

/**
 * 工作台 in a community of its own: one thing waiting in each queue (and one in the second grid,
 * which only staff count), then each queue is worked through its action and its count moves.
 */
describe('user.workbench', () => {
  let c: ListsCommunity;
  const tag = Math.random().toString(36).slice(2, 8);
  const now = Date.now();
  const pickup = String(10_000_000 + Math.floor(Math.random() * 89_999_999));

  beforeAll(async () => {
    c = await newListsCommunity();
    const base = { communityId: c.id, createdAt: now, updatedAt: now };
    const wish = { ...base, gridId: c.gridId, content: '麻烦帮忙', category: '生活物资', photos: [], showPhone: false, publisherId: c.residentId, publisherName: '刘**', wantedBy: [], wants: 0, everClaimed: false };
    const ticket = { ...base, title: '路灯不亮', category: '市政', requesterId: c.residentId, requesterName: '刘**', kind: 'simple', priority: 0 };
    const errand = { ...base, serviceId: 's1', serviceName: '代缴水费', placeId: 'p1', placeName: '党群服务中心', kind: 'errand', requesterId: c.residentId, requesterName: '刘**', description: '帮忙代缴', papers: [], status: 'submitted' };
    const booking = { ...base, serviceId: 's1', serviceName: '社保咨询', placeId: 'p1', placeName: '党群服务中心', placeAddress: '', slotId: 'x', start: now, end: now + HOUR, cancelCutoffMinutes: 120, userId: c.residentId, userName: '刘**', status: 'booked' };
    const activity = { ...base, placeId: 'p1', placeName: '敬老院', address: '', title: '敬老院义演', category: '文体', description: '', start: now, end: now + HOUR, capacity: 10, waitlistMax: 0, cancelCutoffMinutes: 120, audience: 'everyone', status: 'published', key: 'k', createdBy: 't', taken: 0, waitlisted: 0 };
    const order = { ...base, userId: c.residentId, holderLabel: '刘**', goodsId: 'g', goodsName: '大米5斤', photo: '', providerName: '测试供电所', pickupPlace: '党群服务中心', quantity: 1, points: 100, status: 'pending', events: [], expiresAt: now + 14 * 24 * HOUR };
    await Promise.all([
      put('wishes', `w_review_${tag}`, { ...wish, title: '待审核的心愿', status: 'pending_review' }),
      put('wishes', `w_proof_${tag}`, { ...wish, title: '已交凭证的心愿', status: 'awaiting_confirmation', everClaimed: true, claim: { userId: c.volunteerId, name: '志愿者', claimedAt: now - HOUR, leaseUntil: now + 48 * HOUR } }),
      put('tickets', `tk_new_${tag}`, { ...ticket, gridId: c.gridId, status: 'submitted', dueAt: laterToday() }),
      put('tickets', `tk_late_${tag}`, { ...ticket, gridId: c.gridId, status: 'dispatched', dueAt: now - HOUR }),
      put('tickets', `tk_late2_${tag}`, { ...ticket, gridId: c.grid2, status: 'accepted', dueAt: now - HOUR }),
      put('tickets', `tk_later_${tag}`, { ...ticket, gridId: c.gridId, status: 'accepted', dueAt: now + 72 * HOUR }),
      put('booking_errands', `er_${tag}`, { ...errand, gridId: c.gridId }),
      put('booking_errands', `er2_${tag}`, { ...errand, gridId: c.grid2 }),
      put('booking_bookings', `bk_${tag}`, { ...booking, date: day(), code: `1${tag}` }),
      put('booking_bookings', `bk_next_${tag}`, { ...booking, date: day(8), code: `2${tag}` }),
      put('booking_activities', `act_${tag}`, { ...activity, date: day() }),
      put('booking_activities', `act_far_${tag}`, { ...activity, date: day(8) }),
      put('points_orders', `po_unit_${tag}`, { ...order, unitId: c.unitId, code: pickup }),
      put('points_pickup_codes', pickup, { orderId: `po_unit_${tag}`, communityId: c.id, createdAt: now }),
      put('points_orders', `po_${tag}`, { ...order, providerName: '社区', code: `9${pickup.slice(1)}` }),
      put('party_registrations', `pr_${tag}`, { ...base, userId: c.residentId, kind: 'member', status: 'pending', name: '刘建国', phone: '13900000000', posts: [] }),
      put('party_grid_tasks', `gt_${tag}`, { ...base, gridId: c.gridId, title: '巡查楼道', status: 'done' }),
    ]);
  });

  it('gives staff every queue of the community', async () => {
    expect(await counts(c.staff)).toEqual({
      wishesToReview: 1,
      wishesToConfirm: 1,
      ticketsToDispatch: 1,
      ticketsOverdue: 2,
      ticketsDueToday: 1,
      errandsUnassigned: 2,
      ordersToVerify: 2,
      bookingsToday: 1,
      activitiesThisWeek: 1,
      invitesPending: 0,
      registrationsToConfirm: 1,
      gridTasksToConfirm: 1,
    });
  });

  it("gives a grid worker their grid's tickets and errands and the day's bookings, nothing of staff's", async () => {
    expect(await counts(c.workerOpenid)).toEqual({ ticketsOverdue: 1, ticketsDueToday: 1, errandsUnassigned: 1, bookingsToday: 1 });
  });

  it("gives a unit member the orders of their unit's goods only", async () => {
    expect(await counts(c.unitMember)).toEqual({ ordersToVerify: 1 });
  });

  it('refuses residents and volunteers, and changes nothing', async () => {
    for (const openid of [c.resident, c.volunteer]) {
      const res = await call('user', { action: 'workbench' }, openid);
      expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '工作台仅供社区工作人员、网格员和共建单位成员使用' });
    }
    expect(await call('user', { action: 'workbench' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('each count moves when its queue is worked', async () => {
    await ok('wish', { action: 'review', id: `w_review_${tag}`, approve: true, requestId: newRequestId() }, c.staff);
    expect((await counts(c.staff)).wishesToReview).toBe(0);

    await ok('booking', { action: 'assignErrand', id: `er_${tag}`, requestId: newRequestId() }, c.workerOpenid);
    expect((await counts(c.workerOpenid)).errandsUnassigned).toBe(0);
    expect((await counts(c.staff)).errandsUnassigned).toBe(1);

    await ok('points', { action: 'verify', code: pickup, requestId: newRequestId() }, c.unitMember);
    expect(await counts(c.unitMember)).toEqual({ ordersToVerify: 0 });
    expect((await counts(c.staff)).ordersToVerify).toBe(1);

    const { invite } = await ok('user', { action: 'createInvite', role: 'volunteer', requestId: newRequestId() }, c.staff);
    expect((await counts(c.staff)).invitesPending).toBe(1);
    await ok('user', { action: 'redeemInvite', code: invite.code, requestId: newRequestId() }, c.resident);
    expect((await counts(c.staff)).invitesPending).toBe(0);

    // A ticket past its deadline is overdue, no longer due today; one resolved leaves both.
    await patchDoc('tickets', `tk_new_${tag}`, { dueAt: Date.now() - 1000 });
    expect(await counts(c.workerOpenid)).toMatchObject({ ticketsOverdue: 2, ticketsDueToday: 0 });
    await patchDoc('tickets', `tk_late_${tag}`, { status: 'resolved' });
    await patchDoc('tickets', `tk_new_${tag}`, { status: 'dispatched' });
    expect(await counts(c.staff)).toMatchObject({ ticketsToDispatch: 0, ticketsOverdue: 2 });

    await patchDoc('wishes', `w_proof_${tag}`, { status: 'completed' });
    await patchDoc('party_registrations', `pr_${tag}`, { status: 'confirmed' });
    await patchDoc('party_grid_tasks', `gt_${tag}`, { status: 'confirmed' });
    await patchDoc('booking_bookings', `bk_${tag}`, { status: 'cancelled' });
    await patchDoc('booking_activities', `act_${tag}`, { status: 'cancelled' });
    expect(await counts(c.staff)).toMatchObject({ wishesToConfirm: 0, registrationsToConfirm: 0, gridTasksToConfirm: 0, bookingsToday: 0, activitiesThisWeek: 0 });
  });

  it('revoking the grid role takes the counts away at the next call', async () => {
    await ok('user', { action: 'revokeRole', userId: c.workerId, role: 'grid_worker', reason: '调离本社区', requestId: newRequestId() }, c.staff);
    expect(await call('user', { action: 'workbench' }, c.workerOpenid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const events = await sdk().database().collection('user_events').where({ communityId: c.id, targetId: c.workerId }).get();
    expect(events.data).toEqual([expect.objectContaining({ field: 'roles', from: 'resident,grid_worker', to: 'resident', why: '调离本社区', byUserId: c.staffId })]);
  });
});
