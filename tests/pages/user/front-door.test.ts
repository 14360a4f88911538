import { callFn, freshOpenid, meOf, openApiFault } from '../support/backend';
import { load, type PageHandle } from '../../setup/load';
import { currentApp, recorded, resetWx, scanAnswer } from '../../setup/wx';

const HOME = 'pages/home/index';

const fault = (mode: 'error' | 'off', openid: string) => openApiFault('security.msgSecCheck', mode, openid);

async function login(openid: string, scene?: string) {
  const res = await callFn<{ ok: boolean; message?: string }>(openid, 'user', { action: 'login', ...(scene ? { scene } : {}) });
  if (!res.ok) throw new Error(`login failed: ${res.message}`);
}

describe('the front door', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('a newcomer opened from a shared card scans the poster with 扫一扫 and joins its grid', async () => {
    const openid = freshOpenid('door-scan');
    await login(openid);
    await callFn(openid, 'user', { action: 'skipWelcome' });
    page = await load(HOME, { openid });
    expect(page.textOf('#community')).toBe('尚未加入社区');
    expect(page.text()).toContain('公告栏');

    scanAnswer.value = 'honglin://pages/home/index?scene=' + encodeURIComponent('c=beihai&g=g2');
    await page.tap('#scan');
    expect(recorded.scans).toHaveLength(1);
    expect(page.textOf('#community')).toBe('北海社区');
    expect(page.text()).not.toContain('扫码加入');
    expect((await meOf(openid)).grid?.id).toBe('g_beihai_2');
  });

  test('scanning something that is not a poster says so and changes nothing', async () => {
    const openid = freshOpenid('door-wrong');
    await login(openid);
    await callFn(openid, 'user', { action: 'skipWelcome' });
    page = await load(HOME, { openid });
    scanAnswer.value = 'https://example.com/not-a-poster';
    await page.tap('#scan');
    expect(recorded.toasts).toEqual(['这不是社区海报上的二维码，请扫描“红邻”社区海报']);
    expect((await meOf(openid)).community).toBeUndefined();
  });

  test('a member who scans another grid\'s poster is asked, and moves only on 改到这个网格', async () => {
    const openid = freshOpenid('door-move');
    await login(openid, 'c=beihai&g=g1');
    await callFn(openid, 'user', { action: 'skipWelcome' });
    page = await load(HOME, { openid, scene: 'c=beihai&g=g5' });
    expect(recorded.navigations).toEqual(['navigateTo:/pages/user/move/index']);
    expect((await meOf(openid)).grid?.id).toBe('g_beihai_1');
    page.detach();

    page = await load('pages/user/move/index', { openid, scene: 'c=beihai&g=g5' });
    expect(page.textOf('#here')).toBe('北海社区 第一网格（冷冻厂宿舍）');
    expect(page.textOf('#there')).toBe('北海社区 第五网格（望海苑）');
    await page.tapText('改到这个网格');
    expect((await meOf(openid)).grid?.id).toBe('g_beihai_5');
    expect(currentApp()?.globalData.moveOffer).toBeUndefined();
  });

  test('saying no to the move keeps the person where they are', async () => {
    const openid = freshOpenid('door-stay');
    await login(openid, 'c=beihai&g=g1');
    await callFn(openid, 'user', { action: 'skipWelcome' });
    page = await load('pages/user/move/index', { openid, scene: 'c=beihai&g=g4' });
    expect(page.textOf('#there')).toBe('北海社区 第四网格（范公路沿街）');
    await page.tapText('不改，保持现在的');
    expect((await meOf(openid)).grid?.id).toBe('g_beihai_1');
    expect(currentApp()?.globalData.moveOffer).toBeUndefined();
  });

  test('a newcomer is welcomed once; the chosen name is what neighbours see', async () => {
    const openid = freshOpenid('door-welcome');
    page = await load(HOME, { openid, scene: 'c=beihai&g=g3' });
    expect(recorded.navigations).toEqual(['navigateTo:/pages/user/welcome/index']);
    page.detach();

    page = await load('pages/user/welcome/index', { openid });
    await page.tapText('保存');
    expect(recorded.toasts).toEqual(['请填写昵称']);
    await page.input('#name', '刘阿姨');
    await page.tapText('保存');
    const me = await meOf(openid);
    expect(me).toMatchObject({ displayName: '刘阿姨', welcome: false });
  });

  test('when the name cannot be checked now, the person is told plainly and the old name stays', async () => {
    const openid = freshOpenid('door-held');
    await login(openid, 'c=beihai');
    await fault('error', openid);
    try {
      page = await load('pages/user/welcome/index', { openid });
      await page.input('#name', '李大爷');
      await page.tapText('保存');
      expect(recorded.modals).toEqual([expect.objectContaining({ title: '称呼稍后再改', content: expect.stringContaining('先保留原昵称') })]);
      expect((await meOf(openid)).named).toBe(false);
    } finally {
      await fault('off', openid);
    }
  });

  test('skipping the welcome ends it for good', async () => {
    const openid = freshOpenid('door-skip');
    await login(openid, 'c=beihai');
    page = await load('pages/user/welcome/index', { openid });
    await page.tapText('跳过');
    expect((await meOf(openid)).welcome).toBe(false);
    page.detach();
    page = await load(HOME, { openid });
    expect(recorded.navigations.filter((n) => n.includes('welcome'))).toEqual([]);
  });

  test('a member without a grid is asked for their building, and picks it on the grid page', async () => {
    const openid = freshOpenid('door-grid');
    await login(openid, 'c=beihai');
    await callFn(openid, 'user', { action: 'skipWelcome' });
    page = await load(HOME, { openid });
    expect(page.text()).toContain('您住在哪一栋？');
    await page.tapText('选择楼栋');
    expect(recorded.navigations).toEqual(['navigateTo:/pages/user/grid/index']);
    page.detach();

    page = await load('pages/user/grid/index', { openid });
    expect(page.text()).toContain('第六网格（西溪小区）');
    await page.tapText('17幢');
    const me = await meOf(openid);
    expect(me).toMatchObject({ grid: { id: 'g_beihai_6' }, building: '17幢' });
    expect(me.room).toBeUndefined();

    // The unit and room typed above go with the building: the household that votes on a topic.
    await page.input('#room', '2单元301室');
    await page.tapText('17幢');
    expect(await meOf(openid)).toMatchObject({ building: '17幢', room: '2单元301室' });
  });
});
