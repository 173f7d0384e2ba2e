// Numbers arrive from the wire with their BSON type (Int32, Double, Long); the engine computes and
// stores plain JS numbers, which serialize back as int32 when integral and in int32 range, else
// as double. That round-trips every int32 and every double except whole-valued doubles in int32
// range, and no long. Documents to be stored with such values are refused (CommandNotSupported)
// instead of coming back with another type; in filters and options only the value matters.
// BSON Timestamps are not stored either (MongoDB fills in zero ones on insert, and mingo orders
// them as strings); in filters they stay Timestamps, which equal no number.
import { Code, DBRef, Decimal128, Double, Int32, Long, Timestamp, type Document } from 'bson';
import { unsupported, type EngineError } from '../errors.js';
import { isDbRefLiteral, isPlainObject } from './values.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Why a value of this BSON class cannot be stored faithfully, or undefined if it can. */
function storageRefusal(v: object, path: string): EngineError | undefined {
  if (v instanceof Decimal128) {
    // mingo neither orders Decimal128 nor equates it with numbers (NumberDecimal("1") == 1 in MongoDB).
    return unsupported(`storing the Decimal128 value ${v.toString()} at '${path}'`);
  }
  // Timestamp extends Long in the bson library, so it is tested first.
  if (v instanceof Timestamp) {
    return unsupported(`storing the BSON Timestamp value Timestamp({ t: ${v.t}, i: ${v.i} }) at '${path}' (use a Date)`);
  }
  if (v instanceof Long) return unsupported(`storing the 64-bit integer (long) ${v.toString()} at '${path}' (use a JS number or a string)`);
  if (v instanceof DBRef) {
    // Documents with $ref/$id are decoded as plain documents (wire/bson-decode.ts); a DBRef object is
    // a BSON DBPointer, which would be written back as a document.
    return unsupported(`storing the BSON DBPointer value at '${path}'`);
  }
  return undefined;
}

function walk(v: unknown, strict: boolean, path: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Int32) return v.value;
  if (v instanceof Double) {
    const n = v.value;
    if (strict && Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX && !Object.is(n, -0)) {
      throw unsupported(`storing the whole-number double ${n} at '${path}' (it would be read back as int32)`);
    }
    return n;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = walk(v[i], strict, `${path}.${i}`);
    return v;
  }
  if (isPlainObject(v)) {
    for (const k of Object.keys(v)) v[k] = walk(v[k], strict, path ? `${path}.${k}` : k);
    return v;
  }
  if (strict) {
    const refusal = storageRefusal(v, path);
    if (refusal) throw refusal;
  }
  // Timestamp extends Long: it must not become a number (Timestamp(0, 5) is not 5).
  if (v instanceof Timestamp) return v;
  if (v instanceof Long) {
    const n = v.toNumber();
    return Number.isSafeInteger(n) ? n : v;
  }
  if (v instanceof Code && v.scope) {
    v.scope = walk(v.scope, strict, path) as Document;
    return v;
  }
  return v;
}

/**
 * Throws CommandNotSupported if a document the engine produced itself (an aggregation result to
 * be written by $out/$merge) holds a value stored documents cannot keep. Does not modify it.
 */
export function assertStorable(v: unknown, path = ''): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    v.forEach((el, i) => assertStorable(el, `${path}.${i}`));
    return;
  }
  if (isPlainObject(v)) {
    for (const k of Object.keys(v)) assertStorable(v[k], path ? `${path}.${k}` : k);
    return;
  }
  const refusal = storageRefusal(v, path);
  if (refusal) throw refusal;
  if (v instanceof Code && v.scope) assertStorable(v.scope, path);
}

/**
 * The values an upsert would copy from its query into the inserted document (query/update.ts,
 * seedFromQuery), checked like stored values before the query is normalised by value.
 */
function normalizeUpsertSeed(q: unknown): void {
  if (!isPlainObject(q)) return;
  for (const [field, value] of Object.entries(q)) {
    if (field === '$and' && Array.isArray(value)) {
      for (const sub of value) normalizeUpsertSeed(sub);
      continue;
    }
    if (field.startsWith('$')) continue;
    if (isPlainObject(value) && !isDbRefLiteral(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      if (Object.keys(value).length === 1 && '$eq' in value) value.$eq = normalizeStored<unknown>(value.$eq, field);
      continue;
    }
    q[field] = normalizeStored<unknown>(value, field);
  }
}

/** Values to be stored: converted in place; lossy numeric types refused. */
export function normalizeStored<T>(v: T, path = ''): T {
  return walk(v, true, path) as T;
}

/** Values used for matching or options: converted in place by value. */
export function normalizeLoose<T>(v: T): T {
  return walk(v, false, '') as T;
}

/** Normalise a whole command: document payloads strictly, the rest by value. */
export function normalizeCommand(cmd: Document): Document {
  const name = Object.keys(cmd)[0];
  const stored = (field: string, value: unknown): void => {
    cmd[field] = normalizeStored(value, field);
  };
  if (name === 'insert' && Array.isArray(cmd.documents)) stored('documents', cmd.documents);
  if (name === 'update' && Array.isArray(cmd.updates)) {
    for (const s of cmd.updates as unknown[]) {
      if (!isPlainObject(s)) continue;
      s.u = normalizeStored<unknown>(s.u, 'u');
      if (s.upsert === true) normalizeUpsertSeed(s.q);
    }
  }
  if (name === 'findAndModify' || name === 'findandmodify') {
    if (cmd.update !== undefined) stored('update', cmd.update);
    if (cmd.upsert === true) normalizeUpsertSeed(cmd.query);
  }
  return normalizeLoose(cmd);
}
