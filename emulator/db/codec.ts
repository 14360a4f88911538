import { EJSON, BSONRegExp } from 'bson';

export type Doc = Record<string, unknown> & { _id: string };

/** Turns the SDK's canonical EJSON into plain values mingo understands. */
export function decode(text: string, now = Date.now()): any {
  return normalize(EJSON.parse(text, { relaxed: true }), now);
}

export function encode(value: unknown): string {
  return EJSON.stringify(value as any, { relaxed: false });
}

function normalize(value: any, now: number): any {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
  if (value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map((v) => normalize(v, now));
  if (typeof value._bsontype === 'string') return typeof value.toNumber === 'function' ? value.toNumber() : value.valueOf();
  // db.serverDate(): the server's clock, shifted by the requested offset.
  if ('$tcb_server_date' in value) return new Date(now + Number(value.$tcb_server_date?.offset ?? 0));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = normalize(v, now);
  return out;
}
