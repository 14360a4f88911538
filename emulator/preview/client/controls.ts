/** Beside the phone: who is using it, whether it may locate them, a code to scan in, and every page. */
import { manifest, previewConfig } from './manifest';
import { getStorageSync, setStorageSync } from './wx/storage';

export const OPENID_KEY = 'hl.devOpenid';
const LOCATION_KEY = 'hl.preview.location';

export function currentOpenid(): string {
  let id = String(getStorageSync(OPENID_KEY) || '');
  if (!id) {
    id = previewConfig().defaultOpenid;
    setStorageSync(OPENID_KEY, id);
  }
  return id;
}

export const locationAllowed = () => localStorage.getItem(LOCATION_KEY) !== 'deny';

function row(panel: HTMLElement, label: string, control: HTMLElement, hint = ''): void {
  const wrap = panel.appendChild(document.createElement('label'));
  wrap.className = 'hl-control';
  wrap.appendChild(document.createElement('span')).textContent = label;
  wrap.appendChild(control);
  if (hint) {
    const h = wrap.appendChild(document.createElement('small'));
    h.textContent = hint;
  }
}

function select(id: string, options: Array<[string, string]>, value: string): HTMLSelectElement {
  const s = document.createElement('select');
  s.id = id;
  for (const [v, text] of options) {
    const o = s.appendChild(document.createElement('option'));
    o.value = v;
    o.textContent = text;
  }
  s.value = value;
  return s;
}

/** Reloads the mini-program at `hash` (the page to open), as a fresh launch. */
export function relaunch(hash: string): void {
  location.hash = hash;
  location.reload();
}

export function buildControls(panel: HTMLElement, currentRoute: () => string, location: { allowed: boolean }): void {
  const config = previewConfig();
  const me = currentOpenid();
  panel.appendChild(document.createElement('h1')).textContent = '红邻 · 预览';

  const accounts: Array<[string, string]> = config.accounts.map((a) => [a.openid, a.label]);
  if (!accounts.some(([id]) => id === me)) accounts.push([me, me.startsWith('dev-') ? `新访客（${me}）` : me]);
  accounts.push(['__new__', '新访客（未加入社区）']);
  const who = select('hl-account', accounts, me);
  who.addEventListener('change', () => {
    setStorageSync(OPENID_KEY, who.value === '__new__' ? `dev-${Math.random().toString(36).slice(2, 12)}` : who.value);
    relaunch(`#/${currentRoute()}`);
  });
  row(panel, '当前账号', who, '切换后小程序重新启动');

  const loc = select('hl-location', [['allow', `允许（${config.location.name}中心）`], ['deny', '拒绝']], location.allowed ? 'allow' : 'deny');
  loc.addEventListener('change', () => {
    location.allowed = loc.value === 'allow';
    localStorage.setItem(LOCATION_KEY, loc.value);
  });
  document.addEventListener('hl-location-changed', () => {
    loc.value = location.allowed ? 'allow' : 'deny';
    localStorage.setItem(LOCATION_KEY, loc.value);
  });
  row(panel, '位置授权', loc);

  const app = manifest().appJson;
  const pages = select('hl-pages', manifest().pages.map((p) => [p, p]), currentRoute());
  pages.addEventListener('change', () => relaunch(`#/${pages.value}`));
  document.addEventListener('hl-route-changed', () => (pages.value = currentRoute()));
  row(panel, '打开页面', pages);

  const scene = document.createElement('form');
  scene.className = 'hl-scan';
  const input = scene.appendChild(document.createElement('input'));
  input.id = 'hl-scene';
  input.placeholder = '二维码 scene，如 c=beihai';
  scene.appendChild(document.createElement('button')).textContent = '扫码进入';
  scene.addEventListener('submit', (e) => {
    e.preventDefault();
    const first = app.entryPagePath ?? app.pages[0];
    relaunch(`#/${first}?scene=${encodeURIComponent(input.value.trim())}`);
  });
  row(panel, '扫社区海报码', scene, '带着 scene 重新启动，如同扫码打开');

  const notes = panel.appendChild(document.createElement('p'));
  notes.className = 'hl-notes';
  notes.textContent = '真实页面（WXML、WXSS、TypeScript）在浏览器里运行，云函数调用发往本机的本地云。地图底图、视频、微信登录等只在微信中可用，见 README。';
}
