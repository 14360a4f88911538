import { bundleFunctions } from '../emulator/functions/bundle';

/** `npm run build`: deployable cloud functions, each with the domain inlined. */
async function main() {
  const built = await bundleFunctions();
  for (const f of built) console.log(`cloudfunctions/${f.name}/index.js  ${(f.bytes / 1024).toFixed(1)} KB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
