// What a command sees of one collection: the live state (writes apply at once and are logged at
// the end of the command) or a transaction's private view (writes buffered until commit).
import { Binary, type Document } from 'bson';
import { randomUUID } from 'node:crypto';
import { EngineError } from '../errors.js';
import { encodeKey } from '../query/values.js';
import type { Catalog, Effect } from './catalog.js';
import type { Collection, DocMap } from './collection.js';
import { duplicateKey, type IndexSpec, type KeyHolderFilter } from './index-def.js';

export interface CollectionView {
  readonly db: string;
  readonly name: string;
  readonly ns: string;
  exists(): boolean;
  /** Documents that may match `filter` (a superset, in natural order). Safe to write while iterating the result. */
  candidates(filter: Document | undefined | null): Document[];
  get(idKey: string): Document | undefined;
  insert(doc: Document): void;
  replace(old: Document, doc: Document): void;
  remove(doc: Document): void;
  indexSpecs(): IndexSpec[];
}

export function newCollectionUuid(): Binary {
  return new Binary(Buffer.from(randomUUID().replace(/-/g, ''), 'hex'), Binary.SUBTYPE_UUID);
}

function collect(docs: DocMap, ids: Iterable<string> | null): Document[] {
  if (!ids) return [...docs.values()];
  const out: Document[] = [];
  for (const id of ids) {
    const d = docs.get(id);
    if (d) out.push(d);
  }
  return out;
}

export class LiveView implements CollectionView {
  constructor(
    private readonly catalog: Catalog,
    readonly db: string,
    readonly name: string,
    /** Effects applied by this command, to be logged before it is acknowledged. */
    private readonly effects: Effect[],
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  private get coll(): Collection | undefined {
    return this.catalog.get(this.db, this.name);
  }

  exists(): boolean {
    return this.coll !== undefined;
  }

  candidates(filter: Document | undefined | null): Document[] {
    const coll = this.coll;
    if (!coll) return [];
    return collect(coll.docs, coll.candidateIds(filter));
  }

  get(idKey: string): Document | undefined {
    return this.coll?.get(idKey);
  }

  private emit(e: Effect): void {
    this.catalog.apply(e);
    this.effects.push(e);
  }

  private ensure(): Collection {
    const existing = this.coll;
    if (existing) return existing;
    this.emit({ o: 'createColl', db: this.db, c: this.name, options: {}, uuid: newCollectionUuid() });
    return this.coll!;
  }

  insert(doc: Document): void {
    this.ensure().checkWrite(doc, undefined);
    this.emit({ o: 'put', db: this.db, c: this.name, doc });
  }

  replace(old: Document, doc: Document): void {
    this.ensure().checkWrite(doc, old);
    this.emit({ o: 'put', db: this.db, c: this.name, doc });
  }

  remove(doc: Document): void {
    this.emit({ o: 'del', db: this.db, c: this.name, id: doc._id });
  }

  indexSpecs(): IndexSpec[] {
    return this.coll?.indexes.map((i) => i.spec) ?? [];
  }
}

/** One collection as a transaction sees it: a snapshot of the committed documents plus its own writes. */
export class TxnCollectionState {
  readonly base: DocMap;
  /** idKey → the transaction's version (null = deleted by the transaction) */
  readonly overlay = new Map<string, Document | null>();
  /** idKey → the committed document the transaction's first write to it replaced (for conflict detection) */
  readonly readVersion = new Map<string, Document | undefined>();

  constructor(
    readonly db: string,
    readonly name: string,
    readonly baseColl: Collection | undefined,
    /** Claims a document for this transaction; throws WriteConflict when another open transaction wrote it. */
    readonly claim: (ns: string, idKey: string) => void = () => {},
  ) {
    this.base = baseColl ? baseColl.snapshot() : new Map<string, Document>();
  }
}

export class TxnView implements CollectionView {
  constructor(
    private readonly catalog: Catalog,
    private readonly state: TxnCollectionState,
  ) {}

  get db(): string {
    return this.state.db;
  }

