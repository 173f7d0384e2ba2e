// MongoDB's sort order (manual, "Comparison/Sort Order"): values of different BSON types compare
// by type rank; arrays sort by their smallest element ascending and largest descending; an empty
// array sorts before null/missing. mingo's own $sort groups whole values and differs on all three.
import { Binary, BSONRegExp, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp, type Document } from 'bson';
import { unsupported } from '../errors.js';
import { isPlainObject, pathValues } from './values.js';

const EMPTY_ARRAY = Symbol('empty array');

function typeRank(v: unknown): number {
  if (v === EMPTY_ARRAY) return 0;
  if (v instanceof MinKey) return 1;
  if (v === null || v === undefined) return 2;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof Long) return 3;
  if (v instanceof Decimal128) throw unsupported('sorting Decimal128 values');
  if (typeof v === 'string') return 4;
  if (Array.isArray(v)) return 6;
  if (v instanceof Binary) return 7;
  if (v instanceof ObjectId) return 8;
  if (typeof v === 'boolean') return 9;
  if (v instanceof Date) return 10;
  if (v instanceof Timestamp) return 11;
  if (v instanceof RegExp || v instanceof BSONRegExp) return 12;
  if (v instanceof MaxKey) return 13;
  if (isPlainObject(v)) return 5;
  return 5;
}

function num(v: unknown): number {
  return v instanceof Long ? v.toNumber() : Number(v);
}

function cmp<T>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 3:
      return cmp(num(a), num(b));
    case 4:
      return cmp(a as string, b as string);
    case 5: {
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
    case 6: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c !== 0) return c;
      }
      return xa.length - xb.length;
    }
    case 7: {
      const ba = a as Binary;
      const bb = b as Binary;
      return ba.length() - bb.length() || ba.sub_type - bb.sub_type || Buffer.compare(Buffer.from(ba.buffer), Buffer.from(bb.buffer));
    }
    case 8:
      return Buffer.compare(Buffer.from((a as ObjectId).id), Buffer.from((b as ObjectId).id));
    case 9:
      return Number(a) - Number(b);
    case 10:
      return (a as Date).getTime() - (b as Date).getTime();
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    case 12:
      return cmp(String(a), String(b));
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
