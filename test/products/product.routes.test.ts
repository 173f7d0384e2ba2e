import { expect } from 'chai';
import { swedishOrgNumber } from '../support/fixtures.js';
import type { Client } from '../support/test-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MISSING_ID = '0123456789abcdef01234567';

describe('products API', () => {
  let t: TestApp;
  let admin: Client;
  /** Supplier A, with a token of its own, on contract A; supplier B on contract B. */
  let supplierA: string;
  let supplierB: string;
  let contractA: string;
  let contractB: string;
  let asSupplierA: Client;

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    supplierA = await createSupplier('Supplier A AB');
    supplierB = await createSupplier('Supplier B AB');
    contractA = await createContract('PROD-A', [supplierA]);
    contractB = await createContract('PROD-B', [supplierB]);
    asSupplierA = t.as((await t.issueToken('supplier', supplierA)).token);
  });
  after(async () => {
    await t.close();
  });

  const issuePaths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path);

  async function createSupplier(name: string): Promise<string> {
    const res = await admin.post<{ id: string }>('/api/v1/suppliers', { name, orgNumber: swedishOrgNumber() });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.id;
  }

  async function createContract(number: string, supplierIds: string[]): Promise<string> {
    const res = await admin.post<{ id: string }>('/api/v1/contracts', {
      number, title: `Contract ${number}`, buyer: 'Region Test', supplierIds, validFrom: '2025-01-01', validTo: '2027-12-31', category: 'gloves',
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.id;
  }

  async function createProduct(fields: Record<string, unknown>): Promise<{ id: string }> {
    const res = await admin.post<{ id: string }>('/api/v1/products', { supplierId: supplierA, name: 'Produkt', kind: 'article', ...fields });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }

  describe('by an admin', () => {
    it('when an admin registers a product, then every field comes back and it can be read back', async () => {
      // Arrange
      const body = {
        supplierId: supplierA, name: 'Nitrilhandske', tradeName: 'BlueGrip', supplierArticleNumbers: ['BG-100', 'BG-101'],
        buyerArticleNumbers: ['RT-5501'], category: 'disposable gloves', kind: 'article', contractIds: [contractA], intendedUse: 'Vårdnära arbete',
      };

      // Act
      const created = await admin.post('/api/v1/products', body);
      const read = await admin.get(`/api/v1/products/${created.body.id}`);

      // Assert
      expect(created.status).to.equal(201);
      const { supplierArticleNumbers, buyerArticleNumbers, contractIds, ...scalars } = body;
      expect(created.body).to.include(scalars);
      expect(created.body).to.deep.include({ supplierArticleNumbers, buyerArticleNumbers, contractIds });
      expect(read.status).to.equal(200);
      expect(read.body).to.deep.equal(created.body);
    });

    it('when only the required fields are given, then the lists default to empty and optional fields are absent', async () => {
      // Act
      const created = await admin.post('/api/v1/products', { supplierId: supplierA, name: 'Minimal', kind: 'substance' });

      // Assert
      expect(created.status).to.equal(201);
      expect(created.body).to.deep.include({ supplierArticleNumbers: [], buyerArticleNumbers: [], contractIds: [] });
      expect(created.body).to.not.have.any.keys('tradeName', 'category', 'intendedUse');
    });

    it('when an admin changes a product, then the change is stored and the rest is kept', async () => {
      // Arrange
      const product = await createProduct({ name: 'Före', tradeName: 'TN', category: 'cat' });

      // Act
      const res = await admin.patch(`/api/v1/products/${product.id}`, { name: 'Efter', kind: 'article-with-mixture', supplierArticleNumbers: ['X-1'] });
      const read = await admin.get(`/api/v1/products/${product.id}`);

      // Assert
      expect(res.status).to.equal(200);
      expect(read.body).to.include({ name: 'Efter', kind: 'article-with-mixture', tradeName: 'TN', category: 'cat', supplierId: supplierA });
      expect(read.body.supplierArticleNumbers).to.deep.equal(['X-1']);
    });

    it('when an admin deletes a product, then it is gone and further requests for it answer 404', async () => {
      // Arrange
      const product = await createProduct({ name: 'Kortlivad' });

      // Act
      const deleted = await admin.delete(`/api/v1/products/${product.id}`);
      const read = await admin.get(`/api/v1/products/${product.id}`);
      const again = await admin.delete(`/api/v1/products/${product.id}`);
      const patch = await admin.patch(`/api/v1/products/${product.id}`, { name: 'x' });

      // Assert
      expect(deleted.status).to.equal(204);
      for (const res of [read, again, patch]) {
        expect(res.status).to.equal(404);
        expect(res.body.code).to.equal('NOT_FOUND');
      }
    });

    it('when an admin leaves out supplierId, then the answer is 400 on body.supplierId', async () => {
      // Act
      const res = await admin.post('/api/v1/products', { name: 'Föräldralös', kind: 'article' });

      // Assert
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      expect(issuePaths(res.body)).to.deep.equal(['body.supplierId']);
    });

    it('when an admin names a supplier that does not exist, then the answer is 400 INVALID_REFERENCE on body.supplierId', async () => {
      // Act
      const res = await admin.post('/api/v1/products', { supplierId: MISSING_ID, name: 'Spöke', kind: 'article' });

      // Assert
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_REFERENCE');
      expect(issuePaths(res.body)).to.deep.equal(['body.supplierId']);
    });
  });

  describe('by a supplier token', () => {
    it('when a supplier registers a product without supplierId, then it belongs to that supplier and the supplier can read, change and delete it', async () => {
      // Act
      const created = await asSupplierA.post('/api/v1/products', { name: 'Egen produkt', kind: 'mixture', contractIds: [contractA] });
      const read = await asSupplierA.get(`/api/v1/products/${created.body.id}`);
      const changed = await asSupplierA.patch(`/api/v1/products/${created.body.id}`, { name: 'Egen produkt v2' });
      const deleted = await asSupplierA.delete(`/api/v1/products/${created.body.id}`);

      // Assert
      expect(created.status).to.equal(201);
      expect(created.body.supplierId).to.equal(supplierA);
      expect(read.status).to.equal(200);
      expect(changed.status).to.equal(200);
      expect(changed.body.name).to.equal('Egen produkt v2');
      expect(deleted.status).to.equal(204);
      expect((await admin.get(`/api/v1/products/${created.body.id}`)).status).to.equal(404);
    });

    it('when a supplier names itself as supplierId, then the product is created for it', async () => {
      // Act
      const res = await asSupplierA.post('/api/v1/products', { supplierId: supplierA, name: 'Explicit', kind: 'article' });

      // Assert
      expect(res.status).to.equal(201);
      expect(res.body.supplierId).to.equal(supplierA);
    });

    it('when a supplier names another supplier, then the answer is 400 INVALID_REFERENCE on body.supplierId and nothing is created', async () => {
      // Act
      const res = await asSupplierA.post('/api/v1/products', { supplierId: supplierB, name: 'Intrång', kind: 'article' });

      // Assert
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_REFERENCE');
      expect(issuePaths(res.body)).to.deep.equal(['body.supplierId']);
      const listed = await admin.get(`/api/v1/products?supplierId=${supplierB}&q=Intr%C3%A5ng`);
      expect(listed.body.total).to.equal(0);
    });

    it('when a supplier reads, changes or deletes another supplier\'s product, then the answer is 404', async () => {
      // Arrange
      const foreign = await createProduct({ supplierId: supplierB, name: 'B:s produkt' });

      // Act
      const responses = [
        await asSupplierA.get(`/api/v1/products/${foreign.id}`),
        await asSupplierA.patch(`/api/v1/products/${foreign.id}`, { name: 'stolen' }),
        await asSupplierA.delete(`/api/v1/products/${foreign.id}`),
      ];

      // Assert
      for (const res of responses) expect(res.status).to.equal(404);
      expect((await admin.get(`/api/v1/products/${foreign.id}`)).body.name).to.equal('B:s produkt');
    });
  });

  describe('contract links', () => {
    it('when contractIds names a contract the supplier is not on, or an unknown contract, then the answer is 400 INVALID_REFERENCE on that element', async () => {
      // Act
      const otherSuppliers = await admin.post('/api/v1/products', { supplierId: supplierA, name: 'Fel avtal', kind: 'article', contractIds: [contractA, contractB] });
      const unknown = await admin.post('/api/v1/products', { supplierId: supplierA, name: 'Inget avtal', kind: 'article', contractIds: [MISSING_ID] });
      const bySupplier = await asSupplierA.post('/api/v1/products', { name: 'Fel avtal', kind: 'article', contractIds: [contractB] });

      // Assert
      expect(otherSuppliers.status).to.equal(400);
      expect(otherSuppliers.body.code).to.equal('INVALID_REFERENCE');
      expect(issuePaths(otherSuppliers.body)).to.deep.equal(['body.contractIds.1']);
      expect(unknown.status).to.equal(400);
      expect(unknown.body.code).to.equal('INVALID_REFERENCE');
      expect(issuePaths(unknown.body)).to.deep.equal(['body.contractIds.0']);
      expect(bySupplier.status).to.equal(400);
      expect(issuePaths(bySupplier.body)).to.deep.equal(['body.contractIds.0']);
    });

    it('when a change links a product to a contract its supplier is not on, then the answer is 400 INVALID_REFERENCE and the links are kept', async () => {
      // Arrange
      const product = await createProduct({ contractIds: [contractA] });

      // Act
      const res = await admin.patch(`/api/v1/products/${product.id}`, { contractIds: [contractA, contractB] });

      // Assert
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_REFERENCE');
      expect(issuePaths(res.body)).to.deep.equal(['body.contractIds.1']);
      expect((await admin.get(`/api/v1/products/${product.id}`)).body.contractIds).to.deep.equal([contractA]);
    });

    it('when a contract is repeated in contractIds, then the answer is 400 on body.contractIds', async () => {
      // Act
      const res = await admin.post('/api/v1/products', { supplierId: supplierA, name: 'Dubbel', kind: 'article', contractIds: [contractA, contractA] });

      // Assert
      expect(res.status).to.equal(400);
      expect(issuePaths(res.body)).to.deep.equal(['body.contractIds']);
    });
  });

  describe('changes', () => {
    it('when a change sets tradeName, category and intendedUse to null, then they are removed', async () => {
      // Arrange
      const product = await createProduct({ tradeName: 'Gammalt namn', category: 'gloves', intendedUse: 'Städning' });

      // Act
      const res = await admin.patch(`/api/v1/products/${product.id}`, { tradeName: null, category: null, intendedUse: null });
      const read = await admin.get(`/api/v1/products/${product.id}`);

      // Assert
      expect(res.status).to.equal(200);
      expect(read.body).to.not.have.any.keys('tradeName', 'category', 'intendedUse');
      expect(read.body).to.include({ name: 'Produkt', kind: 'article' });
    });

    it('when a change sets a required field to null, then the answer is 400 and nothing changes', async () => {
      // Arrange
      const product = await createProduct({ name: 'Behåller namn' });

      // Act
      const res = await admin.patch(`/api/v1/products/${product.id}`, { name: null });

      // Assert
      expect(res.status).to.equal(400);
      expect(issuePaths(res.body)).to.deep.equal(['body.name']);
      expect((await admin.get(`/api/v1/products/${product.id}`)).body.name).to.equal('Behåller namn');
    });

    it('when a change names supplierId, then it is refused as an unknown field and the product keeps its supplier', async () => {
      // Arrange
      const product = await createProduct({});

      // Act
      const byAdmin = await admin.patch(`/api/v1/products/${product.id}`, { supplierId: supplierB });
      const bySupplier = await asSupplierA.patch(`/api/v1/products/${product.id}`, { supplierId: supplierA });

      // Assert
      for (const res of [byAdmin, bySupplier]) {
        expect(res.status).to.equal(400);
        expect(res.body.code).to.equal('VALIDATION_FAILED');
        expect(res.body.issues).to.deep.equal([{ path: 'body.supplierId', message: 'unknown field' }]);
      }
      expect((await admin.get(`/api/v1/products/${product.id}`)).body.supplierId).to.equal(supplierA);
    });

    it('when kind is one of article, mixture, substance or article-with-mixture, then it is accepted; any other kind answers 400 on body.kind', async () => {
      // Arrange
      const kinds = ['article', 'mixture', 'substance', 'article-with-mixture'];
      const product = await createProduct({});

      // Act
      const accepted = await Promise.all(kinds.map((kind) => admin.post('/api/v1/products', { supplierId: supplierA, name: `Kind ${kind}`, kind })));
      const rejectedCreate = await admin.post('/api/v1/products', { supplierId: supplierA, name: 'Kind bad', kind: 'Mixture' });
      const missing = await admin.post('/api/v1/products', { supplierId: supplierA, name: 'Kind none' });
      const rejectedPatch = await admin.patch(`/api/v1/products/${product.id}`, { kind: 'gadget' });

      // Assert
      expect(accepted.map((r): unknown[] => [r.status, r.body.kind])).to.deep.equal(kinds.map((k) => [201, k]));
      for (const res of [rejectedCreate, missing, rejectedPatch]) {
        expect(res.status).to.equal(400);
        expect(issuePaths(res.body)).to.deep.equal(['body.kind']);
      }
      expect((await admin.get(`/api/v1/products/${product.id}`)).body.kind).to.equal('article');
    });
  });

  describe('list', () => {
    let listSupplier: string;
    let listContract: string;
    const ids: Record<string, string> = {};

    before(async () => {
      listSupplier = await createSupplier('List Supplier AB');
      listContract = await createContract('PROD-LIST', [listSupplier]);
      const make = async (key: string, fields: Record<string, unknown>) => {
        ids[key] = (await createProduct({ supplierId: listSupplier, ...fields })).id;
      };
      await make('glove', { name: 'Listprod handske', kind: 'article', category: 'gloves-list', contractIds: [listContract], supplierArticleNumbers: ['SUP-77'] });
      await make('soap', { name: 'Listprod tvål', tradeName: 'SoftWash', kind: 'mixture', category: 'soap-list', buyerArticleNumbers: ['BUY-42'] });
      await make('dot', { name: 'Listprod a.b', kind: 'substance', category: 'soap-list', contractIds: [listContract] });
      await make('x', { name: 'Listprod axb', kind: 'substance' });
    });

    const idsOf = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);

    it('when listing by supplierId, then that supplier\'s products are returned sorted by name', async () => {
      // Act
      const res = await admin.get(`/api/v1/products?supplierId=${listSupplier}`);

      // Assert
      expect(res.status).to.equal(200);
      expect(res.body.total).to.equal(4);
      expect(idsOf(res)).to.deep.equal([ids.dot, ids.x, ids.glove, ids.soap]);
    });

    it('when listing by contractId, category or kind, then only products matching it are returned', async () => {
      // Act
      const byContract = await admin.get(`/api/v1/products?contractId=${listContract}`);
      const byCategory = await admin.get('/api/v1/products?category=soap-list');
      const byKind = await admin.get(`/api/v1/products?supplierId=${listSupplier}&kind=substance`);
      const badKind = await admin.get('/api/v1/products?kind=gadget');

      // Assert
      expect(idsOf(byContract)).to.deep.equal([ids.dot, ids.glove]);
      expect(idsOf(byCategory)).to.deep.equal([ids.dot, ids.soap]);
      expect(idsOf(byKind)).to.deep.equal([ids.dot, ids.x]);
      expect(badKind.status).to.equal(400);
      expect(issuePaths(badKind.body)).to.deep.equal(['query.kind']);
    });

    it('when listing by ids, then only those products are returned sorted by name, and a malformed or overlong list gets a 400 on query.ids', async () => {
      // Arrange
      const unknown = '0123456789abcdef01234567';

      // Act
      const some = await admin.get(`/api/v1/products?ids=${ids.soap},${ids.dot!.toUpperCase()},${unknown}`);
      const malformed = await admin.get(`/api/v1/products?ids=${ids.soap},not-an-id`);
      const tooMany = await admin.get(`/api/v1/products?ids=${Array.from({ length: 201 }, () => unknown).join(',')}`);

      // Assert
      expect(some.status).to.equal(200);
      expect(idsOf(some)).to.deep.equal([ids.dot, ids.soap]);
      for (const res of [malformed, tooMany]) {
        expect(res.status).to.equal(400);
        expect(res.body.code).to.equal('VALIDATION_FAILED');
        expect(issuePaths(res.body).every((path: string) => path.startsWith('query.ids'))).to.equal(true);
      }
    });

    it('when a supplier token lists products by ids, then another supplier\'s products among them are left out', async () => {
      // Arrange
      const own = (await asSupplierA.get('/api/v1/products?limit=1')).body.items[0].id as string;

      // Act
      const res = await asSupplierA.get(`/api/v1/products?ids=${own},${ids.glove},${ids.soap}`);

      // Assert
      expect(res.status).to.equal(200);
      expect(idsOf(res)).to.deep.equal([own]);
      expect(res.body.total).to.equal(1);
    });

    it('when listing with q, then the name, trade name and both kinds of article number are searched, case-insensitively', async () => {
      // Act
      const byName = await admin.get(`/api/v1/products?q=${encodeURIComponent('listprod HANDSKE')}`);
      const byTradeName = await admin.get('/api/v1/products?q=softwash');
      const bySupplierArticle = await admin.get('/api/v1/products?q=sup-77');
      const byBuyerArticle = await admin.get('/api/v1/products?q=BUY-42');

      // Assert
      expect(idsOf(byName)).to.deep.equal([ids.glove]);
      expect(idsOf(byTradeName)).to.deep.equal([ids.soap]);
      expect(idsOf(bySupplierArticle)).to.deep.equal([ids.glove]);
      expect(idsOf(byBuyerArticle)).to.deep.equal([ids.soap]);
    });

    it('when q contains regular-expression metacharacters, then they match only themselves', async () => {
      // Act
      const dotted = await admin.get(`/api/v1/products?q=${encodeURIComponent('a.b')}`);
      const star = await admin.get(`/api/v1/products?q=${encodeURIComponent('Listprod.*')}`);

      // Assert
      expect(idsOf(dotted)).to.deep.equal([ids.dot]);
      expect(star.status).to.equal(200);
      expect(star.body.total).to.equal(0);
    });

    it('when a supplier token lists products, then only its own are returned, and asking for another supplier\'s gives none', async () => {
      // Act
      const own = await asSupplierA.get('/api/v1/products?limit=200');
      const other = await asSupplierA.get(`/api/v1/products?supplierId=${listSupplier}`);

      // Assert
      expect(own.status).to.equal(200);
      expect(own.body.total).to.be.greaterThan(0);
      expect(own.body.items.every((p: { supplierId: string }) => p.supplierId === supplierA)).to.equal(true);
      expect(other.body).to.include({ total: 0 });
      expect(other.body.items).to.deep.equal([]);
    });
  });
});
