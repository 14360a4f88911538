import { exhausted } from '../core/errors';
import { maskPhone } from '../core/mask';
import { HOUR_MS } from '../core/time';
import { count } from '../platform/store';
import { transact } from '../platform/tx';
import { passGate } from '../platform/gate';
import { recordChange } from '../platform/events';
import type { TaskContact } from '../../typings/contact';
import type { Member } from './caller';
import { USER_EVENTS } from './model';
import { actorLabel } from './view';

/** Full numbers one person may read in an hour: enough for a day's round of visits, not for harvesting. */
export const CONTACT_VIEWS_PER_HOUR = 30;

/** The task a contact is read for, and whose contact it is. */
export interface ContactTask {
  kind: 'wish' | 'errand' | 'ticket';
  id: string;
  communityId: string;
  residentId: string;
  /** 心愿「…」, 代办「…」, 诉求「…」: how the audit line names the task. */
  label: string;
}

/** What the live handler sees of the resident on the task's page: the number masked. */
export function taskContact(c: { name: string; phone?: string; address?: string; location?: TaskContact['location']; preferredTime?: string }): TaskContact {
  const phoneMasked = maskPhone(c.phone);
  return {
    name: c.name,
    ...(phoneMasked ? { phoneMasked } : {}),
    ...(c.address ? { address: c.address } : {}),
    ...(c.location ? { location: c.location } : {}),
    ...(c.preferredTime ? { preferredTime: c.preferredTime } : {}),
  };
}

/**
 * Writes one view of a resident's full phone to the person's event log (who, whose, when, for
 * which task) before the number is handed out, under a per-viewer hourly cap counted behind the
 * viewer's gate so parallel taps cannot all pass it.
 */
export async function logPhoneView(viewer: Member, task: ContactTask, now: number): Promise<void> {
  await transact(async (tx) => {
    await passGate(tx, 'contact.phone', viewer._id, now);
    const recent = await count(USER_EVENTS, { byUserId: viewer._id, field: 'phone', at: { $gt: now - HOUR_MS } });
    if (recent >= CONTACT_VIEWS_PER_HOUR) throw exhausted('查看联系电话过于频繁，请稍后再试');
    await recordChange(
      tx,
      USER_EVENTS,
      { communityId: task.communityId, target: 'user', targetId: task.residentId, at: now, field: 'phone', from: null, to: 'viewed', by: { id: viewer._id, label: actorLabel(viewer, task.communityId) }, why: `查看联系电话：${task.label}` },
      { task: task.kind, taskId: task.id },
    );
  });
}
