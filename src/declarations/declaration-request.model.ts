import { Schema, type Types } from 'mongoose';
import type { DeclarationRequest } from './declaration-request.schema.js';

/** The stored form of a DeclarationRequest. `overdue` and `outstanding` depend on the day and are computed on read. */
export interface DeclarationRequestDoc extends Omit<DeclarationRequest, 'id' | 'overdue' | 'outstanding'> {
  _id: Types.ObjectId;
}

const Person = { tokenId: { type: String, required: true }, tokenName: { type: String, required: true }, role: { type: String, required: true } };

export const DeclarationRequestSchema = new Schema<DeclarationRequestDoc>(
  {
    supplierId: { type: String, required: true },
    productId: { type: String, default: null },
    contractId: { type: String, default: null },
    dueDate: { type: String, required: true },
    message: { type: String, default: null },
    status: { type: String, required: true },
    products: {
      type: [new Schema({ productId: { type: String, required: true }, declarationId: { type: String, default: null }, answeredAt: { type: Date, default: null } }, { _id: false, strict: 'throw' })],
      required: true,
    },
    requestedAt: { type: Date, required: true },
    requestedBy: { type: new Schema(Person, { _id: false, strict: 'throw' }), required: true },
    fulfilledAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    cancelledBy: { type: new Schema(Person, { _id: false, strict: 'throw' }), default: null },
  },
  { collection: 'declarationRequests', versionKey: false, strict: 'throw' },
);
// A supplier's requests, open first by due date; the open requests a new declaration may answer; a contract's.
DeclarationRequestSchema.index({ supplierId: 1, status: 1, dueDate: 1 });
DeclarationRequestSchema.index({ 'products.productId': 1, status: 1 });
DeclarationRequestSchema.index({ contractId: 1 });
DeclarationRequestSchema.index({ status: 1, dueDate: 1 });
