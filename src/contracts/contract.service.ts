// Contract use cases. Admins manage contracts; everyone reads them, a supplier only the contracts it is
// party to, and without the names of the other suppliers on the same agreement.
import type { AuditService } from '../audit/index.js';
import { tenantOf, type Actor } from '../shared/actor.js';
import { inUse, invalidReference, notFound, validationFailed } from '../shared/errors.js';
import type { Page } from '../shared/http/pagination.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import type { ContractRepository } from './contract.repository.js';
import type { Contract, ContractCreate, ContractListQuery, ContractUpdate } from './contract.schema.js';

/** Products of the given suppliers that are linked to a contract (they pin those suppliers to it). */
export type ProductsOnContract = (contractId: string, supplierIds: string[] | undefined, session: Session) => Promise<number>;

export function createContractService(deps: {
  contracts: ContractRepository;
  audit: AuditService;
  inTransaction: RunInTransaction;
  supplierExists: (id: string, session: Session) => Promise<boolean>;
  productsOnContract: ProductsOnContract;
}) {
  const { contracts, audit, inTransaction, supplierExists, productsOnContract } = deps;

  /** What a caller may see of a contract: a supplier sees itself as the only party. */
  function asSeenBy(actor: Actor, contract: Contract): Contract {
    const tenant = tenantOf(actor);
    return tenant === undefined ? contract : { ...contract, supplierIds: contract.supplierIds.filter((id) => id === tenant) };
  }

  async function visibleContract(actor: Actor, id: string, session?: Session): Promise<Contract> {
    const contract = await contracts.findById(id, session);
    const tenant = tenantOf(actor);
    if (!contract || (tenant !== undefined && !contract.supplierIds.includes(tenant))) throw notFound('contract', id);
    return contract;
  }

  async function assertSuppliersExist(ids: string[], session: Session): Promise<void> {
    for (const [i, id] of ids.entries()) {
      if (!(await supplierExists(id, session))) throw invalidReference(`body.supplierIds.${i}`, `supplier ${id} does not exist`);
    }
  }

  return {
    async list(actor: Actor, query: ContractListQuery): Promise<Page<Contract>> {
      const { limit, offset, ...filter } = query;
      const tenant = tenantOf(actor);
      if (tenant !== undefined && filter.supplierId !== undefined && filter.supplierId !== tenant) {
        return { items: [], total: 0, limit, offset }; // another supplier's contracts: as if there were none
      }
      const page = await contracts.list({ ...filter, ...(tenant !== undefined ? { supplierId: tenant } : {}) }, { limit, offset });
      return { ...page, items: page.items.map((c) => asSeenBy(actor, c)) };
    },

    async get(actor: Actor, id: string): Promise<Contract> {
      return asSeenBy(actor, await visibleContract(actor, id));
    },

    async create(actor: Actor, input: ContractCreate): Promise<Contract> {
      return inTransaction(async (session) => {
        await assertSuppliersExist(input.supplierIds, session);
        const created = await contracts.insert(input, session);
        await audit.record(actor, { action: 'contract.created', entityType: 'contract', entityId: created.id, before: null, after: created }, session);
        return created;
      });
    },

    async update(actor: Actor, id: string, patch: ContractUpdate): Promise<Contract> {
      return inTransaction(async (session) => {
        const before = await visibleContract(actor, id, session);
        const validFrom = patch.validFrom ?? before.validFrom;
        const validTo = patch.validTo ?? before.validTo;
        if (validFrom > validTo) throw validationFailed([{ path: 'body.validTo', message: 'validTo must not be before validFrom' }]);
        if (patch.supplierIds !== undefined) {
          await assertSuppliersExist(patch.supplierIds, session);
          const removed = before.supplierIds.filter((s) => !patch.supplierIds!.includes(s));
          if (removed.length > 0 && (await productsOnContract(id, removed, session)) > 0) {
            throw inUse(`products of supplier(s) ${removed.join(', ')} are linked to this contract; unlink them before removing the supplier`);
          }
        }
        const after = await contracts.update(id, patch, session);
        if (!after) throw notFound('contract', id);
        await audit.record(actor, { action: 'contract.updated', entityType: 'contract', entityId: id, before, after }, session);
        return after;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await inTransaction(async (session) => {
        const before = await visibleContract(actor, id, session);
        const linked = await productsOnContract(id, undefined, session);
        if (linked > 0) throw inUse(`${linked} product(s) are linked to contract ${id}; unlink them first`);
        await contracts.remove(id, session);
        await audit.record(actor, { action: 'contract.deleted', entityType: 'contract', entityId: id, before, after: null }, session);
      });
    },
  };
}
export type ContractService = ReturnType<typeof createContractService>;
