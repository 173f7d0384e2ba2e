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
