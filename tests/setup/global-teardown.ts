import fs from 'node:fs';
import { checkRecordedShapes } from './query-shapes';

export default async function globalTeardown(): Promise<void> {
  const cloud = (globalThis as any).__HONGLIN_CLOUD__;
  await cloud?.close();
  try {
    if (process.env.HONGLIN_QUERY_SHAPES) checkRecordedShapes(process.env.HONGLIN_QUERY_SHAPES);
  } finally {
    if (process.env.HONGLIN_DATA_DIR) fs.rmSync(process.env.HONGLIN_DATA_DIR, { recursive: true, force: true });
  }
}
