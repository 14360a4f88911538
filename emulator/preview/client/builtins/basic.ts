/** Containers and text: view, text, navigator, icon, progress, rich-text, and stand-ins. */
import { defineNative, hoverable, type Native } from './define';

const hover = {
  hoverClass: { type: String, value: 'none' },
  hoverStopPropagation: { type: Boolean, value: false },
  hoverStartTime: { type: Number, value: 50 },
  hoverStayTime: { type: Number, value: 400 },
};

export function defineBasics(navigate: (openType: string, url: string, delta: number) => void): void {
  for (const name of ['view', 'cover-view']) {
    defineNative({
      name,
      slot: true,
      properties: { ...hover },
      mount(el) {
        hoverable(this, el);
      },
    });
  }

  defineNative({
    name: 'text',
    slot: true,
    properties: { selectable: Boolean, userSelect: Boolean, space: String, decode: Boolean },
    update(el) {
      el.toggleAttribute('selectable', !!(this.data.selectable || this.data.userSelect));
    },
  });

  for (const name of ['label', 'block', 'match-media', 'root-portal', 'page-container', 'movable-area', 'movable-view', 'grid-view', 'list-view', 'sticky-header', 'sticky-section', 'share-element', 'keyboard-accessory', 'page-meta', 'navigation-bar', 'checkbox-group', 'radio-group', 'picker-view', 'picker-view-column']) {
    defineNative({ name, slot: true });
  }

  defineNative({
    name: 'navigator',
    slot: true,
    properties: { ...hover, hoverClass: { type: String, value: 'navigator-hover' }, url: String, openType: { type: String, value: 'navigate' }, delta: { type: Number, value: 1 }, target: String },
    mount(el) {
      hoverable(this, el);
      el.addEventListener('click', () => navigate(this.data.openType, this.data.url, this.data.delta));
    },
  });

  const ICONS: Record<string, [string, string]> = {
    success: ['✓', '#09BB07'],
    success_no_circle: ['✓', '#09BB07'],
    info: ['i', '#10AEFF'],
    warn: ['!', '#F76260'],
    waiting: ['…', '#10AEFF'],
    cancel: ['✕', '#F43530'],
    download: ['↓', '#09BB07'],
    search: ['⌕', '#B2B2B2'],
    clear: ['✕', '#B2B2B2'],
  };
  defineNative({
    name: 'icon',
    properties: { type: String, size: { type: null, value: 23 }, color: String },
    update(el) {
      const [glyph, color] = ICONS[this.data.type] ?? ['•', '#999'];
      const size = typeof this.data.size === 'number' ? `${this.data.size}px` : String(this.data.size);
      el.textContent = glyph;
      el.style.setProperty('--hl-icon-size', size);
      el.style.setProperty('--hl-icon-color', this.data.color || color);
    },
  });

  defineNative({
    name: 'progress',
    properties: {
      percent: { type: Number, value: 0 },
      showInfo: Boolean,
      strokeWidth: { type: null, value: 6 },
      color: String,
      activeColor: { type: String, value: '#09BB07' },
      backgroundColor: { type: String, value: '#EBEBEB' },
    },
    mount(el) {
      el.innerHTML = '<div class="wx-progress__bar"><div class="wx-progress__inner"></div></div><span class="wx-progress__info"></span>';
    },
    update(el) {
      const percent = Math.max(0, Math.min(100, Number(this.data.percent) || 0));
      const bar = el.firstElementChild as HTMLElement;
      bar.style.height = `${parseFloat(String(this.data.strokeWidth)) || 6}px`;
      bar.style.background = this.data.backgroundColor;
      const inner = bar.firstElementChild as HTMLElement;
      inner.style.width = `${percent}%`;
      inner.style.background = this.data.color || this.data.activeColor;
      (el.lastElementChild as HTMLElement).textContent = this.data.showInfo ? `${percent}%` : '';
    },
  });

  defineNative({
    name: 'rich-text',
    properties: { nodes: { type: null, value: [] }, space: String, userSelect: Boolean },
    update(el) {
      el.replaceChildren(...richNodes(this.data.nodes));
    },
  });

  // Native pieces of WeChat the preview cannot show: a labelled box where they would be.
  const UNAVAILABLE: Record<string, string> = {
    video: '视频',
    camera: '相机',
    'live-player': '直播播放',
    'live-pusher': '直播推流',
    'web-view': '网页',
    ad: '广告',
    'ad-custom': '广告',
    'open-data': '微信开放数据',
    'official-account': '公众号关注组件',
    'functional-page-navigator': '功能页',
    'channel-live': '视频号直播',
    'channel-video': '视频号视频',
    'voip-room': '音视频通话',
    audio: '音频',
    editor: '富文本编辑器',
  };
  for (const [name, label] of Object.entries(UNAVAILABLE)) {
    defineNative({
      name,
      slot: true,
      mount(el: HTMLElement) {
        el.setAttribute('data-unavailable', `〈${label}〉仅在微信中显示`);
      },
    } as { name: string; slot: boolean; mount(this: Native, el: HTMLElement): void });
  }
}

/** rich-text `nodes`: an HTML string, or WeChat's node array; no scripts, no event attributes. */
function richNodes(nodes: unknown): Node[] {
  if (typeof nodes === 'string') {
    const doc = new DOMParser().parseFromString(nodes, 'text/html');
    doc.querySelectorAll('script, iframe, object, embed').forEach((n) => n.remove());
    doc.querySelectorAll('*').forEach((n) => {
      for (const a of Array.from(n.attributes)) if (/^on/i.test(a.name)) n.removeAttribute(a.name);
    });
    return Array.from(doc.body.childNodes);
  }
  if (!Array.isArray(nodes)) return [];
  return nodes.map((n: any) => {
    if (n?.type === 'text') return document.createTextNode(String(n.text ?? ''));
    const name = /^[a-z][a-z0-9]*$/i.test(n?.name ?? '') && n.name.toLowerCase() !== 'script' ? n.name : 'span';
    const el = document.createElement(name);
    for (const [k, v] of Object.entries(n?.attrs ?? {})) if (!/^on/i.test(k)) el.setAttribute(k, String(v));
    el.append(...richNodes(n?.children ?? []));
    return el;
  });
}
