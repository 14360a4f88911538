import { meOf, newResident, okFn } from '../support/backend';
import { getDoc } from '../support/db';
import { load, type PageHandle } from '../../setup/load';
import { fontSizeAnswer, recorded, resetWx } from '../../setup/wx';

const ME = 'pages/user/me/index';

/** The page's root view, the one that carries `elder` (classes are prefixed per component in simulate). */
function rootClasses(page: PageHandle): string[] {
  const root = page.comp.dom.firstElementChild as Element;
  return Array.from(root.classList).map((c) => c.replace(/^.*--/, ''));
}

const isElder = (page: PageHandle) => rootClasses(page).includes('elder');

describe('长辈模式', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the switch on 我的 makes the page large at once, keeps the choice on the server, and other pages follow it', async () => {
    const openid = await newResident('elder-switch');
    page = await load(ME, { openid });
    expect(page.textOf('#elder-mode')).toContain('长辈模式（大字）');
    expect(isElder(page)).toBe(false);

    await page.tap('#elder-switch');

    expect(isElder(page)).toBe(true);
    expect(page.props('#elder-knob').value).toBe(true);
    expect(recorded.toasts).toContain('已打开长辈模式');
    const sent = recorded.requests.find((r) => (r.data as { action?: string }).action === 'setPrefs');
    expect(sent?.data).toMatchObject({ elderMode: true, requestId: expect.any(String) });
    const me = await meOf(openid);
    expect((await getDoc<{ prefs?: { elderMode?: boolean } }>('users', me.id))?.prefs).toEqual({ elderMode: true });
    page.detach();

    // Another start of the app (or another phone): the wall opens large, with no call of its own for it.
    page = await load('pages/wish/wall/index', { openid });
    expect(isElder(page)).toBe(true);
    expect(recorded.requests.filter((r) => (r.data as { action?: string }).action === 'me')).toHaveLength(0);
    page.detach();

    // Off again, from 我的.
    page = await load(ME, { openid });
    expect(isElder(page)).toBe(true);
    await page.tap('#elder-switch');
    expect(isElder(page)).toBe(false);
    expect((await getDoc<{ prefs?: { elderMode?: boolean } }>('users', me.id))?.prefs).toEqual({ elderMode: false });
  });

  test('on by default when WeChat’s font size is large, unless the person chose', async () => {
    const openid = await newResident('elder-font');
    fontSizeAnswer.px = 22;
    page = await load('pages/home/index', { openid });
    expect(isElder(page)).toBe(true);
    page.detach();

    fontSizeAnswer.px = 17;
    page = await load('pages/home/index', { openid });
    expect(isElder(page)).toBe(false);
    page.detach();

    // An old client without fontSizeSetting: the standard look.
    fontSizeAnswer.px = undefined;
    page = await load('pages/home/index', { openid });
    expect(isElder(page)).toBe(false);
    page.detach();

    // The person turned it off on 我的: a large WeChat font no longer turns it on.
    await okFn(openid, 'user', { action: 'setPrefs', elderMode: false });
    fontSizeAnswer.px = 22;
    page = await load(ME, { openid });
    expect(isElder(page)).toBe(false);
    expect(page.props('#elder-knob').value).toBe(false);
  });
});
