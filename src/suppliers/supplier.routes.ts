import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { Supplier, SupplierCreate, SupplierListQuery, SupplierPage, SupplierUpdate } from './supplier.schema.js';
import type { SupplierService } from './supplier.service.js';

const ALL = ['admin', 'expert', 'procurement', 'supplier'] as const;

export function registerSupplierRoutes(api: ApiRegistry, suppliers: SupplierService): void {
  api.define(
    {
      method: 'get', path: '/suppliers', operationId: 'listSuppliers', tag: 'suppliers', roles: ALL,
      summary: 'List suppliers', description: 'A supplier token sees only its own supplier.',
      query: SupplierListQuery,
      responses: { 200: { description: 'a page of suppliers', schema: SupplierPage } },
    },
    async ({ actor, query }, res) => {
      res.json(await suppliers.list(actor, query));
    },
  );

  api.define(
    {
      method: 'post', path: '/suppliers', operationId: 'createSupplier', tag: 'suppliers', roles: ['admin'],
      summary: 'Register a supplier',
      body: SupplierCreate,
      responses: { 201: { description: 'the supplier', schema: Supplier }, 409: { description: 'organisation number already registered (DUPLICATE)' } },
    },
    async ({ actor, body }, res) => {
      res.status(201).json(await suppliers.create(actor, body));
    },
  );

  api.define(
    {
      method: 'get', path: '/suppliers/:id', operationId: 'getSupplier', tag: 'suppliers', roles: ALL,
      summary: 'Read a supplier',
      params: IdParams,
      responses: { 200: { description: 'the supplier', schema: Supplier }, 404: { description: 'no such supplier, or not yours (NOT_FOUND)' } },
    },
    async ({ actor, params }, res) => {
      res.json(await suppliers.get(actor, params.id));
    },
  );

  api.define(
    {
      method: 'patch', path: '/suppliers/:id', operationId: 'updateSupplier', tag: 'suppliers', roles: ['admin', 'supplier'],
      summary: 'Change a supplier', description: 'A supplier token may change its own name and contacts.',
      params: IdParams, body: SupplierUpdate,
      responses: {
        200: { description: 'the changed supplier', schema: Supplier },
        404: { description: 'no such supplier, or not yours (NOT_FOUND)' },
        409: { description: 'organisation number already registered (DUPLICATE)' },
      },
    },
    async ({ actor, params, body }, res) => {
      res.json(await suppliers.update(actor, params.id, body));
    },
  );

  api.define(
    {
      method: 'delete', path: '/suppliers/:id', operationId: 'deleteSupplier', tag: 'suppliers', roles: ['admin'],
      summary: 'Delete a supplier without products, contracts or tokens',
      params: IdParams,
      responses: {
        204: { description: 'deleted' },
        404: { description: 'no such supplier (NOT_FOUND)' },
        409: { description: 'still referenced by products, contracts or tokens (IN_USE)' },
      },
    },
    async ({ actor, params }, res) => {
      await suppliers.remove(actor, params.id);
      res.status(204).end();
    },
  );
}
