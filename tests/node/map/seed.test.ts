import type { Doc } from '../../../emulator/db/codec';
import { DEMO_COMMUNITY, DEMO_USERS } from '../../../demo/community';
import { seedPlaces } from '../../../demo/places';
import { distanceM, toLatLng, walkMinutes, withinWalk, type StoredPoint } from '../../../server/map/geo';
import { placeInput } from '../../../server/map/schemas';
import { openState } from '../../../server/map/hours';
import { BASE_CALENDAR, shanghaiTime } from '../../../server/core/calendar';
import { haversine } from '../../../emulator/db/geo';
import type { OpeningHours } from '../../../typings/map';

function seeded(): Doc[] {
  const docs: Doc[] = [];
  seedPlaces((coll, doc) => {
    expect(coll).toBe('places');
    docs.push(doc);
  }, 1_700_000_000_000);
  return docs;
}

describe('demo places', () => {
  const places = seeded();
  const center = toLatLng(DEMO_COMMUNITY.center as StoredPoint);

  it('are a dozen or more, each valid as staff would enter it, within 1.5 km of 北海社区', () => {
    expect(places.length).toBeGreaterThanOrEqual(12);
    expect(new Set(places.map((p) => p._id)).size).toBe(places.length);
    expect(new Set(places.map((p) => p.name)).size).toBe(places.length);
    for (const p of places) {
      const loc = toLatLng(p.location as StoredPoint);
      const input = { name: p.name, category: p.category, address: p.address, location: loc, hours: p.hours, services: p.services, phone: p.phone, intro: p.intro, gridId: p.gridId };
      const parsed = placeInput.safeParse(JSON.parse(JSON.stringify(input)));
      expect({ name: p.name, ok: parsed.success, issues: parsed.error?.issues }).toEqual({ name: p.name, ok: true, issues: undefined });
      expect(distanceM(center, loc)).toBeLessThan(1500);
      expect(p).toMatchObject({ communityId: DEMO_COMMUNITY._id, status: 'active' });
    }
  });

  it('cover the map categories, with realistic hours', () => {
    const categories = new Set(places.map((p) => p.category));
    for (const c of ['党群服务中心', '社区食堂/助餐点', '爱心驿站', '卫生服务站', '法律援助室', '志愿服务站', '城市书房', '充电桩', '养老服务', '便民服务']) expect(categories).toContain(c);
    const hours = (p: Doc) => p.hours as OpeningHours;
    // A 24-hour 爱心驿站 for couriers and riders.
    const station = places.find((p) => p.category === '爱心驿站' && openState(hours(p), shanghaiTime('2026-10-01', '03:00'), BASE_CALENDAR).open24h);
    expect(station?.services).toEqual(expect.arrayContaining(['歇脚饮水']));
    // Lunch breaks and weekend closures: the 党群服务中心 is shut at noon on a Monday and on Sunday.
    const center = places.find((p) => p.category === '党群服务中心')!;
    expect(openState(hours(center), shanghaiTime('2026-11-23', '12:30'), BASE_CALENDAR)).toMatchObject({ openNow: false, label: '午间休息 · 14:00开放' });
    expect(openState(hours(center), shanghaiTime('2026-11-22', '10:00'), BASE_CALENDAR).openNow).toBe(false);
    expect(openState(hours(center), shanghaiTime('2026-10-10', '15:00'), BASE_CALENDAR).openNow).toBe(true);
  });

  it('publish only public numbers, never a demo person’s phone', () => {
    const text = JSON.stringify(places);
    for (const u of DEMO_USERS) {
      expect(text).not.toContain(u.phone);
      expect(text).not.toContain(u.displayName);
    }
  });
});

describe('distance and the walking 服务圈', () => {
  it('agrees with the local cloud’s geo distance', () => {
    const a = { lat: 32.8531, lng: 120.3205 };
    const b = { lat: 32.8611, lng: 120.3315 };
    expect(Math.abs(distanceM(a, b) - haversine([a.lng, a.lat], [b.lng, b.lat]))).toBeLessThan(2);
  });

  it('walks 80 m a minute: 400 m is inside the 5-minute circle, 401 m is not', () => {
    expect(walkMinutes(0)).toBe(1);
    expect(walkMinutes(400)).toBe(5);
    expect(walkMinutes(401)).toBe(6);
    expect([withinWalk(400, 5), withinWalk(401, 5), withinWalk(800, 10), withinWalk(801, 10)]).toEqual([true, false, true, false]);
  });
});
