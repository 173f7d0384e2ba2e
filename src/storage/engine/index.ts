// Public surface of the embedded MongoDB-compatible engine (README, "Storage").
import { Catalog } from './catalog/catalog.js';
import { EngineCore } from './engine.js';
import { DurableStore, type RecoveryReport } from './persistence/durable-store.js';
import { listen } from './server.js';

export { DataDirLockedError } from './persistence/lock.js';

export interface EngineOptions {
  /** Directory for the log, snapshots and lock file. Omit for a purely in-memory engine (tests only). */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 or undefined picks a free one. */
  port?: number;
  host?: string;
  /** Log size after which a snapshot is written (default 64 MiB). */
  compactAfterBytes?: number;
  /** Idle server cursors are closed after this long (default 10 minutes, as mongod). */
  cursorTimeoutMs?: number;
}

export interface EmbeddedEngine {
  /** `mongodb://127.0.0.1:PORT` */
  readonly uri: string;
  readonly port: number;
  /** What opening the data directory found (undefined for an in-memory engine). */
  readonly recovery?: RecoveryReport;
  close(): Promise<void>;
}

export async function startEngine(opts: EngineOptions = {}): Promise<EmbeddedEngine> {
  const catalog = new Catalog();
  const core = new EngineCore(catalog, { cursorTimeoutMs: opts.cursorTimeoutMs });
  let recovery: RecoveryReport | undefined;
  if (opts.dataDir) {
    const opened = await DurableStore.open(opts.dataDir, catalog, { compactAfterBytes: opts.compactAfterBytes });
    core.store = opened.store;
    recovery = opened.recovery;
  }
  const host = opts.host ?? '127.0.0.1';
  let server;
  try {
    server = await listen(core, host, opts.port ?? 0);
  } catch (err) {
    await core.store?.close();
    throw err;
  }
  let closed = false;
  return {
    uri: `mongodb://${host}:${server.port}`,
    port: server.port,
    recovery,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      core.cursors.close();
      await core.store?.close();
    },
  };
}
