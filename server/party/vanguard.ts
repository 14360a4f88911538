import type { DocStore } from '../platform/store';
import { post, type Posting } from '../points/ledger';
import type { EntryDoc } from '../points/model';
import { REGISTRATIONS, RegistrationDoc, registrationId } from './model';

/**
 * 先锋亮绩、积分管理: a deed that earns points earns a confirmed party member the same number of
 * 先锋积分, in the same transaction and the same ledger (the 'vanguard' account). The entry is keyed
 * by the deed like the points entry, so a repeat credits neither twice. Someone not (yet) a
 * confirmed member earns points only: their registration is read here, when the deed is credited.
 */
export async function earnWithVanguard(tx: DocStore, p: Posting): Promise<{ entry: EntryDoc; duplicate: boolean; vanguard?: EntryDoc }> {
  const out = await post(tx, p);
  const member = await tx.get<RegistrationDoc>(REGISTRATIONS, registrationId(p.communityId, p.userId, 'member'));
  if (member?.status !== 'confirmed' || p.kind !== 'earn') return out;
  const { entry } = await post(tx, { ...p, account: 'vanguard', reason: `先锋积分·${p.reason}`.slice(0, 80) });
  return { ...out, vanguard: entry };
}
