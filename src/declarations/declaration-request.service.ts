// Declaration request use cases (issue 6): ask a supplier to declare a product, or its products on a contract, by a due
// date; list and read requests (a supplier only its own); cancel one; and answer requests as declarations arrive.
// Who may ask: admins, experts and procurement officers — those who follow contracts up. A request is answered for a
// product by any declaration submitted for it after the request was made, including one whose content is already
// stored (the supplier confirming an unchanged declaration has answered).
import type { AuditService } from '../audit/index.js';
import type { ContractRepository } from '../contracts/index.js';
import type { ProductRepository } from '../products/product.repository.js';
import { tenantOf, tokenOf, type Actor } from '../shared/actor.js';
import { ClientError, invalidReference, notFound, validationFailed } from '../shared/errors.js';
import type { Page } from '../shared/http/pagination.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import type { DeclarationRequestRepository, RequestFields, StoredRequest } from './declaration-request.repository.js';
import type { DeclarationRequest, DeclarationRequestCreate, DeclarationRequestListQuery } from './declaration-request.schema.js';


export function createDeclarationRequestService(deps: {
  requests: DeclarationRequestRepository;
  products: Pick<ProductRepository, 'findById' | 'idsOnContract'>;
  contracts: Pick<ContractRepository, 'findById'>;
  audit: AuditService;
  inTransaction: RunInTransaction;
  today?: () => string;
}) {
  const { requests, products, contracts, audit, inTransaction } = deps;
  const today = deps.today ?? ((): string => new Date().toISOString().slice(0, 10));

  /** What a reader sees: the stored request with what depends on the day. */
  function present(stored: StoredRequest, day = today()): DeclarationRequest {
    const outstanding = stored.products.filter((p) => p.declarationId === null).length;
    return { ...stored, overdue: stored.status === 'open' && stored.dueDate < day, outstanding };
  }

  async function visibleRequest(actor: Actor, id: string, session?: Session): Promise<StoredRequest> {
    const found = await requests.findById(id, session);
    const tenant = tenantOf(actor);
    if (!found || (tenant !== undefined && found.supplierId !== tenant)) throw notFound('declaration request', id);
    return found;
  }

  /** One request per supplier asked, each with the products it is asked to declare. */
  async function draft(actor: Actor, input: DeclarationRequestCreate, session: Session): Promise<RequestFields[]> {
    const base = {
      dueDate: input.dueDate, message: input.message ?? null, status: 'open' as const, requestedAt: new Date(), requestedBy: tokenOf(actor),
      fulfilledAt: null, cancelledAt: null, cancelledBy: null,
    };
    const asked = (productIds: string[]) => productIds.map((productId) => ({ productId, declarationId: null, answeredAt: null }));
    if (input.productId !== undefined) {
      const product = await products.findById(input.productId, session);
      if (!product) throw invalidReference('body.productId', `product ${input.productId} does not exist`);
      return [{ ...base, supplierId: product.supplierId, productId: product.id, contractId: null, products: asked([product.id]) }];
    }
    const contractId = input.contractId!;
    const contract = await contracts.findById(contractId, session);
    if (!contract) throw invalidReference('body.contractId', `contract ${contractId} does not exist`);
    if (input.supplierId !== undefined && !contract.supplierIds.includes(input.supplierId)) {
      throw invalidReference('body.supplierId', `supplier ${input.supplierId} is not on contract ${contract.number}`);
    }
    const drafts: RequestFields[] = [];
    for (const supplierId of input.supplierId !== undefined ? [input.supplierId] : contract.supplierIds) {
      const productIds = await products.idsOnContract(contract.id, supplierId, session);
      // A supplier with no product on the contract has nothing to declare under it.
      if (productIds.length > 0) drafts.push({ ...base, supplierId, productId: null, contractId: contract.id, products: asked(productIds) });
    }
    if (drafts.length === 0) {
      const who = input.supplierId !== undefined ? `supplier ${input.supplierId} has no products` : 'no supplier has products';
      throw invalidReference('body.contractId', `${who} on contract ${contract.number}: there is nothing to declare`);
    }
    return drafts;
  }

  return {
    async create(actor: Actor, input: DeclarationRequestCreate): Promise<DeclarationRequest[]> {
      const day = today();
      if (input.dueDate < day) throw validationFailed([{ path: 'body.dueDate', message: `must be today (${day}) or later` }]);
      const created = await inTransaction(async (session) => {
        const stored = await requests.insert(await draft(actor, input, session), session);
        for (const request of stored) {
          await audit.record(actor, { action: 'declaration-request.created', entityType: 'declaration-request', entityId: request.id, supplierId: request.supplierId, before: null, after: request }, session);
        }
        return stored;
      });
      return created.map((r) => present(r, day));
    },

    async list(actor: Actor, query: DeclarationRequestListQuery): Promise<Page<DeclarationRequest>> {
      const { limit, offset, overdue, ...filter } = query;
      const tenant = tenantOf(actor);
      if (tenant !== undefined && filter.supplierId !== undefined && filter.supplierId !== tenant) return { items: [], total: 0, limit, offset };
      const day = today();
      const page = await requests.list(
        { ...filter, ...(tenant !== undefined ? { supplierId: tenant } : {}), ...(overdue !== undefined ? { overdue: { is: overdue === 'true', today: day } } : {}) },
        { limit, offset },
      );
      return { ...page, items: page.items.map((r) => present(r, day)) };
    },

    async get(actor: Actor, id: string): Promise<DeclarationRequest> {
      return present(await visibleRequest(actor, id));
    },

    async cancel(actor: Actor, id: string): Promise<DeclarationRequest> {
      const cancelled = await inTransaction(async (session) => {
        const before = await visibleRequest(actor, id, session);
        if (before.status !== 'open') throw new ClientError('CONFLICT', `declaration request ${id} is ${before.status}; only an open request can be cancelled`);
        const after = await requests.cancel(id, tokenOf(actor), new Date(), session);
        if (!after) throw new ClientError('CONFLICT', `declaration request ${id} changed while it was being cancelled; read it again`);
        await audit.record(actor, { action: 'declaration-request.cancelled', entityType: 'declaration-request', entityId: id, supplierId: after.supplierId, before, after }, session);
        return after;
      });
      return present(cancelled);
    },

    /**
     * A declaration of `productId` was submitted (a new revision, or content already stored): it answers every open
     * request still waiting for that product, and fulfils those with nothing left to declare.
     */
    async answer(actor: Actor, productId: string, declarationId: string, session: Session): Promise<void> {
      const at = new Date();
      for (const before of await requests.openForProduct(productId, session)) {
        const answered = before.products.map((p) => (p.productId === productId && p.declarationId === null ? { ...p, declarationId, answeredAt: at } : p));
        const done = answered.every((p) => p.declarationId !== null);
        const after = await requests.answer(before.id, answered, done ? at : null, session);
        if (after === undefined) continue; // cancelled meanwhile: nothing to answer
        const action = done ? 'declaration-request.fulfilled' : 'declaration-request.answered';
        await audit.record(actor, { action, entityType: 'declaration-request', entityId: before.id, supplierId: before.supplierId, before, after }, session);
      }
    },
  };
}
export type DeclarationRequestService = ReturnType<typeof createDeclarationRequestService>;
