import fc from 'fast-check';
import { cloudUrl } from '../support/cloud';
import { snapshotBooking } from '../support/booking';
import type { TestCommunity } from '../support/map';
import { bookingFunction } from '../../../server/booking';
import { assertRefused, malformed, runHandlersAs } from '../support/malformed';

/**
 * Malformed booking events (a field of the wrong type or an injection-looking value, an unknown
 * action, not an object at all): never INTERNAL, never a stack trace, never a write. Like
 * tests/node/hardening/fuzz.test.ts, against the handler in this process and, for a sample, over
 * the wire; the samples below are what that catalog needs for booking.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CALLER = 'demo-admin';
const rid = 'req-00000001';
const svc = 'sv_0000000000000000';

export const BOOKING_CATALOG: Array<{ action: string; sample: Record<string, unknown> }> = [
  { action: 'services', sample: { placeId: 'p_beihai_center', kind: 'appointment', includePaused: true, cursor: 'o0', limit: 10 } },
  { action: 'slots', sample: { serviceId: svc, from: '2026-10-08', to: '2026-10-10' } },
  { action: 'book', sample: { slotId: `${svc}.2026-10-08.0830`, note: '咨询退休认证', requestId: rid } },
  { action: 'cancel', sample: { id: 'bk_0000000000000000', reason: '临时有事', requestId: rid } },
  { action: 'mine', sample: { kind: 'bookings', when: 'upcoming', cursor: 'o0' } },
  { action: 'detail', sample: { id: 'bk_0000000000000000' } },
  { action: 'checkIn', sample: { code: '00000000', requestId: rid } },
  { action: 'checkOut', sample: { code: '00000000', requestId: rid } },
  { action: 'schedule', sample: { date: '2026-10-08', serviceId: svc, placeId: 'p_beihai_center', cursor: 'o0' } },
  { action: 'manageService', sample: { op: 'pause', id: svc, reason: '工作人员培训', requestId: rid } },
  { action: 'placeCode', sample: { placeId: 'p_0000000000000000', rotate: true, requestId: rid } },
  {
    action: 'requestErrand',
    sample: { serviceId: svc, description: '上门认证', papers: ['身份证'], address: '9幢302室', window: { date: '2026-10-09', from: '09:00', to: '11:00' }, contactPhone: '13912345678', requestId: rid },
  },
  { action: 'errands', sample: { scope: 'queue', status: 'submitted', cursor: 'o0' } },
  { action: 'workers', sample: {} },
  { action: 'assignErrand', sample: { id: 'er_0000000000000000', assigneeId: 'u_demo_gridworker', reason: '网格员休假', requestId: rid } },
  { action: 'updateErrand', sample: { id: 'er_0000000000000000', op: 'done', note: '已办结', requestId: rid } },
  { action: 'rateErrand', sample: { id: 'er_0000000000000000', stars: 5, comment: '满意', requestId: rid } },
  { action: 'activities', sample: { when: 'upcoming', category: '环境整治', cursor: 'o0' } },
  { action: 'publishActivity', sample: { op: 'cancel', id: 'ac_0000000000000000', reason: '暴雨预警', requestId: rid } },
  { action: 'signUp', sample: { activityId: 'ac_0000000000000000', requestId: rid } },
  { action: 'roster', sample: { activityId: 'ac_0000000000000000', cursor: 'o0' } },
];

beforeAll(() => runHandlersAs(CALLER));

const ACTIONS = BOOKING_CATALOG.map((s) => s.action);

const DEMO = { id: 'c_beihai' } as TestCommunity;

describe.each(BOOKING_CATALOG.map((s) => [s.action, s] as const))('booking.%s under malformed events', (_name, spec) => {
  it(`refuses ${RUNS} malformed events without writing`, async () => {
    const before = await snapshotBooking(DEMO, [CALLER]);
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(malformed(spec.action, spec.sample, ACTIONS, /^id$|Id$|^code$/), async (event) => {
        seen++;
        assertRefused(await bookingFunction(event), event);
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    for (const event of fc.sample(malformed(spec.action, spec.sample, ACTIONS, /^id$|Id$|^code$/), { numRuns: 20, seed: 7 })) {
      const res = await fetch(`${cloudUrl()}/fn/booking`, { method: 'POST', headers: { 'x-openid': CALLER }, body: JSON.stringify(event) });
      expect(res.status).toBe(200);
      assertRefused(await res.json(), event);
    }
    expect(seen).toBe(RUNS);
    expect(await snapshotBooking(DEMO, [CALLER])).toEqual(before);
  });
});

it('the catalog covers every action the booking function answers', () => {
  expect(BOOKING_CATALOG.map((s) => s.action).sort()).toEqual([...bookingFunction.actions].sort());
});
