// Contract follow-up use cases (issue 7): a contract's follow-up per supplier and product, and one supplier's across
// its contracts. Both read the same evidence for a set of products (findings, SDS revisions, declarations, open
// declaration requests) and judge it on one day: followUpOf → productFollowUp → totalsOf.
import type { ContractRepository } from '../contracts/contract.repository.js';
import type { Contract } from '../contracts/contract.schema.js';
import type { DeclarationRequestRepository } from '../declarations/declaration-request.repository.js';
import type { DeclarationRepository, DeclarationSubmission } from '../declarations/declaration.repository.js';
import type { FindingRepository, FollowUpFinding } from '../findings/finding.repository.js';
import { DecisionAction, OPEN_STATUSES } from '../findings/finding.schema.js';
import type { ListRepository } from '../lists/list.repository.js';
import type { ProductRepository } from '../products/product.repository.js';
import type { Product, ProductKind } from '../products/product.schema.js';
import { BASELINE_KINDS } from '../screening/screening.service.js';
import type { SdsRepository, SdsRevisionDates } from '../sds/sds.repository.js';
import { tenantOf, type Actor } from '../shared/actor.js';
import { notFound } from '../shared/errors.js';
import { latestPerProduct } from '../shared/mongo.js';
import type { SupplierRepository } from '../suppliers/supplier.repository.js';
import type { Supplier } from '../suppliers/supplier.schema.js';
import {
  EXCEPTION_WARNING_DAYS,
  SDS_MAX_AGE_MONTHS,
  type ChangeCounts,
  type ChangesSince,
  type ContractFollowUp,
  type DeclarationFollowUp,
  type ExpiringException,
  type FollowUpQuery,
  type FollowUpTotals,
  type OpenFindingCounts,
  type ProductChanges,
  type ProductDocumentsList,
  type ProductFollowUp,
  type SdsFollowUp,
  type SupplierFollowUp,
} from './follow-up.schema.js';

// REACH Art. 31: substances and mixtures come with an SDS. Art. 33: an article (also one with an integral mixture, such
// as a marker pen) comes with no SDS, so its content must be declared.
const SDS_KINDS: ReadonlySet<ProductKind> = new Set(['substance', 'mixture']);
const DECLARATION_KINDS: ReadonlySet<ProductKind> = new Set(['article', 'article-with-mixture']);
const DECISIONS: ReadonlySet<string> = new Set(DecisionAction.options);
const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

/** The change window: from `from` on (null: from the beginning), and how the report describes it. */
interface Window {
  from: Date | null;
  described: ChangesSince;
}

/** Everything read about a set of products, by product id. */
interface Evidence {
  findings: Map<string, FollowUpFinding[]>;
  sdsRevisions: Map<string, SdsRevisionDates[]>;
  declarations: Map<string, DeclarationSubmission[]>;
  openRequests: Map<string, Array<{ id: string; dueDate: string }>>;
  contracts: Map<string, Contract>;
}

