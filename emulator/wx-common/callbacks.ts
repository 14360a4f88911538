/**
 * How WeChat's asynchronous APIs answer, for the two stand-in `wx` objects (the browser preview and
 * the page tests): success or fail, then complete, on a later tick; errMsg `name:ok` or `name:fail why`.
 * Pure: no DOM, no test framework.
 */

export interface Callbacks<S = any> {
  success?: (res: S) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: any) => void;
  [key: string]: any;
}

export const okMsg = (name: string): string => `${name}:ok`;
export const failMsg = (name: string, why: string): string => `${name}:fail ${why}`;

/** success then complete with `res`, on the next tick; the promise resolves with it too. */
export function succeed<S>(opts: Callbacks<S> | undefined, res: S): Promise<S> {
  return Promise.resolve().then(() => {
    opts?.success?.(res);
    opts?.complete?.(res);
    return res;
  });
}

/** fail then complete with `{ errMsg }`, on the next tick. */
export function failWith(opts: Callbacks | undefined, errMsg: string): Promise<void> {
  return Promise.resolve().then(() => {
    opts?.fail?.({ errMsg });
    opts?.complete?.({ errMsg });
  });
}

/** Thrown inside an `api()` implementation: the call fails with this errMsg. */
export class ApiError {
  constructor(readonly errMsg: string) {}
}

export const fail = (name: string, why: string): ApiError => new ApiError(failMsg(name, why));

/**
 * Wraps an implementation that resolves with the result or throws an ApiError: callbacks when any
 * is given, else a Promise that rejects with `{ errMsg }`, as the base library does.
 */
export function api(name: string, impl: (opts: any) => Promise<Record<string, any>> | Record<string, any>) {
  return (opts: Callbacks = {}) => {
    const usesCallbacks = !!(opts.success || opts.fail || opts.complete);
    const run = (async () => {
      try {
        const res = await impl(opts);
        return { ok: true as const, res: { errMsg: okMsg(name), ...res } };
      } catch (e) {
        const errMsg = e instanceof ApiError ? e.errMsg : failMsg(name, String((e as Error)?.message ?? e));
        if (!(e instanceof ApiError)) console.error(`wx.${name}`, e);
        return { ok: false as const, res: { errMsg } };
      }
    })().then((out) => {
      if (out.ok) opts.success?.(out.res);
      else opts.fail?.(out.res);
      opts.complete?.(out.res);
      return out;
    });
    if (usesCallbacks) return undefined;
    return run.then((out) => (out.ok ? out.res : Promise.reject(out.res)));
  };
}
