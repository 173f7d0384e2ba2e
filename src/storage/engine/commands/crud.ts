// insert, find, getMore, killCursors, update, delete, findAndModify, count, distinct.
import { Long, Timestamp, type Document } from 'bson';
import { prepareInsert } from '../catalog/collection.js';
import type { CollectionView } from '../catalog/views.js';
import { EngineError, toEngineError } from '../errors.js';
import { matching, readDocuments, shape } from '../query/read.js';
import { applyUpdate, buildUpsert, classifyUpdate, type UpdateKind } from '../query/update.js';
import { encodeKey, pathValues } from '../query/values.js';
import {
  assertHint,
  assertNoCollation,
  collectionView,
  optionalDoc,
  optionalInt,
  requireArray,
  writeError,
  type CommandContext,
  type CommandHandler,
} from './context.js';

function ns(ctx: CommandContext, coll: string): string {
  return `${ctx.db}.${coll}`;
}

const insert: CommandHandler = (ctx) => {
  const view = collectionView(ctx, ctx.cmd.insert);
  const docs = requireArray(ctx.cmd.documents, 'documents');
  const ordered = ctx.cmd.ordered !== false;
  const writeErrors: Document[] = [];
  let n = 0;
  for (const [index, raw] of docs.entries()) {
    try {
      view.insert(prepareInsert(raw as Document));
      n++;
    } catch (err) {
      const e = toEngineError(err);
      if (ctx.txn) throw e; // inside a transaction a write error aborts the statement (and the transaction)
      writeErrors.push(writeError(index, e));
      if (ordered) break;
    }
  }
  return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
};

const find: CommandHandler = (ctx) => {
  const cmd = ctx.cmd;
  assertNoCollation(cmd.collation);
  const view = collectionView(ctx, cmd.find);
  assertHint(view, cmd.hint);
  const limit = optionalInt(cmd.limit, 'limit');
  const docs = readDocuments(view, {
    filter: optionalDoc(cmd.filter, 'filter'),
    sort: optionalDoc(cmd.sort, 'sort'),
    projection: optionalDoc(cmd.projection, 'projection'),
    skip: optionalInt(cmd.skip, 'skip'),
    limit: limit === undefined ? undefined : Math.abs(limit),
  });
  const singleBatch = cmd.singleBatch === true || (limit !== undefined && limit < 0);
  return ctx.engine.cursors.first(view.ns, docs, optionalInt(cmd.batchSize, 'batchSize'), singleBatch, ctx.sessionKey);
};

const getMore: CommandHandler = (ctx) => {
  const id: unknown = ctx.cmd.getMore;
  // Timestamp extends Long in the bson library; a cursor id it is not.
  if (id instanceof Timestamp || (!(id instanceof Long) && typeof id !== 'number' && typeof id !== 'bigint')) {
    throw new EngineError('TypeMismatch', "BSON field 'getMore' is the wrong type, expected type 'long'");
  }
  const big = id instanceof Long ? id.toBigInt() : BigInt(id);
  return ctx.engine.cursors.more(big, ns(ctx, String(ctx.cmd.collection)), optionalInt(ctx.cmd.batchSize, 'batchSize'));
};

const killCursors: CommandHandler = (ctx) => {
  const ids = requireArray(ctx.cmd.cursors, 'cursors').map((id) => {
    if (id instanceof Timestamp) throw new EngineError('TypeMismatch', "BSON field 'killCursors.cursors' is the wrong type 'timestamp', expected type 'long'");
    return id instanceof Long ? id.toBigInt() : BigInt(id as number);
  });
  const { killed, notFound } = ctx.engine.cursors.kill(ids);
  return {
    cursorsKilled: killed.map((i) => Long.fromBigInt(i)),
    cursorsNotFound: notFound.map((i) => Long.fromBigInt(i)),
    cursorsAlive: [],
    cursorsUnknown: [],
    ok: 1,
  };
};

interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  /** The document before (or the upserted one) and after, for findAndModify. */
  before?: Document;
  after?: Document;
}

/** One update statement (of update or findAndModify). Writes go through the view. */
function updateStatement(
  view: CollectionView,
  q: Document,
  u: Document | Document[],
  opts: { multi: boolean; upsert: boolean; arrayFilters?: Document[]; sort?: Document },
): UpdateOutcome {
  const kind: UpdateKind = classifyUpdate(u);
  if (opts.multi && kind === 'replacement') {
    throw new EngineError('FailedToParse', 'multi update is not supported for replacement-style update');
  }
  let targets = matching(view, q);
  if (!opts.multi && targets.length > 1) targets = shape(targets, { sort: opts.sort, limit: 1 });
  if (targets.length === 0) {
    if (!opts.upsert) return { matched: 0, modified: 0 };
    const doc = prepareInsert(buildUpsert(q, u, kind, opts.arrayFilters));
    view.insert(doc);
    return { matched: 0, modified: 0, upsertedId: doc._id, after: doc };
  }
  const updated = applyUpdate(targets, q, u, kind, opts.arrayFilters);
  let modified = 0;
  for (const [i, doc] of updated.entries()) {
    const old = targets[i]!;
    if (encodeKey(old) === encodeKey(doc)) continue;
    view.replace(old, doc);
    modified++;
  }
  return { matched: targets.length, modified, before: targets[0], after: updated[0] };
}

const update: CommandHandler = (ctx) => {
  const view = collectionView(ctx, ctx.cmd.update);
  const statements = requireArray(ctx.cmd.updates, 'updates');
  const ordered = ctx.cmd.ordered !== false;
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const writeErrors: Document[] = [];
  for (const [index, raw] of statements.entries()) {
    try {
      const s = optionalDoc(raw, `updates.${index}`) ?? {};
      assertNoCollation(s.collation);
      assertHint(view, s.hint);
      const q = optionalDoc(s.q, 'q') ?? {};
      const outcome = updateStatement(view, q, s.u as Document, {
        multi: s.multi === true,
        upsert: s.upsert === true,
        arrayFilters: s.arrayFilters as Document[] | undefined,
        sort: optionalDoc(s.sort, 'sort'),
      });
      if (outcome.upsertedId !== undefined) {
        n += 1;
        upserted.push({ index, _id: outcome.upsertedId });
      } else {
        n += outcome.matched;
        nModified += outcome.modified;
      }
    } catch (err) {
      const e = toEngineError(err);
      if (ctx.txn) throw e;
      writeErrors.push(writeError(index, e));
      if (ordered) break;
    }
  }
  const reply: Document = { n, nModified };
  if (upserted.length) reply.upserted = upserted;
  if (writeErrors.length) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
};

const del: CommandHandler = (ctx) => {
  const view = collectionView(ctx, ctx.cmd.delete);
  const statements = requireArray(ctx.cmd.deletes, 'deletes');
  const ordered = ctx.cmd.ordered !== false;
  let n = 0;
  const writeErrors: Document[] = [];
  for (const [index, raw] of statements.entries()) {
    try {
      const s = optionalDoc(raw, `deletes.${index}`) ?? {};
      assertNoCollation(s.collation);
      assertHint(view, s.hint);
      const limit = optionalInt(s.limit, 'limit') ?? 0;
      let targets = matching(view, optionalDoc(s.q, 'q') ?? {});
      if (limit === 1) targets = targets.slice(0, 1);
      for (const doc of targets) view.remove(doc);
      n += targets.length;
    } catch (err) {
      const e = toEngineError(err);
      if (ctx.txn) throw e;
      writeErrors.push(writeError(index, e));
      if (ordered) break;
    }
  }
  return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
};

