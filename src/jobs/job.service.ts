// Runs background jobs one at a time in this process. A job is stored (queued) before anyone is told about it, and
// on start-up every unfinished job is queued again, so an acknowledged job survives a restart; jobs must therefore
// be safe to run twice (re-screening is idempotent).
import { tokenOf, type Actor } from '../shared/actor.js';
import { notFound } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { JobRepository } from './job.repository.js';
import type { Job, JobKind } from './job.schema.js';

export interface JobContext {
  job: Job;
  /** Records progress (throttled: at most every PROGRESS_INTERVAL_MS, and at the end). */
  progress(done: number, total: number | null): Promise<void>;
  /** Set when the process is stopping: a handler checks it between units of work and returns early. */
  signal: AbortSignal;
}

export type JobHandler = (context: JobContext) => Promise<unknown>;

const PROGRESS_INTERVAL_MS = 500;
/**
 * After the runner itself fails (storage unreachable: neither the job's outcome nor the next job could be read or
 * written), it tries again after this long, doubling up to RETRY_MAX_MS: otherwise the job would stay `running` until
 * the next job was queued or the process restarted.
 */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export function createJobService(deps: { jobs: JobRepository; logger?: Logger }) {
  const { jobs, logger } = deps;
  const handlers = new Map<JobKind, JobHandler>();
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let retryMs = RETRY_MIN_MS;

  async function runOne(job: Job): Promise<void> {
    const handler = handlers.get(job.kind);
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await jobs.update(job.id, { status: 'running', startedAt: new Date(), error: null }, { attempts: 1 });
    let last = 0;
    const progress = async (done: number, total: number | null): Promise<void> => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS && done !== total) return;
      last = now;
      await jobs.update(job.id, { progress: { done, total } });
    };
    try {
      const result = await handler({ job, progress, signal: stopping.signal });
      // Stopped half-way: left `running`, so the next start runs it again.
      if (stopping.signal.aborted) return;
      await jobs.update(job.id, { status: 'succeeded', result: result ?? null, finishedAt: new Date() });
    } catch (err) {
      logger?.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
      await jobs.update(job.id, { status: 'failed', error: err instanceof Error ? err.message : String(err), finishedAt: new Date() });
    }
  }

  /** Drains the queue (stored jobs, oldest first) unless a drain is already going on. */
  function kick(): void {
    if (running || stopping.signal.aborted) return;
    clearTimeout(retry);
    retry = undefined;
    running = (async () => {
      try {
        for (;;) {
          if (stopping.signal.aborted) return;
          const [next] = await jobs.unfinished();
          if (!next) {
            retryMs = RETRY_MIN_MS;
            return;
          }
          await runOne(next);
        }
      } catch (err) {
        if (stopping.signal.aborted) {
          logger?.error({ err }, 'job runner stopped');
          return;
        }
        logger?.error({ err, retryInMs: retryMs }, 'job runner stopped; trying again later');
        retry = setTimeout(kick, retryMs).unref();
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
      } finally {
        running = undefined;
      }
    })();
  }

  return {
    register(kind: JobKind, handler: JobHandler): void {
      handlers.set(kind, handler);
    },

    /**
     * Stores a job and starts the runner. A job of the same kind still waiting in the queue already covers the
     * request (it will run against the data as it is when it starts): that job is answered instead.
     */
    async enqueue(actor: Actor, kind: JobKind, reason: string, params: Record<string, unknown> = {}): Promise<Job> {
      const waiting = (await jobs.unfinished()).find((j) => j.kind === kind && j.status === 'queued');
      const job =
        waiting ??
        (await jobs.insert({
          kind, status: 'queued', reason, params, progress: { done: 0, total: null }, result: null, error: null, attempts: 0,
          createdAt: new Date(), startedAt: null, finishedAt: null,
          createdBy: tokenOf(actor),
        }));
      kick();
      return job;
    },

    async get(id: string): Promise<Job> {
      const job = await jobs.findById(id);
      if (!job) throw notFound('job', id);
      return job;
    },

    /** Start-up: run what a previous process acknowledged but did not finish. */
    resume(): void {
      kick();
    },

    /** Resolves when no job is running or queued (tests, and a clean shutdown). */
    async whenIdle(): Promise<void> {
      while (running) await running;
    },

    /** Stops after the current unit of work; an interrupted job stays `running` and is resumed on the next start. */
    async close(): Promise<void> {
      stopping.abort();
      clearTimeout(retry);
      await running;
    },
  };
}
export type JobService = ReturnType<typeof createJobService>;
