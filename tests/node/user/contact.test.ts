import { call, ok, sdk } from '../support/cloud';
import { newBookingCommunity, newErrandService, residentOf, volunteerOf } from '../support/booking';
import { newListsCommunity } from '../support/lists';
import { newCommunity } from '../support/map';
import { userIdOf } from '../support/wish';

/** The contact views written to a resident's event log, oldest first. */
async function phoneViews(residentId: string): Promise<any[]> {
  const res = await sdk().database().collection('user_events').where({ targetId: residentId, field: 'phone' }).orderBy('at', 'asc').get();
  return res.data;
}

async function withProfile(openid: string, displayName: string, phone: string): Promise<string> {
  await ok('user', { action: 'updateProfile', displayName, phone }, openid);
  return userIdOf(openid);
}

describe('reaching the resident of a wish', () => {
  it('the claimer sees name, masked phone, address and time while the claim is live; everyone else, and the claimer afterwards, sees none', async () => {
    const c = await newCommunity();
    const resident = await residentOf(c);
    const residentId = await withProfile(resident, '郑桂芳', '13700002222');
    const { wish } = await ok('wish', { action: 'publish', title: '想请人帮忙换灯泡', content: '厨房的灯坏了，够不着', category: '维修帮办', showPhone: true, address: '2幢1单元301室', preferredTime: '周末' }, resident);
    await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
    const [claimer, other] = await Promise.all([volunteerOf(c), volunteerOf(c)]);

    // Before a claim, no one reaches the resident.
    expect((await ok('wish', { action: 'get', id: wish.id }, claimer)).wish.contact).toBeUndefined();
    expect(await call('wish', { action: 'contact', id: wish.id }, claimer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const claimed = await ok('wish', { action: 'claim', id: wish.id }, claimer);
    expect(claimed.wish.contact).toEqual({ name: '郑桂芳', phoneMasked: '137****2222', address: '2幢1单元301室', preferredTime: '周末' });
    expect(JSON.stringify(claimed.wish)).not.toContain('13700002222');

    for (const someone of [other, c.resident, c.admin]) {
      const seen = (await ok('wish', { action: 'get', id: wish.id }, someone)).wish;
      expect(seen.contact).toBeUndefined();
      expect(JSON.stringify(seen)).not.toContain('13700002222');
      expect(await call('wish', { action: 'contact', id: wish.id }, someone)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    // Staff act on the wish by the resident's real name; a neighbour sees it masked.
    expect((await ok('wish', { action: 'get', id: wish.id }, c.admin)).wish.publisher).toBe('郑桂芳');
    expect((await ok('wish', { action: 'get', id: wish.id }, other)).wish.publisher).toBe('郑**');

    expect(await ok('wish', { action: 'contact', id: wish.id }, claimer)).toEqual({ phone: '13700002222' });
    await ok('wish', { action: 'submitProof', id: wish.id, note: '灯泡已换好' }, claimer);
    expect((await ok('wish', { action: 'get', id: wish.id }, claimer)).wish.contact.name).toBe('郑桂芳');
    expect(await ok('wish', { action: 'contact', id: wish.id }, claimer)).toEqual({ phone: '13700002222' });

    await ok('wish', { action: 'confirm', id: wish.id }, resident);
    const after = (await ok('wish', { action: 'get', id: wish.id }, claimer)).wish;
    expect(after.contact).toBeUndefined();
    expect(JSON.stringify(after)).not.toMatch(/郑桂芳|2幢1单元301室|13700002222/);
    expect(await call('wish', { action: 'contact', id: wish.id }, claimer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // Each of the two reads is one entry of the resident's log: who, whose, when, which task.
    const views = await phoneViews(residentId);
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ communityId: c.id, target: 'user', targetId: residentId, field: 'phone', to: 'viewed', byUserId: await userIdOf(claimer), byLabel: expect.stringMatching(/^志愿者 /), task: 'wish', taskId: wish.id, at: expect.any(Number) });
    expect(views[0].why).toContain('想请人帮忙换灯泡');
  });

  it('a release or a revocation masks the resident again', async () => {
    const c = await newCommunity();
    const resident = await residentOf(c);
    await withProfile(resident, '冯秀英', '13700003333');
    const { wish } = await ok('wish', { action: 'publish', title: '想请人陪同去医院', content: '周三上午去人民医院复查', category: '医疗健康', showPhone: true }, resident);
    await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
    const claimer = await volunteerOf(c);
    await ok('wish', { action: 'claim', id: wish.id }, claimer);
    const released = await ok('wish', { action: 'release', id: wish.id, reason: '临时出差' }, claimer);
    expect(released.wish.contact).toBeUndefined();

    await ok('wish', { action: 'claim', id: wish.id }, claimer);
    await ok('wish', { action: 'revoke', id: wish.id, reason: '联系不上志愿者' }, c.admin);
    expect((await ok('wish', { action: 'get', id: wish.id }, claimer)).wish.contact).toBeUndefined();
    expect(await call('wish', { action: 'contact', id: wish.id }, claimer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('staff review by the real name; the wall shows it masked', async () => {
    const c = await newCommunity();
    const resident = await residentOf(c);
    await withProfile(resident, '钱玉珍', '13700001212');
    const { wish } = await ok('wish', { action: 'publish', title: '想要一个助听器', content: '耳朵背，听不清电话', category: '医疗健康' }, resident);
    const queue = await ok('wish', { action: 'queue', kind: 'review' }, c.admin);
    expect(queue.items.find((w: any) => w.id === wish.id).publisher).toBe('钱玉珍');
    await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
    const wall = await ok('wish', { action: 'list' }, await residentOf(c));
    expect(wall.items.find((w: any) => w.id === wish.id).publisher).toBe('钱**');
  });

  it('a bad address or time is refused with nothing written', async () => {
    const c = await newCommunity();
    const base = { action: 'publish', title: '想要一把轮椅', content: '腿脚不便', category: '助老助残' };
    expect(await call('wish', { ...base, preferredTime: '半夜三点' }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining('方便的时间') });
    expect(await call('wish', { ...base, address: '楼'.repeat(61) }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '地址不能超过60个字' });
    expect((await sdk().database().collection('wishes').where({ communityId: c.id }).get()).data).toHaveLength(0);
  });
});

describe('reaching the resident of an errand', () => {
  it('the worker in hand sees the contact and reads the phone (audited); the requester keeps their own; after 办结 it is masked', async () => {
    const c = await newBookingCommunity();
    const serviceId = await newErrandService(c, 'proxy');
    const resident = await residentOf(c);
    const residentId = await withProfile(resident, '王桂英', '13700004444');
    const { errand } = await ok('booking', { action: 'requestErrand', serviceId, description: '代办医保备案', address: '1幢302室', preferredTime: '工作日白天' }, resident);
    expect(errand).toMatchObject({ preferredTime: '工作日白天', contactPhone: '13700004444' });
    expect(errand.contact).toBeUndefined();

    const taken = await ok('booking', { action: 'assignErrand', id: errand.id }, c.gridWorker);
    expect(taken.errand.contact).toEqual({ name: '王桂英', phoneMasked: '137****4444', address: '1幢302室', preferredTime: '工作日白天' });
    expect(taken.errand.requester).toBe('王桂英');
    // Staff, not in hand, see the real name but cannot read the number.
    const staffView = (await ok('booking', { action: 'detail', id: errand.id }, c.staff)).errand;
    expect(staffView).toMatchObject({ requester: '王桂英' });
    expect(staffView.contact).toBeUndefined();
    expect(await call('booking', { action: 'contact', id: errand.id }, c.staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('booking', { action: 'contact', id: errand.id }, resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('booking', { action: 'contact', id: errand.id }, await residentOf(c))).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expect(await ok('booking', { action: 'contact', id: errand.id }, c.gridWorker)).toEqual({ phone: '13700004444' });
    expect(await phoneViews(residentId)).toEqual([expect.objectContaining({ task: 'errand', taskId: errand.id, byUserId: await userIdOf(c.gridWorker) })]);

    const done = await ok('booking', { action: 'updateErrand', id: errand.id, op: 'done', note: '已办好' }, c.gridWorker);
    expect(done.errand.contact).toBeUndefined();
    expect(done.errand.requester).toBe('王**');
    expect(await call('booking', { action: 'contact', id: errand.id }, c.gridWorker)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await phoneViews(residentId)).toHaveLength(1);
  });
});

describe('reaching the resident of a ticket', () => {
  it('whoever the ticket is dispatched to reaches the resident until it is resolved', async () => {
    const c = await newListsCommunity();
    const residentId = await withProfile(c.resident, '周玉兰', '13700005555');
    const { ticket } = await ok('lists', { action: 'submitRequest', category: '水电维修', title: '水管漏水', address: '1幢101室', location: { lat: c.center.lat, lng: c.center.lng } }, c.resident);
    expect(await call('lists', { action: 'contact', id: ticket.id }, c.unitMember)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    await ok('lists', { action: 'dispatch', id: ticket.id, to: 'unit', targetId: c.unitId }, c.staff);
    const seen = (await ok('lists', { action: 'ticket', id: ticket.id }, c.unitMember)).ticket;
    expect(seen.contact).toEqual({ name: '周玉兰', phoneMasked: '137****5555', address: '1幢101室', location: { lat: c.center.lat, lng: c.center.lng } });
    expect(seen.requester).toBe('居民 周玉兰');
    expect((await ok('lists', { action: 'ticket', id: ticket.id }, c.staff)).ticket).toMatchObject({ requester: '居民 周玉兰' });
    expect((await ok('lists', { action: 'ticket', id: ticket.id }, c.staff)).ticket.contact).toBeUndefined();
    expect(await call('lists', { action: 'contact', id: ticket.id }, c.staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('lists', { action: 'contact', id: ticket.id }, c.volunteer)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expect(await ok('lists', { action: 'contact', id: ticket.id }, c.unitMember)).toEqual({ phone: '13700005555' });
    await ok('lists', { action: 'accept', id: ticket.id }, c.unitMember);
    expect(await ok('lists', { action: 'contact', id: ticket.id }, c.unitMember)).toEqual({ phone: '13700005555' });
    await ok('lists', { action: 'resolve', id: ticket.id, note: '已更换水管' }, c.unitMember);
    expect((await ok('lists', { action: 'ticket', id: ticket.id }, c.unitMember)).ticket.contact).toBeUndefined();
    expect(await call('lists', { action: 'contact', id: ticket.id }, c.unitMember)).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const views = await phoneViews(residentId);
    expect(views.map((v) => [v.task, v.taskId, v.byUserId])).toEqual([
      ['ticket', ticket.id, c.unitMemberId],
      ['ticket', ticket.id, c.unitMemberId],
    ]);
  });

  it('a handler reading numbers in bulk is stopped at 30 an hour, each read behind one gate', async () => {
    const c = await newListsCommunity();
    const residentId = await withProfile(c.resident, '孙凤英', '13700006666');
    const { ticket } = await ok('lists', { action: 'submitRequest', category: '水电维修', title: '电灯不亮' }, c.resident);
    await ok('lists', { action: 'dispatch', id: ticket.id, to: 'unit', targetId: c.unitId }, c.staff);
    const results = await Promise.all(Array.from({ length: 34 }, () => call('lists', { action: 'contact', id: ticket.id }, c.unitMember)));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(4).fill('RESOURCE_EXHAUSTED'));
    expect(await phoneViews(residentId)).toHaveLength(30);
  });
});
