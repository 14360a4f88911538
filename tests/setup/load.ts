/**
 * The one load() for page tests: compiles the page's WXML with the official wcc compiler
 * (miniprogram-simulate, rootPath = miniprogram/), runs app.ts and the page's TS (transformed by
 * jest), attaches it and calls its page lifecycles. Returns a handle that acts like a person:
 * read the text, tap on words, type into inputs.
 */
import path from 'path';
import simulate from 'miniprogram-simulate';
import { syncMiniprogramNpm } from '../../scripts/mp-npm';
import { currentApp, inflightRequests, resetApp } from './wx';

// Same instance as j-component's: the one that owns the rendered nodes.
const exparser = require('miniprogram-exparser');

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../miniprogram');
const DEV_OPENID_KEY = 'hl.devOpenid';

export interface LoadOptions {
  /** Who is using the phone: sent as `x-openid` to the local cloud. */
  openid?: string;
  /** The `scene` of the QR code that opened the mini-program (raw, before URL encoding). */
  scene?: string;
  /** Page query (onLoad options). */
  query?: Record<string, string>;
}

type Wrapper = any;

let npmReady = false;
let standinsReady = false;

/**
 * Native components that render nothing in jsdom, stood in for by components with the same
 * properties, so a test can read what the page bound to them (`props('#map').markers`).
 */
function registerStandins(): void {
  if (standinsReady) return;
  standinsReady = true;
  const list = { type: Array, value: [] };
  simulate.load({
    id: 'map',
    template: '<view class="map-standin"><slot/></view>',
    properties: {
      latitude: Number,
      longitude: Number,
      scale: { type: Number, value: 16 },
      markers: list,
      circles: list,
      polyline: list,
      includePoints: list,
      showLocation: Boolean,
    },
  } as unknown as string);
}

