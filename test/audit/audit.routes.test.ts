// The audit trail: one entry per state change, written with the change or not at all, readable, never editable.
import { expect } from 'chai';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';

interface Entry {
  id: string;
  at: string;
  requestId: string;
  actor: { tokenId: string; tokenName: string; role: string; supplierId?: string };
  action: string;
  entityType: string;
  entityId: string;
  supplierId?: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface AuditPage {
  items: Entry[];
  total: number;
  limit: number;
  offset: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('audit trail (GET /api/v1/audit)', () => {
  let t: TestApp;
  let admin: Client;
  let adminId: string;
  let orgSeq = 0;
  // Organisation numbers of a country without a check digit: unique per test run.
  const nextOrgNumber = () => `NO-AUDIT-${Date.now()}-${++orgSeq}`;
  const newSupplier = (name: string) => ({ name, orgNumber: nextOrgNumber(), country: 'NO' });

  before(async () => {
    t = await startTestApp();
    const token = await t.issueToken('admin');
    adminId = token.id;
    admin = t.as(token.token);
  });
  after(async () => {
    await t.close();
  });

  const auditPage = async (query = ''): Promise<AuditPage> => {
    const res = await admin.get<AuditPage>(`/api/v1/audit${query}`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body;
  };
  const auditTotal = async (): Promise<number> => (await auditPage('?limit=1')).total;

  /** Runs a change and returns its answer with the one audit entry it wrote (failing if it wrote none or several). */
  async function audited(change: () => Promise<Response>): Promise<{ res: Response; entry: Entry }> {
    const before = await auditTotal();
    const startedAt = Date.now();
    const res = await change();
    const page = await auditPage('?limit=1');
    expect(page.total - before, 'audit entries written by one change').to.equal(1);
    const entry = page.items[0]!;
    expect(entry.requestId).to.equal(res.headers.get('x-request-id'));
    expect(Date.parse(entry.at)).to.be.within(startedAt - 5, Date.now());
    return { res, entry };
  }

  const adminActor = () => ({ tokenId: adminId, tokenName: 'test admin', role: 'admin' });

  it('when a supplier is created, changed and deleted, then each writes one entry with actor, action and the record before and after', async () => {
    // Act
    const created = await audited(() => admin.post('/api/v1/suppliers', newSupplier('Audit One AB')));
    const id = created.res.body.id as string;
    const updated = await audited(() => admin.patch(`/api/v1/suppliers/${id}`, { name: 'Audit One Renamed AB' }));
    const deleted = await audited(() => admin.delete(`/api/v1/suppliers/${id}`));

    // Assert: the answers
    expect([created.res.status, updated.res.status, deleted.res.status]).to.deep.equal([201, 200, 204]);
    // Assert: create — no before, after is the record as the API showed it
    expect(created.entry).to.deep.include({ actor: adminActor(), action: 'supplier.created', entityType: 'supplier', entityId: id, supplierId: id, before: null });
    expect(created.entry.after).to.deep.equal(created.res.body);
    // Assert: update — both, and the changed field differs
    expect(updated.entry).to.deep.include({ actor: adminActor(), action: 'supplier.updated', entityType: 'supplier', entityId: id, supplierId: id });
    expect(updated.entry.before).to.deep.equal(created.res.body);
    expect(updated.entry.after).to.deep.equal(updated.res.body);
    expect(updated.entry.before!.name).to.equal('Audit One AB');
    expect(updated.entry.after!.name).to.equal('Audit One Renamed AB');
    // Assert: delete — before is the last state, no after
    expect(deleted.entry).to.deep.include({ actor: adminActor(), action: 'supplier.deleted', entityType: 'supplier', entityId: id, supplierId: id, after: null });
    expect(deleted.entry.before).to.deep.equal(updated.res.body);
    // Assert: the entity's history, newest first
    const history = await auditPage(`?entityType=supplier&entityId=${id}`);
    expect(history.items.map((e) => e.action)).to.deep.equal(['supplier.deleted', 'supplier.updated', 'supplier.created']);
  });

  it('when a contract is created, changed and deleted, then each writes one entry', async () => {
    // Arrange
    const body = { number: `AUD-${Date.now()}`, title: 'Gloves', buyer: 'Region Audit', validFrom: '2026-01-01', validTo: '2027-12-31', category: 'gloves' };

    // Act
    const created = await audited(() => admin.post('/api/v1/contracts', body));
    const id = created.res.body.id as string;
    const updated = await audited(() => admin.patch(`/api/v1/contracts/${id}`, { title: 'Disposable gloves' }));
    const deleted = await audited(() => admin.delete(`/api/v1/contracts/${id}`));

    // Assert
    expect([created.res.status, updated.res.status, deleted.res.status]).to.deep.equal([201, 200, 204]);
    expect(created.entry).to.deep.include({ actor: adminActor(), action: 'contract.created', entityType: 'contract', entityId: id, before: null });
    expect(created.entry.after).to.deep.equal(created.res.body);
    expect(updated.entry).to.deep.include({ action: 'contract.updated', entityType: 'contract', entityId: id });
    expect(updated.entry.before).to.deep.equal(created.res.body);
    expect(updated.entry.after).to.deep.equal(updated.res.body);
    expect([updated.entry.before!.title, updated.entry.after!.title]).to.deep.equal(['Gloves', 'Disposable gloves']);
    expect(deleted.entry).to.deep.include({ action: 'contract.deleted', entityType: 'contract', entityId: id, after: null });
    expect(deleted.entry.before).to.deep.equal(updated.res.body);
  });

  it('when a supplier token creates and changes a product and an admin deletes it, then each entry names who did it and the supplier', async () => {
    // Arrange: a supplier on a contract, and a token for that supplier
    const supplierId = (await admin.post('/api/v1/suppliers', newSupplier('Audit Products AB'))).body.id as string;
    const contract = { number: `AUD-P-${Date.now()}`, title: 'Cleaning', buyer: 'Region Audit', supplierIds: [supplierId], validFrom: '2026-01-01', validTo: '2027-12-31', category: 'cleaning' };
    const contractId = (await admin.post('/api/v1/contracts', contract)).body.id as string;
    const supplierToken = await admin.post('/api/v1/tokens', { name: 'Audit Products – Eva', role: 'supplier', supplierId });
    const supplier = t.as(supplierToken.body.token as string);
    const supplierActor = { tokenId: supplierToken.body.id as string, tokenName: 'Audit Products – Eva', role: 'supplier', supplierId };

    // Act
    const created = await audited(() => supplier.post('/api/v1/products', { name: 'Floor cleaner', kind: 'mixture', contractIds: [contractId] }));
    const id = created.res.body.id as string;
    const updated = await audited(() => supplier.patch(`/api/v1/products/${id}`, { name: 'Floor cleaner neutral' }));
    const deleted = await audited(() => admin.delete(`/api/v1/products/${id}`));

    // Assert
    expect([created.res.status, updated.res.status, deleted.res.status]).to.deep.equal([201, 200, 204]);
    expect(created.entry).to.deep.include({ actor: supplierActor, action: 'product.created', entityType: 'product', entityId: id, supplierId, before: null });
    expect(created.entry.after).to.deep.equal(created.res.body);
    expect(updated.entry).to.deep.include({ actor: supplierActor, action: 'product.updated', entityType: 'product', entityId: id, supplierId });
    expect(updated.entry.before).to.deep.equal(created.res.body);
    expect(updated.entry.after).to.deep.equal(updated.res.body);
    expect([updated.entry.before!.name, updated.entry.after!.name]).to.deep.equal(['Floor cleaner', 'Floor cleaner neutral']);
    expect(deleted.entry).to.deep.include({ actor: adminActor(), action: 'product.deleted', entityType: 'product', entityId: id, supplierId, after: null });
    expect(deleted.entry.before).to.deep.equal(updated.res.body);
  });

  it('when a token is created and revoked, then each writes one entry that never holds the secret or its hash', async () => {
    // Act
    const created = await audited(() => admin.post('/api/v1/tokens', { name: 'Audit expert', role: 'expert' }));
    const { token: secret, ...token } = created.res.body as Record<string, unknown> & { id: string; token: string };
    const revoked = await audited(() => admin.delete(`/api/v1/tokens/${token.id}`));

    // Assert
    expect([created.res.status, revoked.res.status]).to.deep.equal([201, 200]);
    expect(created.entry).to.deep.include({ actor: adminActor(), action: 'token.created', entityType: 'token', entityId: token.id, before: null });
    expect(created.entry.after).to.deep.equal(token);
    expect(revoked.entry).to.deep.include({ actor: adminActor(), action: 'token.revoked', entityType: 'token', entityId: token.id });
    expect(revoked.entry.before).to.deep.equal(token);
    expect(revoked.entry.before).to.not.have.property('revokedAt');
    expect(revoked.entry.after).to.deep.equal(revoked.res.body);
    expect(revoked.entry.after!.revokedAt).to.be.a('string');
    for (const entry of [created.entry, revoked.entry]) {
      expect(JSON.stringify(entry)).to.not.include(secret);
      expect(entry.after).to.not.have.any.keys('token', 'hash');
    }
  });

  it('when records are only read, then the trail does not grow', async () => {
    // Arrange
    const before = await auditTotal();

    // Act
    await admin.get('/api/v1/suppliers');
    await admin.get('/api/v1/contracts');
    await admin.get('/api/v1/products');
    await admin.get('/api/v1/tokens');

    // Assert
    expect(await auditTotal()).to.equal(before);
  });

  describe('when a change fails', () => {
    it('and the organisation number is taken, then 409 and neither a record nor an entry is written', async () => {
      // Arrange
      const taken = newSupplier('Audit Original AB');
      const original = await admin.post('/api/v1/suppliers', taken);
      const other = await admin.post('/api/v1/suppliers', newSupplier('Audit Other AB'));
      const before = await auditTotal();

      // Act
      const create = await admin.post('/api/v1/suppliers', { ...taken, name: 'Audit Copy AB' });
      const update = await admin.patch(`/api/v1/suppliers/${other.body.id}`, { orgNumber: taken.orgNumber });

      // Assert
      expect([create.status, update.status]).to.deep.equal([409, 409]);
      expect([create.body.code, update.body.code]).to.deep.equal(['DUPLICATE', 'DUPLICATE']);
      expect(await auditTotal()).to.equal(before);
      const holders = await admin.get(`/api/v1/suppliers?orgNumber=${encodeURIComponent(taken.orgNumber)}`);
      expect(holders.body.items).to.deep.equal([original.body]);
      expect((await admin.get(`/api/v1/suppliers/${other.body.id}`)).body).to.deep.equal(other.body);
    });

    it('and a referenced record does not exist, then 400 and neither a record nor an entry is written', async () => {
      // Arrange
      const before = await auditTotal();
      const number = `AUD-REF-${Date.now()}`;

      // Act
      const res = await admin.post('/api/v1/contracts', {
        number, title: 'Orphan', buyer: 'Region Audit', supplierIds: ['0123456789abcdef01234567'], validFrom: '2026-01-01', validTo: '2026-12-31', category: 'x',
      });

      // Assert
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_REFERENCE');
      expect(await auditTotal()).to.equal(before);
      expect((await admin.get(`/api/v1/contracts?q=${number}`)).body.total).to.equal(0);
    });

    describe('and writing the audit entry fails after the record was written', () => {
      let original: TestApp['services']['audit']['record'];
      beforeEach(() => {
        original = t.services.audit.record.bind(t.services.audit);
        t.services.audit.record = () => Promise.reject(new Error('audit store unavailable'));
      });
      afterEach(() => {
        t.services.audit.record = original;
      });

      it('then the change is rolled back: 500, and no record without its entry', async () => {
        // Arrange
        const before = await auditTotal();
        const supplier = newSupplier('Audit Half Written AB');

        // Act
        const res = await admin.post('/api/v1/suppliers', supplier);

        // Assert
        expect(res.status).to.equal(500);
        expect(res.body.code).to.equal('INTERNAL');
        expect(await auditTotal()).to.equal(before);
        expect((await admin.get(`/api/v1/suppliers?orgNumber=${encodeURIComponent(supplier.orgNumber)}`)).body.total).to.equal(0);
      });
    });
  });

  describe('filters and pages', () => {
    // Four entries made with one token, a few milliseconds apart: s1, s2 and s3 created, then s2 changed.
    let tokenId: string;
    let ids: string[];
    let entries: Entry[]; // oldest first

    before(async () => {
      const token = await t.issueToken('admin');
      tokenId = token.id;
      const client = t.as(token.token);
      ids = [];
      for (const name of ['Filter One AB', 'Filter Two AB', 'Filter Three AB']) {
        ids.push((await client.post('/api/v1/suppliers', newSupplier(name))).body.id as string);
        await sleep(10);
      }
      expect((await client.patch(`/api/v1/suppliers/${ids[1]}`, { name: 'Filter Two Renamed AB' })).status).to.equal(200);
      entries = (await auditPage(`?tokenId=${tokenId}`)).items.reverse();
    });

    const keysOf = (page: AuditPage) => page.items.map((e) => `${e.action} ${e.entityId}`);
    const expected = (...indexes: number[]) => indexes.map((i) => `${entries[i]!.action} ${entries[i]!.entityId}`);

    it('when filtered by token, then exactly that token\'s entries come back, newest first', async () => {
      // Act
      const page = await auditPage(`?tokenId=${tokenId}`);

      // Assert
      expect(page.total).to.equal(4);
      expect(keysOf(page)).to.deep.equal([`supplier.updated ${ids[1]}`, `supplier.created ${ids[2]}`, `supplier.created ${ids[1]}`, `supplier.created ${ids[0]}`]);
      const times = page.items.map((e) => Date.parse(e.at));
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
      for (const entry of page.items) expect(entry.actor.tokenId).to.equal(tokenId);
    });

    it('when filtered by entity type and id, by action, or by supplier, then only matching entries come back', async () => {
      // Act
      const byEntity = await auditPage(`?entityType=supplier&entityId=${ids[1]}`);
      const byAction = await auditPage(`?tokenId=${tokenId}&action=supplier.created`);
      const bySupplier = await auditPage(`?supplierId=${ids[1]}`);
      const otherType = await auditPage(`?tokenId=${tokenId}&entityType=contract`);

      // Assert
      expect(keysOf(byEntity)).to.deep.equal(expected(3, 1));
      expect(keysOf(byAction)).to.deep.equal(expected(2, 1, 0));
      expect(keysOf(bySupplier)).to.deep.equal(expected(3, 1));
      expect(otherType).to.deep.include({ items: [], total: 0 });
    });

    it('when filtered by time, then from is inclusive and to is exclusive', async () => {
      // Arrange
      const at = (i: number) => encodeURIComponent(entries[i]!.at);

      // Act
      const from = await auditPage(`?tokenId=${tokenId}&from=${at(1)}`);
      const to = await auditPage(`?tokenId=${tokenId}&to=${at(2)}`);
      const between = await auditPage(`?tokenId=${tokenId}&from=${at(1)}&to=${at(3)}`);

      // Assert
      expect(keysOf(from)).to.deep.equal(expected(3, 2, 1));
      expect(keysOf(to)).to.deep.equal(expected(1, 0));
      expect(keysOf(between)).to.deep.equal(expected(2, 1));
    });

    it('when paged, then pages split the newest-first list without gaps or repeats', async () => {
      // Act
      const first = await auditPage(`?tokenId=${tokenId}&limit=3`);
      const second = await auditPage(`?tokenId=${tokenId}&limit=3&offset=3`);
      const beyond = await auditPage(`?tokenId=${tokenId}&limit=3&offset=4`);

      // Assert
      expect(first).to.deep.include({ total: 4, limit: 3, offset: 0 });
      expect(second).to.deep.include({ total: 4, limit: 3, offset: 3 });
      expect([...keysOf(first), ...keysOf(second)]).to.deep.equal(expected(3, 2, 1, 0));
      expect(beyond).to.deep.include({ items: [], total: 4 });
    });

    it('when a filter value is malformed, then 400 names the parameter', async () => {
      // Act
      const badType = await admin.get('/api/v1/audit?entityType=invoice');
      const badTime = await admin.get('/api/v1/audit?from=yesterday');
      const unknown = await admin.get('/api/v1/audit?who=me');

      // Assert
      expect([badType.status, badTime.status, unknown.status]).to.deep.equal([400, 400, 400]);
      expect(badType.body.issues.map((i: { path: string }) => i.path)).to.deep.equal(['query.entityType']);
      expect(badTime.body.issues.map((i: { path: string }) => i.path)).to.deep.equal(['query.from']);
      expect(unknown.body.issues.map((i: { path: string }) => i.path)).to.deep.equal(['query.who']);
    });
  });

  it('when each role reads the trail, then admin and expert may, procurement and supplier get 403, and no token 401', async () => {
    // Arrange
    const supplierId = (await admin.post('/api/v1/suppliers', newSupplier('Audit Roles AB'))).body.id as string;
    const expert = await t.issueToken('expert');
    const procurement = await t.issueToken('procurement');
    const supplier = await t.issueToken('supplier', supplierId);

    // Act
    const statuses = [
      (await admin.get('/api/v1/audit')).status,
      (await t.as(expert.token).get('/api/v1/audit')).status,
      (await t.as(procurement.token).get('/api/v1/audit')).status,
      (await t.as(supplier.token).get('/api/v1/audit')).status,
      (await t.as(undefined).get('/api/v1/audit')).status,
    ];
    const forbidden = await t.as(supplier.token).get(`/api/v1/audit?supplierId=${supplierId}`);

    // Assert
    expect(statuses).to.deep.equal([200, 200, 403, 403, 401]);
    expect(forbidden.body.code).to.equal('FORBIDDEN');
    expect(forbidden.body).to.not.have.property('items');
  });

  it('when anyone tries to edit or delete an entry over HTTP, then there is no such route and the entry is unchanged', async () => {
    // Arrange
    const { entry } = await audited(() => admin.post('/api/v1/suppliers', newSupplier('Audit Tamper AB')));

    // Act
    const attempts = [
      await admin.patch(`/api/v1/audit/${entry.id}`, { action: 'nothing.happened' }),
      await admin.raw('PUT', `/api/v1/audit/${entry.id}`, { body: '{}', headers: { 'content-type': 'application/json' } }),
      await admin.delete(`/api/v1/audit/${entry.id}`),
      await admin.delete('/api/v1/audit'),
      await admin.post('/api/v1/audit', { action: 'forged' }),
    ];

    // Assert
    for (const res of attempts) {
      expect(res.status).to.equal(404);
      expect(res.body.code).to.equal('ROUTE_NOT_FOUND');
    }
    const history = await auditPage(`?entityId=${entry.entityId}`);
    expect(history.items).to.deep.equal([entry]);
  });

  it('when code tries to change or remove entries through the audit model, then every way is refused and the trail is unchanged', async () => {
    // Arrange
    await audited(() => admin.post('/api/v1/suppliers', newSupplier('Audit Model AB')));
    const Audit = t.storage.connection.models.AuditEntry!;
    const trail = async () => JSON.stringify(await Audit.find().sort({ _id: 1 }).lean());
    const before = await trail();
    const attempts: Record<string, () => Promise<unknown>> = {
      updateOne: () => Audit.updateOne({}, { $set: { action: 'rewritten' } }),
      updateMany: () => Audit.updateMany({}, { $set: { action: 'rewritten' } }),
      findOneAndUpdate: () => Audit.findOneAndUpdate({}, { $set: { action: 'rewritten' } }),
      replaceOne: () => Audit.replaceOne({}, { action: 'rewritten' }),
      deleteOne: () => Audit.deleteOne({}),
      deleteMany: () => Audit.deleteMany({}),
      findOneAndDelete: () => Audit.findOneAndDelete({}),
      'bulkWrite update': () => Audit.bulkWrite([{ updateOne: { filter: {}, update: { $set: { action: 'rewritten' } } } }]),
      'bulkWrite delete': () => Audit.bulkWrite([{ deleteMany: { filter: {} } }]),
      'document save': async () => {
        const doc = (await Audit.findOne())!;
        doc.set('action', 'rewritten');
        await doc.save();
      },
      'document deleteOne': async () => {
        await (await Audit.findOne())!.deleteOne();
      },
    };

    // Act
    const accepted: string[] = [];
    for (const [name, attempt] of Object.entries(attempts)) {
      try {
        await attempt();
        accepted.push(name);
      } catch (err) {
        expect((err as Error).message, name).to.equal('audit entries are immutable');
      }
    }

    // Assert
    expect(accepted, 'ways that changed the trail').to.deep.equal([]);
    expect(await trail()).to.equal(before);
    // …while appending still works
    await audited(() => admin.post('/api/v1/suppliers', newSupplier('Audit Model After AB')));
  });
});
