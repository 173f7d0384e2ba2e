import { Schema, type Types } from 'mongoose';
import type { Role } from '../shared/actor.js';

export interface TokenDoc {
  _id: Types.ObjectId;
  name: string;
  role: Role;
  supplierId?: string;
  /** SHA-256 of the secret, hex. The secret itself is never stored. */
  hash: string;
  prefix: string;
  createdAt: Date;
  createdBy: string;
  revokedAt?: Date;
  revokedBy?: string;
}

export const TokenSchema = new Schema<TokenDoc>(
  {
    name: { type: String, required: true },
    role: { type: String, required: true },
    supplierId: { type: String },
    hash: { type: String, required: true },
    prefix: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    revokedAt: { type: Date },
    revokedBy: { type: String },
  },
  { collection: 'tokens', versionKey: false, strict: 'throw' },
);
TokenSchema.index({ hash: 1 }, { unique: true });
TokenSchema.index({ supplierId: 1 });
