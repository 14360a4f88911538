import { Cron } from 'croner';

/**
 * Every timer trigger and its schedule, as cloudfunctions/<fn>/config.json declares them (CloudBase's
 * seven-field cron, Asia/Shanghai); tests/node/platform/status.test.ts holds the two equal.
 */
export const TIMER_SCHEDULES: Array<{ fn: string; trigger: string; config: string; label: string }> = [
  { fn: 'wish', trigger: 'expireLeases', config: '0 */10 * * * * *', label: '认领到期释放' },
  { fn: 'points', trigger: 'expireOrders', config: '0 0 * * * * *', label: '兑换逾期退回' },
  { fn: 'points', trigger: 'reconcileNightly', config: '0 30 2 * * * *', label: '夜间积分对账' },
  { fn: 'booking', trigger: 'markNoShows', config: '0 */10 * * * * *', label: '预约未到标记' },
  { fn: 'booking', trigger: 'remindTomorrow', config: '0 0 9-20 * * * *', label: '预约前一天提醒' },
  { fn: 'lists', trigger: 'syncWishes', config: '0 * * * * * *', label: '心愿同步到需求清单' },
  { fn: 'lists', trigger: 'runMatchJobs', config: '0 * * * * * *', label: '智能匹配' },
  { fn: 'lists', trigger: 'watchDeadlines', config: '0 * * * * * *', label: '工单时限提醒' },
  { fn: 'lists', trigger: 'tellStaff', config: '0 0 8-20 * * * *', label: '待办汇总通知' },
  { fn: 'user', trigger: 'watchSystem', config: '0 5 * * * * *', label: '系统巡检' },
  { fn: 'council', trigger: 'closeSurveys', config: '0 */10 * * * * *', label: '问卷到期结束' },
];

/** A run may start this late after its scheduled time (cold starts, a busy host). */
const GRACE_MS = 5 * 60_000;

const sixFields = (config: string) => config.trim().split(/\s+/).slice(0, 6).join(' ');

/** When the timer should have run twice by now: the earlier of its last two scheduled times. */
export function secondLastDue(config: string, now: number): number | null {
  const runs = new Cron(sixFields(config), { timezone: 'Asia/Shanghai', paused: true }).previousRuns(2, new Date(now));
  return runs.length === 2 ? runs[1].getTime() : null;
}

/** Two scheduled runs have passed since the last one started (a timer never run is not judged). */
export function missedTwo(config: string, lastStartedAt: number | undefined, now: number): boolean {
  if (lastStartedAt === undefined) return false;
  const due = secondLastDue(config, now - GRACE_MS);
  return due !== null && lastStartedAt < due;
}
