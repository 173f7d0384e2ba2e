// Background jobs (a re-screen of every product after a list import): queued, run in the process, with their
// progress and result readable at GET /api/v1/jobs/:id. A job is stored before it is acknowledged, so a restart
// resumes it rather than losing it.
import { z } from 'zod';
import { Id } from '../shared/ids.js';

export const JobKind = z.enum(['rescreen']).describe('rescreen: screen every product against the current list versions');
export type JobKind = z.infer<typeof JobKind>;

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z
  .object({
    id: Id,
    kind: JobKind,
    status: JobStatus,
    /** Why the job was started, e.g. "list echa-candidate-list version 3 imported". */
    reason: z.string(),
    params: z.record(z.string(), z.unknown()),
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
    result: z.unknown().nullable().describe('what the job found; for rescreen the change report'),
    error: z.string().nullable(),
    attempts: z.number().int().describe('runs started (a restart during a run starts it again)'),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    createdBy: z.object({ tokenId: z.string(), tokenName: z.string(), role: z.string() }),
  })
  .meta({ id: 'Job' });
export interface Job extends Omit<z.infer<typeof Job>, 'createdAt' | 'startedAt' | 'finishedAt'> {
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}
