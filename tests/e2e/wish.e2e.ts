/**
 * 微心愿 from wish to points, as four people use the preview: the resident publishes a wish with a
 * photo, 陈书记 approves it, the volunteer claims it and hands in proof, the resident confirms, and
 * the volunteer sees the award on the points page.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'wish');
});

afterAll(async () => {
  await browser?.close();
});

const POINTS_PAGE = 'pages/points/index/index';

/** The volunteer's balance as the points page shows it (or, before that page exists, as the points function says). */
async function volunteerBalance(): Promise<number> {
  if (!hasPages(POINTS_PAGE)) return (await callFn<{ balance: number }>('points', 'demo-volunteer', { action: 'balance' })).balance;
  await phone.openPage(POINTS_PAGE);
  const text = (await phone.screen.locator('#balance').textContent()) ?? '';
  return Number(text.trim());
}

test('publish → approve → claim → proof → confirm → the volunteer sees the points', async () => {
  const title = `楼道灯坏了请帮忙换灯泡${Date.now() % 100000}`;

  // The resident opens the mini-program on the home page of her community.
  await phone.launch('demo-resident');
  await phone.see('北海社区');
  await phone.see('王桂英');
  await phone.shot('resident-home');

  await phone.tap('点亮微心愿');
  await phone.waitForRoute('pages/wish/wall/index');
  await phone.shot('resident-wall');

  await phone.tap('发布心愿');
  await phone.waitForRoute('pages/wish/publish/index');
  await phone.type('一句话说清楚，如：想要一台助行器', title);
  await phone.type('说说需要什么帮助、什么时候方便', '楼道和厨房的灯坏了，我腿脚不便，晚上看不清，想请人帮忙换一下。');
  await phone.tap('维修帮办');
  await phone.addPhoto();
  await phone.screen.locator('#photos wx-image').first().waitFor();
  await phone.shot('resident-publish');

  await phone.tap('发布心愿');
  await phone.answerModal('发布成功', '通知我');
  await phone.waitForRoute('pages/wish/detail/index');
  await phone.see(title);
  await phone.see('待审核');
  const id = new URL(phone.page.url()).hash.match(/id=([^&]+)/)?.[1];
  expect(id).toBeTruthy();
  await phone.shot('resident-wish-pending');

  // 陈书记 takes the phone: 我的 → 社区工作台 → 心愿审核, and approves.
  await phone.switchAccount('demo-staff');
  await phone.tab('我的');
  await phone.tap('社区工作台');
  await phone.waitForRoute('package-staff/pages/console/index');
  await phone.shot('staff-console');
  await phone.tap('心愿审核');
  await phone.waitForRoute('package-staff/pages/wish-review/index');
  const card = phone.screen.locator('#cards > *', { hasText: title });
  await card.waitFor();
  await phone.shot('staff-review');
  await phone.tap('通过', card);
  await phone.toast(/^已通过，心愿已上墙$/);
  await card.waitFor({ state: 'detached' });
  await phone.shot('staff-approved');

  // The volunteer: the balance first, then the wall, the wish, 我来认领.
  await phone.switchAccount('demo-volunteer');
  const before = await volunteerBalance();
  await phone.shot('volunteer-points-before');
  await phone.tab('心愿墙');
  await phone.see(title);
  await phone.shot('volunteer-wall');
  await phone.tap(title);
  await phone.waitForRoute('pages/wish/detail/index');
  await phone.see('待认领');
  await phone.tap('我来认领');
  await phone.answerModal('认领心愿', '确认认领');
  await phone.see('已认领');
  // While the claim is live the volunteer reaches 王桂英: her name (she kept her number to herself).
  await phone.see('联系居民');
  await phone.see('王桂英');
  await phone.see('居民未提供电话');
  await phone.shot('volunteer-claimed');

  await phone.tap('提交完成凭证');
  const form = phone.screen.locator('#form');
  await form.locator('textarea').fill('已换好两个灯泡，试过都能亮。');
  await phone.addPhoto('添加照片', form);
  await form.locator('wx-image').first().waitFor();
  await phone.shot('volunteer-proof');
  await phone.tap('提交凭证', form);
  await phone.see('待确认');
  await phone.see('已换好两个灯泡，试过都能亮。');
  await phone.shot('volunteer-proof-sent');

  // The resident confirms from 我的心愿.
  await phone.switchAccount('demo-resident');
  await phone.tab('我的');
  await phone.tap('我的心愿');
  await phone.waitForRoute('pages/wish/mine/index');
  await phone.tap(title);
  await phone.waitForRoute('pages/wish/detail/index');
  await phone.see('已换好两个灯泡，试过都能亮。');
  await phone.shot('resident-proof');
  await phone.tap('确认完成');
  await phone.answerModal('确认完成', '确认完成');
  const toast = await phone.toast(/志愿者获得\d+积分/);
  const awarded = Number(toast.match(/志愿者获得(\d+)积分/)?.[1]);
  expect(awarded).toBeGreaterThan(0);
  await phone.see('已点亮');
  await phone.shot('resident-confirmed');

  // The volunteer's points page carries the award.
  await phone.switchAccount('demo-volunteer');
  expect(await volunteerBalance()).toBe(before + awarded);
  if (hasPages(POINTS_PAGE)) {
    await phone.see(`完成微心愿：${title}`);
    await phone.shot('volunteer-points-after');
  }

  expect(phone.errors).toEqual([]);
}, 180_000);
