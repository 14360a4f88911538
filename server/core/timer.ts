import { callerOpenid } from '../platform/cloud';

interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
}

/**
 * A function entry that also answers its timer triggers. A trigger carries no caller; a client
 * always does, so a client cannot pass itself off as the timer.
 */
export function withTimers(handle: (event: unknown) => Promise<unknown>, timers: Record<string, () => Promise<unknown>>) {
  return async (event: unknown) => {
    const e = event as Partial<TimerEvent> | null;
    if (e?.Type === 'Timer' && !callerOpenid()) {
      const run = typeof e.TriggerName === 'string' && Object.hasOwn(timers, e.TriggerName) ? timers[e.TriggerName] : undefined;
      if (!run) return { ok: false, code: 'INVALID_ARGUMENT', message: `未知的定时任务：${String(e.TriggerName)}` };
      return { ok: true, data: await run() };
    }
    return handle(event);
  };
}
