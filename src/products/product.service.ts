// Product use cases. Suppliers manage their own products; admins manage any; experts and procurement read.
// A product belongs to exactly one supplier for life, and may be linked only to contracts that supplier is on.
import type { AuditService } from '../audit/index.js';
import type { ContractRepository } from '../contracts/index.js';
import { tenantOf, type Actor } from '../shared/actor.js';
import { invalidReference, inUse, notFound, validationFailed } from '../shared/errors.js';
import type { Page } from '../shared/http/pagination.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import type { ProductRepository } from './product.repository.js';
import type { Product, ProductCreate, ProductListQuery, ProductUpdate } from './product.schema.js';

export function createProductService(deps: {
  products: ProductRepository;
  contracts: ContractRepository;
  audit: AuditService;
  inTransaction: RunInTransaction;
  supplierExists: (id: string, session: Session) => Promise<boolean>;
  /** SDS revisions of the product: they keep it (their originals and the audit trail refer to it). */
  sdsRevisionCount: (productId: string, session: Session) => Promise<number>;
  declarationCount: (productId: string, session: Session) => Promise<number>;
}) {
  const { products, contracts, audit, inTransaction, supplierExists, sdsRevisionCount, declarationCount } = deps;

  async function visibleProduct(actor: Actor, id: string, session?: Session): Promise<Product> {
    const product = await products.findById(id, session);
    const tenant = tenantOf(actor);
    if (!product || (tenant !== undefined && product.supplierId !== tenant)) throw notFound('product', id);
    return product;
  }

  /** The supplier a new product belongs to: a supplier token's own, or the one an admin names. */
  async function owningSupplier(actor: Actor, requested: string | undefined, session: Session): Promise<string> {
    const tenant = tenantOf(actor);
    if (tenant !== undefined) {
      // Naming another supplier gets the same answer as naming one that does not exist: nothing leaks.
      if (requested !== undefined && requested !== tenant) throw invalidReference('body.supplierId', `supplier ${requested} does not exist`);
      return tenant;
    }
    if (requested === undefined) throw validationFailed([{ path: 'body.supplierId', message: 'required: the supplier the product belongs to' }]);
    if (!(await supplierExists(requested, session))) throw invalidReference('body.supplierId', `supplier ${requested} does not exist`);
    return requested;
  }

  async function assertContractsInclude(supplierId: string, contractIds: string[], session: Session): Promise<void> {
    const found = new Map((await contracts.findByIds(contractIds, session)).map((c) => [c.id, c]));
    for (const [i, id] of contractIds.entries()) {
      if (!found.get(id)?.supplierIds.includes(supplierId)) {
        throw invalidReference(`body.contractIds.${i}`, `contract ${id} does not exist or does not include the product's supplier`);
      }
    }
  }

  return {
    async list(actor: Actor, query: ProductListQuery): Promise<Page<Product>> {
      const { limit, offset, ...filter } = query;
      const tenant = tenantOf(actor);
      if (tenant !== undefined && filter.supplierId !== undefined && filter.supplierId !== tenant) {
        return { items: [], total: 0, limit, offset }; // another supplier's products: as if there were none
      }
      return products.list({ ...filter, ...(tenant !== undefined ? { supplierId: tenant } : {}) }, { limit, offset });
    },

    get: visibleProduct,

    async create(actor: Actor, input: ProductCreate): Promise<Product> {
      return inTransaction(async (session) => {
        const supplierId = await owningSupplier(actor, input.supplierId, session);
        await assertContractsInclude(supplierId, input.contractIds, session);
        const created = await products.insert({ ...input, supplierId }, session);
        await audit.record(actor, { action: 'product.created', entityType: 'product', entityId: created.id, supplierId, before: null, after: created }, session);
        return created;
      });
    },

    async update(actor: Actor, id: string, patch: ProductUpdate): Promise<Product> {
      return inTransaction(async (session) => {
        const before = await visibleProduct(actor, id, session);
        if (patch.contractIds !== undefined) await assertContractsInclude(before.supplierId, patch.contractIds, session);
        const after = await products.update(id, patch, session);
        if (!after) throw notFound('product', id);
        await audit.record(actor, { action: 'product.updated', entityType: 'product', entityId: id, supplierId: after.supplierId, before, after }, session);
        return after;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await inTransaction(async (session) => {
        const before = await visibleProduct(actor, id, session);
        const revisions = await sdsRevisionCount(id, session);
        if (revisions > 0) throw inUse(`product ${id} has ${revisions} SDS revision(s); a product with safety data sheets cannot be deleted`);
        // Declarations are evidence for findings, like SDS revisions: they are kept, and so is their product.
        const declared = await declarationCount(id, session);
        if (declared > 0) throw inUse(`product ${id} has ${declared} declaration revision(s); a product with declarations cannot be deleted`);
        await products.remove(id, session);
        await audit.record(actor, { action: 'product.deleted', entityType: 'product', entityId: id, supplierId: before.supplierId, before, after: null }, session);
      });
    },
  };
}
export type ProductService = ReturnType<typeof createProductService>;
