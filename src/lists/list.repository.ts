// Lists, their immutable versions and the versions' entries in MongoDB, returned as plain objects.
import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { escapeRegex, findPage, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import type { ListEntry, ListKind } from './list-entry.js';
import { ListEntrySchema, ListSchema, ListVersionSchema, type ListDoc, type ListEntryDoc, type ListVersionDoc } from './list.model.js';
import type { ListVersion } from './list.schema.js';

export interface StoredList {
  listId: string;
  name: string;
  kind: ListKind;
  versionCount: number;
}

const toList = (doc: ListDoc): StoredList => ({ listId: doc.listId, name: doc.name, kind: doc.kind, versionCount: doc.versionCount });

const toVersion = (doc: ListVersionDoc): ListVersion => ({
  id: doc._id.toHexString(),
  listId: doc.listId,
  version: doc.version,
  format: doc.format,
  origin: doc.origin,
  source: { fileName: doc.source.fileName, sha256: doc.source.sha256, size: doc.source.size },
  listDate: doc.listDate,
  rowCount: doc.rowCount,
  entryCount: doc.entryCount,
  warnings: doc.warnings,
  importedAt: doc.importedAt,
  importedBy: { tokenId: doc.importedBy.tokenId, tokenName: doc.importedBy.tokenName, role: doc.importedBy.role },
});

const toEntry = (doc: ListEntryDoc): ListEntry => ({
  key: doc.key,
  name: doc.name,
  description: doc.description,
  cas: [...doc.cas],
  ec: [...doc.ec],
  indexNumbers: [...doc.indexNumbers],
  group: doc.group,
  members: doc.members,
  element: doc.element,
  reasons: [...doc.reasons],
  dateOfInclusion: doc.dateOfInclusion,
  entryNumber: doc.entryNumber,
  hazardClasses: [...doc.hazardClasses],
  hazardCodes: [...doc.hazardCodes],
  specificLimits: doc.specificLimits,
  limit: doc.limit,
  sunsetDate: doc.sunsetDate,
  latestApplicationDate: doc.latestApplicationDate,
  appliesFrom: doc.appliesFrom,
  upcoming: doc.upcoming,
  ruleHazardCodes: [...doc.ruleHazardCodes],
  link: doc.link,
});

// Entries are written in batches: one insert of 4,000 documents is a large single command for no benefit.
const INSERT_BATCH = 500;

export function createListRepository(connection: Connection) {
  const Lists = modelOn(connection, 'RegulatoryList', ListSchema);
  const Versions = modelOn(connection, 'ListVersion', ListVersionSchema);
  const Entries = modelOn(connection, 'ListEntry', ListEntrySchema);

  return {
    /** Creates the three collections' indexes (unique ones carry the version rules). */
    async init(): Promise<void> {
      await Lists.init();
      await Versions.init();
      await Entries.init();
    },

    async findList(listId: string, session?: Session): Promise<StoredList | undefined> {
      const doc = await Lists.findOne({ listId }).session(session ?? null).lean<ListDoc>();
      return doc ? toList(doc) : undefined;
    },

    async lists(page: PageRequest): Promise<Page<StoredList>> {
      return findPage(Lists, {}, { listId: 1 }, page, toList);
    },

    async allLists(): Promise<StoredList[]> {
      return (await Lists.find({}).sort({ listId: 1 }).lean<ListDoc[]>()).map(toList);
    },

    /** Creates the list on its first version, or counts one more version; answers the new version number. */
    async nextVersion(list: { listId: string; name: string; kind: ListKind }, session: Session): Promise<number> {
      const doc = await Lists.findOneAndUpdate(
        { listId: list.listId },
        { $inc: { versionCount: 1 }, $setOnInsert: { name: list.name, kind: list.kind } },
        { upsert: true, returnDocument: 'after', session },
      ).lean<ListDoc>();
      // An upsert returning the document after it always finds one.
      if (!doc) throw new Error(`list ${list.listId}: upsert returned no document`);
      return doc.versionCount;
    },

    async findVersionBySource(listId: string, sha256: string, session?: Session): Promise<ListVersion | undefined> {
      const doc = await Versions.findOne({ listId, 'source.sha256': sha256 }).session(session ?? null).lean<ListVersionDoc>();
      return doc ? toVersion(doc) : undefined;
    },

    async findVersion(listId: string, version: number): Promise<ListVersion | undefined> {
      const doc = await Versions.findOne({ listId, version }).lean<ListVersionDoc>();
      return doc ? toVersion(doc) : undefined;
    },

    async latestVersion(listId: string, session?: Session): Promise<ListVersion | undefined> {
      const doc = await Versions.findOne({ listId }).sort({ version: -1 }).session(session ?? null).lean<ListVersionDoc>();
      return doc ? toVersion(doc) : undefined;
    },

    /** The most recently imported version of any list: when the lists were last updated. */
    async latestImport(): Promise<ListVersion | undefined> {
      const doc = await Versions.findOne({}).sort({ importedAt: -1, _id: -1 }).lean<ListVersionDoc>();
      return doc ? toVersion(doc) : undefined;
    },

    /** The id of every list's latest version, in list order: one query, for telling whether anything changed. */
    async latestVersionIds(): Promise<string[]> {
      const docs = await Versions.find({}, { listId: 1, version: 1 }).lean<Array<Pick<ListVersionDoc, '_id' | 'listId' | 'version'>>>();
      const latest = new Map<string, { version: number; id: string }>();
      for (const d of docs) {
        const seen = latest.get(d.listId);
        if (!seen || d.version > seen.version) latest.set(d.listId, { version: d.version, id: d._id.toHexString() });
      }
      return [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v.id);
    },

    async versions(listId: string, page: PageRequest): Promise<Page<ListVersion>> {
      return findPage(Versions, { listId }, { version: -1 }, page, toVersion);
    },

    async insertVersion(fields: Omit<ListVersion, 'id'>, entries: readonly ListEntry[], session: Session): Promise<ListVersion> {
      const [doc] = await Versions.create([fields], { session });
      const version = toVersion(doc!.toObject());
      for (let i = 0; i < entries.length; i += INSERT_BATCH) {
        const batch = entries.slice(i, i + INSERT_BATCH).map((entry) => ({ ...entry, versionId: doc!._id, listId: fields.listId }));
        await Entries.insertMany(batch, { session, ordered: true });
      }
      return version;
    },

    async entries(versionId: string): Promise<ListEntry[]> {
      return (await Entries.find({ versionId }).sort({ key: 1 }).lean<ListEntryDoc[]>()).map(toEntry);
    },

    async entryPage(versionId: string, q: string | undefined, page: PageRequest): Promise<Page<ListEntry>> {
      const query: Record<string, unknown> = { versionId };
      if (q !== undefined) query.$or = [{ name: { $regex: escapeRegex(q), $options: 'i' } }, { cas: q }, { ec: q }, { indexNumbers: q }];
      return findPage(Entries, query, { key: 1 }, page, toEntry);
    },
  };
}
export type ListRepository = ReturnType<typeof createListRepository>;
