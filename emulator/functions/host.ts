import { fork, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface FunctionSpec {
  name: string;
  /** The built bundle (what CloudBase would run). */
  entry: string;
  timeoutMs: number;
}

export interface Invoke {
  event: unknown;
  openid?: string;
  /** Set only by the local cloud's own timer triggers, never from a request: CloudBase's TRIGGER_SRC. */
  trigger?: 'timer';
}

export type InvokeOutcome = { ok: true; result: unknown } | { ok: false; error: string };

interface Instance {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  /** The invocation in flight, answered with an error if the instance dies. */
  current?: number;
}

const INSTANCE_SCRIPT = path.join(__dirname, 'instance.ts');

/**
 * Runs functions the way CloudBase does: each instance handles one invocation at a time; more
 * instances start, up to a limit, while all are busy; beyond that calls wait in line.
 */
export class FunctionHost {
  private readonly pools = new Map<string, Instance[]>();
  private readonly queues = new Map<string, Array<() => void>>();
  private seq = 0;
  private readonly pending = new Map<number, (o: InvokeOutcome) => void>();

  constructor(
    private readonly specs: Map<string, FunctionSpec>,
    private readonly cloudUrl: string,
    private readonly maxInstances = 4,
    /** The local cloud's secret for its database endpoint: an instance's session token, as SCF hands out. */
    private readonly secret = '',
  ) {}

  has(name: string): boolean {
    return this.specs.has(name);
  }

  async invoke(name: string, call: Invoke): Promise<InvokeOutcome> {
    const spec = this.specs.get(name);
    if (!spec) return { ok: false, error: `FunctionName parameter could not be found: ${name}` };
    const inst = await this.acquire(spec);
    const id = ++this.seq;
    try {
      return await new Promise<InvokeOutcome>((resolve) => {
        // Armed below, once the event is on its way; settle may run before that.
        const deadline: { timer?: NodeJS.Timeout } = {};
        const settle = (o: InvokeOutcome) => {
          clearTimeout(deadline.timer);
          this.pending.delete(id);
          if (inst.current === id) inst.current = undefined;
          resolve(o);
        };
        const undeliverable = () => settle({ ok: false, error: 'the event could not be delivered to the function instance (it cannot be serialised)' });
        this.pending.set(id, settle);
        // Every invocation, a timer's too, gets a cloud-call token; it names the function to the stand-ins.
        const identity: Record<string, string> = {
          WX_API_TOKEN: `local:${spec.name}`,
          ...(call.openid ? { WX_OPENID: call.openid, WX_APPID: 'wx-local-honglin', WX_CLIENTIP: '127.0.0.1' } : {}),
          ...(call.trigger ? { TRIGGER_SRC: call.trigger } : {}),
        };
        inst.current = id;
        try {
          inst.child.send({ id, event: call.event, identity, requestId: randomBytes(8).toString('hex') }, (err) => {
            if (err && this.pending.has(id)) undeliverable();
          });
        } catch {
          // Nothing reached the instance: it stays healthy and goes back to the pool.
          return undeliverable();
        }
        // Armed only once the event is on its way, and it stops only an instance still running this call.
        deadline.timer = setTimeout(() => {
          if (!this.pending.has(id)) return;
          if (inst.current === id) this.discard(spec.name, inst);
          settle({ ok: false, error: `Invoking task timed out after ${spec.timeoutMs / 1000} seconds` });
        }, spec.timeoutMs);
      });
    } finally {
      this.release(spec.name, inst);
    }
  }

  close(): void {
    for (const pool of this.pools.values()) for (const i of pool) i.child.kill('SIGKILL');
    this.pools.clear();
  }

  private async acquire(spec: FunctionSpec): Promise<Instance> {
    for (;;) {
      const pool = this.pools.get(spec.name) ?? [];
      this.pools.set(spec.name, pool);
      const idle = pool.find((i) => !i.busy);
      if (idle) {
        idle.busy = true;
        await idle.ready;
        return idle;
      }
      if (pool.length < this.maxInstances) {
        const inst = this.spawn(spec);
        inst.busy = true;
        pool.push(inst);
        await inst.ready;
        return inst;
      }
      await new Promise<void>((resolve) => {
        const q = this.queues.get(spec.name) ?? [];
        q.push(resolve);
        this.queues.set(spec.name, q);
      });
    }
  }

  private release(name: string, inst: Instance): void {
    inst.busy = false;
    this.queues.get(name)?.shift()?.();
  }

  private discard(name: string, inst: Instance): void {
    inst.child.kill('SIGKILL');
    const pool = this.pools.get(name) ?? [];
    if (pool.includes(inst)) pool.splice(pool.indexOf(inst), 1);
  }

  private spawn(spec: FunctionSpec): Instance {
    const child = fork(INSTANCE_SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        TZ: 'UTC',
        TENCENTCLOUD_RUNENV: 'SCF',
        TENCENTCLOUD_REGION: 'ap-shanghai',
        SCF_NAMESPACE: 'local',
        SCF_FUNCTIONNAME: spec.name,
        TCB_ENV: 'local',
        TENCENTCLOUD_SECRETID: 'local',
        TENCENTCLOUD_SECRETKEY: 'local',
        TENCENTCLOUD_SESSIONTOKEN: this.secret,
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.cloudUrl}/admin` }),
        // The SDK sends TCB_SOURCE as X-TCB-Source: the local cloud tells which function a query came from.
        TCB_CONTEXT_KEYS: 'TCB_SOURCE',
        TCB_SOURCE: `function:${spec.name}`,
        HONGLIN_FUNCTION_ENTRY: spec.entry,
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let markReady!: () => void;
    const ready = new Promise<void>((r) => (markReady = r));
    const inst: Instance = { child, ready, busy: false };
    child.on('message', (m: any) => {
      if (m.ready) return markReady();
      const done = this.pending.get(m.id);
      this.pending.delete(m.id);
      inst.current = undefined;
      done?.(m.ok ? { ok: true, result: m.result } : { ok: false, error: m.error });
    });
    child.on('exit', (code, signal) => {
      const done = inst.current === undefined ? undefined : this.pending.get(inst.current);
      if (inst.current !== undefined) this.pending.delete(inst.current);
      done?.({ ok: false, error: `Function instance exited (${signal ?? code})` });
      const pool = this.pools.get(spec.name);
      if (pool?.includes(inst)) pool.splice(pool.indexOf(inst), 1);
    });
    return inst;
  }
}
