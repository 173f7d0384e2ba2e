import { MongoServerError } from 'mongodb';
import { expect } from 'chai';
// Test target for the conformance suite: a real MongoDB (MONGODB_URI) or the embedded engine.
//
// - With MONGODB_URI set, every call gets its own uniquely named database on that deployment; close() drops it.
// - Without it, every call starts a fresh embedded engine on a new temporary data directory; close() stops the
//   engine and removes the directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { startEngine } from '../../../src/storage/engine/index.js';

export interface Target {
  /** Connection string for MongoClient / mongoose. */
  uri: string;
  /** The database this test file owns; unique per openTarget() call. */
  dbName: string;
  close(): Promise<void>;
}

function uniqueDbName(): string {
  return `conformance_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function openTarget(): Promise<Target> {
  const dbName = uniqueDbName();
  const external = process.env.MONGODB_URI;

  if (external !== undefined && external !== '') {
    return {
      uri: external,
      dbName,
      async close() {
        const client = new MongoClient(external, { serverSelectionTimeoutMS: 5000 });
        try {
          await client.connect();
          await client.db(dbName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'chemreg-engine-conformance-'));
  let engine: Awaited<ReturnType<typeof startEngine>>;
  try {
    engine = await startEngine({ dataDir });
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    uri: engine.uri,
    dbName,
    async close() {
      try {
        await engine.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** The server error a command fails with; fails the test if it succeeds or fails on the client side. */
export async function rejectionOf(promise: Promise<unknown>): Promise<MongoServerError> {
  try {
    await promise;
  } catch (err) {
    expect(err, 'expected a server error').to.be.instanceOf(MongoServerError);
    return err as MongoServerError;
  }
  return expect.fail('expected the operation to be rejected by the server, but it succeeded');
}

export interface TargetConnection {
  readonly target: Target;
  readonly client: MongoClient;
  readonly db: Db;
}

/**
 * Registers before/after hooks in the calling describe block: open a target and a connected client, then
 * close both. Read the properties inside hooks and tests (they are set once `before` has run).
 */
export function connectToTarget(): TargetConnection {
  let opened: { target: Target; client: MongoClient } | undefined;
  let target: Target | undefined;
  let client: MongoClient | undefined;
  before(async function () {
    target = await openTarget();
    client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    opened = { target, client };
  });
  after(async function () {
    await client?.close();
    await target?.close();
  });
  const get = () => {
    if (!opened) throw new Error('connectToTarget: used before its before() hook ran');
    return opened;
  };
  return {
    get target() {
      return get().target;
    },
    get client() {
      return get().client;
    },
    get db() {
      return get().client.db(get().target.dbName);
    },
  };
}
