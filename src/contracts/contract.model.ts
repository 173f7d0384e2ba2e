import { Schema, type Types } from 'mongoose';
import type { RequirementProfile } from './contract.schema.js';

export interface ContractDoc {
  _id: Types.ObjectId;
  number: string;
  title: string;
  buyer: string;
  supplierIds: string[];
  validFrom: string;
  validTo: string;
  category: string;
  requirementProfile: RequirementProfile;
  createdAt: Date;
  updatedAt: Date;
}

export const ContractSchema = new Schema<ContractDoc>(
  {
    number: { type: String, required: true },
    title: { type: String, required: true },
    buyer: { type: String, required: true },
    supplierIds: { type: [String], default: [] },
    // Calendar days as YYYY-MM-DD strings: a contract is valid "to 2027-12-31" in the buyer's time zone,
    // which a UTC instant would shift. Strings of this form also sort chronologically.
    validFrom: { type: String, required: true },
    validTo: { type: String, required: true },
    category: { type: String, required: true },
    requirementProfile: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'contracts', timestamps: true, versionKey: false, strict: 'throw', minimize: false },
);
ContractSchema.index({ number: 1 }, { unique: true });
ContractSchema.index({ supplierIds: 1 });
