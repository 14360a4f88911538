import type { DesiredState } from './desired';
import type { CurrentState, Operation } from './plan';

/** One request to an environment, the same whether printed by --dry-run or sent. */
export interface Call {
  method: string;
  args: unknown[];
}

/** Where a deploy goes: CloudBase through its management API, or the local cloud. */
export interface Target {
  readonly name: string;
  read(desired: DesiredState): Promise<CurrentState>;
  call(op: Operation): Call;
  send(call: Call): Promise<void>;
}

export function formatCall(c: Call): string {
  return `${c.method}(${c.args.map((a) => JSON.stringify(a)).join(', ')})`;
}
