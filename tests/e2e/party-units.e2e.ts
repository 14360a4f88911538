/**
 * 双报到 printed: 陈书记 saves the 党员报到 poster, whose code opens the 报到 form in the community;
 * a confirmed party member saves their 双报告 as an A4 image for printing.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import path from 'node:path';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const ready = hasPages('package-staff/pages/poster/index', 'pages/party/report/index');
const ARTIFACTS = path.resolve(__dirname, '../../artifacts/e2e/party');
let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'party');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** The PNG the album was given. */
async function saved(tapText: string): Promise<PNG> {
  const [download] = await Promise.all([phone.page.waitForEvent('download'), phone.tap(tapText)]);
  const file = await download.path();
  return PNG.sync.read(fs.readFileSync(file));
}

const rgbAt = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
};

(ready ? test : test.skip)('the 党员报到 poster saved to the album is an A4 PNG whose code opens the 报到 form', async () => {
  await phone.launch('demo-staff', 'package-staff/pages/poster/index?for=party');
  await phone.see('在职党员到社区报到');
  const png = await saved('保存A4海报到相册');
  await phone.toast(/^海报已保存到相册/);
  expect([png.width, png.height]).toEqual([1240, 1754]);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code?.data).toContain(`pages/party/register/index?scene=${encodeURIComponent('c=beihai')}`);
  fs.writeFileSync(path.join(ARTIFACTS, 'party-poster-a4.png'), PNG.sync.write(png));
  expect(phone.errors).toEqual([]);
});

(ready ? test : test.skip)('a party member saves their 双报告 as an A4 image with the brand band', async () => {
  const openid = `e2e-party-${Date.now().toString(36)}`;
  await callFn('user', openid, { action: 'login', scene: 'c=beihai&g=g1' });
  await callFn('user', openid, { action: 'updateProfile', displayName: '吴先锋' });
  const { registration } = await callFn('party', openid, { action: 'register', kind: 'member', branch: '东台市供电公司第一党支部', workUnit: '国网东台市供电公司', phone: '13851239901', posts: ['平安巡逻'] });
  await callFn('party', 'demo-staff', { action: 'confirm', id: registration.id });

  await phone.launch(openid, 'pages/party/report/index');
  await phone.see('吴先锋');
  const png = await saved('生成报告图片（可打印）');
  await phone.toast(/^报告图片已保存到相册/);
  expect([png.width, png.height]).toEqual([1240, 1754]);
  // The red band at the top and the white page under it: drawn, not blank.
  expect(rgbAt(png, 10, 10)).toEqual([0xc8, 0x16, 0x1d]);
  expect(rgbAt(png, 10, 600)).toEqual([255, 255, 255]);
  const inked = (y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y += 2) for (let x = 100; x < 1140; x += 2) if (rgbAt(png, x, y)[0] < 128) n++;
    return n;
  };
  // Figures are written under the band.
  expect(inked(330, 900)).toBeGreaterThan(500);
  fs.writeFileSync(path.join(ARTIFACTS, 'party-report-a4.png'), PNG.sync.write(png));
  expect(phone.errors).toEqual([]);
});
