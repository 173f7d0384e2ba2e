import type { ApiRegistry } from '../shared/http/route.js';
import { Stats, StatsQuery } from './stats.schema.js';
import type { StatsService } from './stats.service.js';

// Not suppliers: every count spans all suppliers' records.
const READERS = ['admin', 'expert', 'procurement'] as const;

export function registerStatsRoutes(api: ApiRegistry, stats: StatsService): void {
  api.define(
    {
      method: 'get', path: '/stats', operationId: 'getStats', tag: 'stats', roles: READERS,
      summary: 'Counts for a dashboard: products, suppliers, contracts, documents, findings (also per month) and the share of screened products that are clean',
      description: 'The counts span every supplier\'s records, so a supplier token is refused. Months are UTC calendar months.',
      query: StatsQuery,
      responses: {
        200: { description: 'the counts', schema: Stats },
        400: { description: '`months` is not a whole number from 1 to 60 (VALIDATION_FAILED, issues[].path = query.months)' },
        403: { description: 'a supplier token: the counts span every supplier (FORBIDDEN)' },
      },
    },
    async ({ actor, query }, res) => {
      res.json(await stats.overview(actor, query));
    },
  );
}
