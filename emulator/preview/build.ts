/**
 * Builds what the browser needs to run the mini-program: its WXML compiled by the official wcc
 * compiler, its scripts as CommonJS modules, its WXSS scoped per component, and the renderer
 * (j-component over exparser, the same one the page tests use) with the preview's `wx`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { componentGraph, readAppJson, scriptOf } from './components';
import { ModuleGraph } from './modules';
import { iconCss } from './icons';
import { readWxss, scopeCss } from './wxss';

export const REPO = path.resolve(__dirname, '../..');
export const MP_ROOT = path.join(REPO, 'miniprogram');
const CLIENT = path.join(__dirname, 'client');

export interface AppAssets {
  /** Defines `window.__HL_APP__` (manifest and modules) and `window.__HL_WXML__` (the compiled templates). */
  script: string;
  css: string;
  warnings: string[];
}

/** Newest change under a folder (files and their count), to know when to build again. */
export function stampOf(dir: string, skip: (name: string) => boolean = () => false): string {
  let newest = 0;
  let count = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (skip(e.name)) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        newest = Math.max(newest, fs.statSync(p).mtimeMs);
        count++;
      }
    }
  };
  walk(dir);
  return `${Math.round(newest)}-${count}`;
}

export const appStamp = () =>
  `${stampOf(MP_ROOT, (n) => n === 'miniprogram_npm')}-${fs.existsSync(path.join(MP_ROOT, 'miniprogram_npm/.stamp.json')) ? fs.statSync(path.join(MP_ROOT, 'miniprogram_npm/.stamp.json')).mtimeMs : 0}`;
export const runtimeStamp = () => stampOf(CLIENT);

function compileWxml(): string {
  // wcc reads each component's JSON with require(): drop stale copies so edits show up.
  for (const key of Object.keys(require.cache)) if (key.startsWith(MP_ROOT) && key.endsWith('.json')) delete require.cache[key];
  const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string, options: object): string };
  return compiler.wxmlToJs(MP_ROOT, { maxBuffer: 64 * 1024 * 1024 });
}

/** The phone widths the preview renders (CSS px): narrow Android phones up to large iPhones. */
export const PHONE_WIDTHS = { min: 320, max: 430, standard: 375 };

/** Every component's WXSS, scoped, with rpx in px of a phone `width` CSS px wide. */
function appCss(graph: ReturnType<typeof componentGraph>, width: number): string {
  const pxPerRpx = width / 750;
  const appWxss = readWxss(path.join(MP_ROOT, 'app.wxss'), MP_ROOT);
  const css: string[] = [];
  for (const c of graph.components) {
    const scope = { prefix: c.tag, page: '.wx-page', host: c.tag };
    if (c.isPage || c.sharesAppStyles) css.push(scopeCss(appWxss, scope, 'app.wxss', pxPerRpx));
    const own = readWxss(path.join(MP_ROOT, `${c.key}.wxss`), MP_ROOT);
    const page = c.isPage ? `.wx-page[data-page="${c.tag}"]` : '.wx-page';
    css.push(`/* ${c.key} */\n${scopeCss(own, { ...scope, page }, `${c.key}.wxss`, pxPerRpx)}`);
    if (c.key.endsWith('tdesign-miniprogram/icon/icon')) css.push(iconCss(own, c.tag));
  }
  return css.join('\n');
}

/** The styles alone for a phone of another width (`?width=360`): the same scoping, rpx scaled to it. */
export function buildAppCss(width: number): string {
  return appCss(componentGraph(MP_ROOT), width);
}

export function buildApp(): AppAssets {
  const graph = componentGraph(MP_ROOT);
  const modules = new ModuleGraph(REPO, MP_ROOT);
  const appScript = scriptOf(MP_ROOT, 'app');
  const appModule = appScript ? modules.add(appScript) : null;

  const components = graph.components.map((c) => ({ key: c.key, tag: c.tag, isPage: c.isPage, json: c.json, using: c.using, module: modules.add(c.script) }));

  const manifest = {
    appJson: readAppJson(MP_ROOT),
    appModule,
    pages: graph.components.filter((c) => c.isPage).map((c) => c.key),
    components,
    modules: Object.fromEntries(modules.all().map((m) => [m.id, [m.deps, m.code]])),
  };
  const script =
    `window.__HL_APP__ = ${JSON.stringify(manifest)};\n` +
    `window.__HL_WXML__ = function () {\n${compileWxml()}\n};\n`;
  return { script, css: appCss(graph, PHONE_WIDTHS.standard), warnings: modules.missing.map((m) => `cannot resolve ${m}`) };
}

/**
 * Small changes to j-component for a real browser: inline `style` rpx follows the phone's width
 * (it maps 1rpx to 1px), a selector query can hand out a node (`<canvas type="2d">`), and aria-*
 * attributes reach the DOM.
 */
const patchJComponent: Plugin = {
  name: 'patch-j-component',
  setup(b) {
    const patch = (file: string, from: string, to: string) => {
      const source = fs.readFileSync(file, 'utf8');
      if (!source.includes(from)) throw new Error(`j-component changed: ${path.basename(file)} no longer has ${from}`);
      return source.replace(from, () => to);
    };
    b.onLoad({ filter: /j-component[\\/]src[\\/]tool[\\/]utils\.js$/ }, (args) => ({
      loader: 'js',
      contents: patch(args.path, "return style.replace(/(\\d+)rpx/ig, '$1px')", 'return globalThis.__hlRpx(style)'),
    }));
    b.onLoad({ filter: /j-component[\\/]src[\\/]tool[\\/]selectorquery\.js$/ }, (args) => ({
      loader: 'js',
      contents: patch(args.path, 'if (fields.context) {', 'if (fields.node) {\n itemRes.node = node.$$ && node.$$.__hlNode || null\n}\nif (fields.context) {'),
    }));
    b.onLoad({ filter: /j-component[\\/]src[\\/]render[\\/]component\.js$/ }, (args) => ({
      loader: 'js',
      // <scroll-view> sends its own scroll events, with the offsets in `detail`.
      contents: patch(args.path, "this._triggerExparserEvent(evt, 'scroll')", 'void evt'),
    }));
    b.onLoad({ filter: /j-component[\\/]src[\\/]render[\\/]render\.js$/ }, (args) => ({
      loader: 'js',
      // aria-* reach the DOM as WeChat hands them to the screen reader (aria-role as role), so a
      // person with a screen reader, and a test, hear what an icon-only control does.
      contents: patch(
        args.path,
        '} else if (/^data-/.test(name)) {',
        // The template hands them over camel-cased (ariaLabel).
        "} else if (/^aria-?[A-Za-z]/.test(name)) {\n" +
          "      const aria = 'aria-' + name.slice(4).replace(/^-/, '').toLowerCase()\n" +
          "      exparserNode.setAttribute(aria === 'aria-role' ? 'role' : aria, value == null ? '' : String(value))\n" +
          '    } else if (/^data-/.test(name)) {',
      ),
    }));
    b.onLoad({ filter: /j-component[\\/]src[\\/]componentmanager\.js$/ }, (args) => ({
      loader: 'js',
      // Ids in the DOM let a person (and a test) find what the page calls #submit.
      contents: patch(args.path, 'writeIdToDOM: false', 'writeIdToDOM: true'),
    }));
  },
};

export async function buildRuntime(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(CLIENT, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    define: { global: 'globalThis' },
    plugins: [patchJComponent],
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export function readClientCss(): string {
  return fs.readFileSync(path.join(CLIENT, 'preview.css'), 'utf8');
}