export interface PageHandle {
  /** The j-component root: `.data`, `.instance`, `.querySelector`. */
  comp: Wrapper;
  /** All visible text, whitespace collapsed. */
  text(): string;
  /** Text of the element matched by a selector (id or class, as exparser understands it; `>>>` enters a component). */
  textOf(selector: string): string;
  has(selector: string): boolean;
  /** The properties bound to the component matched by `selector` (e.g. the markers of a `<map>`). */
  props(selector: string): Record<string, any>;
  /** Taps the innermost element showing exactly `text`; the tap bubbles like a finger's. */
  tapText(text: string): Promise<void>;
  /** Taps the element (or component) matched by `selector`. */
  tap(selector: string): Promise<void>;
  /** Types `value` into the native input inside the element matched by `selector`. */
  input(selector: string, value: string): Promise<void>;
  /** Fires `name` (e.g. a picker's `change`) with `detail` on the element matched by `selector`. */
  trigger(selector: string, name: string, detail?: Record<string, unknown>): Promise<void>;
  /** Calls a page lifecycle (onShow, onPullDownRefresh, …) as the framework would. */
  lifecycle(name: string, arg?: unknown): Promise<void>;
  /** Resolves when the page's backend calls have finished and the view has updated. */
  idle(): Promise<void>;
  /** Waits until `text` is visible. */
  waitForText(text: string, timeoutMs?: number): Promise<void>;
  detach(): void;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The first real DOM element of a wrapper; tdesign components are virtual hosts with no element. */
function domOf(w: Wrapper): Element | null {
  if (w.dom) return w.dom as Element;
  const walk = (node: any): Element | null => {
    for (const child of node?.childNodes ?? []) {
      if (child.$$ && child.$$.nodeType === 1) return child.$$ as Element;
      const inner = walk(child.shadowRoot ?? child);
      if (inner) return inner;
    }
    return null;
  };
  return walk(w._exparserNode?.shadowRoot);
}

function fire(el: Element, name: string, detail: Record<string, unknown> = {}): void {
  const target = (el as any).__wxElement;
  if (!target) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered mini-program node`);
  exparser.Event.dispatchEvent(
    target,
    exparser.Event.create(name, detail, {
      bubbles: true,
      composed: true,
      capturePhase: true,
      extraFields: { touches: {}, changedTouches: {} },
    }),
  );
}

export async function idle(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  // Quiet for a few turns in a row: a finished request may trigger the next one in a callback.
  while (quiet < 3) {
    await new Promise((r) => setTimeout(r, 5));
    quiet = inflightRequests() === 0 ? quiet + 1 : 0;
    if (Date.now() > deadline) throw new Error(`backend calls still running after ${timeoutMs} ms`);
  }
}

export async function load(pagePath: string, options: LoadOptions = {}): Promise<PageHandle> {
  if (!npmReady) {
    syncMiniprogramNpm(MINIPROGRAM_ROOT);
    npmReady = true;
  }
  registerStandins();
  if (options.openid) wx.setStorageSync(DEV_OPENID_KEY, options.openid);
  resetApp();

  let id = '';
  // Fresh module instances per load: simulate registers a component only when its module runs
  // `Component()`, and every app start deserves fresh service state.
  jest.isolateModules(() => {
    require(path.join(MINIPROGRAM_ROOT, 'app'));
    const app = currentApp<{ onLaunch?: (o: unknown) => void; onShow?: (o: unknown) => void }>();
    const launch = {
      path: pagePath,
      query: options.scene ? { scene: encodeURIComponent(options.scene) } : {},
      scene: options.scene ? 1047 : 1001,
    };
    app?.onLaunch?.call(app, launch);
    app?.onShow?.call(app, launch);
    id = simulate.load(path.join(MINIPROGRAM_ROOT, pagePath), {
      rootPath: MINIPROGRAM_ROOT,
      compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
    });
  });

  const comp: Wrapper = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  const instance = comp.instance;
  // `#photos >>> .remove`: into a custom component's own tree, one `>>>` per component boundary.
  const find = (selector: string): Wrapper | null =>
    selector.split('>>>').reduce<Wrapper | null>((w, part) => w && w.querySelector(part.trim()), comp);

  const handle: PageHandle = {
    comp,
    text: () => norm(comp.dom.textContent),
    textOf(selector) {
      const w = find(selector);
      const el = w && domOf(w);
      return el ? norm(el.textContent) : '';
    },
    has: (selector) => !!find(selector),
    props(selector) {
      const w = find(selector);
      if (!w) throw new Error(`nothing matches ${selector}`);
      return { ...(w._exparserNode?.data ?? {}) };
    },
    async tapText(text) {
      const matches = Array.from(comp.dom.querySelectorAll('*') as NodeListOf<Element>).filter(
        (el) => norm(el.textContent) === text,
      );
      // The innermost matches: the elements whose text it is, not their containers.
      const inner = matches.filter((m) => !matches.some((o) => o !== m && m.contains(o)));
      if (inner.length === 0) throw new Error(`no element shows "${text}"; the page shows: ${handle.text()}`);
      if (inner.length > 1) throw new Error(`"${text}" is shown ${inner.length} times; tap by selector instead`);
      fire(inner[0], 'tap');
      await idle();
    },
    async tap(selector) {
      const w = find(selector);
      const el = w && domOf(w);
      if (!el) throw new Error(`nothing matches ${selector}`);
      fire(el, 'tap');
      await idle();
    },
    async input(selector, value) {
      const w = find(selector);
      const host = w && domOf(w);
      const el = host && (host.matches('wx-input, wx-textarea') ? host : host.querySelector('wx-input, wx-textarea'));
      if (!el) throw new Error(`no input inside ${selector}`);
      fire(el, 'input', { value, cursor: value.length, keyCode: 0 });
      await idle();
    },
    async trigger(selector, name, detail = {}) {
      const w = find(selector);
      const el = w && domOf(w);
      if (!el) throw new Error(`nothing matches ${selector}`);
      fire(el, name, detail);
      await idle();
    },
    async lifecycle(name, arg) {
      instance[name]?.call(instance, arg);
      await idle();
    },
    idle,
    async waitForText(text, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!handle.text().includes(text)) {
        if (Date.now() > deadline) throw new Error(`"${text}" never appeared; the page shows: ${handle.text()}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    detach: () => comp.detach(),
  };

  instance.onLoad?.call(instance, options.query ?? {});
  instance.onShow?.call(instance);
  await idle();
  return handle;
}
