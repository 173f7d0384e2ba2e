// The engine's whole state: databases → collections. Every change is an Effect; the same
// `apply` runs for live writes and for log replay, so recovery cannot drift from normal operation.
import { Binary, type Document } from 'bson';
import { EngineError } from '../errors.js';
import { encodeKey } from '../query/values.js';
import { Collection } from './collection.js';
import type { IndexSpec } from './index-def.js';

export type Effect =
  | { o: 'put'; db: string; c: string; doc: Document }
  | { o: 'del'; db: string; c: string; id: unknown }
  | { o: 'createColl'; db: string; c: string; options: Document; uuid: Binary }
  | { o: 'dropColl'; db: string; c: string }
  | { o: 'createIndex'; db: string; c: string; spec: IndexSpec }
  | { o: 'dropIndex'; db: string; c: string; name: string }
  | { o: 'dropDb'; db: string };

const VALID_NAME = /^[^\0$]+$/;

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '' || !VALID_NAME.test(name) || name.startsWith('system.') && !name.startsWith('system.js')) {
    throw new EngineError('InvalidNamespace', `Invalid collection name: ${String(name)}`);
  }
}

export function assertDbName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '' || /[/\\. "$\0]/.test(name) || name.length > 63) {
    throw new EngineError('InvalidNamespace', `Invalid database name: ${String(name)}`);
  }
}

export class Catalog {
  readonly dbs = new Map<string, Map<string, Collection>>();

  get(db: string, c: string): Collection | undefined {
    return this.dbs.get(db)?.get(c);
  }

  collections(db: string): Collection[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  apply(e: Effect): void {
    switch (e.o) {
      case 'put':
        this.mustGet(e.db, e.c).put(e.doc);
        return;
      case 'del':
        this.mustGet(e.db, e.c).delete(encodeKey(e.id));
        return;
      case 'createColl': {
        let db = this.dbs.get(e.db);
        if (!db) this.dbs.set(e.db, (db = new Map<string, Collection>()));
        db.set(e.c, new Collection(e.db, e.c, e.options, e.uuid));
        return;
      }
      case 'dropColl': {
        const db = this.dbs.get(e.db);
        db?.delete(e.c);
        if (db && db.size === 0) this.dbs.delete(e.db);
        return;
      }
      case 'createIndex':
        this.mustGet(e.db, e.c).addIndex(e.spec);
        return;
      case 'dropIndex':
        this.mustGet(e.db, e.c).dropIndex(e.name);
        return;
      case 'dropDb':
        this.dbs.delete(e.db);
        return;
    }
  }

  private mustGet(db: string, c: string): Collection {
    const coll = this.get(db, c);
    if (!coll) throw new Error(`internal: effect on missing collection ${db}.${c}`);
    return coll;
  }

  /**
   * The current state, frozen: later writes do not change it (stored documents are immutable and each collection's
   * document map is copied on its next write), so a snapshot can be encoded from it a piece at a time while the engine
   * goes on writing.
   */
  freeze(): FrozenState {
    const out: FrozenState = [];
    for (const [db, colls] of this.dbs) {
      for (const coll of colls.values()) {
        out.push({ db, name: coll.name, options: coll.options, uuid: coll.uuid, indexes: coll.indexes.map((i) => i.spec), docs: coll.snapshot() });
      }
    }
    return out;
  }

  /** Effects that rebuild the current state from nothing (the content of a snapshot). */
  rebuildEffects(): Generator<Effect> {
    return rebuildEffects(this.freeze());
  }
}

export type FrozenState = Array<{ db: string; name: string; options: Document; uuid: Binary; indexes: IndexSpec[]; docs: ReadonlyMap<string, Document> }>;

/** Effects that rebuild a frozen state from nothing. */
export function* rebuildEffects(state: FrozenState): Generator<Effect> {
  for (const coll of state) {
    yield { o: 'createColl', db: coll.db, c: coll.name, options: coll.options, uuid: coll.uuid };
    for (const spec of coll.indexes) yield { o: 'createIndex', db: coll.db, c: coll.name, spec };
    for (const doc of coll.docs.values()) yield { o: 'put', db: coll.db, c: coll.name, doc };
  }
}
