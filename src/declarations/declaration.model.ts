import { Schema, type Types } from 'mongoose';
import type { DeclarationRevision } from './declaration.schema.js';

/** The stored form of a DeclarationRevision, plus its original bytes (declarations are small: MAX_DECLARATION_BYTES). */
export interface DeclarationDoc extends Omit<DeclarationRevision, 'id'> {
  _id: Types.ObjectId;
  original: Buffer;
}

export const DeclarationSchema = new Schema<DeclarationDoc>(
  {
    productId: { type: String, required: true },
    supplierId: { type: String, required: true },
    revisionNumber: { type: Number, required: true },
    format: { type: String, required: true },
    fileName: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    submittedBy: { type: Schema.Types.Mixed, required: true },
    summary: { type: Schema.Types.Mixed, required: true },
    // The shape is DeclarationContent, produced by a format parser and checked with zod before it is stored.
    content: { type: Schema.Types.Mixed, required: true },
    original: { type: Buffer, required: true },
  },
  { collection: 'declarations', versionKey: false, strict: 'throw', minimize: false },
);
// As for SDS revisions: the same bytes twice for one product are one revision; numbers are unique per product.
DeclarationSchema.index({ productId: 1, sha256: 1 }, { unique: true });
DeclarationSchema.index({ productId: 1, revisionNumber: 1 }, { unique: true });
DeclarationSchema.index({ supplierId: 1 });
DeclarationSchema.index({ submittedAt: 1 });
