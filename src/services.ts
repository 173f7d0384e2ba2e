// Wiring: repositories on one connection, and the services (use cases) built on them. Start-up and tests
// both go through here, so a test exercises exactly what production runs.
import type { Connection } from 'mongoose';
import { createAuditRepository, createAuditService } from './audit/index.js';
import { createContractRepository, createContractService } from './contracts/index.js';
import { createProductRepository, createProductService } from './products/index.js';
import { createSupplierRepository, createSupplierService } from './suppliers/index.js';
import { createTokenRepository, createTokenService } from './tokens/index.js';
import { transactionRunner } from './storage/transaction.js';

export function createServices(connection: Connection) {
  const inTransaction = transactionRunner(connection);
  const repositories = {
    audit: createAuditRepository(connection),
    suppliers: createSupplierRepository(connection),
    contracts: createContractRepository(connection),
    products: createProductRepository(connection),
    tokens: createTokenRepository(connection),
  };
  const { suppliers, contracts, products, tokens } = repositories;
  const audit = createAuditService(repositories.audit);
  const supplierExists = (id: string, session: Parameters<typeof suppliers.exists>[1]) => suppliers.exists(id, session);

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
    products: createProductService({ products, contracts, audit, inTransaction, supplierExists }),

    /** Create every collection's indexes (unique ones carry business rules) before serving. */
    async prepare(): Promise<void> {
      for (const repository of Object.values(repositories)) await repository.model.init();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
