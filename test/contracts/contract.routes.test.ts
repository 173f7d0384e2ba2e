import { expect } from 'chai';
import { swedishOrgNumber } from '../support/fixtures.js';
import type { Client } from '../support/test-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MISSING_ID = '0123456789abcdef01234567';

describe('contracts API', () => {
  let t: TestApp;
  let admin: Client;
  let contractSeq = 0;
  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
  });
  after(async () => {
    await t.close();
  });

  const issuePaths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path);

  async function createSupplier(name = 'Leverantör AB'): Promise<string> {
    const res = await admin.post<{ id: string }>('/api/v1/suppliers', { name, orgNumber: swedishOrgNumber() });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.id;
  }

  const contractBody = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
    number: `RA-2025-${String(++contractSeq).padStart(4, '0')}`,
    title: 'Ramavtal städkemikalier',
    buyer: 'Region Test',
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    category: 'cleaning chemicals',
    ...fields,
  });

  async function createContract(fields: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
    const res = await admin.post<{ id: string; number: string }>('/api/v1/contracts', contractBody(fields));
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }

  async function createProduct(supplierId: string, contractIds: string[]): Promise<string> {
    const res = await admin.post<{ id: string }>('/api/v1/products', { supplierId, name: 'Golvrengöring', kind: 'mixture', contractIds });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.id;
  }

  describe('create, read, update, delete', () => {
    it('when an admin registers a contract, then it is returned with defaults and can be read back', async () => {
      // Arrange
      const supplierId = await createSupplier();
      const body = contractBody({ supplierIds: [supplierId] });

      // Act
      const created = await admin.post('/api/v1/contracts', body);
      const read = await admin.get(`/api/v1/contracts/${created.body.id}`);

      // Assert
      expect(created.status).to.equal(201);
      const { supplierIds, ...rest } = body;
      expect(created.body).to.include(rest);
      expect(created.body.supplierIds).to.deep.equal(supplierIds);
      expect(created.body.requirementProfile).to.deep.equal({ lists: [], clauses: [] });
      expect(read.status).to.equal(200);
      expect(read.body).to.deep.equal(created.body);
    });

    it('when an admin changes a contract, then the change is stored and the other fields are kept', async () => {
      // Arrange
      const contract = await createContract({ title: 'Old title' });

      // Act
      const res = await admin.patch(`/api/v1/contracts/${contract.id}`, { title: 'New title', buyer: 'Region Ny' });
      const read = await admin.get(`/api/v1/contracts/${contract.id}`);

      // Assert
      expect(res.status).to.equal(200);
      expect(read.body).to.include({ title: 'New title', buyer: 'Region Ny', number: contract.number, validFrom: '2025-01-01', validTo: '2027-12-31' });
    });

    it('when an admin deletes a contract no product is linked to, then it is gone', async () => {
      // Arrange
      const contract = await createContract();

      // Act
      const deleted = await admin.delete(`/api/v1/contracts/${contract.id}`);
      const read = await admin.get(`/api/v1/contracts/${contract.id}`);
      const again = await admin.delete(`/api/v1/contracts/${contract.id}`);

      // Assert
      expect(deleted.status).to.equal(204);
      expect(read.status).to.equal(404);
      expect(read.body.code).to.equal('NOT_FOUND');
      expect(again.status).to.equal(404);
    });

    it('when a contract id is unknown, then read, change and delete answer 404 NOT_FOUND', async () => {
      // Act
      const responses = [
        await admin.get(`/api/v1/contracts/${MISSING_ID}`),
        await admin.patch(`/api/v1/contracts/${MISSING_ID}`, { title: 'x' }),
        await admin.delete(`/api/v1/contracts/${MISSING_ID}`),
      ];

      // Assert
      for (const res of responses) {
        expect(res.status).to.equal(404);
        expect(res.body.code).to.equal('NOT_FOUND');
      }
    });

    it('when the contract number is already registered, then create and change answer 409 DUPLICATE on body.number', async () => {
      // Arrange
      const first = await createContract();
      const second = await createContract();

      // Act
      const createDup = await admin.post('/api/v1/contracts', contractBody({ number: first.number }));
      const renameDup = await admin.patch(`/api/v1/contracts/${second.id}`, { number: first.number });

      // Assert
      for (const res of [createDup, renameDup]) {
        expect(res.status).to.equal(409);
        expect(res.body.code).to.equal('DUPLICATE');
        expect(issuePaths(res.body)).to.deep.equal(['body.number']);
      }
      expect((await admin.get(`/api/v1/contracts/${second.id}`)).body.number).to.equal(second.number);
    });
  });

  describe('validity period', () => {
    it('when validTo is before validFrom on create, then the answer is 400 on body.validTo; a one-day contract is accepted', async () => {
      // Act
      const reversed = await admin.post('/api/v1/contracts', contractBody({ validFrom: '2026-01-02', validTo: '2026-01-01' }));
      const oneDay = await admin.post('/api/v1/contracts', contractBody({ validFrom: '2026-01-01', validTo: '2026-01-01' }));

      // Assert
      expect(reversed.status).to.equal(400);
      expect(reversed.body.code).to.equal('VALIDATION_FAILED');
      expect(issuePaths(reversed.body)).to.deep.equal(['body.validTo']);
      expect(oneDay.status).to.equal(201);
    });

    it('when a change moves only one date past the other, then the answer is 400 on body.validTo and the dates are kept', async () => {
      // Arrange
      const contract = await createContract({ validFrom: '2025-01-01', validTo: '2027-12-31' });

      // Act
      const toBeforeFrom = await admin.patch(`/api/v1/contracts/${contract.id}`, { validTo: '2024-12-31' });
      const fromAfterTo = await admin.patch(`/api/v1/contracts/${contract.id}`, { validFrom: '2028-01-01' });
      const both = await admin.patch(`/api/v1/contracts/${contract.id}`, { validFrom: '2028-01-01', validTo: '2027-01-01' });

      // Assert
      for (const res of [toBeforeFrom, fromAfterTo, both]) {
        expect(res.status).to.equal(400);
        expect(issuePaths(res.body)).to.deep.equal(['body.validTo']);
      }
      expect((await admin.get(`/api/v1/contracts/${contract.id}`)).body).to.include({ validFrom: '2025-01-01', validTo: '2027-12-31' });
    });

    it('when a change moves one date and stays ordered, then it is accepted', async () => {
      // Arrange
      const contract = await createContract({ validFrom: '2025-01-01', validTo: '2027-12-31' });

      // Act
      const res = await admin.patch(`/api/v1/contracts/${contract.id}`, { validTo: '2025-01-01' });

      // Assert
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ validFrom: '2025-01-01', validTo: '2025-01-01' });
    });

    it('when a date is not a calendar day YYYY-MM-DD, then the answer is 400 on that field', async () => {
      // Act
      const res = await admin.post('/api/v1/contracts', contractBody({ validFrom: '2025-02-30' }));

      // Assert
      expect(res.status).to.equal(400);
      expect(issuePaths(res.body)).to.include('body.validFrom');
    });
  });

  describe('supplier references', () => {
    it('when supplierIds names an unknown supplier, then the answer is 400 INVALID_REFERENCE on that element, on create and change', async () => {
      // Arrange
      const known = await createSupplier();
      const contract = await createContract({ supplierIds: [known] });

      // Act
      const created = await admin.post('/api/v1/contracts', contractBody({ supplierIds: [known, MISSING_ID] }));
      const changed = await admin.patch(`/api/v1/contracts/${contract.id}`, { supplierIds: [MISSING_ID, known] });

      // Assert
      expect(created.status).to.equal(400);
      expect(created.body.code).to.equal('INVALID_REFERENCE');
      expect(issuePaths(created.body)).to.deep.equal(['body.supplierIds.1']);
      expect(changed.status).to.equal(400);
      expect(changed.body.code).to.equal('INVALID_REFERENCE');
      expect(issuePaths(changed.body)).to.deep.equal(['body.supplierIds.0']);
      expect((await admin.get(`/api/v1/contracts/${contract.id}`)).body.supplierIds).to.deep.equal([known]);
    });

    it('when supplierIds repeats a supplier, then the answer is 400 on body.supplierIds', async () => {
      // Arrange
      const known = await createSupplier();

      // Act
      const res = await admin.post('/api/v1/contracts', contractBody({ supplierIds: [known, known] }));

      // Assert
      expect(res.status).to.equal(400);
      expect(issuePaths(res.body)).to.deep.equal(['body.supplierIds']);
    });

    it('when a supplier with products linked to the contract is removed from it, then the answer is 409 IN_USE; a supplier without linked products can be removed', async () => {
      // Arrange
      const withProducts = await createSupplier('Med produkter AB');
      const withoutProducts = await createSupplier('Utan produkter AB');
      const contract = await createContract({ supplierIds: [withProducts, withoutProducts] });
      await createProduct(withProducts, [contract.id]);

      // Act
      const removeLinked = await admin.patch(`/api/v1/contracts/${contract.id}`, { supplierIds: [withoutProducts] });
      const removeUnlinked = await admin.patch(`/api/v1/contracts/${contract.id}`, { supplierIds: [withProducts] });

      // Assert
      expect(removeLinked.status).to.equal(409);
      expect(removeLinked.body.code).to.equal('IN_USE');
      expect(removeUnlinked.status).to.equal(200);
      expect(removeUnlinked.body.supplierIds).to.deep.equal([withProducts]);
    });

    it('when products are linked to a contract, then deleting it answers 409 IN_USE until they are unlinked', async () => {
      // Arrange
      const supplierId = await createSupplier();
      const contract = await createContract({ supplierIds: [supplierId] });
      const productId = await createProduct(supplierId, [contract.id]);

      // Act
      const refused = await admin.delete(`/api/v1/contracts/${contract.id}`);
      const stillThere = await admin.get(`/api/v1/contracts/${contract.id}`);
      const unlinked = await admin.patch(`/api/v1/products/${productId}`, { contractIds: [] });
      const allowed = await admin.delete(`/api/v1/contracts/${contract.id}`);

      // Assert
      expect(refused.status).to.equal(409);
      expect(refused.body.code).to.equal('IN_USE');
      expect(stillThere.status).to.equal(200);
      expect(unlinked.status).to.equal(200);
      expect(allowed.status).to.equal(204);
    });
  });

  describe('requirement profile', () => {
    it('when a contract carries lists with severities and thresholds and clauses, then they come back exactly', async () => {
      // Arrange
      const requirementProfile = {
        lists: [
          { list: 'echa-candidate-list', severity: 'orange', thresholdPercent: 0.1, note: 'REACH art. 33' },
          { list: 'reach-annex-xvii', severity: 'red', thresholdPercent: 0 },
          { list: 'region-phase-out', severity: 'yellow' },
          { list: 'watch', thresholdPercent: 12.5 },
        ],
        clauses: [
          { ref: '4.2.1', text: 'Leverantören ska lämna säkerhetsdatablad på svenska.' },
          { ref: '4.2.2', text: 'Produkter får inte innehålla ämnen på kandidatförteckningen över 0,1 vikt-%.' },
        ],
      };

      // Act
      const created = await admin.post('/api/v1/contracts', contractBody({ requirementProfile }));
      const read = await admin.get(`/api/v1/contracts/${created.body.id}`);
      const changed = await admin.patch(`/api/v1/contracts/${created.body.id}`, { requirementProfile: { lists: [{ list: 'only-one', thresholdPercent: 0.05 }] } });

      // Assert
      expect(created.status).to.equal(201);
      expect(read.body.requirementProfile).to.deep.equal(requirementProfile);
      expect(changed.status).to.equal(200);
      expect((await admin.get(`/api/v1/contracts/${created.body.id}`)).body.requirementProfile).to.deep.equal({ lists: [{ list: 'only-one', thresholdPercent: 0.05 }], clauses: [] });
    });

    it('when a requirement has an unknown severity, a threshold above 100 % or an unknown field, then the answer is 400 naming it', async () => {
      // Act
      const severity = await admin.post('/api/v1/contracts', contractBody({ requirementProfile: { lists: [{ list: 'x', severity: 'purple' }] } }));
      const threshold = await admin.post('/api/v1/contracts', contractBody({ requirementProfile: { lists: [{ list: 'x', thresholdPercent: 100.5 }] } }));
      const unknown = await admin.post('/api/v1/contracts', contractBody({ requirementProfile: { lists: [], limits: [] } }));

      // Assert
      expect(severity.status).to.equal(400);
      expect(issuePaths(severity.body)).to.deep.equal(['body.requirementProfile.lists.0.severity']);
      expect(threshold.status).to.equal(400);
      expect(issuePaths(threshold.body)).to.deep.equal(['body.requirementProfile.lists.0.thresholdPercent']);
      expect(unknown.status).to.equal(400);
      expect(issuePaths(unknown.body)).to.deep.equal(['body.requirementProfile.limits']);
    });
  });

  describe('list', () => {
    let alpha: string;
    let beta: string;
    const numbers: Record<string, string> = {};

    before(async () => {
      alpha = await createSupplier('Alpha AB');
      beta = await createSupplier('Beta AB');
      const make = async (key: string, fields: Record<string, unknown>) => {
        const contract = await createContract({ category: 'list-test', ...fields });
        numbers[key] = contract.number;
      };
      await make('both2025', { supplierIds: [alpha, beta], validFrom: '2025-01-01', validTo: '2025-12-31', title: 'Handskar och förkläden' });
      await make('alpha2026', { supplierIds: [alpha], validFrom: '2026-01-01', validTo: '2026-12-31', title: 'Tvättmedel' });
      await make('beta2026', { supplierIds: [beta], validFrom: '2026-06-01', validTo: '2027-05-31', title: 'Desinfektion a.b' });
      await make('none', { supplierIds: [], validFrom: '2024-01-01', validTo: '2030-12-31', title: 'Desinfektion axb', category: 'list-test-other' });
    });

    const numbersOf = (res: { body: { items: { number: string }[] } }) => res.body.items.map((c) => c.number);

    it('when listing by supplierId, then only contracts that supplier is party to are returned', async () => {
      // Act
      const res = await admin.get(`/api/v1/contracts?supplierId=${alpha}`);

      // Assert
      expect(res.status).to.equal(200);
      expect(res.body.total).to.equal(2);
      expect(numbersOf(res)).to.deep.equal([numbers.both2025, numbers.alpha2026]);
    });

    it('when listing by category, then only contracts of exactly that category are returned', async () => {
      // Act
      const res = await admin.get('/api/v1/contracts?category=list-test');

      // Assert
      expect(numbersOf(res)).to.deep.equal([numbers.both2025, numbers.alpha2026, numbers.beta2026]);
    });

    it('when listing by activeOn, then contracts valid on that day, first and last day included, are returned', async () => {
      // Act
      const lastDay = await admin.get('/api/v1/contracts?category=list-test&activeOn=2025-12-31');
      const firstDay = await admin.get('/api/v1/contracts?category=list-test&activeOn=2026-06-01');
      const gap = await admin.get('/api/v1/contracts?category=list-test&activeOn=2027-06-01');
      const bad = await admin.get('/api/v1/contracts?activeOn=31-12-2025');

      // Assert
      expect(numbersOf(lastDay)).to.deep.equal([numbers.both2025]);
      expect(numbersOf(firstDay)).to.deep.equal([numbers.alpha2026, numbers.beta2026]);
      expect(gap.body.total).to.equal(0);
      expect(bad.status).to.equal(400);
      expect(issuePaths(bad.body)).to.deep.equal(['query.activeOn']);
    });

    it('when listing with q, then contracts whose number or title contains the text are returned, metacharacters taken literally', async () => {
      // Act
      const byTitle = await admin.get('/api/v1/contracts?q=DESINFEKTION');
      const literalDot = await admin.get(`/api/v1/contracts?q=${encodeURIComponent('desinfektion a.b')}`);
      const byNumber = await admin.get(`/api/v1/contracts?q=${encodeURIComponent(numbers.alpha2026!)}`);

      // Assert
      expect(numbersOf(byTitle)).to.deep.equal([numbers.beta2026, numbers.none]);
      expect(numbersOf(literalDot)).to.deep.equal([numbers.beta2026]);
      expect(numbersOf(byNumber)).to.deep.equal([numbers.alpha2026]);
    });

    it('when filters are combined and paged, then all must match and the total counts every match', async () => {
      // Act
      const combined = await admin.get(`/api/v1/contracts?supplierId=${beta}&activeOn=2025-06-15`);
      const paged = await admin.get('/api/v1/contracts?category=list-test&limit=1&offset=1');

      // Assert
      expect(numbersOf(combined)).to.deep.equal([numbers.both2025]);
      expect(paged.body).to.include({ total: 3, limit: 1, offset: 1 });
      expect(numbersOf(paged)).to.deep.equal([numbers.alpha2026]);
    });
  });
});
