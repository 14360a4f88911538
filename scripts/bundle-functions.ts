import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions');

export interface FunctionConfig {
  timeout?: number;
  triggers?: Array<{ name: string; type: 'timer'; config: string }>;
}

export function functionNames(): string[] {
  return fs
    .readdirSync(FUNCTIONS_DIR)
    .filter((n) => fs.existsSync(path.join(FUNCTIONS_DIR, n, 'index.ts')))
    .sort();
}

export function functionConfig(name: string): FunctionConfig {
  const file = path.join(FUNCTIONS_DIR, name, 'config.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

/**
 * Bundles each function's TypeScript with the domain inlined into cloudfunctions/<fn>/index.js,
 * leaving the SDK as the function's one dependency (installed by CloudBase from its package.json).
 */
export async function bundleFunctions(names = functionNames()): Promise<Array<{ name: string; bytes: number }>> {
  return Promise.all(
    names.map(async (name) => {
      const outfile = path.join(FUNCTIONS_DIR, name, 'index.js');
      await build({
        entryPoints: [path.join(FUNCTIONS_DIR, name, 'index.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        // ESM entry points let esbuild drop what a function does not use.
        mainFields: ['module', 'main'],
        external: ['@cloudbase/node-sdk'],
        legalComments: 'none',
        logLevel: 'error',
      });
      return { name, bytes: fs.statSync(outfile).size };
    }),
  );
}
