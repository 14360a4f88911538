import type { AuditEntry, AuditLog } from '../../typings/user';
import type { DocData } from '../platform/store';
import type { ChangeEvent } from '../platform/events';
import { WISH_EVENTS } from '../wish/model';
import { EVENTS as BOOKING_EVENTS } from '../booking/model';
import { EVENTS as LIST_EVENTS } from '../lists/model';
import { PARTY_EVENTS } from '../party/model';
import { PLACE_EVENTS } from '../map/model';
import { AUDIT as POINTS_AUDIT, type AuditDoc } from '../points/model';
import { USER_EVENTS } from './model';

/**
 * Where each audit log lives. Every domain but points writes the one change shape
 * (platform/events.ts); the points audit names its action and target its own way, so its
 * record's id sits under `target.id`.
 */
export const AUDIT_SOURCES: Record<AuditLog, { collection: string; targetField: string }> = {
  ticket: { collection: LIST_EVENTS, targetField: 'targetId' },
  wish: { collection: WISH_EVENTS, targetField: 'targetId' },
  booking: { collection: BOOKING_EVENTS, targetField: 'targetId' },
  points: { collection: POINTS_AUDIT, targetField: 'target.id' },
  people: { collection: USER_EVENTS, targetField: 'targetId' },
  party: { collection: PARTY_EVENTS, targetField: 'targetId' },
  map: { collection: PLACE_EVENTS, targetField: 'targetId' },
};

/** One stored record of either shape, as staff read it; `by` is the actor's label for staff. */
export function toAuditEntry(doc: DocData, by: string): AuditEntry {
  if ('action' in doc && typeof doc.target === 'object') {
    const a = doc as unknown as AuditDoc;
    return { id: a._id, at: a.at, targetType: a.target.type, targetId: a.target.id, action: a.action, by, byUserId: a.byUserId, ...(a.reason ? { why: a.reason } : {}), ...(a.changes ? { changes: a.changes } : {}) };
  }
  const e = doc as unknown as ChangeEvent;
  return {
    id: e._id,
    at: e.at,
    targetType: e.target,
    targetId: e.targetId,
    action: e.field && e.field !== 'status' ? e.field : 'status',
    ...(e.field ? { field: e.field } : {}),
    from: e.from,
    to: e.to,
    by,
    byUserId: e.byUserId,
    ...(e.why ? { why: e.why } : {}),
    ...(e.changes ? { changes: e.changes } : {}),
  };
}
