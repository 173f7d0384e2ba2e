// Declaration revisions in MongoDB, returned as plain objects.
import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { toObjectId } from '../shared/ids.js';
import { findPage, latestPerProduct, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import type { DeclarationContent } from './declaration-content.js';
import { DeclarationSchema, type DeclarationDoc } from './declaration.model.js';
import type { DeclarationItem, DeclarationRevision } from './declaration.schema.js';

export type DeclarationFields = Omit<DeclarationRevision, 'id'> & { original: Uint8Array };

const toItem = (doc: Omit<DeclarationDoc, 'content' | 'original'>): DeclarationItem => ({
  id: doc._id.toHexString(),
  productId: doc.productId,
  supplierId: doc.supplierId,
  revisionNumber: doc.revisionNumber,
  format: doc.format,
  fileName: doc.fileName,
  size: doc.size,
  sha256: doc.sha256,
  submittedAt: doc.submittedAt,
  submittedBy: { tokenId: doc.submittedBy.tokenId, tokenName: doc.submittedBy.tokenName, role: doc.submittedBy.role },
  summary: doc.summary,
});

const toRevision = (doc: Omit<DeclarationDoc, 'original'>): DeclarationRevision => ({ ...toItem(doc), content: doc.content });

/** A declaration revision's number and submission time, as a follow-up reads them. */
export interface DeclarationSubmission {
  id: string;
  productId: string;
  revisionNumber: number;
  submittedAt: Date;
}

/** What screening reads of a declaration. */
export interface DeclarationForScreening {
  id: string;
  content: DeclarationContent;
}

export function createDeclarationRepository(connection: Connection) {
  const Declarations = modelOn(connection, 'Declaration', DeclarationSchema);

  return {
    model: Declarations,

    async findById(id: string, session?: Session): Promise<DeclarationRevision | undefined> {
      const doc = await Declarations.findById(toObjectId(id), { original: 0 }).session(session ?? null).lean<DeclarationDoc>();
      return doc ? toRevision(doc) : undefined;
    },

    async original(id: string): Promise<(DeclarationItem & { bytes: Uint8Array }) | undefined> {
      const doc = await Declarations.findById(toObjectId(id), { content: 0 }).lean<DeclarationDoc>();
      if (!doc) return undefined;
      // lean() hands BSON binary back as a Binary; its buffer is the bytes as stored.
      const original = doc.original as unknown as { buffer: Uint8Array } | Buffer;
      return { ...toItem(doc), bytes: Buffer.isBuffer(original) ? original : original.buffer };
    },

    async findByContent(productId: string, sha256: string, session?: Session): Promise<DeclarationRevision | undefined> {
      const doc = await Declarations.findOne({ productId, sha256 }, { original: 0 }).session(session ?? null).lean<DeclarationDoc>();
      return doc ? toRevision(doc) : undefined;
    },

    /** Newest first, without content. */
    async listForProduct(productId: string, page: PageRequest): Promise<Page<DeclarationItem>> {
      return findPage(Declarations, { productId }, { revisionNumber: -1 }, page, toItem, { content: 0, original: 0 });
    },

    /** Each product's latest declaration, with what screening reads. */
    async latestForProducts(productIds: readonly string[]): Promise<Map<string, DeclarationForScreening>> {
      const docs = await Declarations.find({ productId: { $in: [...productIds] } }, { productId: 1, revisionNumber: 1, content: 1 })
        .lean<Array<Pick<DeclarationDoc, '_id' | 'productId' | 'revisionNumber' | 'content'>>>();
      return latestPerProduct(docs, (doc): DeclarationForScreening => ({ id: doc._id.toHexString(), content: doc.content }));
    },

    /** Every declaration revision of these products, without content. */
    async submissionsForProducts(productIds: readonly string[]): Promise<DeclarationSubmission[]> {
      if (productIds.length === 0) return [];
      const docs = await Declarations.find({ productId: { $in: [...productIds] } }, { productId: 1, revisionNumber: 1, submittedAt: 1 })
        .lean<Array<Pick<DeclarationDoc, '_id' | 'productId' | 'revisionNumber' | 'submittedAt'>>>();
      return docs.map((doc) => ({ id: doc._id.toHexString(), productId: doc.productId, revisionNumber: doc.revisionNumber, submittedAt: doc.submittedAt }));
    },

    /** Products with a declaration submitted at or after `since`. */
    async productIdsWithDeclarationsSince(since: Date): Promise<string[]> {
      return Declarations.distinct('productId', { submittedAt: { $gte: since } });
    },

    async countForProduct(productId: string, session?: Session): Promise<number> {
      return Declarations.countDocuments({ productId }).session(session ?? null);
    },

    async count(): Promise<number> {
      return Declarations.countDocuments({});
    },

    /** Every product with at least one declaration, each once. */
    async productIdsWithDeclarations(): Promise<string[]> {
      return Declarations.distinct('productId');
    },

    async nextRevisionNumber(productId: string, session: Session): Promise<number> {
      const last = await Declarations.findOne({ productId }, { revisionNumber: 1 }).sort({ revisionNumber: -1 }).session(session).lean<Pick<DeclarationDoc, 'revisionNumber'>>();
      return (last?.revisionNumber ?? 0) + 1;
    },

    async insert(fields: DeclarationFields, session: Session): Promise<DeclarationRevision> {
      const [doc] = await Declarations.create([{ ...fields, original: Buffer.from(fields.original) }], { session });
      const { original: _original, ...stored } = doc!.toObject();
      return toRevision(stored);
    },
  };
}
export type DeclarationRepository = ReturnType<typeof createDeclarationRepository>;
