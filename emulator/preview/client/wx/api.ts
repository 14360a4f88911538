/** How every asynchronous wx API answers: success/fail/complete callbacks, or a Promise when none is given. */

export interface Callbacks {
  success?: (res: any) => void;
  fail?: (err: any) => void;
  complete?: (res: any) => void;
  [key: string]: any;
}

export class ApiError {
  constructor(readonly errMsg: string) {}
}

/** Wraps an implementation that resolves with the result or throws an ApiError (`name:fail …`). */
export function api(name: string, impl: (opts: any) => Promise<Record<string, any>> | Record<string, any>) {
  return (opts: Callbacks = {}) => {
    const usesCallbacks = !!(opts.success || opts.fail || opts.complete);
    const run = (async () => {
      try {
        const res = await impl(opts);
        return { ok: true as const, res: { errMsg: `${name}:ok`, ...res } };
      } catch (e) {
        const errMsg = e instanceof ApiError ? e.errMsg : `${name}:fail ${(e as Error)?.message ?? e}`;
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

export const fail = (name: string, why: string) => new ApiError(`${name}:fail ${why}`);
