import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { CuratedLimitChange, CuratedLimitTable } from './curated-limit.schema.js';
import type { CuratedLimitService } from './curated-limit.service.js';
import { CuratedLimitOverride } from './curated-limits.js';

const READERS = ['admin', 'expert', 'procurement', 'supplier'] as const;
// Whoever may import a list may correct the limits screening applies to it.
const EDITORS = ['admin', 'expert'] as const;
const NO_OVERRIDE = { description: 'no such override (NOT_FOUND)' };
const REFUSED = {
  description:
    'the row is invalid (VALIDATION_FAILED), or matches no entry of the latest version of its list (INVALID_REFERENCE: a wrong entry number or CAS)',
};

export function registerCuratedLimitRoutes(api: ApiRegistry, limits: CuratedLimitService): void {
  api.define(
    {
      method: 'get', path: '/curated-limits', operationId: 'getCuratedLimits', tag: 'lists', roles: READERS,
      summary: 'The concentration limits chemreg curates for REACH Annex XVII and POPs entries, and this installation\'s overrides',
      description: 'ECHA\'s exports carry no limits for these two lists, so chemreg ships a hand-maintained table. Each row says how far it has been checked.',
      responses: { 200: { description: 'the table and the overrides', schema: CuratedLimitTable } },
    },
    async (_request, res) => {
      res.json(await limits.table());
    },
  );

  api.define(
    {
      method: 'post', path: '/curated-limits/overrides', operationId: 'createCuratedLimitOverride', tag: 'lists', roles: EDITORS,
      summary: 'Override the limit of an Annex XVII entry or POPs substance, and re-screen every product with it',
      body: CuratedLimitOverride,
      responses: {
        201: { description: 'the override, the entries it applies to, and the re-screen job', schema: CuratedLimitChange },
        400: REFUSED,
        409: { description: 'the Annex XVII entry already has an override (DUPLICATE): replace that one' },
      },
    },
    async ({ actor, body }, res) => {
      const result = await limits.create(actor, body);
      res.status(201).location(`/api/v1/curated-limits/overrides/${result.override.id}`).json(result);
    },
  );

  api.define(
    {
      method: 'put', path: '/curated-limits/overrides/:id', operationId: 'replaceCuratedLimitOverride', tag: 'lists', roles: EDITORS,
      summary: 'Replace an override, and re-screen every product with it',
      params: IdParams, body: CuratedLimitOverride,
      responses: {
        200: { description: 'the override as replaced, and the re-screen job', schema: CuratedLimitChange },
        400: REFUSED,
        404: NO_OVERRIDE,
        409: { description: 'another override already covers that Annex XVII entry (DUPLICATE)' },
      },
    },
    async ({ actor, params, body }, res) => {
      res.json(await limits.replace(actor, params.id, body));
    },
  );

  api.define(
    {
      method: 'delete', path: '/curated-limits/overrides/:id', operationId: 'deleteCuratedLimitOverride', tag: 'lists', roles: EDITORS,
      summary: 'Delete an override: chemreg\'s own row applies again; every product is re-screened',
      params: IdParams,
      responses: { 200: { description: 'the override as it was, and the re-screen job', schema: CuratedLimitChange }, 404: NO_OVERRIDE },
    },
    async ({ actor, params }, res) => {
      res.json(await limits.delete(actor, params.id));
    },
  );
}
