import fs from 'node:fs';

/** A collection's security rule for client (mini-program) access, as CloudBase stores it. */
export interface Rule {
  read: boolean | string;
  write: boolean | string;
}

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1 | '2dsphere'>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  rule: Rule;
  /** Why a query may read the whole collection: it stays a fixed handful of documents. */
  readWhole?: string;
}

/** What `database/collections.json` holds: a default rule and every collection with its indexes. */
interface CollectionsFile {
  defaultRule: Rule;
  collections: Record<string, { indexes?: IndexSpec[]; rule?: Rule; readWhole?: string }>;
}

export function readCollectionsFile(file: string): CollectionSpec[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CollectionsFile;
  return Object.entries(parsed.collections).map(([name, c]) => ({
    name,
    indexes: c.indexes ?? [],
    rule: c.rule ?? parsed.defaultRule,
    ...(c.readWhole ? { readWhole: c.readWhole } : {}),
  }));
}

export function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return a.name === b.name && !!a.unique === !!b.unique && JSON.stringify(Object.entries(a.keys)) === JSON.stringify(Object.entries(b.keys));
}

export function sameRule(a: Rule | undefined, b: Rule): boolean {
  return !!a && a.read === b.read && a.write === b.write;
}
