import { exhausted, invalid, notFound, precondition } from '../core/errors';
import type { DocStore } from '../platform/store';
import { ACCOUNTS, AccountDoc, ENTRIES, EntryDoc, EntryKind, accountId, kindOf } from './model';

/** An entry to write: the ledger works out its id and the balance after it. */
export type Posting = Omit<EntryDoc, '_id' | 'balanceAfter'>;

/** One entry per source, kind and account: the key that makes awards and redemptions happen once. */
export function entryId(p: Pick<Posting, 'source' | 'kind' | 'userId' | 'account'>): string {
  return `${p.source.type}.${p.source.id}.${p.kind}.${p.userId}${p.account ? `.${p.account}` : ''}`;
}

/** The account (of the entry's person in the entry's community) after an entry; refuses a balance below zero. Pure, so it is tested on its own. */
export function applyEntry(account: AccountDoc | null, p: Posting): AccountDoc {
  if (!Number.isSafeInteger(p.amount) || p.amount === 0) throw invalid('积分数额须为非零整数');
  if ((p.kind === 'earn' || p.kind === 'refund') && p.amount < 0) throw invalid('获得的积分须为正数');
  if (p.kind === 'spend' && p.amount > 0) throw invalid('消费的积分须为负数');
  // 先锋积分 record what was done: they are earned and corrected, never spent or refunded.
  if (p.account === 'vanguard' && (p.kind === 'spend' || p.kind === 'refund')) throw invalid('先锋积分不能兑换');
  if (account && (account.userId !== p.userId || account.communityId !== p.communityId || kindOf(account) !== kindOf(p))) throw new Error(`entry of ${accountId(p.communityId, p.userId, kindOf(p))} posted to account ${account._id}`);
  const cur = account ?? { _id: accountId(p.communityId, p.userId, kindOf(p)), userId: p.userId, communityId: p.communityId, ...(p.account ? { account: p.account } : {}), balance: 0, earned: 0, spent: 0, updatedAt: p.at };
  const balance = cur.balance + p.amount;
  if (balance < 0) throw exhausted(`积分不足：当前 ${cur.balance} 分，需要 ${-p.amount} 分`);
  // A reversing entry takes back what it reverses: an earning given by mistake leaves `earned`.
  const reversal = p.kind === 'adjust' && !!p.reverses;
  return {
    ...cur,
    balance,
    earned: cur.earned + (p.amount > 0 && p.kind !== 'refund' ? p.amount : reversal ? p.amount : 0),
    spent: cur.spent + (p.kind === 'spend' ? -p.amount : p.kind === 'refund' ? -p.amount : 0),
    updatedAt: p.at,
  };
}

/**
 * Posts an entry inside the caller's transaction: the entry and the balance of the person's
 * account in the entry's community change together.
 * A second posting for the same source returns the first entry and changes nothing.
 */
export async function post(tx: DocStore, p: Posting): Promise<{ entry: EntryDoc; duplicate: boolean }> {
  const id = entryId(p);
  const prior = await tx.get<EntryDoc>(ENTRIES, id);
  if (prior) return { entry: prior, duplicate: true };
  const account = await tx.get<AccountDoc>(ACCOUNTS, accountId(p.communityId, p.userId, kindOf(p)));
  const next = applyEntry(account, p);
  const entry: EntryDoc = { _id: id, ...p, balanceAfter: next.balance };
  await tx.set(ENTRIES, id, entry);
  await tx.set(ACCOUNTS, next._id, next);
  return { entry, duplicate: false };
}

/** Kinds a person may correct by reversal; spends and refunds follow their orders. */
export const REVERSIBLE: EntryKind[] = ['earn', 'adjust'];

/** An earning (or a positive adjustment) that is not itself a correction. */
export const isReversible = (e: Pick<EntryDoc, 'kind' | 'reverses' | 'amount'>): boolean => REVERSIBLE.includes(e.kind) && !e.reverses && e.amount > 0;

/**
 * A correction: a new 'adjust' entry of the opposite amount that names the entry it reverses.
 * Nothing is deleted or edited; each entry is reversed at most once (its id is the source).
 */
export async function reverse(tx: DocStore, originalId: string, by: string, at: number, reason: string): Promise<{ entry: EntryDoc; duplicate: boolean; original: EntryDoc }> {
  const original = await tx.get<EntryDoc>(ENTRIES, originalId);
  if (!original) throw notFound('积分记录不存在');
  if (!isReversible(original)) throw precondition('只能冲正获得的积分；兑换和退回的积分随订单变化');
  const { entry, duplicate } = await post(tx, {
    userId: original.userId,
    communityId: original.communityId,
    amount: -original.amount,
    kind: 'adjust',
    source: { type: 'reversal', id: original._id },
    reason,
    by,
    at,
    reverses: original._id,
    reversesKind: original.kind,
    ...(original.account ? { account: original.account } : {}),
  });
  return { entry, duplicate, original };
}
