// Procurement search end to end through the API, over a seeded registry: suppliers, a contract, products with
// declared substances, lists that raise findings on them, and the changes a buyer expects the search to follow.
import { expect } from 'chai';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { chemregListForm } from '../support/list-files/index.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';
import { declarationForm } from '../support/forms.js';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

const DEHP = '117-81-7';
const SODIUM_HYDROXIDE = '1310-73-2';

interface Hit {
  product: { id: string; name: string; supplierArticleNumbers: string[] };
  supplier: { id: string; name: string };
  contracts: Array<{ id: string; number: string; title: string }>;
  worstOpenSeverity: string | null;
  reason: string | null;
  openFindings: Record<string, number>;
  match: string;
  matched: Array<{ field: string; text: string }>;
}
interface Result {
  identifier: string | null;
  items: Hit[];
  total: number;
}

describe('search API', function () {
  this.timeout(60_000);

  let t: TestApp;
  let admin: Client;
  let procurement: Client;
  let expert: Client;
  const ids: Record<string, string> = {};

  const search = async (client: Client, query: string): Promise<Result> => {
    const res = await client.get<Result>(`/api/v1/search?${query}`);
    expect(res.status, show(res)).to.equal(200);
    return res.body;
  };
  const names = (result: Result): string[] => result.items.map((hit) => hit.product.name);

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    procurement = t.as((await t.issueToken('procurement')).token);
    expert = t.as((await t.issueToken('expert')).token);
    const created = async (path: string, body: unknown): Promise<string> => {
      const res = await admin.post<{ id: string }>(path, body);
      expect(res.status, show(res)).to.equal(201);
      return res.body.id;
    };
    ids.cleaning = await created('/api/v1/suppliers', { name: 'Städ & Hygien AB', orgNumber: swedishOrgNumber() });
    ids.gloves = await created('/api/v1/suppliers', { name: 'Plastprodukter Norden AB', orgNumber: swedishOrgNumber() });
    ids.contract = await created('/api/v1/contracts', {
      number: 'RS-2026-0107', title: 'Engångshandskar', buyer: 'Region Stockholm', supplierIds: [ids.cleaning, ids.gloves],
      validFrom: '2026-01-01', validTo: '2029-12-31', category: 'disposable gloves', requirementProfile: { lists: [], clauses: [] },
    });
    const product = (supplierId: string, name: string, kind: string, category: string, extra: Record<string, unknown> = {}) =>
      created('/api/v1/products', { supplierId, name, kind, category, ...extra });
    ids.blue = await product(ids.gloves, 'Nitrilhandske Blå', 'article', 'disposable gloves', { supplierArticleNumbers: ['NH-200'], contractIds: [ids.contract] });
    ids.black = await product(ids.gloves, 'Nitrilhandske Svart', 'article', 'disposable gloves', { supplierArticleNumbers: ['NH-300'] });
    ids.vinyl = await product(ids.gloves, 'Vinylhandske', 'article', 'disposable gloves', { contractIds: [ids.contract] });
    ids.floor = await product(ids.cleaning, 'Golvrent Neutral', 'mixture', 'cleaning chemicals', { supplierArticleNumbers: ['GR-1001'], contractIds: [ids.contract] });

    // The Candidate List names DEHP in English; the vinyl glove's declaration names it in Swedish.
    const candidate: ListEntry[] = [
      { ...blankEntry(DEHP, 'Bis(2-ethylhexyl) phthalate'), cas: [DEHP], reasons: ['Toxic for reproduction (Article 57c)'] },
    ];
    const imported = await admin.post('/api/v1/lists/import', chemregListForm('echa-candidate-list', candidate));
    expect(imported.status, show(imported)).to.equal(201);
    await t.services.jobs.whenIdle();
    const declare = async (productId: string, substances: Array<{ name: string; cas: string; percent: number }>) => {
      const res = await admin.post(`/api/v1/products/${productId}/declarations`, declarationForm(substances));
      expect(res.status, show(res)).to.equal(201);
    };
    await declare(ids.vinyl, [{ name: 'Dietylhexylftalat', cas: DEHP, percent: 12 }]);
    await declare(ids.blue, [{ name: 'Nitrile butadiene rubber', cas: '9003-18-3', percent: 95 }]);
    await declare(ids.floor, [{ name: 'Natriumhydroxid', cas: SODIUM_HYDROXIDE, percent: 2 }]);
  });
  after(async () => {
    await t?.close();
  });

  it('when a buyer types a name with a typo, then the products of that name are found, contracted ones first, each with its supplier, contracts and why it matched', async () => {
    // Act
    const result = await search(procurement, 'q=nitrilhanske');

    // Assert
    expect(names(result)).to.deep.equal(['Nitrilhandske Blå', 'Nitrilhandske Svart']);
    const [blue, black] = result.items as [Hit, Hit];
    expect(blue.supplier).to.deep.equal({ id: ids.gloves, name: 'Plastprodukter Norden AB' });
    expect(blue.contracts).to.deep.equal([{ id: ids.contract, number: 'RS-2026-0107', title: 'Engångshandskar' }]);
    expect(blue.match).to.equal('name');
    expect(blue.matched).to.deep.include({ field: 'name', text: 'Nitrilhandske Blå' });
    expect(black.contracts).to.deep.equal([]);
  });

  it('when q is a CAS number, then exactly the products declaring it are found, as exact matches naming the substance', async () => {
    // Act
    const result = await search(procurement, `q=${DEHP}`);

    // Assert
    expect(result.identifier).to.equal('cas');
    expect(names(result)).to.deep.equal(['Vinylhandske']);
    expect(result.items[0]!.match).to.equal('exact');
    expect(result.items[0]!.matched).to.deep.equal([{ field: 'cas', text: `Dietylhexylftalat, CAS ${DEHP}` }]);
  });

  it('when q is an article number written without its dash, then that product comes first as an exact match', async () => {
    // Act
    const result = await search(procurement, 'q=nh200');

    // Assert
    expect(result.items[0]!.product.name).to.equal('Nitrilhandske Blå');
    expect(result.items[0]!.match).to.equal('exact');
    expect(result.items[0]!.matched).to.deep.include({ field: 'articleNumber', text: 'NH-200' });
  });

  it('when a buyer searches a list\'s name for a substance the supplier declared under another name, then the product is found by that synonym', async () => {
    // Act
    const result = await search(procurement, 'q=phthalate');

    // Assert
    expect(names(result)).to.deep.equal(['Vinylhandske']);
    expect(result.items[0]!.matched[0]!.field).to.equal('synonym');
    expect(result.items[0]!.matched[0]!.text).to.include('Bis(2-ethylhexyl) phthalate').and.include(DEHP);
  });

  it('when a product has an open finding, then its hit shows the worst severity, the counts and a one-line reason, and "clean" leaves it out', async () => {
    // Act
    const gloves = await search(procurement, 'category=disposable%20gloves');
    const clean = await search(procurement, 'category=disposable%20gloves&clean=true');

    // Assert
    const vinyl = gloves.items.find((hit) => hit.product.id === ids.vinyl)!;
    expect(vinyl.worstOpenSeverity).to.be.oneOf(['red', 'orange']);
    expect(vinyl.openFindings[vinyl.worstOpenSeverity!]).to.equal(1);
    expect(vinyl.reason).to.equal(`Dietylhexylftalat (CAS ${DEHP}) 12 % exceeds 0.1 %: REACH Candidate List of SVHC (Art. 59)`);
    expect(gloves.total).to.equal(3);
    expect(names(clean)).to.have.members(['Nitrilhandske Blå', 'Nitrilhandske Svart']);
    for (const hit of clean.items) expect(hit.worstOpenSeverity).to.equal(null);
  });

  it('when an expert dismisses the finding, then the next search counts the product as clean', async () => {
    // Arrange
    const findings = await expert.get<{ items: Array<{ id: string }> }>(`/api/v1/findings?productId=${ids.vinyl}`);
    expect(findings.body.items, show(findings)).to.have.length(1);

    // Act
    const decided = await expert.post(`/api/v1/findings/${findings.body.items[0]!.id}/decisions`, { action: 'dismiss', comment: 'PVC-fri variant levereras' });
    const clean = await search(procurement, 'q=handske&clean=true');

    // Assert
    expect(decided.status, show(decided)).to.equal(200);
    expect(names(clean)).to.include('Vinylhandske');
  });

  it('when filters narrow by supplier, contract, kind or list, then only products meeting all of them are found', async () => {
    // Act + Assert
    expect(names(await search(procurement, `q=handske&supplierId=${ids.gloves}&contractId=${ids.contract}`))).to.have.members(['Nitrilhandske Blå', 'Vinylhandske']);
    expect(names(await search(procurement, 'kind=mixture'))).to.deep.equal(['Golvrent Neutral']);
    expect(names(await search(procurement, 'q=städ'))).to.deep.equal(['Golvrent Neutral']);
    expect((await search(procurement, 'q=handske&listId=echa-candidate-list')).total, 'the only Candidate List finding was dismissed').to.equal(0);
  });

  it('when a supplier searches, then it finds only its own products, and nothing when it asks for another supplier', async () => {
    // Arrange: a buyer has just asked the same, and sees other suppliers' products.
    const supplier = t.as((await t.issueToken('supplier', ids.cleaning)).token);
    expect((await search(procurement, 'q=handske')).total).to.be.greaterThan(0);

    // Act
    const own = await search(supplier, 'q=handske');
    const all = await search(supplier, 'category=cleaning%20chemicals');
    const other = await search(supplier, `q=handske&supplierId=${ids.gloves}`);

    // Assert
    expect(own.total).to.equal(0);
    expect(names(all)).to.deep.equal(['Golvrent Neutral']);
    expect(other.total).to.equal(0);
  });

  it('when a product is renamed or deleted, then the next search follows at once', async () => {
    // Act
    const renamed = await admin.patch(`/api/v1/products/${ids.black}`, { name: 'Latexfri handske Svart' });
    const byNewName = await search(procurement, 'q=latexfri');
    const byOldName = await search(procurement, 'q=nitrilhandske');
    const deleted = await admin.delete(`/api/v1/products/${ids.black}`);
    const afterDelete = await search(procurement, 'q=latexfri');

    // Assert
    expect(renamed.status, show(renamed)).to.equal(200);
    expect(names(byNewName)).to.deep.equal(['Latexfri handske Svart']);
    expect(names(byOldName)).to.deep.equal(['Nitrilhandske Blå']);
    expect(deleted.status, show(deleted)).to.equal(204);
    expect(afterDelete.total).to.equal(0);
  });

  it('when a supplier is renamed, then its products are found by the new name', async () => {
    // Act
    const renamed = await admin.patch(`/api/v1/suppliers/${ids.cleaning}`, { name: 'Renodlat AB' });
    const result = await search(procurement, 'q=renodlat');

    // Assert
    expect(renamed.status, show(renamed)).to.equal(200);
    expect(names(result)).to.deep.equal(['Golvrent Neutral']);
    expect(result.items[0]!.supplier.name).to.equal('Renodlat AB');
  });

  it('when a search is asked again after the product or its contract changed, then the answer shows them as they are now', async () => {
    // Arrange: the same search as a buyer would repeat it, answered once before the changes.
    const before = await search(procurement, 'q=golvrent');
    expect(before.items.map((hit) => hit.contracts.map((c) => c.title))).to.deep.equal([['Engångshandskar']]);

    // Act
    const contract = await admin.patch(`/api/v1/contracts/${ids.contract}`, { title: 'Engångshandskar och städkemikalier' });
    const afterContract = await search(procurement, 'q=golvrent');
    const product = await admin.patch(`/api/v1/products/${ids.floor}`, { name: 'Golvrent Parfymfri' });
    const afterProduct = await search(procurement, 'q=golvrent');

    // Assert
    expect(contract.status, show(contract)).to.equal(200);
    expect(afterContract.items.map((hit) => hit.contracts.map((c) => c.title))).to.deep.equal([['Engångshandskar och städkemikalier']]);
    expect(product.status, show(product)).to.equal(200);
    expect(names(afterProduct)).to.deep.equal(['Golvrent Parfymfri']);
  });

  it('when a client asks again with the ETag of the answer it has, then 304 says it still holds, until the products change', async () => {
    // Arrange
    const first = await procurement.get('/api/v1/search?q=vinylhandske');
    const etag = first.headers.get('etag')!;
    // As a browser revalidates what it holds (fetch would otherwise add Cache-Control: no-cache to a conditional request).
    const ask = () => procurement.raw('GET', '/api/v1/search?q=vinylhandske', { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });

    // Act
    const unchanged = await ask();
    const renamed = await admin.patch(`/api/v1/products/${ids.vinyl}`, { name: 'Vinylhandske Pudrad' });
    const changed = await ask();

    // Assert
    expect(first.status, show(first)).to.equal(200);
    expect(first.headers.get('content-type')).to.match(/^application\/json/u);
    expect(etag).to.be.a('string');
    expect(unchanged.status).to.equal(304);
    expect(renamed.status, show(renamed)).to.equal(200);
    expect(changed.status).to.equal(200);
    expect(changed.headers.get('etag')).to.not.equal(etag);
    expect((changed.body as Result).items.map((hit) => hit.product.name)).to.include('Vinylhandske Pudrad');
  });

  it('when the query has neither words nor a filter, or a bad filter, then 400 names the field and nothing is searched', async () => {
    // Act
    const empty = await procurement.get('/api/v1/search');
    const badKind = await procurement.get('/api/v1/search?q=handske&kind=liquid');
    const badLimit = await procurement.get('/api/v1/search?q=handske&limit=0');

    // Assert
    expect(empty.status).to.equal(400);
    expect(empty.body.code).to.equal('VALIDATION_FAILED');
    expect(empty.body.issues[0].path).to.equal('query.q');
    expect(badKind.status).to.equal(400);
    expect(badKind.body.issues[0].path).to.equal('query.kind');
    expect(badLimit.body.issues[0].path).to.equal('query.limit');
  });
});
