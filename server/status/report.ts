import type { SystemStatus } from '../../typings/user';
import { DAY_MS, localDate } from '../core/time';
import { readWith } from '../platform/aggregate';
import { TIMER_RUNS, type TimerRunDoc } from '../platform/timer-runs';
import { FUNCTION_ERRORS, type FunctionErrorsDoc } from '../platform/function-errors';
import { COMMUNITIES } from '../community/model';
import { NOTICE_KINDS } from '../notify/kinds';
import { SEND_FAILURES, SEND_FAILURE_LABELS, type SendFailureDoc, type SendFailureReason } from '../notify/failures';
import { WISHES } from '../wish/model';
import { TICKETS } from '../lists/model';
import { REGISTRATIONS } from '../party/model';
import { ERRANDS } from '../booking/model';
import { USERS, type UserDoc } from '../user/model';
import { TIMER_SCHEDULES, missedTwo } from './schedules';

const WEEK_MS = 7 * DAY_MS;

/**
 * 系统状态 of one community in one request: the timers' last runs, its messages that did not go in
 * the last 7 days, its content held for want of a check, and the functions' failed calls.
 */
export async function systemStatus(communityId: string, now: number): Promise<SystemStatus> {
  const since = now - WEEK_MS;
  const held = { communityId, hold: { $exists: true } };
  const got = await readWith(COMMUNITIES, communityId, {
    runs: { from: TIMER_RUNS, where: {}, limit: 100 },
    failed: { from: SEND_FAILURES, where: { communityId, at: { $gte: since } }, count: true },
    failures: { from: SEND_FAILURES, where: { communityId, at: { $gte: since } }, orderBy: [['at', 'desc']], limit: 200, joins: { person: { from: USERS, localField: 'userId', foreignField: '_id' } } },
    wishes: { from: WISHES, where: { communityId, held: true }, count: true },
    tickets: { from: TICKETS, where: held, count: true },
    registrations: { from: REGISTRATIONS, where: held, count: true },
    errands: { from: ERRANDS, where: held, count: true },
    errors: { from: FUNCTION_ERRORS, where: { day: { $gte: localDate(since) } }, limit: 1000 },
  });
  const rows = got?.rows;
  const runs = new Map(((rows?.runs ?? []) as unknown as TimerRunDoc[]).map((r) => [r._id, r]));
  const timers = TIMER_SCHEDULES.map((t) => {
    const r = runs.get(`${t.fn}.${t.trigger}`);
    const last = r ? { lastRunAt: r.startedAt, durationMs: r.durationMs, ok: r.ok, result: r.result } : {};
    return { fn: t.fn, trigger: t.trigger, label: t.label, ...last, late: missedTwo(t.config, r?.startedAt, now) };
  });

  const failures = (rows?.failures ?? []) as unknown as Array<SendFailureDoc & { person: UserDoc[] }>;
  const byReason = new Map<SendFailureReason, number>();
  for (const f of failures) byReason.set(f.reason, (byReason.get(f.reason) ?? 0) + 1);
  const kindLabel = (k: string) => (NOTICE_KINDS as Record<string, { label: string }>)[k]?.label ?? k;

  const errors = new Map<string, number>();
  for (const d of (rows?.errors ?? []) as unknown as FunctionErrorsDoc[]) for (const [code, n] of Object.entries(d.counts)) errors.set(`${d.fn}.${code}`, (errors.get(`${d.fn}.${code}`) ?? 0) + n);

  return {
    timers,
    sendFailures: {
      total: rows?.failed ?? 0,
      byReason: [...byReason].map(([reason, count]) => ({ reason, label: SEND_FAILURE_LABELS[reason], count })).sort((a, b) => b.count - a.count),
      latest: failures.slice(0, 20).map((f) => ({ at: f.at, to: f.person[0]?.displayName ?? '已注销的用户', kind: kindLabel(f.kind), reason: SEND_FAILURE_LABELS[f.reason], detail: f.detail })),
    },
    held: { wishes: rows?.wishes ?? 0, tickets: rows?.tickets ?? 0, registrations: rows?.registrations ?? 0, errands: rows?.errands ?? 0 },
    errors: [...errors].map(([key, count]) => ({ fn: key.split('.')[0], code: key.split('.')[1], count })).sort((a, b) => b.count - a.count),
    checkedAt: now,
  };
}
