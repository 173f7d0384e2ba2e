// Contract follow-up (avtalsuppföljning, issue 7; domain.md "The people"): per supplier and product on a contract, what
// still stands against it (open findings, stale or missing SDSs, missing or overdue declarations, exceptions about to
// end) and what changed since a day, by default since the lists were last updated. The same rows for one supplier
// across its contracts. JSON by default; the same rows as CSV or XLSX for a spreadsheet.
import { z } from 'zod';
import { Severity, SeverityCounts } from '../contracts/contract.schema.js';
import { FindingStatus } from '../findings/finding.schema.js';
import { MAX_IDS, ProductKind } from '../products/product.schema.js';
import { SdsStatus } from '../sds/sds.schema.js';
import { commaSeparatedIds, Id } from '../shared/ids.js';

/** domain.md "Documents": an SDS is stale when its revision date is older than about 36 months. */
export const SDS_MAX_AGE_MONTHS = 36;
/** Exceptions ending within this many days are reported, so that the expert decides before they lapse. */
export const EXCEPTION_WARNING_DAYS = 60;

export const FollowUpFormat = z.enum(['json', 'csv', 'xlsx']).meta({
  id: 'FollowUpFormat',
  description: 'json (default); csv: UTF-8 with a byte order mark and a header row, one row per product; xlsx: an Excel workbook with the same rows and a summary sheet',
});
export type FollowUpFormat = z.infer<typeof FollowUpFormat>;

export const FollowUpQuery = z
  .strictObject({
    since: z.iso.date().optional().describe('report what changed from the start of this day (YYYY-MM-DD, UTC); default: since the last list version was imported'),
    format: FollowUpFormat.default('json'),
  })
  .meta({ id: 'FollowUpQuery' });
export type FollowUpQuery = z.infer<typeof FollowUpQuery>;

const ContractRef = z.object({ id: Id, number: z.string(), title: z.string() }).meta({ id: 'FollowUpContractRef' });


export const OpenFindingCounts = z
  .object({
    total: z.number().int(),
    bySeverity: SeverityCounts,
    byStatus: z
      .object({ open: z.number().int(), confirmed: z.number().int(), 'substitution-requested': z.number().int() })
      .describe('the open statuses (OPEN_STATUSES): not dismissed, excepted or resolved'),
  })
  .meta({
    id: 'FollowUpOpenFindings',
    description:
      'findings still standing against the product (status open, confirmed or substitution-requested). On a contract\'s ' +
      'follow-up only those that apply under the contract: raised by the legal baseline or by a list the contract requires',
  });
export type OpenFindingCounts = z.infer<typeof OpenFindingCounts>;

export const SdsFollowUpStatus = z.enum(['current', 'stale', 'date-unknown', 'missing', 'not-required']).meta({
  id: 'SdsFollowUpStatus',
  description:
    `current: the latest revision's own revision date is at most ${SDS_MAX_AGE_MONTHS} months old; stale: older than that; ` +
    'date-unknown: no revision date could be read from it (a scan, or a date the extractor did not find); missing: a ' +
    'substance or mixture without any SDS (REACH Art. 31 requires one); not-required: an article without an SDS',
});
export type SdsFollowUpStatus = z.infer<typeof SdsFollowUpStatus>;

export const SdsFollowUp = z
  .object({
    required: z.boolean().describe('substances and mixtures need an SDS (REACH Art. 31); articles, also those with an integral mixture, do not'),
    status: SdsFollowUpStatus,
    latest: z
      .object({
        id: Id,
        revisionNumber: z.number().int(),
        revisionDate: z.iso.date().nullable().describe('the revision date printed in the SDS (not the upload day); null when unknown'),
        uploadedAt: z.iso.datetime(),
      })
      .nullable()
      .describe('the latest uploaded revision; null when there is none'),
    ageMonths: z.number().int().nullable().describe('whole months from the revision date to today; null when the date is unknown'),
  })
  .meta({ id: 'FollowUpSds' });
export type SdsFollowUp = z.infer<typeof SdsFollowUp>;

export const DeclarationFollowUpStatus = z.enum(['overdue', 'missing', 'requested', 'declared', 'not-required']).meta({
  id: 'DeclarationFollowUpStatus',
  description:
    'the most pressing of: overdue (an open declaration request for the product is past its due date); missing (an ' +
    'article without any declaration); requested (an open request not yet due); declared (a declaration is on file); ' +
    'not-required (a substance or mixture, covered by its SDS, with no declaration and no open request)',
});
export type DeclarationFollowUpStatus = z.infer<typeof DeclarationFollowUpStatus>;

