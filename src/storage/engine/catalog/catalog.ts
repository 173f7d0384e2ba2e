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

  /** Effects that rebuild the current state from nothing (the content of a snapshot). */
  *rebuildEffects(): Generator<Effect> {
    for (const [db, colls] of this.dbs) {
      for (const coll of colls.values()) {
        yield { o: 'createColl', db, c: coll.name, options: coll.options, uuid: coll.uuid };
        for (const index of coll.indexes) yield { o: 'createIndex', db, c: coll.name, spec: index.spec };
        for (const doc of coll.docs.values()) yield { o: 'put', db, c: coll.name, doc };
      }
    }
  }
}
