/**
 * 议事协商 end to end, as people use the preview: a resident of 3幢 proposes a pavilion (凉亭) for
 * their building; two neighbours co-sign it and it opens for comments; 陈书记 holds the 阳光议事会
 * and opens a household vote; the households vote (a second resident of a household finds it has
 * voted); she closes the vote, publishes the decision and turns it into a project, which the
 * residents see on the topic's page.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const PAGES = ['pages/council/topics/index', 'pages/council/topic/index', 'pages/council/propose/index', 'package-staff/pages/council-topic/index'];
const ready = hasPages(...PAGES);
if (!ready) console.warn(`council e2e skipped: not all of ${PAGES.join(', ')} are in app.json yet`);

let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'council');
});

afterAll(async () => {
  await browser?.close();
});

/** A resident of 第一网格's 3幢 at `room`, named. */
async function neighbour(name: string, room: string): Promise<string> {
  const openid = `e2e-council-${randomBytes(4).toString('hex')}`;
  await callFn('user', openid, { action: 'login', scene: 'c=beihai&g=g1' });
  await callFn('user', openid, { action: 'updateProfile', displayName: name });
  await callFn('user', openid, { action: 'chooseGrid', gridId: 'g_beihai_1', building: '3幢', room });
  return openid;
}

(ready ? test : test.skip)('propose → co-signed → meeting → household vote → result published → project', async () => {
  const title = `3幢门前建凉亭${randomBytes(2).toString('hex')}`;
  await callFn('council', 'demo-staff', { action: 'setCouncilRules', cosigners: 2 });
  const proposer = await neighbour('顾桂芳', '1单元101室');
  const [first, second, spouse] = await Promise.all([neighbour('沈建华', '1单元102室'), neighbour('陆小梅', '2单元201室'), neighbour('顾建国', '1单元101室')]);

  // The resident proposes for her building.
  await phone.launch(proposer, 'pages/council/propose/index');
  await phone.see(/有2位邻居联名后/);
  await phone.type('一句话说清楚，如：小区建一座凉亭', title);
  await phone.type('现在的情况、大家的想法', '楼下老人多，夏天没有乘凉的地方，想在门前空地建一座凉亭。');
  await phone.screen.getByPlaceholder(/^如：东侧空地/).fill('门前空地\n北侧绿地');
  await phone.idle();
  await phone.tap('本楼（3幢）');
  await phone.shot('resident-propose');
  await phone.tap('提交议题');
  await phone.waitForRoute('pages/council/topic/index');
  await phone.see('已有0人联名，还差2人');
  await phone.shot('resident-proposed');
  const { items } = await callFn('council', proposer, { action: 'topics', stage: 'signing' });
  const id = items.find((t: { title: string }) => t.title === title).id as string;

  // Two neighbours co-sign: the second opens it for comments.
  await phone.launch(first, `pages/council/topic/index?id=${id}`);
  await phone.tap('我也联名');
  await phone.toast(/^已联名$/);
  await phone.see('已有1人联名，还差1人');
  await phone.launch(second, `pages/council/topic/index?id=${id}`);
  await phone.tap('我也联名');
  await phone.toast(/议题开始征集意见/);
  await phone.type('说说您的想法', '凉亭里最好放几张石凳。');
  await phone.tap('发表意见');
  await phone.toast(/^意见已提交$/);
  await phone.see('凉亭里最好放几张石凳。');
  await phone.shot('neighbour-commented');

  // 陈书记 holds the 阳光议事会 and opens the vote, one per household.
  await phone.launch('demo-staff', `package-staff/pages/council-topic/index?id=${id}`);
  await phone.type('如：社区党群服务中心', '社区党群服务中心');
  await phone.type('如：居民代表、网格员、物业、业委会', '3幢居民代表、网格员、物业');
  await phone.tap('保存协商会议');
  await phone.toast(/^协商会议已保存$/);
  await phone.type('如：30', '2');
  await phone.shot('staff-open-vote');
  await phone.tap('开始表决');
  await phone.toast(/^表决已开始$/);

  // The households vote; the proposer's husband finds their household has voted.
  await phone.launch(proposer, `pages/council/topic/index?id=${id}`);
  await phone.see('以本户（3幢1单元101室）投票');
  await phone.shot('resident-vote');
  await phone.tap('门前空地');
  await phone.toast(/^已投“门前空地”$/);
  await phone.see('本户已投票');
  await phone.launch(spouse, `pages/council/topic/index?id=${id}`);
  await phone.see('本户已投票');
  expect(await phone.screen.getByText('北侧绿地', { exact: true }).count()).toBe(0);
  await phone.launch(first, `pages/council/topic/index?id=${id}`);
  await phone.tap('门前空地');
  await phone.launch(second, `pages/council/topic/index?id=${id}`);
  await phone.tap('北侧绿地');

  // She closes the vote, publishes the decision and turns it into a project.
  await phone.launch('demo-staff', `package-staff/pages/council-topic/index?id=${id}`);
  await phone.tap('结束表决并计票');
  await phone.see('3户参加表决，“门前空地”获得通过');
  await phone.type('社区的决定，如：在小区东侧空地建凉亭，年内完工', '在3幢门前空地建凉亭，放置石凳，年内完工。');
  await phone.tap('公示');
  await phone.toast(/^结果已公示$/);
  await phone.tap('绿化养护');
  await phone.tap('转为项目');
  await phone.toast(/^已转为项目，列入项目清单$/);
  await phone.see(/筹备中/);
  await phone.shot('staff-implemented');

  // The residents read what was decided, by how many, and what became of it.
  await phone.launch(spouse, `pages/council/topic/index?id=${id}`);
  await phone.see('3户参加表决，“门前空地”获得通过');
  await phone.see('在3幢门前空地建凉亭，放置石凳，年内完工。');
  await phone.see(/已转为项目.*筹备中/);
  await phone.shot('resident-result');
  const { items: projects } = await callFn('lists', 'demo-staff', { action: 'projects', status: 'planned' });
  expect(projects.map((p: { title: string }) => p.title)).toContain(title);
  expect(phone.errors).toEqual([]);
});
