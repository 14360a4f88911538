import { EJSON, BSONRegExp, ObjectId } from 'bson';

/** A document's `_id`: a string (CloudBase's own ids), a number, or an ObjectId. */
export type DocId = string | number | ObjectId;
// `any` so seeders that file documents by their string `_id` type-check unchanged.
export type Doc = Record<string, unknown> & { _id: any };

export { ObjectId };

/** Turns the SDK's canonical EJSON into plain values mingo understands (ObjectIds stay ObjectIds). */
export function decode(text: string, now = Date.now()): any {
  return normalize(EJSON.parse(text, { relaxed: true }), now);
}

export function encode(value: unknown): string {
  return EJSON.stringify(value as any, { relaxed: false });
}

/**
 * The key a document is filed under. Strings and numbers keep the key they always had; an
 * ObjectId `_id` is a different id from the same hex as a string, as in MongoDB.
 */
export function idKey(id: unknown): string | undefined {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return String(id);
  if (id instanceof ObjectId) return `ObjectId(${id.toHexString()})`;
  return undefined;
}

/** A deep copy that keeps dates, regexps and ObjectIds (structuredClone turns an ObjectId into `{}`). */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value) as T;
  if (value instanceof RegExp || value instanceof ObjectId) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = clone(v);
  return out as T;
}

function normalize(value: any, now: number): any {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof ObjectId || value instanceof RegExp) return value;
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
  if (Array.isArray(value)) return value.map((v) => normalize(v, now));
  if (typeof value._bsontype === 'string') return typeof value.toNumber === 'function' ? value.toNumber() : value.valueOf();
  // db.serverDate(): the server's clock, shifted by the requested offset.
  if ('$tcb_server_date' in value) return new Date(now + Number(value.$tcb_server_date?.offset ?? 0));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = normalize(v, now);
  return out;
}
