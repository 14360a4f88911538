import type { IndexSpec, Rule } from '../../../emulator/db/schema';
import type { TimerTrigger } from '../../../emulator/functions/discovery';
import { IGNORED, type DesiredFunction, type DesiredState } from '../desired';
import type { CurrentFunction, CurrentState, Operation } from '../plan';
import type { Call, Target } from '../target';

export interface CloudBaseCredentials {
  envId: string;
  secretId: string;
  secretKey: string;
  /** For temporary keys. */
  token?: string;
}

const PAGE = 100;

/**
 * A CloudBase environment through @cloudbase/manager-node (the library under the CloudBase CLI).
 * Every call named here is a method of its services: database, permission, functions.
 */
export function cloudbaseTarget(creds: CloudBaseCredentials, functionsDir: string): Target {
  // Loaded only when deploying for real, so a dry run and the tests never reach for it.
  const CloudBase = require('@cloudbase/manager-node');
  const app = new CloudBase({ envId: creds.envId, secretId: creds.secretId, secretKey: creds.secretKey, token: creds.token });

  return {
    name: `CloudBase environment ${creds.envId}`,
    async read(desired) {
      return { collections: await readCollections(app, desired), functions: await readFunctions(app, desired) };
    },
    call: (op) => cloudbaseCall(op, functionsDir),
    async send(c) {
      const [service, method] = c.method.split('.');
      await app[service][method](...c.args);
    },
  };
}

/** The manager-node call an operation becomes. */
export function cloudbaseCall(op: Operation, functionsDir: string): Call {
  switch (op.op) {
    case 'createCollection':
      return { method: 'database.createCollection', args: [op.collection] };
    case 'createIndex':
      return {
        method: 'database.updateCollection',
        args: [
          op.collection,
          {
            CreateIndexes: [
              {
                IndexName: op.index.name,
                MgoKeySchema: {
                  MgoIndexKeys: Object.entries(op.index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
                  MgoIsUnique: !!op.index.unique,
                },
              },
            ],
          },
        ],
      };
    case 'dropIndex':
      return { method: 'database.updateCollection', args: [op.collection, { DropIndexes: [{ IndexName: op.index }] }] };
    case 'setRule':
      return { method: 'permission.modifyResourcePermission', args: [{ resourceType: 'collection', resource: op.collection, ...permissionOf(op.rule) }] };
    case 'createFunction':
      return { method: 'functions.createFunction', args: [{ func: { ...funcConfig(op.fn), ...funcCode(op.fn) }, functionRootPath: functionsDir, force: false }] };
    case 'updateFunctionCode':
      return { method: 'functions.updateFunctionCode', args: [{ func: funcCode(op.fn), functionRootPath: functionsDir }] };
    case 'updateFunctionConfig':
      return { method: 'functions.updateFunctionConfig', args: [funcConfig(op.fn)] };
    case 'createTrigger':
      return { method: 'functions.createFunctionTriggers', args: [op.fn, [op.trigger]] };
    case 'deleteTrigger':
      return { method: 'functions.deleteFunctionTrigger', args: [op.fn, op.trigger] };
  }
}

const funcCode = (fn: DesiredFunction) => ({ name: fn.name, runtime: fn.runtime, handler: 'index.main', installDependency: true, ignore: IGNORED });
const funcConfig = (fn: DesiredFunction) => ({ name: fn.name, description: fn.description, timeout: fn.timeout, memorySize: fn.memorySize });

/** 仅管理端可读写 is CloudBase's ADMINONLY; any other rule is a custom security rule. */
function permissionOf(rule: Rule): { permission: 'ADMINONLY' } | { permission: 'CUSTOM'; securityRule: string } {
  if (rule.read === false && rule.write === false) return { permission: 'ADMINONLY' };
  return { permission: 'CUSTOM', securityRule: JSON.stringify(rule) };
}

function ruleOf(p: { Permission?: string; SecurityRule?: string } | undefined): Rule | undefined {
  if (!p?.Permission) return undefined;
  if (p.Permission === 'ADMINONLY') return { read: false, write: false };
  if (p.Permission === 'CUSTOM' && p.SecurityRule) return JSON.parse(p.SecurityRule);
  // READONLY, PRIVATE, ADMINWRITE: open to clients in some way, never what the list asks.
  return { read: p.Permission, write: p.Permission };
}

async function readCollections(app: any, desired: DesiredState): Promise<CurrentState['collections']> {
  const existing = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const res = await app.database.listCollections({ MgoLimit: PAGE, MgoOffset: offset });
    for (const c of res.Collections ?? []) existing.add(c.CollectionName);
    if ((res.Collections ?? []).length < PAGE) break;
  }
  const names = desired.collections.map((c) => c.name).filter((n) => existing.has(n));
  const rules = new Map<string, Rule | undefined>();
  for (let i = 0; i < names.length; i += PAGE) {
    const res = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: names.slice(i, i + PAGE) });
    for (const p of res.Data?.PermissionList ?? []) rules.set(p.Resource, ruleOf(p));
  }
  const out: CurrentState['collections'] = new Map();
  for (const name of names) {
    const table = await app.database.describeCollection(name);
    const indexes: IndexSpec[] = (table.Indexes ?? [])
      .filter((i: any) => i.Name !== '_id_')
      .map((i: any) => ({
        name: i.Name,
        keys: Object.fromEntries((i.Keys ?? []).map((k: any) => [k.Name, /^-?1$/.test(k.Direction) ? Number(k.Direction) : k.Direction])),
        ...(i.Unique ? { unique: true } : {}),
      }));
    out.set(name, { indexes, rule: rules.get(name) });
  }
  return out;
}

async function readFunctions(app: any, desired: DesiredState): Promise<Map<string, CurrentFunction>> {
  const existing = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const res = await app.functions.getFunctionList(PAGE, offset);
    for (const f of res.Functions ?? []) existing.add(f.FunctionName);
    if ((res.Functions ?? []).length < PAGE) break;
  }
  const out = new Map<string, CurrentFunction>();
  for (const fn of desired.functions.filter((f) => existing.has(f.name))) {
    const d = await app.functions.getFunctionDetail(fn.name);
    const triggers: TimerTrigger[] = (d.Triggers ?? [])
      .filter((t: any) => t.Type === 'timer')
      .map((t: any) => ({ name: t.TriggerName, type: 'timer', config: cronOf(t.TriggerDesc) }));
    out.set(fn.name, { description: d.Description ?? '', timeout: d.Timeout, memorySize: d.MemorySize, triggers });
  }
  return out;
}

/** SCF reports a timer's schedule as the cron itself or as {"cron": …}. */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc);
    return typeof parsed?.cron === 'string' ? parsed.cron : desc;
  } catch {
    return desc;
  }
}
