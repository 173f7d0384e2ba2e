// Procurement search (issue 7 "Search"): answers from the in-memory index (search-index.ts) and keeps it in step with
// storage. The index is built from the registry at start; after that it catches up from what changed since it last
// looked: products, suppliers and contracts by `updatedAt`, SDS revisions and declarations by when they were stored,
// findings by `updatedAt`, deletions from the audit trail, and list synonyms when a list has a new version. A search
// waits for a catch-up when this process has written since the last one (markStale), so that a buyer sees their own
// changes at once; when the index is merely over a second old, a catch-up starts in the background, so other
// processes' changes show within about a second.
import type { AuditRepository } from '../audit/audit.repository.js';
import type { ContractRepository } from '../contracts/contract.repository.js';
import { substancesOfDeclaration, type DeclarationRepository } from '../declarations/index.js';
import type { FindingRepository, OpenFindingSummary } from '../findings/finding.repository.js';
import type { ListRepository } from '../lists/list.repository.js';
import type { Product } from '../products/product.schema.js';
import type { ProductRepository } from '../products/product.repository.js';
import type { SdsRepository } from '../sds/sds.repository.js';
import { tenantOf, type Actor } from '../shared/actor.js';
import { forbidden, notFound } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { SupplierRepository } from '../suppliers/supplier.repository.js';
import { createSearchIndex, SEVERITIES, type IndexedProduct, type IndexedSubstance, type SearchFilters, type SearchIndex, type Severity } from './search-index.js';
import type { Alternative, Alternatives, AlternativesQuery, SearchHit, SearchQuery, SearchResult } from './search.schema.js';
import { sortKeyOf } from './text.js';

/** How old the index may be before a search catches it up first. */
const MAX_AGE_MS = 1_000;
/**
 * How far back each catch-up looks before the previous one started: a write stamped just before that moment may
 * commit just after it (a transaction), and other processes' clocks may be a little off.
 */
const MARGIN_MS = 5_000;
const BATCH = 1_000;
/** Longer list names (reaction masses, UVCB descriptions) are not what a buyer types. */
const MAX_SYNONYM_LENGTH = 200;

export interface SearchServiceDeps {
  products: ProductRepository;
  suppliers: SupplierRepository;
  contracts: ContractRepository;
  sdsRevisions: SdsRepository;
  declarations: DeclarationRepository;
  findings: FindingRepository;
  lists: ListRepository;
  audit: AuditRepository;
  /** How many hits the answers kept until the index changes may hold together (SEARCH_CACHE_HITS; 0: none are kept). */
  cachedHits?: number;
  logger?: Logger;
}

interface ContractSummary {
  id: string;
  number: string;
  title: string;
}

