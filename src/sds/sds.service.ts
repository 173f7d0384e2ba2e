// SDS use cases: upload a revision, list and read revisions, download the original, compare two revisions.
// Who may: a product's own supplier, admins and experts upload; everyone reads (a supplier only its own
// products' revisions; another supplier's answer 404, as if they did not exist).
//
// Nothing is half-stored. The original goes to GridFS first (GridFS writes cannot join a transaction), then the
// revision and its audit entry commit in one transaction; if that fails, the file is deleted again. Unreadable
// files (not a PDF, empty, corrupt, encrypted, over the extraction budget, not an SDS) are refused before anything
// is written.
import type { Readable } from 'node:stream';
import type { AuditService } from '../audit/index.js';
import type { Product } from '../products/product.schema.js';
import { tenantOf, tokenOf, type Actor } from '../shared/actor.js';
import { ClientError, notFound, SystemError } from '../shared/errors.js';
import type { Page } from '../shared/http/pagination.js';
import type { Logger } from '../shared/logger.js';
import { duplicateKeyFields } from '../shared/mongo.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import { SdsFacts } from './extraction/facts.js';
import type { PoolOutcome } from './extraction-pool.js';
import { diffSdsFacts } from './sds-diff.js';
import { sha256Of, type SdsRepository } from './sds.repository.js';
import type { SdsDiff, SdsListQuery, SdsRevision, SdsRevisionItem, SdsStatus, SdsSummary } from './sds.schema.js';

export interface SdsFile {
  bytes: Uint8Array;
  /** As the client named it; cleaned before it is stored. */
  fileName: string;
}

export interface UploadResult {
  revision: SdsRevision;
  /** False when the same bytes were already a revision of the product: that revision is returned. */
  created: boolean;
}

// PDF 32000-1 §7.5.2: a PDF starts with the header `%PDF-1.x`. Readers (Acrobat, pdf.js) accept it anywhere in
// the first 1024 bytes, after junk some generators prepend; so do we.
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const HEADER_WINDOW = 1024;

export function createSdsService(deps: {
  revisions: SdsRepository;
  /** The product, if the caller may see it (products' own tenancy rule); else NOT_FOUND. */
  visibleProduct: (actor: Actor, id: string, session?: Session) => Promise<Product>;
  audit: AuditService;
  inTransaction: RunInTransaction;
  extract: (bytes: Uint8Array) => Promise<PoolOutcome>;
  /** Runs after a new revision is stored (screening the product); the revision stays stored whatever it does. */
  afterStored?: (revision: SdsRevision) => Promise<void>;
  logger?: Pick<Logger, 'warn' | 'error'>;
}) {
  const { revisions, visibleProduct, audit, inTransaction, extract, afterStored, logger } = deps;

  async function visibleRevision(actor: Actor, id: string): Promise<SdsRevision> {
    const revision = await revisions.findById(id);
    const tenant = tenantOf(actor);
    if (!revision || (tenant !== undefined && revision.supplierId !== tenant)) throw notFound('SDS revision', id);
    return revision;
  }

  /** The facts, and the version of the extraction rules that read them (stored, so old facts can be re-read). */
  async function extractFacts(bytes: Uint8Array): Promise<{ facts: SdsFacts; extractorVersion: string }> {
    const outcome = await extract(bytes);
    if (!outcome.ok && outcome.reason === 'extractor-threw') logger?.warn({ message: outcome.message }, 'the SDS extractor threw instead of naming why a PDF is unreadable');
    if (!outcome.ok) throw unreadable(outcome);
    const parsed = SdsFacts.safeParse(outcome.facts);
    if (!parsed.success) throw new SystemError('INTERNAL', 'the SDS extractor answered facts that do not match their schema', { cause: parsed.error });
    const facts = parsed.data;
    // A scan has no text to judge by: it is stored as needs-ocr. Text that is not an SDS is refused.
    if (facts.textLayer && !facts.isSds) {
      throw new ClientError('NOT_AN_SDS', 'the PDF does not look like a safety data sheet (no SDS title or numbered SDS sections were found)');
    }
    return { facts, extractorVersion: outcome.extractorVersion };
  }

  async function storeOriginal(product: Product, file: SdsFile & { sha256: string }): Promise<string> {
    return revisions.storeFile(file.bytes, file.fileName, { productId: product.id, sha256: file.sha256 });
  }

  async function discardOriginal(fileId: string): Promise<void> {
    try {
      await revisions.deleteFile(fileId);
    } catch (err) {
      // The revision was not stored, so nothing refers to this file; it is only wasted space. Say so loudly.
      logger?.error({ err, fileId }, 'could not delete the GridFS file of an SDS upload that was not stored');
    }
  }

  /** Revision and audit entry in one transaction; the file is already in GridFS and goes again on failure. */
  async function saveRevision(
    actor: Actor,
    product: Product,
    file: SdsFile & { sha256: string },
    { facts, extractorVersion }: { facts: SdsFacts; extractorVersion: string },
  ): Promise<UploadResult> {
    const fileId = await storeOriginal(product, file);
    try {
      // Two uploads of one product at once: both read the same last number, the second to commit gets a
      // retryable WriteConflict, and withTransaction runs it again with the next number.
      const revision = await inTransaction(async (session) => {
        await visibleProduct(actor, product.id, session); // still there
        const stored = await revisions.insert(
          {
            productId: product.id,
            supplierId: product.supplierId,
            revisionNumber: await revisions.nextRevisionNumber(product.id, session),
            status: statusOf(facts),
            fileId,
            fileName: file.fileName,
            size: file.bytes.byteLength,
            sha256: file.sha256,
            uploadedAt: new Date(),
            uploadedBy: tokenOf(actor),
            extractorVersion,
            summary: summarise(facts),
            facts,
          },
          session,
        );
        // The trail keeps the revision without its bulky facts: they are in the revision, which never changes.
        await audit.record(
          actor,
          { action: 'sds-revision.created', entityType: 'sds-revision', entityId: stored.id, supplierId: stored.supplierId, before: null, after: itemOf(stored) },
          session,
        );
        return stored;
      });
      return { revision, created: true };
    } catch (err) {
      await discardOriginal(fileId);
      if (duplicateKeyFields(err)?.includes('sha256')) {
        // The same bytes were stored by a concurrent upload a moment ago: that one is the revision.
        const winner = await revisions.findByContent(product.id, file.sha256);
        if (winner) return { revision: winner, created: false };
      }
      throw err;
    }
  }

  return {
    /** Store a new revision of the product's SDS, or return the existing one for the same bytes. */
    async upload(actor: Actor, productId: string, file: SdsFile): Promise<UploadResult> {
      const product = await visibleProduct(actor, productId);
      assertLooksLikePdf(file.bytes);
      const sha256 = sha256Of(file.bytes);
      const existing = await revisions.findByContent(product.id, sha256);
      if (existing) {
        // A client retries an upload whose answer it did not get: the revision may have been stored just before a
        // crash, and never screened. Screening is idempotent, so the retry screens the product again.
        await afterStored?.(existing);
        return { revision: existing, created: false };
      }
      const extracted = await extractFacts(file.bytes);
      const result = await saveRevision(actor, product, { bytes: file.bytes, fileName: cleanFileName(file.fileName), sha256 }, extracted);
      if (result.created) await afterStored?.(result.revision);
      return result;
    },

    async list(actor: Actor, productId: string, page: SdsListQuery): Promise<Page<SdsRevisionItem>> {
      const product = await visibleProduct(actor, productId);
      return revisions.listForProduct(product.id, page);
    },

    get: visibleRevision,

    /** The original bytes, as uploaded. */
    async original(actor: Actor, id: string): Promise<{ revision: SdsRevisionItem; stream: Readable }> {
      const found = await revisions.findFile(id);
      const tenant = tenantOf(actor);
      if (!found || (tenant !== undefined && found.supplierId !== tenant)) throw notFound('SDS revision', id);
      const { fileId, ...revision } = found;
      return { revision, stream: revisions.openFile(fileId) };
    },

    async diff(actor: Actor, fromId: string, toId: string): Promise<SdsDiff> {
      const from = await visibleRevision(actor, fromId);
      const to = await visibleRevision(actor, toId);
      return { from: refOf(from), to: refOf(to), ...diffSdsFacts(from.facts, to.facts) };
    },

    /** How many revisions a product has (a product with revisions cannot be deleted). */
    countForProduct: (productId: string, session?: Session) => revisions.countForProduct(productId, session),
  };
}
export type SdsService = ReturnType<typeof createSdsService>;

