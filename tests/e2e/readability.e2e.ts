/**
 * Readable by a 70-year-old: every page of the main package opened in the preview, in the standard
 * look and in 长辈模式 (on a 375 px phone, and its minimum on a 360 px one), measuring every
 * visible text's rendered size and its contrast against what is behind it, and in 长辈模式 every
 * tappable element's height. Fails listing the offenders (page, element, measured vs required).
 * Screenshots of home, wish wall, wish detail, points mall, booking and 我的 in both looks go to
 * artifacts/e2e/readability/ for before/after.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { appPages, callFn, cloudUrl } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';
import { MINOR_CLASS, PREVIEW_ONLY, SECONDARY_CLASS, measurePage, type Offender, type Rules } from './support/readability';

const RESIDENT = 'demo-resident';
/** 我的任务 lists what is dispatched to its reader: a grid worker's; 随手拍 and 网格任务 are theirs too. */
const WORKER = 'demo-gridworker';
const WORKER_PAGES = ['pages/lists/tasks/index', 'pages/party/snap/index', 'pages/party/gridtasks/index'];
/** 单位主页 is a co-building unit member's. */
const UNIT = 'demo-unit';
const UNIT_PAGES = ['pages/party/unit-portal/index'];
const STAFF = 'demo-staff';

interface Look {
  name: string;
  elder: boolean;
  width: number;
  rules: Rules;
}

/** DESIGN.md §7: default body ≥ 17, hints ≥ 15; 长辈模式 body ≥ 20 (≥ 18 at 360 px), secondary ≥ 17, nothing < 16, contrast 4.5 (body 7), targets ≥ 48. */
const LOOKS: Look[] = [
  { name: 'standard', elder: false, width: 375, rules: { body: 17, secondary: 15, minor: 15, contrastAll: 4.5, contrastBody: 4.5, target: 0 } },
  { name: 'elder', elder: true, width: 375, rules: { body: 20, secondary: 17, minor: 16, contrastAll: 4.5, contrastBody: 7, target: 48 } },
  { name: 'elder-360', elder: true, width: 360, rules: { body: 18, secondary: 16, minor: 16, contrastAll: 4.5, contrastBody: 7, target: 48 } },
];

/** The pages photographed in both looks, by route. */
const SHOTS: Record<string, string> = {
  'pages/home/index': 'home',
  'pages/wish/wall/index': 'wish-wall',
  'pages/wish/detail/index': 'wish-detail',
  'pages/points/mall/index': 'points-mall',
  'pages/booking/index/index': 'booking',
  'pages/user/me/index': 'me',
};

interface Visit {
  route: string;
  query: string;
  openid: string;
}

let browser: Browser;
let phone: Phone;
let visits: Visit[] = [];

