/** The phone around the pages: status bar, navigation bar (title, back, home, capsule) and tab bar. */
import { manifest, SCREEN } from './manifest';
import type { Router } from './router';

export interface Chrome {
  pages: HTMLElement;
  update(router: Router): void;
  setBadge(index: number, text: string | null, dot?: boolean): void;
  setTabBarVisible(visible: boolean): void;
}

function node(tag: string, className: string, text = ''): HTMLElement {
  const n = document.createElement(tag);
  n.className = className;
  n.textContent = text;
  return n;
}

export function buildChrome(phone: HTMLElement, actions: { back(): void; home(): void; refresh(): void; menu(): void; switchTab(path: string): void }): Chrome {
  const app = manifest().appJson;
  const tabBar = app.tabBar;
  const status = phone.appendChild(node('div', 'hl-status'));
  status.append(node('span', 'hl-status__time', '9:41'), node('span', 'hl-status__icons', '●●●● 5G ▮'));
  const nav = phone.appendChild(node('header', 'hl-nav'));
  const back = nav.appendChild(node('button', 'hl-nav__back', '‹'));
  back.setAttribute('aria-label', '返回');
  back.addEventListener('click', actions.back);
  const home = nav.appendChild(node('button', 'hl-nav__home', '⌂'));
  home.setAttribute('aria-label', '首页');
  home.addEventListener('click', actions.home);
  const title = nav.appendChild(node('div', 'hl-nav__title'));
  const spinner = nav.appendChild(node('span', 'hl-nav__loading'));
  const capsule = nav.appendChild(node('div', 'hl-nav__capsule'));
  const refresh = capsule.appendChild(node('button', 'hl-nav__refresh', '↻'));
  refresh.title = '下拉刷新';
  refresh.setAttribute('aria-label', '下拉刷新');
  refresh.addEventListener('click', actions.refresh);
  const more = capsule.appendChild(node('button', 'hl-nav__more', '···'));
  more.setAttribute('aria-label', '更多');
  more.addEventListener('click', actions.menu);
  capsule.appendChild(node('span', 'hl-nav__close', '◎'));

  const pages = phone.appendChild(node('div', 'hl-pages'));
  const tabs = phone.appendChild(node('nav', 'hl-tabbar'));
  let tabBarHidden = false;
  const items = (tabBar?.list ?? []).map((item) => {
    const b = tabs.appendChild(node('button', 'hl-tabbar__item'));
    const icon = b.appendChild(document.createElement('img'));
    icon.className = 'hl-tabbar__icon';
    icon.alt = '';
    b.appendChild(node('span', 'hl-tabbar__text', item.text));
    const badge = b.appendChild(node('span', 'hl-tabbar__badge'));
    badge.hidden = true;
    b.addEventListener('click', () => actions.switchTab(`/${item.pagePath}`));
    return { item, button: b, icon, badge };
  });
  if (tabBar) {
    tabs.style.background = tabBar.backgroundColor ?? '#fff';
    tabs.classList.toggle('hl-tabbar--white', tabBar.borderStyle === 'white');
  }

  return {
    pages,
    update(router) {
      const page = router.top();
      const route = page?.route ?? '';
      const onTab = router.isTab(route) && !!tabBar;
      const json = page?.json ?? {};
      const custom = json.navigationStyle === 'custom';
      phone.classList.toggle('hl-phone--custom-nav', custom);
      phone.classList.toggle('hl-phone--tabbar', onTab && !tabBarHidden);
      const colors = page?.navColors ?? {
        backgroundColor: json.navigationBarBackgroundColor ?? '#000000',
        frontColor: json.navigationBarTextStyle === 'black' ? '#000000' : '#ffffff',
      };
      nav.style.background = colors.backgroundColor;
      nav.style.color = colors.frontColor;
      status.style.background = custom ? 'transparent' : colors.backgroundColor;
      status.style.color = colors.frontColor;
      title.textContent = page?.title ?? '';
      spinner.hidden = !page?.loading;
      back.hidden = router.stack.length <= 1;
      home.hidden = router.stack.length > 1 || onTab || !tabBar;
      refresh.hidden = !json.enablePullDownRefresh;
      refresh.classList.toggle('hl-nav__refresh--busy', !!page?.refreshing);
      const windowHeight = SCREEN.height - SCREEN.statusBar - (custom ? 0 : SCREEN.navBar) - (onTab && !tabBarHidden ? SCREEN.tabBar : 0);
      pages.style.setProperty('--hl-vh', `${windowHeight / 100}px`);
      pages.style.setProperty('--hl-vw', `${SCREEN.width / 100}px`);
      pages.style.background = json.backgroundColor ?? '#ffffff';
      for (const { item, button, icon } of items) {
        const selected = item.pagePath === route;
        button.classList.toggle('hl-tabbar__item--selected', selected);
        button.setAttribute('aria-selected', String(selected));
        button.style.color = (selected ? tabBar?.selectedColor : tabBar?.color) ?? '';
        const src = selected ? (item.selectedIconPath ?? item.iconPath) : item.iconPath;
        icon.hidden = !src;
        if (src) icon.src = `/preview/mp/${src}`;
      }
    },
    setBadge(index, text, dot = false) {
      const it = items[index];
      if (!it) return;
      it.badge.hidden = text === null && !dot;
      it.badge.textContent = text ?? '';
      it.badge.classList.toggle('hl-tabbar__badge--dot', dot);
    },
    setTabBarVisible(visible) {
      tabBarHidden = !visible;
      tabs.hidden = !visible;
    },
  };
}
