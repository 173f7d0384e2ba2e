// Declarations: every product/article declaration a supplier submits is kept as a numbered revision of the product's
// declaration, with its original bytes, their SHA-256, the format it came in and what it says (DeclarationContent).
// Like an SDS revision it never changes once stored: a new declaration is a new revision, and the diff says what
// changed (issue 6 "Declarations are versioned like SDS revisions, with the same diff").
import { z } from 'zod';
import { Role } from '../shared/actor.js';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';
import { DeclarationContent, DeclarationFormat } from './declaration-content.js';

export const DeclarationSummary = z
  .object({
    productName: z.string().nullable(),
    productNumber: z.string().nullable(),
    declaredAt: z.string().nullable().describe('YYYY-MM-DD'),
    declarationClass: z.enum(['C', 'D']).nullable(),
    components: z.number().int(),
    materials: z.number().int().describe('homogeneous materials'),
    substances: z.number().int().describe('substances declared anywhere in the product'),
    listAnswers: z.number().int().describe('IPC-1752A class C answers'),
    scipNumbers: z.array(z.string()),
    statements: z.array(z.string()).describe('statement codes, e.g. no-intentionally-added-pfas'),
    warnings: z.number().int(),
  })
  .meta({ id: 'DeclarationSummary' });
export type DeclarationSummary = z.infer<typeof DeclarationSummary>;

const Submitter = z.object({ tokenId: z.string(), tokenName: z.string(), role: Role }).meta({ id: 'DeclarationSubmitter' });

const RevisionFields = {
  id: Id,
  productId: Id,
  supplierId: Id,
  revisionNumber: z.number().int().min(1).describe('1, 2, … per product, in submission order'),
  format: DeclarationFormat,
  fileName: z.string(),
  size: z.number().int().describe('bytes'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u).describe('SHA-256 of the original bytes, hex'),
  submittedAt: z.iso.datetime(),
  submittedBy: Submitter,
  summary: DeclarationSummary,
};

export const DeclarationItem = z.object(RevisionFields).meta({ id: 'DeclarationItem', description: 'a declaration revision as lists show it' });
export const DeclarationRevision = z
  .object({ ...RevisionFields, content: DeclarationContent })
  .meta({ id: 'DeclarationRevision', description: 'a stored declaration revision with everything it declares' });

export interface DeclarationItem {
  id: string;
  productId: string;
  supplierId: string;
  revisionNumber: number;
  format: z.infer<typeof DeclarationFormat>;
  fileName: string;
  size: number;
  sha256: string;
  submittedAt: Date;
  submittedBy: z.infer<typeof Submitter>;
  summary: DeclarationSummary;
}
export interface DeclarationRevision extends DeclarationItem {
  content: DeclarationContent;
}

export const DeclarationPage = PageOf(DeclarationItem, 'DeclarationPage');
export const DeclarationListQuery = z.strictObject({ ...PageQuery });
export type DeclarationListQuery = z.infer<typeof DeclarationListQuery>;

export const DeclarationDiffParams = z.strictObject({ id: Id, otherId: Id });

const SubstanceRef = z.object({ path: z.string(), name: z.string().nullable(), cas: z.string().nullable(), concentration: z.string().nullable() });
export const DeclarationDiff = z
  .object({
    from: z.object({ id: Id, revisionNumber: z.number().int() }),
    to: z.object({ id: Id, revisionNumber: z.number().int() }),
    substances: z.object({
      added: z.array(SubstanceRef),
      removed: z.array(SubstanceRef),
      changed: z.array(z.object({ where: z.string(), name: z.string().nullable(), cas: z.string().nullable(), before: z.string().nullable(), after: z.string().nullable() })),
    }).describe('substances keyed by the part they sit in (component/material names) and their CAS RN or name'),
    scipNumbers: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
    statements: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
    listAnswers: z.object({ changed: z.array(z.object({ list: z.string(), before: z.string().nullable(), after: z.string().nullable() })) }),
  })
  .meta({ id: 'DeclarationDiff' });
export type DeclarationDiff = z.infer<typeof DeclarationDiff>;

// --- The bulk declaration report (POST /suppliers/:id/declarations/bulk) ------------------------------------------------

const BulkIssue = z.object({ path: z.string().describe('`row 14 column cas`, or `row 14` for the row as a whole'), message: z.string() });

export const BulkRowReport = z
  .object({
    row: z.number().int().describe('1-based CSV line (where the record starts) or worksheet row'),
    status: z.enum(['accepted', 'rejected']).describe('accepted: part of a stored declaration revision (new, or the same content already stored); rejected: nothing of it is stored'),
    productNumber: z.string().nullable(),
    issues: z.array(BulkIssue).describe('why the row was rejected; empty when accepted'),
    warnings: z.array(BulkIssue).describe('values kept but flagged, e.g. a CAS RN with a wrong check digit'),
  })
  .meta({ id: 'BulkRowReport' });

export const BulkProductOutcome = z.enum(['created', 'revised', 'unchanged', 'rejected']).describe(
  'created: a new product with its first declaration; revised: a new declaration revision of an existing product; ' +
  'unchanged: the product\'s rows are byte for byte an existing revision; rejected: nothing applied to the product',
);

export const BulkProductResult = z
  .object({
    productNumber: z.string(),
    outcome: BulkProductOutcome,
    productId: Id.nullable().describe('the product the rows are for; null when it is new and was not created, or ambiguous'),
    declarationId: Id.nullable().describe('the revision holding the product\'s rows (new or existing)'),
    revisionNumber: z.number().int().nullable(),
    rows: z.array(z.number().int()).describe('every row of the product in the file'),
    reason: z.string().nullable().describe('why the product was rejected'),
  })
  .meta({ id: 'BulkProductResult' });
export type BulkProductResult = z.infer<typeof BulkProductResult>;

export const BulkDeclarationReport = z
  .object({
    format: z.enum(['bulk-csv', 'bulk-xlsx']),
    fileName: z.string(),
    rows: z.object({ total: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
    products: z.object({ created: z.number().int(), revised: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
    results: z.array(BulkProductResult).describe('one per product number in the file, in order of first appearance'),
    rowReport: z.array(BulkRowReport).describe('every non-blank data row, in file order'),
    ignoredColumns: z.array(z.string()).describe('header cells that are not a bulk column, as written'),
  })
  .meta({ id: 'BulkDeclarationReport' });
export type BulkDeclarationReport = z.infer<typeof BulkDeclarationReport>;
