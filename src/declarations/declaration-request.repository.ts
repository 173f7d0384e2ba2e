// Declaration requests in MongoDB, returned as plain objects (as stored: what depends on the day is the service's).
import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { toObjectId } from '../shared/ids.js';
import { countBy, findPage, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { DeclarationRequestSchema, type DeclarationRequestDoc } from './declaration-request.model.js';
import type { DeclarationRequest, DeclarationRequestStatus, RequestedProduct } from './declaration-request.schema.js';

export type StoredRequest = Omit<DeclarationRequest, 'overdue' | 'outstanding'>;
export type RequestFields = Omit<StoredRequest, 'id'>;

export interface RequestFilter {
  supplierId?: string;
  status?: DeclarationRequestStatus;
  productId?: string;
  contractId?: string;
  /** true: open and due before `today`; false: anything else. */
  overdue?: { is: boolean; today: string };
}

const person = (p: StoredRequest['requestedBy']): StoredRequest['requestedBy'] => ({ tokenId: p.tokenId, tokenName: p.tokenName, role: p.role });

const toRequest = (doc: DeclarationRequestDoc): StoredRequest => ({
  id: doc._id.toHexString(),
  supplierId: doc.supplierId,
  productId: doc.productId,
  contractId: doc.contractId,
  dueDate: doc.dueDate,
  message: doc.message,
  status: doc.status,
  products: doc.products.map((p) => ({ productId: p.productId, declarationId: p.declarationId, answeredAt: p.answeredAt })),
  requestedAt: doc.requestedAt,
  requestedBy: person(doc.requestedBy),
  fulfilledAt: doc.fulfilledAt,
  cancelledAt: doc.cancelledAt,
  cancelledBy: doc.cancelledBy === null ? null : person(doc.cancelledBy),
});

export function createDeclarationRequestRepository(connection: Connection) {
  const Requests = modelOn(connection, 'DeclarationRequest', DeclarationRequestSchema);

  return {
    model: Requests,

    async insert(fields: readonly RequestFields[], session: Session): Promise<StoredRequest[]> {
      const docs = await Requests.create([...fields], { session, ordered: true });
      return docs.map((doc) => toRequest(doc.toObject()));
    },

    async findById(id: string, session?: Session): Promise<StoredRequest | undefined> {
      const doc = await Requests.findById(toObjectId(id)).session(session ?? null).lean<DeclarationRequestDoc>();
      return doc ? toRequest(doc) : undefined;
    },

    /** Soonest due first. */
    async list(filter: RequestFilter, page: PageRequest): Promise<Page<StoredRequest>> {
      const and: Array<Record<string, unknown>> = [];
      if (filter.supplierId !== undefined) and.push({ supplierId: filter.supplierId });
      if (filter.status !== undefined) and.push({ status: filter.status });
      if (filter.productId !== undefined) and.push({ 'products.productId': filter.productId });
      if (filter.contractId !== undefined) and.push({ contractId: filter.contractId });
      if (filter.overdue !== undefined) {
        const { is, today } = filter.overdue;
        and.push(is ? { status: 'open', dueDate: { $lt: today } } : { $or: [{ status: { $ne: 'open' } }, { dueDate: { $gte: today } }] });
      }
      return findPage(Requests, and.length > 0 ? { $and: and } : {}, { dueDate: 1, _id: 1 }, page, toRequest);
    },

    /** How many requests there are in each status (statuses without requests are absent). */
    async countByStatus(): Promise<Map<string, number>> {
      return countBy(Requests, 'status');
    },

    /** Open requests due before `today` (YYYY-MM-DD), as `list` filters them with `overdue`. */
    async countOverdue(today: string): Promise<number> {
      return Requests.countDocuments({ status: 'open', dueDate: { $lt: today } });
    },

    /** Open requests that still wait for this product's declaration. */
    async openForProduct(productId: string, session?: Session): Promise<StoredRequest[]> {
      const docs = await Requests.find({ status: 'open', products: { $elemMatch: { productId, declarationId: null } } }).session(session ?? null).lean<DeclarationRequestDoc[]>();
      return docs.map(toRequest);
    },

    /** Open requests still waiting for a declaration of any of these products. */
    async openForProducts(productIds: readonly string[]): Promise<StoredRequest[]> {
      if (productIds.length === 0) return [];
      const docs = await Requests.find({ status: 'open', products: { $elemMatch: { productId: { $in: [...productIds] }, declarationId: null } } }).lean<DeclarationRequestDoc[]>();
      return docs.map(toRequest);
    },

    /** Records answers; `fulfilledAt` set marks the request fulfilled. Only while it is still open. */
    async answer(id: string, products: readonly RequestedProduct[], fulfilledAt: Date | null, session: Session): Promise<StoredRequest | undefined> {
      const $set: Record<string, unknown> = { products: [...products] };
      if (fulfilledAt !== null) Object.assign($set, { status: 'fulfilled', fulfilledAt });
      const doc = await Requests.findOneAndUpdate({ _id: toObjectId(id), status: 'open' }, { $set }, { returnDocument: 'after', session }).lean<DeclarationRequestDoc>();
      return doc ? toRequest(doc) : undefined;
    },

    async cancel(id: string, by: StoredRequest['requestedBy'], at: Date, session: Session): Promise<StoredRequest | undefined> {
      const doc = await Requests.findOneAndUpdate(
        { _id: toObjectId(id), status: 'open' },
        { $set: { status: 'cancelled', cancelledAt: at, cancelledBy: by } },
        { returnDocument: 'after', session },
      ).lean<DeclarationRequestDoc>();
      return doc ? toRequest(doc) : undefined;
    },
  };
}
export type DeclarationRequestRepository = ReturnType<typeof createDeclarationRequestRepository>;
