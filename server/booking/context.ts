import { randomBytes } from 'node:crypto';
import { forbidden } from '../core/errors';
import { maskName } from '../core/mask';
import { findMany, type DocStore } from '../platform/store';
import { hasRole, type UserDoc } from '../user/model';
import { EVENTS, EventDoc, EventTarget } from './model';

export interface BookingCtx {
  openid?: string;
  now: number;
}

export type Member = UserDoc & { communityId: string };

export const newId = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

/** The timers act as the system. */
export const SYSTEM: UserDoc = { _id: 'system', openid: '', displayName: '系统', grants: [], createdAt: 0, updatedAt: 0 };

/** Community staff (社区工作者, 书记) and admins: services, activities, assignment. */
export function isStaff(user: Member): boolean {
  return hasRole(user, 'staff', 'admin');
}

/** Who works the front desk: staff, and grid workers at their grid stations (check-in, schedule, roster). */
export function isDesk(user: Member): boolean {
  return hasRole(user, 'staff', 'admin', 'grid_worker');
}

export function assertStaff(user: Member, message = '只有本社区的工作人员可以进行此操作'): void {
  if (!isStaff(user)) throw forbidden(message);
}

export function assertDesk(user: Member, message = '只有社区工作人员或网格员可以进行此操作'): void {
  if (!isDesk(user)) throw forbidden(message);
}

/** How an actor appears to others: a role and a masked name; never an openid or a full name. */
export function actorLabel(user: UserDoc, communityId: string): string {
  if (user._id === SYSTEM._id) return '系统';
  if (user.communityId !== communityId) return maskName(user.displayName);
  if (hasRole(user, 'staff', 'admin')) return '社区工作者';
  if (hasRole(user, 'grid_worker')) return `网格员 ${maskName(user.displayName)}`;
  if (hasRole(user, 'unit_member')) return `共建单位 ${maskName(user.displayName)}`;
  if (hasRole(user, 'volunteer')) return `志愿者 ${maskName(user.displayName)}`;
  return `居民 ${maskName(user.displayName)}`;
}

/** Writes one change (who, when, from, to, why) in the transaction of the change itself. */
export async function recordEvent(
  tx: DocStore,
  e: { communityId: string; target: EventTarget; targetId: string; from: string | null; to: string; actor: UserDoc; at: number; why?: string; changes?: EventDoc['changes'] },
): Promise<void> {
  const doc: EventDoc = {
    _id: `${e.targetId}.${e.at}.${randomBytes(4).toString('hex')}`,
    communityId: e.communityId,
    target: e.target,
    targetId: e.targetId,
    at: e.at,
    from: e.from,
    to: e.to,
    byUserId: e.actor._id,
    byLabel: actorLabel(e.actor, e.communityId),
    ...(e.why ? { why: e.why } : {}),
    ...(e.changes ? { changes: e.changes } : {}),
  };
  await tx.set(EVENTS, doc._id, doc);
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
