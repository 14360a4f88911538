import type { CollectionSpec, IndexSpec, Rule } from '../../emulator/db/schema';
import { sameIndex, sameRule } from '../../emulator/db/schema';
import type { TimerTrigger } from '../../emulator/functions/discovery';
import type { DesiredFunction, DesiredState } from './desired';

export type Operation =
  | { op: 'createCollection'; collection: string }
  | { op: 'createIndex'; collection: string; index: IndexSpec }
  | { op: 'dropIndex'; collection: string; index: string }
  | { op: 'setRule'; collection: string; rule: Rule }
  | { op: 'createFunction'; fn: DesiredFunction }
  | { op: 'updateFunctionCode'; fn: DesiredFunction }
  | { op: 'updateFunctionConfig'; fn: DesiredFunction }
  | { op: 'createTrigger'; fn: string; trigger: TimerTrigger }
  | { op: 'deleteTrigger'; fn: string; trigger: string };

export interface CurrentFunction {
  description: string;
  timeout: number;
  memorySize: number;
  triggers: TimerTrigger[];
}

/** What an environment has, in the same terms as the desired state. */
export interface CurrentState {
  collections: Map<string, { indexes: IndexSpec[]; rule?: Rule }>;
  /** Absent when the target runs functions from the working tree itself (the local cloud). */
  functions?: Map<string, CurrentFunction>;
}

export const emptyEnvironment = (): CurrentState => ({ collections: new Map(), functions: new Map() });

/**
 * The operations that bring an environment to the desired state, and nothing else: an environment
 * already there gets none. Collections, indexes and functions not in the repository are left alone
 * (dropping data or someone's index is never a side effect of deploying); an index whose keys
 * changed is dropped and made again, under the same name.
 */
export function plan(desired: DesiredState, current: CurrentState): Operation[] {
  const ops = desired.collections.flatMap((c) => planCollection(c, current.collections.get(c.name)));
  if (current.functions) for (const fn of desired.functions) ops.push(...planFunction(fn, current.functions.get(fn.name)));
  return ops;
}

function planCollection(spec: CollectionSpec, cur: { indexes: IndexSpec[]; rule?: Rule } | undefined): Operation[] {
  const ops: Operation[] = [];
  const collection = spec.name;
  if (!cur) ops.push({ op: 'createCollection', collection });
  for (const index of spec.indexes) {
    const same = cur?.indexes.find((i) => i.name === index.name);
    if (same && sameIndex(same, index)) continue;
    if (same) ops.push({ op: 'dropIndex', collection, index: index.name });
    ops.push({ op: 'createIndex', collection, index });
  }
  if (!sameRule(cur?.rule, spec.rule)) ops.push({ op: 'setRule', collection, rule: spec.rule });
  return ops;
}

function planFunction(fn: DesiredFunction, cur: CurrentFunction | undefined): Operation[] {
  if (!cur) return [{ op: 'createFunction', fn }, ...fn.triggers.map((trigger): Operation => ({ op: 'createTrigger', fn: fn.name, trigger }))];
  const ops: Operation[] = [];
  if (cur.description !== fn.description) ops.push({ op: 'updateFunctionCode', fn });
  if (cur.description !== fn.description || cur.timeout !== fn.timeout || cur.memorySize !== fn.memorySize) {
    ops.push({ op: 'updateFunctionConfig', fn });
  }
  for (const t of cur.triggers) {
    const want = fn.triggers.find((d) => d.name === t.name);
    if (!want || want.config !== t.config) ops.push({ op: 'deleteTrigger', fn: fn.name, trigger: t.name });
  }
  for (const t of fn.triggers) {
    const have = cur.triggers.find((c) => c.name === t.name);
    if (!have || have.config !== t.config) ops.push({ op: 'createTrigger', fn: fn.name, trigger: t });
  }
  return ops;
}
