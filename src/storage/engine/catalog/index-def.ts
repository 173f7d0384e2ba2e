// Secondary indexes: key extraction (compound, multikey, sparse, partial) and the in-memory maps
// behind unique enforcement, equality / $in lookups and one-sided date ranges.
import type { Document } from 'bson';
import { Query } from 'mingo';
import { EngineError } from '../errors.js';
import { toMingoFilter } from '../query/filter.js';
import { encodeKey, isPlainObject, pathValues } from '../query/values.js';

export interface IndexSpec {
  v: 2;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

const EMPTY_ARRAY_KEY = 'e';
const DATE_KEY_PREFIX = 't:';
/** New date keys wait unsorted until a range lookup finds more than this many of them. */
const MAX_UNSORTED_DATES = 256;

/** One bound of a date range: `{ $gt | $gte | $lt | $lte: Date }`. */
export interface DateBound {
  ms: number;
  upper: boolean;
  inclusive: boolean;
}

/**
 * The distinct dates among an index's first-field keys, sorted, for range lookups ("changed since"). Built on the first
 * range lookup; new dates are appended unsorted and merged in by a later lookup, and dates whose last document went
 * stay until the next rebuild (a lookup skips keys no longer in the index), so writes never pay for the order.
 */
interface DateOrder {
  sorted: number[];
  recent: number[];
  gone: number;
}

/**
 * Whether the document `id`, which holds `key` in `index` (undefined: the _id index), counts as a collision.
 * Transactions use it to leave out documents they have rewritten, and to tell a key their snapshot holds from
 * one committed since.
 */
export type KeyHolderFilter = (id: string, key: string, index: Index | undefined) => boolean;

export class Index {
  readonly fields: string[];
  private readonly paths: string[][];
  private readonly partial?: Query;
  /** full compound key → ids of documents carrying it */
  private readonly byKey = new Map<string, Set<string>>();
  /** first field's key → ids (for prefix lookups on compound indexes) */
  private readonly byFirst: Map<string, Set<string>>;
  private dates: DateOrder | null = null;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.paths = this.fields.map((f) => f.split('.'));
    if (spec.partialFilterExpression) this.partial = new Query(toMingoFilter(spec.partialFilterExpression));
    this.byFirst = this.fields.length === 1 ? this.byKey : new Map<string, Set<string>>();
  }

