/**
 * The mini-program's JavaScript as WeChat runs it: one CommonJS module per file, TypeScript types
 * stripped (as DevTools does), bare imports resolved in miniprogram_npm first, then node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

export interface ModuleRecord {
  /** Path relative to the repository: `miniprogram/pages/home/index.ts`. */
  id: string;
  /** The module's CommonJS code. */
  code: string;
  /** Each `require()` specifier in the code → id of the module it means. */
  deps: Record<string, string>;
}

const EXTENSIONS = ['', '.ts', '.js', '.json', '/index.ts', '/index.js'];
const REQUIRE = /\brequire\(\s*(["'])([^"']+)\1\s*\)/g;

function existingFile(base: string): string | undefined {
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

export class ModuleGraph {
  private readonly records = new Map<string, ModuleRecord>();
  readonly missing: string[] = [];

  constructor(
    private readonly repo: string,
    private readonly mpRoot: string,
  ) {}

  idOf(file: string): string {
    return path.relative(this.repo, file).split(path.sep).join('/');
  }

  /** Adds `file` and everything it requires; returns its id. */
  add(file: string): string {
    const id = this.idOf(file);
    if (this.records.has(id)) return id;
    const record: ModuleRecord = { id, code: '', deps: {} };
    this.records.set(id, record);
    record.code = this.transform(file);
    for (const m of record.code.matchAll(REQUIRE)) {
      const spec = m[2];
      const dep = this.resolve(spec, file);
      if (dep) record.deps[spec] = this.add(dep);
      else this.missing.push(`${id}: ${spec}`);
    }
    return id;
  }

  all(): ModuleRecord[] {
    return [...this.records.values()];
  }

  private transform(file: string): string {
    const source = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.json')) return `module.exports = ${source};`;
    const ours = !/[\\/](node_modules|miniprogram_npm)[\\/]/.test(file);
    const out = transformSync(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'es2020',
      // The mini-program's own files are worth stepping through in the browser's debugger.
      sourcemap: ours ? 'inline' : false,
      sourcefile: `/${this.idOf(file)}`,
    });
    return out.code;
  }

  private resolve(spec: string, from: string): string | undefined {
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const base = spec.startsWith('/') ? path.join(this.mpRoot, spec) : path.resolve(path.dirname(from), spec);
      return existingFile(base);
    }
    // WeChat resolves a bare name in the nearest miniprogram_npm (a subpackage may have its own), up
    // to the root's; packages DevTools would have built come from node_modules.
    for (let dir = path.dirname(from); dir.startsWith(this.mpRoot); dir = path.dirname(dir)) {
      const inNpm = existingFile(path.join(dir, 'miniprogram_npm', spec));
      if (inNpm) return inNpm;
      if (dir === this.mpRoot) break;
    }
    try {
      return require.resolve(spec, { paths: [this.repo] });
    } catch {
      return undefined;
    }
  }
}
