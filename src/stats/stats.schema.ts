// The dashboard's counts (issue 7 "GET /api/v1/stats"): the registry at a glance, its documents and findings, the
// findings month by month, and how many screened products are clean.
import { z } from 'zod';
import { SeverityCounts } from '../contracts/contract.schema.js';
import { DeclarationRequestStatus } from '../declarations/declaration-request.schema.js';
import { FindingStatus } from '../findings/finding.schema.js';
import { ProductKind } from '../products/product.schema.js';
import { SdsStatus } from '../sds/sds.schema.js';

/** Five years: a framework agreement's whole term (at most four years, Directive 2014/24/EU Art. 33(1)) with room to spare. */
export const MAX_STATS_MONTHS = 60;

export const StatsQuery = z.strictObject({
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_STATS_MONTHS)
    .default(12)
    .describe(`calendar months (UTC) that findings.perMonth covers, the current month included (1-${MAX_STATS_MONTHS})`),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

const Count = z.number().int().min(0);

/**
 * A count for every value of an enum, zeros included: a chart gets every bar, and a value nobody has yet is a 0
 * rather than a missing key.
 */
function countsOf<T extends Readonly<Record<string, string>>>(values: z.ZodEnum<T>) {
  return z.object(Object.fromEntries(values.options.map((value) => [value, Count])) as { [K in T[keyof T]]: typeof Count });
}


export const StatsMonth = z
  .object({
    month: z.string().regex(/^\d{4}-\d{2}$/).describe('a UTC calendar month, YYYY-MM'),
    raised: SeverityCounts.describe('findings created in the month, by their current severity'),
    resolved: Count.describe('findings that became resolved in the month (history events), by an expert or because screening no longer matched'),
    dismissed: Count.describe('findings dismissed as false positives in the month (history events)'),
  })
  .meta({ id: 'StatsMonth' });
export type StatsMonth = z.infer<typeof StatsMonth>;

export const StatsListCount = z
  .object({
    listId: z.string(),
    listName: z.string(),
    total: Count.describe('findings from this list, in any status'),
    open: Count.describe('of those, open, confirmed or substitution requested'),
  })
  .meta({ id: 'StatsListCount' });
export type StatsListCount = z.infer<typeof StatsListCount>;

export const Stats = z
  .object({
    generatedAt: z.iso.datetime().describe('when the counts were taken; "today" and the current month are taken from it (UTC)'),
    products: z.object({ total: Count.describe('every product, of every supplier'), byKind: countsOf(ProductKind) }),
    suppliers: z.object({ total: Count }),
    contracts: z.object({
      total: Count.describe('every contract, whatever its validity'),
      active: Count.describe('valid today: validFrom ≤ today ≤ validTo'),
    }),
    documents: z.object({
      sdsRevisions: z.object({ total: Count.describe('SDS revisions, every revision counted'), byStatus: countsOf(SdsStatus) }),
      declarations: z.object({ total: Count.describe('declaration revisions, every revision counted') }),
      declarationRequests: z.object({
        total: Count,
        byStatus: countsOf(DeclarationRequestStatus),
        overdue: Count.describe('open requests whose due date has passed (also counted as open)'),
      }),
    }),
    findings: z.object({
      total: Count.describe('every finding, in any status'),
      open: Count.describe('findings that still stand against their product: open, confirmed or substitution requested'),
      bySeverity: SeverityCounts.describe('every finding, in any status'),
      openBySeverity: SeverityCounts.describe('the open findings only'),
      byStatus: countsOf(FindingStatus),
      byList: z.array(StatsListCount).describe('every imported list, also those without findings, most findings first'),
      perMonth: z.array(StatsMonth).describe('one entry per month of the window, zeros included, oldest first'),
    }),
    screening: z.object({
      screened: Count.describe('products with at least one SDS revision or declaration'),
      clean: Count.describe('screened products without an open red or orange finding'),
      share: z.number().min(0).max(1).nullable().describe('clean / screened; null when no product is screened'),
    }),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof Stats>;
