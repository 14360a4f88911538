import { call, newRequestId, ok, sdk } from '../support/cloud';
import { newCommunity } from '../support/map';
import { userIdOf } from '../support/wish';

/**
 * 志愿服务证明: a volunteer's hours and services in a period, issued from the records and kept;
 * staff scanning it read it as issued and whether the records still agree.
 */
const at = (date: string, hhmm = '10:00') => Date.parse(`${date}T${hhmm}:00+08:00`);

it('issues the period’s figures once per request, and staff of the community verify them', async () => {
  const c = await newCommunity();
  const db = sdk().database();
  const me = await userIdOf(c.resident);
  const signup = (n: number, day: string, minutes: number) =>
    db.collection('booking_signups').doc(`su_${c.id}_${n}`).set({ communityId: c.id, activityId: `a${n}`, userId: me, status: 'checked_out', checkOutAt: at(day), minutes, createdAt: 0, updatedAt: 0 });
  await signup(1, '2026-05-10', 120);
  await signup(2, '2026-06-02', 90);
  await signup(3, '2026-08-01', 60); // after the period
  await db.collection('party_responses').doc(`re_${c.id}_1`).set({ communityId: c.id, calloutId: 'x', userId: me, name: '某', answer: 'coming', party: false, at: 0, attended: true, minutes: 45, closedAt: at('2026-06-30', '23:30') });

  const requestId = newRequestId();
  const { certificate } = await ok('party', { action: 'certificate', from: '2026-05-01', to: '2026-06-30', requestId }, c.resident);
  expect(certificate).toMatchObject({ from: '2026-05-01', to: '2026-06-30', communityName: expect.stringMatching(/^测试社区/) });
  expect(certificate.figures).toMatchObject({ activities: 2, callouts: 1, minutes: 255, wishes: 0, tickets: 0 });
  expect(certificate.id).toMatch(/^vc_[0-9a-f]{16}$/);
  // The same request again: the same certificate, nothing new kept.
  expect((await ok('party', { action: 'certificate', from: '2026-05-01', to: '2026-06-30', requestId }, c.resident)).certificate.id).toBe(certificate.id);
  const kept = (await db.collection('party_certificates').where({ userId: me }).get()).data;
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({ communityId: c.id, from: '2026-05-01', to: '2026-06-30', figures: certificate.figures });

  const verified = await ok('party', { action: 'verifyCertificate', id: certificate.id }, c.admin);
  expect(verified).toEqual({ certificate, current: certificate.figures, agrees: true });
  // A record of the period changed since: the scan says so, the certificate stays as issued.
  await db.collection('booking_signups').doc(`su_${c.id}_2`).update({ minutes: 30 });
  const changed = await ok('party', { action: 'verifyCertificate', id: certificate.id }, c.admin);
  expect([changed.agrees, changed.current.minutes, changed.certificate.figures.minutes]).toEqual([false, 195, 255]);

  expect(await call('party', { action: 'verifyCertificate', id: certificate.id }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const other = await newCommunity();
  expect(await call('party', { action: 'verifyCertificate', id: certificate.id }, other.admin)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

  // 注销: the certificate keeps its figures for a scan, not the name.
  await ok('user', { action: 'deleteAccount', confirm: '注销' }, c.resident);
  const after = await ok('party', { action: 'verifyCertificate', id: certificate.id }, c.admin);
  expect(after.certificate.name).not.toBe(certificate.name);
  expect(after.certificate.figures).toEqual(certificate.figures);
  expect(JSON.stringify((await db.collection('party_certificates').doc(certificate.id).get()).data)).not.toContain(certificate.name);
});

it('refuses a period backwards, in the future or over a year, issuing nothing', async () => {
  const c = await newCommunity();
  const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
  for (const [from, to] of [['2026-06-01', '2026-05-01'], ['2026-01-01', tomorrow], ['2024-01-01', '2025-06-01'], ['2026-02-30', '2026-03-01']]) {
    expect(await call('party', { action: 'certificate', from, to }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  }
  const kept = (await sdk().database().collection('party_certificates').where({ userId: await userIdOf(c.resident) }).get()).data;
  expect(kept).toEqual([]);
});
