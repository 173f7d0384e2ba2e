import { Schema, type Types } from 'mongoose';
import type { Product } from './product.schema.js';

/** The stored form of a Product: the same fields, keyed by _id. */
export interface ProductDoc extends Omit<Product, 'id'> {
  _id: Types.ObjectId;
}

export const ProductSchema = new Schema<ProductDoc>(
  {
    supplierId: { type: String, required: true },
    name: { type: String, required: true },
    tradeName: { type: String },
    supplierArticleNumbers: { type: [String], default: [] },
    buyerArticleNumbers: { type: [String], default: [] },
    category: { type: String },
    kind: { type: String, required: true },
    contractIds: { type: [String], default: [] },
    intendedUse: { type: String },
  },
  { collection: 'products', timestamps: true, versionKey: false, strict: 'throw' },
);
// Every supplier-scoped query starts with supplierId; lists sort by name.
ProductSchema.index({ supplierId: 1, name: 1, _id: 1 });
ProductSchema.index({ contractIds: 1 });
// A bulk declaration finds the supplier's products by their article numbers.
ProductSchema.index({ supplierId: 1, supplierArticleNumbers: 1 });
ProductSchema.index({ name: 1, _id: 1 });
// What changed since the search index last looked (search.service.ts).
ProductSchema.index({ updatedAt: 1 });
