// Bulk declarations end to end through the API: a supplier declares three products in one sheet; they are created (or
// matched by article number), each gets a declaration revision holding its own rows, and each is screened. A product
// with a rejected row is not applied, the same rows again are unchanged, and a file refused as a whole stores nothing.
import { expect } from 'chai';
import { blankEntry } from '../../src/lists/list-entry.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { chemregListForm } from '../support/list-files/index.js';
import { bulkCsv, bulkXlsx, emptyFile, missingColumnCsv, SAMPLE_ROWS, sampleWith, rowOfExtra, type BulkFile } from '../support/declaration-files/bulk.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

const DEHP = '117-81-7';

function form(file: BulkFile): FormData {
  const body = new FormData();
  body.append('file', new Blob([file.bytes]), file.fileName);
  return body;
}

type Result = { productNumber: string; outcome: string; productId: string | null; declarationId: string | null; revisionNumber: number | null; rows: number[]; reason: string | null };

describe('bulk declarations API', function () {
  this.timeout(60_000);

  let t: TestApp;
  let admin: Client;
  let expert: Client;
  let supplierA: Client;
  let supplierB: Client;
  let supplierAId: string;
  let created: Map<string, Result>;

  const bulkPath = (supplierId: string): string => `/api/v1/suppliers/${supplierId}/declarations/bulk`;

  async function upload(client: Client, file: BulkFile, supplierId = supplierAId): Promise<Response> {
    return client.post(bulkPath(supplierId), form(file));
  }

  function byNumber(res: Response): Map<string, Result> {
    return new Map((res.body.results as Result[]).map((r) => [r.productNumber, r]));
  }

  async function productsOf(supplierId: string): Promise<Array<Record<string, any>>> {
    const res = await admin.get(`/api/v1/products?supplierId=${supplierId}&limit=100`);
    expect(res.status, show(res)).to.equal(200);
    return res.body.items as Array<Record<string, any>>;
  }

  async function revisions(productId: string): Promise<Array<Record<string, any>>> {
    return (await admin.get(`/api/v1/products/${productId}/declarations`)).body.items as Array<Record<string, any>>;
  }

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    expert = t.as((await t.issueToken('expert')).token);
    const dehp = { ...blankEntry(DEHP, 'Bis(2-ethylhexyl) phthalate (DEHP)'), cas: [DEHP] };
    const res = await admin.post('/api/v1/lists/import', chemregListForm('echa-candidate-list', [dehp]));
    expect(res.status, show(res)).to.equal(201);
    await t.services.jobs.whenIdle();
    const a = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Medicinteknik AB', orgNumber: swedishOrgNumber() });
    const b = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Konkurrent AB', orgNumber: swedishOrgNumber() });
    supplierAId = a.body.id;
    supplierA = t.as((await t.issueToken('supplier', a.body.id)).token);
    supplierB = t.as((await t.issueToken('supplier', b.body.id)).token);
  });
  after(async () => {
    await t?.close();
  });

  it('when a supplier uploads a sheet of three new products, then each is created with a bulk-csv revision of its rows and every row is accepted', async () => {
    const res = await upload(supplierA, bulkCsv(SAMPLE_ROWS, { fileName: 'deklaration 2026.csv' }));

    expect(res.status, show(res)).to.equal(200);
    expect(res.body).to.deep.include({ format: 'bulk-csv', fileName: 'deklaration 2026.csv', rows: { total: 8, accepted: 8, rejected: 0 } });
    expect(res.body.products).to.deep.equal({ created: 3, revised: 0, unchanged: 0, rejected: 0 });
    created = byNumber(res);
    expect(created.get('P-100')).to.include({ outcome: 'created', revisionNumber: 1, reason: null });
    expect(created.get('P-100')?.rows).to.deep.equal([2, 3, 4, 5]);

    const products = new Map((await productsOf(supplierAId)).map((p) => [p.supplierArticleNumbers[0] as string, p]));
    expect(products.get('P-100')).to.include({ id: created.get('P-100')?.productId, name: 'Infusionsset', kind: 'article' });
    expect(products.get('P-300')).to.include({ name: 'Handdesinfektion', kind: 'mixture' });

    const revision = (await admin.get(`/api/v1/declarations/${created.get('P-100')?.declarationId}`)).body;
    expect(revision).to.include({ format: 'bulk-csv', fileName: 'deklaration 2026-P-100.csv', supplierId: supplierAId });
    expect(revision.summary).to.include({ productNumber: 'P-100', components: 2, materials: 2, substances: 3 });
  });

  it('when the sheet is stored, then each product is screened from its declared content', async () => {
    const productId = created.get('P-100')?.productId;
    const res = await expert.get(`/api/v1/findings?productId=${productId}&listId=echa-candidate-list`);

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.items).to.have.length(1);
    const [dehp] = res.body.items as [Record<string, any>];
    expect(dehp.substance).to.include({ cas: DEHP });
    expect(dehp.evidence).to.include({ source: 'declaration', documentId: created.get('P-100')?.declarationId });
  });

  it('when a product\'s revision is downloaded, then it is that product\'s rows of the sheet under the header, as CSV', async () => {
    const res = await supplierA.bytes(`/api/v1/declarations/${created.get('P-300')?.declarationId}/file`);

    expect(res.status).to.equal(200);
    const lines = res.body.toString('utf8').trimEnd().split('\r\n');
    expect(lines).to.have.length(3);
    expect(lines[0]).to.match(/^product_number,product_name,product_kind,/u);
    expect(lines[1]).to.match(/^P-300,Handdesinfektion,mixture,/u);
    expect(lines[2]).to.match(/^P-300,,,/u);
  });

  it('when the same sheet is uploaded again, then every product is unchanged and no revision is added', async () => {
    const res = await upload(supplierA, bulkCsv(SAMPLE_ROWS, { fileName: 'again.csv' }));

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.products).to.deep.equal({ created: 0, revised: 0, unchanged: 3, rejected: 0 });
    expect(byNumber(res).get('P-100')).to.include({ outcome: 'unchanged', declarationId: created.get('P-100')?.declarationId, revisionNumber: 1 });
    expect(await revisions(created.get('P-100')!.productId!)).to.have.length(1);
  });

  it('when a sheet changes one product, then that product gets revision 2 and the diff shows the change', async () => {
    const changed = SAMPLE_ROWS.map((r, i) => (i === 0 ? { ...r, concentration: '0.05 %' } : r));

    const res = await upload(supplierA, bulkCsv(changed));

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.products).to.deep.equal({ created: 0, revised: 1, unchanged: 2, rejected: 0 });
    const p100 = byNumber(res).get('P-100')!;
    expect(p100).to.include({ outcome: 'revised', productId: created.get('P-100')?.productId, revisionNumber: 2 });
    const diff = await admin.get(`/api/v1/declarations/${created.get('P-100')?.declarationId}/diff/${p100.declarationId}`);
    expect(diff.status, show(diff)).to.equal(200);
    expect(diff.body.substances.changed).to.have.length(1);
    expect(diff.body.substances.changed[0]).to.include({ cas: DEHP, before: '30.5 %', after: '0.05 %' });
  });

  it('when a row of a product is rejected, then nothing of that product is applied, its other rows say why, and the other products are', async () => {
    const before = (await revisions(created.get('P-200')!.productId!)).length;
    const file = bulkCsv(sampleWith([
      { product_number: 'P-200', component: 'Sits', substance_name: 'Lead', cas: '7439-92-1', concentration: '150 %' },
      { product_number: 'P-400', product_name: 'Undersökningshandske', substance_name: 'Zinc oxide', cas: '1314-13-2', concentration: '1-3 %' },
    ]));

    const res = await upload(supplierA, file);

    expect(res.status, show(res)).to.equal(200);
    const results = byNumber(res);
    expect(results.get('P-200')).to.include({ outcome: 'rejected', productId: created.get('P-200')?.productId, declarationId: null });
    expect(results.get('P-200')?.reason).to.include(`row(s) ${rowOfExtra(0)}`);
    expect(results.get('P-400')).to.include({ outcome: 'created' });
    const rows = new Map((res.body.rowReport as Array<Record<string, any>>).map((r) => [r.row as number, r]));
    expect(rows.get(rowOfExtra(0))?.issues[0].path).to.equal(`row ${rowOfExtra(0)} column concentration`);
    // P-200's own good rows (6 and 7) are not applied, and say so.
    expect(rows.get(6)).to.include({ status: 'rejected' });
    expect(rows.get(6)?.issues[0]).to.include({ path: 'row 6' });
    expect(rows.get(6)?.issues[0].message).to.match(/^not applied: /u);
    expect(res.body.rows).to.deep.equal({ total: 10, accepted: 7, rejected: 3 });
    expect(await revisions(created.get('P-200')!.productId!)).to.have.length(before);
  });

  it('when a product number is new and no row names the product, then that product is rejected and not created', async () => {
    const count = (await productsOf(supplierAId)).length;

    const res = await upload(supplierA, bulkCsv([{ product_number: 'P-900', substance_name: 'Ethanol', cas: '64-17-5', concentration: '70 %' }]));

    expect(res.status, show(res)).to.equal(200);
    expect(byNumber(res).get('P-900')).to.include({ outcome: 'rejected', productId: null });
    expect(byNumber(res).get('P-900')?.reason).to.include('needs product_name');
    expect(await productsOf(supplierAId)).to.have.length(count);
  });

  it('when a product number is an article number of a product made through the API, then the sheet declares that product', async () => {
    const made = await supplierA.post<{ id: string }>('/api/v1/products', { name: 'Skyddsglasögon', kind: 'article', supplierArticleNumbers: ['SG-1', 'SG-1-EU'] });
    expect(made.status, show(made)).to.equal(201);

    const res = await upload(supplierA, await bulkXlsx([{ product_number: 'SG-1-EU', component: 'Lins', material: 'PC', substance_name: 'Bisphenol A', cas: '80-05-7', concentration: '50 ppm' }]));

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.format).to.equal('bulk-xlsx');
    expect(byNumber(res).get('SG-1-EU')).to.include({ outcome: 'revised', productId: made.body.id, revisionNumber: 1 });
  });

  it('when a product number is an article number of two of the supplier\'s products, then it is rejected as ambiguous', async () => {
    for (const name of ['Förkläde blå', 'Förkläde vit']) {
      const made = await supplierA.post('/api/v1/products', { name, kind: 'article', supplierArticleNumbers: ['FK-1'] });
      expect(made.status, show(made)).to.equal(201);
    }

    const res = await upload(supplierA, bulkCsv([{ product_number: 'FK-1', substance_name: 'Polyethylene' }]));

    expect(byNumber(res).get('FK-1')).to.include({ outcome: 'rejected', productId: null });
    expect(byNumber(res).get('FK-1')?.reason).to.include('2 of the supplier\'s products');
  });

  it('when the sheet fails as a whole, then 400 names the header and nothing is created', async () => {
    const count = (await productsOf(supplierAId)).length;

    const res = await upload(supplierA, emptyFile());
    expect(res.status, show(res)).to.equal(400);
    expect(res.body.code).to.equal('VALIDATION_FAILED');

    const missing = await upload(supplierA, missingColumnCsv());
    expect(missing.status, show(missing)).to.equal(400);
    expect(missing.body.code).to.equal('DECLARATION_INVALID');
    expect(missing.body.issues.map((i: { path: string }) => i.path)).to.include('body.file.header');
    expect(await productsOf(supplierAId)).to.have.length(count);
  });

  it('when an admin uploads for a supplier, then the products are that supplier\'s', async () => {
    const res = await upload(admin, bulkCsv([{ product_number: 'ADM-1', product_name: 'Plastpåse', substance_name: 'Polyethylene' }]));

    expect(res.status, show(res)).to.equal(200);
    const product = (await admin.get(`/api/v1/products/${byNumber(res).get('ADM-1')?.productId}`)).body;
    expect(product).to.include({ supplierId: supplierAId });
  });

  it('when another supplier uploads to this supplier, then 404 and nothing is created; an expert gets 403', async () => {
    const count = (await productsOf(supplierAId)).length;

    const other = await upload(supplierB, bulkCsv([{ product_number: 'X-1', product_name: 'Intrång', substance_name: 'Ethanol' }]));
    const byExpert = await upload(expert, bulkCsv([{ product_number: 'X-2', product_name: 'Expert', substance_name: 'Ethanol' }]));

    expect(other.status, show(other)).to.equal(404);
    expect(byExpert.status, show(byExpert)).to.equal(403);
    expect(await productsOf(supplierAId)).to.have.length(count);
  });
});
