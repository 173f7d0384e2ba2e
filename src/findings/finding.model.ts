import { Schema, type Types } from 'mongoose';
import type { Finding } from './finding.schema.js';

/** The stored form: the finding plus the key screening updates it by and a digest of what an expert decided on. */
export interface FindingDoc extends Omit<Finding, 'id'> {
  _id: Types.ObjectId;
  /** productId|listId|entryKey|substanceKey: one finding per product, list entry and substance, whatever the versions. */
  key: string;
  /** Digest of the evidence and test an expert's decision was based on: when it changes, a dismissal reopens. */
  evidenceDigest: string;
  /** Digest of every fact screening sets except the list version: re-screening compares it instead of the facts. */
  factsDigest: string;
  /** The last history event's action, so that re-screening need not read the history. */
  lastAction: string;
}

export const FindingSchema = new Schema<FindingDoc>(
  {
    key: { type: String, required: true },
    evidenceDigest: { type: String, required: true },
    factsDigest: { type: String, required: true },
    lastAction: { type: String, required: true },
    productId: { type: String, required: true },
    supplierId: { type: String, required: true },
    contractIds: { type: [String], default: [] },
    substance: { type: Schema.Types.Mixed, required: true },
    list: { type: Schema.Types.Mixed, required: true },
    matchType: { type: String, required: true },
    certainty: { type: String, required: true },
    score: { type: Number, required: true },
    matchedOn: { type: String, required: true },
    limit: { type: Schema.Types.Mixed, default: null },
    concentrationTest: { type: String, required: true },
    severity: { type: String, required: true },
    severityReason: { type: String, required: true },
    evidence: { type: Schema.Types.Mixed, default: null },
    status: { type: String, required: true },
    exceptionUntil: { type: String, default: null },
    history: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'findings', timestamps: true, versionKey: false, strict: 'throw', minimize: false },
);
FindingSchema.index({ key: 1 }, { unique: true });
FindingSchema.index({ productId: 1 });
FindingSchema.index({ supplierId: 1, status: 1 });
FindingSchema.index({ contractIds: 1 });
FindingSchema.index({ 'list.id': 1 });
// What changed since the search index last looked (search.service.ts).
FindingSchema.index({ updatedAt: 1 });

/**
 * A digest of all of a product's findings as screening last wrote them (finding.service.ts, reconcileMany): a re-screen
 * that computes the same digest leaves the product alone without reading its findings. Keyed by product id.
 */
export interface ScreeningDigestDoc {
  _id: string;
  digest: string;
  updatedAt: Date;
}

export const ScreeningDigestSchema = new Schema<ScreeningDigestDoc>(
  { _id: { type: String, required: true }, digest: { type: String, required: true }, updatedAt: { type: Date, required: true } },
  { collection: 'screeningDigests', versionKey: false, strict: 'throw' },
);
