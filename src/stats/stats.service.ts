// Dashboard counts (issue 7 "GET /api/v1/stats"), composed from each feature repository's counting queries: the
// database groups and counts, and only the counts come back (plus, for the clean share, product ids).
import type { ContractRepository } from '../contracts/index.js';
import { Severity } from '../contracts/contract.schema.js';
import type { DeclarationRepository, DeclarationRequestRepository } from '../declarations/index.js';
import { DeclarationRequestStatus } from '../declarations/declaration-request.schema.js';
import type { FindingRepository } from '../findings/index.js';
import { FindingStatus, OPEN_STATUSES } from '../findings/finding.schema.js';
import type { ListRepository } from '../lists/index.js';
import type { ProductRepository } from '../products/index.js';
import { ProductKind } from '../products/product.schema.js';
import type { SdsRepository } from '../sds/index.js';
import { SdsStatus } from '../sds/sds.schema.js';
import { tenantOf, type Actor } from '../shared/actor.js';
import { forbidden } from '../shared/errors.js';
import type { SupplierRepository } from '../suppliers/index.js';
import type { Stats, StatsListCount, StatsMonth, StatsQuery } from './stats.schema.js';

type Severity = (typeof Severity.options)[number];

/** What keeps a screened product from being clean: the search's `clean` filter draws the same line (issue 7). */
const BLOCKING_SEVERITIES: readonly Severity[] = ['red', 'orange'];

/** A count for each of `values`, zero where `counts` has none; values the schema does not know are left out. */
function countsFor<const V extends string>(values: readonly V[], counts: ReadonlyMap<string, number>): Record<V, number> {
  return Object.fromEntries(values.map((value) => [value, counts.get(value) ?? 0])) as Record<V, number>;
}

const sum = (counts: ReadonlyMap<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);

/** The `count` UTC calendar months up to and including the one `at` falls in, oldest first (YYYY-MM), and where they start. */
function monthWindow(at: Date, count: number): { months: string[]; since: Date } {
  const first = (offset: number): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - (count - 1) + offset, 1));
  return { months: Array.from({ length: count }, (_, i) => first(i).toISOString().slice(0, 7)), since: first(0) };
}

