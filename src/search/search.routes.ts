import { keptJsonSender } from '../shared/http/kept-json.js';
import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { Alternatives, AlternativesQuery, SearchQuery, SearchResult } from './search.schema.js';
import type { SearchService } from './search.service.js';

export function registerSearchRoutes(api: ApiRegistry, search: SearchService): void {
  const sendAnswer = keptJsonSender<SearchResult>();

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
      sendAnswer(res, await search.search(actor, query));
    },
  );

  api.define(
    {
      method: 'get', path: '/products/:id/alternatives', operationId: 'productAlternatives', tag: 'search', roles: ['admin', 'expert', 'procurement'],
      summary: 'Substitution suggestions: products of the same category without this product\'s open findings',
      description:
        'Products in the same category with none of the product\'s open findings (by list entry) and fewer or less severe open ' +
        'findings, those on the same contracts first, then fewest and least severe findings. Each says why it is suggested. A ' +
        'product without open findings has none. Suppliers may not ask: the suggestions are other suppliers\' products.',
      params: IdParams,
      query: AlternativesQuery,
      responses: {
        200: { description: 'the product, the findings avoided and the alternatives', schema: Alternatives },
        404: { description: 'no such product (NOT_FOUND)' },
      },
    },
    async ({ actor, params, query }, res) => {
      res.json(await search.alternatives(actor, params.id, query));
    },
  );
}
