import { Schema, type Types } from 'mongoose';
import type { SdsRevision } from './sds.schema.js';

/** The stored form of an SdsRevision: the same fields, keyed by _id, plus the GridFS id of the original. */
export interface SdsRevisionDoc extends Omit<SdsRevision, 'id'> {
  _id: Types.ObjectId;
  fileId: Types.ObjectId;
  /** Section 3 as screening reads it, as JSON (screening-form.ts); absent on revisions stored before it existed. */
  screening?: string;
}

/** GridFS bucket of the original PDFs: collections sdsFiles.files and sdsFiles.chunks. */
export const SDS_BUCKET = 'sdsFiles';

export const SdsRevisionSchema = new Schema<SdsRevisionDoc>(
  {
    productId: { type: String, required: true },
    supplierId: { type: String, required: true },
    revisionNumber: { type: Number, required: true },
    status: { type: String, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true },
    fileName: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: Schema.Types.Mixed, required: true },
    extractorVersion: { type: String, required: true },
    // Derived from facts once, at upload (a revision never changes), so lists need not load the facts.
    summary: { type: Schema.Types.Mixed, required: true },
    // The shape is SdsFacts (extraction/facts.ts), validated with zod before it is stored.
    facts: { type: Schema.Types.Mixed, required: true },
    // Also derived once, at upload: section 3 as screening reads it, in one string. A re-screen reads every product's
    // substances; one string decodes several times faster than the same facts as ~30 BSON values a substance (issue 5).
    screening: { type: String },
  },
  { collection: 'sdsRevisions', versionKey: false, strict: 'throw', minimize: false },
);
// The same bytes twice for one product are one revision; revision numbers are unique per product. Lists read
// a product's revisions newest first through the second index.
SdsRevisionSchema.index({ productId: 1, sha256: 1 }, { unique: true });
SdsRevisionSchema.index({ productId: 1, revisionNumber: 1 }, { unique: true });
SdsRevisionSchema.index({ supplierId: 1 });
SdsRevisionSchema.index({ uploadedAt: 1 });
