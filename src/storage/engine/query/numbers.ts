// Numbers arrive from the wire with their BSON type (Int32, Double, Long); the engine computes and
// stores plain JS numbers, which serialize back as int32 when integral and in int32 range, else
// as double. That round-trips every int32 and every double except whole-valued doubles in int32
// range, and no long. Documents to be stored with such values are refused (CommandNotSupported)
// instead of coming back with another type; in filters and options only the value matters.
import { Decimal128, Double, Int32, Long, type Document } from 'bson';
import { unsupported } from '../errors.js';
import { isPlainObject } from './values.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

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
  if (v instanceof Decimal128 && strict) {
    // mingo neither orders Decimal128 nor equates it with numbers (NumberDecimal("1") == 1 in MongoDB).
    throw unsupported(`storing the Decimal128 value ${v.toString()} at '${path}'`);
  }
  if (v instanceof Long) {
    if (strict) throw unsupported(`storing the 64-bit integer (long) ${v.toString()} at '${path}' (use a JS number or a string)`);
    const n = v.toNumber();
    return Number.isSafeInteger(n) ? n : v;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = walk(v[i], strict, `${path}.${i}`);
    return v;
  }
  if (isPlainObject(v)) {
    for (const k of Object.keys(v)) v[k] = walk(v[k], strict, path ? `${path}.${k}` : k);
    return v;
  }
  return v;
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
    for (const s of cmd.updates as unknown[]) if (isPlainObject(s)) s.u = normalizeStored<unknown>(s.u, 'u');
  }
  if ((name === 'findAndModify' || name === 'findandmodify') && cmd.update !== undefined) stored('update', cmd.update);
  return normalizeLoose(cmd);
}
