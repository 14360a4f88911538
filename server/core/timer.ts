import { triggerSource } from '../platform/cloud';

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
export function withTimers(handle: (event: unknown) => Promise<unknown>, timers: Record<string, () => Promise<unknown>>) {
  return async (event: unknown, context?: unknown) => {
    if (triggerSource(context) !== 'timer') return handle(event);
    const e = event as Partial<TimerEvent> | null;
    const run = e?.Type === 'Timer' && typeof e.TriggerName === 'string' && Object.hasOwn(timers, e.TriggerName) ? timers[e.TriggerName] : undefined;
    if (!run) return { ok: false, code: 'INVALID_ARGUMENT', message: `未知的定时任务：${String(e?.TriggerName)}` };
    return { ok: true, data: await run() };
  };
}
