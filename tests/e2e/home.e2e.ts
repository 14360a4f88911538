/**
 * 首页 as three people see it in the preview: 王桂英 with her own business (我的待办) and the
 * community's notices, 李建华 the volunteer with a claim and the wishes of his grid, 陈书记 with
 * the queues that wait for staff.
 */
import { afterAll, beforeAll, test } from '@jest/globals';
import { callFn, cloudUrl } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'home');
});

afterAll(async () => {
  await browser?.close();
});

test('a resident, a volunteer and staff each see their own first screen', async () => {
  // A wish of 王桂英's, claimed by 李建华: hers to follow, his to finish.
  const { wish } = await callFn('wish', 'demo-resident', { action: 'publish', title: '想请人帮忙换个厨房灯泡', content: '灯泡坏了，够不着。', category: '维修帮办' });
  await callFn('wish', 'demo-staff', { action: 'review', id: wish.id, approve: true });
  await callFn('wish', 'demo-volunteer', { action: 'claim', id: wish.id });

  await phone.launch('demo-resident', 'pages/home/index');
  await phone.see('心愿已被认领');
  await phone.see('“点亮微心愿”征集中');
  await phone.shot('resident');

  await phone.switchAccount('demo-volunteer');
  await phone.openPage('pages/home/index');
  await phone.see('我认领的心愿');
  await phone.shot('volunteer');

  await phone.switchAccount('demo-staff');
  await phone.openPage('pages/home/index');
  await phone.see('心愿待审核');
  await phone.shot('staff');
  await phone.tap('进入工作台');
  await phone.waitForRoute('package-staff/pages/console/index');
});
