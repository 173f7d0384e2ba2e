// The bulk declaration use case (issue 6): a supplier declares the content of many products in one CSV or XLSX file,
// one row per product × component × material × substance. Each product number names one of the supplier's products
// (by its supplier article number) or, with a product name, a new one. Every product whose rows all pass gets a new
// declaration revision and is screened; the answer reports every row and every product.
//
// What is applied, and why:
// - A file that cannot be read as a whole (bulk.ts) applies nothing: 400 with the row/column path of every issue.
// - A product with any rejected row is not applied at all: its declaration would be missing what that row said, and
//   a declaration that leaves out a substance understates the content (a finding silently not raised). Its other rows
//   are reported as rejected, naming the row(s) to fix.
// - A product number that is the article number of two of the supplier's products is ambiguous: not applied.
// - Everything applied from one file is written in one transaction: the file is acknowledged whole or not at all.
// Each revision stores, as its original, the product's own rows of the file (header and rows, as CSV): a revision
// downloads what the supplier declared for that product, and the same rows uploaded again are the same revision.
import type { AuditService } from '../audit/index.js';
import type { Product } from '../products/product.schema.js';
import type { ProductRepository } from '../products/product.repository.js';
import type { Actor } from '../shared/actor.js';
import { ClientError } from '../shared/errors.js';
import { sha256Of } from '../sds/sds.repository.js';
import { cleanFileName } from '../sds/sds.service.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import type { DeclarationRepository } from './declaration.repository.js';
import type { BulkDeclarationReport, BulkProductResult, DeclarationRevision } from './declaration.schema.js';
import { toClientError, type DeclarationFile, type NewRevision } from './declaration.service.js';
import { DeclarationError } from './declared-values.js';
import { parseBulkDeclaration, type BulkParseResult, type BulkProduct, type RowReport } from './formats/bulk.js';

