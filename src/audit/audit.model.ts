import { Schema, type Types } from 'mongoose';
import type { AuditEntry } from './audit.schema.js';

/** The stored form of an AuditEntry: the same fields, keyed by _id. */
export interface AuditDoc extends Omit<AuditEntry, 'id'> {
  _id: Types.ObjectId;
}

export const AuditSchema = new Schema<AuditDoc>(
  {
    at: { type: Date, required: true },
    requestId: { type: String, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    action: { type: String, required: true },
    entityType: { type: String, required: true },
    entityId: { type: String, required: true },
    supplierId: { type: String },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'audit', versionKey: false, strict: 'throw', minimize: false },
);
AuditSchema.index({ at: -1, _id: -1 });
AuditSchema.index({ entityType: 1, entityId: 1, at: -1 });
AuditSchema.index({ 'actor.tokenId': 1, at: -1 });

// The trail is append-only: no code path may change or remove an entry. These hooks make any attempt
// through mongoose fail loudly rather than silently rewrite history.
const immutable = (): never => {
  throw new Error('audit entries are immutable');
};
AuditSchema.pre(
  ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'deleteOne', 'deleteMany', 'findOneAndDelete'],
  immutable,
);
// save() of a loaded entry and bulkWrite() write without query middleware; appending (save() of a new entry,
// insertOne in a bulk) stays allowed.
AuditSchema.pre('save', function () {
  if (!this.isNew) immutable();
});
AuditSchema.pre('bulkWrite', function (ops) {
  if (ops.some((op) => !('insertOne' in op))) immutable();
});
