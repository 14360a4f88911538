/**
 * The page stack, as WeChat keeps it: navigateTo pushes (at most 10), redirectTo replaces,
 * navigateBack pops, switchTab closes every other page and shows a tab page (tab pages stay alive),
 * reLaunch starts over. Pages get onLoad/onShow/onReady/onHide/onUnload, and their components
 * get the page's show/hide.
 */
import * as jComponent from 'j-component';
import { componentByKey, propertiesOf } from './loader';
import { manifest } from './manifest';

export interface PageRecord {
  route: string;
  query: Record<string, string>;
  tag: string;
  json: Record<string, any>;
  host: HTMLElement;
  comp: jComponent.RootComponent;
  instance: any;
  title: string;
  navColors?: { frontColor: string; backgroundColor: string };
  loading?: boolean;
  refreshing?: boolean;
}

type Result = { errMsg: string };
const MAX_PAGES = 10;

export function parseUrl(url: string, from = ''): { route: string; query: Record<string, string> } {
  const [pathPart, search = ''] = url.split('?');
  let route = pathPart;
  if (!route.startsWith('/')) {
    const dir = from.split('/').slice(0, -1);
    for (const p of route.split('/')) {
      if (p === '..') dir.pop();
      else if (p !== '.') dir.push(p);
    }
    route = dir.join('/');
  }
  route = route.replace(/^\/+/, '').replace(/\.(wxml|js|ts)$/, '');
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=');
    // WeChat hands the page the query as written (still encoded).
    query[decodeURIComponent(k)] = v;
  }
  return { route, query };
}

export class Router {
  readonly stack: PageRecord[] = [];
  private readonly tabs = new Map<string, PageRecord>();
  private readonly tabRoutes: Set<string>;

  constructor(
    private readonly container: HTMLElement,
    private readonly changed: () => void,
  ) {
    this.tabRoutes = new Set((manifest().appJson.tabBar?.list ?? []).map((t) => t.pagePath));
  }

  isTab = (route: string) => this.tabRoutes.has(route);
  top = (): PageRecord | undefined => this.stack[this.stack.length - 1];
  exists = (route: string) => manifest().pages.includes(route);

  private fail(api: string, why: string): Result {
    return { errMsg: `${api}:fail ${why}` };
  }

  private create(route: string, query: Record<string, string>): PageRecord {
    const c = componentByKey(route)!;
    const host = document.createElement('div');
    host.className = 'wx-page';
    host.dataset.page = c.tag;
    host.dataset.route = route;
    this.container.appendChild(host);
    const props: Record<string, unknown> = {};
    for (const name of propertiesOf(c.tag)) if (name in query) props[name] = query[name];
    const comp = jComponent.create(c.tag, props);
    comp.attach(host);
    const instance = comp.instance;
    instance.route = route;
    instance.__route__ = route;
    instance.options = query;
    const win = manifest().appJson.window ?? {};
    const record: PageRecord = { route, query, tag: c.tag, json: { ...win, ...c.json }, host, comp, instance, title: c.json.navigationBarTitleText ?? win.navigationBarTitleText ?? '' };
    this.watchScroll(record);
    return record;
  }

  private call(page: PageRecord, name: string, arg?: unknown): void {
    try {
      page.instance[name]?.call(page.instance, arg);
    } catch (e) {
      console.error(`${page.route}: ${name} threw`, e);
    }
  }

  /** pageLifetimes of the page and every component in it (exparser walks the tree). */
  private pageLifetime(page: PageRecord, name: 'show' | 'hide'): void {
    try {
      page.comp._exparserNode.triggerPageLifeTime(name, []);
    } catch (e) {
      console.error(`${page.route}: pageLifetimes.${name} threw`, e);
    }
  }

  private show(page: PageRecord): void {
    for (const p of this.container.children) (p as HTMLElement).hidden = p !== page.host;
    page.host.hidden = false;
    this.call(page, 'onShow');
    this.pageLifetime(page, 'show');
    this.changed();
  }

  private hide(page: PageRecord | undefined): void {
    if (!page) return;
    this.call(page, 'onHide');
    this.pageLifetime(page, 'hide');
  }

