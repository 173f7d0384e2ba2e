// Value helpers with MongoDB's equality semantics (numbers compare by value whatever their BSON
// type, null matches missing) used by indexes, the fast equality matcher and the write path.
import { Binary, BSONRegExp, Code, Decimal128, EJSON, Long, ObjectId, Timestamp, type Document } from 'bson';

export function isPlainObject(v: unknown): v is Document {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Deep copy of a BSON document. Plain objects, arrays and Dates are copied; BSON value classes
 * (ObjectId, Binary, Long, ...) are immutable in practice and shared. Stored documents are never
 * mutated in place, so readers and open transactions can hold references to them safely.
 */
export function cloneDoc<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneDoc) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Document = {};
    for (const k of Object.keys(v)) out[k] = cloneDoc<unknown>(v[k]);
    return out as T;
  }
  return v;
}

/**
 * Canonical string for a value under MongoDB equality: 1, 1.0 and NumberLong(1) encode alike,
 * object key order matters (as in MongoDB), missing and null encode alike. Distinct values never
 * share a key: strings are quoted, and every BSON class is encoded by its content and type.
 */
export function encodeKey(v: unknown): string {
  if (v === undefined || v === null) return 'n';
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? 'd:0' : `d:${v}`;
    case 'string':
      return `s:${JSON.stringify(v)}`;
    case 'boolean':
      return v ? 'b:1' : 'b:0';
    case 'bigint':
      return `d:${v}`;
    case 'undefined':
    case 'object':
    case 'function':
    case 'symbol':
      break;
  }
  if (v instanceof ObjectId) return `o:${v.toHexString()}`;
  if (v instanceof Date) return `t:${v.getTime()}`;
  if (Array.isArray(v)) return `a:[${v.map(encodeKey).join(',')}]`;
  if (isPlainObject(v)) {
    const parts = Object.keys(v).map((k) => `${JSON.stringify(k)}:${encodeKey(v[k])}`);
    return `{${parts.join(',')}}`;
  }
  // Timestamp extends Long in the bson library: it must be told apart first (it is no number).
  if (v instanceof Timestamp) return `ts:${v.toBigInt()}`;
  if (v instanceof Long) return `d:${v.toString()}`;
  if (v instanceof Binary) return `x:${v.sub_type}:${Buffer.from(v.buffer).toString('base64')}`;
  if (v instanceof Decimal128) return `m:${v.toString()}`;
  if (v instanceof RegExp) return `r:${JSON.stringify(v.source)}/${v.flags}`;
  if (v instanceof BSONRegExp) return `r:${JSON.stringify(v.pattern)}/${v.options}`;
  // JavaScript code, and code with scope (a distinct BSON type), compare by code and then scope.
  if (v instanceof Code) return v.scope == null ? `c:${JSON.stringify(v.code)}` : `w:${JSON.stringify(v.code)}:${encodeKey(v.scope)}`;
  // Anything else (MinKey, MaxKey, symbols, DBPointers, ...): its BSON type name and content.
  return `?${(v as { _bsontype?: string })._bsontype ?? typeof v}:${contentOf(v)}`;
}

function contentOf(v: unknown): string {
  try {
    const json = EJSON.stringify(v, { relaxed: false }) as string | undefined; // undefined for functions
    return json ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * A filter value MongoDB reads as a DBRef, i.e. a literal document rather than operators, even
 * though its field names start with `$` (MongoDB's query parser: a document with `$ref` and `$id`).
 */
export function isDbRefLiteral(v: unknown): boolean {
  return isPlainObject(v) && Object.prototype.hasOwnProperty.call(v, '$ref') && Object.prototype.hasOwnProperty.call(v, '$id');
}

/** MongoDB value equality (as for `$eq`, without array traversal). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  return encodeKey(a) === encodeKey(b);
}

/**
 * Every value a dotted path reaches in a document, traversing arrays as MongoDB does for queries
 * and multikey indexes. `missing` is reported as undefined so callers can treat it like null.
 */
export function pathValues(doc: unknown, path: string[], start = 0, out: unknown[] = []): unknown[] {
  if (start === path.length) {
    out.push(doc);
    return out;
  }
  const key = path[start]!;
  if (Array.isArray(doc)) {
    // A numeric component addresses an element; otherwise descend into each element.
    if (/^\d+$/.test(key) && Number(key) < doc.length) pathValues(doc[Number(key)], path, start + 1, out);
    let descended = false;
    for (const el of doc) {
      if (isPlainObject(el)) {
        pathValues(el, path, start, out);
        descended = true;
      }
    }
    if (!descended && !/^\d+$/.test(key)) out.push(undefined);
    return out;
  }
  if (isPlainObject(doc)) {
    return pathValues(doc[key], path, start + 1, out);
  }
  out.push(undefined);
  return out;
}

/** A value usable for exact index lookups: its equality semantics coincide with the canonical key. */
export function isIndexableScalar(v: unknown): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return !Number.isNaN(v);
    case 'bigint':
    case 'function':
    case 'object':
    case 'symbol':
    case 'undefined':
      break;
  }
  return v instanceof ObjectId || v instanceof Date;
}
