/** Toasts, dialogs, navigation and the bars: what the page asks WeChat to show. */
import * as ui from '../ui';
import { api, fail } from '../../../wx-common/callbacks';
import type { WxContext } from './context';

export function interfaceApis(ctx: WxContext) {
  const nav = (name: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') =>
    api(name, ({ url }) => {
      const r = ctx.router[name](String(url ?? ''));
      if (r.errMsg.includes(':fail')) throw fail(name, r.errMsg.split(':fail ')[1]);
      return {};
    });
  const tabIndex = (index: number) => {
    if (!ctx.router.isTab(ctx.router.top()?.route ?? '')) throw fail('setTabBarBadge', 'not TabBar page');
    return index;
  };
  const page = () => ctx.router.top();

  return {
    showToast: api('showToast', (o) => (ui.showToast({ ...o, title: String(o.title ?? '') }), {})),
    hideToast: api('hideToast', () => (ui.hideToast(), {})),
    showLoading: api('showLoading', (o) => (ui.showToast({ title: String(o.title ?? ''), mask: o.mask }, true), {})),
    hideLoading: api('hideLoading', () => (ui.hideToast(), {})),
    showModal: api('showModal', (o) => ui.showModal(o)),
    showActionSheet: api('showActionSheet', async (o) => {
      const tapIndex = await ui.showActionSheet(o.itemList ?? [], o);
      if (tapIndex < 0) throw fail('showActionSheet', 'cancel');
      return { tapIndex };
    }),

    navigateTo: nav('navigateTo'),
    redirectTo: nav('redirectTo'),
    switchTab: nav('switchTab'),
    reLaunch: nav('reLaunch'),
    navigateBack: api('navigateBack', ({ delta }) => {
      const r = ctx.router.navigateBack(delta ?? 1);
      if (r.errMsg.includes(':fail')) throw fail('navigateBack', r.errMsg.split(':fail ')[1]);
      return {};
    }),

    setNavigationBarTitle: api('setNavigationBarTitle', ({ title }) => {
      const p = page();
      if (p) p.title = String(title ?? '');
      ctx.refresh();
      return {};
    }),
    setNavigationBarColor: api('setNavigationBarColor', ({ frontColor, backgroundColor }) => {
      const p = page();
      if (p) p.navColors = { frontColor, backgroundColor };
      ctx.refresh();
      return {};
    }),
    showNavigationBarLoading: api('showNavigationBarLoading', () => {
      const p = page();
      if (p) p.loading = true;
      ctx.refresh();
      return {};
    }),
    hideNavigationBarLoading: api('hideNavigationBarLoading', () => {
      const p = page();
      if (p) p.loading = false;
      ctx.refresh();
      return {};
    }),

    setTabBarBadge: api('setTabBarBadge', ({ index, text }) => (ctx.chrome.setBadge(tabIndex(index), String(text)), {})),
    removeTabBarBadge: api('removeTabBarBadge', ({ index }) => (ctx.chrome.setBadge(tabIndex(index), null), {})),
    showTabBarRedDot: api('showTabBarRedDot', ({ index }) => (ctx.chrome.setBadge(tabIndex(index), null, true), {})),
    hideTabBarRedDot: api('hideTabBarRedDot', ({ index }) => (ctx.chrome.setBadge(tabIndex(index), null), {})),
    showTabBar: api('showTabBar', () => (ctx.chrome.setTabBarVisible(true), ctx.refresh(), {})),
    hideTabBar: api('hideTabBar', () => (ctx.chrome.setTabBarVisible(false), ctx.refresh(), {})),

    startPullDownRefresh: api('startPullDownRefresh', () => (ctx.router.pullDownRefresh(), {})),
    stopPullDownRefresh: api('stopPullDownRefresh', () => (ctx.router.stopPullDownRefresh(), {})),
    pageScrollTo: api('pageScrollTo', ({ scrollTop, selector, duration }) => {
      const host = page()?.host;
      if (!host) return {};
      let top = Number(scrollTop ?? 0);
      if (selector) {
        const target = host.querySelector(selector) as HTMLElement | null;
        if (target) top = target.getBoundingClientRect().top - host.getBoundingClientRect().top + host.scrollTop;
      }
      host.scrollTo({ top, behavior: duration === 0 ? 'auto' : 'smooth' });
      return {};
    }),
  };
}
