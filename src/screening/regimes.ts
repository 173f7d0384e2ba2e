// Which legal (or contractual) regime a list stands for. Limits (limits.ts) and severities (severity.ts) follow the
// regime, not the list's display name: the same rules apply to every version of the Candidate List, and a custom
// list behaves like any other contract phase-out list. Well-known ids come from src/lists/list-entry.ts.
import type { ListKind } from '../lists/list-entry.js';
import type { ProductKind } from '../products/product.schema.js';

export type Regime =
  /** REACH Art. 59 Candidate List of SVHC: Art. 33 article duty, Art. 31 SDS duty. */
  | 'candidate-list'
  /** REACH Annex XIV: use after the sunset date needs an authorisation (Art. 56). */
  | 'authorisation'
  /** REACH Annex XVII: entry-specific restrictions (Art. 67). */
  | 'restriction'
  /** EU POPs Regulation (EU) 2019/1021. */
  | 'pops'
  /** RoHS 2011/65/EU Annex II. */
  | 'rohs'
  /** CLP Annex VI harmonised classification (all entries, or the CMR 1A/1B extract). */
  | 'clp'
  /** NGO watch lists (ChemSec SIN List): no legal force. */
  | 'watch'
  /** Rules chemreg derives (KemI PRIO phase-out criteria from H codes and CLP Annex VI). */
  | 'derived'
  /** A region's or contract's own list. */
  | 'custom'
  /** A regulatory list chemreg has no specific rules for. */
  | 'regulatory';

const BY_LIST_ID: ReadonlyMap<string, Regime> = new Map<string, Regime>([
  ['echa-candidate-list', 'candidate-list'],
  ['reach-annex-xiv', 'authorisation'],
  ['reach-annex-xvii', 'restriction'],
  ['eu-pops', 'pops'],
  ['rohs-annex-ii', 'rohs'],
  ['clp-annex-vi', 'clp'],
  ['clp-annex-vi-cmr', 'clp'],
  ['chemsec-sin-list', 'watch'],
  ['prio-phase-out-derived', 'derived'],
]);

const BY_KIND: Readonly<Record<ListKind, Regime>> = {
  regulatory: 'regulatory',
  classification: 'clp',
  watch: 'watch',
  derived: 'derived',
  custom: 'custom',
};

export function regimeOf(list: { listId: string; kind: ListKind }): Regime {
  return BY_LIST_ID.get(list.listId) ?? BY_KIND[list.kind];
}

/**
 * REACH Art. 3(3) article. An article containing a mixture (a marker pen) is judged as an article: Art. 33 applies
 * to the article as supplied, and authorisation (Art. 56) does not cover the use of imported articles.
 */
export function isArticleKind(kind: ProductKind): boolean {
  return kind === 'article' || kind === 'article-with-mixture';
}

export const PRODUCT_KIND_WORDS: Readonly<Record<ProductKind, string>> = {
  article: 'an article',
  mixture: 'a mixture',
  substance: 'a substance',
  'article-with-mixture': 'an article containing a mixture',
};
