import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { Product, ProductCreate, ProductListQuery, ProductPage, ProductUpdate } from './product.schema.js';
import type { ProductService } from './product.service.js';

const ALL = ['admin', 'expert', 'procurement', 'supplier'] as const;
const OWNERS = ['admin', 'supplier'] as const;

export function registerProductRoutes(api: ApiRegistry, products: ProductService): void {
  api.define(
    {
      method: 'get', path: '/products', operationId: 'listProducts', tag: 'products', roles: ALL,
      summary: 'List products, filtered by supplier, contract, category, kind or text in the name',
      description: 'A supplier token sees only its own products.',
      query: ProductListQuery,
      responses: { 200: { description: 'a page of products', schema: ProductPage } },
    },
    async ({ actor, query }, res) => {
      res.json(await products.list(actor, query));
    },
  );

  api.define(
    {
      method: 'post', path: '/products', operationId: 'createProduct', tag: 'products', roles: OWNERS,
      summary: 'Register a product',
      body: ProductCreate,
      responses: { 201: { description: 'the product', schema: Product } },
    },
    async ({ actor, body }, res) => {
      res.status(201).json(await products.create(actor, body));
    },
  );

  api.define(
    {
      method: 'get', path: '/products/:id', operationId: 'getProduct', tag: 'products', roles: ALL,
      summary: 'Read a product',
      params: IdParams,
      responses: { 200: { description: 'the product', schema: Product }, 404: { description: 'no such product, or not yours (NOT_FOUND)' } },
    },
    async ({ actor, params }, res) => {
      res.json(await products.get(actor, params.id));
    },
  );

  api.define(
    {
      method: 'patch', path: '/products/:id', operationId: 'updateProduct', tag: 'products', roles: OWNERS,
      summary: 'Change a product',
      params: IdParams, body: ProductUpdate,
      responses: { 200: { description: 'the changed product', schema: Product }, 404: { description: 'no such product, or not yours (NOT_FOUND)' } },
    },
    async ({ actor, params, body }, res) => {
      res.json(await products.update(actor, params.id, body));
    },
  );

  api.define(
    {
      method: 'delete', path: '/products/:id', operationId: 'deleteProduct', tag: 'products', roles: OWNERS,
      summary: 'Delete a product',
      params: IdParams,
      responses: { 204: { description: 'deleted' }, 404: { description: 'no such product, or not yours (NOT_FOUND)' } },
    },
    async ({ actor, params }, res) => {
      await products.remove(actor, params.id);
      res.status(204).end();
    },
  );
}
