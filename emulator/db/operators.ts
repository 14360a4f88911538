import { Context } from 'mingo';
import type { Aggregator as AggregatorClass, Query as QueryClass, update as updateFn } from 'mingo';
import { geoIntersects, geoWithin } from './geo-match';
import { jsonSchemaValidator } from './jsonschema';

type Options = Record<string, any>;
type Query = (selector: string, value: any, options: Options) => (obj: any) => boolean;
type Expr = (obj: any, expr: any, options: Options) => any;

// mingo's subpath exports carry no types under moduleResolution "node"; these are the few used.
const { evalExpr } = require('mingo/core') as { evalExpr: Expr };
const { resolve } = require('mingo/util') as { resolve: (obj: any, selector: string) => unknown };
const expressionOps = require('mingo/operators/expression') as Record<string, Expr>;
const queryOps = require('mingo/operators/query') as Record<string, Query>;
const { $dayOfWeek, $dayOfYear, $substrBytes, $substrCP } = expressionOps;

/**
 * Where CloudBase (MongoDB underneath) and mingo part ways, CloudBase's answer wins: these
 * operators replace or add to mingo's for every query, update and aggregation the store runs.
 */
const geo =
  (test: (v: unknown, spec: Record<string, any>) => boolean): Query =>
  (selector, value) =>
  (obj) =>
    test(resolve(obj, selector), value);

/**
 * With field conditions (`{a: _.exists(true)}`), `$elemMatch` looks only at elements that are
 * documents; a plain value never matches (MongoDB's $elemMatch: "only documents … match").
 * mingo tests plain values too, so `exists(false)` or `mod` inside matched arrays of numbers.
 */
const $elemMatch: Query = (selector, value, options) => {
  const fields = value && typeof value === 'object' && Object.keys(value).some((k) => !k.startsWith('$'));
  const criteria = fields ? { $and: [{ $expr: { $eq: [{ $type: '$$ROOT' }, 'object'] } }, value] } : value;
  return queryOps.$elemMatch(selector, criteria, options);
};

/** MongoDB's `$week`: weeks start on Sunday; days before the year's first Sunday are week 0. */
const $week: Expr = (obj, expr, options) => {
  const doy = ($dayOfYear(obj, expr, options) as number) - 1;
  const dow = ($dayOfWeek(obj, expr, options) as number) - 1;
  return Math.floor((doy + 7 - dow) / 7);
};

/** A negative count, or one past the end, means "to the end of the string" in MongoDB. */
const toEnd =
  (op: Expr, length: (s: string) => number): Expr =>
  (obj, expr, options) => {
    const [s, start, count] = evalExpr(obj, expr, options) as [unknown, number, number];
    if (typeof s !== 'string' || typeof start !== 'number' || typeof count !== 'number') return op(obj, [s, start, count], options);
    const rest = Math.max(0, length(s) - start);
    return op(obj, [s, start, count < 0 || count > rest ? rest : count], options);
  };

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');
const cpLength = (s: string) => [...s].length;

/** `$indexOfCP`: index in code points of a substring, optionally within [start, end). */
const $indexOfCP: Expr = (obj, expr, options) => {
  const [s, sub, start = 0, end] = evalExpr(obj, expr, options) as [unknown, string, number, number | undefined];
  if (s === null || s === undefined) return null;
  if (typeof s !== 'string' || typeof sub !== 'string') throw new Error('$indexOfCP requires a string and a substring');
  const cps = [...s];
  const stop = Math.min(end ?? cps.length, cps.length);
  const needle = [...sub];
  for (let i = start; i + needle.length <= stop; i++) if (needle.every((c, j) => cps[i + j] === c)) return i;
  return -1;
};

/**
 * mingo's own entry points merge a caller's operators under its defaults (the defaults win), so
 * the store uses its base classes with one full context: mingo's operators, these on top.
 */
const context = Context.init({
  accumulator: require('mingo/operators/accumulator'),
  pipeline: require('mingo/operators/pipeline'),
  projection: require('mingo/operators/projection'),
  window: require('mingo/operators/window'),
  query: { ...queryOps, $elemMatch, $geoWithin: geo(geoWithin), $geoIntersects: geo(geoIntersects) },
  expression: {
    ...expressionOps,
    $week,
    $substr: toEnd($substrBytes, utf8Length),
    $substrBytes: toEnd($substrBytes, utf8Length),
    $substrCP: toEnd($substrCP, cpLength),
    $indexOfCP,
  },
} as any);

/** Options for every mingo call the store makes. */
export const mingoOptions = { context, jsonSchemaValidator } as any;

export const Query = require('mingo/query').Query as typeof QueryClass;
export const Aggregator = require('mingo/aggregator').Aggregator as typeof AggregatorClass;
export const update = require('mingo/updater').update as typeof updateFn;
export const find = (docs: unknown[], criteria: Record<string, unknown>, projection?: Record<string, unknown>) =>
  new Query(criteria, mingoOptions).find(docs as any[], projection);
