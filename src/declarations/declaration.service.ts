// Declaration use cases: submit a product's declaration (a new revision), list and read revisions, download the
// original, compare two revisions. Who may: the product's own supplier, admins and experts submit; everyone reads (a
// supplier only its own products' declarations; another supplier's answer 404). A stored declaration is screened at
// once, like an SDS revision (issue 6 "feed screening exactly like SDS composition").
import type { AuditService } from '../audit/index.js';
import type { Product } from '../products/product.schema.js';
import { tenantOf, tokenOf, type Actor } from '../shared/actor.js';
import { ClientError, notFound, SystemError } from '../shared/errors.js';
import type { Page } from '../shared/http/pagination.js';
import { duplicateKeyFields } from '../shared/mongo.js';
import { sha256Of } from '../sds/sds.repository.js';
import { cleanFileName } from '../sds/sds.service.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import { DeclarationContent } from './declaration-content.js';
import { diffDeclarations, locatedSubstances } from './declaration-diff.js';
import type { DeclarationFields, DeclarationRepository } from './declaration.repository.js';
import type { DeclarationDiff, DeclarationItem, DeclarationListQuery, DeclarationRevision, DeclarationSummary } from './declaration.schema.js';
import { DeclarationError } from './declared-values.js';
import { parseDeclarationFile } from './formats/index.js';

/** Declarations are structured text: 8 MiB is far above any real one, and keeps a revision well inside a document. */
export const MAX_DECLARATION_BYTES = 8 * 1024 * 1024;

/** What a new revision is made of; its number, size, format, summary and submitter are derived. */
export type NewRevision = Pick<DeclarationFields, 'productId' | 'supplierId' | 'fileName' | 'sha256' | 'content' | 'original'>;

export interface DeclarationFile {
  bytes: Uint8Array;
  fileName: string;
}

export function toClientError(err: DeclarationError): ClientError {
  return new ClientError(err.code, err.message, { issues: err.issues.map((i) => ({ path: i.path.startsWith('body.') ? i.path : `body.file.${i.path}`, message: i.message })) });
}

export function summariseDeclaration(content: DeclarationContent): DeclarationSummary {
  return {
    productName: content.productName,
    productNumber: content.productNumber,
    declaredAt: content.declaredAt,
    declarationClass: content.declarationClass,
    components: content.components.length,
    materials: content.components.reduce((n, c) => n + c.materials.length, 0),
    substances: locatedSubstances(content).length,
    listAnswers: content.listAnswers.length,
    scipNumbers: [...content.scipNumbers],
    statements: content.statements.map((s) => s.code),
    warnings: content.warnings.length,
  };
}

