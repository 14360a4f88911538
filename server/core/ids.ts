import { randomBytes } from 'node:crypto';

/** A new document id: a prefix naming the kind, then 16 random hex digits. */
export const newId = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;
