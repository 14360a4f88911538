import { USAGE, deploy, parseArgs } from './deploy/run';

/** `npm run deploy`: a CloudBase environment made to match the repository. */
async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return console.log(USAGE);
  await deploy(parseArgs(argv));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
