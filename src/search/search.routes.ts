import type { ApiRegistry } from '../shared/http/route.js';
import { SearchQuery, SearchResult } from './search.schema.js';
import type { SearchService } from './search.service.js';

export function registerSearchRoutes(api: ApiRegistry, search: SearchService): void {
  api.define(
    {
      method: 'get', path: '/search', operationId: 'search', tag: 'search', roles: ['admin', 'expert', 'procurement', 'supplier'],
      summary: 'Search products before buying: names, article numbers, suppliers, substances and their synonyms, CAS/EC numbers',
      description:
        'Typos are tolerated; a CAS or EC number is looked up exactly. Hits come exact article number, CAS or EC first, then name ' +
        'matches, then the rest, products on a contract before others in each group. Each hit shows its contracts, worst open ' +
        'finding and why it matched. Without q, the filters alone choose. A supplier token finds only its own products.',
      query: SearchQuery,
      responses: { 200: { description: 'a page of hits, best first', schema: SearchResult } },
    },
    async ({ actor, query }, res) => {
      res.json(await search.search(actor, query));
    },
  );
}
