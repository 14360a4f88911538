/**
 * A person holding the phone in the preview: opens pages, taps what they read, types into fields,
 * answers dialogs, switches accounts with the control beside the phone, and photographs each page
 * for artifacts/e2e/<suite>/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '../../../artifacts/e2e');

/** A 1×1 PNG the "album" hands over when a test picks a photo. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export class Phone {
  private shotCount = 0;
  private launches = 0;
  readonly shots: string[] = [];
  readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
    private readonly suite: string,
  ) {
    fs.rmSync(path.join(ARTIFACTS, suite), { recursive: true, force: true });
    fs.mkdirSync(path.join(ARTIFACTS, suite), { recursive: true });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  /** The page on top of the stack, the one the person sees. */
  get screen(): Locator {
    return this.page.locator('.wx-page:not([hidden])');
  }

  get route(): Promise<string> {
    return this.screen.getAttribute('data-route').then((r) => r ?? '');
  }

  /**
   * Starts the mini-program as `openid`, at `route` (the first page when omitted), on a phone
   * `device.width` CSS px wide (375) with WeChat's font size set to `device.font` px (16).
   */
  async launch(openid: string, route = '', device: { width?: number; font?: number } = {}): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.page.evaluate((id) => localStorage.setItem('hl.storage:hl.devOpenid', JSON.stringify(id)), openid);
    const phone = `${device.width ? `width=${device.width}&` : ''}${device.font ? `font=${device.font}&` : ''}`;
    // A new address (not just a new #hash) so the page loads afresh.
    await this.page.goto(`${this.baseUrl}/?${phone}launch=${++this.launches}${route ? `#/${route}` : ''}`);
    await this.ready();
  }

  /** Hands the phone to someone else: the account control beside the phone, which restarts the app. */
  async switchAccount(openid: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.selectOption('#hl-account', openid)]);
    await this.ready();
  }

  /** Opens a page with the control beside the phone (a fresh start there, as from a shared link). */
  async openPage(route: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.selectOption('#hl-pages', route)]);
    await this.ready();
  }

  /** Taps a tab of the tab bar, or the ⌂ of the navigation bar when there is none. */
  async tab(text: string): Promise<void> {
    const tabBar = this.page.locator('.hl-tabbar');
    if (!(await tabBar.isVisible())) {
      await this.page.locator('.hl-nav__home').click();
      await this.idle();
    }
    await tabBar.getByText(text, { exact: true }).click();
    await this.idle();
  }

  async ready(): Promise<void> {
    await this.page.waitForSelector('html[data-ready="true"]');
    await this.idle();
  }

  /** Waits until no function call is on the wire, several checks in a row. */
  async idle(): Promise<void> {
    for (let quiet = 0; quiet < 3; ) {
      await this.page.waitForTimeout(40);
      const n = await this.page.evaluate(() => (window as any).__hlPreview.pendingRequests() as number);
      quiet = n === 0 ? quiet + 1 : 0;
    }
  }

  /** Taps the element showing exactly `text` on the current page. */
  async tap(text: string, within: Locator = this.screen): Promise<void> {
    await within.getByText(text, { exact: true }).first().click();
    await this.idle();
  }

  async type(placeholder: string, value: string): Promise<void> {
    await this.screen.getByPlaceholder(placeholder).fill(value);
    await this.idle();
  }

  /** Picks a photo in the file chooser that a tap on `text` opens. */
  async addPhoto(text = '添加照片', within: Locator = this.screen): Promise<void> {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), within.getByText(text, { exact: true }).first().click()]);
    await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
    await this.idle();
  }

  async see(text: string | RegExp, timeout = 10_000): Promise<void> {
    await this.screen.getByText(text).first().waitFor({ state: 'visible', timeout });
  }

  /** The dialog WeChat shows (showModal): checks its title, presses `button`. */
  async answerModal(title: string, button: string): Promise<void> {
    const modal = this.page.locator('.hl-modal__panel');
    await modal.waitFor();
    expect(await modal.locator('.hl-modal__title').textContent()).toBe(title);
    await modal.getByRole('button', { name: button, exact: true }).click();
    await this.idle();
  }

  /** The scan prompt that stands in for the camera: "shows" it `content`. */
  async scan(content: string): Promise<void> {
    await this.page.locator('.hl-modal__input').fill(content);
    await this.answerModal('扫码', '识别');
  }

  /** The toast matching `pattern` shown since the app started (toasts fade; the preview keeps a log). */
  async toast(pattern: RegExp): Promise<string> {
    const handle = await this.page.waitForFunction(
      ([source, flags]) => ((window as any).__hlPreview.toasts as string[]).find((t) => new RegExp(source, flags).test(t)),
      [pattern.source, pattern.flags] as const,
    );
    return (await handle.jsonValue()) as string;
  }

  async waitForRoute(route: string): Promise<void> {
    await this.page.waitForSelector(`.wx-page[data-route="${route}"]:not([hidden])`);
    await this.idle();
  }

  /** A picture of the phone, numbered in the order the test went. */
  async shot(name: string): Promise<string> {
    await this.page.waitForTimeout(150);
    const file = path.join(ARTIFACTS, this.suite, `${String(++this.shotCount).padStart(2, '0')}-${name}.png`);
    await this.page.locator('#hl-phone').screenshot({ path: file });
    this.shots.push(path.relative(path.resolve(ARTIFACTS, '../..'), file));
    return file;
  }
}
