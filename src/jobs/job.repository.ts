// Jobs in MongoDB, returned as plain objects.
import type { Connection } from 'mongoose';
import { toObjectId } from '../shared/ids.js';
import { modelOn } from '../shared/mongo.js';
import { JobSchema, type JobDoc } from './job.model.js';
import type { Job } from './job.schema.js';

const toJob = (doc: JobDoc): Job => ({
  id: doc._id.toHexString(),
  kind: doc.kind,
  status: doc.status,
  reason: doc.reason,
  params: doc.params,
  progress: { done: doc.progress.done, total: doc.progress.total },
  result: doc.result ?? null,
  error: doc.error,
  attempts: doc.attempts,
  createdAt: doc.createdAt,
  startedAt: doc.startedAt,
  finishedAt: doc.finishedAt,
  createdBy: { tokenId: doc.createdBy.tokenId, tokenName: doc.createdBy.tokenName, role: doc.createdBy.role },
});

export function createJobRepository(connection: Connection) {
  const Jobs = modelOn(connection, 'Job', JobSchema);

  return {
    model: Jobs,

    async insert(fields: Omit<Job, 'id'>): Promise<Job> {
      const doc = await Jobs.create(fields);
      return toJob(doc.toObject());
    },

    async findById(id: string): Promise<Job | undefined> {
      const doc = await Jobs.findById(toObjectId(id)).lean<JobDoc>();
      return doc ? toJob(doc) : undefined;
    },

    /** Jobs not finished, oldest first: queued ones, and running ones a stopped process left behind. */
    async unfinished(): Promise<Job[]> {
      return (await Jobs.find({ status: { $in: ['queued', 'running'] } }).sort({ createdAt: 1, _id: 1 }).lean<JobDoc[]>()).map(toJob);
    },

    async update(id: string, fields: Partial<Omit<Job, 'id'>>, inc?: { attempts: number }): Promise<void> {
      await Jobs.updateOne({ _id: toObjectId(id) }, { $set: fields, ...(inc ? { $inc: inc } : {}) });
    },
  };
}
export type JobRepository = ReturnType<typeof createJobRepository>;
