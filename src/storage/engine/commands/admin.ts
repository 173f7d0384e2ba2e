// Handshake, server info, catalog commands (databases, collections, indexes) and session/transaction control.
import { Long, type Document } from 'bson';
import { assertCollectionName, assertDbName } from '../catalog/catalog.js';
import { ID_INDEX_SPEC } from '../catalog/collection.js';
import { defaultIndexName, normalizeIndexSpec, type IndexSpec } from '../catalog/index-def.js';
import { newCollectionUuid } from '../catalog/views.js';
import { EngineError, unsupported } from '../errors.js';
import { compileFilter } from '../query/filter.js';
import { isPlainObject } from '../query/values.js';
import { optionalDoc, requireArray, type CommandContext, type CommandHandler } from './context.js';

// What the driver needs from hello (see docs/embedded-engine notes): a writable standalone with
// sessions (logicalSessionTimeoutMinutes), wire version 21 (MongoDB 7.0), and no topologyVersion,
// which would switch the driver to streaming monitoring.
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;
const SERVER_VERSION = '7.0.0';

const hello: CommandHandler = (ctx) => ({
  helloOk: true,
  isWritablePrimary: true,
  ismaster: true,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  maxMessageSizeBytes: MAX_MESSAGE_SIZE,
  maxWriteBatchSize: 100_000,
  localTime: new Date(),
  logicalSessionTimeoutMinutes: 30,
  connectionId: ctx.connectionId,
  minWireVersion: 0,
  maxWireVersion: 21,
  readOnly: false,
  ok: 1,
});

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'chemreg-embedded',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ['chemreg-embedded'],
  javascriptEngine: 'none',
  modules: [],
  ok: 1,
});

function ensureAdmin(ctx: CommandContext, name: string): void {
  if (ctx.db !== 'admin') throw new EngineError('IllegalOperation', `${name} may only be run against the admin database.`);
}

