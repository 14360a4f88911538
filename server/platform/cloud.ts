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

type InvocationContext = Parameters<typeof tcb.getCloudbaseContext>[0];

/**
 * What triggered this invocation, as CloudBase marks it in the invocation context: TRIGGER_SRC is
 * 'timer' only when a timer trigger fired the function (the SDK reads the same mark to pick the
 * trigger's cloud-call token). A client call cannot set it: it comes with the invocation, not the event.
 */
export function triggerSource(context?: unknown): string | undefined {
  const c = context as { environment?: unknown; environ?: unknown } | null | undefined;
  // The SDK throws on a context without its environment; the process environment still answers.
  const usable = !!c && typeof c === 'object' && (typeof c.environment === 'string' || typeof c.environ === 'string');
  return tcb.getCloudbaseContext(usable ? (c as InvocationContext) : undefined).TRIGGER_SRC || undefined;
}
