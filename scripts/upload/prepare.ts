import fs from 'node:fs';
import path from 'node:path';
import { syncMiniprogramNpm } from '../mp-npm';

const ROOT = path.resolve(__dirname, '../..');
/** Left in a prepared folder, so a later run may empty it and no other folder is ever emptied. */
const MARKER = '.honglin-cloud-package';
/** What a phone must never be told to call: the local cloud of a developer's machine. */
const LOCAL_ADDRESS = /127\.0\.0\.1|localhost|0\.0\.0\.0/;

export interface PrepareOptions {
  /** The CloudBase environment the package's functions are called in. */
  envId: string;
  outDir: string;
  /** Written into the copy's project.config.json (DevTools and miniprogram-ci read it there). */
  appid?: string;
  /** The repository to copy from (tests use the real one). */
  root?: string;
}

/** CloudBase environment ids are letters, digits and dashes (e.g. honglin-8g3xk2a1b2c3d4e5). */
export function checkEnvId(envId: string | undefined): string {
  if (!envId) throw new Error('TCB_ENV_ID is empty: a cloud package must name its CloudBase environment');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/.test(envId)) throw new Error(`TCB_ENV_ID "${envId}" does not look like a CloudBase environment id`);
  return envId;
}

/** miniprogram/config.ts switched to cloud mode in the given environment, with no local URL left. */
export function cloudConfig(source: string, envId: string): string {
  // The values of the config object, one per line (the interface above them names the same keys).
  const out = source
    .replace(/^(\s*)mode: 'local',$/m, "$1mode: 'cloud',")
    .replace(/^(\s*)cloudEnv: '[^']*',$/m, `$1cloudEnv: '${checkEnvId(envId)}',`)
    .replace(/^(\s*)localCloudUrl: '[^']*',$/m, "$1localCloudUrl: '',");
  if (!/^\s*mode: 'cloud',$/m.test(out) || !new RegExp(`^\\s*cloudEnv: '${envId}',$`, 'm').test(out)) {
    throw new Error("miniprogram/config.ts no longer has `mode: 'local'` and `cloudEnv: ''` where scripts/upload expects them: update cloudConfig()");
  }
  return out;
}

/** Files under `dir` (outside miniprogram_npm) that mention a local address. */
export function filesCallingLocal(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'miniprogram_npm') walk(p);
      } else if (/\.(ts|js|json|wxml|wxs)$/.test(e.name) && LOCAL_ADDRESS.test(fs.readFileSync(p, 'utf8'))) found.push(p);
    }
  };
  walk(dir);
  return found;
}

/**
 * A copy of the mini-program ready to upload: cloud mode in `envId`, its npm components built in,
 * the working tree untouched. Refuses an empty environment id and any local address in the copy.
 */
export function prepareCloudPackage(opts: PrepareOptions): string {
  const envId = checkEnvId(opts.envId);
  const root = opts.root ?? ROOT;
  const out = path.resolve(opts.outDir);
  emptyOut(out);

  const copy = (rel: string, skip = (_: string) => false) =>
    fs.cpSync(path.join(root, rel), path.join(out, rel), { recursive: true, filter: (src) => !skip(path.relative(path.join(root, rel), src)) });
  copy('miniprogram', (rel) => rel.split(path.sep)[0] === 'miniprogram_npm' || rel === '.miniprogram_npm.lock');
  // Type-only imports reach into typings/; DevTools' TypeScript finds it beside miniprogram/ as in the repository.
  copy('typings');

  const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));
  if (opts.appid) project.appid = opts.appid;
  // Functions are deployed by npm run deploy, not from this copy.
  delete project.cloudfunctionRoot;
  fs.writeFileSync(path.join(out, 'project.config.json'), JSON.stringify(project, null, 2) + '\n');

  const configFile = path.join(out, 'miniprogram/config.ts');
  fs.writeFileSync(configFile, cloudConfig(fs.readFileSync(configFile, 'utf8'), envId));
  syncMiniprogramNpm(path.join(out, 'miniprogram'));

  const local = filesCallingLocal(path.join(out, 'miniprogram'));
  if (local.length) throw new Error(`refusing a cloud package that would call a local address:\n  ${local.join('\n  ')}`);
  return out;
}

function emptyOut(out: string): void {
  if (fs.existsSync(out) && fs.readdirSync(out).length) {
    if (!fs.existsSync(path.join(out, MARKER))) throw new Error(`${out} is not empty and was not made by npm run upload: choose another --out`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, MARKER), 'Made by npm run upload; emptied by the next run.\n');
}
