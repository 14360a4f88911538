/**
 * A booking, as the resident and the staff use the preview: the resident books the first free slot
 * of a service and gets a booking code with its QR code; 陈书记 finds the booking on the day's
 * schedule and scans that QR code (read off the resident's screen) at the check-in desk.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';
import { scanCanvas } from './support/qr';

const PAGES = ['pages/booking/index/index', 'pages/booking/service/index', 'pages/booking/detail/index', 'package-staff/pages/booking-schedule/index'];
const ready = hasPages(...PAGES);
if (!ready) console.warn(`booking e2e skipped: not all of ${PAGES.join(', ')} are in app.json yet`);

let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'booking');
});

afterAll(async () => {
  await browser?.close();
});

(ready ? test : test.skip)('book a slot → booking code → staff finds it on the schedule and scans it', async () => {
  await phone.launch('demo-resident');
  await phone.tap('预约服务');
  await phone.waitForRoute('pages/booking/index/index');
  const services = phone.screen.locator('#services > *', { hasText: '预约 ›' });
  await services.first().waitFor();
  await phone.shot('resident-services');

  // The first service with a free slot in the days it shows (holidays close some of them).
  let time = '';
  let serviceName = '';
  for (let i = 0; i < (await services.count()) && !time; i++) {
    await services.nth(i).click();
    await phone.waitForRoute('pages/booking/service/index');
    serviceName = ((await phone.screen.locator('#name').textContent()) ?? '').trim();
    const days = phone.screen.locator('#days > *', { hasText: '可约' });
    for (let d = 0; d < (await days.count()) && !time; d++) {
      await days.nth(d).click();
      await phone.idle();
      const slot = phone.screen.locator('#slots > *', { hasText: /剩\d+个/ }).first();
      if (!(await slot.count())) continue;
      time = ((await slot.locator('> *').first().textContent()) ?? '').trim();
      await slot.click();
      await phone.idle();
    }
    if (!time) {
      await phone.page.locator('.hl-nav__back').click();
      await phone.waitForRoute('pages/booking/index/index');
    }
  }
  expect(time).toMatch(/^\d{2}:\d{2}/);
  await phone.see(`已选`);
  await phone.shot('resident-slot');

  await phone.tap('预约', phone.screen.locator('#bar'));
  await phone.answerModal('确认预约', '确认预约');
  await phone.answerModal('预约成功', '提醒我');
  await phone.waitForRoute('pages/booking/detail/index');
  expect((await phone.screen.locator('#service-name').textContent())?.trim()).toBe(serviceName);
  const when = ((await phone.screen.locator('#when').textContent()) ?? '').trim();
  // A friendly date and the slot as a range: 明天 08:30–09:00.
  const range = time.replace('-', '–');
  expect(when).toMatch(/^(今天|明天|(\d{4}年)?\d{1,2}月\d{1,2}日（周.）) /);
  expect(when).toContain(range);
  const code = ((await phone.screen.locator('#code').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^\d{8}$/);
  const qr = await scanCanvas(phone.screen.locator('#qr canvas'));
  expect(qr).toContain(code);
  await phone.shot('resident-booking');

  // 陈书记: 社区工作台 → 今日预约, then day by day to the booked one.
  await phone.switchAccount('demo-staff');
  await phone.tab('我的');
  await phone.tap('社区工作台');
  await phone.tap('今日预约');
  await phone.waitForRoute('package-staff/pages/booking-schedule/index');
  // The schedule's day as the booking shows it: `when` is that day followed by the time.
  const day = when.replace(range, '').trim();
  for (let i = 0; i < 31 && !((await phone.screen.locator('#date').textContent()) ?? '').includes(day); i++) {
    await phone.tap('后一天 ›');
  }
  expect(await phone.screen.locator('#date').textContent()).toContain(day);
  const row = phone.screen.locator('#groups [id^="row-"]', { hasText: time }).filter({ hasText: '王桂英' });
  await row.first().waitFor();
  expect(await row.first().textContent()).toContain('已预约');
  await phone.shot('staff-schedule');

  // At the desk, the resident's code is scanned: recognised, and answered by the server (checked
  // in, or told when check-in opens if the slot is not about to start).
  await phone.tap('扫码签到');
  await phone.scan(qr);
  const answer = phone.screen.locator('#done, #refusal');
  await answer.first().waitFor();
  expect(await answer.first().textContent()).toMatch(/已签到|签到时间/);
  await phone.shot('staff-scanned');

  expect(phone.errors).toEqual([]);
});
