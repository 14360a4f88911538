/**
 * The component graph of the mini-program, read the way WeChat reads it: app.json lists the pages
 * (main package and subpackages), each page's and component's JSON lists its usingComponents.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  window?: Record<string, unknown>;
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> } & Record<string, unknown>;
  usingComponents?: Record<string, string>;
}

export interface ComponentEntry {
  /** Path inside the mini-program without extension: `pages/home/index`. */
  key: string;
  /** Element name and class prefix, unique in the app: `page-home`, `tdesign-button`. */
  tag: string;
  isPage: boolean;
  json: Record<string, any>;
  /** usingComponents name → key of the component. */
  using: Record<string, string>;
  /** The component's script (.ts or .js), absolute. */
  script: string;
  /** Style isolation as WeChat reads it from the JSON or the script's options. */
  sharesAppStyles: boolean;
}

export interface ComponentGraph {
  app: AppJson;
  pages: string[];
  /** Children before their parents: the order to register them in. */
  components: ComponentEntry[];
}

function readJson(file: string): Record<string, any> | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function scriptOf(root: string, key: string): string | undefined {
  for (const ext of ['.ts', '.js']) {
    const file = path.join(root, key + ext);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** Where a usingComponents value points, as a key: relative, absolute (`/components/x`) or an npm name. */
function resolveUsing(root: string, fromKey: string, value: string): string | undefined {
  const candidates = value.startsWith('/')
    ? [value.slice(1)]
    : value.startsWith('.')
      ? [path.posix.join(path.posix.dirname(fromKey), value)]
      : [path.posix.join('miniprogram_npm', value), path.posix.join('miniprogram_npm', value, 'index')];
  return candidates.find((k) => fs.existsSync(path.join(root, `${k}.json`)));
}

function tagFor(key: string, isPage: boolean, taken: Set<string>): string {
  const parts = key.replace(/^miniprogram_npm\//, '').split('/').filter((p) => p !== 'pages' && p !== 'index' && p !== 'components');
  // tdesign-miniprogram/button/button → tdesign-button
  if (parts.length >= 2 && parts[parts.length - 1] === parts[parts.length - 2]) parts.pop();
  if (key.startsWith('miniprogram_npm/')) parts[0] = parts[0].split('-')[0];
  const base = `${isPage ? 'page-' : key.startsWith('miniprogram_npm/') ? '' : 'comp-'}${parts.join('-')}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  let tag = base;
  for (let i = 2; taken.has(tag); i++) tag = `${base}-${i}`;
  taken.add(tag);
  return tag;
}

function sharesAppStyles(json: Record<string, any>, script: string): boolean {
  const iso = json.styleIsolation;
  if (iso === 'apply-shared' || iso === 'shared') return true;
  if (iso === 'isolated') return false;
  const source = fs.readFileSync(script, 'utf8');
  return /addGlobalClass\s*:\s*(true|!0)/.test(source) || /styleIsolation\s*:\s*["'](apply-)?shared["']/.test(source);
}

export function readAppJson(root: string): AppJson {
  const app = readJson(path.join(root, 'app.json'));
  if (!app) throw new Error(`no app.json in ${root}`);
  return app as AppJson;
}

export function pagesOf(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p)))];
}

export function componentGraph(root: string): ComponentGraph {
  const app = readAppJson(root);
  const pages = pagesOf(app);
  const entries = new Map<string, ComponentEntry>();
  const ordered: ComponentEntry[] = [];
  const taken = new Set<string>();
  const visiting = new Set<string>();

  const visit = (key: string, isPage: boolean): void => {
    if (entries.has(key) || visiting.has(key)) return;
    visiting.add(key);
    const json = readJson(path.join(root, `${key}.json`)) ?? {};
    const script = scriptOf(root, key);
    if (!script) {
      // A page listed in app.json before its files exist: the preview shows the others.
      console.warn(`preview: ${key} has no .ts or .js; left out`);
      visiting.delete(key);
      return;
    }
    const declared = { ...(isPage ? app.usingComponents : {}), ...(json.usingComponents ?? {}) } as Record<string, string>;
    const using: Record<string, string> = {};
    for (const [name, value] of Object.entries(declared)) {
      const child = resolveUsing(root, key, value);
      if (!child) {
        console.warn(`preview: ${key} uses ${name} → ${value}, which is not there`);
        continue;
      }
      visit(child, false);
      if (entries.has(child)) using[name] = child;
    }
    const entry: ComponentEntry = { key, tag: tagFor(key, isPage, taken), isPage, json, using, script, sharesAppStyles: sharesAppStyles(json, script) };
    visiting.delete(key);
    entries.set(key, entry);
    ordered.push(entry);
  };
  for (const p of pages) visit(p, true);
  return { app, pages, components: ordered };
}