  private unload(page: PageRecord): void {
    this.call(page, 'onUnload');
    page.comp.detach();
    page.host.remove();
    if (this.tabs.get(page.route) === page) this.tabs.delete(page.route);
  }

  private open(route: string, query: Record<string, string>): PageRecord {
    const page = this.create(route, query);
    this.stack.push(page);
    this.call(page, 'onLoad', query);
    this.show(page);
    setTimeout(() => this.call(page, 'onReady'), 0);
    return page;
  }

  navigateTo(url: string): Result {
    const { route, query } = parseUrl(url, this.top()?.route);
    if (!this.exists(route)) return this.fail('navigateTo', `page "${route}" is not found`);
    if (this.isTab(route)) return this.fail('navigateTo', "can not navigateTo a tabbar page");
    if (this.stack.length >= MAX_PAGES) return this.fail('navigateTo', 'webview count limit exceed');
    this.hide(this.top());
    this.open(route, query);
    return { errMsg: 'navigateTo:ok' };
  }

  redirectTo(url: string): Result {
    const { route, query } = parseUrl(url, this.top()?.route);
    if (!this.exists(route)) return this.fail('redirectTo', `page "${route}" is not found`);
    if (this.isTab(route)) return this.fail('redirectTo', 'can not redirectTo a tabbar page');
    const old = this.stack.pop();
    if (old) this.unload(old);
    this.open(route, query);
    return { errMsg: 'redirectTo:ok' };
  }

  navigateBack(delta = 1): Result {
    if (this.stack.length <= 1) return this.fail('navigateBack', 'cannot navigate back at first page.');
    const n = Math.min(Math.max(1, delta), this.stack.length - 1);
    for (let i = 0; i < n; i++) this.unload(this.stack.pop()!);
    this.show(this.top()!);
    return { errMsg: 'navigateBack:ok' };
  }

  switchTab(url: string): Result {
    const { route } = parseUrl(url, this.top()?.route);
    if (!this.isTab(route)) return this.fail('switchTab', 'can not switch to no-tabBar page');
    if (!this.exists(route)) return this.fail('switchTab', `page "${route}" is not found`);
    const current = this.top();
    if (current?.route === route && this.stack.length === 1) return { errMsg: 'switchTab:ok' };
    this.hide(current);
    // Every page but the tab pages closes; the tab pages stay alive, hidden.
    for (const p of this.stack.splice(0)) if (!this.isTab(p.route)) this.unload(p);
    const kept = this.tabs.get(route);
    if (kept) {
      this.stack.push(kept);
      this.show(kept);
    } else this.tabs.set(route, this.open(route, {}));
    return { errMsg: 'switchTab:ok' };
  }

  reLaunch(url: string): Result {
    const { route, query } = parseUrl(url, this.top()?.route);
    if (!this.exists(route)) return this.fail('reLaunch', `page "${route}" is not found`);
    this.hide(this.top());
    for (const p of this.stack.splice(0)) this.unload(p);
    for (const p of [...this.tabs.values()]) this.unload(p);
    const page = this.open(route, this.isTab(route) ? {} : query);
    if (this.isTab(route)) this.tabs.set(route, page);
    return { errMsg: 'reLaunch:ok' };
  }

  /** onReachBottom and onPageScroll, from the page's own scrolling. */
  private watchScroll(page: PageRecord): void {
    const distance = Number(page.json.onReachBottomDistance ?? 50);
    let near = false;
    page.host.addEventListener('scroll', () => {
      const { scrollTop, scrollHeight, clientHeight } = page.host;
      this.call(page, 'onPageScroll', { scrollTop });
      const nowNear = scrollHeight - scrollTop - clientHeight <= distance;
      if (nowNear && !near) this.call(page, 'onReachBottom');
      near = nowNear;
    });
  }

  pullDownRefresh(): void {
    const page = this.top();
    if (!page || page.refreshing) return;
    page.refreshing = true;
    this.changed();
    this.call(page, 'onPullDownRefresh');
  }

  stopPullDownRefresh(): void {
    const page = this.top();
    if (page) page.refreshing = false;
    this.changed();
  }

  pages(): any[] {
    return this.stack.map((p) => p.instance);
  }
}