const findAndModify: CommandHandler = (ctx) => {
  const cmd = ctx.cmd;
  assertNoCollation(cmd.collation);
  const view = collectionView(ctx, cmd.findAndModify ?? cmd.findandmodify);
  assertHint(view, cmd.hint);
  const query = optionalDoc(cmd.query, 'query') ?? {};
  const sort = optionalDoc(cmd.sort, 'sort');
  const fields = optionalDoc(cmd.fields, 'fields');
  const project = (doc: Document | undefined): Document | null =>
    doc === undefined ? null : fields && Object.keys(fields).length ? (shape([doc], { projection: fields, filter: query })[0] ?? null) : doc;

  if (cmd.remove === true) {
    if (cmd.update !== undefined) throw new EngineError('FailedToParse', 'Cannot specify both an update and remove=true');
    if (cmd.upsert === true) throw new EngineError('FailedToParse', 'Cannot specify both upsert=true and remove=true');
    const target = shape(matching(view, query), { sort, limit: 1 })[0];
    if (target) view.remove(target);
    return { lastErrorObject: { n: target ? 1 : 0 }, value: project(target), ok: 1 };
  }
  if (cmd.update === undefined) throw new EngineError('FailedToParse', 'Either an update or remove=true must be specified');
  const outcome = updateStatement(view, query, cmd.update as Document, {
    multi: false,
    upsert: cmd.upsert === true,
    arrayFilters: cmd.arrayFilters as Document[] | undefined,
    sort,
  });
  const returnNew = cmd.new === true;
  const lastErrorObject: Document = { n: outcome.upsertedId !== undefined ? 1 : outcome.matched, updatedExisting: outcome.matched > 0 };
  if (outcome.upsertedId !== undefined) lastErrorObject.upserted = outcome.upsertedId;
  const value = outcome.upsertedId !== undefined ? (returnNew ? outcome.after : undefined) : returnNew ? outcome.after : outcome.before;
  return { lastErrorObject, value: project(value), ok: 1 };
};

const count: CommandHandler = (ctx) => {
  const cmd = ctx.cmd;
  assertNoCollation(cmd.collation);
  if (ctx.txn) throw new EngineError('OperationNotSupportedInTransaction', 'Cannot run \'count\' in a multi-document transaction.');
  const view = collectionView(ctx, cmd.count);
  assertHint(view, cmd.hint);
  const query = optionalDoc(cmd.query, 'query');
  const skip = optionalInt(cmd.skip, 'skip') ?? 0;
  const limit = Math.abs(optionalInt(cmd.limit, 'limit') ?? 0);
  let n = query && Object.keys(query).length ? matching(view, query).length : view.candidates(undefined).length;
  n = Math.max(0, n - skip);
  if (limit > 0) n = Math.min(n, limit);
  return { n, ok: 1 };
};

const distinct: CommandHandler = (ctx) => {
  const cmd = ctx.cmd;
  assertNoCollation(cmd.collation);
  if (typeof cmd.key !== 'string' || cmd.key === '') throw new EngineError('TypeMismatch', "BSON field 'key' is the wrong type, expected type 'string'");
  const view = collectionView(ctx, cmd.distinct);
  const docs = matching(view, optionalDoc(cmd.query, 'query'));
  const path = cmd.key.split('.');
  const seen = new Set<string>();
  const values: unknown[] = [];
  const add = (v: unknown): void => {
    if (v === undefined) return;
    const k = encodeKey(v);
    if (!seen.has(k)) {
      seen.add(k);
      values.push(v);
    }
  };
  for (const doc of docs) {
    for (const v of pathValues(doc, path)) {
      if (Array.isArray(v)) v.forEach(add);
      else add(v);
    }
  }
  return { values, ok: 1 };
};

export const crudCommands: Record<string, CommandHandler> = {
  insert,
  find,
  getMore,
  killCursors,
  update,
  delete: del,
  findAndModify,
  findandmodify: findAndModify,
  count,
  distinct,
};
