import tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;
let app: App | undefined;

/** The CloudBase app of the environment this function runs in (the local cloud injects its URL the same way). */
export function cloud(): App {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: 15000 });
  return app;
}

export function database() {
  return cloud().database();
}

/** The caller's openid, from the invocation context, never from the event. */
export function callerOpenid(): string | undefined {
  return cloud().auth().getUserInfo().openId || undefined;
}
