import type { EscalationLevel } from '../../typings/lists';
import { findMany } from '../platform/store';
import { transact } from '../platform/tx';
import { notify } from '../notify/outbox';
import { TICKETS, type TicketDoc } from './model';
import type { WorkCalendar } from '../core/calendar';
import { deadlineRange, loadCalendars } from '../community/calendar';
import { dueAlert, levelOf, type Alert } from './deadlines';
import { SYSTEM, recordEvent } from './context';
import { closeWithPoints, countyOfficersOf, derive, gridLeadersOf, secretaryOf, workersOf } from './tickets';
import { shortTime, ticketPage } from './notices';

/**
 * The `watchDeadlines` timer: warnings before a breach, then escalation grid worker → grid leader
 * (网格长) → community secretary (书记), into the subscribe-message outbox (at the county level: its
 * officers, then at the breach the officers and the community secretary); and resolved tickets the
 * resident never rated close by themselves. Each alert is marked sent in the same transaction
 * that decides to send it, so two timer runs at once send it once: the loser's retry finds it sent.
 */

const BATCH = 100;
/** The function times out at 20 s; stop taking new work well before. */
const BUDGET_MS = 12_000;
const RANK: Record<EscalationLevel, number> = { grid: 0, leader: 1, secretary: 2, county: 3 };
const PHASE_LABEL = { accept: '接单', resolve: '办结' } as const;

function why(a: Alert): string {
  const what = PHASE_LABEL[a.phase];
  if (a.level === 'warn') return `临近${what}时限（${shortTime(a.deadline)}），已提醒办理人`;
  if (a.level === 'leader') return `超过${what}时限未${what}，提级至网格长督办`;
  if (a.level === 'county') return `超过县(区)级包案${what}时限仍未${what}，已告知包案干部和社区书记`;
  return `超过${what}时限仍未${what}，提级至社区书记督办`;
}

/** Sends the alert due on one ticket, if any, on its community's calendar; the winner of a race returns it, everyone else null. */
export async function fireAlert(ticketId: string, now: number, cal: WorkCalendar): Promise<{ ticket: TicketDoc; alert: Alert } | null> {
  return transact(async (tx) => {
    const t = await tx.get<TicketDoc>(TICKETS, ticketId);
    if (!t) return null;
    const due = dueAlert(t, now, cal);
    if (!due) {
      // The index said look, but nothing is due (the ticket moved on): set it right.
      const fixed = derive(t, cal);
      if (fixed.nextAlertAt !== t.nextAlertAt) await tx.set(TICKETS, t._id, fixed);
      return null;
    }
    const up = levelOf(due.send.level);
    const level = up && RANK[up] > RANK[t.level] ? up : t.level;
    const next = derive({ ...t, alerts: [...t.alerts, ...due.mark], late: t.late || due.send.level !== 'warn', level }, cal);
    await tx.set(TICKETS, t._id, next);
    await recordEvent(tx, {
      communityId: t.communityId,
      target: 'ticket',
      targetId: t._id,
      field: level !== t.level ? 'level' : 'alert',
      from: level !== t.level ? t.level : null,
      to: level !== t.level ? level : due.send.key,
      actor: SYSTEM,
      at: now,
      why: why(due.send),
    });
    return { ticket: next, alert: due.send };
  });
}

async function recipients(t: TicketDoc, a: Alert): Promise<string[]> {
  if (a.level === 'warn') {
    const workers = t.status === 'submitted' ? [] : await workersOf(t);
    return workers.length ? workers : (await gridLeadersOf(t.communityId, t.gridId)).map((u) => u._id);
  }
  if (a.level === 'leader') return (await gridLeadersOf(t.communityId, t.gridId)).map((u) => u._id);
  const s = await secretaryOf(t.communityId);
  const secretary = s ? [s._id] : [];
  if (a.level === 'county') return [...(await countyOfficersOf(t.communityId)).map((u) => u._id), ...secretary];
  return secretary;
}

async function send(t: TicketDoc, a: Alert): Promise<void> {
  const to = [...new Set(await recipients(t, a))];
  const template = a.level === 'warn' ? 'ticketDeadline' : 'ticketEscalated';
  const what = PHASE_LABEL[a.phase];
  for (const userId of to) {
    if (template === 'ticketDeadline') await notify(userId, template, ticketPage(t._id), { title: t.title, due: a.deadline, note: `请及时${what}` });
    else await notify(userId, template, ticketPage(t._id), { title: t.title, reason: `超过${what}时限未${what}`, due: a.deadline });
  }
}

/** Closes a resolved ticket the resident did not rate in time (awarding the resolver, once). */
export async function closeIfUnrated(ticketId: string, now: number): Promise<boolean> {
  return transact(async (tx) => {
    const t = await tx.get<TicketDoc>(TICKETS, ticketId);
    if (!t || t.status !== 'resolved' || t.closeAt === undefined || t.closeAt > now) return false;
    await closeWithPoints(tx, t, SYSTEM, now, '居民3天未评价，系统自动办结');
    return true;
  });
}

export async function watchDeadlines(now: number): Promise<{ alerts: number; closed: number }> {
  const started = Date.now();
  let alerts = 0;
  let closed = 0;
  const seen = new Set<string>();
  while (Date.now() - started < BUDGET_MS) {
    const rows = await findMany<TicketDoc>(TICKETS, { status: { $in: ['submitted', 'dispatched', 'accepted'] }, nextAlertAt: { $lte: now } }, { orderBy: [['nextAlertAt', 'asc']], limit: BATCH });
    const fresh = rows.filter((r) => !seen.has(r._id));
    if (!fresh.length) break;
    // One query for the calendars of every community in the batch.
    const calendars = await loadCalendars(fresh.map((r) => r.communityId), ...deadlineRange(now));
    for (const r of fresh) {
      seen.add(r._id);
      const fired = await fireAlert(r._id, now, calendars.get(r.communityId)!);
      if (!fired) continue;
      alerts++;
      await send(fired.ticket, fired.alert);
    }
    if (rows.length < BATCH) break;
  }
  while (Date.now() - started < BUDGET_MS) {
    const rows = await findMany<TicketDoc>(TICKETS, { status: 'resolved', closeAt: { $lte: now } }, { orderBy: [['closeAt', 'asc']], limit: BATCH });
    const fresh = rows.filter((r) => !seen.has(r._id));
    if (!fresh.length) break;
    for (const r of fresh) {
      seen.add(r._id);
      if (await closeIfUnrated(r._id, now)) closed++;
    }
    if (rows.length < BATCH) break;
  }
  return { alerts, closed };
}
