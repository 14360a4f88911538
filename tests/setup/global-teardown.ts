import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const cloud = (globalThis as any).__HONGLIN_CLOUD__;
  await cloud?.close();
  if (process.env.HONGLIN_DATA_DIR) fs.rmSync(process.env.HONGLIN_DATA_DIR, { recursive: true, force: true });
}
