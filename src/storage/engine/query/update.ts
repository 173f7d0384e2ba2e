// Update documents (operator, replacement and pipeline forms) with MongoDB's rules on top of mingo:
// $setOnInsert (mingo lacks it), upsert seeding from the query's equality fields, _id immutability.
import { Double, Int32, Long, ObjectId, Timestamp, type Document } from 'bson';
import { updateMany } from 'mingo';
import { EngineError, unsupported } from '../errors.js';
import { assertSupported, toMingoFilter } from './filter.js';
import { cloneDoc, encodeKey, isDbRefLiteral, isPlainObject, pathValues } from './values.js';

export type UpdateKind = 'operators' | 'replacement' | 'pipeline';

// MongoDB update operators (manual, "Update Operators"); $setOnInsert is handled here, the rest by mingo.
const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate', '$setOnInsert',
  '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$bit',
]);

export function classifyUpdate(u: unknown): UpdateKind {
  if (Array.isArray(u)) {
    assertSupported(u, 'update pipeline');
    return 'pipeline';
  }
  if (!isPlainObject(u)) throw new EngineError('FailedToParse', 'Update argument must be either an object or an array');
  const keys = Object.keys(u);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length === 0) return 'replacement';
  if (ops.length !== keys.length) {
    const bad = keys.find((k) => !k.startsWith('$'))!;
    throw new EngineError('FailedToParse', `Unknown modifier: ${bad}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  for (const op of ops) {
    if (!UPDATE_OPERATORS.has(op)) {
      throw new EngineError('FailedToParse', `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
    if (!isPlainObject(u[op])) {
      throw new EngineError('FailedToParse', `Modifiers operate on fields but we found type ${Array.isArray(u[op]) ? 'array' : typeof u[op]} instead.`);
    }
  }
  assertSupported(u, 'update');
  assertNoConflictingPaths(u);
  assertCurrentDateTypes(u);
  return 'operators';
}

/** mingo's $currentDate with { $type: 'timestamp' } stores milliseconds as a number, not a BSON Timestamp. */
function assertCurrentDateTypes(u: Document): void {
  const fields = u.$currentDate as Document | undefined;
  if (!fields) return;
  for (const [field, spec] of Object.entries(fields)) {
    if (isPlainObject(spec) && spec.$type === 'timestamp') throw unsupported(`$currentDate with { $type: 'timestamp' } on '${field}'`);
  }
}

/** Two operators (or one $rename's ends) touching the same path or a path and its prefix: MongoDB error 40. */
function assertNoConflictingPaths(u: Document): void {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(u)) {
    for (const [field, arg] of Object.entries(fields as Document)) {
      paths.push(field);
      if (op === '$rename' && typeof arg === 'string') paths.push(arg);
    }
  }
  const norm = paths.map((p) => p.split('.').filter((part) => !part.startsWith('$')).join('.'));
  for (let i = 0; i < norm.length; i++) {
    for (let j = i + 1; j < norm.length; j++) {
      const a = norm[i]!;
      const b = norm[j]!;
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) {
        throw new EngineError('ConflictingUpdateOperators', `Updating the path '${paths[j]}' would create a conflict at '${paths[i]}'`);
      }
    }
  }
}

// Array operators need an array (or nothing) at their path; MongoDB rejects the update otherwise.
const ARRAY_OPERATORS = ['$push', '$addToSet', '$pop', '$pull', '$pullAll'] as const;

function assertArrayTargets(doc: Document, u: Document): void {
  for (const op of ARRAY_OPERATORS) {
    const fields = u[op] as Document | undefined;
    if (!fields) continue;
    for (const field of Object.keys(fields)) {
      if (field.includes('$')) continue;
      for (const v of pathValues(doc, field.split('.'))) {
        if (v !== undefined && !Array.isArray(v)) {
          throw new EngineError('BadValue', `The field '${field}' must be an array but is of type ${v === null ? 'null' : typeof v} in document {_id: ${JSON.stringify(doc._id)}}`);
        }
      }
    }
  }
}

const ARITHMETIC_OPERATORS = ['$inc', '$mul'] as const;

/** $inc/$mul need numbers on both sides (MongoDB: TypeMismatch 14); mingo would concatenate or produce NaN. */
function assertArithmetic(doc: Document, u: Document): void {
  for (const op of ARITHMETIC_OPERATORS) {
    const fields = u[op] as Document | undefined;
    if (!fields) continue;
    for (const [field, arg] of Object.entries(fields)) {
      if (!isNumeric(arg)) {
        throw new EngineError('TypeMismatch', `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${field}: ${JSON.stringify(arg)}}`);
      }
      if (field.includes('$')) continue; // positional targets are checked by the element values mingo reaches
      for (const v of pathValues(doc, field.split('.'))) {
        if (v !== undefined && !isNumeric(v)) {
          throw new EngineError('TypeMismatch', `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${field}' of non-numeric type ${Array.isArray(v) ? 'array' : typeof v}`);
        }
      }
    }
  }
}

