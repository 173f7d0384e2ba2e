// Screening use cases: screen one product (after an SDS revision is stored) or every product (a background job
// after a list version is imported), and report what changed per contract and supplier (issue 5 "Screening").
import type { Contract } from '../contracts/contract.schema.js';
import type { ContractRepository } from '../contracts/contract.repository.js';
import { substancesOfDeclaration, type DeclarationRepository } from '../declarations/index.js';
import type { FindingChanges, FindingService, ReconcileBasis, ScreenedProduct } from '../findings/index.js';
import type { JobContext } from '../jobs/index.js';
import { withCuratedLimits, type CuratedLimitOverride } from '../lists/curated-limits.js';
import type { ListRepository } from '../lists/list.repository.js';
import type { Product } from '../products/product.schema.js';
import type { ProductRepository } from '../products/product.repository.js';
import type { RevisionSubstances, SdsRepository } from '../sds/sds.repository.js';
import { declaredAnswerMatches } from './declared-answers.js';
import { createMatcher, type Matcher } from './matcher.js';
import type { ListApplication, ScreeningList } from './screening.types.js';

/** Lists that apply to every product by law; the others (watch, derived, custom) only through a contract. */
export const BASELINE_KINDS: ReadonlySet<string> = new Set(['regulatory', 'classification']);
const BATCH = 1_000;
const READ_AHEAD = 2;

export interface ChangeCounts {
  raised: number;
  resolved: number;
  severityChanged: number;
  reopened: number;
}
export interface ChangeReport extends ChangeCounts {
  productsScreened: number;
  listVersions: Array<{ listId: string; version: number }>;
  byContract: Record<string, ChangeCounts>;
  bySupplier: Record<string, ChangeCounts>;
}

const zero = (): ChangeCounts => ({ raised: 0, resolved: 0, severityChanged: 0, reopened: 0 });

/** The lists that apply to a product: the legal baseline, and each of its contracts' requirement lists. */
export function applicationsFor(product: Product, screeningLists: readonly ScreeningList[], productContracts: readonly Contract[]): ListApplication[] {
  const applications: ListApplication[] = screeningLists.filter((l) => BASELINE_KINDS.has(l.kind)).map((l) => ({ listId: l.listId, contractId: null }));
  for (const contract of productContracts) {
    for (const requirement of contract.requirementProfile.lists) {
      applications.push({
        listId: requirement.list, contractId: contract.id, contractNumber: contract.number,
        ...(requirement.severity !== undefined ? { severity: requirement.severity } : {}),
        ...(requirement.thresholdPercent !== undefined ? { thresholdPercent: requirement.thresholdPercent } : {}),
      });
    }
  }
  return applications;
}

/**
 * The latest version of every list, with its entries, as the matcher takes them. Annex XVII and POPs entries get their
 * limits from chemreg's curated table with this installation's `overrides` (newest first) applied on top.
 */
export async function loadScreeningLists(lists: ListRepository, overrides: readonly CuratedLimitOverride[] = []): Promise<ScreeningList[]> {
  const out: ScreeningList[] = [];
  for (const list of await lists.allLists()) {
    const version = await lists.latestVersion(list.listId);
    if (!version) continue;
    const { entries } = withCuratedLimits(list.listId, await lists.entries(version.id), overrides);
    out.push({ listId: list.listId, name: list.name, kind: list.kind, versionId: version.id, version: version.version, listDate: version.listDate, entries });
  }
  return out;
}

