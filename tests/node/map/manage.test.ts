import { call, newRequestId, ok, sdk } from '../support/cloud';
import { newVolunteer } from '../support/wish';
import { createPlace, grant, newCommunity, offset, placeInput, snapshotMap } from '../support/map';

async function eventsOf(placeId: string) {
  const res = await sdk().database().collection('place_events').where({ placeId }).orderBy('at', 'asc').limit(100).get();
  // Through JSON, as a client would see them: stored points read back as GeoJSON.
  return JSON.parse(JSON.stringify(res.data)) as Array<Record<string, any>>;
}

describe('managePlace: who may', () => {
  it('lets only staff and admins of the community manage places; everyone else is refused and nothing changes', async () => {
    const c = await newCommunity();
    const id = await createPlace(c, '党群服务站', offset(c.center, 100, 100));
    const volunteer = await newVolunteer();
    const gridWorker = `${c.resident}-gw`;
    await ok('user', { action: 'login', scene: `c=${c.code}` }, gridWorker);
    await grant(gridWorker, 'grid_worker', c.id);

    const attempts = [
      { op: 'create', place: placeInput('居民新建的点', offset(c.center, 10, 10)), requestId: newRequestId() },
      { op: 'update', id, changes: { name: '改个名字' } },
      { op: 'close', id, reason: '不想要了' },
    ];
    const before = await snapshotMap(c);
    for (const who of [c.resident, gridWorker]) {
      for (const a of attempts) expect(await call('map', { action: 'managePlace', ...a }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    // Staff of another community (the demo's 陈书记) and its volunteers cannot see, let alone touch, this place.
    expect(await call('map', { action: 'managePlace', op: 'close', id, reason: '越权' }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('map', { action: 'managePlace', ...attempts[1] }, volunteer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('map', { action: 'managePlace', ...attempts[0] })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await snapshotMap(c)).toEqual(before);

    // A staff grant (not only admin) is enough.
    const staff = `${c.resident}-st`;
    await ok('user', { action: 'login', scene: `c=${c.code}` }, staff);
    await grant(staff, 'staff', c.id);
    const res = await ok('map', { action: 'managePlace', op: 'update', id, changes: { name: '北区党群服务站' } }, staff);
    expect(res.place.name).toBe('北区党群服务站');
  });
});

describe('managePlace: bad input', () => {
  it('refuses bad coordinates, unknown categories, injection-looking ids and malformed hours, changing nothing', async () => {
    const c = await newCommunity();
    const id = await createPlace(c, '便民服务点', offset(c.center, 50, 50));
    const good = placeInput('新的便民点', offset(c.center, 200, 0));
    const swapped = { lat: c.center.lng, lng: c.center.lat };
    const bad: Array<Record<string, unknown>> = [
      { op: 'create', place: { ...good, location: { lat: 200, lng: 120 } } },
      { op: 'create', place: { ...good, location: { lat: 32.1, lng: -181 } } },
      { op: 'create', place: { ...good, location: { lat: '31.81', lng: '119.97' } } },
      { op: 'create', place: { ...good, location: swapped } },
      { op: 'create', place: { ...good, location: offset(c.center, 8000, 0) } },
      { op: 'create', place: { ...good, location: { ...good.location, $near: 1 } } },
      { op: 'create', place: { ...good, category: '网吧' } },
      { op: 'create', place: { ...good, category: { $ne: null } } },
      { op: 'create', place: { ...good, name: '   ' } },
      { op: 'create', place: { ...good, name: 'x'.repeat(31) } },
      { op: 'create', place: { ...good, phone: '138-0000' } },
      { op: 'create', place: { ...good, communityId: 'c_beihai' } },
      { op: 'create', place: { ...good, status: 'closed' } },
      { op: 'create', place: { ...good, gridId: 'g_beihai_1' } },
      { op: 'create', place: { ...good, hours: { week: { '1': [{ from: '12:00', to: '08:00' }] }, calendar: 'every_day' } } },
      { op: 'create', place: { ...good, hours: { week: { '1': [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '13:00' }] }, calendar: 'every_day' } } },
      { op: 'create', place: { ...good, hours: { week: { '8': [] }, calendar: 'every_day' } } },
      { op: 'create', place: { ...good, hours: { week: {}, calendar: 'sometimes' } } },
      { op: 'create', place: { ...good, hours: { ...good.hours, closedDates: ['2026-02-30'] } } },
      { op: 'create', place: { ...good, services: 'all' } },
      { op: 'create' },
      { op: 'update', id: { $gt: '' }, changes: { name: '注入' } },
      { op: 'update', id: { $ne: null }, changes: { name: '注入' } },
      { op: 'update', id: '{"$gt":""}', changes: { name: '注入' } },
      { op: 'update', id, changes: {} },
      { op: 'update', id, changes: { location: { lat: 0, lng: 0 } } },
      { op: 'update', id, changes: { status: 'closed' } },
      { op: 'close', id: { $gt: '' }, reason: '注入' },
      { op: 'close', id },
      { op: 'close', id, reason: '' },
      { op: 'delete', id },
      { op: { $in: ['close'] }, id, reason: 'x' },
      { place: good },
      { op: 'create', place: good, requestId: { $gt: '' } },
      { op: 'create', place: good, requestId: 'short' },
    ];
    const before = await snapshotMap(c);
    for (const input of bad) {
      const res = await call('map', { action: 'managePlace', ...input }, c.admin);
      expect({ input, res }).toMatchObject({ input, res: { ok: false, code: 'INVALID_ARGUMENT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    }
    expect(await snapshotMap(c)).toEqual(before);
  });
});

describe('managePlace: create, update, close, reopen', () => {
  it('audits every change and answers a repeated request with the first result', async () => {
    const c = await newCommunity();
    const requestId = newRequestId();
    const input = placeInput('北区爱心驿站', offset(c.center, 300, 0), { category: '爱心驿站', phone: '0519-86601234', gridId: c.gridId });
    const first = await ok('map', { action: 'managePlace', op: 'create', place: input, requestId }, c.admin);
    const again = await ok('map', { action: 'managePlace', op: 'create', place: input, requestId }, c.admin);
    expect(again.place.id).toBe(first.place.id);
    const id = first.place.id;
    expect(first.place).toMatchObject({ name: '北区爱心驿站', category: '爱心驿站', phone: '0519-86601234', gridName: '第一网格', status: 'active', hours: input.hours });
    const placesNamed = await sdk().database().collection('places').where({ communityId: c.id, name: '北区爱心驿站' }).get();
    expect(placesNamed.data).toHaveLength(1);
    // The same name again, as a new request, is a conflict.
    expect(await call('map', { action: 'managePlace', op: 'create', place: input, requestId: newRequestId() }, c.admin)).toMatchObject({ ok: false, code: 'CONFLICT' });

    const moved = offset(c.center, 320, 20);
    const updated = await ok('map', { action: 'managePlace', op: 'update', id, changes: { location: moved, phone: null, services: ['歇脚饮水', '手机充电', '法律咨询'] }, reason: '搬到邮政网点' }, c.admin);
    expect(updated.place.location).toEqual(moved);
    expect(updated.place).not.toHaveProperty('phone');
    expect(updated.place.services).toEqual(['歇脚饮水', '手机充电', '法律咨询']);

    const closeId = newRequestId();
    const closed = await ok('map', { action: 'managePlace', op: 'close', id, reason: '驿站改造，暂停使用', requestId: closeId }, c.admin);
    expect(closed.place).toMatchObject({ status: 'closed', closedReason: '驿站改造，暂停使用' });
    expect((await ok('map', { action: 'managePlace', op: 'close', id, reason: '驿站改造，暂停使用', requestId: closeId }, c.admin)).place.status).toBe('closed');
    expect(await call('map', { action: 'managePlace', op: 'close', id, reason: '再关一次', requestId: newRequestId() }, c.admin)).toMatchObject({ ok: false, code: 'CONFLICT' });

    // Closed: gone for residents, still there for staff.
    expect((await ok('map', { action: 'places' }, c.resident)).items).toEqual([]);
    expect(await call('map', { action: 'place', id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('map', { action: 'places', includeClosed: true }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await ok('map', { action: 'places', includeClosed: true }, c.admin)).items.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([[id, 'closed']]);
    expect((await ok('map', { action: 'place', id }, c.admin)).place.status).toBe('closed');

    const reopened = await ok('map', { action: 'managePlace', op: 'reopen', id, reason: '改造完成' }, c.admin);
    expect(reopened.place.status).toBe('active');
    expect(reopened.place).not.toHaveProperty('closedReason');
    expect((await ok('map', { action: 'places' }, c.resident)).items.map((p: { id: string }) => p.id)).toEqual([id]);

    const events = await eventsOf(id);
    expect(events.map((e) => [e.op, e.from, e.to])).toEqual([
      ['create', null, 'active'],
      ['update', 'active', 'active'],
      ['close', 'active', 'closed'],
      ['reopen', 'closed', 'active'],
    ]);
    const me = await ok('user', { action: 'me' }, c.admin);
    expect(events.every((e) => e.byUserId === me.me.id && e.byLabel === '管理员' && e.communityId === c.id)).toBe(true);
    expect(events[1]).toMatchObject({ why: '搬到邮政网点', changed: ['location', 'services', 'phone'], before: { phone: '0519-86601234' } });
    expect(events[1].after).not.toHaveProperty('phone');
    expect(events[1].after.location.coordinates).toEqual([moved.lng, moved.lat]);
    expect(events[2]).toMatchObject({ why: '驿站改造，暂停使用', changed: ['status', 'closedReason'] });
  });

  it('an update that changes nothing writes nothing', async () => {
    const c = await newCommunity();
    const id = await createPlace(c, '城市书房', offset(c.center, 100, 0), { category: '城市书房' });
    const before = await snapshotMap(c);
    const res = await ok('map', { action: 'managePlace', op: 'update', id, changes: { category: '城市书房', name: '城市书房' } }, c.admin);
    expect(res.place.name).toBe('城市书房');
    expect(await snapshotMap(c)).toEqual(before);
  });
});
