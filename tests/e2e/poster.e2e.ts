/**
 * 陈书记 makes the poster of 第三网格 in the preview and saves it: the album gets a printable A4
 * PNG whose code, read as a camera would, carries the grid's scene.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import path from 'node:path';
import { cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const ready = hasPages('package-staff/pages/poster/index');
let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'poster');
});

afterAll(async () => {
  await browser?.close();
});

(ready ? test : test.skip)('a grid poster saved to the album is an A4 PNG whose code opens that grid', async () => {
  await phone.launch('demo-staff', 'package-staff/pages/poster/index?grid=g_beihai_3');
  await phone.see('第三网格（北海新村）');
  await phone.shot('poster-preview');
  const [download] = await Promise.all([phone.page.waitForEvent('download'), phone.tap('保存A4海报到相册')]);
  await phone.toast(/^海报已保存到相册/);
  const png = PNG.sync.read(fs.readFileSync(await download.path()));
  expect([png.width, png.height]).toEqual([1240, 1754]);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code?.data).toContain(`scene=${encodeURIComponent('c=beihai&g=g3')}`);
  fs.copyFileSync(await download.path(), path.resolve(__dirname, '../../artifacts/e2e/poster/poster-a4.png'));
  expect(phone.errors).toEqual([]);
});
