import { randomBytes } from 'node:crypto';
import type { DocStore } from './store';

/**
 * One state change of something people follow (a wish, a booking, a ticket …): who, when, from,
 * to, why (DESIGN.md §5). Every domain's event collection holds this one shape, so one audit view
 * can read them all.
 */
export interface ChangeEvent<T extends string = string, F extends string = string> {
  _id: string;
  communityId: string;
  /** What changed: 'wish', 'booking', 'ticket', 'need' … */
  target: T;
  targetId: string;
  at: number;
  /** Which side of it changed when not its status: a ticket's level or assignee, say. */
  field?: F;
  from: string | null;
  to: string;
  byUserId: string;
  /** How the actor appears to others: a role and a masked name, never an openid. */
  byLabel: string;
  why?: string;
  /** For edits: the fields that changed, before and after. */
  changes?: Record<string, { from: unknown; to: unknown }>;
}

export type Change<T extends string = string, F extends string = string> = Omit<ChangeEvent<T, F>, '_id' | 'byUserId' | 'byLabel'> & {
  by: { id: string; label: string };
};

/** Writes one change in the transaction of the change itself; `extra` keeps a domain's own lookup keys. */
export async function recordChange<T extends string, F extends string>(
  tx: DocStore,
  collection: string,
  c: Change<T, F>,
  extra: Record<string, string> = {},
): Promise<ChangeEvent<T, F>> {
  const { by, why, changes, field, ...rest } = c;
  const doc: ChangeEvent<T, F> = {
    _id: `${c.targetId}.${c.at}.${randomBytes(4).toString('hex')}`,
    ...extra,
    ...rest,
    ...(field ? { field } : {}),
    byUserId: by.id,
    byLabel: by.label,
    ...(why ? { why } : {}),
    ...(changes ? { changes } : {}),
  };
  await tx.set(collection, doc._id, doc);
  return doc;
}
