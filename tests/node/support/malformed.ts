import fc from 'fast-check';
import { cloudSecret, cloudUrl } from './cloud';

/**
 * Malformed events for the fuzz suites: a field of the wrong type or an injection-looking value,
 * an unknown action, or not an object at all. Every one must be refused cleanly.
 */
export const injection = fc.constantFrom<unknown>({ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' }, ['$gt', '']);
const hugeString = fc.integer({ min: 2_000, max: 200_000 }).map((n) => '长'.repeat(n));

export function wrongFor(value: unknown): fc.Arbitrary<unknown> {
  const others = [fc.constant(null), injection, fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 })];
  if (typeof value === 'string') return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), hugeString, ...others);
  if (typeof value === 'number') return fc.oneof(fc.string(), fc.double({ noDefaultInfinity: false }), fc.constant(Number.MAX_SAFE_INTEGER * 4), fc.boolean(), ...others);
  if (typeof value === 'boolean') return fc.oneof(fc.string(), fc.integer(), ...others);
  if (Array.isArray(value)) return fc.oneof(fc.string(), fc.array(fc.oneof(fc.integer(), injection, hugeString), { minLength: 1, maxLength: 3 }), fc.array(fc.constant(value[0]), { minLength: 50, maxLength: 60 }), ...others.slice(0, 2));
  return fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer()), fc.constant(null), injection);
}

/**
 * `injectable` names the fields where an injection-looking string is malformed too (where an id
 * belongs; in free text it is just text); `nullable` those where null is a value the action takes.
 */
export function malformed(
  action: string,
  sample: Record<string, unknown>,
  knownActions: string[],
  injectable = /^id$|Id$/,
  nullable: string[] = [],
): fc.Arbitrary<unknown> {
  const fields = Object.keys(sample);
  const variants: fc.Arbitrary<unknown>[] = [
    fc.string({ maxLength: 40 }).filter((a) => !knownActions.includes(a)).map((a) => ({ ...sample, action: a })),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 })),
    fc.oneof(fc.integer(), injection, fc.constant(null)).map((a) => ({ ...sample, action: a })),
  ];
  if (fields.length) {
    variants.push(
      fc.constantFrom(...fields).chain((f) => {
        const wrong = injectable.test(f) ? fc.oneof(wrongFor(sample[f]), fc.constant('{"$gt":""}')) : wrongFor(sample[f]);
        const bad = nullable.includes(f) ? wrong.filter((b) => b !== null) : wrong;
        return bad.map((b) => ({ action, ...sample, [f]: b }));
      }),
    );
  }
  return fc.oneof(...variants);
}

export function assertRefused(result: any, event: unknown): void {
  const text = JSON.stringify(result);
  if (result?.ok !== false || result.code === 'INTERNAL' || !/[\u4e00-\u9fa5]/.test(result.message) || /\bat .+:\d+:\d+/.test(text)) {
    throw new Error(`not refused cleanly: ${JSON.stringify(event).slice(0, 300)} → ${text.slice(0, 300)}`);
  }
}

/** Lets a test call function handlers in its own process, as `openid`, against the local cloud. */
export function runHandlersAs(openid: string): void {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${cloudUrl()}/admin` });
  process.env.TCB_ENV = 'local';
  process.env.TENCENTCLOUD_SECRETID = 'local';
  process.env.TENCENTCLOUD_SECRETKEY = 'local';
  process.env.TENCENTCLOUD_SESSIONTOKEN = cloudSecret();
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_OPENID = openid;
}
