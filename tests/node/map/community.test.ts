import { call, ok, sdk } from '../support/cloud';
import { createPlace, grant, newCommunity, offset } from '../support/map';
import { DEMO_USERS } from '../../../demo/community';

describe('community intro', () => {
  it('shows the demo community with its grids and grid workers by masked name only', async () => {
    const res = await call('map', { action: 'community' }, 'demo-resident');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const c = res.data.community;
    expect(c).toMatchObject({ id: 'c_beihai', name: '北海社区', street: '东台镇', center: { lat: 32.8531, lng: 120.3205 }, photos: [] });
    expect(c.intro).toContain('党建引领');
    expect(c.grids).toHaveLength(6);
    expect(c.grids[0]).toEqual({ id: 'g_beihai_1', name: '第一网格（冷冻厂宿舍）', buildings: ['1幢', '2幢', '3幢', '4幢'], worker: { name: '周**', callRelay: true } });
    expect(c.figures.volunteers).toBeGreaterThanOrEqual(2);
    expect(c.figures.places).toBeGreaterThanOrEqual(0);
    expect(c.figures.wishesCompleted).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(res);
    for (const u of DEMO_USERS) {
      expect(text).not.toContain(u.phone);
      expect(text).not.toContain(u.displayName);
      expect(text).not.toContain(u.openid);
    }
  });

  it('counts places, volunteers and this season’s completed wishes exactly', async () => {
    const c = await newCommunity();
    const db = sdk().database();
    await createPlace(c, '党群服务站', offset(c.center, 10, 0));
    const closed = await createPlace(c, '旧驿站', offset(c.center, 20, 0));
    await ok('map', { action: 'managePlace', op: 'close', id: closed, reason: '已拆除' }, c.admin);

    // Two volunteers of this community (one a 共建单位 member); a person volunteering elsewhere who
    // is staff here does not count, nor does a resident.
    for (const role of ['volunteer', 'unit_member']) {
      const openid = `${c.resident}-${role}`;
      await ok('user', { action: 'login', scene: `c=${c.code}` }, openid);
      await grant(openid, role, c.id);
    }
    const elsewhere = `${c.resident}-elsewhere`;
    await ok('user', { action: 'login', scene: `c=${c.code}` }, elsewhere);
    await grant(elsewhere, 'volunteer', 'c_beihai');
    await grant(elsewhere, 'staff', c.id);

    const none = (await ok('map', { action: 'community' }, c.resident)).community;
    expect(none.figures).toEqual({ places: 1, volunteers: 2, wishesCompleted: 0 });

    // An open season (dates in Shanghai around now) with two wishes completed in it and one still
    // open, a wish of a past season completed now (it counts), and one completed in the past season.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await db.collection('wish_seasons').doc(`${c.id}.s1`).set({ communityId: c.id, number: 1, name: '第1季', startDate: '2020-01-01', endDate: '2020-12-31', createdBy: 't', createdAt: 0 });
    await db.collection('wish_seasons').doc(`${c.id}.s2`).set({ communityId: c.id, number: 2, name: '第2季', startDate: today, endDate: today, createdBy: 't', createdAt: 0 });
    const wish = (n: number, seasonId: string, status: string, completedAt?: number) =>
      db.collection('wishes').doc(`w_${c.id}_${n}`).set({ communityId: c.id, seasonId, status, title: `心愿${n}`, wantedBy: [], wants: 1, createdAt: 0, updatedAt: 0, ...(completedAt ? { completedAt } : {}) });
    await wish(1, `${c.id}.s2`, 'completed', Date.now());
    await wish(2, `${c.id}.s2`, 'completed', Date.now());
    await wish(3, `${c.id}.s2`, 'open');
    await wish(4, `${c.id}.s1`, 'completed', Date.parse('2020-06-01T00:00:00Z'));
    await wish(5, `${c.id}.s1`, 'completed', Date.now());

    const intro = (await ok('map', { action: 'community' }, c.resident)).community;
    expect(intro.figures).toEqual({ places: 1, volunteers: 2, wishesCompleted: 3, season: { number: 2, name: '第2季' } });
    expect(intro.grids).toEqual([{ id: c.gridId, name: '第一网格', buildings: ['1幢', '2幢'], worker: { name: '欧**', callRelay: true } }]);
    const text = JSON.stringify(intro);
    expect(text).not.toContain(c.worker.phone);
    expect(text).not.toContain(c.worker.name);
  });

  it('answers no responses with a grid worker’s phone or full name, whatever the action', async () => {
    const c = await newCommunity();
    const id = await createPlace(c, '网格党群服务站', offset(c.center, 30, 30), { gridId: c.gridId, phone: '0519-86600000' });
    const responses = [
      await call('map', { action: 'community' }, c.resident),
      await call('map', { action: 'places', location: c.center }, c.resident),
      await call('map', { action: 'place', id }, c.resident),
      await call('map', { action: 'place', id }, c.admin),
      await call('map', { action: 'managePlace', op: 'update', id, changes: { intro: '网格员每周一、三、五坐班' } }, c.admin),
      await call('map', { action: 'community' }, 'demo-gridworker'),
      await call('map', { action: 'places' }, 'demo-staff'),
    ];
    expect(responses.every((r) => r.ok)).toBe(true);
    const text = JSON.stringify(responses);
    for (const person of [c.worker, ...DEMO_USERS.map((u) => ({ name: u.displayName, phone: u.phone }))]) {
      expect(text).not.toContain(person.phone);
      expect(text).not.toContain(person.name);
    }
    expect(text).toContain('0519-86600000'); // the place's public number is shown
  });
});
