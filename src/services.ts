// Wiring: repositories on one connection, and the services (use cases) built on them. Start-up and tests
// both go through here, so a test exercises exactly what production runs.
import type { Connection } from 'mongoose';
import { createAuditRepository, createAuditService } from './audit/index.js';
import type { Config } from './config.js';
import { createContractRepository, createContractService } from './contracts/index.js';
import { createProductRepository, createProductService } from './products/index.js';
import { createExtractionPool, createSdsRepository, createSdsService } from './sds/index.js';
import type { Logger } from './shared/logger.js';
import { createSupplierRepository, createSupplierService } from './suppliers/index.js';
import { createTokenRepository, createTokenService } from './tokens/index.js';
import { transactionRunner } from './storage/transaction.js';

export interface ServiceOptions {
  config: Pick<Config, 'SDS_EXTRACT_WORKERS' | 'SDS_EXTRACT_TIMEOUT_MS' | 'SDS_EXTRACT_MEMORY_MB'>;
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
  };
  const { suppliers, contracts, products, tokens, sdsRevisions } = repositories;
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
  });

  return {
    audit,
    tokens: createTokenService({ tokens, audit, inTransaction, supplierExists }),
    suppliers: createSupplierService({
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
    }),
    contracts: createContractService({
      contracts,
      audit,
      inTransaction,
      supplierExists,
      productsOnContract: (contractId, supplierIds, session) => products.countOnContract(contractId, supplierIds, session),
    }),
    products: productService,
    sds: createSdsService({
      revisions: sdsRevisions,
      visibleProduct: (actor, id, session) => productService.get(actor, id, session),
      audit,
      inTransaction,
      extract: (bytes) => extraction.extract(bytes),
      ...(logger ? { logger } : {}),
    }),

    /** Create every collection's indexes (unique ones carry business rules) before serving. */
    async prepare(): Promise<void> {
      for (const repository of Object.values(repositories)) await repository.model.init();
    },

    /** Stop background work (the extraction workers). Storage is closed by its owner, after this. */
    async close(): Promise<void> {
      await extraction.close();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
