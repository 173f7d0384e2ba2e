import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import {
  DeclarationRequest,
  DeclarationRequestBatch,
  DeclarationRequestCreate,
  DeclarationRequestListQuery,
  DeclarationRequestPage,
} from './declaration-request.schema.js';
import type { DeclarationRequestService } from './declaration-request.service.js';

const READERS = ['admin', 'expert', 'procurement', 'supplier'] as const;
// Those who follow contracts up ask suppliers to declare.
const REQUESTERS = ['admin', 'expert', 'procurement'] as const;
const NOT_FOUND = { description: 'no such request, or not yours (NOT_FOUND)' };

export function registerDeclarationRequestRoutes(api: ApiRegistry, requests: DeclarationRequestService): void {
  api.define(
    {
      method: 'post', path: '/declaration-requests', operationId: 'requestDeclarations', tag: 'declarations', roles: REQUESTERS,
      summary: 'Ask a supplier to declare a product, or its products on a contract, by a due date',
      description:
        'With `productId`, the product\'s supplier is asked for that product. With `contractId`, every supplier on the contract ' +
        '(or only `supplierId`) is asked for each of its products on the contract: one request per supplier with products there. ' +
        'A request is answered product by product by the declarations submitted afterwards (one product at a time or in bulk), ' +
        'and fulfilled when every product is declared; it is overdue while open after its due date.',
      body: DeclarationRequestCreate,
      responses: {
        201: { description: 'the requests made, one per supplier asked', schema: DeclarationRequestBatch },
        400: {
          description:
            'neither or both of productId and contractId, or a due date in the past (VALIDATION_FAILED); no such product or ' +
            'contract, a supplier not on the contract, or no products on the contract to declare (INVALID_REFERENCE)',
        },
      },
    },
    async ({ actor, body }, res) => {
      res.status(201).json({ items: await requests.create(actor, body) });
    },
  );

  api.define(
    {
      method: 'get', path: '/declaration-requests', operationId: 'listDeclarationRequests', tag: 'declarations', roles: READERS,
      summary: 'Declaration requests, soonest due first; a supplier sees the ones made to it',
      description: '`status=open` is what a supplier still has to do; `overdue=true` is what contract follow-up reports.',
      query: DeclarationRequestListQuery,
      responses: { 200: { description: 'a page of requests', schema: DeclarationRequestPage } },
    },
    async ({ actor, query }, res) => {
      res.json(await requests.list(actor, query));
    },
  );

  api.define(
    {
      method: 'get', path: '/declaration-requests/:id', operationId: 'getDeclarationRequest', tag: 'declarations', roles: READERS,
      summary: 'One declaration request, with each product\'s answer',
      params: IdParams,
      responses: { 200: { description: 'the request', schema: DeclarationRequest }, 404: NOT_FOUND },
    },
    async ({ actor, params }, res) => {
      res.json(await requests.get(actor, params.id));
    },
  );

  api.define(
    {
      method: 'post', path: '/declaration-requests/:id/cancel', operationId: 'cancelDeclarationRequest', tag: 'declarations', roles: REQUESTERS,
      summary: 'Withdraw an open declaration request',
      params: IdParams,
      responses: {
        200: { description: 'the cancelled request', schema: DeclarationRequest },
        404: NOT_FOUND,
        409: { description: 'the request is already fulfilled or cancelled (CONFLICT)' },
      },
    },
    async ({ actor, params }, res) => {
      res.json(await requests.cancel(actor, params.id));
    },
  );
}
