import { docs } from './store';

export const TIMER_RUNS = 'timer_runs';

/** The last run of one timer trigger, under `<function>.<trigger>`: when, how long, and how it ended. */
export interface TimerRunDoc {
  _id: string;
  fn: string;
  trigger: string;
  startedAt: number;
  durationMs: number;
  ok: boolean;
  /** What the run answered (its counts), or the error it threw, cut short. */
  result: string;
  /** The last run that ended well. */
  lastOkAt?: number;
}

/**
 * Keeps a timer's last run. Best effort: a run whose record cannot be written still did its work,
 * and 系统状态 then shows it as not run, which is what someone should look at.
 */
export async function recordTimerRun(run: Omit<TimerRunDoc, '_id' | 'lastOkAt'>, before?: number): Promise<void> {
  try {
    const id = `${run.fn}.${run.trigger}`;
    const lastOkAt = run.ok ? run.startedAt : before;
    await docs.set(TIMER_RUNS, id, { ...run, result: run.result.slice(0, 200), ...(lastOkAt ? { lastOkAt } : {}) });
  } catch (e) {
    console.warn(`[timer] ${run.fn}.${run.trigger} run not recorded: ${(e as Error).message}`);
  }
}

export async function lastOkOf(fn: string, trigger: string): Promise<number | undefined> {
  try {
    return (await docs.get<TimerRunDoc>(TIMER_RUNS, `${fn}.${trigger}`))?.lastOkAt;
  } catch {
    return undefined;
  }
}
