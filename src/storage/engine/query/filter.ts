// Query filters: refuse what the engine cannot answer like MongoDB, then compile to a predicate.
// Simple equality filters (the hot path: lookups by id, key or reference) get a direct matcher;
// everything else goes through mingo's Query.
import { Decimal128, Timestamp, type Document } from 'bson';
import { Query } from 'mingo';
import { badValue, unsupported } from '../errors.js';
import { encodeKey, isDbRefLiteral, isIndexableScalar, isPlainObject, pathValues } from './values.js';

// Operators mingo lacks or answers differently from MongoDB (MongoDB manual, "Query and Projection Operators").
const REFUSED_OPERATORS: Record<string, string> = {
  $text: '$text search',
  $near: 'geospatial $near',
  $nearSphere: 'geospatial $nearSphere',
  $geoWithin: 'geospatial $geoWithin',
  $geoIntersects: 'geospatial $geoIntersects',
  $where: 'server-side JavaScript ($where)',
  $function: 'server-side JavaScript ($function)',
  $accumulator: 'server-side JavaScript ($accumulator)',
};

// The engine stores numbers as JS numbers, so it cannot tell int from long from double the way
// MongoDB's $type does; only the umbrella alias "number" is answerable.
const NUMERIC_SUBTYPES = new Set(['int', 'long', 'double', 'decimal', 1, 16, 18, 19]);
const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);
// Operators that order their operands (query and expression forms); mingo orders BSON Timestamps
// by their decimal string, so '10' < '9'.
const ORDERING_OPERATORS = new Set([...RANGE_OPERATORS, '$cmp', '$max', '$min']);
// Field names of a DBRef. MongoDB's parser reads them as equality on those fields when they appear
// where a filter expects operators or fields ({ $elemMatch: { $ref: 'x', $id: 1 } }); mingo cannot.
const DBREF_FIELDS = new Set(['$ref', '$id', '$db']);

/** Throw CommandNotSupported for anything in a filter or expression the engine would answer wrongly. */
export function assertSupported(expr: unknown, context = 'query'): void {
  if (Array.isArray(expr)) {
    for (const e of expr) assertSupported(e, context);
    return;
  }
  if (!isPlainObject(expr)) return;
  for (const [key, value] of Object.entries(expr)) {
    const refused = REFUSED_OPERATORS[key];
    if (refused) throw unsupported(refused);
    if (key === '$type') {
      for (const t of Array.isArray(value) ? value : [value]) {
        if (NUMERIC_SUBTYPES.has(t as string | number)) throw unsupported(`$type '${String(t)}' (numeric subtype distinctions)`);
      }
    }
    if (RANGE_OPERATORS.has(key) && value instanceof Decimal128) {
      throw unsupported('range comparison on Decimal128 values');
    }
    if (ORDERING_OPERATORS.has(key) && (Array.isArray(value) ? value : [value]).some((v) => v instanceof Timestamp)) {
      throw unsupported(`ordering comparison (${key}) of BSON Timestamp values`);
    }
    assertSupported(value, context);
  }
}

export type Predicate = (doc: Document) => boolean;

interface EqualityTerm {
  path: string[];
  /** The canonical keys of the values the field may equal (one for equality, several for $in). */
  keys: Set<string>;
}

/**
 * The fields of a filter that are `{ a: 1, 'b.c': 'x', d: { $in: [...] } }` with literal values and plain paths, matched
 * without mingo (mingo's $in builds a set of the whole list for every document it tests), and the rest of the filter.
 * Top-level fields are ANDed, so testing the two parts apart gives the same answer as testing the whole.
 */
function splitEqualityTerms(filter: Document): { terms: EqualityTerm[]; rest: Document | null } {
  const terms: EqualityTerm[] = [];
  let rest: Document | null = null;
  for (const [field, value] of Object.entries(filter)) {
    const term = equalityTerm(field, value);
    if (term) terms.push(term);
    else (rest ??= {})[field] = value as unknown;
  }
  return { terms, rest };
}

