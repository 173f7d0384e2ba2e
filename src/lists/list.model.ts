import { Schema, type Types } from 'mongoose';
import type { ListEntry, ListKind } from './list-entry.js';
import type { ListVersion } from './list.schema.js';

/** A list's identity; its content lives in immutable versions. */
export interface ListDoc {
  _id: Types.ObjectId;
  listId: string;
  name: string;
  kind: ListKind;
  versionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export const ListSchema = new Schema<ListDoc>(
  {
    listId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
    versionCount: { type: Number, required: true },
  },
  { collection: 'lists', timestamps: true, versionKey: false, strict: 'throw' },
);
ListSchema.index({ listId: 1 }, { unique: true });

export interface ListVersionDoc extends Omit<ListVersion, 'id'> {
  _id: Types.ObjectId;
}

export const ListVersionSchema = new Schema<ListVersionDoc>(
  {
    listId: { type: String, required: true },
    version: { type: Number, required: true },
    format: { type: String, required: true },
    origin: { type: String, required: true },
    source: { type: Schema.Types.Mixed, required: true },
    listDate: { type: String, default: null },
    rowCount: { type: Number, required: true },
    entryCount: { type: Number, required: true },
    warnings: { type: Schema.Types.Mixed, required: true },
    importedAt: { type: Date, required: true },
    importedBy: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'listVersions', versionKey: false, strict: 'throw', minimize: false },
);
// Version numbers are unique per list, and one file (by SHA-256) is one version of a list: importing it again
// answers the existing version.
ListVersionSchema.index({ listId: 1, version: 1 }, { unique: true });
ListVersionSchema.index({ listId: 1, 'source.sha256': 1 }, { unique: true });

/** One entry of one version, stored apart so a list of thousands of entries is never one huge document. */
export interface ListEntryDoc extends ListEntry {
  _id: Types.ObjectId;
  versionId: Types.ObjectId;
  listId: string;
}

export const ListEntrySchema = new Schema<ListEntryDoc>(
  {
    versionId: { type: Schema.Types.ObjectId, required: true },
    listId: { type: String, required: true },
    key: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    cas: { type: [String], default: [] },
    ec: { type: [String], default: [] },
    indexNumbers: { type: [String], default: [] },
    group: { type: Boolean, required: true },
    members: { type: Schema.Types.Mixed, required: true },
    element: { type: String, default: null },
    reasons: { type: [String], default: [] },
    dateOfInclusion: { type: String, default: null },
    entryNumber: { type: String, default: null },
    hazardClasses: { type: [String], default: [] },
    hazardCodes: { type: [String], default: [] },
    specificLimits: { type: Schema.Types.Mixed, required: true },
    limit: { type: Schema.Types.Mixed, default: null },
    sunsetDate: { type: String, default: null },
    latestApplicationDate: { type: String, default: null },
    appliesFrom: { type: String, default: null },
    upcoming: { type: Boolean, required: true },
    ruleHazardCodes: { type: [String], default: [] },
    link: { type: String, default: null },
  },
  { collection: 'listEntries', versionKey: false, strict: 'throw', minimize: false },
);
ListEntrySchema.index({ versionId: 1, key: 1 }, { unique: true });
