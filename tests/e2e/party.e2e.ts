/**
 * 社区吹哨、党员报到 end to end, as people use the preview: a party member registers (双报到),
 * 陈书记 confirms; she blows a whistle for 平安巡逻; the member answers 报到, checks in on site by
 * typing the 6 digits the 现场签到 page shows (its QR reads the same code); 陈书记 closes it and
 * the member finds it counted in their 年度双报告.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';
import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

const PAGES = [
  'pages/party/register/index',
  'pages/party/callouts/index',
  'pages/party/report/index',
  'package-staff/pages/party-registrations/index',
  'package-staff/pages/party-callouts/index',
  'package-staff/pages/party-callout-edit/index',
  'package-staff/pages/party-callout-site/index',
];
const ready = hasPages(...PAGES);
if (!ready) console.warn(`party e2e skipped: not all of ${PAGES.join(', ')} are in app.json yet`);

let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'party');
});

afterAll(async () => {
  await browser?.close();
});

/** Reads the QR off a canvas, scaled down first in the page: a camera needs no more than 240 px. */
async function scanSmall(canvas: Locator): Promise<string> {
  const SIZE = 240;
  const data = await canvas.evaluate((node, size) => {
    const small = document.createElement('canvas');
    small.width = size;
    small.height = size;
    const ctx = small.getContext('2d')!;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(node as HTMLCanvasElement, 0, 0, size, size);
    return Array.from(ctx.getImageData(0, 0, size, size).data);
  }, SIZE);
  const found = jsQR(Uint8ClampedArray.from(data), SIZE, SIZE);
  if (!found) throw new Error('no QR code readable on the 现场签到 page');
  return found.data;
}

/** Sets a `<picker mode="time">` through the preview's sheet. */
async function pickTime(selector: string, value: string): Promise<void> {
  await phone.screen.locator(selector).click();
  await phone.page.locator('.hl-form-sheet__input').fill(value);
  await phone.page.locator('.hl-form-sheet__ok').click();
  await phone.idle();
}

(ready ? test : test.skip)('register → confirmed → whistle → 报到 → 现场签到 by code → closed → counted in 双报告', async () => {
  const member = `e2e-party-${randomBytes(4).toString('hex')}`;
  const name = '顾先锋';
  const title = `楼道消防检查${randomBytes(2).toString('hex')}`;
  await callFn('user', member, { action: 'login', scene: 'c=beihai' });
  await callFn('user', member, { action: 'updateProfile', displayName: name });

  // 双报到: the member's form.
  await phone.launch(member, 'pages/party/register/index');
  await phone.type('如：东台市供电公司第一党支部', '东台市实验小学党支部');
  await phone.type('如：国网东台市供电公司', '东台市实验小学');
  await phone.tap('平安巡逻', phone.screen.locator('#posts'));
  await phone.type('社区联系您用，只给社区工作人员看', '13905150123');
  await phone.shot('member-register');
  await phone.tap('提交报到');
  await phone.see('已提交，等待社区确认。修改后再次提交即可更新。');
  await phone.shot('member-registered');

  // 陈书记 confirms it.
  await phone.launch('demo-staff', 'package-staff/pages/party-registrations/index');
  const card = phone.screen.locator('[id^="item-"]', { hasText: `${name} · 在职党员` });
  await card.waitFor();
  await phone.shot('staff-registrations');
  await phone.tap('确认报到', card);
  await phone.toast(/已确认/);

  // …and blows a whistle for 平安巡逻 under way now (Shanghai time) until the day's end.
  await phone.launch('demo-staff', 'package-staff/pages/party-callouts/index');
  await phone.screen.getByText('吹哨', { exact: true }).first().click();
  await phone.waitForRoute('package-staff/pages/party-callout-edit/index');
  await phone.type('如：夜间平安巡逻', title);
  await phone.type('如：北海花园北门', '海晏花园5幢');
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const hour = shanghai.getUTCHours();
  await pickTime('#from-text', hour >= 1 ? `${String(hour - 1).padStart(2, '0')}:00` : '00:00');
  await pickTime('#to-text', '23:59');
  await phone.tap('平安巡逻', phone.screen.locator('#posts'));
  await phone.tap('看看可通知哪些人 ›');
  await phone.see(new RegExp(`${name}（党员） · 岗位：平安巡逻`));
  await phone.shot('staff-whistle-audience');
  // The button at the form's foot (the page is titled 吹哨 too).
  await phone.screen.getByText('吹哨', { exact: true }).last().click();
  await phone.toast(/^已吹哨$/);
  await phone.waitForRoute('package-staff/pages/party-callouts/index');

  // The member answers 报到.
  await phone.launch(member, 'pages/party/callouts/index');
  const item = phone.screen.locator('[id^="item-"]', { hasText: title });
  await item.waitFor();
  await phone.tap('报到', item);
  await phone.toast(/^已报到，请按时到达$/);
  await phone.shot('member-answered');

  // On site 陈书记 shows the code; its QR reads the same digits.
  await phone.launch('demo-staff', 'package-staff/pages/party-callouts/index');
  const staffItem = phone.screen.locator('[id^="item-"]', { hasText: title });
  await staffItem.waitFor();
  await phone.tap('现场签到 ›', staffItem);
  await phone.waitForRoute('package-staff/pages/party-callout-site/index');
  const code = ((await phone.screen.locator('#code').textContent()) ?? '').trim();
  expect(code).toMatch(/^\d{6}$/);
  expect(await scanSmall(phone.screen.locator('#site-qr canvas'))).toMatch(new RegExp(`^hl-callout:co_\\w+\\?k=${code}$`));
  await phone.see('已报到 1/10 人');
  await phone.see('已签到 0 人');
  await phone.shot('staff-site-code');

  // The member types the code.
  await phone.launch(member, 'pages/party/callouts/index');
  const mine = phone.screen.locator('[id^="item-"]', { hasText: title });
  await mine.waitFor();
  await phone.tap('现场签到', mine);
  await phone.type('如 123456', code);
  await phone.shot('member-code-typed');
  await phone.tap('签到', mine);
  await phone.toast(/^签到成功$/);
  await mine.getByText(/^已签到 今天 \d\d:\d\d$/).waitFor();
  await phone.shot('member-checked-in');

  // 陈书记 sees the arrival and closes the call-out.
  await phone.launch('demo-staff', 'package-staff/pages/party-callouts/index');
  const closing = phone.screen.locator('[id^="item-"]', { hasText: title });
  await closing.getByText('已签到 1 人', { exact: true }).waitFor();
  await phone.tap('查看名单 ›', closing);
  await phone.see(`${name}（党员） · 报到`);
  await phone.type('结束说明，如：巡逻结束，未发现隐患', '检查完毕，更换灭火器2个');
  await phone.shot('staff-closing');
  await phone.tap('结束并记积分', closing);
  await phone.toast(/^已结束，1人记积分$/);

  // The member's 双报告 counts it.
  await phone.launch(member, 'pages/party/report/index');
  await phone.screen.locator('#figure-callouts').getByText('1 次', { exact: true }).waitFor();
  await phone.see(`${name} ${shanghai.getUTCFullYear()}年度报告`);
  await phone.shot('member-report');

  expect(phone.errors).toEqual([]);
});
