import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Doc } from '../../../emulator/db/codec';
import { DEMO_GRIDS, DEMO_UNITS, DEMO_USERS } from '../../../demo/community';
import { seedDemo } from '../../../demo';
import { DEMO_NEEDS, DEMO_RESOURCES, seedLists } from '../../../demo/lists';
import { startLocalCloud, type LocalCloud } from '../../../emulator/server';
import { SERVICE_CATEGORIES } from '../../../typings/lists';
import { WISH_CATEGORY_MAP } from '../../../server/lists/model';
import { derive } from '../../../server/lists/tickets';
import { BASE_CALENDAR } from '../../../server/core/calendar';
import { WISH_CATEGORIES } from '../../../typings/wish';

function seeded(now = 1_790_000_000_000): Array<{ coll: string; doc: Doc }> {
  const out: Array<{ coll: string; doc: Doc }> = [];
  seedLists((coll, doc) => out.push({ coll, doc }), now);
  return out;
}

describe('demo lists', () => {
  const docs = seeded();
  const of = (coll: string) => docs.filter((d) => d.coll === coll).map((d) => d.doc as any);
  const grids = new Set(DEMO_GRIDS.map((g) => g._id));
  const users = new Set(DEMO_USERS.map((u) => u._id));

  it('every wish category maps onto service categories', () => {
    for (const w of WISH_CATEGORIES) for (const s of WISH_CATEGORY_MAP[w]) expect(SERVICE_CATEGORIES).toContain(s);
  });

  it('resources of the demo units and teams, valid as staff would enter them', () => {
    const resources = of('resources');
    expect(resources).toHaveLength(DEMO_RESOURCES.length);
    for (const u of DEMO_UNITS) expect(resources.some((r) => r.unitId === u._id && r.providerName === u.name)).toBe(true);
    expect(resources.map((r) => r.providerName)).toEqual(expect.arrayContaining(['北海社区党员志愿服务队', '红色代办员']));
    for (const r of resources) {
      expect(r.categories.length).toBeGreaterThan(0);
      for (const cat of r.categories) expect(SERVICE_CATEGORIES).toContain(cat);
      for (const g of r.area.gridIds ?? []) expect(grids.has(g)).toBe(true);
      expect(!!r.area.gridIds?.length || !!r.area.radiusM).toBe(true);
      for (const m of r.memberIds ?? []) expect(users.has(m)).toBe(true);
      expect(r.capacity).toBeGreaterThanOrEqual(1);
      expect(r).toMatchObject({ communityId: 'c_beihai', status: 'active' });
    }
  });

  it('needs from 五必访 visits and requests at each step of the loop, their tickets consistent', () => {
    const needs = of('needs');
    const tickets = of('tickets');
    expect(needs).toHaveLength(DEMO_NEEDS.length);
    expect(needs.filter((n) => n.source === 'visit').every((n) => n.visitGroup)).toBe(true);
    for (const t of tickets) {
      const need = needs.find((n) => n._id === t.needId);
      expect(need.ticketId).toBe(t._id);
      // Derived fields as every write leaves them.
      expect(derive(t, BASE_CALENDAR)).toEqual(t);
    }
    expect(tickets.map((t) => t.status).sort()).toEqual(['accepted', 'closed', 'submitted']);
    expect(of('projects').map((p) => p.title)).toContain('冷冻厂宿舍老旧小区加装电梯');
    expect(of('lists_state')).toEqual([expect.objectContaining({ _id: 'c_beihai', secretaryId: 'u_demo_staff' })]);
  });
});