export function createScreeningService(deps: {
  products: ProductRepository;
  contracts: ContractRepository;
  sdsRevisions: SdsRepository;
  /** Each product's latest declaration (issue 6); its substances are screened beside the SDS's. */
  declarations: Pick<DeclarationRepository, 'latestForProducts'>;
  lists: ListRepository;
  /** This installation's curated-limit overrides, newest first, each with an id and the time it last changed. */
  curatedOverrides: () => Promise<Array<CuratedLimitOverride & { id: string; updatedAt: Date }>>;
  findings: FindingService;
  today?: () => string;
}) {
  const { products, contracts, sdsRevisions, declarations, lists, curatedOverrides, findings } = deps;
  const today = deps.today ?? ((): string => new Date().toISOString().slice(0, 10));
  // The matcher over the current list versions and limit overrides, rebuilt only when one of them changes.
  let cached: { signature: string; matcher: Matcher; lists: ScreeningList[] } | undefined;

  async function currentMatcher(): Promise<{ matcher: Matcher; lists: ScreeningList[] }> {
    const [versionIds, overrides] = await Promise.all([lists.latestVersionIds(), curatedOverrides()]);
    const signature = [...versionIds, ...overrides.map((o) => `${o.id}@${o.updatedAt.getTime()}`)].join(',');
    if (cached?.signature === signature) return cached;
    const screeningLists = await loadScreeningLists(lists, overrides);
    cached = { signature, matcher: createMatcher(screeningLists), lists: screeningLists };
    return cached;
  }

  /**
   * What screening a batch reads from storage: each product's latest SDS revision and declaration, its contracts, and
   * what reconciling its findings starts from, as of `day` (which screening then uses too).
   */
  interface LoadedBatch {
    batch: readonly Product[];
    day: string;
    revisions: Map<string, RevisionSubstances>;
    declared: Awaited<ReturnType<DeclarationRepository['latestForProducts']>>;
    contractById: Map<string, Contract>;
    basis: ReconcileBasis;
  }

  async function loadBatch(batch: readonly Product[]): Promise<LoadedBatch> {
    const day = today();
    const ids = batch.map((p) => p.id);
    const contractIds = [...new Set(batch.flatMap((p) => p.contractIds))];
    const [revisions, declared, contractList, basis] = await Promise.all([
      sdsRevisions.latestSubstancesForProducts(ids),
      declarations.latestForProducts(ids),
      contractIds.length > 0 ? contracts.findByIds(contractIds) : Promise.resolve([]),
      findings.reconcileBasis(ids, day),
    ]);
    return { batch, day, revisions, declared, basis, contractById: new Map(contractList.map((c) => [c.id, c])) };
  }

  async function screenBatch({ batch, day, revisions, declared, contractById, basis }: LoadedBatch, matcher: Matcher, screeningLists: readonly ScreeningList[]): Promise<FindingChanges[]> {
    const listNames = new Map(screeningLists.map((l) => [l.listId, l.name]));
    const screened: ScreenedProduct[] = batch.map((product) => {
      const revision = revisions.get(product.id);
      const declaration = declared.get(product.id);
      const substances = [
        ...(revision ? revision.substances : []),
        ...(declaration ? substancesOfDeclaration(declaration.id, declaration.content) : []),
      ];
      const productContracts = product.contractIds.map((id) => contractById.get(id)).filter((c): c is Contract => c !== undefined);
      const applications = applicationsFor(product, screeningLists, productContracts);
      const matches = matcher.screen(substances, applications, { productId: product.id, kind: product.kind, today: day });
      if (declaration && declaration.content.listAnswers.length > 0) {
        const answered = declaredAnswerMatches({ revisionId: declaration.id, content: declaration.content }, screeningLists, applications, matches);
        matches.push(...answered.matches);
        substances.push(...answered.substances);
      }
      return { product, matches, substances: new Map(substances.map((s) => [s.ref, s])) };
    });
    return findings.reconcileMany(screened, basis, listNames, day);
  }

  function addTo(report: ChangeReport, changes: FindingChanges): void {
    const bump = (counts: ChangeCounts, field: keyof ChangeCounts): void => {
      counts[field]++;
    };
    const kinds: Array<[keyof ChangeCounts, FindingChanges[keyof FindingChanges]]> = [
      ['raised', changes.raised], ['resolved', changes.resolved], ['severityChanged', changes.severityChanged], ['reopened', changes.reopened],
    ];
    for (const [field, refs] of kinds) {
      for (const ref of refs) {
        bump(report, field);
        bump((report.bySupplier[ref.supplierId] ??= zero()), field);
        for (const contractId of ref.contractIds) bump((report.byContract[contractId] ??= zero()), field);
      }
    }
  }

  return {
    /** Screens the given products (a new document's, a bulk declaration's) against the current lists, BATCH at a time. */
    async screenProducts(productIds: readonly string[]): Promise<FindingChanges[]> {
      const { matcher, lists: screeningLists } = await currentMatcher();
      const changes: FindingChanges[] = [];
      for (let i = 0; i < productIds.length; i += BATCH) {
        const batch = await products.findByIds(productIds.slice(i, i + BATCH));
        changes.push(...(await screenBatch(await loadBatch(batch), matcher, screeningLists)));
      }
      return changes;
    },

    /** The re-screen job: every product, in batches, with progress; answers the change report. */
    async rescreenAll({ progress, signal }: Pick<JobContext, 'progress' | 'signal'>): Promise<ChangeReport> {
      const { matcher, lists: screeningLists } = await currentMatcher();
      const total = await products.count();
      const report: ChangeReport = {
        productsScreened: 0, ...zero(), byContract: {}, bySupplier: {},
        listVersions: screeningLists.map((l) => ({ listId: l.listId, version: l.version })),
      };
      // The next batches are read while this one is matched and reconciled: on the embedded engine, which runs in its
      // own thread, storage and screening then use both cores. Two batches ahead, because reading one takes two steps
      // (which revision is the latest, then its section 3) and the second can only start when screening yields.
      const batches = products.batches(BATCH);
      const ahead: Array<Promise<LoadedBatch | null>> = [];
      const readAhead = (): void => {
        while (ahead.length < READ_AHEAD) {
          const loading = batches.next().then((next) => (next.done ? null : loadBatch(next.value)));
          // Should screening a batch fail, the reads already under way are abandoned, not left to reject unheard.
          loading.catch(() => undefined);
          ahead.push(loading);
        }
      };
      readAhead();
      for (let loaded = await ahead.shift()!; loaded !== null; loaded = await ahead.shift()!) {
        if (signal.aborted) {
          await batches.return(undefined);
          return report;
        }
        readAhead();
        for (const changes of await screenBatch(loaded, matcher, screeningLists)) addTo(report, changes);
        report.productsScreened += loaded.batch.length;
        await progress(report.productsScreened, total);
      }
      await progress(report.productsScreened, report.productsScreened);
      return report;
    },
  };
}
export type ScreeningService = ReturnType<typeof createScreeningService>;
