import { Schema, type Types } from 'mongoose';
import type { Supplier } from './supplier.schema.js';

/** The stored form of a Supplier: the same fields, keyed by _id. */
export interface SupplierDoc extends Omit<Supplier, 'id'> {
  _id: Types.ObjectId;
}

const ContactSchema = new Schema({ name: String, email: String, phone: String, role: String }, { _id: false });

export const SupplierSchema = new Schema<SupplierDoc>(
  {
    name: { type: String, required: true },
    orgNumber: { type: String, required: true },
    country: { type: String, required: true },
    contacts: { type: [ContactSchema], default: [] },
  },
  { collection: 'suppliers', timestamps: true, versionKey: false, strict: 'throw' },
);
// domain: an organisation number identifies one supplier (issue 3).
SupplierSchema.index({ orgNumber: 1 }, { unique: true });
SupplierSchema.index({ name: 1, _id: 1 });
SupplierSchema.index({ updatedAt: 1 });
