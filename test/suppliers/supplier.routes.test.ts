import { expect } from 'chai';
import { compact, swedishOrgNumber } from '../support/fixtures.js';
import type { Client } from '../support/test-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MISSING_ID = '0123456789abcdef01234567';

describe('suppliers API', () => {
  let t: TestApp;
  let admin: Client;
  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
  });
  after(async () => {
    await t.close();
  });

  type SupplierOut = { id: string; orgNumber: string; name: string; country: string };

  async function createSupplier(fields: Record<string, unknown> = {}): Promise<SupplierOut> {
    const res = await admin.post<SupplierOut>('/api/v1/suppliers', { name: 'Supplier AB', orgNumber: swedishOrgNumber(), ...fields });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }

  const issuePaths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path);

  describe('create and read', () => {
    it('when an admin registers a supplier with a Swedish organisation number, then it is stored normalised and can be read back', async () => {
      const created = await admin.post('/api/v1/suppliers', { name: 'Acme AB', orgNumber: '5560360793' });
      expect(created.status).to.equal(201);
      expect(created.body).to.include({ name: 'Acme AB', orgNumber: '556036-0793', country: 'SE' });
      const read = await admin.get(`/api/v1/suppliers/${created.body.id}`);
      expect(read.status).to.equal(200);
      expect(read.body).to.deep.equal(created.body);
    });

    it('when a supplier is registered with contacts, then the contacts and timestamps come back as sent', async () => {
      // Arrange
      const contacts = [
        { name: 'Anna Berg', email: 'anna@example.se', phone: '+46 8 123 45', role: 'sustainability' },
        { name: 'Bo Ek' },
      ];

      // Act
      const created = await admin.post('/api/v1/suppliers', { name: 'Kontakt AB', orgNumber: swedishOrgNumber(), contacts });
      const read = await admin.get(`/api/v1/suppliers/${created.body.id}`);

      // Assert
      expect(created.status).to.equal(201);
      expect(read.body.contacts).to.deep.equal(contacts);
      expect(read.body.id).to.match(/^[0-9a-f]{24}$/);
      expect(Date.parse(read.body.createdAt)).to.be.closeTo(Date.now(), 60_000);
      expect(read.body.updatedAt).to.equal(read.body.createdAt);
    });

    it('when a non-Swedish supplier is registered, then its organisation number is kept as written, upper-cased, without a Swedish check', async () => {
      // Act
      const created = await admin.post('/api/v1/suppliers', { name: 'Gmbh', orgNumber: 'hrb 98765 b', country: 'DE' });

      // Assert
      expect(created.status).to.equal(201);
      expect(created.body).to.include({ country: 'DE', orgNumber: 'HRB 98765 B' });
    });

    it('when the organisation number is already registered in another written form, then the answer is 409 DUPLICATE on body.orgNumber', async () => {
      // Arrange
      const existing = await createSupplier();

      // Act
      const withoutHyphen = await admin.post('/api/v1/suppliers', { name: 'Copy AB', orgNumber: compact(existing.orgNumber) });
      const withSpace = await admin.post('/api/v1/suppliers', { name: 'Copy AB', orgNumber: existing.orgNumber.replace('-', ' ') });
      const asWritten = await admin.post('/api/v1/suppliers', { name: 'Copy AB', orgNumber: existing.orgNumber });

      // Assert
      for (const res of [withoutHyphen, withSpace, asWritten]) {
        expect(res.status).to.equal(409);
        expect(res.body.code).to.equal('DUPLICATE');
        expect(issuePaths(res.body)).to.deep.equal(['body.orgNumber']);
      }
      const listed = await admin.get(`/api/v1/suppliers?orgNumber=${existing.orgNumber}`);
      expect(listed.body.total).to.equal(1);
    });

    it('when a Swedish organisation number has a wrong check digit, then the answer is 400 on body.orgNumber and nothing is stored', async () => {
      // Arrange
      const valid = swedishOrgNumber();
      const wrongCheckDigit = `${valid.slice(0, -1)}${(Number(valid.slice(-1)) + 1) % 10}`;

      // Act
      const res = await admin.post('/api/v1/suppliers', { name: 'Typo AB', orgNumber: wrongCheckDigit });

      // Assert
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      expect(issuePaths(res.body)).to.deep.equal(['body.orgNumber']);
      const listed = await admin.get(`/api/v1/suppliers?orgNumber=${wrongCheckDigit}`);
      expect(listed.body.total).to.equal(0);
    });

    it('when a Swedish organisation number has the wrong number of digits, then the answer is 400 on body.orgNumber', async () => {
      // Act
      const res = await admin.post('/api/v1/suppliers', { name: 'Short AB', orgNumber: '556036-079' });

      // Assert
      expect(res.status).to.equal(400);
      expect(issuePaths(res.body)).to.deep.equal(['body.orgNumber']);
    });

    it('when a supplier id is unknown, then reading it answers 404 NOT_FOUND; when it is malformed, 400 on params.id', async () => {
      // Act
      const unknown = await admin.get(`/api/v1/suppliers/${MISSING_ID}`);
      const malformed = await admin.get('/api/v1/suppliers/not-an-id');

      // Assert
      expect(unknown.status).to.equal(404);
      expect(unknown.body.code).to.equal('NOT_FOUND');
      expect(malformed.status).to.equal(400);
      expect(issuePaths(malformed.body)).to.deep.equal(['params.id']);
    });
  });

  describe('update', () => {
    it('when an admin changes name and contacts, then the change is stored and the rest is kept', async () => {
      // Arrange
      const supplier = await createSupplier({ name: 'Old Name AB' });
      const contacts = [{ name: 'Cecilia', email: 'c@example.se' }];

      // Act
      const res = await admin.patch(`/api/v1/suppliers/${supplier.id}`, { name: 'New Name AB', contacts });
      const read = await admin.get(`/api/v1/suppliers/${supplier.id}`);

      // Assert
      expect(res.status).to.equal(200);
      expect(read.body).to.include({ name: 'New Name AB', orgNumber: supplier.orgNumber, country: 'SE' });
      expect(read.body.contacts).to.deep.equal(contacts);
    });

    it('when an admin changes the organisation number, then it is validated and normalised like on create', async () => {
      // Arrange
      const supplier = await createSupplier();
      const other = await createSupplier();
      const next = swedishOrgNumber();

      // Act
      const badCheckDigit = await admin.patch(`/api/v1/suppliers/${supplier.id}`, { orgNumber: `${next.slice(0, -1)}${(Number(next.slice(-1)) + 5) % 10}` });
      const taken = await admin.patch(`/api/v1/suppliers/${supplier.id}`, { orgNumber: compact(other.orgNumber) });
      const ok = await admin.patch(`/api/v1/suppliers/${supplier.id}`, { orgNumber: compact(next) });

      // Assert
      expect(badCheckDigit.status).to.equal(400);
      expect(issuePaths(badCheckDigit.body)).to.deep.equal(['body.orgNumber']);
      expect(taken.status).to.equal(409);
      expect(taken.body.code).to.equal('DUPLICATE');
      expect(issuePaths(taken.body)).to.deep.equal(['body.orgNumber']);
      expect(ok.status).to.equal(200);
      expect(ok.body.orgNumber).to.equal(next);
    });

    it('when an admin changes only the country to SE, then the existing number is re-validated as Swedish', async () => {
      // Arrange
      const foreign = await createSupplier({ country: 'DE', orgNumber: 'HRB 4711' });
      const foreignButValidSwedish = await createSupplier({ country: 'FI', orgNumber: compact(swedishOrgNumber()) });

      // Act
      const rejected = await admin.patch(`/api/v1/suppliers/${foreign.id}`, { country: 'SE' });
      const accepted = await admin.patch(`/api/v1/suppliers/${foreignButValidSwedish.id}`, { country: 'SE' });

      // Assert
      expect(rejected.status).to.equal(400);
      expect(issuePaths(rejected.body)).to.deep.equal(['body.orgNumber']);
      expect((await admin.get(`/api/v1/suppliers/${foreign.id}`)).body).to.include({ country: 'DE', orgNumber: 'HRB 4711' });
      expect(accepted.status).to.equal(200);
      const digits = foreignButValidSwedish.orgNumber;
      expect(accepted.body).to.include({ country: 'SE', orgNumber: `${digits.slice(0, 6)}-${digits.slice(6)}` });
    });

    it('when an admin changes country and number together, then the number is checked against the new country', async () => {
      // Arrange
      const supplier = await createSupplier();

      // Act
      const res = await admin.patch(`/api/v1/suppliers/${supplier.id}`, { country: 'NO', orgNumber: '923 609 016 mva' });

      // Assert
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ country: 'NO', orgNumber: '923 609 016 MVA' });
    });

    it('when an update names an unknown field or an unknown supplier, then it is refused', async () => {
      // Arrange
      const supplier = await createSupplier();

      // Act
      const unknownField = await admin.patch(`/api/v1/suppliers/${supplier.id}`, { vat: 'SE123' });
      const unknownSupplier = await admin.patch(`/api/v1/suppliers/${MISSING_ID}`, { name: 'Ghost AB' });

      // Assert
      expect(unknownField.status).to.equal(400);
      expect(issuePaths(unknownField.body)).to.deep.equal(['body.vat']);
      expect(unknownSupplier.status).to.equal(404);
      expect(unknownSupplier.body.code).to.equal('NOT_FOUND');
    });
  });

  describe('list', () => {
    it('when listing with q, then suppliers whose name contains the text (any case, metacharacters literal) are returned', async () => {
      // Arrange
      await createSupplier({ name: 'Qfilter Kemi AB' });
      await createSupplier({ name: 'qFILTER Hygien AB' });
      await createSupplier({ name: 'Qfilter.x AB' });
      await createSupplier({ name: 'QfilterYx AB' });
      await createSupplier({ name: 'Unrelated AB' });

      // Act
      const any = await admin.get('/api/v1/suppliers?q=qfilter');
      const dotted = await admin.get(`/api/v1/suppliers?q=${encodeURIComponent('Qfilter.x')}`);

      // Assert
      expect(any.status).to.equal(200);
      expect(any.body.total).to.equal(4);
      expect(any.body.items.map((s: { name: string }) => s.name)).to.have.members(['Qfilter Kemi AB', 'qFILTER Hygien AB', 'Qfilter.x AB', 'QfilterYx AB']);
      expect(dotted.body.items.map((s: { name: string }) => s.name)).to.deep.equal(['Qfilter.x AB']);
    });

    it('when listing by country or organisation number, then only the matching suppliers are returned', async () => {
      // Arrange
      const danish1 = await createSupplier({ name: 'Dansk A', country: 'DK', orgNumber: 'DK11111111' });
      const danish2 = await createSupplier({ name: 'Dansk B', country: 'DK', orgNumber: 'DK22222222' });
      const swedish = await createSupplier({ name: 'Svensk' });

      // Act
      const byCountry = await admin.get('/api/v1/suppliers?country=DK');
      const byOrgNumber = await admin.get(`/api/v1/suppliers?orgNumber=${swedish.orgNumber}`);

      // Assert
      expect(byCountry.body.total).to.equal(2);
      expect(byCountry.body.items.map((s: { id: string }) => s.id)).to.deep.equal([danish1.id, danish2.id]);
      expect(byOrgNumber.body.total).to.equal(1);
      expect(byOrgNumber.body.items[0].id).to.equal(swedish.id);
    });

    it('when listing by an organisation number written differently from the stored form, then the supplier is still found', async () => {
      // Arrange
      const swedish = await createSupplier({ name: 'Svensk utan bindestreck' });
      const german = await createSupplier({ name: 'Deutsch GmbH', country: 'DE', orgNumber: 'HRB 98765' });

      // Act
      const withoutHyphen = await admin.get(`/api/v1/suppliers?orgNumber=${compact(swedish.orgNumber)}`);
      const lowerCase = await admin.get('/api/v1/suppliers?country=DE&orgNumber=hrb%2098765');

      // Assert
      expect(withoutHyphen.body.items.map((s: { id: string }) => s.id)).to.deep.equal([swedish.id]);
      expect(lowerCase.body.items.map((s: { id: string }) => s.id)).to.deep.equal([german.id]);
    });

    it('when listing with limit and offset, then one page sorted by name is returned with the total of all matches', async () => {
      // Arrange: created out of order
      for (const n of [3, 1, 5, 2, 4]) await createSupplier({ name: `Pagetest ${n}` });

      // Act
      const page = await admin.get('/api/v1/suppliers?q=Pagetest&limit=2&offset=2');
      const defaults = await admin.get('/api/v1/suppliers?q=Pagetest');
      const pastTheEnd = await admin.get('/api/v1/suppliers?q=Pagetest&limit=2&offset=10');

      // Assert
      expect(page.status).to.equal(200);
      expect(page.body).to.include({ total: 5, limit: 2, offset: 2 });
      expect(page.body.items.map((s: { name: string }) => s.name)).to.deep.equal(['Pagetest 3', 'Pagetest 4']);
      expect(defaults.body).to.include({ total: 5, limit: 50, offset: 0 });
      expect(defaults.body.items).to.have.length(5);
      expect(pastTheEnd.body).to.include({ total: 5 });
      expect(pastTheEnd.body.items).to.deep.equal([]);
    });

    it('when the page size is above 200 or an offset is negative, then the answer is 400 naming the query parameter', async () => {
      // Act
      const tooLarge = await admin.get('/api/v1/suppliers?limit=201');
      const largest = await admin.get('/api/v1/suppliers?limit=200');
      const negative = await admin.get('/api/v1/suppliers?offset=-1');

      // Assert
      expect(tooLarge.status).to.equal(400);
      expect(tooLarge.body.code).to.equal('VALIDATION_FAILED');
      expect(issuePaths(tooLarge.body)).to.deep.equal(['query.limit']);
      expect(largest.status).to.equal(200);
      expect(negative.status).to.equal(400);
      expect(issuePaths(negative.body)).to.deep.equal(['query.offset']);
    });
  });

  describe('delete', () => {
    it('when an unreferenced supplier is deleted, then it is gone and a second delete answers 404', async () => {
      // Arrange
      const supplier = await createSupplier();

      // Act
      const deleted = await admin.delete(`/api/v1/suppliers/${supplier.id}`);
      const read = await admin.get(`/api/v1/suppliers/${supplier.id}`);
      const again = await admin.delete(`/api/v1/suppliers/${supplier.id}`);

      // Assert
      expect(deleted.status).to.equal(204);
      expect(read.status).to.equal(404);
      expect(again.status).to.equal(404);
    });

    it('when a product belongs to the supplier, then delete is refused with 409 IN_USE until the product is gone', async () => {
      // Arrange
      const supplier = await createSupplier();
      const product = await admin.post('/api/v1/products', { supplierId: supplier.id, name: 'Handsprit', kind: 'mixture' });
      expect(product.status).to.equal(201);

      // Act
      const refused = await admin.delete(`/api/v1/suppliers/${supplier.id}`);
      await admin.delete(`/api/v1/products/${product.body.id}`);
      const allowed = await admin.delete(`/api/v1/suppliers/${supplier.id}`);

      // Assert
      expect(refused.status).to.equal(409);
      expect(refused.body.code).to.equal('IN_USE');
      expect(allowed.status).to.equal(204);
    });

    it('when a contract names the supplier, then delete is refused with 409 IN_USE until the supplier is taken off it', async () => {
      // Arrange
      const supplier = await createSupplier();
      const contract = await admin.post('/api/v1/contracts', {
        number: `SUP-DEL-${supplier.id}`, title: 'Städkemikalier', buyer: 'Region Test', supplierIds: [supplier.id],
        validFrom: '2025-01-01', validTo: '2027-12-31', category: 'cleaning chemicals',
      });
      expect(contract.status).to.equal(201);

      // Act
      const refused = await admin.delete(`/api/v1/suppliers/${supplier.id}`);
      const stillThere = await admin.get(`/api/v1/suppliers/${supplier.id}`);
      await admin.patch(`/api/v1/contracts/${contract.body.id}`, { supplierIds: [] });
      const allowed = await admin.delete(`/api/v1/suppliers/${supplier.id}`);

      // Assert
      expect(refused.status).to.equal(409);
      expect(refused.body.code).to.equal('IN_USE');
      expect(stillThere.status).to.equal(200);
      expect(allowed.status).to.equal(204);
    });

    it('when an active supplier token acts for the supplier, then delete is refused with 409 IN_USE until the token is revoked', async () => {
      // Arrange
      const supplier = await createSupplier();
      const token = await t.issueToken('supplier', supplier.id);

      // Act
      const refused = await admin.delete(`/api/v1/suppliers/${supplier.id}`);
      const revoked = await admin.delete(`/api/v1/tokens/${token.id}`);
      const allowed = await admin.delete(`/api/v1/suppliers/${supplier.id}`);

      // Assert
      expect(refused.status).to.equal(409);
      expect(refused.body.code).to.equal('IN_USE');
      expect(revoked.status).to.equal(200);
      expect(allowed.status).to.equal(204);
    });
  });

  describe('a supplier token on its own record', () => {
    it('when it changes its own name and contacts, then the change is stored', async () => {
      // Arrange
      const supplier = await createSupplier({ name: 'Self AB' });
      const self = t.as((await t.issueToken('supplier', supplier.id)).token);
      const contacts = [{ name: 'Dana', email: 'dana@self.se', role: 'quality' }];

      // Act
      const res = await self.patch(`/api/v1/suppliers/${supplier.id}`, { name: 'Self Renamed AB', contacts });

      // Assert
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ name: 'Self Renamed AB', orgNumber: supplier.orgNumber });
      expect((await admin.get(`/api/v1/suppliers/${supplier.id}`)).body.contacts).to.deep.equal(contacts);
    });

    it('when it tries to change its organisation number or country, then the answer is 403 FORBIDDEN and nothing changes', async () => {
      // Arrange
      const supplier = await createSupplier({ name: 'Locked AB' });
      const self = t.as((await t.issueToken('supplier', supplier.id)).token);

      // Act
      const orgNumber = await self.patch(`/api/v1/suppliers/${supplier.id}`, { orgNumber: swedishOrgNumber() });
      const country = await self.patch(`/api/v1/suppliers/${supplier.id}`, { country: 'NO' });
      const mixed = await self.patch(`/api/v1/suppliers/${supplier.id}`, { name: 'Sneaky AB', country: 'NO' });

      // Assert
      for (const res of [orgNumber, country, mixed]) {
        expect(res.status).to.equal(403);
        expect(res.body.code).to.equal('FORBIDDEN');
      }
      expect((await admin.get(`/api/v1/suppliers/${supplier.id}`)).body).to.include({ name: 'Locked AB', orgNumber: supplier.orgNumber, country: 'SE' });
    });

    it('when it tries to change another supplier, then the answer is 404 as if that supplier did not exist', async () => {
      // Arrange
      const own = await createSupplier();
      const other = await createSupplier({ name: 'Other AB' });
      const self = t.as((await t.issueToken('supplier', own.id)).token);

      // Act
      const res = await self.patch(`/api/v1/suppliers/${other.id}`, { name: 'Hijacked AB' });

      // Assert
      expect(res.status).to.equal(404);
      expect((await admin.get(`/api/v1/suppliers/${other.id}`)).body.name).to.equal('Other AB');
    });
  });
});