const listDatabases: CommandHandler = (ctx) => {
  const filter = compileFilter(optionalDoc(ctx.cmd.filter, 'filter'));
  const databases = [...ctx.engine.catalog.dbs.entries()]
    .map(([name, colls]) => ({ name, sizeOnDisk: 0, empty: [...colls.values()].every((c) => c.size === 0) }))
    .filter((d) => filter(d));
  if (ctx.cmd.nameOnly === true) return { databases: databases.map((d) => ({ name: d.name })), ok: 1 };
  return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

const listCollections: CommandHandler = (ctx) => {
  const filter = compileFilter(optionalDoc(ctx.cmd.filter, 'filter'));
  const infos = ctx.engine.catalog
    .collections(ctx.db)
    .map((c) => ({
      name: c.name,
      type: 'collection',
      options: c.options,
      info: { readOnly: false, uuid: c.uuid },
      idIndex: ID_INDEX_SPEC,
    }))
    .filter((info) => filter(info));
  const docs = ctx.cmd.nameOnly === true ? infos.map((i) => ({ name: i.name, type: i.type })) : infos;
  const cursor = optionalDoc(ctx.cmd.cursor, 'cursor') ?? {};
  return ctx.engine.cursors.first(`${ctx.db}.$cmd.listCollections`, docs, cursor.batchSize as number | undefined);
};

// Collection options the engine honours by ignoring (they do not change query results).
const HARMLESS_CREATE_OPTIONS = new Set(['create', '$db', 'lsid', '$clusterTime', 'writeConcern', 'comment', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', '$readPreference', 'idIndex']);

const create: CommandHandler = (ctx) => {
  const name: unknown = ctx.cmd.create;
  assertDbName(ctx.db);
  assertCollectionName(name);
  for (const key of Object.keys(ctx.cmd)) {
    if (!HARMLESS_CREATE_OPTIONS.has(key)) throw unsupported(`create option '${key}'`);
  }
  if (ctx.txn) throw new EngineError('OperationNotSupportedInTransaction', 'Cannot create a collection in a transaction in the embedded engine.');
  if (ctx.engine.catalog.get(ctx.db, name)) throw new EngineError('NamespaceExists', `Collection ${ctx.db}.${name} already exists.`);
  const e = { o: 'createColl' as const, db: ctx.db, c: name, options: {}, uuid: newCollectionUuid() };
  ctx.engine.catalog.apply(e);
  ctx.effects.push(e);
  return { ok: 1 };
};

const drop: CommandHandler = (ctx) => {
  const name: unknown = ctx.cmd.drop;
  assertCollectionName(name);
  if (ctx.txn) throw new EngineError('OperationNotSupportedInTransaction', 'Cannot drop a collection in a transaction.');
  const coll = ctx.engine.catalog.get(ctx.db, name);
  if (!coll) return { ok: 1 }; // MongoDB 7: dropping a missing collection succeeds
  const nIndexesWas = coll.indexes.length + 1;
  const e = { o: 'dropColl' as const, db: ctx.db, c: name };
  ctx.engine.catalog.apply(e);
  ctx.effects.push(e);
  return { nIndexesWas, ns: coll.ns, ok: 1 };
};

const dropDatabase: CommandHandler = (ctx) => {
  if (ctx.txn) throw new EngineError('OperationNotSupportedInTransaction', 'Cannot drop a database in a transaction.');
  if (ctx.engine.catalog.dbs.has(ctx.db)) {
    const e = { o: 'dropDb' as const, db: ctx.db };
    ctx.engine.catalog.apply(e);
    ctx.effects.push(e);
  }
  return { dropped: ctx.db, ok: 1 };
};

const createIndexes: CommandHandler = (ctx) => {
  const name: unknown = ctx.cmd.createIndexes;
  assertCollectionName(name);
  if (ctx.txn) throw new EngineError('OperationNotSupportedInTransaction', 'Cannot create indexes in a transaction in the embedded engine.');
  const specs = requireArray(ctx.cmd.indexes, 'indexes').map((raw) => {
    const r = optionalDoc(raw, 'indexes') ?? {};
    const given: unknown = r.name;
    return normalizeIndexSpec({ ...r, name: given ?? (isPlainObject(r.key) ? defaultIndexName(r.key) : undefined) });
  });
  const catalog = ctx.engine.catalog;
  let coll = catalog.get(ctx.db, name);
  let createdCollectionAutomatically = false;
  if (!coll) {
    const e = { o: 'createColl' as const, db: ctx.db, c: name, options: {}, uuid: newCollectionUuid() };
    catalog.apply(e);
    ctx.effects.push(e);
    coll = catalog.get(ctx.db, name)!;
    createdCollectionAutomatically = true;
  }
  const numIndexesBefore = coll.indexes.length + 1;
  for (const spec of specs) {
    const sameName = spec.name === '_id_' ? { spec: ID_INDEX_SPEC } : coll.findIndex(spec.name);
    const sameKey = coll.indexes.find((i) => JSON.stringify(i.spec.key) === JSON.stringify(spec.key));
    if (sameName || sameKey) {
      const existing = (sameName ?? sameKey)!.spec;
      const comparable = (s: IndexSpec): string => JSON.stringify({ key: s.key, name: s.name, unique: s.unique === true, sparse: s.sparse === true, partialFilterExpression: s.partialFilterExpression, expireAfterSeconds: s.expireAfterSeconds });
      if (comparable(existing) === comparable(spec)) continue; // identical: no-op, as in MongoDB
      if (sameName) throw new EngineError('IndexKeySpecsConflict', `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`);
      throw new EngineError('IndexOptionsConflict', `An equivalent index already exists with a different name and options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`);
    }
    const e = { o: 'createIndex' as const, db: ctx.db, c: name, spec };
    catalog.apply(e); // throws 11000 for existing duplicates, leaving nothing behind
    ctx.effects.push(e);
  }
  return { numIndexesBefore, numIndexesAfter: coll.indexes.length + 1, createdCollectionAutomatically, ok: 1 };
};

const listIndexes: CommandHandler = (ctx) => {
  const name: unknown = ctx.cmd.listIndexes;
  assertCollectionName(name);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  if (!coll) throw new EngineError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
  const docs = [ID_INDEX_SPEC, ...coll.indexes.map((i) => i.spec)];
  const cursor = optionalDoc(ctx.cmd.cursor, 'cursor') ?? {};
  return ctx.engine.cursors.first(`${ctx.db}.${name}`, docs, cursor.batchSize as number | undefined);
};

const dropIndexes: CommandHandler = (ctx) => {
  const name: unknown = ctx.cmd.dropIndexes;
  assertCollectionName(name);
  const coll = ctx.engine.catalog.get(ctx.db, name);
  if (!coll) throw new EngineError('NamespaceNotFound', `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.length + 1;
  const target: unknown = ctx.cmd.index;
  let names: string[];
  if (target === '*') names = coll.indexes.map((i) => i.name);
  else if (typeof target === 'string') names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (isPlainObject(target)) {
    const found = coll.indexes.find((i) => JSON.stringify(i.spec.key) === JSON.stringify(target));
    if (!found) throw new EngineError('IndexNotFound', `can't find index with key: ${JSON.stringify(target)}`);
    names = [found.name];
  } else throw new EngineError('TypeMismatch', "BSON field 'index' is the wrong type");
  for (const n of names) {
    if (n === '_id_') throw new EngineError('InvalidOptions', 'cannot drop _id index');
    if (!coll.findIndex(n)) throw new EngineError('IndexNotFound', `index not found with name [${n}]`);
  }
  for (const n of names) {
    const e = { o: 'dropIndex' as const, db: ctx.db, c: name, name: n };
    ctx.engine.catalog.apply(e);
    ctx.effects.push(e);
  }
  return { nIndexesWas, ok: 1 };
};

const commitTransaction: CommandHandler = (ctx) => {
  ensureAdmin(ctx, 'commitTransaction');
  const txn = ctx.engine.sessions.find(ctx.cmd);
  if (txn.status === 'committed') return { ok: 1 }; // retried commit: idempotent
  if (txn.status === 'aborted') {
    throw new EngineError('NoSuchTransaction', `Transaction with { txnNumber: ${txn.txnNumber} } has been aborted.`, {}, ['TransientTransactionError']);
  }
  let effects;
  try {
    effects = txn.commitEffects(ctx.engine.catalog);
  } catch (err) {
    txn.status = 'aborted';
    throw err;
  }
  for (const e of effects) ctx.engine.catalog.apply(e);
  ctx.effects.push(...effects);
  txn.status = 'committed';
  ctx.engine.cursors.killOwnedBy(txn.sessionKey);
  return { ok: 1 };
};

const abortTransaction: CommandHandler = (ctx) => {
  ensureAdmin(ctx, 'abortTransaction');
  const txn = ctx.engine.sessions.find(ctx.cmd);
  if (txn.status === 'committed') throw new EngineError('TransactionCommitted', `Transaction ${txn.txnNumber} has been committed.`);
  txn.status = 'aborted';
  ctx.engine.cursors.killOwnedBy(txn.sessionKey);
  return { ok: 1 };
};

const endSessions: CommandHandler = (ctx) => {
  ctx.engine.sessions.end(requireArray(ctx.cmd.endSessions, 'endSessions'));
  return { ok: 1 };
};

const ping: CommandHandler = () => ({ ok: 1 });

const getParameter: CommandHandler = (ctx) => {
  const out: Document = {};
  if (ctx.cmd.featureCompatibilityVersion !== undefined || ctx.cmd.getParameter === '*') out.featureCompatibilityVersion = { version: '7.0' };
  if (ctx.cmd.authenticationMechanisms !== undefined || ctx.cmd.getParameter === '*') out.authenticationMechanisms = [];
  return { ...out, ok: 1 };
};

const getCmdLineOpts: CommandHandler = () => ({ argv: ['chemreg', 'db'], parsed: {}, ok: 1 });

const hostInfo: CommandHandler = () => ({ system: { currentTime: new Date(), hostname: '127.0.0.1' }, os: {}, extra: {}, ok: 1 });

const serverStatus: CommandHandler = (ctx) => ({
  host: '127.0.0.1',
  version: SERVER_VERSION,
  process: 'chemreg-embedded',
  uptime: (Date.now() - ctx.engine.startedAt.getTime()) / 1000,
  localTime: new Date(),
  connections: { current: ctx.engine.connectionCount() },
  metrics: { cursor: { open: { total: Long.fromNumber(ctx.engine.cursors.count) } } },
  ok: 1,
});

const connectionStatus: CommandHandler = () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 });

const whatsmyuri: CommandHandler = () => ({ you: '127.0.0.1', ok: 1 });

const refused = (what: string): CommandHandler => () => {
  throw unsupported(what);
};

export const adminCommands: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  buildInfo,
  buildinfo: buildInfo,
  listDatabases,
  listCollections,
  create,
  drop,
  dropDatabase,
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
  commitTransaction,
  abortTransaction,
  endSessions,
  ping,
  getParameter,
  getCmdLineOpts,
  hostInfo,
  serverStatus,
  connectionStatus,
  whatsmyuri,
  explain: refused('explain'),
  mapReduce: refused('mapReduce'),
  collMod: refused('collMod'),
  renameCollection: refused('renameCollection'),
  saslStart: refused('authentication'),
  authenticate: refused('authentication'),
};
