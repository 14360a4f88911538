/**
 * 单位主页 at 360 px: 孙医生 of 东台市人民医院 goes from 我的 to the unit's page — the projects it may
 * claim, the needs its 义诊 fits, its goods, the year and who verifies — and claims a project; then
 * 王桂英 reads the pinned 停水 notice on 首页 and answers 确认收到.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const ready = hasPages('pages/party/unit-portal/index', 'pages/bulletin/detail/index');
const NARROW = { width: 360 };
let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'unit-portal');
  // The hospital registers as a co-building unit through its contact, and the community confirms it.
  const { registration } = await callFn('party', 'demo-unit', {
    action: 'register',
    kind: 'unit',
    branch: '东台市人民医院党委',
    phone: '13851234503',
    offers: [{ title: '党员医生上门义诊', category: '医疗义诊' }],
    commitments: [{ title: '每月上门为空巢老人义诊', target: 12, unit: '次' }],
  });
  await callFn('party', 'demo-staff', { action: 'confirm', id: registration.id });
});

afterAll(async () => {
  await browser?.close();
});

(ready ? test : test.skip)('a unit member reaches 单位主页 from 我的 on a 360 px phone and claims a project', async () => {
  await phone.launch('demo-unit', 'pages/user/me/index', NARROW);
  await phone.tap('单位主页');
  await phone.waitForRoute('pages/party/unit-portal/index');
  await phone.see('东台市人民医院');
  await phone.see('可认领的项目');
  await phone.shot('unit-portal');
  const title = '冷冻厂宿舍老旧小区加装电梯';
  const claimable = phone.screen.locator('#open-0');
  expect(await claimable.textContent()).toContain(title);
  await claimable.getByText('认领', { exact: true }).click();
  await phone.answerModal('认领项目', '认领');
  await phone.toast(/^已认领/);
  await phone.see(title);
  expect(await phone.screen.locator('#claimed-projects').textContent()).toContain(title);
  await phone.screen.locator('#verifiers').scrollIntoViewIfNeeded();
  await phone.shot('unit-portal-claimed');
  // Nothing is wider than the phone.
  const overflow = await phone.page.evaluate(() => {
    const screen = document.querySelector('#hl-phone') as HTMLElement;
    return screen.scrollWidth - screen.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  expect(phone.errors).toEqual([]);
});

(ready ? test : test.skip)('首页 shows the pinned 停水 notice; the resident opens it and answers 确认收到', async () => {
  await phone.launch('demo-resident', '', NARROW);
  await phone.see('本周六冷冻厂宿舍、海晏花园停水通知');
  await phone.shot('home-bulletin');
  await phone.screen.locator('#bulletin-open').click();
  await phone.waitForRoute('pages/bulletin/detail/index');
  await phone.tap('确认收到');
  await phone.see('您已确认收到');
  await phone.shot('bulletin-confirmed');
  expect(phone.errors).toEqual([]);
});
