/**
 * Builds miniprogram/miniprogram_npm from node_modules, the way DevTools' 构建 npm would, but only
 * for the packages the mini-program uses (the root package.json also lists server-only packages).
 *
 *   npx tsx scripts/mp-npm.ts
 *
 * Idempotent: a stamp file records what was copied; nothing is rewritten when it matches.
 */
import fs from 'fs';
import path from 'path';

const repo = path.resolve(__dirname, '..');

interface Entry {
  /** Directory name under miniprogram_npm. */
  name: string;
  /** Files to copy: destination (relative to the package dir) → source (relative to node_modules). */
  files: () => Record<string, string>;
  /** A subpackage root (e.g. 'package-staff'): the package goes to its own miniprogram_npm, counted in that subpackage. */
  into?: string;
  /** The source is a script ending in `export default <name>`: given to CommonJS instead, as DevTools' 构建 npm does. */
  esm?: boolean;
}

function dirFiles(srcDir: string, destPrefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(repo, 'node_modules', srcDir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(r);
      // Type declarations are useless at runtime and would only be filtered out at upload.
      else if (!d.name.endsWith('.d.ts')) out[destPrefix + r] = `${srcDir}/${r}`;
    }
  };
  walk('');
  return out;
}

export const PACKAGES: Entry[] = [
  // tdesign ships a ready-to-copy build (its package.json "miniprogram" field).
  { name: 'tdesign-miniprogram', files: () => dirFiles('tdesign-miniprogram/miniprogram_dist') },
  {
    name: 'dayjs',
    files: () => ({
      'index.js': 'dayjs/dayjs.min.js',
      'plugin/utc.js': 'dayjs/plugin/utc.js',
    }),
  },
  // The pickup code is drawn on the phone from the order's text (a small, dependency-free encoder).
  { name: 'qrcode-generator', files: () => ({ 'index.js': 'qrcode-generator/dist/qrcode.js' }) },
  // 数据看板's charts, drawn on a canvas 2d: staff pages only, so the staff subpackage carries it.
  { name: '@qiun/ucharts', files: () => ({ 'index.js': '@qiun/ucharts/u-charts.min.js' }), into: 'package-staff', esm: true },
];

/** Where a package's miniprogram_npm is: the main package's, or its subpackage's. */
const npmDirOf = (miniprogramRoot: string, p: Entry) => path.join(miniprogramRoot, p.into ?? '', 'miniprogram_npm');

function versionOf(pkg: string): string {
  return JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Copies the packages into `<miniprogramRoot>/miniprogram_npm`; returns true when something was written. */
export function syncMiniprogramNpm(miniprogramRoot = path.join(repo, 'miniprogram')): boolean {
  const npmDir = path.join(miniprogramRoot, 'miniprogram_npm');
  const stampFile = path.join(npmDir, '.stamp.json');
  const stamp = JSON.stringify(PACKAGES.map((p) => [p.name, versionOf(p.name)]));
  const fresh = () => fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
  if (fresh()) return false;

  // Parallel test workers may all find it stale: one copies, the others wait for it.
  fs.mkdirSync(miniprogramRoot, { recursive: true });
  const lock = path.join(miniprogramRoot, '.miniprogram_npm.lock');
  const release = acquire(lock);
  try {
    if (fresh()) return false;
    copyAll(miniprogramRoot);
    fs.writeFileSync(stampFile, stamp);
    return true;
  } finally {
    release();
  }
}

function acquire(lock: string): () => void {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (Date.now() > deadline) fs.rmSync(lock, { force: true }); // left by a killed process
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** `export default X;` at the end of a script → `module.exports = X;`; any other export is refused. */
function commonJs(code: string, src: string): string {
  const last = /\bexport default ([\w$]+);?\s*$/;
  if (!last.test(code) || (code.match(/\bexport\b/g) ?? []).length !== 1) throw new Error(`${src}: expected one \`export default\` at the end`);
  return code.replace(last, 'module.exports = $1;\n');
}

function copyAll(miniprogramRoot: string): void {
  for (const dir of new Set(PACKAGES.map((p) => npmDirOf(miniprogramRoot, p)))) fs.rmSync(dir, { recursive: true, force: true });
  for (const p of PACKAGES) {
    for (const [dest, src] of Object.entries(p.files())) {
      const to = path.join(npmDirOf(miniprogramRoot, p), p.name, dest);
      const from = path.join(repo, 'node_modules', src);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (p.esm) fs.writeFileSync(to, commonJs(fs.readFileSync(from, 'utf8'), src));
      else fs.copyFileSync(from, to);
    }
  }
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  const wrote = syncMiniprogramNpm();
  console.log(wrote ? 'miniprogram_npm rebuilt' : 'miniprogram_npm up to date');
}
