import { call, ok, sdk } from '../support/cloud';
import { newCommunity } from '../support/map';

/**
 * 数据看板 over three weeks of a community of its own: requests and on-time rate by week, volunteer
 * service by week, each grid, categories and the seasons' wishes, each checked against what the
 * database holds.
 */
const at = (date: string, hhmm = '10:00') => Date.parse(`${date}T${hhmm}:00+08:00`);
const HOUR = 3_600_000;

it('answers each week, grid, category and season from the records', async () => {
  const c = await newCommunity();
  const db = sdk().database();
  const otherGrid = `${c.gridId}x`;
  await db.collection('grids').doc(otherGrid).set({ communityId: c.id, code: 'g2', name: '第二网格', buildings: [] });

  // Week 1 (3月2日–8日): two on time, one late; week 2: one still open past its deadline (late),
  // one open and not due; one cancelled (left out). Week 3: nothing raised.
  let n = 0;
  const ticket = (created: string, fields: Record<string, unknown>) =>
    db.collection('tickets').doc(`tk_${c.id}_${++n}`).set({
      communityId: c.id, needId: `n${n}`, source: 'request', title: `诉求${n}`, photos: [], urgency: 1, people: 1, kind: 'simple', level: 'grid', cycle: 1, alerts: [], late: false, reopenCount: 0,
      gridId: c.gridId, category: '水电维修', createdAt: at(created), clock: { resolveBy: at(created) + 24 * HOUR }, ...fields,
    });
  await ticket('2026-03-02', { status: 'closed', resolvedAt: at('2026-03-02', '15:00') });
  await ticket('2026-03-04', { status: 'resolved', resolvedAt: at('2026-03-04', '18:00'), category: '助老服务' });
  await ticket('2026-03-08', { status: 'closed', resolvedAt: at('2026-03-10'), late: true, gridId: otherGrid });
  await ticket('2026-03-10', { status: 'dispatched' });
  await ticket('2026-03-14', { status: 'dispatched', clock: { resolveBy: Date.now() + 24 * HOUR }, category: '助老服务' });
  await ticket('2026-03-11', { status: 'cancelled' });
  await ticket('2026-02-27', { status: 'closed', resolvedAt: at('2026-02-27', '12:00') }); // before the period

  // Volunteer service: 90 + 30 minutes of activities in week 1, a 120-minute call-out in week 3.
  await db.collection('booking_signups').doc(`su_${c.id}_1`).set({ communityId: c.id, activityId: 'a', status: 'checked_out', checkOutAt: at('2026-03-03'), minutes: 90, createdAt: 0, updatedAt: 0 });
  await db.collection('booking_signups').doc(`su_${c.id}_2`).set({ communityId: c.id, activityId: 'a', status: 'checked_out', checkOutAt: at('2026-03-08', '20:00'), minutes: 30, createdAt: 0, updatedAt: 0 });
  await db.collection('booking_signups').doc(`su_${c.id}_3`).set({ communityId: c.id, activityId: 'a', status: 'signed_up', createdAt: 0, updatedAt: 0 });
  await db.collection('party_responses').doc(`re_${c.id}_1`).set({ communityId: c.id, calloutId: 'x', userId: 'u', name: '某', answer: 'coming', party: true, at: 0, attended: true, minutes: 120, closedAt: at('2026-03-20') });

  // Two seasons: 第1季 had one wish collected and completed; 第2季 one collected.
  await db.collection('wish_seasons').doc(`${c.id}.s1`).set({ communityId: c.id, number: 1, name: '第1季', startDate: '2026-01-01', endDate: '2026-02-28', createdBy: 't', createdAt: 0 });
  await db.collection('wish_seasons').doc(`${c.id}.s2`).set({ communityId: c.id, number: 2, name: '第2季', startDate: '2026-03-01', endDate: '2026-05-31', createdBy: 't', createdAt: 0 });
  const wish = (id: string, fields: Record<string, unknown>) => db.collection('wishes').doc(`w_${c.id}_${id}`).set({ communityId: c.id, title: id, wantedBy: [], wants: 0, everClaimed: false, updatedAt: 0, ...fields });
  await wish('a', { status: 'completed', createdAt: at('2026-01-10'), completedAt: at('2026-02-01'), everClaimed: true });
  await wish('b', { status: 'open', createdAt: at('2026-03-05') });

  const refused = await call('lists', { action: 'charts' }, c.resident);
  expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await call('lists', { action: 'charts', from: '2026-03-20', to: '2026-03-01' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  expect(await call('lists', { action: 'charts', from: '2025-01-01', to: '2026-03-01' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });

  // From a Wednesday: the period starts on its Monday.
  const charts = await ok('lists', { action: 'charts', from: '2026-03-04', to: '2026-03-22' }, c.admin);
  expect([charts.from, charts.to, charts.target]).toEqual(['2026-03-02', '2026-03-22', 0.9]);
  expect(charts.weeks).toEqual([
    { start: '2026-03-02', requests: 3, onTime: 2, late: 1, onTimeRate: 0.667, volunteerMinutes: 120 },
    { start: '2026-03-09', requests: 2, onTime: 0, late: 1, onTimeRate: 0, volunteerMinutes: 0 },
    { start: '2026-03-16', requests: 0, onTime: 0, late: 0, onTimeRate: null, volunteerMinutes: 120 },
  ]);
  expect(charts.grids).toEqual([
    { gridId: c.gridId, gridName: '第一网格', tickets: 4, onTimeRate: 0.667 },
    { gridId: otherGrid, gridName: '第二网格', tickets: 1, onTimeRate: 0 },
  ]);
  expect(charts.categories).toEqual([{ category: '水电维修', tickets: 3 }, { category: '助老服务', tickets: 2 }]);
  expect(charts.seasons).toEqual([
    { number: 1, name: '第1季', collected: 1, claimed: 0, completed: 1 },
    { number: 2, name: '第2季', collected: 1, claimed: 0, completed: 0 },
  ]);
});
