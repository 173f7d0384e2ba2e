// The mingo operator context the engine runs with: mingo's operators, with the pipeline stages
// whose mingo semantics differ from MongoDB's replaced ($sort order, $count on empty input,
// $lookup equality on arrays, DBRef values in $match).
import type { Document } from 'bson';
import { Context, ProcessingMode } from 'mingo/core';
import { Lazy } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { EngineError } from '../errors.js';
import { sortDocuments } from './compare.js';
import { toMingoFilter } from './filter.js';
import { encodeKey, isPlainObject, pathValues } from './values.js';

type Iter = { collect(): unknown[] };
type Options = { collectionResolver?: (name: string) => Document[] };

const $sort = (coll: Iter, spec: Document): unknown => Lazy(sortDocuments(coll.collect() as Document[], spec));

const mingoMatch = pipelineOperators.$match as unknown as (coll: Iter, expr: Document, options: unknown) => unknown;

/** mingo's $match, with DBRef literals read as MongoDB reads them (query/filter.ts, toMingoFilter). */
const $match = (coll: Iter, expr: Document, options: unknown): unknown => mingoMatch(coll, isPlainObject(expr) ? toMingoFilter(expr) : expr, options);

const $count = (coll: Iter, field: unknown): unknown => {
  if (typeof field !== 'string' || field === '' || field.startsWith('$') || field.includes('.')) {
    throw new EngineError('BadValue', 'the count field must be a non-empty string, must not start with $ and must not contain .');
  }
  const n = coll.collect().length;
  // MongoDB emits nothing for empty input ($count is $group + $project underneath).
  return Lazy(n === 0 ? [] : [{ [field]: n }]);
};

function keysAt(doc: Document, path: string): string[] {
  const keys: string[] = [];
  for (const v of pathValues(doc, path.split('.'))) {
    if (Array.isArray(v)) for (const el of v) keys.push(encodeKey(el));
    else keys.push(encodeKey(v));
  }
  return keys;
}

function setCopied(doc: Document, path: string[], value: unknown): Document {
  const [head, ...rest] = path;
  const out = { ...doc };
  out[head!] = rest.length === 0 ? value : setCopied(isPlainObject(doc[head!]) ? (doc[head!] as Document) : {}, rest, value);
  return out;
}

const mingoLookup = pipelineOperators.$lookup as unknown as (coll: Iter, expr: Document, options: Options) => unknown;

/** Equality $lookup with MongoDB matching: any local value (arrays expanded) equals any foreign value. */
const $lookup = (coll: Iter, expr: Document, options: Options): unknown => {
  const { from, localField, foreignField, as } = expr as { from?: unknown; localField?: unknown; foreignField?: unknown; as?: unknown };
  if (expr.pipeline !== undefined || expr.let !== undefined || typeof localField !== 'string' || typeof foreignField !== 'string') {
    return mingoLookup(coll, expr, options);
  }
  if (typeof from !== 'string' || typeof as !== 'string') throw new EngineError('FailedToParse', '$lookup requires string from and as fields');
  const foreign = options.collectionResolver?.(from) ?? [];
  const byKey = new Map<string, number[]>();
  foreign.forEach((doc, i) => {
    for (const k of new Set(keysAt(doc, foreignField))) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  const out = (coll.collect() as Document[]).map((doc) => {
    const hits = new Set<number>();
    for (const k of keysAt(doc, localField)) for (const i of byKey.get(k) ?? []) hits.add(i);
    const matches = [...hits].sort((a, b) => a - b).map((i) => foreign[i]);
    return setCopied(doc, as.split('.'), matches);
  });
  return Lazy(out);
};

// mingo types a pipeline operator as the intersection of every built-in stage's parameter list,
// which no replacement stage can satisfy; the stages above take what mingo actually passes.
export const ENGINE_CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: { ...pipelineOperators, $match, $sort, $count, $lookup } as never,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
});

export function isKnownStage(name: string): boolean {
  return ENGINE_CONTEXT.getOperator('pipeline' as never, name) !== null;
}

export { ProcessingMode };
