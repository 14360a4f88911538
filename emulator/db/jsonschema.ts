import { ObjectId } from './codec';

/**
 * The `$jsonSchema` query operator as MongoDB (so CloudBase) evaluates it: draft 4 keywords plus
 * `bsonType`, no `$ref`, `integer` or `format`
 * (https://www.mongodb.com/docs/manual/reference/operator/query/jsonSchema/). Handed to mingo as its
 * `jsonSchemaValidator`, which mingo requires for the operator to work at all.
 */
type Schema = Record<string, any>;

export const jsonSchemaValidator = (schema: Schema) => (doc: unknown) => valid(doc, schema);

function valid(v: unknown, s: Schema): boolean {
  if (s.bsonType !== undefined && ![s.bsonType].flat().some((t: string) => bsonTypes(v).includes(t))) return false;
  if (s.type !== undefined && ![s.type].flat().includes(jsonType(v))) return false;
  if (s.enum && !s.enum.some((e: unknown) => same(e, v))) return false;
  if (s.allOf && !s.allOf.every((x: Schema) => valid(v, x))) return false;
  if (s.anyOf && !s.anyOf.some((x: Schema) => valid(v, x))) return false;
  if (s.oneOf && s.oneOf.filter((x: Schema) => valid(v, x)).length !== 1) return false;
  if (s.not && valid(v, s.not)) return false;
  if (typeof v === 'number' && !numberOk(v, s)) return false;
  if (typeof v === 'string' && !stringOk(v, s)) return false;
  if (Array.isArray(v) && !arrayOk(v, s)) return false;
  if (jsonType(v) === 'object' && !objectOk(v as Record<string, unknown>, s)) return false;
  return true;
}

function numberOk(n: number, s: Schema): boolean {
  if (s.minimum !== undefined && (s.exclusiveMinimum ? n <= s.minimum : n < s.minimum)) return false;
  if (s.maximum !== undefined && (s.exclusiveMaximum ? n >= s.maximum : n > s.maximum)) return false;
  return s.multipleOf === undefined || Number.isInteger(n / s.multipleOf);
}

function stringOk(str: string, s: Schema): boolean {
  const len = [...str].length;
  if (s.minLength !== undefined && len < s.minLength) return false;
  if (s.maxLength !== undefined && len > s.maxLength) return false;
  return s.pattern === undefined || new RegExp(s.pattern, 'u').test(str);
}

function arrayOk(a: unknown[], s: Schema): boolean {
  if (s.minItems !== undefined && a.length < s.minItems) return false;
  if (s.maxItems !== undefined && a.length > s.maxItems) return false;
  if (s.uniqueItems && a.some((x, i) => a.findIndex((y) => same(x, y)) !== i)) return false;
  if (Array.isArray(s.items)) {
    if (!s.items.every((x: Schema, i: number) => i >= a.length || valid(a[i], x))) return false;
    const rest = a.slice(s.items.length);
    if (s.additionalItems === false && rest.length) return false;
    if (typeof s.additionalItems === 'object' && !rest.every((x) => valid(x, s.additionalItems))) return false;
  } else if (s.items && !a.every((x) => valid(x, s.items))) return false;
  return true;
}

function objectOk(o: Record<string, unknown>, s: Schema): boolean {
  const keys = Object.keys(o);
  if (s.required && !s.required.every((k: string) => k in o)) return false;
  if (s.minProperties !== undefined && keys.length < s.minProperties) return false;
  if (s.maxProperties !== undefined && keys.length > s.maxProperties) return false;
  const props: Schema = s.properties ?? {};
  const patterns = Object.entries((s.patternProperties ?? {}) as Schema).map(([p, x]) => [new RegExp(p, 'u'), x] as const);
  for (const k of keys) {
    const matched = patterns.filter(([re]) => re.test(k));
    if (k in props && !valid(o[k], props[k])) return false;
    if (!matched.every(([, x]) => valid(o[k], x))) return false;
    if (k in props || matched.length) continue;
    if (s.additionalProperties === false) return false;
    if (typeof s.additionalProperties === 'object' && !valid(o[k], s.additionalProperties)) return false;
  }
  return true;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Date || v instanceof ObjectId || v instanceof RegExp) return 'bson';
  return typeof v === 'object' ? 'object' : 'undefined';
}

/** BSON type aliases a value answers to (numbers are doubles unless whole, as the SDK sends them). */
function bsonTypes(v: unknown): string[] {
  if (typeof v === 'number') return Number.isInteger(v) ? ['number', 'int', 'long', 'double'] : ['number', 'double'];
  if (typeof v === 'boolean') return ['bool'];
  if (v instanceof Date) return ['date'];
  if (v instanceof ObjectId) return ['objectId'];
  if (v instanceof RegExp) return ['regex'];
  return [jsonType(v)];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
