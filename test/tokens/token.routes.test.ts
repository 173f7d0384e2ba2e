import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { ObjectId } from 'mongodb';
import { swedishOrgNumber } from '../support/fixtures.js';
import type { Client } from '../support/test-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MISSING_ID = '0123456789abcdef01234567';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('tokens API', () => {
  let t: TestApp;
  let admin: Client;
  let supplierId: string;
  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    const supplier = await admin.post('/api/v1/suppliers', { name: 'Token Supplier AB', orgNumber: swedishOrgNumber() });
    expect(supplier.status).to.equal(201);
    supplierId = supplier.body.id;
  });
  after(async () => {
    await t.close();
  });

  const issuePaths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path);

  describe('issue', () => {
    it('when an admin issues a token, then the answer carries its id and secret once, and the secret works for that role', async () => {
      // Act
      const created = await admin.post('/api/v1/tokens', { name: 'Kemist Anna', role: 'expert' });
      const asExpert = t.as(created.body.token);
      const canRead = await asExpert.get('/api/v1/suppliers');
      const cannotManageTokens = await asExpert.get('/api/v1/tokens');

      // Assert
      expect(created.status).to.equal(201);
      expect(created.body).to.include({ name: 'Kemist Anna', role: 'expert' });
      expect(created.body.id).to.match(/^[0-9a-f]{24}$/);
      expect(created.body.token).to.be.a('string').with.length.greaterThan(40);
      expect(created.body.token.startsWith(created.body.prefix)).to.equal(true);
      expect(created.body).to.not.have.property('supplierId');
      expect(created.body).to.not.have.property('revokedAt');
      expect(canRead.status).to.equal(200);
      expect(cannotManageTokens.status).to.equal(403);
      expect(cannotManageTokens.body.code).to.equal('FORBIDDEN');
    });

    it('when two tokens are issued, then each gets its own secret', async () => {
      // Act
      const first = await admin.post('/api/v1/tokens', { name: 'one', role: 'procurement' });
      const second = await admin.post('/api/v1/tokens', { name: 'two', role: 'procurement' });

      // Assert
      expect(first.body.token).to.not.equal(second.body.token);
      expect(first.body.id).to.not.equal(second.body.id);
    });

    it('when a supplier token is issued, then it is bound to that supplier and sees only it', async () => {
      // Arrange
      const other = await admin.post('/api/v1/suppliers', { name: 'Other AB', orgNumber: swedishOrgNumber() });

      // Act
      const created = await admin.post('/api/v1/tokens', { name: 'Leverantörsportal', role: 'supplier', supplierId });
      const listed = await t.as(created.body.token).get('/api/v1/suppliers');
      const otherRead = await t.as(created.body.token).get(`/api/v1/suppliers/${other.body.id}`);

      // Assert
      expect(created.status).to.equal(201);
      expect(created.body).to.include({ role: 'supplier', supplierId });
      expect(listed.body.items.map((s: { id: string }) => s.id)).to.deep.equal([supplierId]);
      expect(otherRead.status).to.equal(404);
    });

    it('when a supplier token names no supplier, then the answer is 400 on body.supplierId', async () => {
      // Act
      const res = await admin.post('/api/v1/tokens', { name: 'nobody', role: 'supplier' });

      // Assert
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      expect(issuePaths(res.body)).to.deep.equal(['body.supplierId']);
    });

    it('when a non-supplier token names a supplier, then the answer is 400 on body.supplierId for every such role', async () => {
      // Act
      const responses = await Promise.all(
        (['admin', 'expert', 'procurement'] as const).map((role) => admin.post('/api/v1/tokens', { name: `bound ${role}`, role, supplierId })),
      );

      // Assert
      for (const res of responses) {
        expect(res.status).to.equal(400);
        expect(issuePaths(res.body)).to.deep.equal(['body.supplierId']);
      }
    });

    it('when a supplier token names a supplier that does not exist, then the answer is 400 INVALID_REFERENCE and no token is stored', async () => {
      // Arrange
      const before = await admin.get(`/api/v1/tokens?supplierId=${MISSING_ID}`);

      // Act
      const res = await admin.post('/api/v1/tokens', { name: 'ghost', role: 'supplier', supplierId: MISSING_ID });

      // Assert
      expect(res.status).to.equal(400);
      expect(res.body.code).to.equal('INVALID_REFERENCE');
      expect(issuePaths(res.body)).to.deep.equal(['body.supplierId']);
      expect(before.body.total).to.equal(0);
      expect((await admin.get(`/api/v1/tokens?supplierId=${MISSING_ID}`)).body.total).to.equal(0);
    });

    it('when the role is unknown, then the answer is 400 on body.role', async () => {
      // Act
      const res = await admin.post('/api/v1/tokens', { name: 'root', role: 'superuser' });

      // Assert
      expect(res.status).to.equal(400);
      expect(issuePaths(res.body)).to.deep.equal(['body.role']);
    });
  });

  describe('secrecy', () => {
    it('when tokens are listed, then the JSON contains neither any secret nor its hash', async () => {
      // Arrange
      const created = await admin.post('/api/v1/tokens', { name: 'listed', role: 'procurement' });
      const secrets = [created.body.token as string, t.adminToken];

      // Act: the response text exactly as sent
      const res = await fetch(`${t.baseUrl}/api/v1/tokens?limit=200`, { headers: { authorization: `Bearer ${t.adminToken}` } });
      const text = await res.text();

      // Assert
      expect(res.status).to.equal(200);
      const listed = JSON.parse(text) as { items: Record<string, unknown>[] };
      expect(listed.items.map((i) => i.id)).to.include(created.body.id);
      for (const secret of secrets) {
        expect(text).to.not.include(secret);
        expect(text).to.not.include(sha256(secret));
      }
      for (const item of listed.items) expect(item).to.not.have.any.keys('token', 'hash');
    });

    it('when a token is stored, then the database holds its SHA-256 hash and no field contains the secret', async () => {
      // Arrange
      const created = await admin.post('/api/v1/tokens', { name: 'stored', role: 'expert' });
      const secret: string = created.body.token;

      // Act
      const raw = await t.storage.connection.collection('tokens').findOne({ _id: new ObjectId(created.body.id as string) });

      // Assert
      expect(raw).to.not.equal(null);
      expect(raw!.hash).to.equal(sha256(secret));
      for (const [field, value] of Object.entries(raw!)) {
        expect(JSON.stringify(value) ?? '', `field ${field}`).to.not.include(secret);
      }
      expect(JSON.stringify(raw)).to.not.include(secret);
    });
  });

  describe('revoke', () => {
    it('when a token is revoked, then it answers 401 INVALID_TOKEN at once and is listed as revoked', async () => {
      // Arrange
      const created = await admin.post('/api/v1/tokens', { name: 'leaving', role: 'procurement' });
      const asToken = t.as(created.body.token);
      expect((await asToken.get('/api/v1/suppliers')).status).to.equal(200);

      // Act
      const revoked = await admin.delete(`/api/v1/tokens/${created.body.id}`);
      const afterwards = await asToken.get('/api/v1/suppliers');

      // Assert
      expect(revoked.status).to.equal(200);
      expect(revoked.body.id).to.equal(created.body.id);
      expect(Date.parse(revoked.body.revokedAt)).to.be.closeTo(Date.now(), 60_000);
      expect(revoked.body).to.not.have.property('token');
      expect(afterwards.status).to.equal(401);
      expect(afterwards.body.code).to.equal('INVALID_TOKEN');
      const revokedList = await admin.get('/api/v1/tokens?revoked=true&limit=200');
      const activeList = await admin.get('/api/v1/tokens?revoked=false&limit=200');
      expect(revokedList.body.items.map((i: { id: string }) => i.id)).to.include(created.body.id);
      expect(activeList.body.items.map((i: { id: string }) => i.id)).to.not.include(created.body.id);
    });

    it('when a token is revoked twice, then the second revoke answers 200 with the first revocation unchanged', async () => {
      // Arrange
      const created = await admin.post('/api/v1/tokens', { name: 'twice', role: 'expert' });
      const first = await admin.delete(`/api/v1/tokens/${created.body.id}`);

      // Act
      const second = await admin.delete(`/api/v1/tokens/${created.body.id}`);

      // Assert
      expect(first.status).to.equal(200);
      expect(second.status).to.equal(200);
      expect(second.body.revokedAt).to.equal(first.body.revokedAt);
      expect((await t.as(created.body.token).get('/api/v1/suppliers')).status).to.equal(401);
    });

    it('when the token id is unknown, then revoking answers 404 NOT_FOUND', async () => {
      // Act
      const res = await admin.delete(`/api/v1/tokens/${MISSING_ID}`);

      // Assert
      expect(res.status).to.equal(404);
      expect(res.body.code).to.equal('NOT_FOUND');
    });

    it('when an admin token is revoked while another admin token is active, then it stops working', async () => {
      // Arrange
      const second = await admin.post('/api/v1/tokens', { name: 'second admin', role: 'admin' });

      // Act
      const revoked = await admin.delete(`/api/v1/tokens/${second.body.id}`);

      // Assert
      expect(revoked.status).to.equal(200);
      expect((await t.as(second.body.token).get('/api/v1/tokens')).status).to.equal(401);
    });
  });

  // Last on purpose: this revokes the first admin token the other tests use.
  describe('the last admin token', () => {
    it('when it is the last active admin token, then revoking it answers 409 CONFLICT; once another admin token exists, it can be revoked', async () => {
      // Arrange: the first admin token is the only active one
      const activeAdmins = await admin.get('/api/v1/tokens?role=admin&revoked=false');
      expect(activeAdmins.body.total).to.equal(1);
      const firstId: string = activeAdmins.body.items[0].id;

      // Act
      const refused = await admin.delete(`/api/v1/tokens/${firstId}`);
      const stillWorks = await admin.get('/api/v1/tokens');
      const successor = await admin.post('/api/v1/tokens', { name: 'successor admin', role: 'admin' });
      const allowed = await t.as(successor.body.token).delete(`/api/v1/tokens/${firstId}`);

      // Assert
      expect(refused.status).to.equal(409);
      expect(refused.body.code).to.equal('CONFLICT');
      expect(stillWorks.status).to.equal(200);
      expect(allowed.status).to.equal(200);
      expect((await admin.get('/api/v1/tokens')).status).to.equal(401);
      const successorAlone = await t.as(successor.body.token).delete(`/api/v1/tokens/${successor.body.id}`);
      expect(successorAlone.status).to.equal(409);
      expect(successorAlone.body.code).to.equal('CONFLICT');
    });
  });
});
