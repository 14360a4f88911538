/**
 * A redemption, as two people use the preview: the resident redeems flour in the points mall and
 * gets a pickup code with its QR code; 陈书记 scans that QR code (read off the resident's screen) on
 * 兑换核销; the resident's order shows 已领取 and the balance is lower by the price.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';
import { scanCanvas } from './support/qr';

const PAGES = ['pages/points/mall/index', 'pages/points/goods/index', 'pages/points/orders/index', 'package-staff/pages/points-verify/index'];
const ready = hasPages(...PAGES);
if (!ready) console.warn(`points e2e skipped: not all of ${PAGES.join(', ')} are in app.json yet`);

let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'points');
});

afterAll(async () => {
  await browser?.close();
});

(ready ? test : test.skip)('redeem in the mall → pickup code → staff scans it → 已领取', async () => {
  const GOODS = '面粉 2.5kg';
  const PRICE = 50;

  await phone.launch('demo-resident');
  await phone.tap('积分商城');
  await phone.waitForRoute('pages/points/mall/index');
  await phone.see(GOODS);
  const before = Number((await phone.screen.locator('#balance').textContent())?.trim());
  await phone.shot('resident-mall');

  await phone.tap(GOODS);
  await phone.waitForRoute('pages/points/goods/index');
  await phone.shot('resident-goods');
  await phone.tap('立即兑换');
  await phone.answerModal('确认兑换', '确认兑换');
  await phone.toast(new RegExp(`^兑换成功，剩余 ${before - PRICE} 积分$`));
  await phone.waitForRoute('pages/points/orders/index');
  const order = phone.screen.locator('[id^="order-"]', { hasText: GOODS }).first();
  await order.getByText('待领取', { exact: true }).waitFor();
  const code = ((await order.locator('[id^="code-"]').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^\d{8}$/);
  const qr = await scanCanvas(order.locator('canvas'));
  expect(qr).toContain(code);
  await phone.shot('resident-pickup-code');

  // 陈书记 at the service desk: 社区工作台 → 兑换核销 → 扫码核销, pointing the "camera" at that code.
  await phone.switchAccount('demo-staff');
  await phone.tab('我的');
  await phone.tap('社区工作台');
  await phone.tap('兑换核销');
  await phone.waitForRoute('package-staff/pages/points-verify/index');
  await phone.shot('staff-verify');
  await phone.tap('扫码核销');
  await phone.page.locator('.hl-modal__input').waitFor();
  await phone.shot('staff-scan-prompt');
  await phone.scan(qr);
  await phone.see('核销成功，请发放商品');
  await phone.see(`${GOODS} × 1`);
  await phone.shot('staff-verified');

  // The resident sees it handed over, and the price gone from the balance.
  await phone.switchAccount('demo-resident');
  await phone.openPage('pages/points/orders/index');
  await phone.tap('已领取', phone.screen.locator('#tabs'));
  await phone.screen.locator('[id^="order-"]', { hasText: GOODS }).first().getByText('已领取', { exact: true }).waitFor();
  expect(Number((await phone.screen.locator('#balance').textContent())?.trim())).toBe(before - PRICE);
  await phone.shot('resident-order-redeemed');

  expect(phone.errors).toEqual([]);
});
