import { triggerSource } from '../platform/cloud';
import { lastOkOf, recordTimerRun } from '../platform/timer-runs';

/** The event CloudBase passes a function its timer trigger fires. */
interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time?: string;
  Message?: string;
}

/**
 * A function entry that also answers its timer triggers. Only an invocation CloudBase itself marks
 * as a timer's (TRIGGER_SRC=timer in its context) runs a timer; anything else, whatever its event
 * looks like, goes to the actions, where a timer-shaped event is an unknown action.
 */
export function withTimers(handle: ((event: unknown) => Promise<unknown>) & { fn: string }, timers: Record<string, () => Promise<unknown>>) {
  return async (event: unknown, context?: unknown) => {
    if (triggerSource(context) !== 'timer') return handle(event);
    const e = event as Partial<TimerEvent> | null;
    const run = e?.Type === 'Timer' && typeof e.TriggerName === 'string' && Object.hasOwn(timers, e.TriggerName) ? timers[e.TriggerName] : undefined;
    if (!run) return { ok: false, code: 'INVALID_ARGUMENT', message: `未知的定时任务：${String(e?.TriggerName)}` };
    return timed(handle.fn, e!.TriggerName!, run);
  };
}

/** Runs one timer and keeps its last run (when, how long, how it ended) for 系统状态; a throw still fails the run. */
async function timed(fn: string, trigger: string, run: () => Promise<unknown>) {
  const startedAt = Date.now();
  try {
    const data = await run();
    await recordTimerRun({ fn, trigger, startedAt, durationMs: Date.now() - startedAt, ok: true, result: JSON.stringify(data ?? null) });
    return { ok: true, data };
  } catch (err) {
    await recordTimerRun({ fn, trigger, startedAt, durationMs: Date.now() - startedAt, ok: false, result: (err as Error)?.message ?? String(err) }, await lastOkOf(fn, trigger));
    throw err;
  }
}
