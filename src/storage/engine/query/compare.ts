// MongoDB's sort order (manual, "Comparison/Sort Order"): values of different BSON types compare
// by type rank; arrays sort by their smallest element ascending and largest descending; an empty
// array sorts before null/missing. mingo's own $sort groups whole values and differs on all three.
import { Binary, BSONRegExp, Code, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp, type Document } from 'bson';
import { unsupported } from '../errors.js';
import { isPlainObject, pathValues } from './values.js';

const EMPTY_ARRAY = Symbol('empty array');

// MongoDB's canonical type order (bsontypes.h, canonicalizeBSONType): values of different types
// compare by these; an empty array sorts as undefined, between MinKey and null.
const MIN_KEY = -1;
const EMPTY = 0;
const NULL = 5;
const NUMBER = 10;
const STRING = 15;
const OBJECT = 20;
const ARRAY = 25;
const BINARY = 30;
const OBJECT_ID = 35;
const BOOLEAN = 40;
const DATE = 45;
const TIMESTAMP = 47;
const REGEX = 50;
const CODE = 60;
const CODE_W_SCOPE = 65;
const MAX_KEY = 127;

function typeRank(v: unknown): number {
  if (v === EMPTY_ARRAY) return EMPTY;
  if (v === null || v === undefined) return NULL;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return NUMBER;
    case 'string':
      return STRING;
    case 'boolean':
      return BOOLEAN;
    case 'object':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  if (Array.isArray(v)) return ARRAY;
  if (isPlainObject(v)) return OBJECT;
  // Timestamp extends Long in the bson library: test it first, it is not a number.
  if (v instanceof Timestamp) return TIMESTAMP;
  if (v instanceof Long) return NUMBER;
  if (v instanceof Decimal128) throw unsupported('sorting Decimal128 values');
  if (v instanceof MinKey) return MIN_KEY;
  if (v instanceof Binary) return BINARY;
  if (v instanceof ObjectId) return OBJECT_ID;
  if (v instanceof Date) return DATE;
  if (v instanceof RegExp || v instanceof BSONRegExp) return REGEX;
  if (v instanceof Code) return v.scope == null ? CODE : CODE_W_SCOPE;
  if (v instanceof MaxKey) return MAX_KEY;
  const type = (v as { _bsontype?: unknown })._bsontype;
  throw unsupported(`sorting ${typeof type === 'string' ? type : typeof v} values`);
}

function num(v: unknown): number {
  return v instanceof Long ? v.toNumber() : Number(v);
}

function regexParts(v: unknown): [string, string] {
  return v instanceof RegExp ? [v.source, v.flags] : [(v as BSONRegExp).pattern, (v as BSONRegExp).options];
}

function cmp<T>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case NUMBER:
      return cmp(num(a), num(b));
    case STRING:
      return cmp(a as string, b as string);
    case OBJECT: {
      const ka = Object.keys(a as Document);
      const kb = Object.keys(b as Document);
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        const va: unknown = (a as Document)[ka[i]!];
        const vb: unknown = (b as Document)[kb[i]!];
        const byType = typeRank(va) - typeRank(vb);
        if (byType !== 0) return byType;
        const byName = cmp(ka[i]!, kb[i]!);
        if (byName !== 0) return byName;
        const byValue = compareValues(va, vb);
        if (byValue !== 0) return byValue;
      }
      return ka.length - kb.length;
    }
    case ARRAY: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c !== 0) return c;
      }
      return xa.length - xb.length;
    }
    case BINARY: {
      const ba = a as Binary;
      const bb = b as Binary;
      return ba.length() - bb.length() || ba.sub_type - bb.sub_type || Buffer.compare(Buffer.from(ba.buffer), Buffer.from(bb.buffer));
    }
    case OBJECT_ID:
      return Buffer.compare(Buffer.from((a as ObjectId).id), Buffer.from((b as ObjectId).id));
    case BOOLEAN:
      return Number(a) - Number(b);
    case DATE:
      return (a as Date).getTime() - (b as Date).getTime();
    case TIMESTAMP:
      return (a as Timestamp).compare(b as Timestamp);
    case REGEX: {
      const [pa, fa] = regexParts(a);
      const [pb, fb] = regexParts(b);
      return cmp(pa, pb) || cmp(fa, fb);
    }
    case CODE:
      return cmp((a as Code).code, (b as Code).code);
    case CODE_W_SCOPE:
      return cmp((a as Code).code, (b as Code).code) || compareValues((a as Code).scope, (b as Code).scope);
    default:
      return 0;
  }
}

/** The value a document sorts by on `path` for the given direction. */
function sortKey(doc: Document, path: string[], direction: 1 | -1): unknown {
  const values: unknown[] = [];
  for (const v of pathValues(doc, path)) {
    if (Array.isArray(v)) {
      if (v.length === 0) values.push(EMPTY_ARRAY);
      else values.push(...(v as unknown[]));
    } else {
      values.push(v);
    }
  }
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    const c = compareValues(values[i], best);
    if ((direction === 1 && c < 0) || (direction === -1 && c > 0)) best = values[i];
  }
  return best;
}

/** A stable sort of `docs` by a MongoDB sort specification. */
export function sortDocuments<T extends Document>(docs: T[], spec: Document): T[] {
  const keys = Object.entries(spec).map(([field, dir]) => {
    if (dir !== 1 && dir !== -1) {
      if (isPlainObject(dir) && '$meta' in dir) throw unsupported(`$meta sort on '${field}'`);
      throw unsupported(`sort direction ${JSON.stringify(dir)} on '${field}'`);
    }
    return { path: field.split('.'), dir: dir as 1 | -1 };
  });
  const decorated = docs.map((doc, i) => ({ doc, i, k: keys.map((k) => sortKey(doc, k.path, k.dir)) }));
  decorated.sort((x, y) => {
    for (let j = 0; j < keys.length; j++) {
      const c = compareValues(x.k[j], y.k[j]);
      if (c !== 0) return c * keys[j]!.dir;
    }
    return x.i - y.i;
  });
  return decorated.map((d) => d.doc);
}