export const DeclarationFollowUp = z
  .object({
    required: z
      .boolean()
      .describe(
        'articles, also those with an integral mixture, must declare their content: their SVHC above 0.1 % w/w carry the ' +
        'information duty of REACH Art. 33, and no SDS says what they contain; substances and mixtures are declared by their SDS',
      ),
    status: DeclarationFollowUpStatus,
    missing: z.boolean().describe('required, and no declaration was ever submitted'),
    overdue: z.boolean().describe('an open declaration request still waiting for this product is past its due date'),
    latest: z
      .object({ id: Id, revisionNumber: z.number().int(), submittedAt: z.iso.datetime() })
      .nullable()
      .describe('the latest declaration revision; null when there is none'),
    openRequest: z
      .object({ id: Id, dueDate: z.iso.date(), overdue: z.boolean() })
      .nullable()
      .describe('the open request waiting for this product that is due first; null when none waits'),
  })
  .meta({ id: 'FollowUpDeclaration' });
export type DeclarationFollowUp = z.infer<typeof DeclarationFollowUp>;

export const ExpiringException = z
  .object({
    findingId: Id,
    severity: Severity,
    list: z.object({ id: z.string(), name: z.string() }),
    substance: z.string().describe('the substance\'s name and CAS number, as the finding names it'),
    until: z.iso.date().describe('the last day of the exception'),
    daysLeft: z.number().int().describe('days from today to the last day; negative when it has ended and screening has not yet reopened the finding'),
  })
  .meta({ id: 'FollowUpExpiringException', description: `a finding excepted until a day at most ${EXCEPTION_WARNING_DAYS} days from today` });
export type ExpiringException = z.infer<typeof ExpiringException>;

export const ChangeCounts = z
  .object({
    findingsRaised: z.number().int().describe('findings screening raised'),
    findingsResolved: z.number().int().describe('findings that became resolved (by an expert, or because screening no longer matched them)'),
    severityChanged: z.number().int().describe('findings whose severity screening changed'),
    findingsReopened: z.number().int().describe('findings that became open again (an expert reopened one, evidence changed under a dismissal, an exception ended, a substance matched again)'),
    decisions: z.number().int().describe('decisions experts took on findings and answers suppliers gave'),
    sdsRevisions: z.number().int().describe('SDS revisions uploaded'),
    declarations: z.number().int().describe('declaration revisions submitted'),
  })
  .meta({ id: 'FollowUpChangeCounts' });
export type ChangeCounts = z.infer<typeof ChangeCounts>;

export const FindingChange = z
  .object({
    findingId: Id,
    at: z.iso.datetime(),
    action: z.string().describe('a decision (confirm, dismiss, grant-exception, request-substitution, resolve, reopen, answer) or what screening did (raised, severity-changed, reopened, matched-again, exception-expired, no-longer-matched)'),
    from: FindingStatus.nullable(),
    to: FindingStatus,
    severity: Severity.describe('the finding\'s severity now'),
    list: z.object({ id: z.string(), name: z.string() }),
    substance: z.string(),
  })
  .meta({ id: 'FollowUpFindingChange' });
export type FindingChange = z.infer<typeof FindingChange>;

export const ProductChanges = ChangeCounts.extend({
  findingEvents: z.array(FindingChange).describe('every history event of the product\'s findings in the window, oldest first'),
}).meta({ id: 'FollowUpProductChanges' });
export type ProductChanges = z.infer<typeof ProductChanges>;

export const ProductFollowUp = z
  .object({
    product: z.object({
      id: Id,
      name: z.string(),
      kind: ProductKind,
      category: z.string().nullable(),
      supplierArticleNumbers: z.array(z.string()),
    }),
    contracts: z.array(ContractRef).describe('the contracts the product is sold under'),
    openFindings: OpenFindingCounts,
    sds: SdsFollowUp,
    declaration: DeclarationFollowUp,
    exceptionsExpiring: z.array(ExpiringException).describe('soonest first'),
    changes: ProductChanges,
  })
  .meta({ id: 'ProductFollowUp', description: 'one product\'s follow-up: one row of the CSV and XLSX downloads' });
export type ProductFollowUp = z.infer<typeof ProductFollowUp>;

