import { expect } from 'chai';
import { createSearchIndex, type IndexedProduct, type SearchIndex } from '../../src/search/search-index.js';

const none = { counts: { red: 0, orange: 0, yellow: 0, info: 0 }, listIds: [], entries: [], worst: null };

function product(id: string, fields: Partial<IndexedProduct> = {}): IndexedProduct {
  return {
    id, supplierId: 'sup-a', name: `Produkt ${id}`, tradeName: null, supplierArticleNumbers: [], buyerArticleNumbers: [],
    category: null, kind: 'mixture', contractIds: [], substances: [], open: none, ...fields,
  };
}

const page = { limit: 20, offset: 0 };
const ids = (index: SearchIndex, query: string, filters = {}) => index.search(query, filters, page).hits.map((h) => h.product.id);

describe('search index', () => {
  let index: SearchIndex;

  beforeEach(() => {
    index = createSearchIndex();
    index.putSupplier('sup-a', 'Städ & Hygien AB');
    index.putSupplier('sup-b', 'Labbkemi Norden AB');
  });

  it('when a buyer types part of a name, without diacritics or with a typo, then the product is found', () => {
    // Arrange
    index.put(product('p1', { name: 'Golvrent Lösningsmedel' }));
    index.put(product('p2', { name: 'Handtvål Sensitive' }));

    // Act / Assert
    expect(ids(index, 'golv'), 'prefix, as typed').to.deep.equal(['p1']);
    expect(ids(index, 'losningsmedel'), 'without diacritics').to.deep.equal(['p1']);
    expect(ids(index, 'handtval sensitve'), 'a typo in one word').to.deep.equal(['p2']);
    expect(ids(index, 'golvrent handtvål'), 'every word must match').to.deep.equal([]);
  });

  it('when the query is a CAS RN or an EC number, then exactly the products declaring it are found, and the hit says which substance', () => {
    // Arrange
    const ethanol = { name: 'Etanol', cas: '64-17-5', ec: '200-578-6' };
    index.put(product('p1', { substances: [ethanol] }));
    index.put(product('p2', { substances: [{ name: 'Vatten', cas: '7732-18-5', ec: null }] }));

    // Act
    const byCas = index.search('64-17-5', {}, page);
    const byEc = index.search(' 200-578-6 ', {}, page);

    // Assert
    expect(byCas.identifier).to.equal('cas');
    expect(byCas.hits.map((h) => h.product.id)).to.deep.equal(['p1']);
    expect(byCas.hits[0]!.tier).to.equal(0);
    expect(byCas.hits[0]!.matched).to.deep.equal([{ field: 'cas', text: 'Etanol, CAS 64-17-5, EC 200-578-6' }]);
    expect(byEc.hits.map((h) => h.product.id)).to.deep.equal(['p1']);
    expect(ids(index, '64-17-4'), 'a wrong check digit is not an identifier, and matches no words').to.deep.equal([]);
  });

  it('when an article number matches exactly, then that product ranks first, before name matches and contracted products', () => {
    // Arrange
    index.put(product('p1', { name: 'Nitrilhandske 4711', contractIds: ['c1'] }));
    index.put(product('p2', { name: 'Vinylhandske', supplierArticleNumbers: ['4711'] }));
    index.put(product('p3', { name: 'Latexhandske', buyerArticleNumbers: ['AB-47 11'] }));

    // Act
    const result = index.search('4711', {}, page);

    // Assert
    expect(result.hits.map((h) => [h.product.id, h.tier])).to.deep.equal([['p2', 0], ['p1', 1]]);
    expect(result.hits[0]!.matched).to.deep.include({ field: 'articleNumber', text: '4711' });
    expect(ids(index, 'ab4711'), 'article numbers compare without spaces and dashes').to.deep.equal(['p3']);
  });

  it('when several products match a name equally, then products on a contract come before the others', () => {
    // Arrange
    index.put(product('p1', { name: 'Diskmedel Bas' }));
    index.put(product('p2', { name: 'Diskmedel Eko', contractIds: ['c1'] }));

    // Act / Assert
    expect(ids(index, 'diskmedel')).to.deep.equal(['p2', 'p1']);
  });

  it('when the query names a supplier, a substance or a list synonym of a declared CAS RN, then the hit says so', () => {
    // Arrange
    index.put(product('p1', { supplierId: 'sup-b', name: 'Mjukgörare X', substances: [{ name: 'Bis(2-ethylhexyl) phthalate', cas: '117-81-7', ec: null }] }));
    index.setSynonyms(new Map([['117-81-7', ['DEHP']]]));

    // Act
    const bySupplier = index.search('labbkemi', {}, page).hits[0];
    const bySubstance = index.search('ethylhexyl', {}, page).hits[0];
    const bySynonym = index.search('dehp', {}, page).hits[0];

    // Assert
    expect(bySupplier?.matched).to.deep.equal([{ field: 'supplier', text: 'Labbkemi Norden AB' }]);
    expect(bySubstance?.matched).to.deep.equal([{ field: 'substance', text: 'Bis(2-ethylhexyl) phthalate, CAS 117-81-7' }]);
    expect(bySynonym?.matched).to.deep.equal([{ field: 'synonym', text: 'DEHP = Bis(2-ethylhexyl) phthalate, CAS 117-81-7' }]);
  });

  it('when filters are given, then only products passing all of them are found', () => {
    // Arrange
    const flagged = { counts: { red: 0, orange: 1, yellow: 0, info: 0 }, listIds: ['echa-candidate-list'], entries: ['echa-candidate-list|117-81-7'], worst: { severity: 'orange' as const, reason: 'SVHC' } };
    index.put(product('p1', { name: 'Tvål A', category: 'Hygien', kind: 'mixture', contractIds: ['c1'], open: flagged }));
    index.put(product('p2', { name: 'Tvål B', category: 'hygien', kind: 'article', supplierId: 'sup-b' }));

    // Act / Assert
    expect(ids(index, 'tvål', { clean: true })).to.deep.equal(['p2']);
    expect(ids(index, 'tvål', { listId: 'echa-candidate-list' })).to.deep.equal(['p1']);
    expect(ids(index, 'tvål', { contractId: 'c1' })).to.deep.equal(['p1']);
    expect(ids(index, 'tvål', { supplierId: 'sup-b' })).to.deep.equal(['p2']);
    expect(ids(index, 'tvål', { kind: 'article' })).to.deep.equal(['p2']);
    expect(ids(index, 'tvål', { category: 'HYGIEN' })).to.deep.equal(['p1', 'p2']);
  });

  it('when a product changes or is removed, then it is found by what it is now and never by what it was', () => {
    // Arrange
    index.put(product('p1', { name: 'Gammalt namn', supplierArticleNumbers: ['111'] }));

    // Act
    index.put(product('p1', { name: 'Nytt namn', supplierArticleNumbers: ['222'] }));

    // Assert
    expect(ids(index, 'gammalt')).to.deep.equal([]);
    expect(ids(index, '111')).to.deep.equal([]);
    expect(ids(index, 'nytt')).to.deep.equal(['p1']);
    expect(ids(index, '222')).to.deep.equal(['p1']);
    index.remove('p1');
    expect(ids(index, 'nytt')).to.deep.equal([]);
    expect(index.size).to.equal(0);
  });

  it('when a supplier is renamed, then its products are found by the new name only', () => {
    // Arrange
    index.put(product('p1', { name: 'Skurmedel' }));

    // Act
    index.putSupplier('sup-a', 'Rent Sverige AB');

    // Assert
    expect(ids(index, 'hygien')).to.deep.equal([]);
    expect(ids(index, 'rent sverige')).to.deep.equal(['p1']);
  });

  it('when more products match than a page holds, then the total counts them all and pages do not overlap', () => {
    // Arrange
    for (let i = 0; i < 45; i++) index.put(product(`p${String(i).padStart(2, '0')}`, { name: `Handske ${i}` }));

    // Act
    const first = index.search('handske', {}, { limit: 20, offset: 0 });
    const third = index.search('handske', {}, { limit: 20, offset: 40 });

    // Assert
    expect(first.total).to.equal(45);
    expect(first.hits).to.have.length(20);
    expect(third.hits).to.have.length(5);
    expect(first.hits.map((h) => h.product.id)).to.not.include.members(third.hits.map((h) => h.product.id));
  });

  it('when thousands of distinct words are indexed before and after a search, then prefixes still find products from both', () => {
    // Arrange
    for (let i = 0; i < 2_500; i++) index.put(product(`a${i}`, { name: `Artikel ${i}` }));
    expect(ids(index, '2499')).to.deep.equal(['a2499']);
    for (let i = 0; i < 30; i++) index.put(product(`b${i}`, { name: `Nyhet ${5_000 + i}` }));

    // Act
    const early = ids(index, '249');
    const late = ids(index, '502');

    // Assert
    expect(early).to.have.members(['a249', 'a2490', 'a2491', 'a2492', 'a2493', 'a2494', 'a2495', 'a2496', 'a2497', 'a2498', 'a2499']);
    expect(late).to.have.members(['a502', 'b20', 'b21', 'b22', 'b23', 'b24', 'b25', 'b26', 'b27', 'b28', 'b29']);
  });

  it('when more products match than a page holds, then pages follow one order (contracted first, then Swedish alphabetical) and total counts them all', () => {
    // Arrange: names that sort differently in Swedish (å, ä, ö after z) than by code point or without diacritics.
    const names = ['Ölkapsyl', 'Zinkspray', 'Ädelsten', 'Åkerlera', 'Alunstift', 'Eksåpa', 'Bivax', 'Citronolja', 'Dalapärla'];
    names.forEach((name, i) => index.put(product(`p${i}`, { name: `${name} produkt`, contractIds: name === 'Zinkspray' || name === 'Ölkapsyl' ? ['k1'] : [] })));

    // Act
    const pages = [0, 3, 6].map((offset) => index.search('produkt', {}, { limit: 3, offset }));
    const all = index.search('produkt', {}, { limit: 20, offset: 0 });

    // Assert
    const name = (hit: { product: IndexedProduct }) => hit.product.name.replace(' produkt', '');
    expect(all.hits.map(name)).to.deep.equal(['Zinkspray', 'Ölkapsyl', 'Alunstift', 'Bivax', 'Citronolja', 'Dalapärla', 'Eksåpa', 'Åkerlera', 'Ädelsten']);
    expect(pages.flatMap((p) => p.hits.map(name))).to.deep.equal(all.hits.map(name));
    for (const p of pages) expect(p.total).to.equal(9);
  });

  it('when the query is empty, then every product the filters let through is found', () => {
    // Arrange
    index.put(product('p1', { category: 'Engångshandskar' }));
    index.put(product('p2', { category: 'Städkemikalier' }));

    index.put(product('p3', { supplierId: 'sup-b', contractIds: ['k1'], category: 'Städkemikalier' }));
    index.put(product('p4', { contractIds: ['k1'] }));
    index.put(product('p4', { contractIds: ['k2'] }));

    // Act / Assert
    expect(ids(index, '', { category: 'engångshandskar' })).to.deep.equal(['p1']);
    expect(ids(index, '', { contractId: 'k1' }), 'p4 has left contract k1').to.deep.equal(['p3']);
    expect(ids(index, '', { supplierId: 'sup-b', category: 'städkemikalier' })).to.deep.equal(['p3']);
    expect(ids(index, '', { contractId: 'k3' })).to.deep.equal([]);
    expect(index.search('', {}, page).total).to.equal(4);
  });

  it('when products are renamed and removed thousands of times, then searches find only what each product is now', () => {
    // Arrange: enough replacements that the postings left behind are swept, and ordinals are given out again.
    for (let i = 0; i < 3_000; i++) index.put(product(`p${i % 3}`, { name: `Namn${i} vara` }));
    index.remove('p2');

    // Act / Assert
    expect(ids(index, 'vara').sort()).to.deep.equal(['p0', 'p1']);
    expect(ids(index, 'namn2997'), 'p0 as it is now').to.deep.equal(['p0']);
    expect(ids(index, 'namn2998'), 'p1 as it is now').to.deep.equal(['p1']);
    expect(ids(index, 'namn2999'), 'p2 was removed').to.deep.equal([]);
    // (Old names that begin a current one, such as "namn299", find it as typed so far.)
    const oldNames = Array.from({ length: 2_997 }, (_, i) => `namn${i}`).filter((name) => !'namn2997'.startsWith(name) && !'namn2998'.startsWith(name));
    const foundByOldNames = oldNames.filter((name) => ids(index, name).length > 0);
    expect(foundByOldNames, 'old names').to.deep.equal([]);
    expect(index.size).to.equal(2);
  });

  it('when products are added after a search has numbered the names, then the alphabetical order still holds', () => {
    // Arrange
    for (const name of ['Cedertrall', 'Ekbord', 'Aspbänk']) index.put(product(name, { name: `${name} möbel` }));
    expect(ids(index, 'möbel')).to.deep.equal(['Aspbänk', 'Cedertrall', 'Ekbord']);

    // Act
    index.put(product('Bokhylla', { name: 'Bokhylla möbel' }));
    index.put(product('Ekbord', { name: 'Alstol möbel' }));

    // Assert
    expect(ids(index, 'möbel')).to.deep.equal(['Ekbord', 'Aspbänk', 'Bokhylla', 'Cedertrall']);
  });

  it('when a query pairs a rare word with words most products have, then it finds the same products, scores and reasons as each word alone would', () => {
    // Arrange: 120 products share a substance, a supplier and a synonym; one of them also has a rare name.
    const acetate = { name: 'Etylacetat', cas: '141-78-6', ec: null };
    for (let i = 0; i < 120; i++) index.put(product(`p${i}`, { name: i === 7 ? 'Unikum lack' : `Vanlig lack ${i}`, substances: [acetate] }));
    index.setSynonyms(new Map([['141-78-6', ['Ethyl acetate']]]));

    // Act: the common word is tested on the one product the rare word leaves, in each field it can match in.
    const bySubstance = index.search('unikum etylacetat', {}, page);
    const bySupplier = index.search('unikum städ', {}, page);
    const bySynonym = index.search('unikum ethyl', {}, page);
    const byName = index.search('unikum lack', {}, page);

    // Assert
    for (const result of [bySubstance, bySupplier, bySynonym, byName]) expect(result.hits.map((h) => h.product.id)).to.deep.equal(['p7']);
    expect(bySubstance.hits[0]!.matched).to.deep.include({ field: 'substance', text: 'Etylacetat, CAS 141-78-6' });
    expect(bySupplier.hits[0]!.matched).to.deep.include({ field: 'supplier', text: 'Städ & Hygien AB' });
    expect(bySynonym.hits[0]!.matched.map((m) => m.field)).to.include('synonym');
    expect(byName.hits[0]!.score, 'both words in the name').to.equal(1);
    expect(index.search('lack etylacetat', {}, page).total, 'two common words still find all').to.equal(120);
  });
});

