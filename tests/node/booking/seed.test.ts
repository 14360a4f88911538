import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Doc } from '../../../emulator/db/codec';
import { DEMO_USERS } from '../../../demo/community';
import { DEMO_PLACES } from '../../../demo/places';
import { seedDemo } from '../../../demo';
import { seedBooking } from '../../../demo/booking';
import { startLocalCloud, type LocalCloud } from '../../../emulator/server';
import { activityInput, serviceInput } from '../../../server/booking/schemas';
import { BASE_CALENDAR } from '../../../server/core/calendar';
import { slotsOn } from '../../../server/booking/timetable';
import type { AppointmentSettings } from '../../../typings/booking';

const NOW = Date.UTC(2026, 8, 28, 2, 0); // Monday 2026-09-28 10:00 in Shanghai

function seeded(now = NOW): Array<{ coll: string; doc: Doc }> {
  const out: Array<{ coll: string; doc: Doc }> = [];
  seedBooking((coll, doc) => out.push({ coll, doc }), now);
  return out;
}

describe('demo booking data', () => {
  const docs = seeded();
  const of = (coll: string) => docs.filter((d) => d.coll === coll).map((d) => d.doc as any);

  it('services tied to real demo places, each valid as staff would enter it: 社保咨询, 法律援助, 爱心理发, 健康体检, 代办, 上门帮办', () => {
    const services = of('booking_services');
    expect(services.length).toBeGreaterThanOrEqual(6);
    expect(new Set(services.map((s) => s._id)).size).toBe(services.length);
    for (const word of ['社保咨询', '法律援助', '爱心理发', '健康体检']) expect(services.some((s) => s.name.includes(word) && s.kind === 'appointment')).toBe(true);
    expect(services.some((s) => s.kind === 'proxy')).toBe(true);
    expect(services.some((s) => s.kind === 'home_visit')).toBe(true);
    const placeIds = new Set(DEMO_PLACES.map((p) => p._id));
    for (const s of services) {
      expect(placeIds.has(s.placeId)).toBe(true);
      expect(s).toMatchObject({ communityId: 'c_beihai', status: 'active' });
      const { kind, name, description, placeId, appointment } = s;
      const parsed = serviceInput.safeParse(JSON.parse(JSON.stringify({ kind, name, description, placeId, appointment })));
      expect({ id: s._id, ok: parsed.success, issues: parsed.error?.issues }).toEqual({ id: s._id, ok: true, issues: undefined });
    }
    // 国庆 week: the working-day services are closed, the 调休 Saturday they open.
    const shebao = services.find((s) => s.name === '社保咨询');
    const a = shebao.appointment as AppointmentSettings;
    expect(slotsOn(shebao._id, a, '2026-10-05', BASE_CALENDAR)).toHaveLength(0);
    expect(slotsOn(shebao._id, a, '2026-10-10', BASE_CALENDAR).length).toBeGreaterThan(0);
    expect(slotsOn(shebao._id, a, '2026-10-12', BASE_CALENDAR)[0].time).toBe('08:30-09:00');
  });

  it('upcoming volunteer activities: 环境整治, 理论宣讲, 助老助残, 文明劝导, valid as staff would publish them', () => {
    const activities = of('booking_activities');
    for (const c of ['环境整治', '理论宣讲', '助老助残', '文明劝导']) expect(activities.some((x) => x.category === c)).toBe(true);
    for (const x of activities) {
      expect(x.start).toBeGreaterThan(NOW);
      expect(x.end).toBeGreaterThan(x.start);
      expect(x).toMatchObject({ status: 'published', booked: [], waitlist: [], communityId: 'c_beihai' });
      const hhmm = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(11, 16);
      const input = { title: x.title, category: x.category, description: x.description, placeId: x.placeId, date: x.date, from: hhmm(x.start), to: hhmm(x.end), capacity: x.capacity, audience: x.audience };
      const parsed = activityInput.safeParse(input);
      expect({ id: x._id, ok: parsed.success, issues: parsed.error?.issues }).toEqual({ id: x._id, ok: true, issues: undefined });
    }
  });

  it('names no demo person', () => {
    const text = JSON.stringify(docs);
    for (const u of DEMO_USERS) {
      expect(text).not.toContain(u.phone);
      expect(text).not.toContain(u.displayName);
    }
  });
});

