import { call, newRequestId, ok, sdk, snapshot, uniqueOpenid } from '../support/cloud';
import { newBookingCommunity, newErrandService, newService, residentOf, shanghaiDay, slotOf, volunteerOf, where, type BookingCommunity } from '../support/booking';
import { userIdOf } from '../support/wish';

const doc = async (coll: string, id: string): Promise<any> => (await sdk().database().collection(coll).doc(id).get()).data[0];

/** A wish published by `publisher` in the community and approved by its admin. */
async function wishOf(c: BookingCommunity, publisher: string, title: string): Promise<string> {
  const { wish } = await ok('wish', { action: 'publish', title, content: `${title}，请邻居帮帮忙。`, category: '维修帮办', showPhone: true, address: '2幢1单元101室' }, publisher);
  await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
  return wish.id;
}

async function ledgerOf(userId: string): Promise<{ sum: number; balance: number }> {
  const entries = await where('points_entries', { userId });
  const accounts = await where('points_accounts', { userId });
  return { sum: entries.reduce((s: number, e: any) => s + e.amount, 0), balance: accounts.reduce((s: number, a: any) => s + a.balance, 0) };
}

describe('user.myData', () => {
  it('gives a person everything held about them, and nothing that names anyone else', async () => {
    const c = await newBookingCommunity();
    const person = await residentOf(c);
    await ok('user', { action: 'updateProfile', displayName: '数据本人甲', phone: '13700001234' }, person);
    const helper = await volunteerOf(c);
    await ok('user', { action: 'updateProfile', displayName: '帮忙的志愿者乙', phone: '13700005678' }, helper);
    const wishId = await wishOf(c, person, '阳台晾衣架坏了');
    await ok('wish', { action: 'claim', id: wishId }, helper);
    await ok('lists', { action: 'submitRequest', category: '水电维修', title: '厨房水管漏水', address: '1幢302室' }, person);
    const serviceId = await newService(c);
    await ok('booking', { action: 'book', slotId: slotOf(serviceId, shanghaiDay(1), '10:00') }, person);

    const r = await call('user', { action: 'myData' }, person);
    expect(r.ok).toBe(true);
    const data = (r as any).data;
    expect(data.profile).toMatchObject({ displayName: '数据本人甲', phone: '13700001234' });
    expect(data.community.id).toBe(c.id);
    expect(data.wishesPosted).toMatchObject({ total: 1, items: [{ id: wishId, title: '阳台晾衣架坏了', status: '已认领' }] });
    expect(data.requests.items[0]).toMatchObject({ title: '厨房水管漏水', address: '1幢302室' });
    expect(data.bookings).toMatchObject({ total: 1, items: [{ service: '社保咨询' }] });
    expect(data.points).toMatchObject({ balance: 0, entries: { total: 0, items: [] } });
    const text = JSON.stringify(r);
    expect(Buffer.byteLength(text)).toBeLessThan(100 * 1024);
    expect(text).not.toContain(person); // not even one's own openid: it is WeChat's, not ours to show
    expect(text).not.toContain(helper);
    expect(text).not.toContain('帮忙的志愿者乙');
    expect(text).not.toContain('13700005678');

    // The helper's own data lists the claim, without the publisher's name or phone.
    const theirs = JSON.stringify(await ok('user', { action: 'myData' }, helper));
    expect(theirs).toContain('阳台晾衣架坏了');
    expect(theirs).not.toContain('数据本人甲');
    expect(theirs).not.toContain('13700001234');
  });

  it('asks an unknown caller to log in', async () => {
    expect(await call('user', { action: 'myData' }, uniqueOpenid())).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await call('user', { action: 'myData' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('user.deleteAccount', () => {
  it('refuses without the typed word and changes nothing', async () => {
    const c = await newBookingCommunity();
    const person = await residentOf(c);
    const before = await snapshot(['users', 'user_openids']);
    for (const confirm of [undefined, '', '确认', '注 销']) {
      expect(await call('user', { action: 'deleteAccount', confirm, requestId: newRequestId() }, person)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
    expect(await snapshot(['users', 'user_openids'])).toEqual(before);
  });

  it('withdraws, releases, cancels and forgets at once, keeps the ledger whole, and a repeat is harmless', async () => {
    const c = await newBookingCommunity();
    const person = await volunteerOf(c);
    await ok('user', { action: 'updateProfile', displayName: '将注销的丙', phone: '13700009999' }, person);
    const userId = await userIdOf(person);
    const neighbour = c.resident;

    // Their own open wish, and a neighbour's wish they claimed.
    const ownWish = await wishOf(c, person, '想学用智能手机');
    const claimedWish = await wishOf(c, neighbour, '帮忙换个灯泡');
    await ok('wish', { action: 'claim', id: claimedWish }, person);

    // A slot of one seat they hold, with a neighbour waiting behind them.
    const serviceId = await newService(c, { capacity: 1, waitlistMax: 2 });
    const slotId = slotOf(serviceId, shanghaiDay(2), '09:00');
    const { booking } = await ok('booking', { action: 'book', slotId }, person);
    const waiting = (await ok('booking', { action: 'book', slotId }, neighbour)).booking;
    expect(waiting.status).toBe('waitlisted');

    // An errand with an address and a phone, and a request with an address.
    const proxy = await newErrandService(c, 'proxy');
    const { errand } = await ok('booking', { action: 'requestErrand', serviceId: proxy, description: '代办医保备案', address: '2幢101室', contactPhone: '13700009999' }, person);
    const { ticket } = await ok('lists', { action: 'submitRequest', category: '水电维修', title: '楼道灯不亮', address: '2幢楼道' }, person);

    // A pending order, paid with points awarded by the community.
    await ok('points', { action: 'award', userId, points: 30, reason: '参加志愿服务' }, c.admin);
    const { goods } = await ok('points', { action: 'manageGoods', op: 'create', name: '大米一袋', cost: 20, stock: 5, pickupPlace: '党群服务中心', perPersonLimit: 1 }, c.admin);
    const { order } = await ok('points', { action: 'redeem', goodsId: goods.id }, person);
    expect((await doc('points_goods', goods.id)).stock).toBe(4);

    const requestId = newRequestId();
    const r = await call('user', { action: 'deleteAccount', confirm: '注销', requestId }, person);
    expect(r).toMatchObject({ ok: true, data: { wishesWithdrawn: 1, claimsReleased: 1, bookingsCancelled: 1, errandsCancelled: 1, ordersCancelled: 1 } });

    // Wishes: their own withdrawn, the claimed one back on the wall for others; each with an event.
    const own = await doc('wishes', ownWish);
    expect(own).toMatchObject({ status: 'withdrawn', publisherName: '已注销用户', showPhone: false });
    expect(own.address).toBeUndefined();
    const back = await doc('wishes', claimedWish);
    expect(back.status).toBe('open');
    expect(back.claim ?? null).toBeNull();
    const events = await where('wish_events', { wishId: claimedWish });
    expect(events.find((e: any) => e.from === 'claimed' && e.to === 'open')).toMatchObject({ byUserId: userId, why: expect.stringContaining('注销') });
    expect((await doc('wish_claimers', userId)).live).toBe(0);

    // The seat went back, and the neighbour moved up.
    const slot = await doc('booking_slots', slotId);
    expect(slot.booked.map((s: any) => s.id)).toEqual([waiting.id]);
    expect(await doc('booking_bookings', booking.id)).toMatchObject({ status: 'cancelled', userName: '已注销用户' });
    expect((await doc('booking_bookings', waiting.id)).status).toBe('booked');

    // Errand and request: no address or phone left.
    const e = await doc('booking_errands', errand.id);
    expect(e).toMatchObject({ status: 'cancelled', requesterName: '已注销用户' });
    expect(e.address).toBeUndefined();
    expect(e.contactPhone).toBeUndefined();
    const t = await doc('tickets', ticket.id);
    expect(t.requesterName).toBe('已注销用户');
    expect(t.address).toBeUndefined();
    expect(t.requesterId).toBe(userId);

    // The order: cancelled, stock back, the refund posted; the ledger still sums to the balance.
    expect((await doc('points_orders', order.id)).status).toBe('cancelled');
    expect((await doc('points_goods', goods.id)).stock).toBe(5);
    const ledger = await ledgerOf(userId);
    expect(ledger).toEqual({ sum: 30, balance: 30 });
    expect((await where('points_entries', { userId })).map((x: any) => x.kind).sort()).toEqual(['earn', 'refund', 'spend']);

    // The person: anonymous, roles ended, the openid link gone; no stored answer keeps their phone.
    const u = await doc('users', userId);
    expect(u.displayName).toBe('已注销用户');
    for (const field of ['phone', 'avatarUrl', 'building', 'joinedVia', 'communityId', 'gridId']) expect(u[field]).toBeUndefined();
    expect(u.openid).not.toBe(person);
    expect(u.grants).toEqual([]);
    expect(u.formerGrants).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'volunteer', why: '注销账号' })]));
    expect(await doc('user_openids', person)).toBeUndefined();
    const everything = JSON.stringify(await snapshot(['users', 'requests', 'wishes', 'booking_bookings', 'booking_errands', 'tickets', 'needs']));
    expect(everything).not.toContain('13700009999');
    expect(everything).not.toContain('将注销的丙');

    // A repeat of the same request answers as the first and writes nothing.
    // This community's documents only: other tests write theirs to the same collections meanwhile.
    const watched = ['users', 'wishes', 'wish_events', 'booking_bookings', 'booking_slots', 'points_entries', 'points_orders', 'points_goods', 'tickets'];
    const mine = () => Promise.all(watched.map(async (coll) => (await sdk().database().collection(coll).where({ communityId: c.id }).orderBy('_id', 'asc').limit(1000).get()).data));
    const before = await mine();
    expect(await call('user', { action: 'deleteAccount', confirm: '注销', requestId }, person)).toEqual(r);
    expect(await mine()).toEqual(before);
    // Without the same request there is no one left to delete.
    expect(await call('user', { action: 'deleteAccount', confirm: '注销', requestId: newRequestId() }, person)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });

    // The same WeChat comes back as a new person with nothing of the old.
    const again = await ok('user', { action: 'login', scene: `c=${c.code}` }, person);
    expect(again.created).toBe(true);
    expect(again.me.id).not.toBe(userId);
    expect(again.me.displayName).not.toBe('将注销的丙');
    // ... and a late repeat of the old request does not delete the new one.
    expect(await call('user', { action: 'deleteAccount', confirm: '注销', requestId }, person)).toEqual(r);
    expect((await ok('user', { action: 'me' }, person)).me.id).toBe(again.me.id);
  });

  it('a deletion cut short is finished by calling again', async () => {
    const c = await newBookingCommunity();
    const person = await residentOf(c);
    const userId = await userIdOf(person);
    const ownWish = await wishOf(c, person, '想找人陪同看病');
    // Two calls at once: both walk the domains; one anonymizes, the other answers the same.
    const requestId = newRequestId();
    const [a, b] = await Promise.all([
      call('user', { action: 'deleteAccount', confirm: '注销', requestId }, person),
      call('user', { action: 'deleteAccount', confirm: '注销', requestId }, person),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect((await doc('wishes', ownWish)).status).toBe('withdrawn');
    expect((await where('wish_events', { wishId: ownWish, to: 'withdrawn' })).length).toBe(1);
    expect((await doc('users', userId)).displayName).toBe('已注销用户');
  });
});