describe('search index generation', () => {
  let index: SearchIndex;

  beforeEach(() => {
    index = createSearchIndex();
    index.putSupplier('sup-a', 'Städ & Hygien AB');
    index.put(product('p1', { name: 'Golvrent', substances: [{ name: 'Etanol', cas: '64-17-5', ec: null }] }));
  });

  it('when a product, a supplier or the synonyms change, then the generation moves on, so that kept answers are dropped', () => {
    // Arrange
    const seen = [index.generation];
    const step = (what: string, change: () => void) => {
      change();
      expect(index.generation, what).to.not.be.oneOf(seen);
      seen.push(index.generation);
    };

    // Act / Assert
    step('a product added', () => index.put(product('p2', { name: 'Fönsterputs' })));
    step('a product changed', () => index.put(product('p2', { name: 'Fönsterputs Extra' })));
    step('a product removed', () => index.remove('p2'));
    step('a supplier renamed', () => index.putSupplier('sup-a', 'Rent Sverige AB'));
    step('a supplier removed', () => index.removeSupplier('sup-a'));
    step('new list synonyms', () => index.setSynonyms(new Map([['64-17-5', ['Alkohol']]])));
  });

  it('when a catch-up puts a product or supplier again unchanged, or removes what is not there, then the generation stays', () => {
    // Arrange
    const before = index.generation;

    // Act
    index.put(product('p1', { name: 'Golvrent', substances: [{ name: 'Etanol', cas: '64-17-5', ec: null }] }));
    index.putSupplier('sup-a', 'Städ & Hygien AB');
    index.remove('p9');
    index.removeSupplier('sup-z');

    // Assert
    expect(index.generation).to.equal(before);
    expect(ids(index, 'golvrent')).to.deep.equal(['p1']);
  });
});
