// Wiring: repositories on one connection, and the services (use cases) built on them. Start-up and tests
// both go through here, so a test exercises exactly what production runs.
import type { Connection } from 'mongoose';
import { createAuditRepository, createAuditService } from './audit/index.js';
import type { Config } from './config.js';
import { createContractRepository, createContractService } from './contracts/index.js';
import {
  createBulkDeclarationService,
  createDeclarationRepository,
  createDeclarationRequestRepository,
  createDeclarationRequestService,
  createDeclarationService,
} from './declarations/index.js';
import { createFindingRepository, createFindingService } from './findings/index.js';
import { createFollowUpService } from './follow-up/index.js';
import { createJobRepository, createJobService } from './jobs/index.js';
import { createCuratedLimitRepository, createCuratedLimitService, createListRepository, createListService } from './lists/index.js';
import { createScreeningService } from './screening/index.js';
import { createSearchService } from './search/index.js';
import { createStatsService } from './stats/index.js';
import { createProductRepository, createProductService } from './products/index.js';
import { createExtractionPool, createSdsRepository, createSdsService } from './sds/index.js';
import { SYSTEM_ACTOR } from './audit/audit.service.js';
import type { Logger } from './shared/logger.js';
import { createSupplierRepository, createSupplierService } from './suppliers/index.js';
import { createTokenRepository, createTokenService } from './tokens/index.js';
import { transactionRunner } from './storage/transaction.js';

export interface ServiceOptions {
  config: Pick<Config, 'SDS_EXTRACT_WORKERS' | 'SDS_EXTRACT_TIMEOUT_MS' | 'SDS_EXTRACT_MEMORY_MB' | 'SEARCH_CACHE_HITS'>;
  logger?: Logger;
}