  get name(): string {
    return this.state.name;
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  exists(): boolean {
    return this.state.baseColl !== undefined || this.state.overlay.size > 0;
  }

  candidates(filter: Document | undefined | null): Document[] {
    const { base, baseColl, overlay } = this.state;
    // Index maps describe the live collection: usable only while it still equals the snapshot.
    const ids = baseColl && baseColl.docs === base ? baseColl.candidateIds(filter) : null;
    const out: Document[] = [];
    const seen = new Set<string>();
    const consider = (id: string, d: Document | undefined): void => {
      seen.add(id);
      if (overlay.has(id)) {
        const o = overlay.get(id);
        if (o) out.push(o);
      } else if (d) {
        out.push(d);
      }
    };
    if (ids) for (const id of ids) consider(id, base.get(id));
    else for (const [id, d] of base) consider(id, d);
    for (const [id, d] of overlay) if (!seen.has(id) && d) out.push(d);
    return out;
  }

  get(idKey: string): Document | undefined {
    const { overlay, base } = this.state;
    if (overlay.has(idKey)) return overlay.get(idKey) ?? undefined;
    return base.get(idKey);
  }

  private checkUnique(doc: Document, idKey: string): void {
    const { baseColl, overlay, base } = this.state;
    if (!baseColl) return this.checkOverlayUnique(doc, idKey);
    // Committed documents the transaction has rewritten or deleted no longer hold their keys.
    const committed = (id: string): boolean => !overlay.has(id);
    // A key the snapshot holds is a duplicate the transaction can see: DuplicateKey (11000).
    const inSnapshot: KeyHolderFilter = (id, key, index) => {
      const then = base.get(id);
      return then !== undefined && (index === undefined || index.keysOf(then).full.includes(key));
    };
    baseColl.checkWrite(doc, {}, (id, key, index) => committed(id) && inSnapshot(id, key, index));
    // A key committed since the snapshot is invisible to the transaction: MongoDB (snapshot isolation, first
    // committer wins) fails the write with a retryable WriteConflict, not a duplicate the transaction cannot see.
    try {
      baseColl.checkWrite(doc, {}, committed);
    } catch (err) {
      if (err instanceof EngineError && err.code === 11000) throw writeConflict();
      throw err;
    }
    this.checkOverlayUnique(doc, idKey);
  }

  private checkOverlayUnique(doc: Document, idKey: string): void {
    const indexes = this.state.baseColl?.indexes ?? [];
    for (const index of indexes) {
      if (!index.unique) continue;
      const keys = new Set(index.keysOf(doc).full);
      for (const [otherId, other] of this.state.overlay) {
        if (otherId === idKey || !other) continue;
        if (index.keysOf(other).full.some((k) => keys.has(k))) throw duplicateKey(this.ns, index, doc);
      }
    }
  }

  private write(idKey: string, doc: Document | null): void {
    const { overlay, readVersion, base } = this.state;
    if (!readVersion.has(idKey)) {
      // Changed by someone else since this transaction's snapshot: MongoDB fails the write at once.
      if (this.catalog.get(this.db, this.name)?.get(idKey) !== base.get(idKey)) throw writeConflict();
      this.state.claim(this.ns, idKey);
      readVersion.set(idKey, base.get(idKey));
    }
    overlay.set(idKey, doc);
  }

  insert(doc: Document): void {
    const idKey = encodeKey(doc._id);
    if (this.get(idKey)) throw duplicateKey(this.ns, { name: '_id_', fields: ['_id'], spec: { v: 2, key: { _id: 1 }, name: '_id_' } }, doc);
    this.checkUnique(doc, idKey);
    this.write(idKey, doc);
  }

  replace(_old: Document, doc: Document): void {
    const idKey = encodeKey(doc._id);
    this.checkUnique(doc, idKey);
    this.write(idKey, doc);
  }

  remove(doc: Document): void {
    this.write(encodeKey(doc._id), null);
  }

  indexSpecs(): IndexSpec[] {
    return this.state.baseColl?.indexes.map((i) => i.spec) ?? [];
  }

  /**
   * Effects that publish this transaction's writes, after checking nobody else changed what it
   * wrote since it first wrote it (MongoDB answers such races with WriteConflict, code 112).
   */
  commitEffects(): Effect[] {
    const { overlay, readVersion, db, name } = this.state;
    const live = this.catalog.get(db, name);
    for (const [id, seen] of readVersion) {
      if (live?.get(id) !== seen) throw writeConflict();
    }
    const effects: Effect[] = [];
    if (!live) effects.push({ o: 'createColl', db, c: name, options: {}, uuid: newCollectionUuid() });
    for (const [id, doc] of overlay) {
      if (doc) {
        try {
          live?.checkWrite(doc, {}, (other) => !overlay.has(other));
        } catch (err) {
          if (err instanceof EngineError && err.code === 11000) throw writeConflict();
          throw err;
        }
        effects.push({ o: 'put', db, c: name, doc });
      } else if (live?.get(id)) {
        effects.push({ o: 'del', db, c: name, id: live.get(id)!._id });
      }
    }
    // Deletes first, so a key freed by the transaction can be taken by one of its inserts on replay.
    effects.sort((a, b) => rank(a) - rank(b));
    return effects;
  }
}

function rank(e: Effect): number {
  return e.o === 'createColl' ? 0 : e.o === 'del' ? 1 : 2;
}

export function writeConflict(): EngineError {
  return new EngineError(
    'WriteConflict',
    'Write conflict during plan execution and yielding is disabled. Please retry your operation or multi-document transaction.',
    {},
    ['TransientTransactionError'],
  );
}
