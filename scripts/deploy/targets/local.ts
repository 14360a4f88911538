import type { IndexSpec, Rule } from '../../../emulator/db/schema';
import type { CurrentState, Operation } from '../plan';
import type { Call, Target } from '../target';

const path = (...parts: string[]) => `/db/collections${parts.map((p) => `/${encodeURIComponent(p)}`).join('')}`;

/**
 * The local cloud's database admin API (emulator/db/admin.ts). Functions are not deployed there:
 * the local cloud runs the working tree's bundles.
 */
export function localTarget(url: string): Target {
  return {
    name: `local cloud at ${url}`,
    async read() {
      const res = await fetch(`${url}${path()}`);
      if (!res.ok) throw new Error(`${url} answered ${res.status} listing collections`);
      const { collections } = (await res.json()) as { collections: Array<{ name: string; indexes: IndexSpec[]; rule?: Rule }> };
      return { collections: new Map(collections.map((c) => [c.name, { indexes: c.indexes, rule: c.rule }])) } satisfies CurrentState;
    },
    call(op: Operation): Call {
      switch (op.op) {
        case 'createCollection':
          return { method: `POST ${path()}`, args: [{ name: op.collection }] };
        case 'createIndex':
          return { method: `PUT ${path(op.collection, 'indexes', op.index.name)}`, args: [{ keys: op.index.keys, unique: !!op.index.unique }] };
        case 'dropIndex':
          return { method: `DELETE ${path(op.collection, 'indexes', op.index)}`, args: [] };
        case 'setRule':
          return { method: `PUT ${path(op.collection, 'rule')}`, args: [op.rule] };
        default:
          throw new Error(`the local cloud runs functions from the working tree; ${op.op} does not apply`);
      }
    },
    async send(c) {
      const [verb, p] = c.method.split(' ');
      const res = await fetch(`${url}${p}`, {
        method: verb,
        headers: { 'content-type': 'application/json' },
        body: c.args.length ? JSON.stringify(c.args[0]) : undefined,
      });
      if (!res.ok) throw new Error(`${c.method} answered ${res.status}: ${await res.text()}`);
    },
  };
}