export function createFollowUpService(deps: {
  contracts: Pick<ContractRepository, 'findById' | 'findByIds'>;
  suppliers: Pick<SupplierRepository, 'findByIds'>;
  /** The supplier as the caller may see it: another tenant's answers 404, as every supplier route does. */
  visibleSupplier: (actor: Actor, id: string) => Promise<Supplier>;
  products: Pick<ProductRepository, 'listOnContract' | 'listForSupplier' | 'findByIds'>;
  findings: Pick<FindingRepository, 'forFollowUp' | 'openCountsForProducts'>;
  sdsRevisions: Pick<SdsRepository, 'datesForProducts'>;
  declarations: Pick<DeclarationRepository, 'submissionsForProducts'>;
  declarationRequests: Pick<DeclarationRequestRepository, 'openForProducts'>;
  lists: Pick<ListRepository, 'latestImport' | 'allLists'>;
  now?: () => Date;
}) {
  const { contracts, suppliers, visibleSupplier, products, findings, sdsRevisions, declarations, declarationRequests, lists } = deps;
  const now = deps.now ?? ((): Date => new Date());

  /** As contracts' own `get`: a supplier sees only contracts it is party to; any other answers 404. */
  async function visibleContract(actor: Actor, id: string): Promise<Contract> {
    const contract = await contracts.findById(id);
    const tenant = tenantOf(actor);
    if (!contract || (tenant !== undefined && !contract.supplierIds.includes(tenant))) throw notFound('contract', id);
    return contract;
  }

  async function changeWindow(since: string | undefined): Promise<Window> {
    if (since !== undefined) {
      const from = new Date(`${since}T00:00:00.000Z`);
      return { from, described: { at: from.toISOString(), basis: 'since-parameter', listVersion: null } };
    }
    // "Since the last list update": a new list version re-screens every product, so its import starts the window.
    const latest = await lists.latestImport();
    if (!latest) return { from: null, described: { at: null, basis: 'beginning', listVersion: null } };
    return { from: latest.importedAt, described: { at: latest.importedAt.toISOString(), basis: 'last-list-update', listVersion: { listId: latest.listId, version: latest.version } } };
  }

  async function gatherEvidence(productList: readonly Product[], window: Window): Promise<Evidence> {
    const ids = productList.map((p) => p.id);
    const contractIds = [...new Set(productList.flatMap((p) => p.contractIds))];
    const [found, revisions, submitted, requests, contractList] = await Promise.all([
      findings.forFollowUp(ids, window.from),
      sdsRevisions.datesForProducts(ids),
      declarations.submissionsForProducts(ids),
      declarationRequests.openForProducts(ids),
      contractIds.length > 0 ? contracts.findByIds(contractIds) : Promise.resolve([]),
    ]);
    const wanted = new Set(ids);
    const openRequests = new Map<string, Array<{ id: string; dueDate: string }>>();
    for (const request of requests) {
      for (const asked of request.products) {
        if (asked.declarationId === null && wanted.has(asked.productId)) push(openRequests, asked.productId, { id: request.id, dueDate: request.dueDate });
      }
    }
    return {
      findings: groupBy(found, (f) => f.productId),
      sdsRevisions: groupBy(revisions, (r) => r.productId),
      declarations: groupBy(submitted, (d) => d.productId),
      openRequests,
      contracts: new Map(contractList.map((c) => [c.id, c])),
    };
  }

  /** Every product's row, judged on `today`, with the supplier it belongs to; by name, as a Swedish reader sorts. */
  async function followUpOf(
    productList: readonly Product[], window: Window, applies: (f: FollowUpFinding) => boolean, today: string,
  ): Promise<Array<{ supplierId: string; followUp: ProductFollowUp }>> {
    const evidence = await gatherEvidence(productList, window);
    return [...productList].sort(bySwedishName).map((product) => ({ supplierId: product.supplierId, followUp: productFollowUp(product, evidence, applies, window, today) }));
  }

  function header(window: Window, at: Date) {
    return {
      generatedAt: at.toISOString(),
      today: dayOf(at),
      rules: { sdsMaxAgeMonths: SDS_MAX_AGE_MONTHS, exceptionWarningDays: EXCEPTION_WARNING_DAYS },
      changesSince: window.described,
    };
  }

  return {
    async forContract(actor: Actor, contractId: string, query: Pick<FollowUpQuery, 'since'>): Promise<ContractFollowUp> {
      const contract = await visibleContract(actor, contractId);
      const tenant = tenantOf(actor);
      const [window, baseline, productList] = await Promise.all([changeWindow(query.since), baselineLists(lists), products.listOnContract(contract.id, tenant)]);
      // A finding counts under this contract when the law applies its list to every product, or this contract requires
      // it: one raised only through another contract's list is that contract's business.
      const applies = (f: FollowUpFinding): boolean => f.contractIds.length === 0 || f.contractIds.includes(contract.id) || baseline.has(f.list.id);
      const at = now();
      const rows = await followUpOf(productList, window, applies, dayOf(at));

      const supplierIds = tenant !== undefined ? [tenant] : [...new Set([...contract.supplierIds, ...productList.map((p) => p.supplierId)])];
      const parties = (await suppliers.findByIds(supplierIds)).sort(bySwedishName);
      const rowsBySupplier = groupBy(rows, (row) => row.supplierId);
      const sections = parties.map((supplier) => {
        const own = (rowsBySupplier.get(supplier.id) ?? []).map((r) => r.followUp);
        return { supplier: supplierRef(supplier), products: own, totals: totalsOf(own) };
      });
      return {
        ...header(window, at),
        contract: { id: contract.id, number: contract.number, title: contract.title, buyer: contract.buyer, validFrom: contract.validFrom, validTo: contract.validTo },
        suppliers: sections,
        totals: totalsOf(sections.flatMap((s) => s.products)),
      };
    },

    /**
     * The latest SDS and declaration and the open findings count of each product asked for that the caller may see
     * (a supplier: its own), in the order asked for. Three queries for the lot, whatever their number.
     */
    async documentsOf(actor: Actor, ids: readonly string[]): Promise<ProductDocumentsList> {
      const tenant = tenantOf(actor);
      const seen = new Set((await products.findByIds(ids)).filter((p) => tenant === undefined || p.supplierId === tenant).map((p) => p.id));
      const visible = [...new Set(ids)].filter((id) => seen.has(id));
      const [revisions, submitted, open] = await Promise.all([
        sdsRevisions.datesForProducts(visible),
        declarations.submissionsForProducts(visible),
        findings.openCountsForProducts(visible),
      ]);
      const latestSds = latestPerProduct(revisions, (r) => ({
        id: r.id, revisionNumber: r.revisionNumber, status: r.status, revisionDate: r.revisionDate, uploadedAt: r.uploadedAt.toISOString(),
      }));
      const latestDeclaration = latestPerProduct(submitted, (d) => ({ id: d.id, revisionNumber: d.revisionNumber, submittedAt: d.submittedAt.toISOString() }));
      return {
        items: visible.map((productId) => ({
          productId, sds: latestSds.get(productId) ?? null, declaration: latestDeclaration.get(productId) ?? null, openFindings: open.get(productId) ?? 0,
        })),
      };
    },

    async forSupplier(actor: Actor, supplierId: string, query: Pick<FollowUpQuery, 'since'>): Promise<SupplierFollowUp> {
      const supplier = await visibleSupplier(actor, supplierId);
      const [window, all] = await Promise.all([changeWindow(query.since), products.listForSupplier(supplier.id)]);
      // Follow-up is of what is bought under contracts; every finding of such a product applies under one of them.
      const productList = all.filter((p) => p.contractIds.length > 0);
      const at = now();
      const rows = (await followUpOf(productList, window, () => true, dayOf(at))).map((r) => r.followUp);
      return { ...header(window, at), supplier: supplierRef(supplier), products: rows, totals: totalsOf(rows) };
    },
  };
}
export type FollowUpService = ReturnType<typeof createFollowUpService>;

