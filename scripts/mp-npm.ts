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
];

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
    copyAll(npmDir);
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

function copyAll(npmDir: string): void {
  fs.rmSync(npmDir, { recursive: true, force: true });
  for (const p of PACKAGES) {
    for (const [dest, src] of Object.entries(p.files())) {
      const to = path.join(npmDir, p.name, dest);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(repo, 'node_modules', src), to);
    }
  }
}

if (path.resolve(process.argv[1] ?? '') === __filename) {
  const wrote = syncMiniprogramNpm();
  console.log(wrote ? 'miniprogram_npm rebuilt' : 'miniprogram_npm up to date');
}
