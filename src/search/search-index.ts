// The procurement search's in-memory index (issue 7 "Search"): every product with what a buyer searches by (names,
// article numbers, its supplier, the substances its latest documents declare and their synonyms on the lists) and what
// a hit shows (contracts, open findings). fuse.js compares a query word with every candidate linearly, so it is only
// ever given a few dozen words: the index narrows first, by exact word, by prefix (search as you type) and by shared
// trigrams (typos), and fuse.js then scores the typo candidates. No I/O here: search.service.ts keeps it in sync.
import Fuse from 'fuse.js';
import type { ProductKind } from '../products/product.schema.js';
import { articleKey, identifierIn, sortKeyOf, trigramsOf, wordsOf } from './text.js';

export type Severity = 'red' | 'orange' | 'yellow' | 'info';
export const SEVERITIES: readonly Severity[] = ['red', 'orange', 'yellow', 'info'];

/** Where a query matched a product: shown with each hit as why it matched. */
export type MatchField = 'articleNumber' | 'cas' | 'ec' | 'name' | 'tradeName' | 'supplier' | 'category' | 'substance' | 'synonym';

export interface IndexedSubstance {
  name: string | null;
  cas: string | null;
  ec: string | null;
}

/** One product as the index holds it. */
export interface IndexedProduct {
  id: string;
  supplierId: string;
  name: string;
  tradeName: string | null;
  supplierArticleNumbers: string[];
  buyerArticleNumbers: string[];
  category: string | null;
  kind: ProductKind;
  contractIds: string[];
  substances: IndexedSubstance[];
  /**
   * Open findings (not dismissed, excepted or resolved) by severity, the lists they come from, the list entries they
   * are about (`listId|entryKey`), and the worst one.
   */
  open: { counts: Record<Severity, number>; listIds: string[]; entries: string[]; worst: { severity: Severity; reason: string } | null };
}

export interface SearchFilters {
  supplierId?: string | undefined;
  contractId?: string | undefined;
  category?: string | undefined;
  kind?: ProductKind | undefined;
  /** Only products without open red or orange findings. */
  clean?: boolean | undefined;
  /** Only products with an open finding from this list. */
  listId?: string | undefined;
}

export interface IndexHit {
  product: IndexedProduct;
  /** 0: exact article number, CAS RN or EC number; 1: name or trade name; 2: anything else. */
  tier: 0 | 1 | 2;
  score: number;
  matched: Array<{ field: MatchField; text: string }>;
}

// A word in a product's own fields is stored once per field it occurs in, as (ordinal × FIELD_SLOTS + field).
const OWN_FIELDS = ['name', 'tradeName', 'articleNumber', 'category', 'substance'] as const;
type OwnField = (typeof OWN_FIELDS)[number];
const FIELD_SLOTS = 8;
// How much a word found in each field counts: a buyer types a product's name far more often than a substance's.
const WEIGHT: Record<MatchField, number> = {
  articleNumber: 1, cas: 1, ec: 1, name: 1, tradeName: 0.9, supplier: 0.6, category: 0.5, substance: 0.5, synonym: 0.45,
};
const EXACT = 1;
const PREFIX = 0.8;
const TYPO = 0.7;
/** fuse.js scores 0 (same) to 1; a typo candidate scoring above this is not a match ("nitril" → "nitrile", not "nitrite"). */
const TYPO_THRESHOLD = 0.34;
const MAX_PREFIX_WORDS = 200;
const MAX_TYPO_CANDIDATES = 40;
const MAX_UNSORTED_WORDS = 2_000;
const RERANK_MS = 5_000;
/** Retired ordinals are swept from the postings once there are this many, and a quarter of the live ones. */
const MIN_SWEEP = 2_000;
const NO_CODES = new Int32Array(0);

interface Expansion {
  word: string;
  score: number;
}

/** Each field as one bit, so that where a product matched is one number per hit. */
const FIELD_BIT: Record<MatchField, number> = {
  articleNumber: 1, cas: 2, ec: 4, name: 8, tradeName: 16, supplier: 32, category: 64, substance: 128, synonym: 256,
};
const NAME_BITS = FIELD_BIT.name | FIELD_BIT.tradeName;
const SLOT_WEIGHT = OWN_FIELDS.map((field) => WEIGHT[field]);
const SLOT_BIT = OWN_FIELDS.map((field) => FIELD_BIT[field]);

