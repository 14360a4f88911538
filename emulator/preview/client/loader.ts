/**
 * The mini-program's module system and constructors in the browser: `require` over the modules the
 * server built, and `App`, `Page`, `Component`, `Behavior`, `getApp` as the WeChat runtime defines
 * them. A component's script runs once, when it is registered; its `Component()` call is tied to
 * it the way miniprogram-simulate ties it (the component being loaded when the call happens).
 */
import * as jComponent from 'j-component';
import { manifest, type ComponentInfo } from './manifest';

type Module = { exports: any };
const modules = new Map<string, Module>();

export function requireModule(id: string): any {
  const cached = modules.get(id);
  if (cached) return cached.exports;
  const entry = manifest().modules[id];
  if (!entry) throw new Error(`module not found: ${id}`);
  const [deps, code] = entry;
  const module: Module = { exports: {} };
  modules.set(id, module);
  const run = new Function('require', 'module', 'exports', `${code}\n//# sourceURL=/${id}`);
  const localRequire = (spec: string) => {
    const dep = deps[spec];
    if (!dep) throw new Error(`${id}: cannot find module '${spec}'`);
    return requireModule(dep);
  };
  run(localRequire, module, module.exports);
  return module.exports;
}

/** Component key → registered info (tag = exparser id = class prefix). */
const byKey = new Map<string, ComponentInfo>();
const byTag = new Map<string, ComponentInfo>();
/** Declared property names per tag: a page receives the query's values in its properties. */
const propertyNames = new Map<string, string[]>();
let loading: ComponentInfo | null = null;
let gwx: ((path: string) => unknown) | null = null;

export const componentByKey = (key: string) => byKey.get(key);
export const componentByTag = (tag: string) => byTag.get(tag);
export const propertiesOf = (tag: string) => propertyNames.get(tag) ?? [];

function template(key: string): unknown {
  if (!gwx) {
    (window as any).__webview_engine_version__ = 0.02;
    gwx = window.__HL_WXML__();
  }
  return gwx(`${key}.wxml`) ?? '';
}

function joinKey(from: string, rel: string): string {
  const parts = rel.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const p of rel.replace(/^\//, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/**
 * `ready` once, after the first render, also for components a later setData adds (j-component
 * calls it only for those present when the page is attached).
 */
function readyAfterAttach(lifetimes: Record<string, any>, options: Record<string, any>): Record<string, any> {
  const ready = lifetimes.ready ?? options.ready;
  const attached = lifetimes.attached ?? options.attached;
  if (!ready) return lifetimes;
  const once = function (this: any, ...args: unknown[]) {
    if (this.__hlReady) return;
    this.__hlReady = true;
    return ready.apply(this, args);
  };
  return {
    ...lifetimes,
    ready: once,
    attached(this: any, ...args: unknown[]) {
      const out = attached?.apply(this, args);
      setTimeout(() => this._exparserNode?.$$?.isConnected !== false && once.call(this), 0);
      return out;
    },
  };
}

function componentConstructor(options: Record<string, any>): void {
  const c = loading;
  if (!c) throw new Error('Component() was called outside a component script');
  const usingComponents: Record<string, string> = {};
  for (const [name, key] of Object.entries(c.using)) {
    const child = byKey.get(key);
    if (child) usingComponents[name] = child.tag;
  }
  const definition: Record<string, any> = {
    ...options,
    id: c.tag,
    tagName: c.tag,
    path: `/${c.key}`,
    template: template(c.key),
    usingComponents,
    options: { ...(options.options ?? {}), classPrefix: c.tag },
  };
  // relations name other components by path; exparser knows them by id.
  if (options.relations) {
    const relations: Record<string, any> = {};
    for (const [rel, value] of Object.entries(options.relations as Record<string, any>)) {
      const target = byKey.get(joinKey(c.key, rel));
      relations[target ? target.tag : rel] = target ? { ...value, target: target.tag } : value;
    }
    definition.relations = relations;
  }
  definition.lifetimes = readyAfterAttach({ ...(options.lifetimes ?? {}) }, options);
  propertyNames.set(c.tag, Object.keys(options.properties ?? {}));
  jComponent.register(definition);
}

/** `Page({...})`: the older constructor, as a component whose functions are methods. */
function pageConstructor(options: Record<string, any>): void {
  const methods: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (typeof v === 'function') methods[k] = v;
    else if (k !== 'data' && k !== 'options' && k !== 'behaviors') rest[k] = v;
  }
  componentConstructor({
    data: options.data ?? {},
    behaviors: options.behaviors,
    options: options.options,
    methods,
    lifetimes: {
      created(this: Record<string, unknown>) {
        Object.assign(this, rest);
      },
    },
  });
}

let appInstance: Record<string, any> | null = null;

export function installConstructors(): void {
  const g = globalThis as any;
  g.Component = componentConstructor;
  g.Page = pageConstructor;
  g.Behavior = (definition: Record<string, any>) => jComponent.behavior(definition);
  g.App = (options: Record<string, any>) => {
    appInstance = Object.assign(Object.create(null), options, { globalData: options.globalData ?? {} });
  };
  g.getApp = () => appInstance ?? (appInstance = { globalData: {} });
  g.requirePlugin = (name: string) => {
    throw new Error(`plugin ${name} is not available in the preview`);
  };
}

export const app = (): Record<string, any> | null => appInstance;

/** Registers every component, children first, running each one's script once. */
export function registerComponents(): string[] {
  const failed: string[] = [];
  for (const c of manifest().components) {
    byKey.set(c.key, c);
    byTag.set(c.tag, c);
    loading = c;
    try {
      requireModule(c.module);
    } catch (e) {
      console.error(`preview: ${c.key} failed to load`, e);
      failed.push(c.key);
    } finally {
      loading = null;
    }
  }
  return failed;
}

export function runAppScript(): void {
  const id = manifest().appModule;
  if (id) requireModule(id);
}
