/**
 * 社区工作台 on a weak 360 px phone: 陈书记 sees every entry grouped by what she does, with what
 * waits in each queue; a request raised while she is away shows on the ticket queue when she is back.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const ready = hasPages('package-staff/pages/console/index', 'package-staff/pages/members/index');
let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'console');
});

afterAll(async () => {
  await browser?.close();
});

const badge = (key: string) => phone.screen.locator(`#badge-${key}`);

(ready ? test : test.skip)('the console at 360 px: grouped entries with their counts, moved by a new request', async () => {
  await phone.launch('demo-staff', 'package-staff/pages/console/index', { width: 360 });
  await phone.see('工单派单');
  for (const group of ['审核', '派单', '核销', '服务台', '清单', '设置']) await phone.see(group);
  const { counts } = await callFn('user', 'demo-staff', { action: 'workbench' });
  const before = counts.ticketsToDispatch as number;
  const shown = (n: number) => (n > 99 ? '99+' : String(n));
  if (before > 0) expect(await badge('ticketQueue').textContent()).toBe(shown(before));
  await phone.shot('console-360');

  await callFn('lists', 'demo-resident', { action: 'submitRequest', category: '水电维修', title: '楼下水管漏水', detail: '一楼水管一直在漏，请派人看看。' });
  await phone.tap('成员管理');
  await phone.see('生成邀请码');
  await phone.shot('members-360');
  await phone.page.locator('.hl-nav__back').click();
  await phone.idle();
  expect(await badge('ticketQueue').textContent()).toBe(shown(before + 1));
  expect(phone.errors).toEqual([]);
});