export const FollowUpTotals = z
  .object({
    products: z.number().int(),
    openFindings: OpenFindingCounts,
    sdsStale: z.number().int().describe('products whose SDS is stale'),
    sdsDateUnknown: z.number().int().describe('products whose latest SDS has no readable revision date'),
    sdsMissing: z.number().int().describe('substances and mixtures without an SDS'),
    declarationsMissing: z.number().int().describe('articles without a declaration'),
    declarationsOverdue: z.number().int().describe('products with an overdue declaration request'),
    exceptionsExpiring: z.number().int().describe('exceptions ending within the window (not products)'),
    changes: ChangeCounts,
  })
  .meta({ id: 'FollowUpTotals' });
export type FollowUpTotals = z.infer<typeof FollowUpTotals>;

export const ChangesSince = z
  .object({
    at: z.iso.datetime().nullable().describe('the start of the window; null: no list was ever imported and no day was asked for, so every change is counted'),
    basis: z.enum(['since-parameter', 'last-list-update', 'beginning']).describe('where the start comes from: the `since` parameter, the last list version import, or neither'),
    listVersion: z
      .object({ listId: z.string(), version: z.number().int() })
      .nullable()
      .describe('with basis last-list-update: the list version whose import starts the window'),
  })
  .meta({ id: 'FollowUpChangesSince' });
export type ChangesSince = z.infer<typeof ChangesSince>;

const ReportFields = {
  generatedAt: z.iso.datetime(),
  today: z.iso.date().describe('the day ages, due dates and exception windows are judged on (UTC)'),
  rules: z
    .object({ sdsMaxAgeMonths: z.number().int(), exceptionWarningDays: z.number().int() })
    .describe('the limits this report applies'),
  changesSince: ChangesSince,
};

const SupplierRef = z.object({ id: Id, name: z.string(), orgNumber: z.string() }).meta({ id: 'FollowUpSupplierRef' });

export const SupplierSection = z
  .object({ supplier: SupplierRef, products: z.array(ProductFollowUp).describe('by product name'), totals: FollowUpTotals })
  .meta({ id: 'FollowUpSupplierSection' });
export type SupplierSection = z.infer<typeof SupplierSection>;

export const ContractFollowUp = z
  .object({
    ...ReportFields,
    contract: z.object({ id: Id, number: z.string(), title: z.string(), buyer: z.string(), validFrom: z.iso.date(), validTo: z.iso.date() }),
    suppliers: z.array(SupplierSection).describe('each supplier on the contract with its products on it, by supplier name; a supplier token gets only its own'),
    totals: FollowUpTotals.describe('the whole contract, as far as the caller may see it'),
  })
  .meta({ id: 'ContractFollowUp' });
export type ContractFollowUp = z.infer<typeof ContractFollowUp>;

export const SupplierFollowUp = z
  .object({
    ...ReportFields,
    supplier: SupplierRef,
    products: z.array(ProductFollowUp).describe('the supplier\'s products sold under at least one contract, by name; each row names its contracts'),
    totals: FollowUpTotals,
  })
  .meta({ id: 'SupplierFollowUp' });
export type SupplierFollowUp = z.infer<typeof SupplierFollowUp>;

// ---------------------------------------------------------------------------------------------------------
// Documents of a page of products (a supplier's product table: one request for the page, not three per row)

export const ProductDocumentsQuery = z.strictObject({
  ids: commaSeparatedIds(MAX_IDS).describe(`product ids separated by commas (at most ${MAX_IDS})`),
});
export type ProductDocumentsQuery = z.infer<typeof ProductDocumentsQuery>;

export const ProductDocuments = z
  .object({
    productId: Id,
    sds: z
      .object({
        id: Id,
        revisionNumber: z.number().int(),
        status: SdsStatus,
        revisionDate: z.iso.date().nullable().describe('the revision date printed in the SDS; null when unknown'),
        uploadedAt: z.iso.datetime(),
      })
      .nullable()
      .describe('the latest SDS revision; null when there is none'),
    declaration: z
      .object({ id: Id, revisionNumber: z.number().int(), submittedAt: z.iso.datetime() })
      .nullable()
      .describe('the latest declaration revision; null when there is none'),
    openFindings: z.number().int().describe('findings still open (open, confirmed, substitution-requested)'),
  })
  .meta({ id: 'ProductDocuments', description: 'a product\'s latest SDS and declaration and how many of its findings are open' });
export type ProductDocuments = z.infer<typeof ProductDocuments>;

export const ProductDocumentsList = z
  .object({ items: z.array(ProductDocuments).describe('in the order of the ids asked for; ids of products the caller cannot see are left out') })
  .meta({ id: 'ProductDocumentsList' });
export type ProductDocumentsList = z.infer<typeof ProductDocumentsList>;
