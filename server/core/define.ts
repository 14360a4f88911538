import * as z from 'zod/mini';
import type { Result } from '../../typings/api';
import { AppError } from './errors';
import { zodMessage } from './validation';

export interface Action<C, S extends z.ZodMiniType, R> {
  schema: S;
  run(ctx: C, input: z.infer<S>): Promise<R>;
}

/** Declares one action; keeps the input type tied to its schema. */
export function action<C, S extends z.ZodMiniType, R>(schema: S, run: (ctx: C, input: z.infer<S>) => Promise<R>): Action<C, S, R> {
  return { schema, run };
}

/**
 * A cloud function entry: `{ action, ...payload }` in, the result envelope out. Validates the
 * payload, resolves the caller, and never lets a stack trace or an unknown error escape.
 */
export function defineFunction<C>(
  name: string,
  actions: Record<string, Action<C, any, any>>,
  makeContext: (event: Record<string, unknown>) => Promise<C>,
): ((event: unknown) => Promise<Result<unknown>>) & { actions: string[] } {
  const handle = async (event: unknown): Promise<Result<unknown>> => {
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) throw new AppError('INVALID_ARGUMENT', '请求格式不正确');
      const { action: actionName, ...payload } = event as Record<string, unknown>;
      const act = typeof actionName === 'string' && Object.hasOwn(actions, actionName) ? actions[actionName] : undefined;
      if (!act) throw new AppError('INVALID_ARGUMENT', `不支持的操作：${String(actionName).slice(0, 40)}`);
      const parsed = act.schema.safeParse(payload);
      if (!parsed.success) throw new AppError('INVALID_ARGUMENT', zodMessage(parsed.error));
      const ctx = await makeContext(event as Record<string, unknown>);
      return { ok: true, data: await act.run(ctx, parsed.data) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, code: e.code, message: e.message };
      console.error(`[${name}]`, e);
      return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
    }
  };
  // Lets the hardening tests check that every action is covered.
  return Object.assign(handle, { actions: Object.keys(actions) });
}
