/**
 * 李建华 (demo volunteer) has his 志愿服务证明 issued and saves it: the album gets an A4 PNG whose
 * code, read as a camera would, carries the certificate's number, and staff verifying that number
 * read the same figures. The page, certificate shown, keeps 长辈模式's sizes at 360 px.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import path from 'node:path';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';
import { MINOR_CLASS, PREVIEW_ONLY, SECONDARY_CLASS, measurePage } from './support/readability';

const ROUTE = 'pages/party/certificate/index';
const ready = hasPages(ROUTE);
const VOLUNTEER = 'demo-volunteer';
let browser: Browser;
let phone: Phone;
const rid = () => `req-e2e-cert-${Math.random().toString(36).slice(2, 10)}`;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'certificate');
});

afterAll(async () => {
  if (ready) await callFn('user', VOLUNTEER, { action: 'setPrefs', elderMode: null, requestId: rid() });
  await browser?.close();
});

(ready ? test : test.skip)('a certificate saved to the album is an A4 PNG whose code staff verify', async () => {
  await callFn('user', VOLUNTEER, { action: 'setPrefs', elderMode: true, requestId: rid() });
  await phone.launch(VOLUNTEER, ROUTE, { width: 360 });
  await phone.tap('开具证明');
  await phone.see('李建华 的志愿服务');
  const offenders = await phone.page.evaluate(measurePage, {
    rules: { body: 18, secondary: 16, minor: 16, contrastAll: 4.5, contrastBody: 7, target: 48 },
    secondary: SECONDARY_CLASS,
    minor: MINOR_CLASS,
    ignore: PREVIEW_ONLY,
  });
  expect(offenders.offenders).toEqual([]);
  await phone.shot('certificate-elder-360');

  const [download] = await Promise.all([phone.page.waitForEvent('download'), phone.tap('保存证明图片')]);
  await phone.toast(/^证明图片已保存到相册/);
  const file = await download.path();
  const png = PNG.sync.read(fs.readFileSync(file));
  expect([png.width, png.height]).toEqual([1240, 1754]);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code?.data).toMatch(/^honglin:\/\/certificate\/vc_[0-9a-f]{16}$/);
  fs.mkdirSync(path.resolve(__dirname, '../../artifacts/e2e/certificate'), { recursive: true });
  fs.copyFileSync(file, path.resolve(__dirname, '../../artifacts/e2e/certificate/certificate-a4.png'));

  const id = code!.data.split('/').pop()!;
  const verified = await callFn<{ certificate: { name: string }; agrees: boolean }>('party', 'demo-staff', { action: 'verifyCertificate', id });
  expect([verified.certificate.name, verified.agrees]).toEqual(['李建华', true]);
  expect(phone.errors).toEqual([]);
});
