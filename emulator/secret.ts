import fs from 'node:fs';
import path from 'node:path';

const DEFAULT_DATA_DIR = path.resolve(__dirname, '../.data');

/**
 * The secret a running local cloud takes on its database endpoint, for tools on this machine:
 * what it wrote to `dataDir` at start; without one, HONGLIN_SECRET if set, else what `npm start`
 * wrote to its data directory (DATA_DIR, or .data).
 */
export function localCloudSecret(dataDir?: string): string {
  if (!dataDir && process.env.HONGLIN_SECRET) return process.env.HONGLIN_SECRET;
  const file = path.join(path.resolve(dataDir ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR), 'secret');
  if (!fs.existsSync(file)) throw new Error(`no local cloud secret at ${file}: start the local cloud (npm start), or set HONGLIN_SECRET or DATA_DIR`);
  return fs.readFileSync(file, 'utf8').trim();
}
