import { bundleFunctions } from '../../emulator/functions/bundle';
import { FUNCTIONS_DIR } from '../../emulator/functions/discovery';
import { COLLECTIONS_FILE, desiredState } from './desired';
import { emptyEnvironment, plan, type Operation } from './plan';
import { type Target, formatCall } from './target';
import { cloudbaseTarget, cloudbaseCall } from './targets/cloudbase';
import { localTarget } from './targets/local';

export const USAGE = `npm run deploy [-- options]
  Creates what database/collections.json and cloudfunctions/ describe in a CloudBase environment:
  collections, indexes, security rules, then functions with their timer triggers. Only the
  differences are applied; a second run changes nothing.
  Reads TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN
  for temporary keys) from the environment.
  --dry-run        print every call it would make, make none
  --fresh          with --dry-run: plan against an empty environment, reading nothing (no keys needed)
  --local <url>    deploy the database to a local cloud (npm start) instead
  --no-build       use the bundles already in cloudfunctions/<fn>/index.js`;

export interface DeployOptions {
  dryRun: boolean;
  fresh: boolean;
  local?: string;
  build: boolean;
}

export function parseArgs(argv: string[]): DeployOptions {
  const opts: DeployOptions = { dryRun: false, fresh: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') opts.dryRun = true;
    else if (a === '--fresh') opts.fresh = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--local') opts.local = argv[++i];
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (opts.fresh && !opts.dryRun) throw new Error('--fresh plans without reading the environment: only with --dry-run');
  if (opts.local !== undefined && !/^https?:\/\//.test(opts.local)) throw new Error('--local needs the local cloud URL, e.g. http://127.0.0.1:3000');
  return opts;
}

function targetFor(opts: DeployOptions, env: NodeJS.ProcessEnv): Target {
  if (opts.local) return localTarget(opts.local.replace(/\/$/, ''));
  const envId = env.TCB_ENV_ID;
  const secretId = env.TENCENTCLOUD_SECRETID;
  const secretKey = env.TENCENTCLOUD_SECRETKEY;
  if (opts.fresh) {
    // Nothing is read or sent: the calls are printed as they would go to CloudBase.
    return { name: `a fresh CloudBase environment${envId ? ` (${envId})` : ''}`, read: async () => emptyEnvironment(), call: (op) => cloudbaseCall(op, FUNCTIONS_DIR), send: async () => {} };
  }
  const missing = [!envId && 'TCB_ENV_ID', !secretId && 'TENCENTCLOUD_SECRETID', !secretKey && 'TENCENTCLOUD_SECRETKEY'].filter(Boolean);
  if (missing.length) throw new Error(`set ${missing.join(', ')} in the environment (keys from 腾讯云 访问管理 → API 密钥), or use --dry-run --fresh`);
  return cloudbaseTarget({ envId: envId!, secretId: secretId!, secretKey: secretKey!, token: env.TENCENTCLOUD_SESSIONTOKEN }, FUNCTIONS_DIR);
}

/** Plans, prints and (unless a dry run) applies; answers the operations planned. */
export async function deploy(opts: DeployOptions, env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): Promise<Operation[]> {
  if (opts.build && !opts.local) await bundleFunctions();
  const target = targetFor(opts, env);
  const desired = desiredState(COLLECTIONS_FILE, FUNCTIONS_DIR);
  const ops = plan(desired, await target.read(desired));
  if (!ops.length) {
    log(`${target.name}: nothing to do, it matches the repository.`);
    return ops;
  }
  log(`${target.name}: ${ops.length} operation(s)${opts.dryRun ? ' (dry run, nothing sent)' : ''}`);
  for (const op of ops) {
    const call = target.call(op);
    log(`  ${formatCall(call)}`);
    if (!opts.dryRun) await target.send(call);
  }
  if (!opts.dryRun) log('done.');
  return ops;
}
