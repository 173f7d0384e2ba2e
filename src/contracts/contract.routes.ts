import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { Contract, ContractCreate, ContractListQuery, ContractPage, ContractUpdate } from './contract.schema.js';
import type { ContractService } from './contract.service.js';

const ALL = ['admin', 'expert', 'procurement', 'supplier'] as const;

export function registerContractRoutes(api: ApiRegistry, contracts: ContractService): void {
  api.define(
    {
      method: 'get', path: '/contracts', operationId: 'listContracts', tag: 'contracts', roles: ALL,
      summary: 'List contracts', description: 'A supplier token sees only the contracts it is party to.',
      query: ContractListQuery,
      responses: { 200: { description: 'a page of contracts', schema: ContractPage } },
    },
    async ({ actor, query }, res) => {
      res.json(await contracts.list(actor, query));
    },
  );

  api.define(
    {
      method: 'post', path: '/contracts', operationId: 'createContract', tag: 'contracts', roles: ['admin'],
      summary: 'Register a contract (framework agreement)',
      body: ContractCreate,
      responses: { 201: { description: 'the contract', schema: Contract }, 409: { description: 'contract number already registered (DUPLICATE)' } },
    },
    async ({ actor, body }, res) => {
      res.status(201).json(await contracts.create(actor, body));
    },
  );

  api.define(
    {
      method: 'get', path: '/contracts/:id', operationId: 'getContract', tag: 'contracts', roles: ALL,
      summary: 'Read a contract',
      params: IdParams,
      responses: { 200: { description: 'the contract', schema: Contract }, 404: { description: 'no such contract, or not one of yours (NOT_FOUND)' } },
    },
    async ({ actor, params }, res) => {
      res.json(await contracts.get(actor, params.id));
    },
  );

  api.define(
    {
      method: 'patch', path: '/contracts/:id', operationId: 'updateContract', tag: 'contracts', roles: ['admin'],
      summary: 'Change a contract',
      params: IdParams, body: ContractUpdate,
      responses: {
        200: { description: 'the changed contract', schema: Contract },
        404: { description: 'no such contract (NOT_FOUND)' },
        409: { description: 'number already registered (DUPLICATE), or a removed supplier still has products on it (IN_USE)' },
      },
    },
    async ({ actor, params, body }, res) => {
      res.json(await contracts.update(actor, params.id, body));
    },
  );

  api.define(
    {
      method: 'delete', path: '/contracts/:id', operationId: 'deleteContract', tag: 'contracts', roles: ['admin'],
      summary: 'Delete a contract no product is linked to',
      params: IdParams,
      responses: { 204: { description: 'deleted' }, 404: { description: 'no such contract (NOT_FOUND)' }, 409: { description: 'products are linked to it (IN_USE)' } },
    },
    async ({ actor, params }, res) => {
      await contracts.remove(actor, params.id);
      res.status(204).end();
    },
  );
}
