/**
 * Starts the mini-program in the phone frame: built-in components, `wx`, the app's components and
 * app.ts, then the first page (or the one named in the address: `#/pages/wish/detail/index?id=…`).
 * Clicks become taps: exparser's `tap` on the node under the pointer, bubbling as a finger's would.
 */
import exparser from 'miniprogram-exparser';
import './rpx';
import { defineBuiltins } from './builtins';
import { buildChrome } from './chrome';
import { buildControls, currentOpenid, locationAllowed } from './controls';
import { installConstructors, registerComponents, runAppScript } from './loader';
import { manifest, previewConfig } from './manifest';
import { parseUrl, Router } from './router';
import * as ui from './ui';
import type { WxContext } from './wx/context';
import { createWx } from './wx';
import { pendingRequests } from './wx/network';

function wxElementOf(target: EventTarget | null): any {
  for (let n = target as any; n; n = n.parentNode) if (n.__wxElement) return n.__wxElement;
  return null;
}

function touchOf(e: PointerEvent | MouseEvent) {
  return { identifier: 0, pageX: e.pageX, pageY: e.pageY, clientX: e.clientX, clientY: e.clientY, force: 1 };
}

function dispatch(target: any, name: string, detail: Record<string, unknown>, e: MouseEvent, touches: unknown[]): void {
  exparser.Event.dispatchEvent(
    target,
    exparser.Event.create(name, detail, {
      originalEvent: e,
      bubbles: true,
      composed: true,
      capturePhase: true,
      extraFields: { touches, changedTouches: [touchOf(e)] },
    }),
  );
}

/** Mouse and pen as fingers: touchstart/move/end, tap, and longpress after 350 ms. */
function wirePointer(pages: HTMLElement): void {
  let pressed: { target: any; timer: ReturnType<typeof setTimeout>; long: boolean } | null = null;
  let lastTouch = 0;
  pages.addEventListener('touchend', () => (lastTouch = Date.now()), true);
  pages.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'touch') return;
    const target = wxElementOf(e.target);
    if (!target) return;
    dispatch(target, 'touchstart', {}, e, [touchOf(e)]);
    const press = { target, long: false, timer: setTimeout(() => {
      press.long = true;
      dispatch(target, 'longpress', { x: e.pageX, y: e.pageY }, e, [touchOf(e)]);
      dispatch(target, 'longtap', { x: e.pageX, y: e.pageY }, e, [touchOf(e)]);
    }, 350) };
    pressed = press;
  }, true);
  pages.addEventListener('pointermove', (e) => {
    if (pressed && e.pointerType !== 'touch' && e.buttons & 1) dispatch(pressed.target, 'touchmove', {}, e, [touchOf(e)]);
  }, true);
  pages.addEventListener('pointerup', (e) => {
    if (!pressed || e.pointerType === 'touch') return;
    clearTimeout(pressed.timer);
    dispatch(pressed.target, 'touchend', {}, e, []);
  }, true);
  pages.addEventListener('click', (e) => {
    const long = pressed?.long;
    pressed = null;
    if (long || Date.now() - lastTouch < 800) return;
    const target = wxElementOf(e.target);
    if (target) dispatch(target, 'tap', { x: e.pageX, y: e.pageY }, e, []);
  }, true);
}

function launchTarget(): { route: string; query: Record<string, string> } {
  const app = manifest().appJson;
  const fromHash = location.hash.startsWith('#/') ? parseUrl(location.hash.slice(1)) : null;
  if (fromHash && manifest().pages.includes(fromHash.route)) return fromHash;
  return { route: app.entryPagePath ?? manifest().pages[0], query: {} };
}

