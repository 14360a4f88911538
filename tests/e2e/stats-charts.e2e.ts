/**
 * 陈书记 opens 数据看板 on a 360 px phone: every chart with figures is drawn on its canvas (uCharts
 * on canvas 2d, in the preview's Chromium), and the figures are there in words beside them.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { callFn, cloudUrl, hasPages } from './support/app';
import { launchChromium, type Browser } from './support/browser';
import { Phone } from './support/phone';

const ready = hasPages('package-staff/pages/lists-charts/index');
let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  if (!ready) return;
  browser = await launchChromium();
  phone = new Phone(await browser.context.newPage(), cloudUrl(), 'stats-charts');
});

afterAll(async () => {
  await browser?.close();
});

(ready ? test : test.skip)('the stats page draws its charts at 360 px', async () => {
  // A request this week, so the weekly charts have a bar to draw.
  await callFn('lists', 'demo-resident', { action: 'submitRequest', category: '水电维修', title: '楼道灯不亮了', detail: '三楼到四楼的灯不亮' });
  await phone.launch('demo-staff', 'package-staff/pages/lists-charts/index', { width: 360 });
  await phone.see('每周诉求数');
  await phone.idle();
  const charts = await callFn<{ weeks: Array<{ requests: number }> }>('lists', 'demo-staff', { action: 'charts' });
  expect(charts.weeks.at(-1)!.requests).toBeGreaterThan(0);

  // Each canvas shown holds a drawing: pixels that are not the white background.
  const inked = await phone.page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLCanvasElement>('.wx-canvas__native')).map((c) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) n++;
      return { id: c.parentElement?.id ?? '', width: c.width, inked: n };
    }),
  );
  expect(inked.length).toBeGreaterThanOrEqual(3);
  for (const c of inked) {
    expect(c.width).toBeGreaterThan(300);
    expect(c.inked).toBeGreaterThan(500);
  }
  expect(await phone.screen.locator('#no-canvas').count()).toBe(0);
  await phone.shot('stats-360-top');
  for (const id of ['grids', 'categories', 'seasons', 'hours']) {
    await phone.screen.locator(`#card-${id}`).scrollIntoViewIfNeeded();
    await phone.shot(`stats-360-${id}`);
  }
  expect(phone.errors).toEqual([]);
});
