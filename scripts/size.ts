/**
 * Mini-program package sizes: the files reachable from app.json, split the way WeChat splits them
 * (a file under a subpackage root belongs to that subpackage, everything else to the main package).
 *
 *   npx tsx scripts/size.ts [miniprogramRoot] [--list]
 *
 * Exits 1 when the main package is over budget (1.5 MB), a subpackage is over WeChat's 2 MB, or a
 * reference cannot be resolved (a size that silently skips files is wrong).
 */
import fs from 'fs';
import path from 'path';
import { transformSync } from 'esbuild';
import { syncMiniprogramNpm } from './mp-npm';

export const MAIN_BUDGET = 1_572_864; // 1.5 MB, ours (WeChat allows 2 MB)
export const SUBPACKAGE_LIMIT = 2 * 1024 * 1024; // WeChat's

export interface PackageSize {
  name: string;
  /** Subpackage root relative to the mini-program root; '' for the main package. */
  root: string;
  bytes: number;
  /** Paths relative to the mini-program root, sorted. TypeScript files count as their compiled JS. */
  files: string[];
}

export interface SizeReport {
  main: PackageSize;
  subpackages: PackageSize[];
  /** Unresolvable references: "from → what". */
  missing: string[];
}

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; name?: string; pages: string[] }[];
  subpackages?: { root: string; name?: string; pages: string[] }[];
  usingComponents?: Record<string, string>;
  tabBar?: { list?: { iconPath?: string; selectedIconPath?: string }[] };
  sitemapLocation?: string;
  themeLocation?: string;
}

const SCRIPT_EXT = ['.ts', '.js'];
const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;

class Walker {
  readonly sizes = new Map<string, number>();
  readonly missing: string[] = [];

  constructor(readonly root: string) {}

  private rel(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/');
  }

  private isFile(p: string): boolean {
    return fs.existsSync(p) && fs.statSync(p).isFile();
  }

  private miss(from: string, what: string): void {
    this.missing.push(`${this.rel(from)} → ${what}`);
  }

  /** Adds a file; returns false if it was already counted. */
  private add(abs: string, bytes?: number): boolean {
    if (this.sizes.has(abs)) return false;
    this.sizes.set(abs, bytes ?? fs.statSync(abs).size);
    return true;
  }

  /** An asset path as written in wxml/wxss/json/js: absolute from the root, or relative to `from`. */
  private assetPath(from: string, ref: string): string {
    return ref.startsWith('/') ? path.join(this.root, ref) : path.resolve(path.dirname(from), ref);
  }

  asset(from: string, ref: string): void {
    if (/^(https?:|data:|wxfile:|cloud:)/.test(ref) || ref.includes('{{')) return;
    const abs = this.assetPath(from, ref);
    if (this.isFile(abs)) this.add(abs);
    else this.miss(from, ref);
  }

  /** Finds `spec` under the nearest miniprogram_npm, walking up from `dir` to the root. */
  private npm(dir: string, spec: string, suffixes: string[]): string | undefined {
    for (let d = dir; ; d = path.dirname(d)) {
      const base = path.join(d, 'miniprogram_npm', spec);
      for (const s of suffixes) if (this.isFile(base + s)) return base + s;
      if (d === this.root || path.dirname(d) === d || !d.startsWith(this.root)) return undefined;
    }
  }

  /** A component path (no extension) from usingComponents, or undefined. */
  private componentPath(fromJson: string, spec: string): string | undefined {
    const dir = path.dirname(fromJson);
    const tries: string[] = spec.startsWith('/')
      ? [path.join(this.root, spec)]
      : spec.startsWith('.')
        ? [path.resolve(dir, spec)]
        : [path.resolve(dir, spec), ...['', '/index'].map((s) => this.npm(dir, spec + s, ['.json'])?.slice(0, -5) ?? '')];
    for (const t of tries.filter(Boolean)) {
      if (this.isFile(`${t}.json`)) return t;
      if (this.isFile(path.join(t, 'index.json'))) return path.join(t, 'index');
    }
    return undefined;
  }

