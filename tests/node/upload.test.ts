import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { checkEnvId, cloudConfig, filesCallingLocal, prepareCloudPackage } from '../../scripts/upload/prepare';

const ROOT = path.resolve(__dirname, '../..');
const ENV = 'honglin-test-8g3xk2a1';

/** Runs a config.ts the way the mini-program would, and answers its default export. */
function evaluate(file: string): Record<string, any> {
  const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const mod = { exports: {} as Record<string, any> };
  new Function('module', 'exports', js)(mod, mod.exports);
  return mod.exports.default;
}

describe('the package npm run upload sends', () => {
  let out: string;
  beforeAll(() => {
    out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-upload-')), 'pkg');
    prepareCloudPackage({ envId: ENV, outDir: out, appid: 'wx0123456789abcdef' });
  });
  afterAll(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }));

  it('runs in cloud mode in the given environment, and the working tree stays local', () => {
    expect(evaluate(path.join(out, 'miniprogram/config.ts'))).toMatchObject({ mode: 'cloud', cloudEnv: ENV, localCloudUrl: '' });
    expect(evaluate(path.join(ROOT, 'miniprogram/config.ts'))).toMatchObject({ mode: 'local' });
  });

  it('mentions no local address anywhere in its config or code', () => {
    expect(fs.readFileSync(path.join(out, 'miniprogram/config.ts'), 'utf8')).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(filesCallingLocal(path.join(out, 'miniprogram'))).toEqual([]);
  });

  it('is a project DevTools and miniprogram-ci open as is: TypeScript plugin, npm components, appid', () => {
    const project = JSON.parse(fs.readFileSync(path.join(out, 'project.config.json'), 'utf8'));
    expect(project).toMatchObject({ appid: 'wx0123456789abcdef', miniprogramRoot: 'miniprogram/', setting: { useCompilerPlugins: ['typescript'] } });
    expect(fs.existsSync(path.join(out, 'miniprogram/miniprogram_npm/tdesign-miniprogram/button/button.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'miniprogram/app.json'))).toBe(true);
  });

  it('is made again over its own folder, never over someone else’s', () => {
    expect(() => prepareCloudPackage({ envId: ENV, outDir: out })).not.toThrow();
    expect(() => prepareCloudPackage({ envId: ENV, outDir: path.join(ROOT, 'miniprogram') })).toThrow(/not empty/);
  });
});

describe('refusals', () => {
  it('refuses an empty or malformed environment id', () => {
    expect(() => checkEnvId('')).toThrow(/TCB_ENV_ID is empty/);
    expect(() => checkEnvId(undefined)).toThrow(/TCB_ENV_ID is empty/);
    expect(() => checkEnvId("x'; alert(1)")).toThrow(/does not look like/);
    const out = path.join(os.tmpdir(), `honglin-upload-none-${process.pid}`);
    expect(() => prepareCloudPackage({ envId: '', outDir: out })).toThrow(/TCB_ENV_ID is empty/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a config it cannot switch', () => {
    expect(() => cloudConfig("const config = { mode: 'cloud' as const };", ENV)).toThrow(/update cloudConfig/);
  });

  it('finds a local address left in code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-scan-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "export const url = 'http://127.0.0.1:3000';");
    fs.writeFileSync(path.join(dir, 'b.ts'), 'export const ok = 1;');
    expect(filesCallingLocal(dir)).toEqual([path.join(dir, 'a.ts')]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