/** RFC 4180 CSV, CRLF line ends: a field with a comma, a quote or a line break is quoted, quotes doubled. */
export function csvOf(records: readonly (readonly string[])[]): string {
  const field = (text: string): string => (/[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text);
  return records.map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The name a product's part of the file is stored and downloaded under: `<file stem>-<product number>.csv`. */
function partFileName(fileName: string, productNumber: string): string {
  const stem = cleanFileName(fileName).replace(/\.(?:csv|txt|xlsx)$/iu, '');
  return cleanFileName(`${stem}-${productNumber.replace(/[/\\]/gu, '_')}.csv`);
}

interface Plan {
  product: BulkProduct;
  existing: Product | null;
  original: Uint8Array;
  sha256: string;
}

export function createBulkDeclarationService(deps: {
  declarations: Pick<DeclarationRepository, 'findByContent'>;
  /** Stores, audits and answers requests for one product's new revision (the declaration service's). */
  storeRevision: (actor: Actor, fields: NewRevision, session: Session) => Promise<DeclarationRevision>;
  products: Pick<ProductRepository, 'findBySupplierArticleNumbers' | 'insert'>;
  /** The supplier, if the actor may see it; otherwise throws NOT_FOUND (a supplier token sees only its own). */
  visibleSupplier: (actor: Actor, id: string) => Promise<unknown>;
  audit: AuditService;
  inTransaction: RunInTransaction;
  /** Inside the transaction, for a product whose rows are an existing revision: that answers declaration requests too. */
  answered?: (actor: Actor, productId: string, declarationId: string, session: Session) => Promise<void>;
  /** After the file's revisions are stored (screening those products); they stay stored whatever it does. */
  afterStored?: (productIds: string[]) => Promise<void>;
}) {
  const { declarations, storeRevision, products, visibleSupplier, audit, inTransaction, answered, afterStored } = deps;

  async function parse(bytes: Uint8Array, fileName: string): Promise<BulkParseResult> {
    try {
      return await parseBulkDeclaration(bytes, fileName);
    } catch (err) {
      if (err instanceof DeclarationError) throw toClientError(err);
      throw err;
    }
  }

  /** Why a product cannot be applied, or null when it can. */
  function refusal(product: BulkProduct, matches: readonly Product[]): string | null {
    if (product.incomplete) {
      const rows = product.rejectedRows.join(', ');
      return `row(s) ${rows} of product ${product.productNumber} were rejected; a product is declared from all its rows or not at all, so that no substance goes missing: fix those rows and upload again`;
    }
    if (matches.length > 1) {
      return `product number ${product.productNumber} is an article number of ${matches.length} of the supplier's products (${matches.map((p) => p.id).join(', ')}); give each product its own article number`;
    }
    if (matches.length === 0 && product.productName === null) {
      return `product number ${product.productNumber} is not an article number of any of the supplier's products; a new product needs product_name`;
    }
    return null;
  }

  return {
    async submit(actor: Actor, supplierId: string, file: DeclarationFile): Promise<BulkDeclarationReport> {
      await visibleSupplier(actor, supplierId);
      if (file.bytes.byteLength === 0) throw new ClientError('VALIDATION_FAILED', 'the bulk declaration file is empty', { issues: [{ path: 'body.file', message: 'the file is empty' }] });
      const fileName = cleanFileName(file.fileName);
      const parsed = await parse(file.bytes, fileName);

      const found = await products.findBySupplierArticleNumbers(supplierId, parsed.products.map((p) => p.productNumber));
      const matchesOf = (number: string): Product[] => found.filter((p) => p.supplierArticleNumbers.includes(number));

      const refused = new Map<string, { reason: string; productId: string | null }>();
      const plans: Plan[] = [];
      for (const product of parsed.products) {
        const matches = matchesOf(product.productNumber);
        const why = refusal(product, matches);
        if (why !== null) {
          refused.set(product.productNumber, { reason: why, productId: matches.length === 1 ? matches[0]!.id : null });
          continue;
        }
        const original = new TextEncoder().encode(csvOf([parsed.header, ...product.cells]));
        plans.push({ product, existing: matches[0] ?? null, original, sha256: sha256Of(original) });
      }

      const stored = await inTransaction(async (session) => {
        const outcomes = new Map<string, { outcome: 'created' | 'revised' | 'unchanged'; revision: DeclarationRevision }>();
        for (const plan of plans) {
          const { product: bulk } = plan;
          if (plan.existing !== null) {
            const same = await declarations.findByContent(plan.existing.id, plan.sha256, session);
            if (same) {
              await answered?.(actor, same.productId, same.id, session);
              outcomes.set(bulk.productNumber, { outcome: 'unchanged', revision: same });
              continue;
            }
          }
          const product = plan.existing ?? (await products.insert(
            {
              supplierId, name: bulk.productName ?? bulk.productNumber, supplierArticleNumbers: [bulk.productNumber], buyerArticleNumbers: [],
              // Bulk declarations are how articles are declared; a mixture or substance says so in product_kind.
              kind: bulk.productKind ?? 'article', contractIds: [],
            },
            session,
          ));
          if (plan.existing === null) {
            await audit.record(actor, { action: 'product.created', entityType: 'product', entityId: product.id, supplierId, before: null, after: product }, session);
          }
          const revision = await storeRevision(
            actor,
            { productId: product.id, supplierId, fileName: partFileName(fileName, bulk.productNumber), sha256: plan.sha256, content: bulk.content, original: plan.original },
            session,
          );
          outcomes.set(bulk.productNumber, { outcome: plan.existing === null ? 'created' : 'revised', revision });
        }
        return outcomes;
      });

      const changed = [...stored.values()].filter((s) => s.outcome !== 'unchanged').map((s) => s.revision.productId);
      if (changed.length > 0) await afterStored?.(changed);
      return report(parsed, fileName, stored, refused);
    },
  };
}
export type BulkDeclarationService = ReturnType<typeof createBulkDeclarationService>;

/** The answer: every row's and every product's fate, with the rows of refused products turned into rejections. */
function report(
  parsed: BulkParseResult,
  fileName: string,
  stored: ReadonlyMap<string, { outcome: 'created' | 'revised' | 'unchanged'; revision: DeclarationRevision }>,
  refused: ReadonlyMap<string, { reason: string; productId: string | null }>,
): BulkDeclarationReport {
  const rowReport = parsed.rows.map((r): RowReport => {
    const why = r.productNumber === null ? undefined : refused.get(r.productNumber);
    if (r.status === 'rejected' || why === undefined) return r;
    return { ...r, status: 'rejected', issues: [{ path: `row ${r.row}`, message: `not applied: ${why.reason}` }] };
  });
  const rowsOf = new Map<string, number[]>();
  for (const r of parsed.rows) if (r.productNumber !== null) rowsOf.set(r.productNumber, [...(rowsOf.get(r.productNumber) ?? []), r.row]);

  const results = [...rowsOf].map(([productNumber, rows]): BulkProductResult => {
    const done = stored.get(productNumber);
    if (done !== undefined) {
      const { outcome, revision } = done;
      return { productNumber, outcome, productId: revision.productId, declarationId: revision.id, revisionNumber: revision.revisionNumber, rows, reason: null };
    }
    const why = refused.get(productNumber) ?? { reason: `every row of product ${productNumber} was rejected`, productId: null };
    return { productNumber, outcome: 'rejected', productId: why.productId, declarationId: null, revisionNumber: null, rows, reason: why.reason };
  });
  const count = (outcome: BulkProductResult['outcome']): number => results.filter((r) => r.outcome === outcome).length;
  const accepted = rowReport.filter((r) => r.status === 'accepted').length;
  return {
    format: parsed.format,
    fileName,
    rows: { total: rowReport.length, accepted, rejected: rowReport.length - accepted },
    products: { created: count('created'), revised: count('revised'), unchanged: count('unchanged'), rejected: count('rejected') },
    results,
    rowReport,
    ignoredColumns: parsed.ignoredColumns,
  };
}
