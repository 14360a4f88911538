/**
 * 集单—派单—接单—评单, as four people use the preview: 王桂英 reports a problem from 首页, 陈书记
 * dispatches it from 工单派单 to 周海燕 (the grid worker of 王桂英's grid) as 简单, 周海燕 accepts it
 * in 我的任务 and resolves it with a note, 王桂英 rates it 5 stars from 我的诉求; then 陈书记 runs
 * 智能匹配 on the demo needs and resources and looks at 办结统计.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const PAGES = [
  'pages/lists/request/index',
  'pages/lists/ticket/index',
  'pages/lists/mine/index',
  'pages/lists/tasks/index',
  'package-staff/pages/ticket-queue/index',
  'package-staff/pages/lists-match/index',
  'package-staff/pages/lists-stats/index',
];
const ready = hasPages(...PAGES);
if (!ready) console.warn(`lists e2e skipped: not all of ${PAGES.join(', ')} are in app.json yet`);

/** What a deadline badge says: the time left, or that it is late. */
const BADGE = /^(剩 \d+ 小时|剩不到 1 小时|今天到期|明天到期|剩 \d+ 天|已超时)$/;

let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'lists');
});

afterAll(async () => {
  await browser?.close();
});

const text = async (selector: string): Promise<string> => ((await phone.screen.locator(selector).first().textContent()) ?? '').trim();