function equalityTerm(field: string, value: unknown): EqualityTerm | null {
  if (field.startsWith('$')) return null;
  const path = field.split('.');
  if (path.some((p) => p === '' || /^\d+$/.test(p))) return null;
  let values: unknown[] = [value];
  if (isPlainObject(value) && !isDbRefLiteral(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
    const keys = Object.keys(value);
    if (keys.length !== 1) return null;
    if (keys[0] === '$eq') values = [value.$eq];
    else if (keys[0] === '$in' && Array.isArray(value.$in)) values = value.$in as unknown[];
    else return null;
  }
  // Embedded documents and arrays compare whole and field-order-sensitively in MongoDB
  // (mingo ignores field order), which the canonical key encodes.
  if (!values.every((v) => isIndexableScalar(v) || isLiteralDocOrArray(v))) return null;
  return { path, keys: new Set(values.map(encodeKey)) };
}

function isLiteralDocOrArray(v: unknown): boolean {
  if (Array.isArray(v)) return v.every((el) => isIndexableScalar(el) || isLiteralDocOrArray(el));
  if (!isPlainObject(v)) return false;
  const dbRef = isDbRefLiteral(v);
  return Object.entries(v).every(([k, el]) => (dbRef || !k.startsWith('$')) && (el === undefined || isIndexableScalar(el) || isLiteralDocOrArray(el)));
}

function matchesTerm(doc: Document, term: EqualityTerm): boolean {
  for (const v of pathValues(doc, term.path)) {
    if (term.keys.has(encodeKey(v))) return true;
    if (Array.isArray(v)) {
      for (const el of v) if (term.keys.has(encodeKey(el))) return true;
    }
  }
  return false;
}

/**
 * The filter as mingo must see it. MongoDB reads `{ r: { $ref: 'c', $id: 1 } }` as equality with
 * a DBRef document; mingo would take `$ref` for an operator, so such values are wrapped in `$eq`.
 * Returns `filter` itself when nothing needs rewriting.
 */
export function toMingoFilter(filter: Document): Document {
  let out: Document | undefined;
  for (const [field, value] of Object.entries(filter) as [string, unknown][]) {
    let next: unknown = value;
    if (DBREF_FIELDS.has(field)) throw unsupported(`a '${field}' field at the top of a query`);
    if ((field === '$and' || field === '$or' || field === '$nor') && Array.isArray(value)) {
      const subs = value.map((sub: unknown) => (isPlainObject(sub) ? toMingoFilter(sub) : sub));
      if (subs.some((sub, i) => sub !== value[i])) next = subs;
    } else if (!field.startsWith('$')) {
      if (isDbRefLiteral(value)) next = { $eq: value };
      else if (isPlainObject(value) && isPlainObject(value.$elemMatch)) {
        const sub = value.$elemMatch;
        const isQuery = Object.keys(sub).some((k) => !k.startsWith('$') || DBREF_FIELDS.has(k));
        const rewritten = isQuery ? toMingoFilter(sub) : sub;
        if (rewritten !== sub) next = { ...value, $elemMatch: rewritten };
      }
    }
    if (next !== value) {
      out ??= { ...filter };
      out[field] = next;
    }
  }
  return out ?? filter;
}

export function compileFilter(filter: Document | undefined | null): Predicate {
  if (filter === undefined || filter === null) return () => true;
  if (!isPlainObject(filter)) throw badValue('filter must be an object');
  assertSupported(filter);
  const { terms, rest } = splitEqualityTerms(filter);
  if (!rest) {
    if (terms.length === 0) return () => true;
    return (doc) => terms.every((t) => matchesTerm(doc, t));
  }
  const query = new Query(toMingoFilter(rest));
  if (terms.length === 0) return (doc) => query.test(doc);
  return (doc) => terms.every((t) => matchesTerm(doc, t)) && query.test(doc);
}

/** Calls `visit` with each condition a filter puts on a top-level field, directly or inside `$and`. */
function eachFieldCondition(filter: Document | undefined | null, visit: (field: string, condition: unknown) => void): void {
  if (!filter || !isPlainObject(filter)) return;
  for (const [field, value] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(value)) {
      for (const sub of value) if (isPlainObject(sub)) eachFieldCondition(sub, visit);
    } else if (!field.startsWith('$')) {
      visit(field, value);
    }
  }
}

/**
 * Equality constraints a filter imposes on top-level fields (directly or through `$and`), as
 * canonical keys: `{ sku: 'a' }` → sku: ['s:a']; `{ sku: { $in: ['a','b'] } }` → two keys.
 * Only values whose index key equals their query semantics are returned.
 */
export function equalityConstraints(filter: Document | undefined | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  eachFieldCondition(filter, (field, value) => {
    if (isIndexableScalar(value)) {
      out.set(field, [encodeKey(value)]);
      return;
    }
    if (!isPlainObject(value)) return;
    if ('$eq' in value && isIndexableScalar(value.$eq)) out.set(field, [encodeKey(value.$eq)]);
    else if (Array.isArray(value.$in) && value.$in.every(isIndexableScalar)) {
      out.set(field, (value.$in as unknown[]).map(encodeKey));
    }
  });
  return out;
}

/**
 * One date bound per field that a filter compares with a date (`{ at: { $gte: new Date(…) } }`), directly or through
 * `$and`: the lower bound when there is one, else the upper. Other operators beside it only narrow the match further.
 */
export function dateBounds(filter: Document | undefined | null): Map<string, { ms: number; upper: boolean; inclusive: boolean }> {
  const out = new Map<string, { ms: number; upper: boolean; inclusive: boolean }>();
  eachFieldCondition(filter, (field, value) => {
    if (!isPlainObject(value)) return;
    const bound = (op: string, upper: boolean, inclusive: boolean) => {
      const v: unknown = (value as Record<string, unknown>)[op];
      return v instanceof Date && !Number.isNaN(v.getTime()) ? { ms: v.getTime(), upper, inclusive } : undefined;
    };
    const found = bound('$gte', false, true) ?? bound('$gt', false, false) ?? bound('$lte', true, true) ?? bound('$lt', true, false);
    if (found && !out.has(field)) out.set(field, found);
  });
  return out;
}
