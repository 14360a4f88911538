import { call, ok, sdk, snapshot, uniqueOpenid, newRequestId } from '../support/cloud';

const userDoc = async (id: string): Promise<any> => (await sdk().database().collection('users').doc(id).get()).data[0];

describe('user.setPrefs (长辈模式)', () => {
  it('stores the choice on the person, answers it in me and login, and null gives it back to WeChat', async () => {
    const openid = uniqueOpenid('elder');
    const { me } = await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    expect(me.prefs).toEqual({ elderMode: null });

    const on = await ok('user', { action: 'setPrefs', elderMode: true, requestId: newRequestId() }, openid);
    expect(on.me.prefs).toEqual({ elderMode: true });
    expect((await userDoc(me.id)).prefs).toEqual({ elderMode: true });
    // Another phone: the same person logs in and finds it on.
    expect((await ok('user', { action: 'login' }, openid)).me.prefs).toEqual({ elderMode: true });
    expect((await ok('user', { action: 'me' }, openid)).me.prefs).toEqual({ elderMode: true });
    // 我的数据 tells the person what is kept.
    expect((await ok('user', { action: 'myData' }, openid)).profile.elderMode).toBe(true);

    await ok('user', { action: 'setPrefs', elderMode: false, requestId: newRequestId() }, openid);
    expect((await userDoc(me.id)).prefs).toEqual({ elderMode: false });
    await ok('user', { action: 'setPrefs', elderMode: null, requestId: newRequestId() }, openid);
    expect((await userDoc(me.id)).prefs).toEqual({});
    expect((await ok('user', { action: 'me' }, openid)).me.prefs).toEqual({ elderMode: null });
  });

  it('a repeated request answers as the first and does not undo a later choice', async () => {
    const openid = uniqueOpenid('elder');
    const { me } = await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    const first = newRequestId();
    await ok('user', { action: 'setPrefs', elderMode: true, requestId: first }, openid);
    await ok('user', { action: 'setPrefs', elderMode: false, requestId: newRequestId() }, openid);
    const again = await ok('user', { action: 'setPrefs', elderMode: true, requestId: first }, openid);
    expect(again.me.prefs).toEqual({ elderMode: true });
    expect((await userDoc(me.id)).prefs).toEqual({ elderMode: false });
  });

  it('refuses a value that is not on, off or null, and a caller who never logged in, changing nothing', async () => {
    const openid = uniqueOpenid('elder');
    await ok('user', { action: 'login', scene: 'c=beihai' }, openid);
    const before = await snapshot(['users']);
    for (const elderMode of ['true', 1, undefined, { on: true }]) {
      const res = await call('user', { action: 'setPrefs', elderMode, requestId: newRequestId() }, openid);
      expect(res).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect((res as { message?: string }).message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await call('user', { action: 'setPrefs', elderMode: true, requestId: newRequestId() }, uniqueOpenid('stranger'))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await call('user', { action: 'setPrefs', elderMode: true, requestId: newRequestId() })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await snapshot(['users'])).toEqual(before);
  });
});
