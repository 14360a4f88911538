import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { call, cloudUrl, ok, sdk, uniqueOpenid } from '../support/cloud';
import { newResident, newVolunteer, openWish } from '../support/wish';
import { newListsCommunity } from '../support/lists';
import { newBookingCommunity, newErrandService, residentOf } from '../support/booking';
import { decodeOpenApiResponse, encodeOpenApiRequest } from '../../../server/platform/wire';
import { HELD_REVIEW, HELD_UNCHECKED } from '../../../server/core/screen';

/** Makes the local cloud's stand-in for one API fail, for calls about one person only. */
async function fault(api: string, mode: 'error' | 'timeout' | 'off', openid?: string): Promise<void> {
  const res = await fetch(`${cloudUrl()}/openapi/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api, mode, openid }) });
  expect(res.status).toBe(200);
}

/** Calls the stand-in the way a function would, as the named function (its wxCloudApiToken). */
async function asFunction<T>(fn: string | undefined, run: () => Promise<T>): Promise<T> {
  // The SDK reads the token through WX_CONTEXT_KEYS, as in a function instance.
  const saved = { token: process.env.WX_API_TOKEN, keys: process.env.WX_CONTEXT_KEYS };
  if (fn) Object.assign(process.env, { WX_API_TOKEN: `local:${fn}`, WX_CONTEXT_KEYS: 'WX_API_TOKEN' });
  try {
    return await run();
  } finally {
    for (const [k, v] of [['WX_API_TOKEN', saved.token], ['WX_CONTEXT_KEYS', saved.keys]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('云调用 on the wire real CloudBase takes (wx.openApi, protobuf in and out)', () => {
  it('the poster code comes back as a PNG that scans to the scene', async () => {
    const { scene, image } = await ok('user', { action: 'qrcode', gridId: 'g_beihai_2' }, 'demo-staff');
    expect(scene).toBe('c=beihai&g=g2');
    const png = PNG.sync.read(Buffer.from(image.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(read).not.toBeNull();
    expect(new URL(read!.data.replace(/^honglin:\/\//, 'https://mp/')).searchParams.get('scene')).toBe(scene);
  });

  it('a CommApiData sent by a function that declared the API is answered with a CommOpenApiResp', async () => {
    const raw = await asFunction('user', () =>
      sdk().callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: encodeOpenApiRequest({ scene: 'c=beihai', page: 'pages/home/index', width: 430, check_path: false }) }),
    );
    expect(Buffer.isBuffer(raw)).toBe(true);
    const resp = decodeOpenApiResponse(raw);
    expect(resp).toMatchObject({ contentType: 'image/png', errorCode: 0 });
    expect(resp.respData.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('the old forms are refused: raw JSON through wx.openApi, and the wx.api action', async () => {
    const json = Buffer.from(JSON.stringify({ scene: 'c=beihai', page: 'pages/home/index', width: 430 }));
    // The SDK throws CloudBase's JSON refusal `{code, message}` at the caller.
    await expect(asFunction('user', () => sdk().callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: json }))).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('CommApiData'),
    });
    await expect(
      asFunction('wish', () => sdk().callWxOpenApi({ apiName: 'security.msgSecCheck', requestData: { content: '你好', version: 2, scene: 1, openid: 'x' } })),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('wx.api') });
  });

  it('a function may only call what its config.json declares (WeChat answers -604101)', async () => {
    const req = encodeOpenApiRequest({ scene: 'c=beihai', page: 'pages/home/index' });
    for (const fn of ['map', undefined]) {
      const raw = await asFunction(fn, () => sdk().callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: req }));
      expect(decodeOpenApiResponse(raw).errorCode).toBe(-604101);
    }
  });

  it('subscribe messages reach the outbox through the new form, with the template and page', async () => {
    const publisher = await newResident();
    const volunteer = await newVolunteer();
    const id = await openWish('帮忙换一下阳台灯泡', publisher);
    await ok('wish', { action: 'claim', id }, volunteer);
    const rows = (await sdk().database().collection('outbox').where({ touser: publisher }).get()).data as any[];
    const claimed = rows.find((r) => r.page === `pages/wish/detail/index?id=${id}` && r.data?.thing1?.value);
    expect(claimed).toMatchObject({ miniprogram_state: 'formal', lang: 'zh_CN' });
    expect(typeof claimed.template_id).toBe('string');
    expect(claimed.template_id.length).toBeGreaterThan(0);
  });
});

describe('content checks fail closed', () => {
  it('a risky wish is refused, and nothing is stored', async () => {
    const resident = await newResident();
    const res = await call('wish', { action: 'publish', title: '周末一起打牌', content: '地下赌博，欢迎来玩', category: '助老助残' }, resident);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect((await ok('wish', { action: 'mine' }, resident)).items).toHaveLength(0);
  });

  it.each(['error', 'timeout'] as const)('check %s: the wish is held for staff with the reason, and never reaches the wall', async (mode) => {
    const resident = await newResident();
    await fault('security.msgSecCheck', mode, resident);
    try {
      const started = Date.now();
      const { wish } = await ok('wish', { action: 'publish', title: '想学用智能手机', content: '想请志愿者教我用手机挂号', category: '助老助残' }, resident);
      // A short check: the resident is not left waiting for the function's whole budget.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(wish).toMatchObject({ status: 'pending_review', heldReason: HELD_UNCHECKED });
      const queue = (await ok('wish', { action: 'queue', kind: 'review' }, 'demo-staff')).items;
      expect(queue.find((c: any) => c.id === wish.id)).toMatchObject({ heldReason: HELD_UNCHECKED });
      const wall = (await ok('wish', { action: 'list' }, 'demo-volunteer')).items;
      expect(wall.map((c: any) => c.id)).not.toContain(wish.id);
      // Staff read it and approve: the hold ends and it goes up.
      const approved = (await ok('wish', { action: 'review', id: wish.id, approve: true }, 'demo-staff')).wish;
      expect(approved.status).toBe('open');
      expect(approved.heldReason).toBeUndefined();
    } finally {
      await fault('security.msgSecCheck', 'off', resident);
    }
  });

  it('a text WeChat wants a person to look at is held the same way', async () => {
    const resident = await newResident();
    const { wish } = await ok('wish', { action: 'publish', title: '待人工复核的心愿', content: '请社区看看这个心愿', category: '助老助残' }, resident);
    expect(wish.heldReason).toBe(HELD_REVIEW);
  });

  it('a proof note that could not be checked is shown to the claimer and staff only, until staff release it', async () => {
    const publisher = await newResident();
    const volunteer = await newVolunteer();
    const neighbour = await newResident();
    const id = await openWish('帮忙搬一下旧衣柜', publisher);
    await ok('wish', { action: 'claim', id }, volunteer);
    await fault('security.msgSecCheck', 'error', volunteer);
    try {
      const { wish } = await ok('wish', { action: 'submitProof', id, note: '已经搬到楼下回收点了' }, volunteer);
      expect(wish.status).toBe('awaiting_confirmation');
      expect(wish.proof).toMatchObject({ note: '已经搬到楼下回收点了', held: true });
    } finally {
      await fault('security.msgSecCheck', 'off', volunteer);
    }
    const seen = (await ok('wish', { action: 'get', id }, neighbour)).wish;
    expect(seen.proof).toMatchObject({ note: '', held: true });
    expect(JSON.stringify(seen.timeline)).not.toContain('回收点');
    const held = (await ok('wish', { action: 'queue', kind: 'held' }, 'demo-staff')).items;
    expect(held.find((c: any) => c.id === id)).toMatchObject({ heldReason: HELD_UNCHECKED });
    const staffView = (await ok('wish', { action: 'get', id }, 'demo-staff')).wish;
    expect(staffView.can).toContain('clearHold');
    await ok('wish', { action: 'clearHold', id }, 'demo-staff');
    expect((await ok('wish', { action: 'get', id }, neighbour)).wish.proof).toMatchObject({ note: '已经搬到楼下回收点了' });
    expect((await ok('wish', { action: 'queue', kind: 'held' }, 'demo-staff')).items.map((c: any) => c.id)).not.toContain(id);
  });

  it.each(['error', 'timeout'] as const)('check %s: a request is held for staff, who see why; dispatching ends the hold', async (mode) => {
    const c = await newListsCommunity();
    await fault('security.msgSecCheck', mode, c.resident);
    let ticket: any;
    try {
      ({ ticket } = await ok('lists', { action: 'submitRequest', category: '水电维修', title: '卫生间下水道堵了', detail: '水下不去' }, c.resident));
    } finally {
      await fault('security.msgSecCheck', 'off', c.resident);
    }
    expect(ticket).toMatchObject({ status: 'submitted', heldReason: HELD_UNCHECKED, mine: true });
    const queue = (await ok('lists', { action: 'tickets', scope: 'all' }, c.staff)).items;
    expect(queue.find((t: any) => t.id === ticket.id)).toMatchObject({ heldReason: HELD_UNCHECKED });
    const d = await ok('lists', { action: 'dispatch', id: ticket.id }, c.staff);
    expect(d.ticket.heldReason).toBeUndefined();
  });

  it('a risky request is refused', async () => {
    const c = await newListsCommunity();
    expect(await call('lists', { action: 'submitRequest', category: '水电维修', title: '代开发票', detail: '刷单返利' }, c.resident)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it.each(['error', 'timeout'] as const)('check %s: an errand is held for staff, who see why; taking it in hand ends the hold', async (mode) => {
    const c = await newBookingCommunity();
    const serviceId = await newErrandService(c, 'proxy');
    const resident = await residentOf(c);
    await fault('security.msgSecCheck', mode, resident);
    let errand: any;
    try {
      ({ errand } = await ok('booking', { action: 'requestErrand', serviceId, description: '代办医保异地备案' }, resident));
    } finally {
      await fault('security.msgSecCheck', 'off', resident);
    }
    expect(errand).toMatchObject({ status: 'submitted', heldReason: HELD_UNCHECKED });
    const queue = (await ok('booking', { action: 'errands' }, c.staff)).items;
    expect(queue.find((e: any) => e.id === errand.id)).toMatchObject({ heldReason: HELD_UNCHECKED });
    const taken = await ok('booking', { action: 'assignErrand', id: errand.id }, c.staff);
    expect(taken.errand).toMatchObject({ status: 'accepted' });
    expect(taken.errand.heldReason).toBeUndefined();
  });

  it('a nickname that could not be checked is not shown: the old name stays and the person is told', async () => {
    const openid = uniqueOpenid('nick');
    const { me } = await ok('user', { action: 'login', scene: 'c=beihai&g=g1' }, openid);
    await fault('security.msgSecCheck', 'error', openid);
    try {
      const res = await ok('user', { action: 'updateProfile', displayName: '张阿姨' }, openid);
      expect(res.nameHeld).toEqual(expect.any(String));
      expect(res.me.displayName).toBe(me.displayName);
    } finally {
      await fault('security.msgSecCheck', 'off', openid);
    }
    const res = await ok('user', { action: 'updateProfile', displayName: '张阿姨' }, openid);
    expect(res.nameHeld).toBeUndefined();
    expect(res.me.displayName).toBe('张阿姨');
  });
});
