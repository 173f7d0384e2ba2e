// SDS extraction off the main thread: a small pool of worker threads, each job with a time and a memory budget.
//
// Why: reading a PDF costs 0.1–2 s of CPU, and a hostile one can cost far more (deep object graphs, huge
// streams). On the main thread that would stall every other request. A job over its time budget has its worker
// terminated (the only way to stop synchronous code); a job over its memory budget (V8 old generation, via
// Worker resourceLimits) kills its worker. Either way the worker is replaced on demand, the job answers a
// budget failure, and the server carries on.
//
// The project runs TypeScript through tsx with no build step. A worker does not inherit the parent's loader
// hooks for its entry module, so every worker starts at worker-bootstrap.js, which registers tsx and then imports
// the TypeScript entry named in workerData (extraction-worker.ts, or a test's stand-in).
import { Worker } from 'node:worker_threads';
import type { ExtractionResult } from './extraction/facts.js';
import { SystemError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/** main → worker */
export interface ExtractRequest {
  type: 'extract';
  id: number;
  bytes: Uint8Array;
}

/** worker → main */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: ExtractionResult; extractorVersion: string }
  /** extractSds threw instead of answering an unreadable reason. */
  | { type: 'failed'; id: number; message: string };

/** Why the pool itself gave up on a job (on top of the extractor's own unreadable reasons). */
export type BudgetFailure = 'time-budget' | 'memory-budget' | 'worker-crashed' | 'extractor-threw';

export type PoolOutcome =
  /** Read: the facts, and the version of the extraction rules that read them. */
  | (Extract<ExtractionResult, { ok: true }> & { extractorVersion: string })
  | Extract<ExtractionResult, { ok: false }>
  | { ok: false; reason: BudgetFailure; message: string };

export interface ExtractionPoolOptions {
  /** Number of workers (started on demand, kept while the pool is open). */
  size: number;
  /** Time budget of one job, from when a ready worker receives it. */
  timeoutMs: number;
  /** V8 old-generation heap limit of each worker, in MiB. */
  memoryMb: number;
  logger?: Pick<Logger, 'warn' | 'error'>;
  /** The worker's TypeScript entry; tests substitute workers that hang, crash or exhaust memory. */
  entry?: URL;
}

export interface ExtractionPool {
  extract(bytes: Uint8Array): Promise<PoolOutcome>;
  /** Stop every worker; jobs still queued or running fail with a SystemError. */
  close(): Promise<void>;
}

const BOOTSTRAP = new URL('./worker-bootstrap.js', import.meta.url);
const DEFAULT_ENTRY = new URL('./extraction-worker.ts', import.meta.url);

interface Job {
  id: number;
  bytes: Uint8Array;
  resolve: (outcome: PoolOutcome) => void;
  reject: (err: unknown) => void;
}

interface Slot {
  worker: Worker;
  state: 'starting' | 'idle' | 'busy';
  job?: Job;
  timer?: NodeJS.Timeout;
}

export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  const { size, timeoutMs, memoryMb, logger } = options;
  const entry = options.entry ?? DEFAULT_ENTRY;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const closedError = () => new SystemError('INTERNAL', 'the SDS extraction pool is shut down');

  function spawn(): void {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: entry.href },
      // The bootstrap registers tsx itself; the parent's flags (tsx's own --import among them) are not needed.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    const slot: Slot = { worker, state: 'starting' };
    slots.push(slot);
    worker.on('message', (message: WorkerMessage) => onMessage(slot, message));
    worker.on('error', (err: Error & { code?: string }) => {
      const reason: BudgetFailure = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory-budget' : 'worker-crashed';
      onDeath(slot, reason, err);
    });
    worker.on('exit', (code) => onDeath(slot, 'worker-crashed', new Error(`extraction worker exited with code ${code}`)));
  }

  function onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.state = 'idle';
      pump();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return; // a late answer for a job already given up on
    release(slot);
    if (message.type === 'done') job.resolve(message.result.ok ? { ...message.result, extractorVersion: message.extractorVersion } : message.result);
    else job.resolve({ ok: false, reason: 'extractor-threw', message: message.message });
    pump();
  }

  function release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    slot.state = 'idle';
    // An idle worker must not keep the process alive (a forgotten close() would otherwise hang a test run).
    slot.worker.unref();
  }

  /** Take a worker out of the pool for good: terminated, and its job (if any) answered with `reason`. */
  function retire(slot: Slot, reason: BudgetFailure, message: string): void {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    slots.splice(index, 1);
    clearTimeout(slot.timer);
    const { job, state } = slot;
    slot.job = undefined;
    slot.worker.terminate().catch(() => undefined);
    if (job) job.resolve({ ok: false, reason, message });
    if (state === 'starting' && !closed) {
      // A worker that dies before it is ready is broken (its code does not load), not hostile input: fail
      // the waiting jobs rather than respawn it for ever. The next upload tries again.
      for (const waiting of queue.splice(0)) waiting.reject(new SystemError('INTERNAL', `the SDS extraction worker could not start: ${message}`));
      return;
    }
    pump();
  }

  function onDeath(slot: Slot, reason: BudgetFailure, err: Error): void {
    if (!slots.includes(slot)) return; // already retired (terminated on purpose)
    if (slot.job) logger?.warn({ err, reason }, 'SDS extraction worker died during a job; replacing it');
    else logger?.error({ err }, 'SDS extraction worker died');
    const message =
      reason === 'memory-budget' ? `reading the PDF needed more than the memory budget of ${memoryMb} MiB` : `the extraction worker crashed: ${err.message}`;
    retire(slot, reason, message);
  }

  function assign(slot: Slot, job: Job): void {
    slot.state = 'busy';
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      logger?.warn({ timeoutMs }, 'SDS extraction over its time budget; terminating its worker');
      retire(slot, 'time-budget', `reading the PDF took longer than the time budget of ${timeoutMs} ms`);
    }, timeoutMs);
    const request: ExtractRequest = { type: 'extract', id: job.id, bytes: job.bytes };
    slot.worker.postMessage(request);
  }

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.state === 'idle') assign(slot, queue.shift()!);
    }
    const starting = slots.filter((s) => s.state === 'starting').length;
    for (let i = starting; i < queue.length && slots.length < size; i++) spawn();
  }

  return {
    extract(bytes) {
      if (closed) return Promise.reject(closedError());
      return new Promise<PoolOutcome>((resolve, reject) => {
        queue.push({ id: nextId++, bytes, resolve, reject });
        pump();
      });
    },

    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(closedError());
      const stopping = slots.splice(0).map((slot) => {
        clearTimeout(slot.timer);
        slot.job?.reject(closedError());
        return slot.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}