// ---------------------------------------------------------------------------------------------------------
// One product's row

function productFollowUp(product: Product, evidence: Evidence, applies: (f: FollowUpFinding) => boolean, window: Window, today: string): ProductFollowUp {
  const applying = (evidence.findings.get(product.id) ?? []).filter(applies);
  const revisions = evidence.sdsRevisions.get(product.id) ?? [];
  const submitted = evidence.declarations.get(product.id) ?? [];
  return {
    product: {
      id: product.id, name: product.name, kind: product.kind, category: product.category ?? null, supplierArticleNumbers: [...product.supplierArticleNumbers],
    },
    contracts: product.contractIds.flatMap((id) => {
      const contract = evidence.contracts.get(id);
      return contract ? [{ id: contract.id, number: contract.number, title: contract.title }] : [];
    }),
    openFindings: openFindingsOf(applying),
    sds: sdsFollowUp(product.kind, revisions, today),
    declaration: declarationFollowUp(product.kind, submitted, evidence.openRequests.get(product.id) ?? [], today),
    exceptionsExpiring: expiringExceptions(applying, today),
    changes: changesOf(applying, revisions, submitted, window.from),
  };
}

function openFindingsOf(list: readonly FollowUpFinding[]): OpenFindingCounts {
  const counts = noOpenFindings();
  for (const finding of list) {
    if (!OPEN.has(finding.status)) continue;
    counts.total += 1;
    counts.bySeverity[finding.severity] += 1;
    counts.byStatus[finding.status as keyof OpenFindingCounts['byStatus']] += 1;
  }
  return counts;
}