  /** A page or component: its four files and everything they reach. */
  component(base: string, from: string): void {
    const json = `${base}.json`;
    if (!this.isFile(json)) return this.miss(from, this.rel(base));
    if (!this.add(json)) return;
    const conf = JSON.parse(fs.readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> };
    this.usingComponents(json, conf.usingComponents);
    this.wxml(`${base}.wxml`);
    this.wxss(`${base}.wxss`);
    this.scriptAt(base, json);
  }

  usingComponents(fromJson: string, using: Record<string, string> | undefined): void {
    for (const spec of Object.values(using ?? {})) {
      if (spec.startsWith('plugin://') || spec.startsWith('plugin-private://')) continue;
      const p = this.componentPath(fromJson, spec);
      if (p) this.component(p, fromJson);
      else this.miss(fromJson, spec);
    }
  }

  /** The .ts (preferred, as DevTools does) or .js next to a page, component or app. */
  scriptAt(base: string, from: string): void {
    const file = SCRIPT_EXT.map((e) => base + e).find((f) => this.isFile(f));
    if (file) this.script(file);
    else this.miss(from, `${this.rel(base)}.ts|.js`);
  }

  script(file: string): void {
    if (this.sizes.has(file)) return;
    let code = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.ts')) {
      // What ships is the compiled JS; type-only imports vanish with the types.
      code = transformSync(code, { loader: 'ts', format: 'cjs', target: 'es2017' }).code;
      this.add(file, Buffer.byteLength(code));
    } else {
      this.add(file);
    }
    const specs = new Set<string>();
    const re = /\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\b(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]/g;
    for (const m of code.matchAll(re)) specs.add(m[1] ?? m[2] ?? m[3] ?? m[4]);
    for (const spec of specs) this.module(file, spec);
    for (const m of code.matchAll(/['"`](\/[\w\-./]+\.(?:png|jpe?g|gif|svg|webp))['"`]/g)) this.asset(file, m[1]);
  }

  private module(from: string, spec: string): void {
    const dir = path.dirname(from);
    const candidates = (base: string) => ['', ...SCRIPT_EXT, ...SCRIPT_EXT.map((e) => `/index${e}`)].map((s) => base + s);
    let found: string | undefined;
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const base = spec.startsWith('/') ? path.join(this.root, spec) : path.resolve(dir, spec);
      found = candidates(base).find((f) => this.isFile(f) && /\.(ts|js|json)$/.test(f));
    } else {
      found = this.npm(dir, spec, ['.js', '/index.js', '']);
    }
    if (!found) return this.miss(from, spec);
    if (found.endsWith('.json')) this.add(found);
    else this.script(found);
  }

  wxml(file: string): void {
    if (!this.isFile(file) || !this.add(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<(import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g)) {
      const [, tag, ref] = m;
      const withExt = path.extname(ref) ? ref : `${ref}.${tag === 'wxs' ? 'wxs' : 'wxml'}`;
      const abs = this.assetPath(file, withExt);
      if (!this.isFile(abs)) this.miss(file, ref);
      else if (tag === 'wxs') this.wxs(abs);
      else this.wxml(abs);
    }
    for (const m of text.matchAll(/<(?:image|cover-image|video|audio)\b[^>]*?\b(?:src|poster)\s*=\s*["']([^"']+)["']/g)) {
      this.asset(file, m[1]);
    }
  }

  wxs(file: string): void {
    if (!this.add(file)) return;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const abs = this.assetPath(file, m[1]);
      if (this.isFile(abs)) this.wxs(abs);
      else this.miss(file, m[1]);
    }
  }

  wxss(file: string): void {
    if (!this.isFile(file) || !this.add(file)) return;
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of text.matchAll(/@import\s+(?:url\()?\s*["']([^"']+)["']/g)) {
      const ref = path.extname(m[1]) ? m[1] : `${m[1]}.wxss`;
      const abs = this.assetPath(file, ref);
      if (this.isFile(abs)) this.wxss(abs);
      else this.miss(file, m[1]);
    }
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      if (!/^(https?:|data:)/.test(m[1]) && IMAGE.test(m[1])) this.asset(file, m[1]);
    }
  }
}