function boot(): void {
  const phone = document.getElementById('hl-phone')!;
  const panel = document.getElementById('hl-controls')!;
  currentOpenid();
  const config = previewConfig();
  const target = launchTarget();
  const ctx = {
    location: { allowed: locationAllowed(), latitude: config.location.latitude, longitude: config.location.longitude, name: config.location.name },
    launch: { path: target.route, query: target.query, scene: target.query.scene ? 1047 : 1001 },
  } as WxContext;

  const actions = {
    back: () => ctx.router.navigateBack(1),
    home: () => ctx.router.reLaunch(`/${manifest().appJson.tabBar?.list[0]?.pagePath ?? manifest().pages[0]}`),
    refresh: () => ctx.router.pullDownRefresh(),
    menu: () => void shareMenu(ctx),
    switchTab: (path: string) => ctx.router.switchTab(path),
  };
  const chrome = buildChrome(phone, actions);
  ui.mountUi(phone);
  ctx.chrome = chrome;
  ctx.refresh = () => {
    chrome.update(ctx.router);
    const top = ctx.router.top();
    if (top) {
      const qs = Object.entries(top.query).map(([k, v]) => `${k}=${v}`).join('&');
      history.replaceState(null, '', `#/${top.route}${qs ? `?${qs}` : ''}`);
      document.dispatchEvent(new CustomEvent('hl-route-changed'));
    }
  };
  ctx.router = new Router(chrome.pages, () => ctx.refresh());
  wirePointer(chrome.pages);

  const g = globalThis as any;
  g.wx = createWx(ctx);
  g.getCurrentPages = () => ctx.router.pages();
  g.__hlPreview = { pendingRequests, router: ctx.router, toasts: ui.toastLog };
  installConstructors();
  defineBuiltins({
    navigate: (openType, url, delta) => {
      if (openType === 'navigateBack') g.wx.navigateBack({ delta });
      else if (['redirect', 'switchTab', 'reLaunch'].includes(openType)) g.wx[openType === 'redirect' ? 'redirectTo' : openType]({ url });
      else g.wx.navigateTo({ url });
    },
    whereAmI: () => (ctx.location.allowed ? { latitude: ctx.location.latitude, longitude: ctx.location.longitude } : null),
    pick: (o) => pick(o),
    openType: (type, self) => openType(type, self),
  });
  const failed = registerComponents();
  buildControls(panel, () => ctx.router.top()?.route ?? target.route, ctx.location);

  runAppScript();
  const appInstance = g.getApp();
  const options = { path: target.route, query: target.query, scene: ctx.launch.scene, referrerInfo: {} };
  appInstance.onLaunch?.call(appInstance, options);
  appInstance.onShow?.call(appInstance, options);
  const qs = Object.entries(target.query).map(([k, v]) => `${k}=${v}`).join('&');
  ctx.router.reLaunch(`/${target.route}${qs ? `?${qs}` : ''}`);
  if (failed.length) ui.showNotice(`有 ${failed.length} 个组件加载失败，见浏览器控制台`, 6000);
  document.documentElement.dataset.ready = 'true';
}

/** `<picker>`: a sheet with the choices, or the browser's own date and time inputs. */
async function pick(o: Record<string, any>): Promise<unknown> {
  const range: unknown[] = o.range ?? [];
  const label = (item: any) => String(o.rangeKey && item && typeof item === 'object' ? item[o.rangeKey] : item);
  if (o.mode === 'time' || o.mode === 'date') {
    const type = o.mode === 'time' ? 'time' : o.fields === 'month' ? 'month' : o.fields === 'year' ? 'number' : 'date';
    const values = await ui.showFormSheet(o.headerText || (o.mode === 'time' ? '选择时间' : '选择日期'), [{ label: '', value: String(o.value ?? ''), type }]);
    return values ? values[0] : null;
  }
  if (o.mode === 'multiSelector') {
    const values = await ui.showFormSheet(o.headerText || '请选择', range.map((col: any, i: number) => ({ label: '', value: String((o.value ?? [])[i] ?? 0), options: (col ?? []).map(label) })));
    return values ? values.map(Number) : null;
  }
  if (o.mode === 'region') {
    const values = await ui.showFormSheet(o.headerText || '选择地区', ['省', '市', '区'].map((l, i) => ({ label: l, value: String((o.value ?? [])[i] ?? '') })));
    return values;
  }
  const values = await ui.showFormSheet(o.headerText || '请选择', [{ label: '', value: String(o.value ?? 0), options: range.map(label) }]);
  return values ? Number(values[0]) : null;
}

/** Buttons with an `open-type`: what WeChat would do, as far as a browser can. */
function openType(type: string, self: { triggerEvent(name: string, detail: unknown): void }): void {
  const wx = (globalThis as any).wx;
  if (type === 'share') void shareCard();
  else if (type === 'openSetting') wx.openSetting({ success: (res: unknown) => self.triggerEvent('opensetting', res) });
  else if (type === 'getPhoneNumber') {
    ui.showNotice('手机号快速验证只在微信中可用');
    self.triggerEvent('getphonenumber', { errMsg: 'getPhoneNumber:fail not available in preview' });
  } else if (type === 'chooseAvatar') {
    wx.chooseMedia({ count: 1, success: (res: any) => self.triggerEvent('chooseavatar', { avatarUrl: res.tempFiles[0].tempFilePath }) });
  } else if (type === 'agreePrivacyAuthorization') self.triggerEvent('agreeprivacyauthorization', {});
  else if (type === 'contact' || type === 'feedback' || type === 'launchApp') ui.showNotice('这项功能只在微信中可用');
}

async function shareCard(): Promise<void> {
  const router: Router = (globalThis as any).__hlPreview.router;
  const page = router.top();
  const share = page?.instance.onShareAppMessage?.call(page.instance, { from: 'button' }) ?? {};
  await ui.showCard('转发给朋友', [share.title ?? page?.title ?? '', `/${share.path ?? page?.route ?? ''}`], ['关闭'], 'hl-share-card');
}

async function shareMenu(ctx: WxContext): Promise<void> {
  const page = ctx.router.top();
  const canShare = typeof page?.instance.onShareAppMessage === 'function';
  const items = [...(canShare ? ['转发给朋友'] : []), '重新进入小程序'];
  const i = await ui.showActionSheet(items);
  if (items[i] === '转发给朋友') await shareCard();
  else if (items[i] === '重新进入小程序') location.reload();
}

boot();
