import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS_DIR, functionNames } from './discovery';

/**
 * Bundles each function's TypeScript with what it imports inlined into <fn>/index.js, leaving the
 * SDK as the function's one dependency (installed by CloudBase from its package.json).
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
        external: ['@cloudbase/node-sdk'],
        legalComments: 'none',
        logLevel: 'error',
      });
      return { name, bytes: fs.statSync(outfile).size };
    }),
  );
}
