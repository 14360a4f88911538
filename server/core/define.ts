import * as z from 'zod/mini';
import type { Result } from '../../typings/api';
import { AppError } from './errors';
import { zodMessage } from './validation';
import { countFailure } from '../platform/function-errors';

export interface Action<C, S extends z.ZodMiniType, R> {
  schema: S;
  run(ctx: C, input: z.infer<S>): Promise<R>;
  /** Type only, never set: what the schema takes, so a contract's request can be checked against it. */
  readonly accepts?: (request: z.input<S>) => void;
}

/** Declares one action; keeps the input type tied to its schema. Name the handler: traces show it. */
export function action<C, S extends z.ZodMiniType, R>(schema: S, run: (ctx: C, input: z.infer<S>) => Promise<R>): Action<C, S, R> {
  return { schema, run };
}

/** A domain's contract in typings/ (an interface, so no index signature): each action's request and response. */
export type Api<A> = { [K in keyof A]: { req: unknown; res: unknown } };

/**
 * What implementing `A[K]` takes: a schema whose output is a request the contract describes, and a
 * handler whose result is the response it promises. Checked at compile time only.
 */
export type ActionFor<C, E extends { req: unknown; res: unknown }> = {
  schema: z.ZodMiniType<E['req']>;
  run(ctx: C, input: never): Promise<E['res']>;
  readonly accepts?: (request: E['req']) => void;
};

/** Every action of the contract, and no other. */
export type Actions<A extends Api<A>, C> = { [K in keyof A]: ActionFor<C, A[K]> };

/**
 * A cloud function entry: `{ action, ...payload }` in, the result envelope out. Validates the
 * payload, resolves the caller, and never lets a stack trace or an unknown error escape.
 * Called as `defineFunction<WishApi, WishCtx>(…)`, so the actions are checked against typings/.
 */
export function defineFunction<A extends Api<A>, C>(
  name: string,
  actions: Actions<A, C>,
  makeContext: (event: Record<string, unknown>) => Promise<C>,
): ((event: unknown) => Promise<Result<unknown>>) & { actions: string[]; fn: string } {
  const table: Record<string, Action<C, z.ZodMiniType, unknown>> = actions as Record<string, Action<C, z.ZodMiniType, unknown>>;
  const handle = async (event: unknown): Promise<Result<unknown>> => {
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) throw new AppError('INVALID_ARGUMENT', '请求格式不正确');
      const { action: actionName, ...payload } = event as Record<string, unknown>;
      const act = typeof actionName === 'string' && Object.hasOwn(table, actionName) ? table[actionName] : undefined;
      if (!act) throw new AppError('INVALID_ARGUMENT', `不支持的操作：${String(actionName).slice(0, 40)}`);
      const parsed = act.schema.safeParse(payload);
      if (!parsed.success) throw new AppError('INVALID_ARGUMENT', zodMessage(parsed.error));
      const ctx = await makeContext(event as Record<string, unknown>);
      return { ok: true, data: await act.run(ctx, parsed.data) };
    } catch (e) {
      const known = e instanceof AppError;
      if (!known) console.error(`[${name}]`, e);
      await countFailure(name, known ? e.code : 'INTERNAL');
      return known ? { ok: false, code: e.code, message: e.message } : { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
    }
  };
  // Lets the hardening tests check that every action is covered; `fn` names the function's timers.
  return Object.assign(handle, { actions: Object.keys(table), fn: name });
}
