// Storage start-up: a real MongoDB when MONGODB_URI is set, otherwise the embedded engine on DATA_DIR, in a worker thread
// of its own (engine/thread.ts).
import mongoose from 'mongoose';
import type { Config } from '../config.js';
import type { EmbeddedEngine } from './engine/index.js';
import { startEngineThread } from './engine/thread.js';

/** How long `ping` (GET /ready) waits for storage before calling it unavailable. */
const PING_TIMEOUT_MS = 2_000;

export interface Storage {
  readonly uri: string;
  readonly embedded: boolean;
  readonly connection: mongoose.Connection;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * `dbName` overrides the database (tests give each file its own on a shared MONGODB_URI); by default it is
 * the one named in MONGODB_URI, or `chemreg` on the embedded engine.
 */
export async function openStorage(config: Pick<Config, 'MONGODB_URI' | 'DATA_DIR'>, options: { dbName?: string } = {}): Promise<Storage> {
  let engine: EmbeddedEngine | undefined;
  let uri = config.MONGODB_URI;
  if (!uri) {
    engine = await startEngineThread({ dataDir: config.DATA_DIR });
    uri = `${engine.uri}/chemreg`;
  }
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 5000,
    // Storage is open before any model is used, so mongoose's buffering only ever matters during an outage: there it
    // held transactions (startSession) for bufferTimeoutMS and then failed with a MongooseError (500 INTERNAL). Without
    // it every operation goes to the driver, which gives up after serverSelectionTimeoutMS (503 STORAGE_UNAVAILABLE).
    bufferCommands: false,
    ...(options.dbName !== undefined ? { dbName: options.dbName } : {}),
  });
  try {
    await connection.asPromise();
  } catch (err) {
    await engine?.close();
    throw err;
  }
  return {
    uri,
    embedded: engine !== undefined,
    connection,
    async ping() {
      try {
        // Bounded: with the server unknown the driver would wait out serverSelectionTimeoutMS, longer than a
        // readiness probe waits for its answer.
        await connection.db!.command({ ping: 1 }, { signal: AbortSignal.timeout(PING_TIMEOUT_MS) });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await connection.close();
      await engine?.close();
    },
  };
}