const rid = () => `rd-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Real ids from the demo community, made the way residents make them where the quiet seed has none. */
async function demoIds(): Promise<Record<string, string>> {
  const { wish } = await callFn('wish', RESIDENT, { action: 'publish', title: '想请人帮忙换个灯泡', content: '厨房的灯泡坏了，我够不着，想请志愿者帮忙换一下。', category: '维修帮办', requestId: rid() });
  await callFn('wish', 'demo-staff', { action: 'review', id: wish.id, approve: true, requestId: rid() });
  const places = await callFn('map', RESIDENT, { action: 'places' });
  const goods = await callFn('points', RESIDENT, { action: 'goods' });
  const services = await callFn('booking', RESIDENT, { action: 'services' });
  const appointment = services.items.find((s: any) => s.kind === 'appointment');
  const errand = services.items.find((s: any) => s.kind !== 'appointment');
  const { days } = await callFn('booking', RESIDENT, { action: 'slots', serviceId: appointment.id });
  const slot = days.flatMap((d: any) => d.slots).find((s: any) => s.status === 'open' && s.left > 0);
  const { booking } = await callFn('booking', RESIDENT, { action: 'book', slotId: slot.id, requestId: rid() });
  const { ticket } = await callFn('lists', RESIDENT, { action: 'submitRequest', category: '水电维修', title: '厨房水龙头一直滴水', detail: '关紧了还是滴，晚上听得见。', requestId: rid() });
  const { topic } = await callFn('council', 'demo-staff', { action: 'propose', title: '小区东侧空地建凉亭', background: '老人们希望有个遮阳避雨、下棋聊天的地方。', options: ['东侧空地', '北门花园'], area: { scope: 'community' }, requestId: rid() });
  await callFn('council', 'demo-staff', { action: 'openVote', id: topic.id, options: ['东侧空地', '北门花园'], ballot: 'secret', quorum: 30, threshold: 50, closesAt: Date.now() + 86400_000, requestId: rid() });
  const questions = [
    { kind: 'single', title: '您平时在哪里吃午饭', options: ['自己做', '子女送', '社区食堂'] },
    { kind: 'scale', title: '您对社区食堂打几分' },
    { kind: 'needs', title: '您需要哪些服务', options: ['送餐助餐', '陪同就医', '电脑手机教学'] },
  ];
  const { survey } = await callFn('council', STAFF, { action: 'saveSurvey', title: '居民需求调查', questions, requestId: rid() });
  await callFn('council', STAFF, { action: 'publishSurvey', id: survey.id, target: { scope: 'community' }, deadline: Date.now() + 7 * 24 * 3600_000, requestId: rid() });
  return { wish: wish.id, place: places.items[0].id, goods: goods.items[0].id, service: appointment.id, errand: errand.id, booking: booking.id, ticket: ticket.id, topic: topic.id, survey: survey.id };
}

beforeAll(async () => {
  const ids = await demoIds();
  const queries: Record<string, string> = {
    'pages/wish/detail/index': `id=${ids.wish}`,
    'pages/map/place/index': `id=${ids.place}`,
    'pages/points/goods/index': `id=${ids.goods}`,
    'pages/booking/service/index': `id=${ids.service}`,
    'pages/booking/errand/index': `serviceId=${ids.errand}`,
    'pages/booking/detail/index': `id=${ids.booking}`,
    'pages/lists/ticket/index': `id=${ids.ticket}`,
    'pages/council/topic/index': `id=${ids.topic}`,
    'pages/bulletin/detail/index': 'id=bl_demo_water',
    'pages/council/survey/index': `id=${ids.survey}`,
  };
  visits = appPages()
    .filter((route) => route.startsWith('pages/'))
    .map((route) => ({ route, query: queries[route] ?? '', openid: WORKER_PAGES.includes(route) ? WORKER : UNIT_PAGES.includes(route) ? UNIT : RESIDENT }));
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'readability');
}, 120_000);

afterAll(async () => {
  // Other suites meet the demo people as seeded: following WeChat's font size.
  for (const openid of [RESIDENT, WORKER, UNIT, STAFF]) await callFn('user', openid, { action: 'setPrefs', elderMode: null, requestId: rid() });
  await browser?.close();
});

/** Whether the page on top is in 长辈模式: its root view (inside the page's element) carries `elder`. */
async function elderOnScreen(): Promise<boolean> {
  const rootClass = (await phone.screen.locator('> * > *').first().getAttribute('class')) ?? '';
  return /(^|\s)\S*--elder(\s|$)/.test(rootClass);
}

function report(look: Look, found: Array<Offender & { page: string }>): string {
  const lines = found.map((o) => `  ${o.page}  ${o.kind}${o.tier ? `(${o.tier})` : ''}  ${o.what}  ${o.measured} < ${o.required}`);
  return `${look.name}: ${found.length} offenders\n${lines.join('\n')}`;
}

test.each(LOOKS)('every main-package page in the $name look', async (look) => {
  for (const openid of [RESIDENT, WORKER, UNIT]) await callFn('user', openid, { action: 'setPrefs', elderMode: look.elder, requestId: rid() });
  const found: Array<Offender & { page: string }> = [];
  let texts = 0;
  let targets = 0;
  for (const v of visits) {
    await phone.launch(v.openid, v.query ? `${v.route}?${v.query}` : v.route, { width: look.width });
    await phone.page.waitForTimeout(200);
    // The page follows the person's choice: its root carries elder exactly in 长辈模式.
    expect({ page: v.route, elder: await elderOnScreen() }).toEqual({ page: v.route, elder: look.elder });
    const measured = await phone.page.evaluate(measurePage, { rules: look.rules, secondary: SECONDARY_CLASS, minor: MINOR_CLASS, ignore: PREVIEW_ONLY });
    texts += measured.texts;
    targets += measured.targets;
    found.push(...measured.offenders.map((o) => ({ ...o, page: v.route })));
    if (SHOTS[v.route] && look.width === 375) await phone.shot(`${look.name}-${SHOTS[v.route]}`);
  }
  console.log(`${report(look, found)}\n(${visits.length} pages, ${texts} texts, ${targets} tap targets measured)`);
  expect(phone.errors).toEqual([]);
  expect(found.length ? report(look, found) : '').toBe('');
}, 900_000);

test('WeChat’s large font turns it on until the person chooses; the switch on 我的 reaches the open pages and the server; staff pages stay standard', async () => {
  await callFn('user', RESIDENT, { action: 'setPrefs', elderMode: null, requestId: rid() });
  await phone.launch(RESIDENT, 'pages/home/index', { font: 22 });
  expect(await elderOnScreen()).toBe(true);
  await phone.launch(RESIDENT, 'pages/home/index', { font: 16 });
  expect(await elderOnScreen()).toBe(false);

  // 首页 stays open under the tab bar while 长辈模式 is switched on from 我的.
  await phone.tab('我的');
  await phone.screen.locator('#elder-switch').click();
  await phone.idle();
  expect(await elderOnScreen()).toBe(true);
  expect((await callFn('user', RESIDENT, { action: 'me' })).me.prefs).toEqual({ elderMode: true });
  await phone.tab('首页');
  expect(await elderOnScreen()).toBe(true);

  // 陈书记 in 长辈模式: 我的 is large, 社区工作台 keeps the standard look.
  await callFn('user', STAFF, { action: 'setPrefs', elderMode: true, requestId: rid() });
  await phone.launch(STAFF, 'pages/user/me/index');
  expect(await elderOnScreen()).toBe(true);
  await phone.tap('社区工作台');
  await phone.waitForRoute('package-staff/pages/console/index');
  expect(await phone.screen.locator('[class*="--elder"]').count()).toBe(0);
  expect(phone.errors).toEqual([]);
}, 180_000);
