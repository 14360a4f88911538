import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS_DIR, functionNames } from './discovery';

/**
 * Bundles each function's TypeScript with what it imports inlined into <fn>/index.js, leaving out
 * the dependencies its package.json lists (the SDK, and anything too large to inline), which
 * CloudBase installs from it.
 */
export async function bundleFunctions(names = functionNames(), dir = FUNCTIONS_DIR): Promise<Array<{ name: string; bytes: number }>> {
  return Promise.all(
    names.map(async (name) => {
      const outfile = path.join(dir, name, 'index.js');
      await build({
        entryPoints: [path.join(dir, name, 'index.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        // ESM entry points let esbuild drop what a function does not use.
        mainFields: ['module', 'main'],
        external: ['@cloudbase/node-sdk', ...dependenciesOf(path.join(dir, name))],
        legalComments: 'none',
        logLevel: 'error',
      });
      return { name, bytes: fs.statSync(outfile).size };
    }),
  );
}

function dependenciesOf(fnDir: string): string[] {
  const pkg = path.join(fnDir, 'package.json');
  if (!fs.existsSync(pkg)) return [];
  return Object.keys((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
}
