import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CollectionSpec, readCollectionsFile } from '../../emulator/db/schema';
import { FUNCTIONS_DIR, TimerTrigger, functionConfig, functionNames } from '../../emulator/functions/discovery';

/** One function as CloudBase should run it: the built bundle, its package.json and config.json. */
export interface DesiredFunction {
  name: string;
  timeout: number;
  memorySize: number;
  runtime: string;
  triggers: TimerTrigger[];
  openapi: string[];
  /** Names the uploaded code; CloudBase keeps it in the function's description. */
  description: string;
}

export interface DesiredState {
  collections: CollectionSpec[];
  functions: DesiredFunction[];
  functionsDir: string;
}

const ROOT = path.resolve(__dirname, '../..');
export const COLLECTIONS_FILE = path.join(ROOT, 'database/collections.json');

/** Files uploaded with each function; config.json rides along, as WeChat reads 云调用 permissions from it. */
export const UPLOADED = ['index.js', 'package.json', 'config.json'];
/** Sources left behind: CloudBase runs the bundle and installs the SDK from package.json. */
export const IGNORED = ['index.ts', 'node_modules', 'node_modules/**/*'];

export function desiredState(collectionsFile = COLLECTIONS_FILE, functionsDir = FUNCTIONS_DIR): DesiredState {
  return {
    collections: readCollectionsFile(collectionsFile),
    functions: functionNames(functionsDir).map((name) => desiredFunction(name, functionsDir)),
    functionsDir,
  };
}

function desiredFunction(name: string, dir: string): DesiredFunction {
  const cfg = functionConfig(name, dir);
  return {
    name,
    timeout: cfg.timeout ?? 20,
    memorySize: 256,
    runtime: 'Nodejs16.13',
    triggers: cfg.triggers ?? [],
    openapi: cfg.permissions?.openapi ?? [],
    description: `红邻 ${name} · code ${codeHash(path.join(dir, name))}`,
  };
}

/** A digest of what is uploaded, so an unchanged function is not uploaded again. */
function codeHash(fnDir: string): string {
  const bundle = path.join(fnDir, 'index.js');
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  const h = createHash('sha256');
  for (const f of UPLOADED) {
    const file = path.join(fnDir, f);
    h.update(`${f}\0`);
    if (fs.existsSync(file)) h.update(fs.readFileSync(file));
  }
  return h.digest('hex').slice(0, 16);
}
