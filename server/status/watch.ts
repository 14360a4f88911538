import { DAY_MS, localDate } from '../core/time';
import { groupSum } from '../platform/aggregate';
import { docs, findMany } from '../platform/store';
import { TIMER_RUNS, type TimerRunDoc } from '../platform/timer-runs';
import { NOTICES, tell } from '../notify/inbox';
import { SEND_FAILURES } from '../notify/failures';
import { USERS, type UserDoc } from '../user/model';
import { TIMER_SCHEDULES, missedTwo } from './schedules';

const STATUS_PAGE = '/package-staff/pages/status/index';
/** Failed sends in a day (a person not subscribed aside) that make admins look. */
export const FAILING_SENDS = 3;

/** Every admin grant: the person and the community they administer. */
async function admins(): Promise<Array<{ user: UserDoc; communityId: string }>> {
  const users = await findMany<UserDoc>(USERS, { grants: { $elemMatch: { role: 'admin' } } }, { limit: 500 });
  return users.flatMap((user) => user.grants.filter((g) => g.role === 'admin').map((g) => ({ user, communityId: g.communityId })));
}

/**
 * Timer: admins are told, once a day, when a timer has missed two of its runs (every admin: timers
 * serve all communities) and when their community's messages keep failing (wrong template, quota,
 * WeChat's errors; a resident who did not subscribe is no fault).
 */
export async function watchSystem(now: number): Promise<{ late: string[]; failing: string[]; told: number }> {
  const runs = new Map((await findMany<TimerRunDoc>(TIMER_RUNS, {}, { limit: 100 })).map((r) => [r._id, r]));
  const late = TIMER_SCHEDULES.filter((t) => t.trigger !== 'watchSystem' && missedTwo(t.config, runs.get(`${t.fn}.${t.trigger}`)?.startedAt, now));
  const failingRows = await groupSum(SEND_FAILURES, { match: { at: { $gte: now - DAY_MS }, reason: { $in: ['template', 'quota', 'platform'] } }, by: 'communityId', sum: {} });
  const failing = new Map(failingRows.filter((r) => r.n >= FAILING_SENDS).map((r) => [r._id, r.n]));
  if (!late.length && !failing.size) return { late: [], failing: [], told: 0 };

  const day = localDate(now);
  let told = 0;
  // Once a day per admin and matter: the notice's key says whether they were told already.
  const once = async (key: string, to: { userId: string; communityId: string }, title: string, matter: string, count: number, hint: string) => {
    if (await docs.get(NOTICES, `nt_${key}`)) return;
    await tell(to, key, { title, body: `${matter}，${hint}`, page: STATUS_PAGE, at: now }, 'staffQueue', { matter, count, at: now });
    told++;
  };
  for (const { user, communityId } of await admins()) {
    const to = { userId: user._id, communityId };
    if (late.length) await once(`system.late.${day}.${communityId}.${user._id}`, to, '定时任务未按时运行', `定时任务未按时运行：${late.map((t) => t.label).join('、')}`, late.length, '请到系统状态查看');
    const n = failing.get(communityId);
    if (n) await once(`system.sends.${day}.${communityId}.${user._id}`, to, '订阅消息发送失败', `近24小时有${n}条订阅消息发送失败`, n, '请到系统状态查看原因');
  }
  return { late: late.map((t) => `${t.fn}.${t.trigger}`), failing: [...failing.keys()], told };
}
