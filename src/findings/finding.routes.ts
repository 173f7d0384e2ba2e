import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { DecisionInput, Finding, FindingListQuery, FindingPage } from './finding.schema.js';
import type { FindingService } from './finding.service.js';

const READERS = ['admin', 'expert', 'procurement', 'supplier'] as const;

export function registerFindingRoutes(api: ApiRegistry, findings: FindingService): void {
  api.define(
    {
      method: 'get', path: '/findings', operationId: 'listFindings', tag: 'findings', roles: READERS,
      summary: 'Findings, newest first, filtered by contract, supplier, product, list, severity, status or match type',
      description: 'A supplier token sees only its own findings.',
      query: FindingListQuery,
      responses: { 200: { description: 'a page of findings', schema: FindingPage } },
    },
    async ({ actor, query }, res) => {
      res.json(await findings.list(actor, query));
    },
  );

  api.define(
    {
      method: 'get', path: '/findings/:id', operationId: 'getFinding', tag: 'findings', roles: READERS,
      summary: 'One finding with its evidence and full history',
      params: IdParams,
      responses: { 200: { description: 'the finding', schema: Finding }, 404: { description: 'no such finding, or not yours (NOT_FOUND)' } },
    },
    async ({ actor, params }, res) => {
      res.json(await findings.get(actor, params.id));
    },
  );

  api.define(
    {
      method: 'post', path: '/findings/:id/decisions', operationId: 'decideFinding', tag: 'findings', roles: ['admin', 'expert', 'supplier'],
      summary: 'Decide on a finding (experts), or answer a request (the supplier)',
      params: IdParams, body: DecisionInput,
      responses: {
        200: { description: 'the finding after the decision', schema: Finding },
        400: { description: 'a required comment or date is missing (VALIDATION_FAILED), or the answer names a document that is not an SDS revision of the finding\'s product (INVALID_REFERENCE)' },
        403: { description: 'this role may not take this action (FORBIDDEN)' },
        404: { description: 'no such finding, or not yours (NOT_FOUND)' },
        409: { description: 'the action is not allowed from the finding\'s status, or it changed meanwhile (CONFLICT)' },
      },
    },
    async ({ actor, params, body }, res) => {
      res.json(await findings.decide(actor, params.id, body));
    },
  );
}
