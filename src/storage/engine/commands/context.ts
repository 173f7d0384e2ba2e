// What every command handler receives, and small helpers they share.
import type { Document } from 'bson';
import { assertCollectionName, type Catalog, type Effect } from '../catalog/catalog.js';
import { LiveView, type CollectionView } from '../catalog/views.js';
import type { CursorManager } from '../cursors.js';
import { EngineError, unsupported } from '../errors.js';
import { isPlainObject } from '../query/values.js';
import type { SessionManager, Transaction } from '../transactions.js';

export interface EngineState {
  readonly catalog: Catalog;
  readonly cursors: CursorManager;
  readonly sessions: SessionManager;
  readonly connectionCount: () => number;
  readonly startedAt: Date;
}

export interface CommandContext {
  readonly engine: EngineState;
  readonly db: string;
  readonly cmd: Document;
  readonly connectionId: number;
  /** Effects applied to the live state by this command; logged before the reply is sent. */
  readonly effects: Effect[];
  readonly txn?: Transaction;
  readonly sessionKey?: string;
}

export type CommandHandler = (ctx: CommandContext) => Document;

export function collectionView(ctx: CommandContext, name: unknown): CollectionView {
  assertCollectionName(name);
  return ctx.txn ? ctx.txn.view(ctx.engine.catalog, ctx.db, name) : new LiveView(ctx.engine.catalog, ctx.db, name, ctx.effects);
}

/** Collation changes string comparison; the engine has none, so anything but the simple binary collation is refused. */
export function assertNoCollation(collation: unknown): void {
  if (collation === undefined || collation === null) return;
  if (isPlainObject(collation) && collation.locale === 'simple') return;
  throw unsupported('collation');
}

export function optionalDoc(value: unknown, field: string): Document | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw new EngineError('TypeMismatch', `BSON field '${field}' is the wrong type, expected type 'object'`);
  return value;
}

export function optionalInt(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new EngineError('TypeMismatch', `BSON field '${field}' is the wrong type, expected a number`);
  }
  return Math.trunc(n);
}

export function requireArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new EngineError('TypeMismatch', `BSON field '${field}' is the wrong type, expected type 'array'`);
  return value;
}

/** A write error entry as mongod puts it in `writeErrors`. */
export function writeError(index: number, err: EngineError): Document {
  return { index, code: err.code, errmsg: err.message, ...err.extra };
}

/**
 * A hint must name an existing index (by name or key pattern) or $natural; MongoDB rejects the
 * command otherwise (BadValue). Hints never change which documents the engine returns.
 */
export function assertHint(view: CollectionView, hint: unknown): void {
  if (hint === undefined || hint === null || !view.exists()) return;
  const specs = [{ name: '_id_', key: { _id: 1 } as Document }, ...view.indexSpecs()];
  if (typeof hint === 'string') {
    if (specs.some((s) => s.name === hint)) return;
  } else if (isPlainObject(hint)) {
    if ('$natural' in hint) return;
    const wanted = JSON.stringify(hint);
    if (specs.some((s) => JSON.stringify(s.key) === wanted)) return;
  }
  throw new EngineError('BadValue', 'hint provided does not correspond to an existing index');
}
