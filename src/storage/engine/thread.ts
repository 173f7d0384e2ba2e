// The embedded engine in a worker thread of its own, as chemreg runs it (storage/connection.ts).
//
// Why a thread: like a mongod process, the engine then has its own heap and core. The documents it holds (hundreds of
// megabytes at registry scale) are no longer in the heap the HTTP handlers and screening allocate in, so the API's
// garbage collections stay small, and storage work (queries, BSON encoding, the log) runs beside the API's instead of
// between it. The driver still talks to it over the wire protocol on 127.0.0.1, so nothing else changes.
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import type { EmbeddedEngine, EngineOptions } from './index.js';
import { DataDirLockedError, reserveInProcess } from './persistence/lock.js';
import type { FromEngineThread, ToEngineThread } from './thread-protocol.js';

// Plain JavaScript: a worker does not inherit the tsx loader the process was started with, so this registers it.
const ENTRY = new URL('./thread-entry.js', import.meta.url);

function errorFrom(message: Extract<FromEngineThread, { type: 'failed' }>): Error {
  if (message.locked) return new DataDirLockedError(message.locked.dir, message.locked.owner);
  const err = new Error(message.message);
  err.name = message.name;
  if (message.stack !== undefined) err.stack = message.stack;
  return err;
}

/**
 * Starts the engine in a worker thread; answers once it accepts connections. A data directory is owned by one engine
 * in the process (and, through its lock file, on the machine). If the thread dies unexpectedly the error is thrown
 * where nobody can catch it: the process stops, as it would on losing its database, and nothing acknowledged is lost
 * (the log is fsync'd before a write is acknowledged).
 */
export async function startEngineThread(opts: EngineOptions = {}): Promise<EmbeddedEngine> {
  const options: EngineOptions = { ...opts, ...(opts.dataDir !== undefined ? { dataDir: resolve(opts.dataDir) } : {}) };
  const release = options.dataDir !== undefined ? reserveInProcess(options.dataDir) : () => undefined;
  let worker: Worker;
  try {
    worker = new Worker(ENTRY, { workerData: options });
  } catch (err) {
    release();
    throw err;
  }
  let closing = false;
  const exited = new Promise<number>((done) => worker.once('exit', done));
  void exited.then(release);

  let started: Extract<FromEngineThread, { type: 'ready' }>;
  try {
    started = await new Promise((ready, fail) => {
      worker.once('message', (message: FromEngineThread) => {
        if (message.type === 'ready') ready(message);
        else if (message.type === 'failed') fail(errorFrom(message));
      });
      worker.once('error', fail);
      void exited.then((code) => fail(new Error(`the engine thread exited (code ${code}) before it started`)));
    });
  } catch (err) {
    // Once the thread has ended, its directory is free again.
    await worker.terminate();
    await exited;
    throw err;
  }

  worker.on('error', (err) => {
    if (closing) return;
    throw new Error(`the embedded engine thread failed: ${err.message}`, { cause: err });
  });
  void exited.then((code) => {
    if (!closing) throw new Error(`the embedded engine thread exited unexpectedly (code ${code})`);
  });

  return {
    uri: started.uri,
    port: started.port,
    ...(started.recovery !== undefined ? { recovery: started.recovery } : {}),
    async close() {
      if (closing) return exited.then(() => undefined);
      closing = true;
      const closed = new Promise<void>((done, fail) => {
        worker.on('message', (message: FromEngineThread) => {
          if (message.type === 'closed') done();
          else if (message.type === 'failed') fail(errorFrom(message));
        });
      });
      worker.postMessage({ type: 'close' } satisfies ToEngineThread);
      await Promise.race([closed, exited.then(() => undefined)]);
      await exited;
    },
  };
}
