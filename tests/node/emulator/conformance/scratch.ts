import { randomBytes } from 'node:crypto';
import { sdk } from '../../support/cloud';

export const db = sdk().database();
export const _ = db.command;
export const $ = db.command.aggregate;

/** A scratch collection of its own, created through the SDK as CloudBase requires. */
export async function fresh(what: string, docs: object[] = []): Promise<string> {
  const name = `conf_${what}_${randomBytes(4).toString('hex')}`;
  await db.createCollection(name);
  if (docs.length) await db.collection(name).add(docs);
  return name;
}

export const ids = (res: { data: Array<{ _id: unknown }> }) => res.data.map((d) => d._id).sort();