function isNumeric(v: unknown): boolean {
  // Timestamp extends Long in the bson library, but is no number ($inc on one is a TypeMismatch).
  if (v instanceof Timestamp) return false;
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof Long || v instanceof Int32 || v instanceof Double;
}

function withoutSetOnInsert(u: Document): Document {
  if (!('$setOnInsert' in u)) return u;
  const { $setOnInsert: _ignored, ...rest } = u;
  return rest;
}

function assertIdUnchanged(before: Document, after: Document): void {
  if (encodeKey(before._id) !== encodeKey(after._id)) {
    throw new EngineError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
}

function runMingo(docs: Document[], q: Document, modifier: Document | Document[], arrayFilters: Document[] | undefined): void {
  try {
    const filters = arrayFilters?.map((f) => (isPlainObject(f) ? toMingoFilter(f) : f));
    updateMany(docs, toMingoFilter(q), modifier as never, { arrayFilters: filters, cloneMode: 'copy' });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/immutable field/i.test(message)) throw new EngineError('ImmutableField', message);
    if (/positional operator/i.test(message)) {
      throw new EngineError('BadValue', 'The positional operator did not find the match needed from the query.');
    }
    throw new EngineError('BadValue', message);
  }
}

/**
 * New versions of `docs` (each already known to match `q`) after applying `u`. The stored
 * documents are not touched: updates run on copies.
 */
export function applyUpdate(docs: Document[], q: Document, u: Document | Document[], kind: UpdateKind, arrayFilters?: Document[]): Document[] {
  if (kind === 'replacement') {
    const replacement = u as Document;
    return docs.map((old) => {
      if ('_id' in replacement && encodeKey(replacement._id) !== encodeKey(old._id)) {
        throw new EngineError('ImmutableField', `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${JSON.stringify(replacement._id)}`);
      }
      const { _id: _dropped, ...rest } = replacement;
      const id: unknown = old._id;
      return { _id: id, ...cloneDoc(rest) };
    });
  }
  if (kind === 'operators') {
    for (const d of docs) {
      assertArithmetic(d, u);
      assertArrayTargets(d, u);
    }
  }
  const copies = docs.map((d) => cloneDoc(d));
  const modifier = kind === 'operators' ? withoutSetOnInsert(u) : (u as Document[]);
  runMingo(copies, q, modifier, arrayFilters);
  copies.forEach((c, i) => assertIdUnchanged(docs[i]!, c));
  return copies;
}

/** Fields an upsert copies from its query: top-level equalities, also inside `$and` (MongoDB manual, "Upsert with Operator Expressions"). */
function seedFromQuery(q: Document): Document {
  const seed: Document = {};
  const visit = (f: Document): void => {
    for (const [field, value] of Object.entries(f)) {
      if (field === '$and' && Array.isArray(value)) {
        for (const sub of value) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (field.startsWith('$')) continue;
      let v: unknown = value;
      if (isPlainObject(value) && !isDbRefLiteral(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
        if (Object.keys(value).length === 1 && '$eq' in value) v = value.$eq;
        else continue;
      }
      setPath(seed, field.split('.'), cloneDoc(v));
    }
  };
  visit(q);
  return seed;
}

function setPath(doc: Document, path: string[], value: unknown): void {
  let cur = doc;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    if (!isPlainObject(cur[k])) cur[k] = {};
    cur = cur[k] as Document;
  }
  cur[path[path.length - 1]!] = value;
}

/** The document an upsert inserts when nothing matched. */
export function buildUpsert(q: Document, u: Document | Document[], kind: UpdateKind, arrayFilters?: Document[]): Document {
  let doc: Document;
  if (kind === 'replacement') {
    const replacement = cloneDoc(u as Document);
    const seed = seedFromQuery(q);
    const seedId: unknown = seed._id;
    doc = '_id' in replacement ? replacement : '_id' in seed ? { _id: seedId, ...replacement } : replacement;
  } else {
    const seed = seedFromQuery(q);
    const docs = [seed];
    if (kind === 'operators') {
      const ops = u as Document;
      const modifier: Document = withoutSetOnInsert(ops);
      if (isPlainObject(ops.$setOnInsert)) modifier.$set = { ...(modifier.$set as Document | undefined), ...ops.$setOnInsert };
      runMingo(docs, {}, modifier, arrayFilters);
    } else {
      runMingo(docs, {}, u, arrayFilters);
    }
    doc = docs[0]!;
    if ('_id' in seed && encodeKey(seed._id) !== encodeKey(doc._id)) {
      throw new EngineError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
  }
  if (!('_id' in doc) || doc._id === undefined) return { _id: new ObjectId(), ...doc };
  // Rebuilt so that _id comes first, as mongod stores it.
  const fields: Record<string, unknown> = doc;
  const { _id, ...rest } = fields;
  return { _id, ...rest };
}
