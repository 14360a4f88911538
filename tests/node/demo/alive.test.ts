import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../../emulator/server';
import { seedDemo } from '../../../demo';
import { bringToLife } from '../../../demo/alive';
import { httpCaller } from '../../../demo/http';

/** `npm start`'s first run, on a local cloud of its own so the shared one stays as seeded. */
describe('the living demo community', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startLocalCloud({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-alive-')), build: false, maxInstances: 2 });
    seedDemo(cloud.db.store);
  });
  afterAll(() => cloud.close());

  it('opens a season and fills the wall, the mall and the desk through the functions', async () => {
    const call = httpCaller(cloud.url);
    const life = await bringToLife(call);
    expect(life.wishes).toEqual({ completed: 2, awaiting: 1, claimed: 2, open: 4, pending: 2, withdrawn: 1 });

    const wall = await call('wish', { action: 'list' }, 'demo-resident');
    if (!wall.ok) throw new Error(wall.message);
    const statuses = wall.data.items.map((w: any) => w.status);
    for (const s of ['open', 'claimed', 'awaiting_confirmation', 'completed']) expect(statuses).toContain(s);
    expect(statuses).not.toContain('pending_review');
    expect(wall.data.items.every((w: any) => w.season === 1)).toBe(true);

    const queue = await call('wish', { action: 'queue', kind: 'review' }, 'demo-staff');
    expect(queue.ok && queue.data.items).toHaveLength(2);

    const volunteer = await call('points', { action: 'balance' }, 'demo-volunteer');
    // 260 to start, two wishes confirmed, one haircut voucher (30) spent.
    expect(volunteer.ok && volunteer.data.balance).toBeGreaterThan(260 - 30);
    const orders = await call('points', { action: 'orders' }, 'demo-resident');
    expect(orders.ok && orders.data.items.map((o: any) => o.status)).toEqual(['pending']);

    const mine = await call('booking', { action: 'mine', kind: 'bookings', when: 'upcoming' }, 'demo-resident');
    expect(mine.ok && mine.data.items.length).toBe(life.bookings > 0 ? 1 : 0);
    const errands = await call('booking', { action: 'errands', scope: 'queue' }, 'demo-staff');
    expect(errands.ok && errands.data.items.some((e: any) => /高龄津贴/.test(e.description))).toBe(true);

    // 双报到 and 吹哨: members, two units with commitments, couriers, a closed and an open call-out.
    expect(life.party).toEqual({ confirmed: 5, pending: 2, callouts: { open: 1, closed: 1 }, joined: 2 });
    const pending = await call('party', { action: 'registrations', status: 'pending' }, 'demo-staff');
    expect(pending.ok && pending.data.items.map((r: any) => r.name).sort()).toEqual(['刘洋', '顾秀梅']);
    const units = await call('party', { action: 'registrations', kind: 'unit', status: 'confirmed' }, 'demo-staff');
    expect(units.ok && units.data.items.map((r: any) => r.unitName).sort()).toEqual(['东台市人民医院', '国网东台市供电公司']);
    // Their offers are in 资源清单, and each has one member who joined with its code (and its contact).
    const listed = await call('lists', { action: 'resources', providerKind: 'unit' }, 'demo-resident');
    const titles = listed.ok ? listed.data.items.map((r: any) => r.title) : [];
    for (const t of ['党员医生上门义诊', '社区健康讲座', '空巢老人慢病随访', '楼道照明电力抢修', '用电安全宣讲']) expect(titles).toContain(t);
    for (const r of units.ok ? units.data.items : []) {
      const members = await call('party', { action: 'unitMembers', id: r.id }, 'demo-staff');
      expect(members.ok && members.data.members.map((m: any) => m.name)).toContain(r.unitName === '东台市人民医院' ? '沈丽' : '蒋涛');
    }
    const callouts = await call('party', { action: 'callouts' }, 'demo-volunteer');
    expect(callouts.ok && callouts.data.items.map((c: any) => [c.title, c.status, c.coming])).toEqual([
      ['夜间平安巡逻', 'open', 1],
      ['汛期河堤排查', 'closed', 3],
    ]);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const report = await call('party', { action: 'report', year }, 'demo-volunteer');
    expect(report.ok && report.data.report.figures).toMatchObject({ callouts: 1, wishes: 2, minutes: 185 });
    // 先锋榜: the two party members who came to the flood check; 陈卫国 holds the 红色代办员 post.
    const board = await call('party', { action: 'vanguard' }, 'demo-staff');
    expect(board.ok && board.data.items).toHaveLength(2);
    expect(board.ok && board.data.items.map((r: any) => r.name)).toContain('陈卫国');
    const picker = await call('lists', { action: 'assignees' }, 'demo-staff');
    expect(picker.ok && picker.data.items.filter((a: any) => a.kind === 'agent').map((a: any) => a.label)).toEqual(['红色代办员 陈卫国']);

    // 兼职网格员: two couriers' 随手拍 in the dispatch queue (one dispatched, one done), a grid task open and one credited.
    expect(life.gridwork).toEqual({ reports: { dispatched: 1, done: 1 }, tasks: { open: 1, done: 1 } });
    const found = await call('lists', { action: 'needs', source: 'grid' }, 'demo-staff');
    expect(found.ok && found.data.items.map((n: any) => [n.title, n.status, n.requester]).sort()).toEqual([
      ['2幢3单元楼道灯不亮', 'done', '网格员 孙*'],
      ['范公路商铺A区门前井盖松动', 'assigned', '网格员 马*'],
    ]);
    const open = await call('party', { action: 'gridTasks', scope: 'open' }, 'demo-courier-1');
    expect(open.ok && open.data.items.map((t: any) => t.title)).toEqual(['沿街商铺发放燃气安全告知书']);
    const sun = await call('points', { action: 'balance' }, 'demo-courier-3');
    // 随手拍 dispatched (2) and the grid task confirmed (5).
    expect(sun.ok && sun.data.balance).toBe(7);

    // 议事协商: a topic at every stage; the pavilion was voted on by the households and became a project.
    expect(life.council.stages).toEqual(['implementing', 'publicized', 'voting', 'meeting', 'collecting', 'signing']);
    const topics = await call('council', { action: 'topics', stage: 'implementing' }, 'demo-neighbour-5');
    const pavilion = topics.ok ? topics.data.items[0] : undefined;
    const seen = await call('council', { action: 'topic', id: pavilion?.id }, 'demo-neighbour-5');
    expect(seen.ok && seen.data.topic).toMatchObject({
      title: '北海花园建一座凉亭',
      vote: { result: { cast: 5, passed: true, winner: '东侧空地' } },
      household: { voted: true },
      project: { id: life.council.projectId, statusLabel: '筹备中' },
    });
    const projects = await call('lists', { action: 'projects', status: 'planned' }, 'demo-staff');
    expect(projects.ok && projects.data.items.map((p: any) => p.title)).toContain('北海花园建一座凉亭');

    // 问卷: a closed needs survey whose services are on the needs list, and one still open for the resident.
    expect(life.surveys).toMatchObject({ closed: 1, open: 1 });
    const fromSurvey = await call('lists', { action: 'needs', source: 'survey' }, 'demo-staff');
    expect(fromSurvey.ok && fromSurvey.data.items.length).toBe(life.surveys.needs);
    expect(fromSurvey.ok && fromSurvey.data.items.map((n: any) => n.title)).toContain('2户需要送餐助餐');
    const asked = await call('council', { action: 'surveys' }, 'demo-resident');
    expect(asked.ok && asked.data.items.map((x: any) => [x.title, x.answered])).toEqual([
      ['社区食堂满意度调查', false],
      ['北海社区居民服务需求调查', true],
    ]);

    // 红色物业: 海晏花园's property company this quarter: the seeded late lift, one fixed on time, a parking complaint open.
    const compounds = await call('lists', { action: 'compounds' }, 'demo-staff');
    expect(compounds.ok && compounds.data.items.map((x: any) => [x.name, x.workers, x.figures.tickets, x.figures.onTime, x.figures.late, x.figures.avgStars])).toEqual([['海晏花园', 1, 3, 1, 1, 4]]);
    const tasks = await call('lists', { action: 'tickets', scope: 'tasks' }, 'demo-property');
    expect(tasks.ok && tasks.data.items.map((t: any) => [t.title, t.status])).toEqual([['消防通道被车辆长期占用', 'dispatched']]);

    const recon = await call('points', { action: 'reconcile' }, 'demo-admin');
    expect(recon.ok && recon.data.mismatches).toEqual([]);
  });
});
