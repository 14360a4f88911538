import { forbidden } from '../core/errors';
import { findMany, type DocStore } from '../platform/store';
import { recordChange } from '../platform/events';
import type { CallCtx, Member } from '../user/caller';
import { hasRole, type UserDoc } from '../user/model';
import { actorLabel } from '../user/view';
import { EVENTS, EventDoc, EventTarget } from './model';

export type BookingCtx = CallCtx;
export { type Member, SYSTEM, assertStaff, isStaff } from '../user/caller';
export { actorLabel } from '../user/view';
export { newId } from '../core/ids';

/** Who works the front desk: staff, and grid workers at their grid stations (check-in, schedule, roster). */
export function isDesk(user: Member): boolean {
  return hasRole(user, 'staff', 'admin', 'grid_worker');
}

export function assertDesk(user: Member, message = '只有社区工作人员或网格员可以进行此操作'): void {
  if (!isDesk(user)) throw forbidden(message);
}

/** Writes one change (who, when, from, to, why) in the transaction of the change itself. */
export async function recordEvent(
  tx: DocStore,
  e: { communityId: string; target: EventTarget; targetId: string; from: string | null; to: string; actor: UserDoc; at: number; why?: string; changes?: EventDoc['changes'] },
): Promise<void> {
  const { actor, ...change } = e;
  await recordChange(tx, EVENTS, { ...change, by: { id: actor._id, label: actorLabel(actor, e.communityId) } });
}

/** Field-by-field difference of two versions, for the audit trail. */
export function changesOf<T extends object>(before: T, after: T, fields: Array<keyof T>): EventDoc['changes'] {
  const out: NonNullable<EventDoc['changes']> = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) out[String(f)] = { from: before[f] ?? null, to: after[f] ?? null };
  }
  return out;
}

/** The timeline of one booking, errand, sign-up, service or activity. */
export async function eventsOf(targetId: string): Promise<EventDoc[]> {
  return findMany<EventDoc>(EVENTS, { targetId }, { orderBy: [['at', 'asc']], limit: 100 });
}
