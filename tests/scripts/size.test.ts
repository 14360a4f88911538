/**
 * @jest-environment node
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { transformSync } from 'esbuild';
import { MAIN_BUDGET, measure, problems, table } from '../../scripts/size';

const FIXTURE = path.resolve(__dirname, '../fixtures/size-mp');
const bytes = (rel: string) => fs.statSync(path.join(FIXTURE, rel)).size;

describe('size', () => {
  const report = measure(FIXTURE);

  test('the main package is everything reachable from app.json outside subpackage roots', () => {
    expect(report.main.files).toEqual([
      'app.js',
      'app.json',
      'app.wxss',
      'components/c/index.js',
      'components/c/index.json',
      'components/c/index.wxml',
      'images/bg.png', // url() in an @import-ed wxss
      'images/pic.png', // <image src>
      'images/tab.png', // tab bar icon
      'miniprogram_npm/dep/index.js', // require('dep')
      'miniprogram_npm/lib-ui/button/button.js', // usingComponents by package name
      'miniprogram_npm/lib-ui/button/button.json',
      'miniprogram_npm/lib-ui/button/button.wxml',
      'pages/a/index.json',
      'pages/a/index.ts',
      'pages/a/index.wxml',
      'pages/a/index.wxss',
      'pages/a/u.wxs',
      'pages/a/v.wxs', // required by a wxs module
      'sitemap.json',
      'styles/base.wxss',
      'templates/t.wxml',
      'utils/only-sub.js', // used only by the subpackage, but lives in the main package
      'utils/x.ts',
    ]);
  });

  test('unreferenced files and type-only imports do not count', () => {
    const all = [...report.main.files, ...report.subpackages.flatMap((s) => s.files)];
    expect(all).not.toContain('pages/unused/index.js');
    expect(all).not.toContain('images/unused.png');
    expect(report.missing).toEqual([]); // '../../types/none' is a type: gone after compiling
  });

  test('each subpackage has its own files', () => {
    expect(report.subpackages).toEqual([
      {
        name: 'sub',
        root: 'sub/',
        files: ['sub/p/index.js', 'sub/p/index.json', 'sub/p/index.wxml', 'sub/p/local.js'],
        bytes: ['sub/p/index.js', 'sub/p/index.json', 'sub/p/index.wxml', 'sub/p/local.js'].map(bytes).reduce((a, b) => a + b),
      },
    ]);
  });

  test('sizes are file sizes, TypeScript counted as the JavaScript it compiles to', () => {
    const compiled = (rel: string) =>
      Buffer.byteLength(
        transformSync(fs.readFileSync(path.join(FIXTURE, rel), 'utf8'), { loader: 'ts', format: 'cjs', target: 'es2017' }).code,
      );
    const expected = report.main.files
      .map((f) => (f.endsWith('.ts') ? compiled(f) : bytes(f)))
      .reduce((a, b) => a + b);
    expect(report.main.bytes).toBe(expected);
    expect(compiled('pages/a/index.ts')).not.toBe(bytes('pages/a/index.ts'));
  });

  test('over budget, or a reference that does not resolve, is a problem', () => {
    expect(problems(report)).toEqual([]);
    expect(problems(report, 100)).toEqual([expect.stringMatching(/^main package is .* over the 0\.1 KB budget$/)]);
    expect(MAIN_BUDGET).toBe(1_572_864);

    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'size-mp-'));
    try {
      fs.cpSync(FIXTURE, copy, { recursive: true });
      fs.rmSync(path.join(copy, 'miniprogram_npm/dep'), { recursive: true });
      fs.rmSync(path.join(copy, 'images/pic.png'));
      const broken = measure(copy);
      expect(broken.missing).toEqual(['pages/a/index.ts → dep', 'pages/a/index.wxml → /images/pic.png']);
      expect(problems(broken)).toHaveLength(2);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  test('prints a table in KB', () => {
    const lines = table(report).split('\n');
    expect(lines[0]).toMatch(/^package\s+files\s+size\s+limit$/);
    expect(lines[1]).toMatch(/^main\s+24\s+\d+\.\d KB\s+1536\.0 KB$/);
    expect(lines[2]).toMatch(/^sub \(sub\/\)\s+4\s+\d+\.\d KB\s+2048\.0 KB$/);
  });
});
