import { call, newRequestId, ok } from '../support/cloud';
import { balanceOf, userIdOf } from '../support/wish';
import { MIN, age, all, doc, fireTimer, newBookingCommunity, outboxOf, shanghaiDay, snapshotBooking, volunteerOf, where, type BookingCommunity } from '../support/booking';

async function publish(c: BookingCommunity, extra: Record<string, unknown> = {}): Promise<any> {
  const { activity } = await ok(
    'booking',
    {
      action: 'publishActivity',
      op: 'create',
      activity: { title: '北海新村楼道杂物清理', category: '环境整治', description: '清理楼道堆放的杂物，请自带手套。', placeId: c.placeId, date: shanghaiDay(3), from: '08:30', to: '11:00', capacity: 5, waitlistMax: 2, ...extra },
      requestId: newRequestId(),
    },
    c.staff,
  );
  return activity;
}

/** Moves an activity and its sign-ups in time, as if the day had come. */
async function happening(activityId: string, start: number, end: number): Promise<void> {
  await age('booking_activities', activityId, { start, end });
  for (const s of await where('booking_signups', { activityId })) await age('booking_signups', s._id, { start, end });
}

describe('volunteer activities', () => {
  it('staff publish; volunteers sign up within the headcount, a waitlist when full, never twice; residents may not join a volunteers-only one', async () => {
    const c = await newBookingCommunity();
    const volunteer = await volunteerOf(c);
    expect(await call('booking', { action: 'publishActivity', op: 'create', activity: { title: '理论宣讲', category: '理论宣讲', description: '宣讲', placeId: c.placeId, date: shanghaiDay(3), from: '14:00', to: '15:00', capacity: 10 } }, volunteer)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const activity = await publish(c);
    expect(activity).toMatchObject({ status: 'published', phase: 'upcoming', capacity: 5, signedUp: 0, left: 5, audience: 'volunteers', placeName: '党群服务中心' });
    expect(activity.when).toMatch(/ 08:30-11:00$/);
    expect(activity.checkInQr).toMatch(new RegExp(`^honglin://checkin/activity/${activity.id}\\?k=[A-Za-z0-9]{12}$`));
    const listed = await ok('booking', { action: 'activities' }, volunteer);
    expect(listed.items.map((a: any) => a.id)).toEqual([activity.id]);
    expect(listed.items[0].checkInQr).toBeUndefined();

    expect(await call('booking', { action: 'signUp', activityId: activity.id }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const volunteers = [volunteer, ...(await all(11, () => volunteerOf(c)))];
    // Everyone taps at once, the first four twice.
    const results = await all(16, (i) => call('booking', { action: 'signUp', activityId: activity.id, requestId: newRequestId() }, volunteers[i % 12]));
    const won = results.filter((r) => r.ok) as Array<{ ok: true; data: any }>;
    expect(won.filter((r) => r.data.signup.status === 'signed_up')).toHaveLength(5);
    expect(won.filter((r) => r.data.signup.status === 'waitlisted')).toHaveLength(2);
    const lost = results.filter((r) => !r.ok) as Array<{ code: string; message: string }>;
    expect(lost).toHaveLength(9);
    expect(lost.every((r) => (r.code === 'RESOURCE_EXHAUSTED' && r.message === '该活动名额已满，候补名额也已满') || r.code === 'CONFLICT')).toBe(true);
    const a = await doc('booking_activities', activity.id);
    expect(a.booked).toHaveLength(5);
    expect(a.waitlist).toHaveLength(2);
    expect(new Set([...a.booked, ...a.waitlist].map((s: any) => s.userId)).size).toBe(7);
    expect(await where('booking_signups', { activityId: activity.id })).toHaveLength(7);

    // The roster, for staff: masked names, in order.
    const roster = await ok('booking', { action: 'roster', activityId: activity.id }, c.staff);
    expect(roster.activity).toMatchObject({ signedUp: 5, left: 0, waitlisted: 2 });
    expect(roster.items).toHaveLength(7);
    for (const s of roster.items) expect(s.who).toMatch(/^居民[0-9A-F]{4}$/); // staff read the full name
    expect(JSON.stringify(roster)).not.toMatch(/bres-|openid|phone/);
    expect(roster.items.every((s: any) => s.code === undefined)).toBe(true);
    expect(await call('booking', { action: 'roster', activityId: activity.id }, volunteer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // A holder cancels: the first on the waitlist moves up and is told.
    const signups = (await where('booking_signups', { activityId: activity.id })).sort((x, y) => x.createdAt - y.createdAt || (x._id < y._id ? -1 : 1));
    const holder = signups.find((s) => s.status === 'signed_up')!;
    const firstWaiting = a.waitlist[0];
    const holderOpenid = volunteers[(await Promise.all(volunteers.map(userIdOf))).indexOf(holder.userId)];
    const waitingOpenid = volunteers[(await Promise.all(volunteers.map(userIdOf))).indexOf(firstWaiting.userId)];
    const cancelled = await ok('booking', { action: 'cancel', id: holder._id }, holderOpenid);
    expect(cancelled.signup.status).toBe('cancelled');
    expect((await doc('booking_signups', firstWaiting.id)).status).toBe('signed_up');
    expect(await outboxOf(waitingOpenid, 'tmpl-booking-promoted')).toHaveLength(1);

    // An activity open to everyone takes residents too.
    const open = await publish(c, { title: '“身边事讲大政策”理论宣讲', category: '理论宣讲', audience: 'everyone', from: '14:30', to: '16:00' });
    expect((await ok('booking', { action: 'signUp', activityId: open.id }, c.resident)).signup.status).toBe('signed_up');
  });

  it('check-in and check-out by QR record the hours; attendance earns points exactly once (replay, concurrency)', async () => {
    const c = await newBookingCommunity();
    const activity = await publish(c);
    const [v1, v2] = [await volunteerOf(c), await volunteerOf(c)];
    const s1 = (await ok('booking', { action: 'signUp', activityId: activity.id }, v1)).signup;
    const s2 = (await ok('booking', { action: 'signUp', activityId: activity.id }, v2)).signup;
    expect(s1).toMatchObject({ status: 'signed_up', code: expect.stringMatching(/^\d{8}$/), qr: expect.stringMatching(/^honglin:\/\/booking\/\d{8}$/), canCancel: true });
    const [id1, id2] = [await userIdOf(v1), await userIdOf(v2)];
    const [b1, b2] = [await balanceOf(id1), await balanceOf(id2)];

    // Three days ahead: check-in is not open, and a volunteer cannot check out before checking in.
    expect(await call('booking', { action: 'checkIn', code: activity.checkInQr }, v1)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await call('booking', { action: 'checkOut', code: activity.checkInQr }, v1)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '请先签到' });
    // A wrong key is refused; another community's staff cannot scan our codes.
    const forged = activity.checkInQr.replace(/k=.*/, 'k=AAAAAAAAAAAA');
    expect(await call('booking', { action: 'checkIn', code: forged }, v1)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await call('booking', { action: 'checkIn', code: s1.code }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // The activity began 2.5 hours ago and ends in 10 minutes.
    const start = Date.now() - 150 * MIN;
    await happening(activity.id, start, Date.now() + 10 * MIN);
    expect((await ok('booking', { action: 'checkIn', code: activity.checkInQr }, v1)).signup.status).toBe('checked_in');
    expect((await ok('booking', { action: 'checkIn', code: s2.qr }, c.staff)).signup.status).toBe('checked_in');
    // As if v1 had checked in at the start.
    await age('booking_signups', s1.id, { checkInAt: start });

    // v1: five check-outs at once — their own scan twice, staff scanning their code three times.
    const outs = await Promise.all([
      call('booking', { action: 'checkOut', code: activity.checkInQr }, v1),
      call('booking', { action: 'checkOut', code: activity.checkInQr }, v1),
      call('booking', { action: 'checkOut', code: s1.code }, c.staff),
      call('booking', { action: 'checkOut', code: s1.qr }, c.staff),
      call('booking', { action: 'checkOut', code: s1.code }, c.gridWorker),
    ]);
    const wins = outs.filter((r) => r.ok) as Array<{ ok: true; data: any }>;
    expect(wins).toHaveLength(1);
    expect(outs.filter((r) => !r.ok && r.code === 'CONFLICT')).toHaveLength(4);
    // 5 for attending (参加一次社区活动) + 2 for each full hour (志愿服务每满1小时): 150 minutes → 2 hours.
    expect(wins[0].data.pointsAwarded).toBe(9);
    expect(wins[0].data.signup).toMatchObject({ status: 'checked_out', pointsAwarded: 9 });
    expect(wins[0].data.signup.minutes).toBeGreaterThanOrEqual(150);
    expect(wins[0].data.signup.minutes).toBeLessThan(155);
    expect(await balanceOf(id1)).toBe(b1 + 9);
    const entries = await where('points_entries', { userId: id1, 'source.type': 'activity' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ _id: `activity.${activity.id}.earn.${id1}`, kind: 'earn', amount: 9, source: { type: 'activity', id: activity.id } });
    expect(entries[0].reason).toMatch(/^参加志愿活动：北海新村楼道杂物清理（服务2\.\d小时）$/);

    // v2: a replayed check-out returns the first answer and posts nothing again.
    const requestId = newRequestId();
    const first = await ok('booking', { action: 'checkOut', code: activity.checkInQr, requestId }, v2);
    const again = await ok('booking', { action: 'checkOut', code: activity.checkInQr, requestId }, v2);
    expect(first.pointsAwarded).toBe(5); // checked in a moment ago: attendance only
    expect(again.pointsAwarded).toBe(5);
    expect(again.signup.status).toBe('checked_out');
    expect(await balanceOf(id2)).toBe(b2 + 5);
    expect(await where('points_entries', { userId: id2, 'source.type': 'activity' })).toHaveLength(1);

    // My service hours.
    const mine = await ok('booking', { action: 'mine', kind: 'signups' }, v1);
    expect(mine.kind).toBe('signups');
    expect(mine.hours).toMatchObject({ activities: 1, hours: expect.any(Number) });
    expect(mine.hours.minutes).toBeGreaterThanOrEqual(150);
    expect(mine.items[0]).toMatchObject({ id: s1.id, status: 'checked_out', pointsAwarded: 9 });
    expect(mine.items[0].code).toBeUndefined();
    const { signup } = await ok('booking', { action: 'detail', id: s1.id }, v1);
    expect(signup.timeline.map((e: any) => [e.from, e.to])).toEqual([
      [null, 'signed_up'],
      ['signed_up', 'checked_in'],
      ['checked_in', 'checked_out'],
    ]);
    expect(signup.timeline[2].why).toMatch(/签退：服务\d+分钟，获得9积分$/);
  });

  it('sign-ups never checked in become absent after the end; a cancelled activity lets everyone go and tells them', async () => {
    const c = await newBookingCommunity();
    const gone = await publish(c);
    const [v1, v2] = [await volunteerOf(c), await volunteerOf(c)];
    const s1 = (await ok('booking', { action: 'signUp', activityId: gone.id }, v1)).signup;
    await happening(gone.id, Date.now() - 120 * MIN, Date.now() - 5 * MIN);
    await fireTimer('markNoShows');
    expect((await doc('booking_signups', s1.id)).status).toBe('absent');
    expect(await call('booking', { action: 'signUp', activityId: gone.id }, v2)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '活动已开始，报名已截止' });

    const rainy = await publish(c, { title: '范公路口文明交通劝导', category: '文明劝导' });
    const s2 = (await ok('booking', { action: 'signUp', activityId: rainy.id }, v2)).signup;
    expect(await call('booking', { action: 'publishActivity', op: 'cancel', id: rainy.id }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const cancelled = await ok('booking', { action: 'publishActivity', op: 'cancel', id: rainy.id, reason: '暴雨预警，活动改期' }, c.staff);
    expect(cancelled.activity).toMatchObject({ status: 'cancelled', cancelledReason: '暴雨预警，活动改期' });
    expect((await doc('booking_signups', s2.id)).status).toBe('cancelled');
    expect(await outboxOf(v2, 'tmpl-activity-cancelled')).toHaveLength(1);
    expect((await ok('booking', { action: 'activities' }, v2)).items.map((a: any) => a.id)).not.toContain(rainy.id);
    const before = await snapshotBooking(c, [v1, v2]);
    expect(await call('booking', { action: 'signUp', activityId: rainy.id }, v1)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await call('booking', { action: 'publishActivity', op: 'cancel', id: rainy.id, reason: '再取消一次' }, c.staff)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await snapshotBooking(c, [v1, v2])).toEqual(before);
  });
});