// ---------------------------------------------------------------------------------------------------------

/** Checked on the bytes, whatever the file is called. */
function assertLooksLikePdf(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw new ClientError('PDF_EMPTY', 'the file is empty');
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEADER_WINDOW));
  if (!head.includes(PDF_MAGIC)) throw new ClientError('NOT_A_PDF', 'the file is not a PDF (it has no %PDF- header), whatever its name says');
}

function unreadable(outcome: Extract<PoolOutcome, { ok: false }>): ClientError {
  switch (outcome.reason) {
    case 'empty':
      return new ClientError('PDF_EMPTY', `the PDF has no content: ${outcome.message}`);
    case 'not-pdf':
      return new ClientError('NOT_A_PDF', `the file is not a PDF: ${outcome.message}`);
    case 'corrupt':
      return new ClientError('PDF_CORRUPT', `the PDF is damaged or truncated and cannot be read: ${outcome.message}`);
    case 'extractor-threw':
      return new ClientError('PDF_CORRUPT', `the PDF cannot be read: ${outcome.message}`);
    case 'encrypted':
      return new ClientError('PDF_ENCRYPTED', `the PDF is encrypted or password-protected; upload an unprotected copy: ${outcome.message}`);
    case 'too-complex':
    case 'time-budget':
    case 'memory-budget':
    case 'worker-crashed':
      return new ClientError('PDF_TOO_COMPLEX', `the PDF could not be read within the limits set for one file: ${outcome.message}`);
  }
}

function statusOf(facts: SdsFacts): SdsStatus {
  if (!facts.textLayer) return 'needs-ocr';
  return facts.needsReview ? 'needs-review' : 'extracted';
}

export function summarise(facts: SdsFacts): SdsSummary {
  return {
    productName: facts.productName.value,
    supplierName: facts.supplierName.value,
    revisionDate: facts.revisionDate.value,
    version: facts.version.value,
    language: facts.language,
    format: facts.format,
    signalWord: facts.signalWord.value,
    hazardStatements: facts.hazardStatements.map((c) => c.code),
    euhStatements: facts.euhStatements.map((c) => c.code),
    pictograms: facts.pictograms.map((p) => p.code),
    substanceCount: facts.substances.length,
    needsReview: facts.needsReview,
  };
}

function itemOf(revision: SdsRevision): SdsRevisionItem {
  const { facts: _facts, ...item } = revision;
  return item;
}

const refOf = (r: SdsRevision) => ({ id: r.id, productId: r.productId, revisionNumber: r.revisionNumber, status: r.status, revisionDate: r.facts.revisionDate.value });

/**
 * The client's file name, made safe to store and to send back in Content-Disposition: no directories
 * (`C:\fakepath\sds.pdf`), no control characters, at most 255 characters; `sds.pdf` when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/\s+/g, ' ').replace(/\p{Cc}|\p{Cf}/gu, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return 'sds.pdf';
  return [...clean].slice(0, 255).join('');
}
