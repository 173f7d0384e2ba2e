import { Schema, type Types } from 'mongoose';
import type { Contract } from './contract.schema.js';

/** The stored form of a Contract: the same fields, keyed by _id. */
export interface ContractDoc extends Omit<Contract, 'id'> {
  _id: Types.ObjectId;
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
ContractSchema.index({ updatedAt: 1 });
