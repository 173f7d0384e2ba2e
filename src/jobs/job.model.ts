import { Schema, type Types } from 'mongoose';
import type { Job } from './job.schema.js';

export interface JobDoc extends Omit<Job, 'id'> {
  _id: Types.ObjectId;
}

export const JobSchema = new Schema<JobDoc>(
  {
    kind: { type: String, required: true },
    status: { type: String, required: true },
    reason: { type: String, required: true },
    params: { type: Schema.Types.Mixed, required: true },
    progress: { type: Schema.Types.Mixed, required: true },
    result: { type: Schema.Types.Mixed, default: null },
    error: { type: String, default: null },
    attempts: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    createdBy: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'jobs', versionKey: false, strict: 'throw', minimize: false },
);
// Start-up looks for unfinished jobs to resume.
JobSchema.index({ status: 1, createdAt: 1 });
