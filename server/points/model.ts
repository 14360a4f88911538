export const ACCOUNTS = 'points_accounts';
export const ENTRIES = 'points_entries';

export type EntryKind = 'earn' | 'spend' | 'refund' | 'adjust';

/** What gave rise to an entry; one source moves points at most once per kind. */
export interface Source {
  type: string;
  id: string;
}

export interface EntryDoc {
  _id: string;
  userId: string;
  communityId: string;
  /** Signed whole points. */
  amount: number;
  kind: EntryKind;
  source: Source;
  reason: string;
  by: string;
  at: number;
  balanceAfter: number;
  /** For reversing entries: the entry this one corrects. */
  reverses?: string;
}

export interface AccountDoc {
  _id: string;
  communityId: string;
  balance: number;
  earned: number;
  spent: number;
  updatedAt: number;
}
