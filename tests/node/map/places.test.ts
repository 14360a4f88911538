import { call, ok, sdk, uniqueOpenid } from '../support/cloud';
import { ALWAYS, createPlace, newCommunity, offset, OFFICE_HOURS } from '../support/map';
import { openState } from '../../../server/map/hours';
import { BASE_CALENDAR } from '../../../server/core/calendar';
import type { OpeningHours } from '../../../typings/map';

const ids = (page: { items: Array<{ id: string }> }) => page.items.map((p) => p.id);

describe('places by distance', () => {
  it('orders by distance from the given point, with walking minutes and the 5/10-minute circles', async () => {
    const c = await newCommunity();
    // Created out of order: 1.5 km, 100 m, 700 m, 350 m from the centre.
    const far = await createPlace(c, '远处的充电站', offset(c.center, 1200, 900));
    const near = await createPlace(c, '楼下的便民点', offset(c.center, 100, 0));
    const mid = await createPlace(c, '十分钟内的书房', offset(c.center, 0, -700));
    const close = await createPlace(c, '五分钟内的驿站', offset(c.center, -350, 0));

    const fromCenter = await ok('map', { action: 'places', location: c.center }, c.resident);
    expect(ids(fromCenter)).toEqual([near, close, mid, far]);
    const [a, b, m, f] = fromCenter.items;
    expect(a.distance).toBeGreaterThan(90);
    expect(a.distance).toBeLessThan(110);
    for (const p of fromCenter.items) expect(p.walkMinutes).toBe(Math.max(1, Math.ceil(p.distance / 80)));
    expect([a, b, m, f].map((p) => p.withinWalk)).toEqual([
      { five: true, ten: true },
      { five: true, ten: true },
      { five: false, ten: true },
      { five: false, ten: false },
    ]);
    expect(fromCenter.circles).toEqual({ five: 2, ten: 3 });
    expect(fromCenter.total).toBe(4);

    // From beside the far one, the order turns round.
    const fromFar = await ok('map', { action: 'places', location: offset(c.center, 1200, 900) }, c.resident);
    expect(ids(fromFar)[0]).toBe(far);
    expect(fromFar.items[0].distance).toBeLessThan(5);
    const distances = fromFar.items.map((p: { distance: number }) => p.distance);
    expect([...distances].sort((x, y) => x - y)).toEqual(distances);

    // Only the 5-minute circle.
    const five = await ok('map', { action: 'places', location: c.center, within: 5 }, c.resident);
    expect(ids(five)).toEqual([near, close]);

    // Without a location: by name (拼音), and no distance at all.
    const byName = await ok('map', { action: 'places' }, c.resident);
    expect(byName.items.map((p: { name: string }) => p.name)).toEqual(['楼下的便民点', '十分钟内的书房', '五分钟内的驿站', '远处的充电站']);
    expect(byName.items.every((p: object) => !('distance' in p) && !('withinWalk' in p))).toBe(true);
    expect(byName.circles).toBeUndefined();
    expect(await call('map', { action: 'places', within: 10 }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('filters by category and counts the categories for the chips', async () => {
    const c = await newCommunity();
    const canteen = await createPlace(c, '邻里食堂', offset(c.center, 50, 50), { category: '社区食堂/助餐点' });
    const s1 = await createPlace(c, '骑手爱心驿站', offset(c.center, 300, 50), { category: '爱心驿站', hours: ALWAYS });
    const s2 = await createPlace(c, '邮政爱心驿站', offset(c.center, 600, 50), { category: '爱心驿站' });
    const stations = await ok('map', { action: 'places', category: '爱心驿站', location: c.center }, c.resident);
    expect(ids(stations)).toEqual([s1, s2]);
    expect(stations.items.every((p: { category: string }) => p.category === '爱心驿站')).toBe(true);
    expect(stations.total).toBe(2);
    expect(stations.categories).toEqual([
      { category: '社区食堂/助餐点', count: 1 },
      { category: '爱心驿站', count: 2 },
    ]);
    expect(ids(await ok('map', { action: 'places', category: '社区食堂/助餐点' }, c.resident))).toEqual([canteen]);
    expect((await ok('map', { action: 'places', category: '城市书房' }, c.resident)).items).toEqual([]);
    for (const bad of ['书店', '', { $ne: '爱心驿站' }, ['爱心驿站']]) {
      expect(await call('map', { action: 'places', category: bad }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
  });

  it('pages at most 20 at a time, without repeats', async () => {
    const c = await newCommunity();
    const created: string[] = [];
    for (let i = 0; i < 23; i++) created.push(await createPlace(c, `便民点${String(i).padStart(2, '0')}`, offset(c.center, 40 * i, 10)));
    const first = await ok('map', { action: 'places', location: c.center }, c.resident);
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(23);
    expect(first.next).toBeDefined();
    const second = await ok('map', { action: 'places', location: c.center, cursor: first.next }, c.resident);
    expect(second.items).toHaveLength(3);
    expect(second.next).toBeUndefined();
    expect([...ids(first), ...ids(second)]).toEqual(created);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok('map', { action: 'places', limit: 7, ...(cursor ? { cursor } : {}) }, c.resident);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...ids(page));
      cursor = page.next;
    } while (cursor);
    expect(seen.sort()).toEqual([...created].sort());

    for (const bad of [{ limit: 21 }, { limit: 0 }, { cursor: 'abc' }, { cursor: { $gt: '' } }]) {
      expect(await call('map', { action: 'places', ...bad }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
  });

  it('refuses bad locations', async () => {
    const c = await newCommunity();
    for (const location of [{ lat: 95, lng: 120 }, { lat: 32, lng: 181 }, { lat: '32.8', lng: '120.3' }, { lat: 32 }, [32, 120], { lat: 32, lng: 120, $where: '1' }, 'here']) {
      expect(await call('map', { action: 'places', location }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
  });
});

describe('open now through the function', () => {
  it('computes open-now from the clock in Shanghai, shows 24h stations, and filters to what is open', async () => {
    const c = await newCommunity();
    const always = await createPlace(c, '24小时爱心驿站', offset(c.center, 10, 0), { category: '爱心驿站', hours: ALWAYS });
    const never = await createPlace(c, '装修中的书房', offset(c.center, 20, 0), { category: '城市书房', hours: { week: {}, calendar: 'every_day' } });
    const office = await createPlace(c, '党群服务中心', offset(c.center, 30, 0), { category: '党群服务中心' });

    const before = Date.now();
    const page = await ok('map', { action: 'places', location: c.center }, c.resident);
    const after = Date.now();
    const byId = new Map(page.items.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(always)).toMatchObject({ openNow: true, open24h: true, label: '24小时开放', today: '24小时' });
    expect(byId.get(always)).not.toHaveProperty('closesAt');
    expect(byId.get(never)).toMatchObject({ openNow: false, open24h: false, label: '近期暂停开放' });
    // The office's state is whatever the pure module says for the moment of the call.
    const expected = [before, after].map((t) => openState(OFFICE_HOURS as OpeningHours, t, BASE_CALENDAR));
    if (JSON.stringify(expected[0]) === JSON.stringify(expected[1])) expect(byId.get(office)).toMatchObject(expected[0]);
    const o = byId.get(office) as { openNow: boolean; closesAt?: number; opensAt?: number };
    if (o.openNow) expect(o.closesAt).toBeGreaterThan(before);
    else expect(o.opensAt).toBeGreaterThan(before);

    const openOnly = await ok('map', { action: 'places', openNow: true }, c.resident);
    expect(ids(openOnly)).toContain(always);
    expect(ids(openOnly)).not.toContain(never);
    expect(openOnly.items.every((p: { openNow: boolean }) => p.openNow)).toBe(true);
  });
});

describe('place detail', () => {
  it('shows services, the public phone, the week, and bookable services once booking has them', async () => {
    const c = await newCommunity();
    const id = await createPlace(c, '社区卫生服务站', offset(c.center, 200, 0), {
      category: '卫生服务站',
      services: ['基本医疗', '家庭医生签约'],
      phone: '0519-86612345',
      intro: '医联体站点',
      hours: { ...OFFICE_HOURS, calendar: 'every_day', holiday: [{ from: '08:00', to: '11:30' }], closedDates: ['2099-01-01'] },
    });
    const { place } = await ok('map', { action: 'place', id, location: c.center }, c.resident);
    expect(place).toMatchObject({
      id,
      name: '社区卫生服务站',
      category: '卫生服务站',
      services: ['基本医疗', '家庭医生签约'],
      phone: '0519-86612345',
      intro: '医联体站点',
      bookableServiceIds: [],
      bookable: false,
      holidayNote: '法定节假日 08:00-11:30',
      closures: [],
      status: 'active',
    });
    expect(place.distance).toBeGreaterThan(190);
    expect(place.week).toHaveLength(7);
    expect(place.week[0]).toEqual({ day: '周一', hours: '08:30-12:00 14:00-17:30' });
    expect(place.week[6]).toEqual({ day: '周日', hours: '休息' });
    // Residents do not get the raw hours or internal fields.
    expect(place).not.toHaveProperty('hours');
    expect(JSON.stringify(place)).not.toMatch(/createdBy|communityId|madm-|mres-/);

    // Booking (built later) links its services by place id.
    await sdk().database().collection('booking_services').doc(`svc_${id}`).set({ placeId: id, communityId: c.id, name: '家庭医生上门', status: 'active' });
    const linked = await ok('map', { action: 'place', id }, c.resident);
    expect(linked.place).toMatchObject({ bookableServiceIds: [`svc_${id}`], bookable: true });
    expect((await ok('map', { action: 'places' }, c.resident)).items[0]).toMatchObject({ id, bookable: true });
  });

  it('hides another community’s places and closed ones from residents', async () => {
    const c = await newCommunity();
    const other = await newCommunity();
    const id = await createPlace(other, '别的社区的驿站', offset(other.center, 10, 10));
    expect(await call('map', { action: 'place', id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('map', { action: 'place', id }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await ok('map', { action: 'places' }, c.resident)).items).toEqual([]);
    for (const bad of [{ $gt: '' }, '../x', '', 'a'.repeat(65)]) {
      expect(await call('map', { action: 'place', id: bad }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
  });

  it('needs a signed-in member', async () => {
    expect(await call('map', { action: 'places' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const nobody = uniqueOpenid('nobody');
    await ok('user', { action: 'login' }, nobody);
    expect(await call('map', { action: 'places' }, nobody)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('map', { action: 'teleport' }, 'demo-resident')).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});
