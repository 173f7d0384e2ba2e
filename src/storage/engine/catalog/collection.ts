// One collection: documents keyed by their canonical _id, plus its secondary indexes.
// Stored documents are immutable: every write stores a new object. That lets cursors and
// transaction snapshots keep references without copying.
import { Binary, Code, ObjectId, type Document } from 'bson';
import { randomUUID } from 'node:crypto';
import { EngineError } from '../errors.js';
import { dateBounds, equalityConstraints } from '../query/filter.js';
import { encodeKey, isPlainObject } from '../query/values.js';
import { Index, duplicateKey, type IndexSpec, type KeyHolderFilter } from './index-def.js';

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

export type DocMap = Map<string, Document>;

export class Collection {
  private docMap: DocMap = new Map();
  /** true while a transaction snapshot references `docMap`: the next write copies it first. */
  private shared = false;
  readonly indexes: Index[] = [];

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document = {},
    readonly uuid: Binary = new Binary(Buffer.from(randomUUID().replace(/-/g, ''), 'hex'), Binary.SUBTYPE_UUID),
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get docs(): DocMap {
    return this.docMap;
  }

  get size(): number {
    return this.docMap.size;
  }

  /** A read-only view of the current documents that later writes will not disturb. */
  snapshot(): DocMap {
    this.shared = true;
    return this.docMap;
  }

  private own(): void {
    if (this.shared) {
      this.docMap = new Map(this.docMap);
      this.shared = false;
    }
  }

  get(idKey: string): Document | undefined {
    return this.docMap.get(idKey);
  }

  /** Throws the error MongoDB would give if `doc` replaced `old` (or was inserted when `old` is undefined). */
  checkWrite(doc: Document, old: Document | undefined, isLive?: KeyHolderFilter): void {
    const idKey = encodeKey(doc._id);
    if (!old) {
      const existing = this.docMap.get(idKey);
      if (existing && (!isLive || isLive(idKey, idKey, undefined))) throw duplicateKey(this.ns, { name: '_id_', fields: ['_id'], spec: ID_INDEX_SPEC }, doc);
    }
    for (const index of this.indexes) index.checkUnique(doc, idKey, this.ns, isLive);
  }

  /** Store `doc` (insert or replace by _id). No validation: callers run checkWrite first. */
  put(doc: Document): void {
    this.own();
    const idKey = encodeKey(doc._id);
    const old = this.docMap.get(idKey);
    if (old) for (const index of this.indexes) index.remove(old, idKey);
    for (const index of this.indexes) index.add(doc, idKey);
    this.docMap.set(idKey, doc);
  }

  delete(idKey: string): Document | undefined {
    const old = this.docMap.get(idKey);
    if (!old) return undefined;
    this.own();
    for (const index of this.indexes) index.remove(old, idKey);
    this.docMap.delete(idKey);
    return old;
  }

  findIndex(name: string): Index | undefined {
    return this.indexes.find((i) => i.name === name);
  }

  /** Build an index over the existing documents; fails whole (nothing added) on a duplicate. */
  addIndex(spec: IndexSpec): void {
    const index = new Index(spec);
    for (const [id, doc] of this.docMap) {
      index.checkUnique(doc, id, this.ns);
      index.add(doc, id);
    }
    this.indexes.push(index);
  }

  dropIndex(name: string): void {
    const i = this.indexes.findIndex((x) => x.name === name);
    if (i >= 0) this.indexes.splice(i, 1);
  }

  /**
   * Documents that may match `filter`, narrowed by _id or a secondary index when the filter pins
   * a field to one or more values or bounds it by a date; `null` when only a full scan will do.
   */
  candidateIds(filter: Document | undefined | null): Iterable<string> | null {
    const eq = equalityConstraints(filter);
    const ids = eq.get('_id');
    if (ids) return ids;
    let best: Set<string> | null = null;
    for (const index of this.indexes) {
      if (!index.usableForLookup) continue;
      const keys = eq.get(index.fields[0]!);
      if (!keys) continue;
      const found = index.lookupFirst(keys);
      if (!best || found.size < best.size) best = found;
      if (best.size <= 1) break;
    }
    if (best) return best;
    // No equality to go by: a date range on an indexed field ("changed since") still spares a full scan.
    const bounds = dateBounds(filter);
    if (bounds.size === 0) return null;
    for (const index of this.indexes) {
      if (!index.usableForLookup) continue;
      const bound = bounds.get(index.fields[0]!);
      if (!bound) continue;
      const found = index.lookupDates(bound);
      if (!best || found.size < best.size) best = found;
    }
    return best;
  }
}

/** Validate a document's _id the way mongod does on insert, adding an ObjectId when missing. */
export function prepareInsert(doc: Document): Document {
  if (!isPlainObject(doc)) throw new EngineError('BadValue', 'document to insert must be an object');
  // mongod stores _id as the first field whatever position the client gave it.
  const fields: Record<string, unknown> = doc;
  const { _id, ...rest } = fields;
  const out = { _id: _id === undefined ? new ObjectId() : _id, ...rest };
  assertValidId(out._id);
  return out;
}

export function assertValidId(id: unknown): void {
  if (Array.isArray(id)) throw new EngineError('BadValue', "can't use an array for _id");
  if (id instanceof RegExp) throw new EngineError('BadValue', "can't use a regex for _id");
  if (isPlainObject(id)) assertNoDollarFields(id);
}

/**
 * No '$'-prefixed field names anywhere inside an _id, except a DBRef's leading $ref (a string),
 * $id and optional $db (a string), as mongod checks it (BSONObj::storageValidEmbedded).
 */
function assertNoDollarFields(obj: Document | unknown[]): void {
  const fields: [string, unknown][] = Object.entries(obj);
  for (let i = 0; i < fields.length; i++) {
    const [k, v] = fields[i]!;
    if (k.startsWith('$')) {
      const dbRef = i === 0 && k === '$ref' && typeof v === 'string' && fields[1]?.[0] === '$id';
      if (!dbRef) throw dollarField(k);
      // mongod does not look inside $id; an optional $db follows it.
      i = 2;
      const next = fields[2];
      if (!next) break;
      if (next[0] === '$db' && typeof next[1] === 'string') continue;
      if (next[0].startsWith('$')) throw dollarField(next[0]);
      checkNested(next[1]);
      continue;
    }
    checkNested(v);
  }
}

function checkNested(v: unknown): void {
  if (Array.isArray(v) || isPlainObject(v)) assertNoDollarFields(v);
  else if (v instanceof Code && isPlainObject(v.scope)) assertNoDollarFields(v.scope);
}

function dollarField(k: string): EngineError {
  return new EngineError('DollarPrefixedFieldName', `_id fields may not contain '$'-prefixed fields: ${k} is not valid for storage.`);
}