export function measure(root: string): SizeReport {
  root = path.resolve(root);
  const appJsonFile = path.join(root, 'app.json');
  const app = JSON.parse(fs.readFileSync(appJsonFile, 'utf8')) as AppJson;
  const w = new Walker(root);

  w.component(path.join(root, 'app'), appJsonFile);
  w.usingComponents(appJsonFile, app.usingComponents);
  for (const item of app.tabBar?.list ?? []) {
    if (item.iconPath) w.asset(appJsonFile, `/${item.iconPath}`);
    if (item.selectedIconPath) w.asset(appJsonFile, `/${item.selectedIconPath}`);
  }
  if (app.sitemapLocation) w.asset(appJsonFile, `/${app.sitemapLocation}`);
  if (app.themeLocation) w.asset(appJsonFile, `/${app.themeLocation}`);
  for (const page of app.pages ?? []) w.component(path.join(root, page), appJsonFile);

  const subs = app.subPackages ?? app.subpackages ?? [];
  for (const sub of subs) for (const page of sub.pages) w.component(path.join(root, sub.root, page), appJsonFile);

  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const packages: PackageSize[] = subs.map((s) => ({
    name: s.name ?? s.root.replace(/\/$/, ''),
    root: s.root.replace(/^\/|\/$/g, '') + '/',
    bytes: 0,
    files: [],
  }));
  const main: PackageSize = { name: 'main', root: '', bytes: 0, files: [] };
  for (const [abs, bytes] of w.sizes) {
    const r = rel(abs);
    const pkg = packages.find((p) => r.startsWith(p.root)) ?? main;
    pkg.bytes += bytes;
    pkg.files.push(r);
  }
  for (const p of [main, ...packages]) p.files.sort();
  return { main, subpackages: packages, missing: [...new Set(w.missing)].sort() };
}

/** Problems that fail the build, in words. */
export function problems(report: SizeReport, mainBudget = MAIN_BUDGET, subLimit = SUBPACKAGE_LIMIT): string[] {
  const out: string[] = [];
  if (report.main.bytes > mainBudget) out.push(`main package is ${kb(report.main.bytes)}, over the ${kb(mainBudget)} budget`);
  for (const s of report.subpackages) {
    if (s.bytes > subLimit) out.push(`subpackage ${s.name} is ${kb(s.bytes)}, over WeChat's ${kb(subLimit)}`);
  }
  for (const m of report.missing) out.push(`cannot resolve ${m}`);
  return out;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function table(report: SizeReport): string {
  const rows = [
    ['package', 'files', 'size', 'limit'],
    ['main', String(report.main.files.length), kb(report.main.bytes), kb(MAIN_BUDGET)],
    ...report.subpackages.map((s) => [`${s.name} (${s.root})`, String(s.files.length), kb(s.bytes), kb(SUBPACKAGE_LIMIT)]),
    [
      'total',
      String(report.main.files.length + report.subpackages.reduce((n, s) => n + s.files.length, 0)),
      kb(report.main.bytes + report.subpackages.reduce((n, s) => n + s.bytes, 0)),
      '',
    ],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

export function main(argv: string[]): number {
  const defaultRoot = path.resolve(__dirname, '../miniprogram');
  const root = path.resolve(argv.find((a) => !a.startsWith('--')) ?? defaultRoot);
  // Measure what DevTools would pack: miniprogram_npm must be built first.
  if (root === defaultRoot) syncMiniprogramNpm(root);
  const report = measure(root);
  console.log(table(report));
  if (argv.includes('--list')) {
    for (const p of [report.main, ...report.subpackages]) {
      console.log(`\n${p.name}:`);
      for (const f of p.files) console.log(`  ${f}`);
    }
  }
  const bad = problems(report);
  for (const b of bad) console.error(`✗ ${b}`);
  return bad.length ? 1 : 0;
}

if (path.resolve(process.argv[1] ?? '') === __filename) process.exit(main(process.argv.slice(2)));