function sdsFollowUp(kind: ProductKind, revisions: readonly SdsRevisionDates[], today: string): SdsFollowUp {
  const required = SDS_KINDS.has(kind);
  const latest = revisions.reduce<SdsRevisionDates | undefined>((best, r) => (best === undefined || r.revisionNumber > best.revisionNumber ? r : best), undefined);
  if (!latest) return { required, status: required ? 'missing' : 'not-required', latest: null, ageMonths: null };
  // summary.revisionDate is the SDS's own date (never a print date, never the upload day); anything else is unknown.
  const revisionDate = latest.revisionDate !== null && isIsoDay(latest.revisionDate) ? latest.revisionDate : null;
  const described = { id: latest.id, revisionNumber: latest.revisionNumber, revisionDate, uploadedAt: latest.uploadedAt.toISOString() };
  if (revisionDate === null) return { required, status: 'date-unknown', latest: described, ageMonths: null };
  const stale = revisionDate < addMonths(today, -SDS_MAX_AGE_MONTHS);
  return { required, status: stale ? 'stale' : 'current', latest: described, ageMonths: Math.max(0, wholeMonthsBetween(revisionDate, today)) };
}

function declarationFollowUp(kind: ProductKind, submitted: readonly DeclarationSubmission[], waiting: ReadonlyArray<{ id: string; dueDate: string }>, today: string): DeclarationFollowUp {
  const required = DECLARATION_KINDS.has(kind);
  const latest = submitted.reduce<DeclarationSubmission | undefined>((best, d) => (best === undefined || d.revisionNumber > best.revisionNumber ? d : best), undefined);
  const first = [...waiting].sort((a, b) => compare(a.dueDate, b.dueDate) || compare(a.id, b.id))[0];
  // declaration-request.service.ts: a request is overdue once its due date has passed with the product undeclared.
  const overdue = first !== undefined && first.dueDate < today;
  const missing = required && latest === undefined;
  const status = overdue ? 'overdue' : missing ? 'missing' : first !== undefined ? 'requested' : latest !== undefined ? 'declared' : 'not-required';
  return {
    required,
    status,
    missing,
    overdue,
    latest: latest ? { id: latest.id, revisionNumber: latest.revisionNumber, submittedAt: latest.submittedAt.toISOString() } : null,
    openRequest: first ? { id: first.id, dueDate: first.dueDate, overdue } : null,
  };
}

function expiringExceptions(list: readonly FollowUpFinding[], today: string): ExpiringException[] {
  const horizon = addDays(today, EXCEPTION_WARNING_DAYS);
  const out: ExpiringException[] = [];
  for (const finding of list) {
    // An exception whose day has passed stays `exception` until the next screening reopens it: still reported.
    if (finding.status !== 'exception' || finding.exceptionUntil === null || finding.exceptionUntil > horizon) continue;
    out.push({
      findingId: finding.id, severity: finding.severity, list: finding.list, substance: substanceLabel(finding),
      until: finding.exceptionUntil, daysLeft: daysBetween(today, finding.exceptionUntil),
    });
  }
  return out.sort((a, b) => compare(a.until, b.until) || compare(a.findingId, b.findingId));
}

function changesOf(list: readonly FollowUpFinding[], revisions: readonly SdsRevisionDates[], submitted: readonly DeclarationSubmission[], from: Date | null): ProductChanges {
  const inWindow = (at: Date): boolean => from === null || at >= from;
  const changes: ProductChanges = { ...noChanges(), findingEvents: [] };
  for (const finding of list) {
    for (const event of finding.history) {
      if (!inWindow(event.at)) continue;
      if (event.action === 'raised') changes.findingsRaised += 1;
      if (event.action === 'severity-changed') changes.severityChanged += 1;
      if (event.to === 'resolved' && event.from !== 'resolved') changes.findingsResolved += 1;
      if (event.to === 'open' && event.from !== null && event.from !== 'open') changes.findingsReopened += 1;
      if (DECISIONS.has(event.action)) changes.decisions += 1;
      changes.findingEvents.push({
        findingId: finding.id, at: event.at.toISOString(), action: event.action, from: event.from, to: event.to,
        severity: finding.severity, list: finding.list, substance: substanceLabel(finding),
      });
    }
  }
  changes.findingEvents.sort((a, b) => compare(a.at, b.at) || compare(a.findingId, b.findingId));
  changes.sdsRevisions = revisions.filter((r) => inWindow(r.uploadedAt)).length;
  changes.declarations = submitted.filter((d) => inWindow(d.submittedAt)).length;
  return changes;
}

