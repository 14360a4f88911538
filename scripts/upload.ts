import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareCloudPackage } from './upload/prepare';

const USAGE = `npm run upload [-- options]
  Builds a copy of the mini-program in cloud mode for TCB_ENV_ID and uploads it with miniprogram-ci.
  Reads MP_APPID, MP_PRIVATE_KEY_PATH (the 代码上传密钥 file) and TCB_ENV_ID from the environment.
  --version <v>    version to upload (default: package.json version)
  --desc <text>    description (default: package.json description)
  --robot <1-30>   which CI robot uploads (default 1)
  --out <dir>      write the prepared project there and stop (open it in WeChat DevTools to upload by hand)
  --dry-run        prepare into a temporary folder and stop`;

interface Args {
  version?: string;
  desc?: string;
  robot: number;
  out?: string;
  dryRun: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { robot: 1, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${k} needs a value\n${USAGE}`);
      return value;
    };
    if (k === '--version') a.version = v();
    else if (k === '--desc') a.desc = v();
    else if (k === '--robot') a.robot = Number(v());
    else if (k === '--out') a.out = v();
    else if (k === '--dry-run') a.dryRun = true;
    else throw new Error(`unknown option ${k}\n${USAGE}`);
  }
  return a;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return console.log(USAGE);
  const args = parseArgs(argv);
  const env = process.env;
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../package.json'), 'utf8'));
  const stopAfterPrepare = args.dryRun || args.out !== undefined;

  if (!stopAfterPrepare) {
    const missing = ['MP_APPID', 'MP_PRIVATE_KEY_PATH', 'TCB_ENV_ID'].filter((k) => !env[k]);
    if (missing.length) throw new Error(`set ${missing.join(', ')} in the environment (or use --out <dir> / --dry-run)`);
    if (!fs.existsSync(env.MP_PRIVATE_KEY_PATH!)) throw new Error(`MP_PRIVATE_KEY_PATH: no file at ${env.MP_PRIVATE_KEY_PATH}`);
  }
  const outDir = args.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-cloud-'));
  const projectPath = prepareCloudPackage({ envId: env.TCB_ENV_ID ?? '', outDir, appid: env.MP_APPID });
  console.log(`cloud package for ${env.TCB_ENV_ID} prepared in ${projectPath}`);
  if (stopAfterPrepare) return;

  const version = args.version ?? pkg.version;
  const desc = args.desc ?? pkg.description;
  // Loaded only to upload: it is large, and preparing needs none of it.
  const ci = require('miniprogram-ci');
  const project = new ci.Project({
    appid: env.MP_APPID,
    type: 'miniProgram',
    projectPath,
    privateKeyPath: env.MP_PRIVATE_KEY_PATH,
    ignores: ['node_modules/**/*'],
  });
  // useProjectConfig: the copy's project.config.json (TypeScript compiler plugin, minify, es6).
  const result = await ci.upload({ project, version, desc, robot: args.robot, setting: { useProjectConfig: true }, onProgressUpdate: () => {} });
  for (const p of result.subPackageInfo ?? []) console.log(`  ${p.name.padEnd(16)} ${(p.size / 1024).toFixed(1)} KB`);
  console.log(`uploaded ${version} (robot ${args.robot}): set it as the 体验版 or submit it for review in 微信公众平台 → 版本管理`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