/** A second local cloud, seeded as `npm start` will be once seedBooking is wired into seedDemo. */
describe('the demo accounts on a freshly seeded local cloud', () => {
  let cloud: LocalCloud;
  const fn = async (event: Record<string, unknown>, openid: string, name = 'booking'): Promise<any> => {
    const res = await fetch(`${cloud.url}/fn/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(event) });
    const body = (await res.json()) as any;
    if (!body.ok) throw new Error(`${name}.${event.action} as ${openid}: ${body.code} ${body.message}`);
    return body.data;
  };
  /** As if time had passed: moves a stored document's times. */
  const age = (coll: string, id: string, patch: Record<string, unknown>) => cloud.db.store.commit([{ coll, id, doc: { ...cloud.db.store.get(coll, id)!, ...patch } }]);
  const MIN = 60_000;

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-booking-seed-'));
    cloud = await startLocalCloud({ dataDir, build: false, maxInstances: 2 });
    const now = Date.now();
    seedDemo(cloud.db.store, now);
    const writes: Array<{ coll: string; id: string; doc: Doc }> = [];
    seedBooking((coll, doc) => writes.push({ coll, id: doc._id, doc }), now);
    cloud.db.store.commit(writes);
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('the map lists what is bookable at the 党群服务中心', async () => {
    const { place } = await fn({ action: 'place', id: 'p_beihai_center' }, 'demo-resident', 'map');
    expect(place.bookable).toBe(true);
    expect(place.bookableServiceIds).toEqual(expect.arrayContaining(['sv_beihai_shebao', 'sv_beihai_proxy_social']));
  });

  it('book → check-in: demo-resident books 社保咨询, demo-staff scans the code', async () => {
    const { items } = await fn({ action: 'services', kind: 'appointment' }, 'demo-resident');
    expect(items.map((s: any) => s.name)).toEqual(expect.arrayContaining(['社保咨询', '法律援助', '爱心理发', '老年人健康体检']));
    const { days } = await fn({ action: 'slots', serviceId: 'sv_beihai_shebao' }, 'demo-resident');
    expect(days).toHaveLength(7);
    const slot = days.flatMap((d: any) => d.slots).find((s: any) => s.status === 'open');
    expect(slot).toBeDefined();
    const { booking } = await fn({ action: 'book', slotId: slot.id, requestId: 'seed-book-0001' }, 'demo-resident');
    expect(booking).toMatchObject({ status: 'booked', placeName: '北海社区党群服务中心', serviceName: '社保咨询' });
    age('booking_bookings', booking.id, { start: Date.now() + 10 * MIN, end: Date.now() + 40 * MIN });
    const { booking: checked } = await fn({ action: 'checkIn', code: booking.qr }, 'demo-staff');
    // Staff check people in by their real names.
    expect(checked).toMatchObject({ status: 'checked_in', who: '王桂英' });
  });

  it('request → done → rated: demo-resident asks for 上门帮办, the grid worker of her grid takes it', async () => {
    const window = { date: new Date(Date.now() + 8 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10), from: '09:00', to: '11:00' };
    const { errand } = await fn({ action: 'requestErrand', serviceId: 'sv_beihai_home_help', description: '母亲卧床，需上门办理高龄津贴资格认证', address: '冷冻厂宿舍2幢301室', window, papers: ['身份证', '户口本'] }, 'demo-resident');
    expect(errand.status).toBe('submitted');
    const queue = await fn({ action: 'errands' }, 'demo-gridworker');
    expect(queue.items.map((e: any) => e.id)).toContain(errand.id);
    expect((await fn({ action: 'assignErrand', id: errand.id }, 'demo-gridworker')).errand).toMatchObject({ status: 'accepted', contactMasked: '138****4501' });
    expect((await fn({ action: 'updateErrand', id: errand.id, op: 'done', note: '已上门完成认证，材料已归还' }, 'demo-gridworker')).errand.status).toBe('done');
    const { errand: rated } = await fn({ action: 'rateErrand', id: errand.id, stars: 5, comment: '周网格员办事踏实' }, 'demo-resident');
    expect(rated).toMatchObject({ status: 'rated', assignee: '周**' });
  });

  it('sign-up → check-in → check-out → points: demo-volunteer joins 环境整治', async () => {
    const { items } = await fn({ action: 'activities' }, 'demo-staff');
    const env = items.find((a: any) => a.category === '环境整治');
    expect(env.checkInQr).toBeDefined();
    const { signup } = await fn({ action: 'signUp', activityId: env.id }, 'demo-volunteer');
    expect(signup.status).toBe('signed_up');
    const start = Date.now() - 70 * MIN;
    age('booking_activities', env.id, { start, end: Date.now() + 60 * MIN });
    age('booking_signups', signup.id, { start, end: Date.now() + 60 * MIN });
    expect((await fn({ action: 'checkIn', code: env.checkInQr }, 'demo-volunteer')).signup.status).toBe('checked_in');
    age('booking_signups', signup.id, { checkInAt: start });
    // Whatever the demo starts with (the points seed may give starting balances).
    const before = await fn({ action: 'balance' }, 'demo-volunteer', 'points');
    const out = await fn({ action: 'checkOut', code: signup.code }, 'demo-staff');
    expect(out.pointsAwarded).toBe(5 + 2); // attendance, and one full hour
    expect(await fn({ action: 'balance' }, 'demo-volunteer', 'points')).toMatchObject({ balance: before.balance + 7, earned: before.earned + 7 });
    const history = await fn({ action: 'history' }, 'demo-volunteer', 'points');
    expect(history.items[0]).toMatchObject({ amount: 7, kind: 'earn', sourceType: 'activity' });
  });
});
