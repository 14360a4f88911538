/**
 * One function instance: a child process that loads a built function bundle and runs one
 * invocation at a time, setting the caller's identity in process.env before each call, the way
 * the CloudBase runtime does, so `app.auth().getUserInfo()` works unchanged.
 */
const entry = process.env.HONGLIN_FUNCTION_ENTRY as string;
const mod = require(entry) as { main: (event: unknown, context: unknown) => Promise<unknown> };

interface Invocation {
  id: number;
  event: unknown;
  identity: Record<string, string>;
  requestId: string;
}

// WX_API_TOKEN: the invocation's token for cloud calls (云调用), read by the SDK through WX_CONTEXT_KEYS.
const IDENTITY_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_API_TOKEN'];
// TRIGGER_SRC: 'timer' when a timer trigger fired this invocation, as CloudBase sets it; never kept for the next.
const TRIGGER_KEYS = ['TRIGGER_SRC'];

process.on('message', async (msg: Invocation) => {
  for (const k of [...IDENTITY_KEYS, ...TRIGGER_KEYS]) delete process.env[k];
  Object.assign(process.env, msg.identity, { WX_CONTEXT_KEYS: IDENTITY_KEYS.join(',') });
  const context = {
    request_id: msg.requestId,
    function_name: process.env.SCF_FUNCTIONNAME,
    environment: JSON.stringify({ ...msg.identity, WX_CONTEXT_KEYS: IDENTITY_KEYS.join(',') }),
  };
  try {
    const result = await mod.main(msg.event, context);
    process.send!({ id: msg.id, ok: true, result: result === undefined ? null : result });
  } catch (e) {
    process.send!({ id: msg.id, ok: false, error: String((e as Error)?.message ?? e) });
  }
});

process.send!({ ready: true });
