// The procurement search's API shapes (issue 7 "Search"): what a buyer asks and what each hit shows.
import { z } from 'zod';
import { Severity, SeverityCounts } from '../contracts/contract.schema.js';
import { ListId } from '../lists/list-entry.js';
import { ProductKind } from '../products/product.schema.js';
import { Id } from '../shared/ids.js';
import { PageQuery } from '../shared/http/pagination.js';

export const SearchQuery = z
  .strictObject({
    q: z.string().trim().max(200).optional().describe('words of a product, trade or supplier name, an article number, a substance name or synonym, or a CAS/EC number (looked up exactly); typos are tolerated'),
    contractId: Id.optional().describe('only products on this contract'),
    supplierId: Id.optional().describe('only this supplier\'s products'),
    category: z.string().trim().min(1).max(200).optional().describe('only this procurement category (case-insensitive)'),
    kind: ProductKind.optional(),
    clean: z.enum(['true', 'false']).optional().describe('true: only products without open red or orange findings'),
    listId: ListId.optional().describe('only products with an open finding from this list'),
    ...PageQuery,
  })
  .superRefine((query, ctx) => {
    const { q, limit: _limit, offset: _offset, ...filters } = query;
    const filtered = Object.values(filters).some((v) => v !== undefined && v !== 'false');
    if ((q === undefined || q === '') && !filtered) {
      ctx.addIssue({ code: 'custom', path: ['q'], message: 'give words to search for, or at least one filter' });
    }
  });
export type SearchQuery = z.infer<typeof SearchQuery>;

export const MatchField = z
  .enum(['articleNumber', 'cas', 'ec', 'name', 'tradeName', 'supplier', 'category', 'substance', 'synonym'])
  .describe('where the query matched: synonym is a name a regulatory list gives a declared substance');

export const SearchHit = z
  .object({
    product: z.object({
      id: Id,
      name: z.string(),
      tradeName: z.string().nullable(),
      supplierArticleNumbers: z.array(z.string()),
      buyerArticleNumbers: z.array(z.string()),
      category: z.string().nullable(),
      kind: ProductKind,
    }),
    supplier: z.object({ id: Id, name: z.string() }),
    contracts: z.array(z.object({ id: Id, number: z.string(), title: z.string() })),
    worstOpenSeverity: Severity.nullable().describe('the most severe open finding (open, confirmed or substitution requested); null when none'),
    reason: z.string().nullable().describe('one line on that finding: substance, list and why'),
    openFindings: SeverityCounts,
    match: z.enum(['exact', 'name', 'other']).describe('exact: article number, CAS or EC number; name: product or trade name; other: supplier, category, substance …'),
    score: z.number().describe('relevance within its match group, 0–1'),
    matched: z.array(z.object({ field: MatchField, text: z.string() })).describe('why the product matched'),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z
  .object({
    identifier: z.enum(['cas', 'ec']).nullable().describe('set when q was read as a CAS or EC number and looked up exactly'),
    items: z.array(SearchHit),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResult>;


export const AlternativesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('how many alternatives (1-100)'),
});
export type AlternativesQuery = z.infer<typeof AlternativesQuery>;

export const Alternative = z
  .object({
    product: SearchHit.shape.product,
    supplier: SearchHit.shape.supplier,
    contracts: SearchHit.shape.contracts,
    sharesContract: z.boolean().describe('on at least one of the same contracts as the product it replaces'),
    worstOpenSeverity: Severity.nullable(),
    openFindings: SeverityCounts,
    reason: z.string().describe('why it is suggested, in one sentence'),
  })
  .meta({ id: 'Alternative' });
export type Alternative = z.infer<typeof Alternative>;

export const Alternatives = z
  .object({
    product: z.object({
      id: Id,
      name: z.string(),
      category: z.string().nullable(),
      supplier: SearchHit.shape.supplier,
      contracts: SearchHit.shape.contracts,
      openFindings: SeverityCounts,
    }),
    avoided: z
      .array(z.object({ list: z.object({ id: z.string(), name: z.string() }), entryKey: z.string(), substance: z.string(), severity: Severity }))
      .describe('the product\'s open findings: no alternative has an open finding on any of these list entries'),
    items: z.array(Alternative).describe('same category, same contracts first, then fewest and least severe open findings; only products with fewer or less severe findings than this one'),
    total: z.number().int(),
  })
  .meta({ id: 'Alternatives' });
export type Alternatives = z.infer<typeof Alternatives>;