export function createDeclarationService(deps: {
  declarations: DeclarationRepository;
  visibleProduct: (actor: Actor, id: string, session?: Session) => Promise<Product>;
  audit: AuditService;
  inTransaction: RunInTransaction;
  /** Runs after a new revision is stored (screening the product); the revision stays stored whatever it does. */
  afterStored?: (revision: DeclarationRevision) => Promise<void>;
  /** A declaration of the product was submitted, new or already stored: it answers open declaration requests. */
  answered?: (actor: Actor, productId: string, declarationId: string, session: Session) => Promise<void>;
}) {
  const { declarations, visibleProduct, audit, inTransaction, afterStored, answered } = deps;

  /** The same content again: no new revision, but the supplier has answered whatever asked for it. */
  async function resubmitted(actor: Actor, revision: DeclarationRevision): Promise<{ revision: DeclarationRevision; created: false }> {
    if (answered) await inTransaction((session) => answered(actor, revision.productId, revision.id, session));
    // It may have been stored just before a crash and never screened (see the SDS upload): screening is idempotent.
    await afterStored?.(revision);
    return { revision, created: false };
  }

  async function visibleRevision(actor: Actor, id: string): Promise<DeclarationRevision> {
    const revision = await declarations.findById(id);
    const tenant = tenantOf(actor);
    if (!revision || (tenant !== undefined && revision.supplierId !== tenant)) throw notFound('declaration', id);
    return revision;
  }

  function parse(bytes: Uint8Array): DeclarationContent {
    let content: DeclarationContent;
    try {
      content = parseDeclarationFile(bytes);
    } catch (err) {
      if (err instanceof DeclarationError) throw toClientError(err);
      throw err;
    }
    const checked = DeclarationContent.safeParse(content);
    if (!checked.success) throw new SystemError('INTERNAL', 'a declaration parser answered content that does not match its schema', { cause: checked.error });
    return checked.data;
  }

  const itemOf = ({ content: _content, ...item }: DeclarationRevision): DeclarationItem => item;

  /** Inside `session`: the product's next declaration revision, audited, answering the requests that wait for it. */
  async function storeRevision(actor: Actor, fields: NewRevision, session: Session): Promise<DeclarationRevision> {
    const stored = await declarations.insert(
      {
        ...fields,
        revisionNumber: await declarations.nextRevisionNumber(fields.productId, session),
        format: fields.content.format,
        size: fields.original.byteLength,
        submittedAt: new Date(),
        submittedBy: tokenOf(actor),
        summary: summariseDeclaration(fields.content),
      },
      session,
    );
    await audit.record(actor, { action: 'declaration.created', entityType: 'declaration', entityId: stored.id, supplierId: stored.supplierId, before: null, after: itemOf(stored) }, session);
    await answered?.(actor, stored.productId, stored.id, session);
    return stored;
  }

  return {
    /** Store a new revision of the product's declaration, or answer the existing one for the same bytes. */
    async submit(actor: Actor, productId: string, file: DeclarationFile): Promise<{ revision: DeclarationRevision; created: boolean }> {
      const product = await visibleProduct(actor, productId);
      if (file.bytes.byteLength === 0) throw new ClientError('VALIDATION_FAILED', 'the declaration file is empty', { issues: [{ path: 'body.file', message: 'the file is empty' }] });
      if (file.bytes.byteLength > MAX_DECLARATION_BYTES) throw new ClientError('PAYLOAD_TOO_LARGE', `a declaration file may be at most ${MAX_DECLARATION_BYTES} bytes`);
      const sha256 = sha256Of(file.bytes);
      const existing = await declarations.findByContent(product.id, sha256);
      if (existing) return resubmitted(actor, existing);
      const content = parse(file.bytes);
      let revision: DeclarationRevision;
      try {
        revision = await inTransaction(async (session) => {
          await visibleProduct(actor, product.id, session); // still there
          return storeRevision(actor, { productId: product.id, supplierId: product.supplierId, fileName: cleanFileName(file.fileName), sha256, content, original: file.bytes }, session);
        });
      } catch (err) {
        if (duplicateKeyFields(err)?.includes('sha256')) {
          // The same bytes were stored by a concurrent submission a moment ago: that one is the revision.
          const winner = await declarations.findByContent(product.id, sha256);
          if (winner) return resubmitted(actor, winner);
        }
        throw err;
      }
      await afterStored?.(revision);
      return { revision, created: true };
    },

    async list(actor: Actor, productId: string, page: DeclarationListQuery): Promise<Page<DeclarationItem>> {
      const product = await visibleProduct(actor, productId);
      return declarations.listForProduct(product.id, page);
    },

    get: visibleRevision,

    async original(actor: Actor, id: string): Promise<DeclarationItem & { bytes: Uint8Array }> {
      const found = await declarations.original(id);
      const tenant = tenantOf(actor);
      if (!found || (tenant !== undefined && found.supplierId !== tenant)) throw notFound('declaration', id);
      return found;
    },

    async diff(actor: Actor, fromId: string, toId: string): Promise<DeclarationDiff> {
      const from = await visibleRevision(actor, fromId);
      const to = await visibleRevision(actor, toId);
      return { from: { id: from.id, revisionNumber: from.revisionNumber }, to: { id: to.id, revisionNumber: to.revisionNumber }, ...diffDeclarations(from.content, to.content) };
    },

    countForProduct: (productId: string, session?: Session) => declarations.countForProduct(productId, session),

    storeRevision,
  };
}
export type DeclarationService = ReturnType<typeof createDeclarationService>;