/** A second local cloud, seeded as `npm start` will be once seedLists is wired into seedDemo. */
describe('the loop on a freshly seeded local cloud, with the demo accounts', () => {
  let cloud: LocalCloud;
  const fn = async (event: Record<string, unknown>, openid: string): Promise<any> => {
    const res = await fetch(`${cloud.url}/fn/lists`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(event) });
    const body: any = await res.json();
    if (!body.ok) throw new Error(`${String(event.action)}: ${body.code} ${body.message}`);
    return body.data;
  };

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-lists-seed-'));
    cloud = await startLocalCloud({ dataDir, build: false, maxInstances: 2 });
    const now = Date.now();
    seedDemo(cloud.db.store, now);
    const writes: Array<{ coll: string; id: string; doc: Doc }> = [];
    seedLists((coll, doc) => writes.push({ coll, id: doc._id, doc }), now);
    cloud.db.store.commit(writes);
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('staff match the demo lists, accept; a red agent and the grid worker work their tickets; the resident and staff rate', async () => {
    const { job } = await fn({ action: 'match' }, 'demo-staff');
    expect(job.status).toBe('done');
    expect(job.summary).toMatchObject({ needs: 6, resources: DEMO_RESOURCES.length });
    const { items } = await fn({ action: 'matchResult', jobId: job.id }, 'demo-staff');
    const byNeed = (id: string) => items.find((s: any) => s.need.id === id);
    // The blocked drain goes to the power company's repair team through a related skill.
    expect(byNeed('nd_beihai_v1')).toMatchObject({ resource: { providerName: '国网东台市供电公司' }, reasons: expect.arrayContaining(['同网格', '相近技能·水电维修', '较急']) });
    // The old man's monthly check-up goes to the hospital's party doctors.
    expect(byNeed('nd_beihai_v5')).toMatchObject({ resource: { providerName: '东台市人民医院' } });
    const agent = byNeed('nd_beihai_v2');
    expect(agent).toMatchObject({ resource: { providerName: '红色代办员' }, reasons: expect.arrayContaining(['技能匹配', '已等待6天']) });
    const { ticket } = await fn({ action: 'decide', id: agent.id, decision: 'accept' }, 'demo-staff');
    expect(ticket).toMatchObject({ status: 'dispatched', assignee: '红色代办员' });
    await fn({ action: 'accept', id: ticket.id }, 'demo-volunteer');
    await fn({ action: 'resolve', id: ticket.id, note: '已代买降压药并送到家中，慢病备案材料已递交' }, 'demo-volunteer');
    // A need found on a visit has no resident to rate it: staff rate on the return visit (回访).
    const rated = await fn({ action: 'rate', id: ticket.id, stars: 5, comment: '回访老人很满意' }, 'demo-staff');
    expect(rated).toMatchObject({ pointsAwarded: 5, ticket: { status: 'closed' } });

    // The resident's request waiting in the queue (集单) is routed to the grid's worker by default.
    const request = (await fn({ action: 'tickets', scope: 'mine' }, 'demo-resident')).items.find((t: any) => t.status === 'submitted');
    expect(request.title).toBe('楼道声控灯坏了');
    await fn({ action: 'dispatch', id: request.id }, 'demo-staff');
    expect((await fn({ action: 'tickets', scope: 'tasks' }, 'demo-gridworker')).items.map((t: any) => t.id)).toContain(request.id);
    await fn({ action: 'accept', id: request.id }, 'demo-gridworker');
    await fn({ action: 'resolve', id: request.id, note: '更换了3至5楼声控灯', photos: ['cloud://demo/light.jpg'] }, 'demo-gridworker');
    const done = await fn({ action: 'rate', id: request.id, stars: 5, comment: '当天就修好了' }, 'demo-resident');
    expect(done.ticket).toMatchObject({ status: 'closed', rating: { stars: 5 } });

    // The hospital claims the lift project from the list.
    const projects = await fn({ action: 'projects', status: 'recruiting' }, 'demo-unit');
    const lift = projects.items.find((p: any) => p.title === '冷冻厂宿舍老旧小区加装电梯');
    expect(lift.can).toContain('claim');
    expect((await fn({ action: 'claimProject', id: lift.id }, 'demo-unit')).project.ownerUnit).toEqual({ id: 'unit_hospital', name: '东台市人民医院' });

    const stats = await fn({ action: 'stats' }, 'demo-staff');
    // Beside these, 海晏花园's property company closed a lift fault late, rated 3 stars (the 红色物业 seed).
    expect(stats.overall).toMatchObject({ tickets: 5, completed: 4, rated: 4, avgStars: 4.5, late: 1 });
    expect(stats.overall.onTimeRate).toBe(Math.round((stats.overall.onTime / (stats.overall.onTime + 1)) * 1000) / 1000);
    expect(stats.grids.find((g: any) => g.gridId === 'g_beihai_2')).toMatchObject({ tickets: 1, late: 1 });
    expect(stats.grids.find((g: any) => g.gridId === 'g_beihai_1')).toMatchObject({ gridName: '第一网格（冷冻厂宿舍）', tickets: 3 });
    const settings = await fn({ action: 'settings' }, 'demo-staff');
    expect(settings.settings.secretary).toMatchObject({ id: 'u_demo_staff', label: '社区书记 陈**' });
  });
});
