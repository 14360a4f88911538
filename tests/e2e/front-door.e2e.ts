/**
 * A resident's first day, as in the preview: 刘阿姨 scans the poster in her stairwell, is welcomed
 * and gives her name; later she scans another grid's poster, is asked, and moves. 周大爷 joins by
 * the community poster and picks his building.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const ready = hasPages('pages/user/welcome/index', 'pages/user/move/index', 'pages/user/grid/index');
let browser: Browser;
let phone: Phone;
const run = Date.now().toString(36);
const poster = (scene: string) => `pages/home/index?scene=${encodeURIComponent(scene)}`;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'front-door');
});

afterAll(async () => {
  await browser?.close();
});

(ready ? test : test.skip)('a grid poster, the welcome, then another grid\'s poster asks before moving', async () => {
  const liu = `e2e-liu-${run}`;
  await phone.launch(liu, poster('c=beihai&g=g3'));
  await phone.waitForRoute('pages/user/welcome/index');
  await phone.shot('welcome');
  await phone.type('例如：王阿姨', '刘阿姨');
  await phone.tap('保存');
  await phone.waitForRoute('pages/home/index');
  await phone.see('刘阿姨');
  await phone.shot('home-joined');
  expect((await callFn('user', liu, { action: 'me' })).me).toMatchObject({ displayName: '刘阿姨', grid: { id: 'g_beihai_3' } });

  await phone.launch(liu, poster('c=beihai&g=g5'));
  await phone.waitForRoute('pages/user/move/index');
  await phone.see('第五网格（望海苑）');
  await phone.shot('move-offer');
  await phone.tap('改到这个网格');
  await phone.toast(/^已更改$/);
  expect((await callFn('user', liu, { action: 'me' })).me.grid.id).toBe('g_beihai_5');
  expect(phone.errors).toEqual([]);
});

(ready ? test : test.skip)('joined by the community poster, a resident picks the building they live in', async () => {
  const zhou = `e2e-zhou-${run}`;
  await phone.launch(zhou, poster('c=beihai'));
  await phone.waitForRoute('pages/user/welcome/index');
  await phone.tap('跳过');
  await phone.waitForRoute('pages/home/index');
  await phone.see('您住在哪一栋？');
  expect(await phone.screen.locator('#greeting').textContent()).not.toMatch(/居民[0-9A-F]{4}/);
  await phone.shot('home-unplaced');
  await phone.tap('选择楼栋');
  await phone.waitForRoute('pages/user/grid/index');
  await phone.shot('grid-picker');
  await phone.tap('10幢');
  await phone.toast(/^已选择 10幢$/);
  expect((await callFn('user', zhou, { action: 'me' })).me).toMatchObject({ grid: { id: 'g_beihai_3' }, building: '10幢' });
  expect(phone.errors).toEqual([]);
});