// ---------------------------------------------------------------------------------------------------------
// Totals

export function totalsOf(rows: readonly ProductFollowUp[]): FollowUpTotals {
  const totals: FollowUpTotals = {
    products: rows.length, openFindings: noOpenFindings(), sdsStale: 0, sdsDateUnknown: 0, sdsMissing: 0,
    declarationsMissing: 0, declarationsOverdue: 0, exceptionsExpiring: 0, changes: noChanges(),
  };
  for (const row of rows) {
    totals.openFindings.total += row.openFindings.total;
    for (const severity of ['red', 'orange', 'yellow', 'info'] as const) totals.openFindings.bySeverity[severity] += row.openFindings.bySeverity[severity];
    for (const status of ['open', 'confirmed', 'substitution-requested'] as const) totals.openFindings.byStatus[status] += row.openFindings.byStatus[status];
    if (row.sds.status === 'stale') totals.sdsStale += 1;
    if (row.sds.status === 'date-unknown') totals.sdsDateUnknown += 1;
    if (row.sds.status === 'missing') totals.sdsMissing += 1;
    if (row.declaration.missing) totals.declarationsMissing += 1;
    if (row.declaration.overdue) totals.declarationsOverdue += 1;
    totals.exceptionsExpiring += row.exceptionsExpiring.length;
    for (const key of Object.keys(totals.changes) as Array<keyof ChangeCounts>) totals.changes[key] += row.changes[key];
  }
  return totals;
}

const noOpenFindings = (): OpenFindingCounts => ({
  total: 0, bySeverity: { red: 0, orange: 0, yellow: 0, info: 0 }, byStatus: { open: 0, confirmed: 0, 'substitution-requested': 0 },
});
const noChanges = (): ChangeCounts => ({ findingsRaised: 0, findingsResolved: 0, severityChanged: 0, findingsReopened: 0, decisions: 0, sdsRevisions: 0, declarations: 0 });

// ---------------------------------------------------------------------------------------------------------
// Small helpers

async function baselineLists(lists: Pick<ListRepository, 'allLists'>): Promise<Set<string>> {
  return new Set((await lists.allLists()).filter((l) => BASELINE_KINDS.has(l.kind)).map((l) => l.listId));
}

const supplierRef = (s: Supplier) => ({ id: s.id, name: s.name, orgNumber: s.orgNumber });

function substanceLabel(f: Pick<FollowUpFinding, 'substance'>): string {
  const { name, cas } = f.substance;
  if (name && cas) return `${name} (CAS ${cas})`;
  return name ?? (cas ? `CAS ${cas}` : 'unnamed substance');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) push(out, key(item), item);
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// Å, Ä and Ö come after Z in Swedish; the database's binary order would put them elsewhere.
const bySwedishName = (a: { name: string; id: string }, b: { name: string; id: string }): number => a.name.localeCompare(b.name, 'sv') || compare(a.id, b.id);

// Days are calendar days in UTC, written YYYY-MM-DD (as due dates, exception ends and SDS revision dates are).
const DAY_MS = 86_400_000;
const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
const utc = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
const isIsoDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && dayOf(new Date(utc(text))) === text;

export const addDays = (day: string, days: number): string => dayOf(new Date(utc(day) + days * DAY_MS));
export const daysBetween = (from: string, to: string): number => Math.round((utc(to) - utc(from)) / DAY_MS);

/** The same day `months` months later (or earlier), on the month's last day when it is shorter (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))));
}

/** Whole months from `from` to `to`: 2023-01-15 → 2026-01-14 is 35. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}
