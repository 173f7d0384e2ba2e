import { Schema, type Types } from 'mongoose';
import type { CuratedLimitOverride } from './curated-limits.js';

interface By {
  tokenId: string;
  tokenName: string;
  role: string;
}

export interface CuratedLimitOverrideDoc extends CuratedLimitOverride {
  _id: Types.ObjectId;
  /**
   * One Annex XVII entry has one limit, so its overrides are unique per normalised entry number ("reach-annex-xvii#51");
   * POPs rows match by CAS, name or token and may overlap (the newest wins): their key is their own id.
   */
  uniqueKey: string;
  createdBy: By;
  updatedBy: By;
  createdAt: Date;
  updatedAt: Date;
}

export const CuratedLimitOverrideSchema = new Schema<CuratedLimitOverrideDoc>(
  {
    listId: { type: String, required: true },
    entryNumber: { type: String, default: null },
    substance: { type: String, required: true },
    names: { type: [String], default: [] },
    tokens: { type: [String], default: [] },
    cas: { type: [String], default: [] },
    percent: { type: Number, required: true },
    basis: { type: String, required: true },
    inclusive: { type: Boolean, required: true },
    scope: { type: String, required: true },
    reference: { type: String, required: true },
    confidence: { type: String, required: true },
    verified: { type: String, required: true },
    uniqueKey: { type: String, required: true },
    createdBy: { type: Schema.Types.Mixed, required: true },
    updatedBy: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'curatedlimitoverrides', timestamps: true, versionKey: false, strict: 'throw' },
);
CuratedLimitOverrideSchema.index({ uniqueKey: 1 }, { unique: true });
