import fs from 'node:fs';
import { CommunityFile, databaseFor, setupCommunity } from './community/setup';

const USAGE = `npm run community -- <community.json> [--local <url>]
  Creates (or updates) a community, its grids and co-building units from a JSON file like
  scripts/community/example.json, and prints a one-time code that makes its administrator.
  Reads TCB_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY from the environment;
  --local http://127.0.0.1:3000 writes to the local cloud instead (with the secret npm start wrote
  to .data/secret; set DATA_DIR or HONGLIN_SECRET for another).`;

async function main(argv: string[]) {
  const local = argv.includes('--local') ? argv[argv.indexOf('--local') + 1] : undefined;
  const path = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--local');
  if (!path) throw new Error(USAGE);
  const parsed = CommunityFile.safeParse(JSON.parse(fs.readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const result = await setupCommunity(databaseFor({ local }), parsed.data);
  const until = new Date(result.invite.expiresAt + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  console.log(`${parsed.data.name} (${result.communityId}): ${result.grids} grids, ${result.units} co-building units`);
  console.log(`administrator invite code: ${result.invite.code}${result.invite.reused ? ' (still unused, shown again)' : ''}, valid until ${until} (Beijing time)`);
  console.log('  the administrator opens the mini-program, 我的 → 输入邀请码, then makes the posters in 社区工作台');
}

main(process.argv.slice(2)).catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
