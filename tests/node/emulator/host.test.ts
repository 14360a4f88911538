import { call, cloudUrl, sdk } from '../support/cloud';
import { decodeOpenApiResponse, encodeOpenApiRequest } from '../../../server/platform/wire';

describe('function host', () => {
  it('answers /healthz and lists the functions', async () => {
    const res = await fetch(`${cloudUrl()}/healthz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).functions).toContain('user');
  });

  it('hands the caller openid to the function through the invocation context', async () => {
    const r = await call('user', { action: 'me' }, 'demo-volunteer');
    expect(r).toMatchObject({ ok: true, data: { me: { displayName: '李建华', role: 'volunteer' } } });
    const anon = await call('user', { action: 'me' });
    expect(anon).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('keeps identities apart when many callers run at once', async () => {
    const ids = ['demo-resident', 'demo-volunteer', 'demo-staff', 'demo-unit', 'demo-gridworker', 'demo-admin'];
    const calls = Array.from({ length: 36 }, (_, i) => ids[i % ids.length]);
    const results = await Promise.all(calls.map((o) => call('user', { action: 'me' }, o)));
    const names: Record<string, string> = {
      'demo-resident': '王桂英',
      'demo-volunteer': '李建华',
      'demo-staff': '陈书记',
      'demo-unit': '孙医生',
      'demo-gridworker': '周海燕',
      'demo-admin': '系统管理员',
    };
    results.forEach((r, i) => expect(r.ok && r.data.me.displayName).toBe(names[calls[i]]));
  });

  it('reports an unknown function as CloudBase does', async () => {
    const res = await fetch(`${cloudUrl()}/fn/nope`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).errMsg).toMatch(/could not be found/);
  });
});

describe('open-API and storage stand-ins', () => {
  it('makes a real PNG mini-program code for a staff member', async () => {
    const r = await call('user', { action: 'qrcode', gridId: 'g_beihai_1' }, 'demo-staff');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const png = Buffer.from(r.data.image.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeLessThan(100 * 1024);
  });

  /** A cloud call (wx.openApi, protobuf) as the named function makes it, through the real SDK. */
  async function cloudCall(fn: string, api: string, params: Record<string, unknown>): Promise<any> {
    Object.assign(process.env, { WX_API_TOKEN: `local:${fn}`, WX_CONTEXT_KEYS: 'WX_API_TOKEN' });
    try {
      const raw = await sdk().callCompatibleWxOpenApi({ apiName: api, requestData: encodeOpenApiRequest(params) });
      const resp = decodeOpenApiResponse(raw);
      expect(resp).toMatchObject({ errorCode: 0, contentType: expect.stringMatching(/^application\/json/) });
      return JSON.parse(resp.respData.toString('utf8'));
    } finally {
      delete process.env.WX_API_TOKEN;
      delete process.env.WX_CONTEXT_KEYS;
    }
  }

  it('records subscribe messages in the outbox', async () => {
    const res = await cloudCall('wish', 'subscribeMessage.send', { touser: 'demo-resident', template_id: 'tmpl-wish-approved', page: 'pages/home/index', data: { thing1: { value: '心愿已通过审核' } } });
    expect(res.errcode).toBe(0);
    const out = await sdk().database().collection('outbox').where({ template_id: 'tmpl-wish-approved' }).get();
    expect(out.data[0]).toMatchObject({ touser: 'demo-resident', data: { thing1: { value: '心愿已通过审核' } } });
  });

  it('flags listed words in the content check', async () => {
    const risky = await cloudCall('wish', 'security.msgSecCheck', { content: '代开发票找我', version: 2, scene: 1, openid: 'demo-resident' });
    const fine = await cloudCall('wish', 'security.msgSecCheck', { content: '楼道灯坏了', version: 2, scene: 1, openid: 'demo-resident' });
    expect(risky.result.suggest).toBe('risky');
    expect(fine.result.suggest).toBe('pass');
  });

  it('stores an upload and serves it back by URL; paths cannot escape', async () => {
    const form = new FormData();
    form.append('cloudPath', 'wish/../../photo.png');
    form.append('file', new Blob([Buffer.from('fake-image-bytes')]), 'photo.png');
    const up: any = await (await fetch(`${cloudUrl()}/storage/upload`, { method: "POST", body: form })).json();
    expect(up.fileID).toBe('cloud://local.honglin/wish/photo.png');
    const got = await fetch(up.url);
    expect(await got.text()).toBe('fake-image-bytes');
    const urls: any = await sdk().getTempFileURL({ fileList: [up.fileID] });
    expect(urls.fileList[0].tempFileURL).toBe(up.url);
  });
});
