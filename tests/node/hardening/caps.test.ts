import { call, newRequestId } from '../support/cloud';
import { all, newBookingCommunity, newErrandService, residentOf, where } from '../support/booking';
import { newResident, userIdOf } from '../support/wish';

/**
 * Per-person caps under a rush: 30 real parallel calls from one new person (the local cloud runs
 * up to four instances of a function, so they contend). Exactly the cap goes through; the rest
 * are told why, and nothing else is written.
 */
const RUSH = 30;

/** Brings every instance of the function up first: a cold start would let one warm instance serve the rush alone, in turn. */
const warm = (fn: string, action: string, openid: string) => all(8, () => call(fn, { action }, openid));

function expectCapped(results: Array<{ ok: boolean; code?: string; message?: string }>, cap: number, words: RegExp) {
  const refused = results.filter((r) => !r.ok);
  expect(results.filter((r) => r.ok).length).toBe(cap);
  expect(refused.every((r) => r.code === 'RESOURCE_EXHAUSTED' && words.test(r.message ?? ''))).toBe(true);
}

describe('per-person caps hold under concurrency', () => {
  it('wish.publish: at most 5 wishes waiting for review', async () => {
    const resident = await newResident();
    const userId = await userIdOf(resident);
    await warm('wish', 'mine', resident);
    const results = await all(RUSH, (i) => call('wish', { action: 'publish', title: `心愿${i}号`, content: '楼道灯坏了，晚上看不见，请帮忙修理。', category: '维修帮办', requestId: newRequestId() }, resident));
    expectCapped(results, 5, /心愿在等待审核/);
    expect(await where('wishes', { publisherId: userId, status: 'pending_review' })).toHaveLength(5);
  });

  it('lists.submitRequest: at most 5 requests waiting for dispatch', async () => {
    const resident = await newResident();
    const userId = await userIdOf(resident);
    await warm('lists', 'needs', resident);
    const results = await all(RUSH, (i) => call('lists', { action: 'submitRequest', category: '水电维修', title: `水管漏水${i}号`, address: '1幢302室', requestId: newRequestId() }, resident));
    expectCapped(results, 5, /诉求在等待派单/);
    expect(await where('tickets', { requesterId: userId })).toHaveLength(5);
    expect(await where('needs', { requesterId: userId })).toHaveLength(5);
  });

  it('booking.requestErrand: at most 5 errands in hand', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newErrandService(c, 'proxy');
    const resident = await residentOf(c);
    const userId = await userIdOf(resident);
    await warm('booking', 'mine', resident);
    const results = await all(RUSH, (i) => call('booking', { action: 'requestErrand', serviceId, description: `代办医保备案第${i}件`, requestId: newRequestId() }, resident));
    expectCapped(results, 5, /代办事项在办理中/);
    expect(await where('booking_errands', { requesterId: userId })).toHaveLength(5);
  });
});
