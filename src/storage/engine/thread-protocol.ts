// Messages between chemreg and the engine's worker thread (thread.ts, thread-worker.ts).
import type { RecoveryReport } from './persistence/durable-store.js';

export type FromEngineThread =
  | { type: 'ready'; uri: string; port: number; recovery?: RecoveryReport }
  | { type: 'failed'; name: string; message: string; stack?: string; locked?: { dir: string; owner: number | string } }
  | { type: 'closed' };

export type ToEngineThread = { type: 'close' };