  get name(): string {
    return this.spec.name;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  /** Whether equality lookups on the first field may use this index (partial/sparse indexes omit documents). */
  get usableForLookup(): boolean {
    return !this.partial && this.spec.sparse !== true;
  }

  /** The compound keys (and first-field keys) a document contributes; empty when sparse/partial excludes it. */
  keysOf(doc: Document): { full: string[]; first: string[] } {
    if (this.partial && !this.partial.test(doc)) return { full: [], first: [] };
    const perField: string[][] = [];
    let allMissing = true;
    let arrayFields = 0;
    for (const path of this.paths) {
      const keys = new Set<string>();
      let fromArray = false;
      for (const v of pathValues(doc, path)) {
        if (v !== undefined) allMissing = false;
        if (Array.isArray(v)) {
          fromArray = true;
          if (v.length === 0) keys.add(EMPTY_ARRAY_KEY);
          for (const el of v) keys.add(encodeKey(el));
        } else {
          keys.add(encodeKey(v));
        }
      }
      if (keys.size > 1 || fromArray) arrayFields++;
      perField.push([...keys]);
    }
    if (this.spec.sparse === true && allMissing) return { full: [], first: [] };
    if (arrayFields > 1 && this.paths.length > 1) {
      throw new EngineError('BadValue', `cannot index parallel arrays [${this.fields.join('] [')}]`, {}, []);
    }
    let full: string[] = [''];
    for (const keys of perField) {
      const next: string[] = [];
      for (const prefix of full) for (const k of keys) next.push(prefix === '' ? k : `${prefix}\u0000${k}`);
      full = next;
    }
    return { full, first: perField[0] ?? [] };
  }

  /** Throws 11000 if `doc` would collide with a document other than `selfId`. */
  checkUnique(doc: Document, selfId: string, ns: string, isLive: KeyHolderFilter = () => true): void {
    if (!this.unique) return;
    for (const key of this.keysOf(doc).full) {
      const ids = this.byKey.get(key);
      if (!ids) continue;
      for (const id of ids) {
        if (id !== selfId && isLive(id, key, this)) throw duplicateKey(ns, this, doc, key);
      }
    }
  }

  add(doc: Document, id: string): void {
    const { full, first } = this.keysOf(doc);
    for (const k of full) addTo(this.byKey, k, id);
    if (this.byFirst !== this.byKey) for (const k of first) addTo(this.byFirst, k, id);
    if (this.dates) for (const k of first) if (k.startsWith(DATE_KEY_PREFIX) && this.byFirst.get(k)?.size === 1) this.dates.recent.push(dateOfKey(k));
  }

  remove(doc: Document, id: string): void {
    const { full, first } = this.keysOf(doc);
    for (const k of full) removeFrom(this.byKey, k, id);
    if (this.byFirst !== this.byKey) for (const k of first) removeFrom(this.byFirst, k, id);
    if (this.dates) for (const k of first) if (k.startsWith(DATE_KEY_PREFIX) && !this.byFirst.has(k)) this.dates.gone++;
  }

  /** Ids whose first indexed field equals one of `encodedValues` (a superset of the matching documents). */
  lookupFirst(encodedValues: string[]): Set<string> {
    const out = new Set<string>();
    for (const v of encodedValues) {
      const ids = this.byFirst.get(v);
      if (ids) for (const id of ids) out.add(id);
    }
    return out;
  }

  /**
   * Ids whose first indexed field holds a date on the right side of `bound`: a superset of the documents one
   * comparison with a date matches, since MongoDB compares a date only with dates (type bracketing) and an array
   * matches when one of its elements does. Only one bound is looked up: with two, an array may satisfy each with a
   * different element.
   */
  lookupDates(bound: DateBound): Set<string> {
    const order = this.dateOrder();
    const out = new Set<string>();
    const take = (ms: number): void => {
      const ids = this.byFirst.get(`${DATE_KEY_PREFIX}${ms}`);
      if (ids) for (const id of ids) out.add(id);
    };
    const inRange = (ms: number): boolean =>
      bound.upper ? ms < bound.ms || (bound.inclusive && ms === bound.ms) : ms > bound.ms || (bound.inclusive && ms === bound.ms);
    const { sorted } = order;
    // The first position past the bound: dates after it (lower bound) or before it (upper bound) are in range.
    const at = firstIndex(sorted, (ms) => (bound.upper ? !inRange(ms) : inRange(ms)));
    if (bound.upper) for (let i = 0; i < at; i++) take(sorted[i]!);
    else for (let i = at; i < sorted.length; i++) take(sorted[i]!);
    for (const ms of order.recent) if (inRange(ms)) take(ms);
    return out;
  }

  private dateOrder(): DateOrder {
    let order = this.dates;
    if (!order || order.gone > Math.max(order.sorted.length / 2, MAX_UNSORTED_DATES)) {
      const sorted: number[] = [];
      for (const k of this.byFirst.keys()) if (k.startsWith(DATE_KEY_PREFIX)) sorted.push(dateOfKey(k));
      order = this.dates = { sorted: sorted.sort((a, b) => a - b), recent: [], gone: 0 };
    } else if (order.recent.length > MAX_UNSORTED_DATES) {
      order.sorted = mergeSorted(order.sorted, order.recent.sort((a, b) => a - b));
      order.recent = [];
    }
    return order;
  }
}

const dateOfKey = (key: string): number => Number(key.slice(DATE_KEY_PREFIX.length));

/** The first index whose value satisfies `past`, which holds for a suffix of `sorted`. */
function firstIndex(sorted: readonly number[], past: (ms: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Two ascending arrays as one, without repeats (a date that went and came back is in both). */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(id);
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const s = map.get(key);
  if (!s) return;
  s.delete(id);
  if (s.size === 0) map.delete(key);
}

/**
 * The 11000 error mongod gives, with keyPattern and keyValue. `fullKey` (the colliding index key)
 * picks the element of a multikey field that collided rather than the whole array.
 */
export function duplicateKey(ns: string, index: { name: string; fields: string[]; spec: IndexSpec }, doc: Document, fullKey?: string): EngineError {
  const keyValue: Document = {};
  const parts = fullKey?.split('\u0000');
  index.fields.forEach((f, i) => {
    const vals = pathValues(doc, f.split('.'));
    const expanded = vals.flatMap((v): unknown[] => (Array.isArray(v) ? (v.length ? v : [[]]) : [v]));
    const wanted = parts?.[i];
    const hit = wanted === undefined ? undefined : expanded.find((v) => (Array.isArray(v) && v.length === 0 ? EMPTY_ARRAY_KEY : encodeKey(v)) === wanted);
    keyValue[f] = hit !== undefined ? hit : vals.length === 1 ? (vals[0] ?? null) : vals;
  });
  const shown = Object.entries(keyValue)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  return new EngineError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: { ${shown} }`,
    { keyPattern: index.spec.key, keyValue },
  );
}

/** Validate a createIndexes spec the way mongod does for the options we support. */
export function normalizeIndexSpec(raw: Document): IndexSpec {
  if (!isPlainObject(raw.key) || Object.keys(raw.key).length === 0) {
    throw new EngineError('CannotCreateIndex', 'index key pattern must be a non-empty object');
  }
  for (const [field, dir] of Object.entries(raw.key)) {
    if (dir === 'text' || dir === '2d' || dir === '2dsphere' || dir === 'geoHaystack' || dir === 'hashed') {
      throw new EngineError('CommandNotSupported', `index type '${String(dir)}' on '${field}' is not supported by chemreg's embedded engine`);
    }
    if (dir !== 1 && dir !== -1) throw new EngineError('CannotCreateIndex', `bad index key pattern for '${field}': ${String(dir)}`);
  }
  if (raw.collation !== undefined) {
    throw new EngineError('CommandNotSupported', "index collation is not supported by chemreg's embedded engine");
  }
  if (typeof raw.name !== 'string' || raw.name === '') throw new EngineError('CannotCreateIndex', 'index name must be a non-empty string');
  const spec: IndexSpec = { ...raw, v: 2, key: raw.key, name: raw.name };
  if (spec.unique === false) delete spec.unique;
  if (spec.sparse === false) delete spec.sparse;
  return spec;
}

export function defaultIndexName(key: Document): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}_${String(v)}`)
    .join('_');
}