export function createStatsService(deps: {
  products: Pick<ProductRepository, 'countByKind'>;
  suppliers: Pick<SupplierRepository, 'count'>;
  contracts: Pick<ContractRepository, 'count' | 'countActiveOn'>;
  sdsRevisions: Pick<SdsRepository, 'countByStatus' | 'productIdsWithRevisions'>;
  declarations: Pick<DeclarationRepository, 'count' | 'productIdsWithDeclarations'>;
  declarationRequests: Pick<DeclarationRequestRepository, 'countByStatus' | 'countOverdue'>;
  findings: Pick<FindingRepository, 'tally' | 'raisedPerMonth' | 'statusChangesPerMonth' | 'productIdsWithOpenFindings'>;
  lists: Pick<ListRepository, 'allLists'>;
  now?: () => Date;
}) {
  const { products, suppliers, contracts, sdsRevisions, declarations, declarationRequests, findings, lists } = deps;
  const now = deps.now ?? ((): Date => new Date());

  async function productCounts(): Promise<Stats['products']> {
    const byKind = await products.countByKind();
    return { total: sum(byKind), byKind: countsFor(ProductKind.options, byKind) };
  }

  async function contractCounts(today: string): Promise<Stats['contracts']> {
    const [total, active] = await Promise.all([contracts.count(), contracts.countActiveOn(today)]);
    return { total, active };
  }

  async function documentCounts(today: string): Promise<Stats['documents']> {
    const [sdsByStatus, declarationTotal, requestsByStatus, overdue] = await Promise.all([
      sdsRevisions.countByStatus(),
      declarations.count(),
      declarationRequests.countByStatus(),
      declarationRequests.countOverdue(today),
    ]);
    return {
      sdsRevisions: { total: sum(sdsByStatus), byStatus: countsFor(SdsStatus.options, sdsByStatus) },
      declarations: { total: declarationTotal },
      declarationRequests: { total: sum(requestsByStatus), byStatus: countsFor(DeclarationRequestStatus.options, requestsByStatus), overdue },
    };
  }

  async function findingCounts(window: ReturnType<typeof monthWindow>): Promise<Stats['findings']> {
    const [tally, knownLists, raised, changes] = await Promise.all([
      findings.tally(),
      lists.allLists(),
      findings.raisedPerMonth(window.since),
      findings.statusChangesPerMonth(['resolved', 'dismissed'], window.since),
    ]);
    const noSeverities = (): Record<Severity, number> => countsFor(Severity.options, new Map());
    const counts = { total: 0, open: 0, bySeverity: noSeverities(), openBySeverity: noSeverities(), byStatus: countsFor(FindingStatus.options, new Map()) };
    // Every imported list has a row, so that a list without findings shows as such rather than not at all.
    const byList = new Map<string, StatsListCount>(knownLists.map((list) => [list.listId, { listId: list.listId, listName: list.name, total: 0, open: 0 }]));
    for (const row of tally) {
      const open = OPEN_STATUSES.includes(row.status);
      counts.total += row.count;
      counts.bySeverity[row.severity] += row.count;
      counts.byStatus[row.status] += row.count;
      if (open) {
        counts.open += row.count;
        counts.openBySeverity[row.severity] += row.count;
      }
      const list = byList.get(row.listId) ?? { listId: row.listId, listName: row.listName, total: 0, open: 0 };
      byList.set(row.listId, { ...list, total: list.total + row.count, open: list.open + (open ? row.count : 0) });
    }

    const perMonth = new Map<string, StatsMonth>(window.months.map((month) => [month, { month, raised: noSeverities(), resolved: 0, dismissed: 0 }]));
    // Months after the window (a clock set back) have no entry and are left out.
    for (const { month, severity, count } of raised) {
      const entry = perMonth.get(month);
      if (entry) entry.raised[severity] += count;
    }
    for (const { month, status, count } of changes) {
      const entry = perMonth.get(month);
      if (entry && (status === 'resolved' || status === 'dismissed')) entry[status] += count;
    }
    return {
      ...counts,
      byList: [...byList.values()].sort((a, b) => b.total - a.total || a.listId.localeCompare(b.listId)),
      perMonth: [...perMonth.values()],
    };
  }

  async function screeningShare(): Promise<Stats['screening']> {
    const [withSds, withDeclarations, flagged] = await Promise.all([
      sdsRevisions.productIdsWithRevisions(),
      declarations.productIdsWithDeclarations(),
      findings.productIdsWithOpenFindings(BLOCKING_SEVERITIES),
    ]);
    const screened = new Set([...withSds, ...withDeclarations]);
    // Findings come from documents, so a flagged product is screened; the check keeps the share within 0–1 regardless.
    const clean = screened.size - flagged.filter((id) => screened.has(id)).length;
    return { screened: screened.size, clean, share: screened.size === 0 ? null : clean / screened.size };
  }

  return {
    async overview(actor: Actor, query: StatsQuery): Promise<Stats> {
      // Every count spans all suppliers' records: a supplier must learn nothing of the others (the route refuses it too).
      if (tenantOf(actor) !== undefined) throw forbidden('the dashboard counts every supplier\'s records; a supplier token may not read it');
      const at = now();
      const today = at.toISOString().slice(0, 10);
      const [productStats, supplierTotal, contractStats, documents, findingStats, screening] = await Promise.all([
        productCounts(),
        suppliers.count(),
        contractCounts(today),
        documentCounts(today),
        findingCounts(monthWindow(at, query.months)),
        screeningShare(),
      ]);
      return {
        generatedAt: at.toISOString(),
        products: productStats,
        suppliers: { total: supplierTotal },
        contracts: contractStats,
        documents,
        findings: findingStats,
        screening,
      };
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;