export function createSearchService(deps: SearchServiceDeps) {
  const { products, suppliers, contracts, sdsRevisions, declarations, findings, lists, audit, logger } = deps;
  const cachedHits = deps.cachedHits ?? 0;
  let index: SearchIndex = createSearchIndex();
  let contractById = new Map<string, ContractSummary>();
  let listVersions = '';
  // Writes this process has made (markStale) and the count the index has caught up with.
  let writes = 0;
  let caughtUpTo = 0;
  let watermark = new Date(0);
  let lastSync = 0;
  let built: Promise<void> | null = null;
  let syncing: Promise<void> | null = null;
  let syncingFrom = 0;
  // Answers kept (least recently used first) while they hold: until the index changes, is built afresh, or a contract
  // that hits show is renamed. Buyers repeat searches (the same prefixes as they type, a category or contract browsed),
  // and one broad word visits every product it finds.
  const answers = new Map<string, SearchResult>();
  let answersHold = '';
  /** The hits the kept answers hold, an answer without hits counting as one. */
  let keptHits = 0;
  const weightOf = (result: SearchResult): number => Math.max(1, result.items.length);
  let builds = 0;
  let contractChanges = 0;

  /** A product as the index holds it, from its record, latest documents and open findings. */
  function indexed(product: Product, substances: IndexedSubstance[], open: OpenFindingSummary[]): IndexedProduct {
    const counts: Record<Severity, number> = { red: 0, orange: 0, yellow: 0, info: 0 };
    const listIds = new Set<string>();
    const entries = new Set<string>();
    let worst: OpenFindingSummary | undefined;
    for (const finding of open) {
      counts[finding.severity]++;
      listIds.add(finding.list.id);
      entries.add(entryOf(finding));
      if (!worst || SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(worst.severity)) worst = finding;
    }
    return {
      id: product.id,
      supplierId: product.supplierId,
      name: product.name,
      tradeName: product.tradeName ?? null,
      supplierArticleNumbers: product.supplierArticleNumbers,
      buyerArticleNumbers: product.buyerArticleNumbers,
      category: product.category ?? null,
      kind: product.kind,
      contractIds: product.contractIds,
      substances,
      open: { counts, listIds: [...listIds], entries: [...entries], worst: worst ? { severity: worst.severity, reason: reasonOf(worst) } : null },
    };
  }

  /** The products as the index holds them: substances from the latest SDS revision and declaration, open findings. */
  async function indexedProducts(batch: Product[]): Promise<IndexedProduct[]> {
    const ids = batch.map((p) => p.id);
    const [revisions, declared, open] = await Promise.all([
      sdsRevisions.latestSubstancesForProducts(ids),
      declarations.latestForProducts(ids),
      findings.openForProducts(ids),
    ]);
    const openByProduct = new Map<string, OpenFindingSummary[]>();
    for (const finding of open) {
      const list = openByProduct.get(finding.productId);
      if (list) list.push(finding);
      else openByProduct.set(finding.productId, [finding]);
    }
    return batch.map((product) => {
      const declaration = declared.get(product.id);
      const all = [
        ...(revisions.get(product.id)?.substances ?? []),
        ...(declaration ? substancesOfDeclaration(declaration.id, declaration.content) : []),
      ];
      const seen = new Set<string>();
      const substances: IndexedSubstance[] = [];
      for (const { name, cas, ec } of all) {
        const key = `${name ?? ''}|${cas ?? ''}|${ec ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        substances.push({ name, cas, ec });
      }
      return indexed(product, substances, openByProduct.get(product.id) ?? []);
    });
  }

  /** The names the latest version of every list gives each CAS RN, once the set of latest versions has changed. */
  async function refreshSynonyms(target: SearchIndex, force: boolean): Promise<void> {
    const versionIds = await lists.latestVersionIds();
    const signature = versionIds.join(',');
    if (!force && signature === listVersions) return;
    const namesByCas = new Map<string, Set<string>>();
    const add = (cas: string, name: string): void => {
      if (name.length > MAX_SYNONYM_LENGTH) return;
      const names = namesByCas.get(cas);
      if (names) names.add(name);
      else namesByCas.set(cas, new Set([name]));
    };
    for (const versionId of versionIds) {
      for (const entry of await lists.entries(versionId)) {
        // A group entry's name ("Lead compounds") is no synonym of each member; its members' own names are.
        if (!entry.group) for (const cas of entry.cas) add(cas, entry.name);
        for (const member of entry.members) if (member.cas) add(member.cas, member.name);
      }
    }
    target.setSynonyms(new Map([...namesByCas].map(([cas, names]) => [cas, [...names]])));
    listVersions = signature;
  }

  async function build(): Promise<void> {
    const startedAt = new Date();
    const from = writes;
    const fresh = createSearchIndex();
    const [supplierNames, contractSummaries] = await Promise.all([suppliers.namesChangedSince(null), contracts.summariesChangedSince(null)]);
    for (const { id, name } of supplierNames) fresh.putSupplier(id, name);
    await refreshSynonyms(fresh, true);
    for await (const batch of products.batches(BATCH)) for (const p of await indexedProducts(batch)) fresh.put(p);
    index = fresh;
    builds++;
    contractById = new Map(contractSummaries.map((c) => [c.id, c]));
    watermark = startedAt;
    lastSync = Date.now();
    caughtUpTo = from;
    logger?.info({ products: fresh.size, ms: Date.now() - startedAt.getTime() }, 'search index built');
  }

  async function catchUp(): Promise<void> {
    const startedAt = new Date();
    const from = writes;
    syncingFrom = from;
    const since = new Date(watermark.getTime() - MARGIN_MS);
    const [supplierNames, contractSummaries, changedProducts, withRevisions, withDeclarations, withFindings, deleted] = await Promise.all([
      suppliers.namesChangedSince(since),
      contracts.summariesChangedSince(since),
      products.idsChangedSince(since),
      sdsRevisions.productIdsWithRevisionsSince(since),
      declarations.productIdsWithDeclarationsSince(since),
      findings.productIdsChangedSince(since),
      audit.deletedSince(since, ['product', 'supplier', 'contract']),
    ]);
    for (const { id, name } of supplierNames) index.putSupplier(id, name);
    for (const c of contractSummaries) {
      const before = contractById.get(c.id);
      if (before?.number === c.number && before.title === c.title) continue;
      contractById.set(c.id, c);
      contractChanges++;
    }
    for (const { entityType, entityId } of deleted) {
      if (entityType === 'supplier') index.removeSupplier(entityId);
      else if (entityType === 'contract' && contractById.delete(entityId)) contractChanges++;
    }
    await refreshSynonyms(index, false);
    const ids = [...new Set([...changedProducts, ...withRevisions, ...withDeclarations, ...withFindings, ...deleted.filter((d) => d.entityType === 'product').map((d) => d.entityId)])];
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const found = await products.findByIds(chunk);
      for (const p of await indexedProducts(found)) index.put(p);
      const present = new Set(found.map((p) => p.id));
      for (const id of chunk) if (!present.has(id)) index.remove(id);
    }
    watermark = startedAt;
    lastSync = Date.now();
    caughtUpTo = Math.max(caughtUpTo, from);
  }

  function startCatchUp(): Promise<void> {
    syncing ??= catchUp().finally(() => {
      syncing = null;
    });
    return syncing;
  }

  /**
   * Builds the index if need be. When this process has written since the last catch-up, waits for one that covers
   * the write; when the index is merely over a second old, starts one and answers from the index as it is, so that
   * searches never queue behind the poll for other processes' writes.
   */
  async function current(): Promise<void> {
    if (!built) {
      built = build();
      built.catch(() => {
        built = null;
      });
    }
    await built;
    const needed = writes;
    if (caughtUpTo >= needed) {
      if (Date.now() - lastSync >= MAX_AGE_MS) {
        startCatchUp().catch((err: unknown) => logger?.error({ err }, 'the search index could not catch up; the next search retries'));
      }
      return;
    }
    for (;;) {
      const pending = startCatchUp();
      const covers = syncingFrom >= needed;
      await pending;
      if (covers || caughtUpTo >= needed) return;
    }
  }

  const contractsOf = (ids: readonly string[]): ContractSummary[] =>
    ids.flatMap((id) => {
      const c = contractById.get(id);
      return c ? [{ id: c.id, number: c.number, title: c.title }] : [];
    });

  /** A product as a search hit or a suggestion shows it: itself, its supplier and its contracts. */
  function shownAs(p: IndexedProduct): Pick<SearchHit, 'product' | 'supplier' | 'contracts'> {
    return {
      product: {
        id: p.id, name: p.name, tradeName: p.tradeName, supplierArticleNumbers: p.supplierArticleNumbers,
        buyerArticleNumbers: p.buyerArticleNumbers, category: p.category, kind: p.kind,
      },
      supplier: { id: p.supplierId, name: index.supplierName(p.supplierId) ?? '' },
      contracts: contractsOf(p.contractIds),
    };
  }

  function hitOf(hit: ReturnType<SearchIndex['search']>['hits'][number]): SearchHit {
    const { product: p, tier, score, matched } = hit;
    return {
      ...shownAs(p),
      worstOpenSeverity: p.open.worst?.severity ?? null,
      reason: p.open.worst?.reason ?? null,
      openFindings: { ...p.open.counts },
      match: tier === 0 ? 'exact' : tier === 1 ? 'name' : 'other',
      score,
      matched,
    };
  }

  /** The answer kept under `key` while it holds, else `answer()`, kept for next time. */
  function remembered(key: string, answer: () => SearchResult): SearchResult {
    if (cachedHits === 0) return answer();
    const holds = `${builds}|${index.generation}|${contractChanges}`;
    if (holds !== answersHold) {
      answers.clear();
      keptHits = 0;
      answersHold = holds;
    }
    const kept = answers.get(key);
    if (kept) {
      answers.delete(key);
      answers.set(key, kept);
      return kept;
    }
    const result = answer();
    answers.set(key, result);
    keptHits += weightOf(result);
    for (const [oldest, dropped] of answers) {
      if (keptHits <= cachedHits) break;
      answers.delete(oldest);
      keptHits -= weightOf(dropped);
    }
    return result;
  }

  return {
    /** Starts building the index in the background; searches wait for it. */
    start(): void {
      current().catch((err: unknown) => logger?.error({ err }, 'building the search index failed; the next search retries'));
    },

    /** This process has written: the next search catches up first, so that a user finds what they just changed. */
    markStale(): void {
      writes++;
    },

    /** Builds the index afresh over the whole registry, as a restart does (the benchmark times it). */
    async rebuild(): Promise<void> {
      await Promise.allSettled([built, syncing]);
      built = build();
      await built;
    },

    async search(actor: Actor, query: SearchQuery): Promise<SearchResult> {
      const { q, limit, offset, clean, ...filters } = query;
      const tenant = tenantOf(actor);
      // A supplier finds only its own products; asking for another supplier's finds nothing.
      if (tenant !== undefined && filters.supplierId !== undefined && filters.supplierId !== tenant) return { identifier: null, items: [], total: 0, limit, offset };
      await current();
      const scoped: SearchFilters = { ...filters, ...(tenant !== undefined ? { supplierId: tenant } : {}), clean: clean === 'true' };
      const key = JSON.stringify([q ?? '', scoped.supplierId, scoped.contractId, scoped.category?.toLowerCase(), scoped.kind, scoped.clean, scoped.listId, limit, offset]);
      return remembered(key, () => {
        const found = index.search(q ?? '', scoped, { limit, offset });
        return { identifier: found.identifier, items: found.hits.map(hitOf), total: found.total, limit, offset };
      });
    },

    /**
     * Substitution suggestions (issue 7): products of the same category without any of this product's open findings
     * (by list entry) and with fewer or less severe open findings, those on the same contracts first. Other suppliers'
     * products are suggested, so suppliers may not ask.
     */
    async alternatives(actor: Actor, productId: string, { limit }: AlternativesQuery): Promise<Alternatives> {
      if (tenantOf(actor) !== undefined) throw forbidden('alternatives show other suppliers\' products');
      await current();
      const product = index.get(productId);
      if (!product) throw notFound('product', productId);
      // The product's own findings are read afresh: they are what the buyer is replacing it for.
      const open = await findings.openForProducts([productId]);
      const counts = countsOf(open);
      const avoided = new Set(open.map(entryOf));
      const contracts = new Set(product.contractIds);
      const candidates = product.category === null || open.length === 0
        ? []
        : index.inCategory(product.category).filter((p) => p.id !== productId && !p.open.entries.some((e) => avoided.has(e)) && fewerOrMilder(p.open.counts, counts));
      const shares = (p: IndexedProduct): boolean => p.contractIds.some((id) => contracts.has(id));
      const nameKeys = new Map(candidates.map((p) => [p.id, sortKeyOf(p.name)]));
      const byName = (a: IndexedProduct, b: IndexedProduct): number => {
        const [ka, kb] = [nameKeys.get(a.id)!, nameKeys.get(b.id)!];
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      };
      candidates.sort((a, b) => Number(shares(b)) - Number(shares(a)) || compareCounts(a.open.counts, b.open.counts) || byName(a, b));
      const avoidedLabel = [...new Map(open.map((f) => [entryOf(f), `${substanceOf(f)} on ${f.list.name}`])).values()];
      const items = candidates.slice(0, limit).map((p): Alternative => {
        const shared = contractsOf(p.contractIds.filter((id) => contracts.has(id)));
        return {
          ...shownAs(p),
          sharesContract: shared.length > 0,
          worstOpenSeverity: p.open.worst?.severity ?? null,
          openFindings: { ...p.open.counts },
          reason: [
            `Same category (${p.category ?? ''})${shared.length > 0 ? `, on the same contract${shared.length > 1 ? 's' : ''} (${shared.map((c) => c.number).join(', ')})` : ''}`,
            `none of this product's open findings (${avoidedLabel.slice(0, 3).join('; ')}${avoidedLabel.length > 3 ? ' …' : ''})`,
            totalOf(p.open.counts) === 0 ? 'no open findings' : `${describeCounts(p.open.counts)} against ${describeCounts(counts)}`,
          ].join('; ') + '.',
        };
      });
      return {
        product: {
          id: product.id, name: product.name, category: product.category,
          supplier: { id: product.supplierId, name: index.supplierName(product.supplierId) ?? '' },
          contracts: contractsOf(product.contractIds), openFindings: counts,
        },
        avoided: [...new Map(open.map((f) => [entryOf(f), { list: { id: f.list.id, name: f.list.name }, entryKey: f.list.entryKey, substance: substanceOf(f), severity: f.severity }])).values()],
        items,
        total: candidates.length,
      };
    },

    /** Waits for background work to finish, so that storage can close under it. */
    async close(): Promise<void> {
      await Promise.allSettled([built, syncing]);
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;

/** One line on a finding, e.g. "Dietylhexylftalat (CAS 117-81-7) 12 % exceeds 0.1 %: REACH Candidate List of SVHC (Art. 59)". */
function reasonOf(finding: OpenFindingSummary): string {
  const { concentration } = finding.substance;
  const substance = substanceOf(finding);
  const limit = finding.limitPercent === null ? null : `${finding.limitPercent} %`;
  const test = ((): string => {
    switch (finding.concentrationTest) {
      case 'exceeds':
        return `${concentration ?? 'declared'} exceeds ${limit ?? 'the limit'}`;
      case 'below':
        return `${concentration ?? 'declared'} below ${limit ?? 'the limit'}`;
      case 'indeterminate':
        return concentration ? `${concentration} may exceed ${limit ?? 'the limit'}` : 'concentration not given';
      case 'not-applicable':
        return 'listed';
    }
  })();
  return `${substance} ${test}: ${finding.list.name}`;
}

/** What a finding is about across products: the list entry (`listId|entryKey`). */
function entryOf(finding: OpenFindingSummary): string {
  return `${finding.list.id}|${finding.list.entryKey}`;
}

function countsOf(open: readonly OpenFindingSummary[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { red: 0, orange: 0, yellow: 0, info: 0 };
  for (const finding of open) counts[finding.severity]++;
  return counts;
}

const totalOf = (counts: Record<Severity, number>): number => counts.red + counts.orange + counts.yellow + counts.info;

/** Fewest of the most severe first: one red weighs more than any number of orange, and so on. */
function compareCounts(a: Record<Severity, number>, b: Record<Severity, number>): number {
  for (const severity of SEVERITIES) if (a[severity] !== b[severity]) return a[severity] - b[severity];
  return 0;
}

const fewerOrMilder = (candidate: Record<Severity, number>, than: Record<Severity, number>): boolean => compareCounts(candidate, than) < 0;

/** "1 orange, 2 info open findings" */
function describeCounts(counts: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const total = totalOf(counts);
  return total === 0 ? 'no open findings' : `${parts.join(', ')} open finding${total > 1 ? 's' : ''}`;
}

function substanceOf(finding: OpenFindingSummary): string {
  const { name, cas, ec } = finding.substance;
  const id = cas ? `CAS ${cas}` : ec ? `EC ${ec}` : null;
  return name && id ? `${name} (${id})` : (name ?? id ?? 'a substance');
}