(ready ? test : test.skip)('我要反映 → 派单 → 接单 → 办结 → 评价; 智能匹配 and 办结统计', async () => {
  const title = `楼道灯坏了${Date.now() % 100000}`;
  const note = '已更换3楼和4楼的灯泡，晚上试过都能亮。';

  // 王桂英 reports it from 首页.
  await phone.launch('demo-resident');
  await phone.see('王桂英');
  await phone.tap('我要反映');
  await phone.waitForRoute('pages/lists/request/index');
  await phone.type('一句话说清楚，如：楼道灯坏了', title);
  await phone.type('在哪里、从什么时候开始、影响到谁', '2单元3楼到5楼的灯都不亮，晚上上下楼看不见，老人怕摔。');
  await phone.tap('水电维修', phone.screen.locator('#categories'));
  await phone.screen.getByText('遇到了什么问题', { exact: true }).scrollIntoViewIfNeeded();
  await phone.shot('resident-request');
  await phone.tap('提交');
  await phone.answerModal('已提交', '不用了');
  await phone.waitForRoute('pages/lists/ticket/index');
  await phone.see(title);
  expect(await text('#status')).toBe('已收到');
  expect(await text('#assignee')).toBe('办理人：社区正在安排');
  expect(await text('#kind-rule')).toContain('24小时内办结');
  expect(await text('#badge')).toMatch(BADGE);
  const id = new URL(phone.page.url()).hash.match(/id=([^&]+)/)?.[1];
  expect(id).toBeTruthy();
  await phone.shot('resident-ticket-submitted');

  // 陈书记: 我的 → 社区工作台 → 工单派单, the ticket among 待派单, to the grid's worker as 简单.
  await phone.switchAccount('demo-staff');
  await phone.tab('我的');
  await phone.tap('社区工作台');
  await phone.waitForRoute('package-staff/pages/console/index');
  await phone.see('三张清单');
  await phone.tap('工单派单');
  await phone.waitForRoute('package-staff/pages/ticket-queue/index');
  // Classes carry the page's prefix in the preview, hence [class*=].
  expect(await text('#tabs [class*="tab-on"]')).toBe('待派单');
  const queued = phone.screen.locator(`#ticket-${id}`);
  await queued.waitFor();
  expect(await queued.textContent()).toContain('水电维修');
  expect(await text(`#status-${id}`)).toBe('待派单');
  await phone.tap('派单', queued);
  await phone.see('简单 · 24小时办结');
  await phone.tap('简单 · 24小时办结', queued);
  // 派给 the worker of 王桂英's grid, 周海燕, as the page names her.
  const worker = queued.locator('#assignees > *', { hasText: '网格员 周海燕' });
  await worker.click();
  await phone.idle();
  expect(await worker.getAttribute('class')).toContain('chip-on');
  await phone.shot('staff-dispatch');
  await phone.tap('确认派单', queued);
  await phone.toast(/^已派单，办理人会收到通知$/);
  await queued.waitFor({ state: 'detached' });
  await phone.tap('办理中', phone.screen.locator('#tabs'));
  await phone.screen.locator(`#ticket-${id}`).waitFor();
  expect(await text(`#assignee-${id}`)).toBe('办理人：网格员 周海燕');
  expect(await text(`#status-${id}`)).toBe('待接单');
  await phone.shot('staff-dispatched');

  // 周海燕: 我的 → 我的任务, the task with its deadline, 接单, then 办结 on its page.
  await phone.switchAccount('demo-gridworker');
  await phone.tab('我的');
  await phone.tap('我的任务');
  await phone.waitForRoute('pages/lists/tasks/index');
  const task = phone.screen.locator(`#task-${id}`);
  await task.waitFor();
  expect(await text(`#badge-${id}`)).toMatch(BADGE);
  expect(await text(`#due-${id}`)).toMatch(/须于.+办结/);
  expect(await text(`#status-${id}`)).toBe('待接单');
  await phone.shot('worker-tasks');
  await phone.tap('接单', task);
  expect(await phone.toast(/^已接单/)).toMatch(/^已接单，须于.+办结$/);
  await phone.screen.getByText('去办结', { exact: true }).first().waitFor();
  expect(await text(`#status-${id}`)).toBe('办理中');
  await phone.tap(title, task);
  await phone.waitForRoute('pages/lists/ticket/index');
  expect(await text('#status')).toBe('办理中');
  await phone.tap('办结', phone.screen.locator('#actions'));
  const form = phone.screen.locator('#form');
  await form.locator('textarea').fill(note);
  await phone.idle();
  await form.scrollIntoViewIfNeeded();
  await phone.shot('worker-resolve');
  await phone.tap('提交办结', form);
  await phone.toast(/^已办结，等待居民评价$/);
  await phone.see('待评价');
  expect(await text('#resolution-note')).toBe(note);
  await phone.shot('worker-resolved');

  // 王桂英: 我的 → 我的诉求, opens it, 5 stars.
  await phone.switchAccount('demo-resident');
  await phone.tab('我的');
  await phone.tap('我的诉求');
  await phone.waitForRoute('pages/lists/mine/index');
  await phone.screen.locator(`#item-${id}`).waitFor();
  expect(await text(`#status-${id}`)).toBe('已办好，请评价');
  expect(await text(`#rate-hint-${id}`)).toBe('去评价 ›');
  await phone.tap(title);
  await phone.waitForRoute('pages/lists/ticket/index');
  await phone.see(note);
  await phone.tap('评价', phone.screen.locator('#actions'));
  await phone.screen.locator('#star-5').click();
  await phone.idle();
  expect(await text('#star-word')).toBe('非常满意');
  await phone.screen.locator('#form textarea').fill('网格员来得快，灯都修好了');
  await phone.idle();
  await phone.tap('提交评价', phone.screen.locator('#form'));
  expect(await phone.toast(/^感谢评价/)).toMatch(/^感谢评价，办理人获得\d+积分$/);
  await phone.see('已办结');
  expect(await text('#rating')).toContain('★★★★★');
  expect(await text('#rating')).toContain('非常满意');
  expect(await text('#rating')).toContain('网格员来得快，灯都修好了');
  expect(await text('#points')).toMatch(/^办理人获得 \d+ 积分$/);
  await phone.shot('resident-rated');

  // 陈书记: 智能匹配 on the demo community's needs and resources, each suggestion explained.
  await phone.switchAccount('demo-staff');
  await phone.tab('我的');
  await phone.tap('社区工作台');
  await phone.tap('智能匹配');
  await phone.waitForRoute('package-staff/pages/lists-match/index');
  await phone.tap('开始匹配');
  await phone.see('匹配完成', 60_000);
  await phone.see('匹配建议');
  expect(Number(await text('#matched'))).toBeGreaterThan(0);
  expect(await text('#headline')).toMatch(/^为 \d+ 条待对接需求中的 \d+ 条找到了资源$/);
  const suggestions = phone.screen.locator('#items > *');
  expect(await suggestions.count()).toBeGreaterThan(0);
  const first = suggestions.first();
  expect(await first.textContent()).toMatch(/建议由 .+ 承接/);
  const why = ((await first.locator('[id^="why-"]').textContent()) ?? '').trim();
  // Reasons in words (同网格 · 技能匹配 · 已等待5天), no codes or ids.
  expect(why).toMatch(/[\u4e00-\u9fff]/);
  expect(why).not.toMatch(/[A-Za-z_]/);
  await phone.shot('staff-match');

  // 办结统计: the figures of the community, this ticket among them.
  await phone.page.locator('.hl-nav__back').click();
  await phone.waitForRoute('package-staff/pages/console/index');
  await phone.tap('办结统计');
  await phone.waitForRoute('package-staff/pages/lists-stats/index');
  await phone.see('全社区工单');
  expect(Number((await text('#overall-counts')).match(/已办结\s*(\d+)/)?.[1])).toBeGreaterThan(0);
  expect(await text('#overall-ontime')).toMatch(/\d+(\.\d+)?%|—/);
  expect(await text('#overall-satisfaction')).toMatch(/\d+(\.\d+)?%/);
  await phone.shot('staff-stats');

  expect(phone.errors).toEqual([]);
}, 180_000);