export function createServices(connection: Connection, { config, logger }: ServiceOptions) {
  const inTransaction = transactionRunner(connection);
  const repositories = {
    audit: createAuditRepository(connection),
    suppliers: createSupplierRepository(connection),
    contracts: createContractRepository(connection),
    products: createProductRepository(connection),
    tokens: createTokenRepository(connection),
    sdsRevisions: createSdsRepository(connection),
    findings: createFindingRepository(connection),
    jobs: createJobRepository(connection),
    curatedLimits: createCuratedLimitRepository(connection),
    declarations: createDeclarationRepository(connection),
    declarationRequests: createDeclarationRequestRepository(connection),
  };
  const { suppliers, contracts, products, tokens, sdsRevisions } = repositories;
  // Lists have three collections and no single `model`: their indexes are created in prepare() below.
  const listRepository = createListRepository(connection);
  const audit = createAuditService(repositories.audit);
  const supplierExists = (id: string, session: Parameters<typeof suppliers.exists>[1]) => suppliers.exists(id, session);
  // SDS PDFs are read in worker threads (started on the first upload), never on the thread that serves requests.
  const extraction = createExtractionPool({
    size: config.SDS_EXTRACT_WORKERS,
    timeoutMs: config.SDS_EXTRACT_TIMEOUT_MS,
    memoryMb: config.SDS_EXTRACT_MEMORY_MB,
    ...(logger ? { logger } : {}),
  });
  const productService = createProductService({
    products,
    contracts,
    audit,
    inTransaction,
    supplierExists,
    sdsRevisionCount: (productId, session) => sdsRevisions.countForProduct(productId, session),
    declarationCount: (productId, session) => repositories.declarations.countForProduct(productId, session),
  });

  const jobs = createJobService({ jobs: repositories.jobs, ...(logger ? { logger } : {}) });
  const findings = createFindingService({
    findings: repositories.findings,
    audit,
    inTransaction,
    documentOfProduct: async (documentId, productId) => (await sdsRevisions.findById(documentId))?.productId === productId,
  });
  const curatedOverrides = () => repositories.curatedLimits.all();
  const screening = createScreeningService({ products, contracts, sdsRevisions, declarations: repositories.declarations, lists: listRepository, curatedOverrides, findings });
  // A stored SDS revision or declaration is screened at once. Should screening fail, the document stays stored and a
  // re-screen job (which survives restarts) picks the product up.
  const screenAfterUpload = async (productIds: string[], what: string): Promise<void> => {
    try {
      await screening.screenProducts(productIds);
    } catch (err) {
      logger?.error({ err, productIds: productIds.slice(0, 10), products: productIds.length }, `screening after ${what} failed; queued a re-screen`);
      const which = productIds.length === 1 ? `product ${productIds[0]}` : `${productIds.length} products`;
      await jobs.enqueue(SYSTEM_ACTOR, 'rescreen', `screening of ${which} failed after ${what}`);
    }
  };
  const search = createSearchService({
    products, suppliers, contracts, sdsRevisions, declarations: repositories.declarations, findings: repositories.findings, lists: listRepository,
    audit: repositories.audit, cachedHits: config.SEARCH_CACHE_HITS, ...(logger ? { logger } : {}),
  });
  // A re-screen changes findings outside any request: the next search catches up at once.
  jobs.register('rescreen', async (context) => {
    try {
      return await screening.rescreenAll(context);
    } finally {
      search.markStale();
    }
  });
  const lists = createListService({
    lists: listRepository,
    audit,
    inTransaction,
    curatedOverrides,
    // A new list version re-screens every product, in the background: the import answers with the job.
    afterImport: async (actor, version) => (await jobs.enqueue(actor, 'rescreen', `list ${version.listId} version ${version.version} imported`, { listId: version.listId, version: version.version })).id,
  });
  const curatedLimits = createCuratedLimitService({
    overrides: repositories.curatedLimits,
    lists: listRepository,
    audit,
    inTransaction,
    // A changed limit can change any product's concentration test: re-screen them all, in the background.
    afterChange: async (actor, reason) => (await jobs.enqueue(actor, 'rescreen', reason)).id,
  });

  const declarationRequests = createDeclarationRequestService({ requests: repositories.declarationRequests, products, contracts, audit, inTransaction });
  const answerRequests: typeof declarationRequests.answer = (actor, productId, declarationId, session) => declarationRequests.answer(actor, productId, declarationId, session);

  const declarationService = createDeclarationService({
    declarations: repositories.declarations,
    visibleProduct: (actor, id, session) => productService.get(actor, id, session),
    audit,
    inTransaction,
    afterStored: (revision) => screenAfterUpload([revision.productId], 'a declaration'),
    answered: answerRequests,
  });

  const supplierService = createSupplierService({
    suppliers,
    audit,
    inTransaction,
    referencesTo: async (supplierId, session) => {
      const [productCount, contractCount, tokenCount] = await Promise.all([
        products.countForSupplier(supplierId, session),
        contracts.countForSupplier(supplierId, session),
        tokens.countActive({ supplierId }, session),
      ]);
      return [
        ...(productCount ? [`${productCount} product(s)`] : []),
        ...(contractCount ? [`${contractCount} contract(s)`] : []),
        ...(tokenCount ? [`${tokenCount} active token(s)`] : []),
      ];
    },
  });

  return {
    audit,
    jobs,
    lists,
    curatedLimits,
    findings,
    screening,
    search,
    stats: createStatsService({
      products, suppliers, contracts, sdsRevisions, declarations: repositories.declarations, declarationRequests: repositories.declarationRequests,
      findings: repositories.findings, lists: listRepository,
    }),
    tokens: createTokenService({ tokens, audit, inTransaction, supplierExists }),
    suppliers: supplierService,
    contracts: createContractService({
      contracts,
      audit,
      inTransaction,
      supplierExists,
      productsOnContract: (contractId, supplierIds, session) => products.countOnContract(contractId, supplierIds, session),
    }),
    products: productService,
    declarations: declarationService,
    declarationRequests,
    followUp: createFollowUpService({
      contracts,
      suppliers,
      visibleSupplier: (actor, id) => supplierService.get(actor, id),
      products,
      findings: repositories.findings,
      sdsRevisions,
      declarations: repositories.declarations,
      declarationRequests: repositories.declarationRequests,
      lists: listRepository,
    }),
    bulkDeclarations: createBulkDeclarationService({
      declarations: repositories.declarations,
      storeRevision: (actor, fields, session) => declarationService.storeRevision(actor, fields, session),
      products,
      visibleSupplier: (actor, id) => supplierService.get(actor, id),
      audit,
      inTransaction,
      afterStored: (productIds) => screenAfterUpload(productIds, 'a bulk declaration'),
      answered: answerRequests,
    }),
    sds: createSdsService({
      revisions: sdsRevisions,
      visibleProduct: (actor, id, session) => productService.get(actor, id, session),
      audit,
      inTransaction,
      extract: (bytes) => extraction.extract(bytes),
      afterStored: (revision) => screenAfterUpload([revision.productId], 'an SDS upload'),
      ...(logger ? { logger } : {}),
    }),

    /** Create every collection's indexes (unique ones carry business rules) before serving. */
    async prepare(): Promise<void> {
      for (const repository of Object.values(repositories)) await repository.model.init();
      await listRepository.init();
      // Jobs a previous process acknowledged but did not finish run now.
      jobs.resume();
      search.start();
    },

    /** Stop background work (the extraction workers). Storage is closed by its owner, after this. */
    async close(): Promise<void> {
      await jobs.close();
      await extraction.close();
      await search.close();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
