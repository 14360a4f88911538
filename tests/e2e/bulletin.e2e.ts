/**
 * 通知公告 in the preview: 陈书记 publishes a 停电 notice from the console with a picture, lands on
 * its 阅读情况; 王桂英 finds it in 通知公告, unread, and opens it with its picture.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const ready = hasPages('package-staff/pages/bulletin-edit/index', 'pages/bulletin/list/index');
let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'bulletin');
});

afterAll(async () => {
  await browser?.close();
});

const TITLE = '周二范公路沿街临时停电';

(ready ? test : test.skip)('staff publish a notice with a picture; a resident reads it', async () => {
  await phone.launch('demo-staff', 'package-staff/pages/console/index');
  await phone.tap('发布通知');
  await phone.waitForRoute('package-staff/pages/bulletin-edit/index');
  await phone.type('如：本周六停水通知', TITLE);
  await phone.type('时间、范围、要居民做什么、联系电话', '因线路检修，周二9:00至12:00范公路沿街商铺停电，请提前做好准备。');
  await phone.addPhoto('＋ 添加图片');
  await phone.shot('staff-publish');
  await phone.tap('发布');
  await phone.waitForRoute('package-staff/pages/bulletin-reads/index');
  await phone.see('共 0 人已读');
  await phone.shot('staff-reads');

  await phone.switchAccount('demo-resident');
  await phone.openPage('pages/bulletin/list/index');
  await phone.see(TITLE);
  expect(await phone.screen.locator('#items').textContent()).toContain(`未读${TITLE}`);
  await phone.screen.getByText(TITLE).first().click();
  await phone.waitForRoute('pages/bulletin/detail/index');
  expect(await phone.screen.locator('#images image, #images img').count()).toBeGreaterThan(0);
  await phone.shot('resident-bulletin');
  expect(phone.errors).toEqual([]);
});
