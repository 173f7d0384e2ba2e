// Products: what suppliers sell under contracts. `kind` decides which rules apply later: SDS duties for
// substances and mixtures (REACH Art. 31), article duties for articles (REACH Art. 33, SVHC > 0.1 % w/w).
import { z } from 'zod';
import { commaSeparatedIds, Id } from '../shared/ids.js';
import { MAX_PAGE_SIZE, PageOf, PageQuery } from '../shared/http/pagination.js';

export const ProductKind = z
  .enum(['article', 'mixture', 'substance', 'article-with-mixture'])
  .meta({ id: 'ProductKind', description: 'REACH terms: an article (a glove), a mixture (a detergent), a substance, or an article containing a mixture (a marker pen)' });
export type ProductKind = z.infer<typeof ProductKind>;

const distinct = (values: string[]) => new Set(values).size === values.length;
const ArticleNumbers = z.array(z.string().trim().min(1).max(100)).max(100).refine(distinct, 'must not repeat an article number');
const ContractIds = z.array(Id).max(100).refine(distinct, 'must not repeat a contract');

const ProductFields = {
  name: z.string().trim().min(1).max(300).describe('product name as the supplier sells it'),
  tradeName: z.string().trim().min(1).max(300).optional().describe('trade name, when it differs from the name'),
  supplierArticleNumbers: ArticleNumbers.describe('the supplier\'s article numbers'),
  buyerArticleNumbers: ArticleNumbers.describe('the buyer\'s article numbers (e.g. from the contract\'s price list)'),
  category: z.string().trim().min(1).max(200).optional().describe('procurement category, e.g. "disposable gloves"'),
  kind: ProductKind,
  contractIds: ContractIds.describe('contracts the product is sold under; each must include the product\'s supplier'),
  intendedUse: z.string().trim().min(1).max(2000).optional(),
};

export const ProductCreate = z
  .strictObject({
    supplierId: Id.optional().describe('required for admins; a supplier token creates products for its own supplier'),
    ...ProductFields,
    supplierArticleNumbers: ProductFields.supplierArticleNumbers.default([]),
    buyerArticleNumbers: ProductFields.buyerArticleNumbers.default([]),
    contractIds: ProductFields.contractIds.default([]),
  })
  .meta({ id: 'ProductCreate' });
export type ProductCreate = z.infer<typeof ProductCreate>;

// The supplier of a product cannot change: its documents and findings belong to that supplier.
export const ProductUpdate = z
  .strictObject({
    name: ProductFields.name.optional(),
    tradeName: ProductFields.tradeName.nullable().describe('null removes it'),
    supplierArticleNumbers: ProductFields.supplierArticleNumbers.optional(),
    buyerArticleNumbers: ProductFields.buyerArticleNumbers.optional(),
    category: ProductFields.category.nullable().describe('null removes it'),
    kind: ProductKind.optional(),
    contractIds: ProductFields.contractIds.optional(),
    intendedUse: ProductFields.intendedUse.nullable().describe('null removes it'),
  })
  .meta({ id: 'ProductUpdate' });
export type ProductUpdate = z.infer<typeof ProductUpdate>;

export const Product = z
  .object({
    id: Id,
    supplierId: Id,
    name: z.string(),
    tradeName: z.string().optional(),
    supplierArticleNumbers: z.array(z.string()),
    buyerArticleNumbers: z.array(z.string()),
    category: z.string().optional(),
    kind: ProductKind,
    contractIds: z.array(Id),
    intendedUse: z.string().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Product' });
export interface Product {
  id: string;
  supplierId: string;
  name: string;
  tradeName?: string;
  supplierArticleNumbers: string[];
  buyerArticleNumbers: string[];
  category?: string;
  kind: ProductKind;
  contractIds: string[];
  intendedUse?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** At most as many ids in one `ids` filter as a page of another list (findings, say) can name. */
export const MAX_IDS = MAX_PAGE_SIZE;

export const ProductListQuery = z.strictObject({
  // The products a page of findings names, in one request instead of one per product.
  ids: commaSeparatedIds(MAX_IDS).optional().describe(`product ids separated by commas (at most ${MAX_IDS}): only these products`),
  supplierId: Id.optional(),
  contractId: Id.optional(),
  category: z.string().trim().min(1).max(200).optional(),
  kind: ProductKind.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('text in the name, trade name or an article number (case-insensitive)'),
  ...PageQuery,
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const ProductPage = PageOf(Product, 'ProductPage');
