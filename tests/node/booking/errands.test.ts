import { call, newRequestId, ok } from '../support/cloud';
import { userIdOf } from '../support/wish';
import { grant } from '../support/map';
import { newBookingCommunity, newErrandService, newService, outboxOf, residentOf, shanghaiDay, snapshotBooking } from '../support/booking';

describe('errands: 代办 and 上门帮办', () => {
  it('home visit: submitted → accepted → done → rated, each step by whom it belongs to, with a full timeline', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newErrandService(c, 'home_visit');
    const resident = await residentOf(c);
    const outsider = await residentOf(c, false);
    const window = { date: shanghaiDay(2), from: '09:00', to: '11:00' };

    // A home visit needs an address and a time window.
    expect(await call('booking', { action: 'requestErrand', serviceId, description: '老人行动不便，需上门办理养老资格认证' }, resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '上门帮办须填写上门地址' });
    const requestId = newRequestId();
    const input = { action: 'requestErrand', serviceId, description: '老人行动不便，需上门办理养老资格认证', address: '北海新村9幢302室', window, papers: ['身份证', '社保卡'], contactPhone: '13900001111', requestId };
    const { errand } = await ok('booking', input, resident);
    expect(errand).toMatchObject({ kind: 'home_visit', status: 'submitted', serviceName: '上门帮办', address: '北海新村9幢302室', contactPhone: '13900001111', window, papers: ['身份证', '社保卡'], mine: true, can: ['cancel'] });
    expect(errand.id).toMatch(/^er_/);
    // A replay returns the same errand, not a second one.
    expect((await ok('booking', input, resident)).errand.id).toBe(errand.id);
    expect((await ok('booking', { action: 'mine', kind: 'errands' }, resident)).items).toHaveLength(1);

    // Only the requester, its handlers and the assignee see it.
    expect(await call('booking', { action: 'detail', id: errand.id }, outsider)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'detail', id: errand.id }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A resident and a staff member of another community cannot take it.
    const before = await snapshotBooking(c, [resident, outsider, c.staff, c.gridWorker]);
    expect(await call('booking', { action: 'assignErrand', id: errand.id }, outsider)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'assignErrand', id: errand.id }, resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('booking', { action: 'assignErrand', id: errand.id }, 'demo-staff')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '已办' }, c.gridWorker)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('booking', { action: 'rateErrand', id: errand.id, stars: 5 }, resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await snapshotBooking(c, [resident, outsider, c.staff, c.gridWorker])).toEqual(before);

    // The grid worker of the resident's grid sees it in their queue and takes it.
    const queue = await ok('booking', { action: 'errands' }, c.gridWorker);
    const queued = queue.items.find((e: any) => e.id === errand.id);
    expect(queued).toMatchObject({ status: 'submitted', requester: expect.stringMatching(/^居\*+$/), can: ['take'], gridName: '第一网格' });
    // Not theirs yet: no address, no contact.
    expect(queued.address).toBeUndefined();
    expect(queued.contactMasked).toBeUndefined();
    expect(JSON.stringify(queue)).not.toContain('13900001111');
    const taken = await ok('booking', { action: 'assignErrand', id: errand.id }, c.gridWorker);
    expect(taken.errand).toMatchObject({ status: 'accepted', assignedToMe: true, address: '北海新村9幢302室', contactMasked: '139****1111', assignee: expect.stringMatching(/\*/), can: ['note', 'done'] });
    expect(taken.errand.contactPhone).toBeUndefined();
    expect(await call('booking', { action: 'assignErrand', id: errand.id }, c.staff)).toMatchObject({ ok: false, code: 'CONFLICT', message: '该事项已由他人受理' });
    expect(await outboxOf(resident, 'tmpl-errand-updated')).toHaveLength(1);

    await ok('booking', { action: 'updateErrand', id: errand.id, op: 'note', note: '已电话联系家属，约定周三上午上门' }, c.gridWorker);
    expect(await call('booking', { action: 'updateErrand', id: errand.id, op: 'done' }, c.gridWorker)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '请填写办理结果' });
    const done = await ok('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '已上门完成养老资格认证' }, c.gridWorker);
    expect(done.errand).toMatchObject({ status: 'done', result: '已上门完成养老资格认证' });
    expect(await outboxOf(resident, 'tmpl-errand-updated')).toHaveLength(2);
    expect(await call('booking', { action: 'rateErrand', id: errand.id, stars: 5 }, c.gridWorker)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('booking', { action: 'rateErrand', id: errand.id, stars: 6 }, resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const rated = await ok('booking', { action: 'rateErrand', id: errand.id, stars: 5, comment: '网格员很耐心' }, resident);
    expect(rated.errand).toMatchObject({ status: 'rated', rating: { stars: 5, comment: '网格员很耐心' }, can: [] });
    expect(await call('booking', { action: 'rateErrand', id: errand.id, stars: 4 }, resident)).toMatchObject({ ok: false, code: 'CONFLICT' });

    const { errand: seen } = await ok('booking', { action: 'detail', id: errand.id }, resident);
    expect(seen.timeline.map((e: any) => [e.from, e.to])).toEqual([
      [null, 'submitted'],
      ['submitted', 'accepted'],
      ['accepted', 'accepted'],
      ['accepted', 'done'],
      ['done', 'rated'],
    ]);
    expect(seen.timeline[1].by).toMatch(/^网格员 .\*+$/);
    expect(seen.timeline[2].why).toBe('已电话联系家属，约定周三上午上门');
    expect(seen.timeline[4]).toMatchObject({ by: expect.stringMatching(/^居民 /), why: '5星：网格员很耐心' });
    expect(JSON.stringify(seen)).not.toMatch(/u_|openid|bres-|bgw-/);
  });

  it('proxy: staff assign to a worker, reassign with a reason, and a grid worker of another grid cannot take it', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newErrandService(c, 'proxy');
    const resident = await residentOf(c);
    const noGrid = await residentOf(c, false);
    const { errand } = await ok('booking', { action: 'requestErrand', serviceId, description: '代办医保异地备案，材料已放在服务台', papers: ['身份证复印件'] }, noGrid);
    expect(errand).toMatchObject({ kind: 'proxy', status: 'submitted' });
    expect(errand.address).toBeUndefined();
    // Not in the grid worker's grid: they do not see it, let alone take it.
    expect(await call('booking', { action: 'assignErrand', id: errand.id }, c.gridWorker)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await ok('booking', { action: 'errands' }, c.gridWorker)).items.map((e: any) => e.id)).not.toContain(errand.id);
    expect(await call('booking', { action: 'errands' }, resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // Staff see their colleagues by real name (by user id), with their grid and load, and assign.
    const { items: workers } = await ok('booking', { action: 'workers' }, c.staff);
    const gwId = await userIdOf(c.gridWorker);
    const staffId = await userIdOf(c.staff);
    const gw = workers.find((w: any) => w.id === gwId);
    expect(gw).toMatchObject({ role: 'grid_worker', gridName: '第一网格', load: 0 });
    expect(gw.name).not.toMatch(/\*/);
    expect(workers.find((w: any) => w.id === staffId)).toMatchObject({ role: 'staff' });
    expect(JSON.stringify(workers)).not.toMatch(/openid|phone|bst-|bgw-/);
    expect(await call('booking', { action: 'workers' }, c.gridWorker)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('booking', { action: 'assignErrand', id: errand.id, assigneeId: await userIdOf(resident) }, c.staff)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('booking', { action: 'assignErrand', id: errand.id, assigneeId: 'u_demo_gridworker' }, c.staff)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const assigned = await ok('booking', { action: 'assignErrand', id: errand.id, assigneeId: gwId }, c.staff);
    expect(assigned.errand).toMatchObject({ status: 'accepted', assignedToMe: false });
    expect((await ok('booking', { action: 'workers' }, c.staff)).items.find((w: any) => w.id === gwId).load).toBe(1);
    // Now assigned to them, the grid worker sees it and can finish it.
    expect((await ok('booking', { action: 'errands', scope: 'assigned' }, c.gridWorker)).items.map((e: any) => e.id)).toEqual([errand.id]);
    // Reassigning needs a reason.
    expect(await call('booking', { action: 'assignErrand', id: errand.id, assigneeId: staffId }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '改派须填写原因' });
    const reassigned = await ok('booking', { action: 'assignErrand', id: errand.id, assigneeId: staffId, reason: '网格员休假' }, c.staff);
    expect(reassigned.errand).toMatchObject({ status: 'accepted', assignedToMe: true });
    expect(reassigned.errand.timeline.at(-1)).toMatchObject({ from: 'accepted', to: 'accepted', by: '社区工作者', why: '改派给社区工作者：网格员休假' });
    expect(await call('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '办好了' }, c.gridWorker)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // The requester cancels while it is in hand; then nothing more can happen to it.
    const cancelled = await ok('booking', { action: 'updateErrand', id: errand.id, op: 'cancel' }, noGrid);
    expect(cancelled.errand).toMatchObject({ status: 'cancelled', can: [] });
    expect(await call('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '办好了' }, c.staff)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('refuses an appointment service, a paused one, and a sixth open errand', async () => {
    const c = await newBookingCommunity();
    const appointment = await newService(c);
    const proxy = await newErrandService(c, 'proxy');
    const resident = await residentOf(c);
    expect(await call('booking', { action: 'requestErrand', serviceId: appointment, description: '想咨询社保' }, resident)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(await call('booking', { action: 'requestErrand', serviceId: proxy, description: '代开发票，刷单返利' }, resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    for (let i = 0; i < 5; i++) await ok('booking', { action: 'requestErrand', serviceId: proxy, description: `代办第${i + 1}件事` }, resident);
    expect(await call('booking', { action: 'requestErrand', serviceId: proxy, description: '第六件' }, resident)).toMatchObject({ ok: false, code: 'RESOURCE_EXHAUSTED' });
    await ok('booking', { action: 'manageService', op: 'pause', id: proxy, reason: '系统升级' }, c.admin);
    const other = await residentOf(c);
    expect(await call('booking', { action: 'requestErrand', serviceId: proxy, description: '代办' }, other)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '该服务暂停受理：系统升级' });
    // A grid worker who is also given a staff grant sees the whole community's queue.
    await grant(c.gridWorker, 'staff', c.id);
    expect((await ok('booking', { action: 'errands' }, c.gridWorker)).items).toHaveLength(5);
  });
});
