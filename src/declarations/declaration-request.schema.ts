// Declaration requests (issue 6): an expert or procurement officer asks a supplier to declare the content of one
// product, or of every product it sells under a contract, by a due date. The supplier sees its open requests; a
// request is answered product by product as declarations arrive, and is overdue once its due date has passed with
// products still undeclared (contract follow-up, domain.md).
import { z } from 'zod';
import { Role } from '../shared/actor.js';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';

export const DeclarationRequestStatus = z
  .enum(['open', 'fulfilled', 'cancelled'])
  .meta({ id: 'DeclarationRequestStatus', description: 'open: products still to declare; fulfilled: every product declared after the request; cancelled: withdrawn by the requester' });
export type DeclarationRequestStatus = z.infer<typeof DeclarationRequestStatus>;

export const DeclarationRequestCreate = z
  .strictObject({
    productId: Id.optional().describe('ask for one product\'s declaration (its supplier is asked)'),
    contractId: Id.optional().describe('ask every supplier on the contract for each of its products on the contract: one request per supplier'),
    supplierId: Id.optional().describe('with contractId: ask only this supplier on the contract'),
    dueDate: z.iso.date().describe('the last day to declare (YYYY-MM-DD); today or later'),
    message: z.string().trim().min(1).max(2000).optional().describe('what the supplier should know, e.g. the contract clause'),
  })
  .refine((r) => (r.productId === undefined) !== (r.contractId === undefined), { path: ['productId'], message: 'give either productId or contractId' })
  .refine((r) => r.supplierId === undefined || r.contractId !== undefined, { path: ['supplierId'], message: 'supplierId narrows a contract request: give contractId with it' })
  .meta({ id: 'DeclarationRequestCreate' });
export type DeclarationRequestCreate = z.infer<typeof DeclarationRequestCreate>;

const Person = z.object({ tokenId: z.string(), tokenName: z.string(), role: Role }).meta({ id: 'DeclarationRequestActor' });
type Person = z.infer<typeof Person>;

export const RequestedProduct = z
  .object({
    productId: Id,
    declarationId: Id.nullable().describe('the declaration revision that answered the request for this product; null while undeclared'),
    answeredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'RequestedProduct' });
export interface RequestedProduct {
  productId: string;
  declarationId: string | null;
  answeredAt: Date | null;
}

export const DeclarationRequest = z
  .object({
    id: Id,
    supplierId: Id.describe('the supplier asked'),
    productId: Id.nullable().describe('set when one product was asked for'),
    contractId: Id.nullable().describe('set when the supplier\'s products on a contract were asked for'),
    dueDate: z.iso.date(),
    message: z.string().nullable(),
    status: DeclarationRequestStatus,
    overdue: z.boolean().describe('open, and the due date has passed'),
    products: z.array(RequestedProduct).describe('the products asked for (for a contract: the supplier\'s products on it when asked)'),
    outstanding: z.number().int().describe('products not yet declared'),
    requestedAt: z.iso.datetime(),
    requestedBy: Person,
    fulfilledAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    cancelledBy: Person.nullable(),
  })
  .meta({ id: 'DeclarationRequest' });
export interface DeclarationRequest {
  id: string;
  supplierId: string;
  productId: string | null;
  contractId: string | null;
  dueDate: string;
  message: string | null;
  status: DeclarationRequestStatus;
  overdue: boolean;
  products: RequestedProduct[];
  outstanding: number;
  requestedAt: Date;
  requestedBy: Person;
  fulfilledAt: Date | null;
  cancelledAt: Date | null;
  cancelledBy: Person | null;
}

export const DeclarationRequestBatch = z
  .object({ items: z.array(DeclarationRequest).describe('one request per supplier asked') })
  .meta({ id: 'DeclarationRequestBatch' });

export const DeclarationRequestListQuery = z.strictObject({
  status: DeclarationRequestStatus.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true: open requests past their due date; false: requests that are not overdue'),
  supplierId: Id.optional(),
  productId: Id.optional().describe('requests that ask for this product'),
  contractId: Id.optional(),
  ...PageQuery,
});
export type DeclarationRequestListQuery = z.infer<typeof DeclarationRequestListQuery>;

export const DeclarationRequestPage = PageOf(DeclarationRequest, 'DeclarationRequestPage');
