// SDS revisions in MongoDB and their original PDFs in GridFS, returned as plain objects.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { toObjectId } from '../shared/ids.js';
import { countBy, findPage, latestPerProduct, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { SDS_BUCKET, SdsRevisionSchema, type SdsRevisionDoc } from './sds.model.js';
import type { SdsRevision, SdsRevisionItem } from './sds.schema.js';
import type { ScreenedSubstance } from '../screening/screening.types.js';
import { readScreeningForm, screenedSubstanceOf, screeningFormOf, type ScreenedSubstanceFact } from './screening-form.js';

/** A revision as stored, before it has an id: the record plus the GridFS id of its original. */
export type SdsRevisionFields = Omit<SdsRevision, 'id'> & { fileId: string };

const toItem = (doc: Omit<SdsRevisionDoc, 'facts'>): SdsRevisionItem => ({
  id: doc._id.toHexString(),
  productId: doc.productId,
  supplierId: doc.supplierId,
  revisionNumber: doc.revisionNumber,
  status: doc.status,
  fileName: doc.fileName,
  size: doc.size,
  sha256: doc.sha256,
  uploadedAt: doc.uploadedAt,
  uploadedBy: { tokenId: doc.uploadedBy.tokenId, tokenName: doc.uploadedBy.tokenName, role: doc.uploadedBy.role },
  extractorVersion: doc.extractorVersion,
  summary: doc.summary,
});

const toRevision = (doc: SdsRevisionDoc): SdsRevision => ({ ...toItem(doc), facts: doc.facts });

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What screening reads of a revision: its section 3 as the matcher takes it. */
export interface RevisionSubstances {
  id: string;
  substances: ScreenedSubstance[];
}

/** A revision's dates, as a follow-up reads them: the SDS's own revision date (summary) and when it was uploaded. */
export interface SdsRevisionDates {
  id: string;
  productId: string;
  revisionNumber: number;
  status: SdsRevisionItem['status'];
  revisionDate: string | null;
  uploadedAt: Date;
}

/** What lists of revisions leave out: the facts, and section 3 again in screening's form. */
const WITHOUT_CONTENT = { facts: 0, screening: 0 } as const;

// For revisions stored before the compact form: only what screening uses is read.
const SCREENED_FIELDS = Object.fromEntries(
  ['name', 'cas.value', 'cas.valid', 'ec.value', 'ec.valid', 'indexNumber.value', 'indexNumber.valid', 'concentration', 'hazardCodes', 'evidence'].map((f) => [`facts.substances.${f}`, 1]),
);

export function createSdsRepository(connection: Connection) {
  const Revisions = modelOn(connection, 'SdsRevision', SdsRevisionSchema);
  // The driver's GridFS on the connection's database; created on first use (the connection is open by then).
  let bucket: GridFSBucket | undefined;
  const files = (): GridFSBucket => (bucket ??= new GridFSBucket(connection.db!, { bucketName: SDS_BUCKET }));

  return {
    model: Revisions,

    async findById(id: string, session?: Session): Promise<SdsRevision | undefined> {
      const doc = await Revisions.findById(toObjectId(id), { screening: 0 }).session(session ?? null).lean<SdsRevisionDoc>();
      return doc ? toRevision(doc) : undefined;
    },

    /** The GridFS id of a revision's original, with the fields a download needs. */
    async findFile(id: string): Promise<(SdsRevisionItem & { fileId: string }) | undefined> {
      const doc = await Revisions.findById(toObjectId(id), WITHOUT_CONTENT).lean<SdsRevisionDoc>();
      return doc ? { ...toItem(doc), fileId: doc.fileId.toHexString() } : undefined;
    },

    async findByContent(productId: string, sha256: string, session?: Session): Promise<SdsRevision | undefined> {
      const doc = await Revisions.findOne({ productId, sha256 }, { screening: 0 }).session(session ?? null).lean<SdsRevisionDoc>();
      return doc ? toRevision(doc) : undefined;
    },

    /** Newest first; list items leave the facts out. */
    async listForProduct(productId: string, page: PageRequest): Promise<Page<SdsRevisionItem>> {
      return findPage(Revisions, { productId }, { revisionNumber: -1 }, page, toItem, WITHOUT_CONTENT);
    },

    /**
     * Each product's latest readable revision, with only what screening reads: its id and section 3. The revisions are
     * numbered first and only the latest one's substances are read, so older revisions cost next to nothing.
     */
    async latestSubstancesForProducts(productIds: readonly string[]): Promise<Map<string, RevisionSubstances>> {
      const numbered = await Revisions.find({ productId: { $in: [...productIds] }, status: { $ne: 'needs-ocr' } }, { productId: 1, revisionNumber: 1 })
        .lean<Array<Pick<SdsRevisionDoc, '_id' | 'productId' | 'revisionNumber'>>>();
      const latest = [...latestPerProduct(numbered, (doc) => doc._id).values()];
      if (latest.length === 0) return new Map();
      const out = new Map<string, RevisionSubstances>();
      const compact = await Revisions.find({ _id: { $in: latest } }, { productId: 1, screening: 1 }).lean<Array<Pick<SdsRevisionDoc, '_id' | 'productId' | 'screening'>>>();
      const older: typeof latest = [];
      for (const doc of compact) {
        if (doc.screening === undefined) older.push(doc._id);
        else out.set(doc.productId, { id: doc._id.toHexString(), substances: readScreeningForm(doc._id.toHexString(), doc.screening) });
      }
      if (older.length > 0) {
        const docs = await Revisions.find({ _id: { $in: older } }, { productId: 1, ...SCREENED_FIELDS })
          .lean<Array<Pick<SdsRevisionDoc, '_id' | 'productId'> & { facts: { substances: ScreenedSubstanceFact[] } }>>();
        for (const doc of docs) {
          const id = doc._id.toHexString();
          out.set(doc.productId, { id, substances: doc.facts.substances.map((fact, row) => screenedSubstanceOf(id, row, fact)) });
        }
      }
      return out;
    },

    /** Every revision of these products, with only its numbers and dates. */
    async datesForProducts(productIds: readonly string[]): Promise<SdsRevisionDates[]> {
      if (productIds.length === 0) return [];
      const docs = await Revisions.find({ productId: { $in: [...productIds] } }, { productId: 1, revisionNumber: 1, status: 1, 'summary.revisionDate': 1, uploadedAt: 1 })
        .lean<Array<Pick<SdsRevisionDoc, '_id' | 'productId' | 'revisionNumber' | 'status' | 'uploadedAt'> & { summary: { revisionDate?: string | null } }>>();
      return docs.map((doc) => ({
        id: doc._id.toHexString(),
        productId: doc.productId,
        revisionNumber: doc.revisionNumber,
        status: doc.status,
        revisionDate: doc.summary.revisionDate ?? null,
        uploadedAt: doc.uploadedAt,
      }));
    },

    /** Products with a revision stored at or after `since`. */
    async productIdsWithRevisionsSince(since: Date): Promise<string[]> {
      return Revisions.distinct('productId', { uploadedAt: { $gte: since } });
    },

    async countForProduct(productId: string, session?: Session): Promise<number> {
      return Revisions.countDocuments({ productId }).session(session ?? null);
    },

    /** How many revisions there are in each status (statuses without revisions are absent). */
    async countByStatus(): Promise<Map<string, number>> {
      return countBy(Revisions, 'status');
    },

    /** Every product with at least one revision, each once. */
    async productIdsWithRevisions(): Promise<string[]> {
      return Revisions.distinct('productId');
    },

    async nextRevisionNumber(productId: string, session: Session): Promise<number> {
      const last = await Revisions.findOne({ productId }, { revisionNumber: 1 }).sort({ revisionNumber: -1 }).session(session).lean<Pick<SdsRevisionDoc, 'revisionNumber'>>();
      return (last?.revisionNumber ?? 0) + 1;
    },

    async insert(fields: SdsRevisionFields, session: Session): Promise<SdsRevision> {
      const [doc] = await Revisions.create([{ ...fields, fileId: toObjectId(fields.fileId), screening: screeningFormOf(fields.facts.substances) }], { session });
      return toRevision(doc!.toObject());
    },

    /** Write an original to GridFS (outside any transaction: GridFS writes are not transactional). */
    async storeFile(bytes: Uint8Array, fileName: string, metadata: { productId: string; sha256: string }): Promise<string> {
      const upload = files().openUploadStream(fileName, { metadata: { ...metadata, contentType: 'application/pdf' } });
      await pipeline(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), upload);
      return upload.id.toHexString();
    },

    async deleteFile(fileId: string): Promise<void> {
      await files().delete(new ObjectId(fileId));
    },

    openFile(fileId: string): Readable {
      return files().openDownloadStream(new ObjectId(fileId));
    },
  };
}
export type SdsRepository = ReturnType<typeof createSdsRepository>;
