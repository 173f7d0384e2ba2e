// Storage start-up: a real MongoDB when MONGODB_URI is set, otherwise the embedded engine on DATA_DIR, in a worker thread
// of its own (engine/thread.ts).
import mongoose from 'mongoose';
import type { Config } from '../config.js';
import type { EmbeddedEngine } from './engine/index.js';
import { startEngineThread } from './engine/thread.js';

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
        await connection.db!.admin().command({ ping: 1 });
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