/** A product found, as ranking compares it. */
interface Ranked {
  ordinal: number;
  tier: 0 | 1 | 2;
  contracted: boolean;
  score: number;
  fields: number;
}

export type SearchAnswer = { total: number; hits: IndexHit[]; identifier: 'cas' | 'ec' | null };

export function createSearchIndex() {
  /** Counts the changes to what searches find, so that answers kept by callers can tell whether they still hold. */
  let generation = 0;
  const changed = (): void => {
    generation++;
  };
  const products: Array<IndexedProduct | undefined> = [];
  // What ranking and the common filters read of each product, by ordinal, beside the product: a broad query visits tens
  // of thousands of products, and reading these flat arrays in ordinal order costs far less than visiting each object.
  const sortKeys: string[] = [];
  const categoryKeys: string[] = [];
  const kinds: string[] = [];
  const supplierKeys: string[] = [];
  /** 1 while the ordinal holds a product. */
  let alive = new Uint8Array(1024);
  /** 1 when the product is on a contract. */
  let contracted = new Uint8Array(1024);
  /** 1 when the product has an open red or orange finding. */
  let blocked = new Uint8Array(1024);
  /** Position in name order; NaN for products indexed since the last numbering (rerankIfDue). */
  let nameRanks = new Float64Array(1024);

  /** Makes room in the typed per-product arrays for `ordinal`. */
  function reserve(ordinal: number): void {
    if (ordinal < alive.length) return;
    const size = Math.max(ordinal + 1, alive.length * 2);
    const grown = <T extends Uint8Array | Float64Array>(from: T, make: (n: number) => T): T => {
      const to = make(size);
      to.set(from);
      return to;
    };
    alive = grown(alive, (n) => new Uint8Array(n));
    contracted = grown(contracted, (n) => new Uint8Array(n));
    blocked = grown(blocked, (n) => new Uint8Array(n));
    nameRanks = grown(nameRanks, (n) => new Float64Array(n));
  }
  let unranked = 0;
  let rankedAt = 0;
  const freeOrdinals: number[] = [];
  /** Ordinals of products removed or replaced whose postings have not been swept yet (retire). */
  const retired: number[] = [];
  const ordinalOf = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const byArticle = new Map<string, Set<number>>();
  const byCas = new Map<string, Set<number>>();
  const byEc = new Map<string, Set<number>>();
  const bySupplier = new Map<string, Set<number>>();
  const byCategory = new Map<string, Set<number>>();
  const byContract = new Map<string, Set<number>>();
  const suppliers = new Map<string, { name: string; words: string[] }>();
  const supplierWords = new Map<string, Set<string>>();
  let synonymWords = new Map<string, Set<string>>();
  let synonymNames = new Map<string, string[]>();
  // Every word ever indexed, for prefix and typo lookups. Words are only added: one whose postings have gone finds
  // nothing. New words wait in `recent` and are merged into the sorted array by the first lookup that finds too many
  // of them, so that building the index (hundreds of thousands of words) sorts once, not once per few thousand words.
  let sortedWords: string[] = [];
  let recentWords: string[] = [];
  const knownWords = new Set<string>();
  const wordIds = new Map<string, number>();
  // Each product's own words as (word number × FIELD_SLOTS + field), by ordinal; each supplier's name words and each
  // CAS RN's synonym words as word numbers. With these, a further query word is tested on the few products the
  // earlier words left (among) instead of walking all of its postings (scan).
  const ownCodes: Int32Array[] = [];
  const supplierWordIds = new Map<string, Int32Array>();
  let synonymWordIds = new Map<string, Int32Array>();
  const wordsByTrigram = new Map<string, string[]>();

  /** Registers a word (for prefix and typo lookups) and returns its number. */
  function remember(word: string): number {
    const known = wordIds.get(word);
    if (known !== undefined) return known;
    const id = wordIds.size;
    wordIds.set(word, id);
    knownWords.add(word);
    recentWords.push(word);
    for (const trigram of trigramsOf(word)) {
      const list = wordsByTrigram.get(trigram);
      if (list) list.push(word);
      else wordsByTrigram.set(trigram, [word]);
    }
    return id;
  }

  const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };
  const removeFrom = <K, V>(map: Map<K, Set<V>>, key: K, value: V): void => {
    const set = map.get(key);
    if (!set) return;
    set.delete(value);
    if (set.size === 0) map.delete(key);
  };

  /** The (word, field) pairs a product is found by. */
  function ownWords(p: IndexedProduct): Array<[string, OwnField]> {
    const out: Array<[string, OwnField]> = [];
    const add = (field: OwnField, texts: Array<string | null>) => {
      const seen = new Set<string>();
      for (const text of texts) for (const word of wordsOf(text)) {
        if (seen.has(word)) continue;
        seen.add(word);
        out.push([word, field]);
      }
    };
    add('name', [p.name]);
    add('tradeName', [p.tradeName]);
    add('articleNumber', [...p.supplierArticleNumbers, ...p.buyerArticleNumbers].flatMap((a) => [a, articleKey(a)]));
    add('category', [p.category]);
    add('substance', p.substances.map((s) => s.name));
    return out;
  }

  /**
   * Takes a product out of the lookups. Its word postings stay behind, pointing at an ordinal with no product, which
   * lookups skip: removing an ordinal from a common word's postings means rewriting a list of tens of thousands, for
   * every word of the product. The postings are swept once retired ordinals make up a good share of the index.
   */
  function retire(ordinal: number): void {
    const p = products[ordinal];
    if (!p) return;
    for (const a of [...p.supplierArticleNumbers, ...p.buyerArticleNumbers]) removeFrom(byArticle, articleKey(a), ordinal);
    for (const s of p.substances) {
      if (s.cas) removeFrom(byCas, s.cas, ordinal);
      if (s.ec) removeFrom(byEc, s.ec, ordinal);
    }
    removeFrom(bySupplier, p.supplierId, ordinal);
    removeFrom(byCategory, categoryKeys[ordinal]!, ordinal);
    for (const contractId of p.contractIds) removeFrom(byContract, contractId, ordinal);
    products[ordinal] = undefined;
    // Lookups skip a retired ordinal before reading its words, so they can go now rather than when it is reused.
    ownCodes[ordinal] = NO_CODES;
    alive[ordinal] = 0;
    retired.push(ordinal);
    if (retired.length > Math.max(MIN_SWEEP, ordinalOf.size / 4)) sweep();
  }

  /** Drops retired ordinals from every posting list, after which they can be given to new products. */
  function sweep(): void {
    for (const [word, codes] of postings) {
      const kept = codes.filter((code) => products[Math.floor(code / FIELD_SLOTS)] !== undefined);
      if (kept.length === 0) postings.delete(word);
      else if (kept.length !== codes.length) postings.set(word, kept);
    }
    freeOrdinals.push(...retired);
    retired.length = 0;
  }

  function index(ordinal: number, p: IndexedProduct): void {
    products[ordinal] = p;
    reserve(ordinal);
    alive[ordinal] = 1;
    sortKeys[ordinal] = sortKeyOf(p.name);
    nameRanks[ordinal] = Number.NaN;
    unranked++;
    categoryKeys[ordinal] = (p.category ?? '').toLowerCase();
    kinds[ordinal] = p.kind;
    supplierKeys[ordinal] = p.supplierId;
    contracted[ordinal] = p.contractIds.length > 0 ? 1 : 0;
    blocked[ordinal] = p.open.counts.red + p.open.counts.orange > 0 ? 1 : 0;
    const own = ownWords(p);
    const codes = new Int32Array(own.length);
    own.forEach(([word, field], i) => {
      const slot = OWN_FIELDS.indexOf(field);
      codes[i] = remember(word) * FIELD_SLOTS + slot;
      const code = ordinal * FIELD_SLOTS + slot;
      const list = postings.get(word);
      if (list) list.push(code);
      else postings.set(word, [code]);
    });
    ownCodes[ordinal] = codes;
    for (const a of [...p.supplierArticleNumbers, ...p.buyerArticleNumbers]) addTo(byArticle, articleKey(a), ordinal);
    for (const s of p.substances) {
      if (s.cas) addTo(byCas, s.cas, ordinal);
      if (s.ec) addTo(byEc, s.ec, ordinal);
    }
    addTo(bySupplier, p.supplierId, ordinal);
    addTo(byCategory, categoryKeys[ordinal], ordinal);
    for (const contractId of p.contractIds) addTo(byContract, contractId, ordinal);
  }

  /** The indexed words a query word stands for: itself, words it starts (search as you type), and near misses. */
  function expand(queryWord: string): Expansion[] {
    const out = new Map<string, number>();
    if (knownWords.has(queryWord)) out.set(queryWord, EXACT);
    if (queryWord.length >= 2) {
      if (recentWords.length > MAX_UNSORTED_WORDS) {
        sortedWords = [...sortedWords, ...recentWords].sort();
        recentWords = [];
      }
      let found = 0;
      let i = lowerBound(sortedWords, queryWord);
      for (; i < sortedWords.length && found < MAX_PREFIX_WORDS && sortedWords[i]!.startsWith(queryWord); i++, found++) {
        if (!out.has(sortedWords[i]!)) out.set(sortedWords[i]!, PREFIX);
      }
      for (const word of recentWords) if (word.startsWith(queryWord) && !out.has(word)) out.set(word, PREFIX);
    }
    // Typos: only words long enough to have a meaningful spelling, and only when the word itself is unknown.
    if (queryWord.length >= 4 && !knownWords.has(queryWord)) {
      const shared = new Map<string, number>();
      const grams = trigramsOf(queryWord);
      for (const gram of grams) for (const word of wordsByTrigram.get(gram) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1);
      const candidates = [...shared].filter(([, n]) => n * 2 >= grams.length).sort((a, b) => b[1] - a[1]).slice(0, MAX_TYPO_CANDIDATES).map(([w]) => w);
      if (candidates.length > 0) {
        const fuse = new Fuse(candidates, { includeScore: true, threshold: TYPO_THRESHOLD, ignoreLocation: true, isCaseSensitive: true });
        for (const { item, score } of fuse.search(queryWord)) {
          if (!out.has(item)) out.set(item, TYPO * (1 - (score ?? 0)));
        }
      }
    }
    return [...out].map(([word, score]) => ({ word, score }));
  }

  // What one query word found, by product ordinal: the best weighted score and the fields, valid where the stamp is
  // the current lookup's. Kept between searches (searches run one at a time), so that a word finding tens of thousands
  // of products allocates nothing per product.
  let wordScore = new Float64Array(1024);
  let wordFields = new Int32Array(1024);
  let wordStamp = new Int32Array(1024);
  let stamp = 0;

  // The query word being tested on candidates (among): its expansions' scores by word number, valid where marked.
  let expansionScore = new Float64Array(1024);
  let expansionMark = new Int32Array(1024);
  let expansionStamp = 0;
  /** Roughly what testing one candidate costs (among), in posting entries walked (scan): its ~45 words and more. */
  const CANDIDATE_COST = 48;

  /** Starts a lookup: the scratch arrays cover every ordinal, and nothing in them counts as found yet. */
  function startLookup(): void {
    if (wordStamp.length < products.length) {
      const size = Math.max(products.length, wordStamp.length * 2);
      wordScore = new Float64Array(size);
      wordFields = new Int32Array(size);
      wordStamp = new Int32Array(size);
      stamp = 0;
    }
    stamp++;
  }

  /** Records that the current query word found `ordinal` in a field (bit), with a weighted score. */
  function hit(found: number[], ordinal: number, weighted: number, bit: number): void {
    if (wordStamp[ordinal] !== stamp) {
      wordStamp[ordinal] = stamp;
      wordScore[ordinal] = weighted;
      wordFields[ordinal] = bit;
      found.push(ordinal);
      return;
    }
    if (weighted > wordScore[ordinal]!) wordScore[ordinal] = weighted;
    wordFields[ordinal]! |= bit;
  }

  /** How many posting entries walking a query word's expansions visits. */
  function scanCost(expansions: readonly Expansion[]): number {
    let cost = 0;
    for (const { word } of expansions) {
      cost += postings.get(word)?.length ?? 0;
      for (const supplierId of supplierWords.get(word) ?? []) cost += bySupplier.get(supplierId)?.size ?? 0;
      for (const cas of synonymWords.get(word) ?? []) cost += byCas.get(cas)?.size ?? 0;
    }
    return cost;
  }

  /**
   * Every product a query word finds, by walking the postings of the words it stands for. Their scores and fields stay
   * in wordScore/wordFields until the next lookup.
   */
  function scan(expansions: readonly Expansion[]): number[] {
    startLookup();
    const found: number[] = [];
    for (const { word, score } of expansions) {
      const codes = postings.get(word);
      if (codes) {
        for (let i = 0; i < codes.length; i++) {
          const code = codes[i]!;
          const slot = code % FIELD_SLOTS;
          hit(found, (code - slot) / FIELD_SLOTS, score * SLOT_WEIGHT[slot]!, SLOT_BIT[slot]!);
        }
      }
      for (const supplierId of supplierWords.get(word) ?? []) {
        for (const ordinal of bySupplier.get(supplierId) ?? []) hit(found, ordinal, score * WEIGHT.supplier, FIELD_BIT.supplier);
      }
      for (const cas of synonymWords.get(word) ?? []) {
        for (const ordinal of byCas.get(cas) ?? []) hit(found, ordinal, score * WEIGHT.synonym, FIELD_BIT.synonym);
      }
    }
    return found;
  }

  /** The same as scan, but only among `candidates`: each is tested against the words the query word stands for. */
  function among(expansions: readonly Expansion[], candidates: readonly number[]): number[] {
    startLookup();
    if (expansionMark.length < wordIds.size) {
      const size = Math.max(wordIds.size, expansionMark.length * 2);
      expansionScore = new Float64Array(size);
      expansionMark = new Int32Array(size);
      expansionStamp = 0;
    }
    expansionStamp++;
    for (const { word, score } of expansions) {
      const id = wordIds.get(word);
      if (id === undefined) continue;
      expansionMark[id] = expansionStamp;
      expansionScore[id] = score;
    }
    const found: number[] = [];
    for (const ordinal of candidates) {
      const p = products[ordinal];
      if (!p) continue;
      for (const code of ownCodes[ordinal]!) {
        const slot = code % FIELD_SLOTS;
        const id = (code - slot) / FIELD_SLOTS;
        if (expansionMark[id] === expansionStamp) hit(found, ordinal, expansionScore[id]! * SLOT_WEIGHT[slot]!, SLOT_BIT[slot]!);
      }
      for (const id of supplierWordIds.get(p.supplierId) ?? []) {
        if (expansionMark[id] === expansionStamp) hit(found, ordinal, expansionScore[id]! * WEIGHT.supplier, FIELD_BIT.supplier);
      }
      for (const { cas } of p.substances) {
        if (cas === null) continue;
        for (const id of synonymWordIds.get(cas) ?? []) {
          if (expansionMark[id] === expansionStamp) hit(found, ordinal, expansionScore[id]! * WEIGHT.synonym, FIELD_BIT.synonym);
        }
      }
    }
    return found;
  }

  /** `category` is the filter's category already in lower case (categoryKeys holds the products'). */
  function passes(ordinal: number, filters: SearchFilters, category: string | undefined): boolean {
    if (filters.supplierId !== undefined && supplierKeys[ordinal] !== filters.supplierId) return false;
    if (category !== undefined && categoryKeys[ordinal] !== category) return false;
    if (filters.kind !== undefined && kinds[ordinal] !== filters.kind) return false;
    if (filters.clean && blocked[ordinal] === 1) return false;
    if (filters.contractId !== undefined && !products[ordinal]!.contractIds.includes(filters.contractId)) return false;
    if (filters.listId !== undefined && !products[ordinal]!.open.listIds.includes(filters.listId)) return false;
    return true;
  }

  /** Why a product matched, in words a buyer recognises: the article number, the substance, the supplier's name. */
  function explain(p: IndexedProduct, mask: number, words: Set<string>, identifier: { kind: 'cas' | 'ec'; value: string } | null): IndexHit['matched'] {
    const fields = { has: (field: MatchField): boolean => (mask & FIELD_BIT[field]) !== 0 };
    const has = (text: string | null) => text !== null && wordsOf(text).some((w) => words.has(w));
    const out: IndexHit['matched'] = [];
    const substance = (s: IndexedSubstance) => [s.name, s.cas ? `CAS ${s.cas}` : null, s.ec ? `EC ${s.ec}` : null].filter(Boolean).join(', ');
    if (identifier) {
      for (const s of p.substances) if (s[identifier.kind] === identifier.value) out.push({ field: identifier.kind, text: substance(s) });
    }
    if (fields.has('articleNumber')) {
      for (const a of [...p.supplierArticleNumbers, ...p.buyerArticleNumbers]) if (has(a) || words.has(articleKey(a))) out.push({ field: 'articleNumber', text: a });
    }
    if (fields.has('name')) out.push({ field: 'name', text: p.name });
    if (fields.has('tradeName') && p.tradeName) out.push({ field: 'tradeName', text: p.tradeName });
    if (fields.has('supplier')) out.push({ field: 'supplier', text: suppliers.get(p.supplierId)?.name ?? p.supplierId });
    if (fields.has('category') && p.category) out.push({ field: 'category', text: p.category });
    if (fields.has('substance')) for (const s of p.substances) if (has(s.name)) out.push({ field: 'substance', text: substance(s) });
    if (fields.has('synonym')) {
      for (const s of p.substances) {
        const names = s.cas ? (synonymNames.get(s.cas) ?? []).filter(has) : [];
        if (names.length > 0) out.push({ field: 'synonym', text: `${names[0]!} = ${substance(s)}` });
      }
    }
    return out;
  }

  /** Best first: match tier, then contracted products, then score, then name in Swedish alphabetical order. */
  function compareRanked(a: Ranked, b: Ranked): number {
    if (a.tier !== b.tier) return a.tier - b.tier;
    if (a.contracted !== b.contracted) return a.contracted ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    return compareNamesOf(a, b);
  }

  function compareNamesOf(a: Ranked, b: Ranked): number {
    const ra = nameRanks[a.ordinal]!;
    const rb = nameRanks[b.ordinal]!;
    if (!Number.isNaN(ra) && !Number.isNaN(rb)) return ra - rb;
    return compareNames(a.ordinal, b.ordinal);
  }

  function compareNames(a: number, b: number): number {
    const ka = sortKeys[a]!;
    const kb = sortKeys[b]!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ia = products[a]!.id;
    const ib = products[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }

  /**
   * Numbers every product by name order (compareNames), so that ranking compares two numbers instead of two strings.
   * Products indexed since are unranked and compared by name, which gives the same order; the numbering is renewed
   * at most every few seconds, as it sorts the whole index.
   */
  function rerankIfDue(): void {
    if (unranked === 0 || (rankedAt !== 0 && Date.now() - rankedAt < RERANK_MS)) return;
    const live = [...ordinalOf.values()].sort(compareNames);
    live.forEach((ordinal, rank) => {
      nameRanks[ordinal] = rank;
    });
    unranked = 0;
    rankedAt = Date.now();
  }

  /** Where `item` goes in the ordered `top`, after any equal to it. */
  function upperBound(top: readonly Ranked[], item: Ranked): number {
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareRanked(top[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The products a query finds, best first: exact article numbers and identifiers, then name matches, then the rest;
   * within each, products on a contract before others, then by score and name. Every query word must match. An empty
   * query finds every product the filters let through.
   */
  function answer(query: string, filters: SearchFilters, page: { limit: number; offset: number }): SearchAnswer {
    rerankIfDue();
    const identifier = identifierIn(query);
    const words = new Set<string>();
    const wanted = page.offset + page.limit;
    const top: Ranked[] = [];
    let total = 0;
    // Only the page is ordered: a broad query can find tens of thousands of products, of which a page shows 50.
    const category = filters.category?.toLowerCase();
    // Compared against the page's last entry before anything is allocated: most hits of a broad query miss the page.
    const probe: Ranked = { ordinal: 0, tier: 2, contracted: false, score: 0, fields: 0 };
    const filtered = filters.supplierId !== undefined || category !== undefined || filters.kind !== undefined || filters.clean === true
      || filters.contractId !== undefined || filters.listId !== undefined;
    // The page's last entry, once the page is full: a hit that ranks after it is only counted.
    let last: Ranked | undefined;
    const consider = (ordinal: number, tier: 0 | 1 | 2, score: number, fields: number): void => {
      if (alive[ordinal] === 0 || (filtered && !passes(ordinal, filters, category))) return;
      total++;
      const onContract = contracted[ordinal] === 1;
      if (last !== undefined) {
        if (tier !== last.tier) {
          if (tier > last.tier) return;
        } else if (onContract !== last.contracted) {
          if (!onContract) return;
        } else if (score !== last.score) {
          if (score < last.score) return;
        } else {
          probe.ordinal = ordinal;
          if (compareNamesOf(probe, last) >= 0) return;
        }
      } else if (wanted === 0) {
        return;
      }
      const candidate: Ranked = { ordinal, tier, contracted: onContract, score, fields };
      top.splice(upperBound(top, candidate), 0, candidate);
      if (top.length > wanted) top.pop();
      if (top.length === wanted) last = top[wanted - 1];
    };

    if (identifier) {
      for (const ordinal of (identifier.kind === 'cas' ? byCas : byEc).get(identifier.value) ?? []) consider(ordinal, 0, 1, FIELD_BIT[identifier.kind]);
    } else if (query.trim() === '') {
      // No words: the filters alone choose (a buyer browsing a contract or a category), starting from the fewest.
      const narrowest = [
        filters.supplierId === undefined ? undefined : (bySupplier.get(filters.supplierId) ?? new Set<number>()),
        category === undefined ? undefined : (byCategory.get(category) ?? new Set<number>()),
        filters.contractId === undefined ? undefined : (byContract.get(filters.contractId) ?? new Set<number>()),
      ].reduce<Set<number> | undefined>((best, set) => (set !== undefined && (best === undefined || set.size < best.size) ? set : best), undefined);
      for (const ordinal of narrowest ?? ordinalOf.values()) consider(ordinal, 2, 0, 0);
    } else {
      const queryWords = wordsOf(query);
      // Every query word must match. The word finding the fewest products goes first; each further word is then
      // either walked in full or tested on the products still in, whichever visits less.
      const plans = queryWords.map((word) => {
        const expansions = expand(word);
        // The order only matters when there are words to order.
        return { expansions, cost: queryWords.length > 1 ? scanCost(expansions) : 0 };
      }).sort((a, b) => a.cost - b.cost);
      let ordinals: number[] = [];
      let scores: number[] = [];
      let fields: number[] = [];
      for (const [i, { expansions, cost }] of plans.entries()) {
        for (const { word } of expansions) words.add(word);
        if (i === 0) {
          ordinals = scan(expansions);
          scores = ordinals.map((o) => wordScore[o]!);
          fields = ordinals.map((o) => wordFields[o]!);
          continue;
        }
        if (ordinals.length === 0) break;
        if (cost <= ordinals.length * CANDIDATE_COST) scan(expansions);
        else among(expansions, ordinals);
        const kept: number[] = [];
        const keptScores: number[] = [];
        const keptFields: number[] = [];
        ordinals.forEach((o, k) => {
          if (wordStamp[o] !== stamp) return;
          kept.push(o);
          keptScores.push(scores[k]! + wordScore[o]!);
          keptFields.push(fields[k]! | wordFields[o]!);
        });
        [ordinals, scores, fields] = [kept, keptScores, keptFields];
      }
      // An exact article number ranks first, whether or not its words also matched.
      const key = articleKey(query);
      const byArticleNumber = byArticle.get(key) ?? new Set<number>();
      if (byArticleNumber.size > 0) words.add(key);
      const perWord = Math.max(queryWords.length, 1);
      const articles = byArticleNumber.size > 0;
      for (let k = 0; k < ordinals.length; k++) {
        const o = ordinals[k]!;
        if (articles && byArticleNumber.has(o)) continue;
        const f = fields[k]!;
        consider(o, (f & NAME_BITS) !== 0 ? 1 : 2, scores[k]! / perWord, f);
      }
      for (const o of byArticleNumber) {
        const k = ordinals.indexOf(o);
        consider(o, 0, 1, FIELD_BIT.articleNumber | (k >= 0 ? fields[k]! : 0));
      }
    }
    const hits = top.slice(page.offset).map(({ ordinal, tier, score, fields }) => {
      const product = products[ordinal]!;
      return { product, tier, score: Math.round(score * 1000) / 1000, matched: explain(product, fields, words, identifier) };
    });
    return { total, hits, identifier: identifier?.kind ?? null };
  }

  return {
    get size(): number {
      return ordinalOf.size;
    },

    /** Adds a product or replaces what the index holds for it. */
    put(p: IndexedProduct): void {
      const known = ordinalOf.get(p.id);
      // A catch-up looks a little further back than the last one and so sees the same products again: an unchanged
      // product keeps its place, and the cached answers stay valid.
      if (known !== undefined && sameProduct(products[known]!, p)) return;
      changed();
      if (known !== undefined) retire(known);
      const ordinal = freeOrdinals.pop() ?? products.length;
      ordinalOf.set(p.id, ordinal);
      index(ordinal, p);
    },

    remove(productId: string): void {
      const ordinal = ordinalOf.get(productId);
      if (ordinal === undefined) return;
      changed();
      retire(ordinal);
      ordinalOf.delete(productId);
    },

    get(productId: string): IndexedProduct | undefined {
      const ordinal = ordinalOf.get(productId);
      return ordinal === undefined ? undefined : products[ordinal];
    },

    /** The products of a procurement category (compared without case). */
    inCategory(category: string): IndexedProduct[] {
      const out: IndexedProduct[] = [];
      for (const ordinal of byCategory.get(category.toLowerCase()) ?? []) {
        const p = products[ordinal];
        if (p) out.push(p);
      }
      return out;
    },

    ids(): string[] {
      return [...ordinalOf.keys()];
    },

    putSupplier(id: string, name: string): void {
      const before = suppliers.get(id);
      if (before?.name === name) return;
      changed();
      for (const word of before?.words ?? []) removeFrom(supplierWords, word, id);
      const words = wordsOf(name);
      suppliers.set(id, { name, words });
      supplierWordIds.set(id, Int32Array.from(words, (word) => remember(word)));
      for (const word of words) addTo(supplierWords, word, id);
    },

    removeSupplier(id: string): void {
      if (!suppliers.has(id)) return;
      changed();
      for (const word of suppliers.get(id)?.words ?? []) removeFrom(supplierWords, word, id);
      suppliers.delete(id);
      supplierWordIds.delete(id);
    },

    supplierName(id: string): string | undefined {
      return suppliers.get(id)?.name;
    },

    /** The names the lists give each CAS RN (entry names, group members), found when a buyer types one of them. */
    setSynonyms(namesByCas: ReadonlyMap<string, readonly string[]>): void {
      const words = new Map<string, Set<string>>();
      const names = new Map<string, string[]>();
      const ids = new Map<string, Int32Array>();
      for (const [cas, list] of namesByCas) {
        names.set(cas, [...list]);
        const casWords = new Set(list.flatMap((name) => wordsOf(name)));
        ids.set(cas, Int32Array.from(casWords, (word) => remember(word)));
        for (const word of casWords) addTo(words, word, cas);
      }
      changed();
      synonymWords = words;
      synonymNames = names;
      synonymWordIds = ids;
    },

    /** The products a query finds (answer). */
    search: answer,

    /** Changes whenever a search could find something else than before. */
    get generation(): number {
      return generation;
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;

/** Whether two versions of a product hold the same for the index (they come from storage, so with keys in one order). */
function sameProduct(a: IndexedProduct, b: IndexedProduct): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
