// Every error answer, through the running app: the right status and code, and always the same shape.
import { expect } from 'chai';
import { STATUS_CODES } from 'node:http';
import { startTestApp, type Client, type Response, type TestApp } from '../../support/test-app.js';

const JSON_MAX_BYTES = 2048;
const UNKNOWN_ID = '0123456789abcdef01234567';

/** An error answer: the status, the code, and exactly { statusCode, code, error, message, issues? }. */
function expectError(res: Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.headers.get('content-type')).to.match(/^application\/json\b/);
  const keys = ['code', 'error', 'message', 'statusCode', ...(res.body.issues !== undefined ? ['issues'] : [])];
  expect(Object.keys(res.body)).to.have.members(keys).and.to.have.length(keys.length);
  expect(res.body.statusCode).to.equal(status);
  expect(res.body.code).to.equal(code);
  expect(res.body.error).to.equal(STATUS_CODES[status]);
  expect(res.body.message).to.be.a('string').that.is.not.empty;
  if (res.body.issues !== undefined) {
    expect(res.body.issues).to.be.an('array').that.is.not.empty;
    for (const issue of res.body.issues) {
      expect(issue).to.have.all.keys('path', 'message');
      expect(issue.path).to.be.a('string');
      expect(issue.message).to.be.a('string').that.is.not.empty;
    }
  }
}

const issuePaths = (res: Response): string[] => (res.body.issues as Array<{ path: string }>).map((i) => i.path);

describe('error answers (shared/http/error-handler)', () => {
  let t: TestApp;
  let admin: Client;
  let orgSeq = 0;
  // Distinct valid organisation numbers for a country without a check digit.
  const nextOrgNumber = () => `NO-${Date.now()}-${++orgSeq}`;

  before(async () => {
    t = await startTestApp({ JSON_MAX_BYTES: String(JSON_MAX_BYTES) });
    admin = t.as(t.adminToken);
  });
  after(async () => {
    await t.close();
  });

  it('when the body is not valid JSON, then 400 MALFORMED_JSON names the body', async () => {
    // Act
    const res = await admin.raw('POST', '/api/v1/suppliers', { body: '{"name": "Acme AB",', headers: { 'content-type': 'application/json' } });

    // Assert
    expectError(res, 400, 'MALFORMED_JSON');
    expect(issuePaths(res)).to.deep.equal(['body']);
  });

  it('when fields have the wrong types, then 400 VALIDATION_FAILED lists each offending path', async () => {
    // Act
    const res = await admin.post('/api/v1/suppliers', { name: 42, orgNumber: true, country: 'se', contacts: [{ name: 'Ok' }, { name: 7 }] });

    // Assert
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(issuePaths(res)).to.have.members(['body.name', 'body.orgNumber', 'body.country', 'body.contacts.1.name']).and.to.have.length(4);
  });

  it('when required fields are missing, then each is listed', async () => {
    // Act
    const res = await admin.post('/api/v1/suppliers', {});

    // Assert
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(issuePaths(res)).to.have.members(['body.name', 'body.orgNumber']).and.to.have.length(2);
  });

  it('when the body has unknown fields, then 400 lists one "unknown field" issue per field and nothing is created', async () => {
    // Arrange
    const orgNumber = nextOrgNumber();

    // Act
    const res = await admin.post('/api/v1/suppliers', { name: 'Acme AB', orgNumber, country: 'NO', colour: 'red', size: 3 });

    // Assert
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.issues).to.have.deep.members([
      { path: 'body.colour', message: 'unknown field' },
      { path: 'body.size', message: 'unknown field' },
    ]);
    expect(res.body.issues).to.have.length(2);
    const list = await admin.get(`/api/v1/suppliers?orgNumber=${encodeURIComponent(orgNumber)}`);
    expect(list.body.total).to.equal(0);
  });

  it('when the query has an unknown parameter, then 400 names query.<parameter>', async () => {
    // Act
    const res = await admin.get('/api/v1/suppliers?colour=red');

    // Assert
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.issues).to.deep.equal([{ path: 'query.colour', message: 'unknown field' }]);
  });

  it('when a query value is out of range, then 400 names that parameter', async () => {
    // Act
    const res = await admin.get('/api/v1/suppliers?limit=0');

    // Assert
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(issuePaths(res)).to.deep.equal(['query.limit']);
  });

  it('when a well-formed id names no record, then 404 NOT_FOUND', async () => {
    // Act
    const res = await admin.get(`/api/v1/suppliers/${UNKNOWN_ID}`);

    // Assert
    expectError(res, 404, 'NOT_FOUND');
    expect(res.body).to.not.have.property('issues');
  });

  it('when an id is malformed, then 400 names params.id', async () => {
    // Act
    const res = await admin.get('/api/v1/suppliers/not-an-id');

    // Assert
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(issuePaths(res)).to.deep.equal(['params.id']);
  });

  for (const [method, path] of [
    ['GET', '/api/v1/no-such-thing'],
    ['PUT', '/api/v1/suppliers'],
    ['GET', '/no-such-page'],
  ] as const) {
    it(`when ${method} ${path} is requested, then 404 ROUTE_NOT_FOUND`, async () => {
      // Act
      const res = await admin.raw(method, path);

      // Assert
      expectError(res, 404, 'ROUTE_NOT_FOUND');
    });
  }

  it('when a JSON body is sent as text/plain, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    // Act
    const res = await admin.raw('POST', '/api/v1/suppliers', {
      body: JSON.stringify({ name: 'Acme AB', orgNumber: nextOrgNumber(), country: 'NO' }),
      headers: { 'content-type': 'text/plain' },
    });

    // Assert
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when a JSON body declares a charset other than UTF-8, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    // Act
    const res = await admin.raw('POST', '/api/v1/suppliers', {
      body: JSON.stringify({ name: 'Acme AB', orgNumber: nextOrgNumber(), country: 'NO' }),
      headers: { 'content-type': 'application/json; charset=latin1' },
    });

    // Assert
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when a body is larger than JSON_MAX_BYTES, then 413 PAYLOAD_TOO_LARGE, while a body just under it is accepted', async () => {
    // Arrange: the same shape of body, once just under and once just over the limit
    const bodyOfSize = (size: number): string => {
      const base = { name: 'Big AB', orgNumber: nextOrgNumber(), country: 'NO', contacts: [] as Array<{ name: string }> };
      const fixed = JSON.stringify(base).length;
      let remaining = size - fixed;
      while (remaining > 0) {
        const overhead = JSON.stringify({ name: '' }).length + (base.contacts.length > 0 ? 1 : 0);
        const name = 'x'.repeat(Math.max(1, Math.min(200, remaining - overhead)));
        base.contacts.push({ name });
        remaining = size - JSON.stringify(base).length;
      }
      return JSON.stringify(base);
    };
    const under = bodyOfSize(JSON_MAX_BYTES - 10);
    const over = bodyOfSize(JSON_MAX_BYTES + 10);
    expect(Buffer.byteLength(under)).to.be.at.most(JSON_MAX_BYTES);
    expect(Buffer.byteLength(over)).to.be.above(JSON_MAX_BYTES);

    // Act
    const accepted = await admin.raw('POST', '/api/v1/suppliers', { body: under, headers: { 'content-type': 'application/json' } });
    const refused = await admin.raw('POST', '/api/v1/suppliers', { body: over, headers: { 'content-type': 'application/json' } });

    // Assert
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(201);
    expectError(refused, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('when the caller has no token, a bad token or the wrong role, then 401/401/403 in the same shape', async () => {
    // Arrange
    const procurement = await t.issueToken('procurement');

    // Act
    const anonymous = await t.as(undefined).get('/api/v1/suppliers');
    const badToken = await t.as('chemreg_not-a-real-token').get('/api/v1/suppliers');
    const wrongRole = await t.as(procurement.token).post('/api/v1/suppliers', { name: 'Acme AB', orgNumber: nextOrgNumber(), country: 'NO' });

    // Assert
    expectError(anonymous, 401, 'UNAUTHENTICATED');
    expectError(badToken, 401, 'INVALID_TOKEN');
    expectError(wrongRole, 403, 'FORBIDDEN');
  });

  it('when a duplicate is refused, then 409 DUPLICATE names the colliding field', async () => {
    // Arrange
    const orgNumber = nextOrgNumber();
    expect((await admin.post('/api/v1/suppliers', { name: 'First AB', orgNumber, country: 'NO' })).status).to.equal(201);

    // Act
    const res = await admin.post('/api/v1/suppliers', { name: 'Second AB', orgNumber, country: 'NO' });

    // Assert
    expectError(res, 409, 'DUPLICATE');
    expect(issuePaths(res)).to.deep.equal(['body.orgNumber']);
  });

  describe('when a handler fails unexpectedly', () => {
    const secretDetail = 'connection string mongodb://admin:hunter2@db.internal failed';
    let original: TestApp['services']['suppliers']['list'];

    beforeEach(() => {
      original = t.services.suppliers.list.bind(t.services.suppliers);
      t.services.suppliers.list = () => Promise.reject(new Error(secretDetail));
    });
    afterEach(() => {
      t.services.suppliers.list = original;
    });

    it('then 500 INTERNAL with a generic message quoting the request id, and the details only in the log', async () => {
      // Act
      const res = await admin.get('/api/v1/suppliers');

      // Assert: the caller learns nothing about the cause
      expectError(res, 500, 'INTERNAL');
      const requestId = res.headers.get('x-request-id');
      expect(requestId).to.be.a('string').that.is.not.empty;
      expect(res.body.message).to.include(requestId);
      for (const leak of [secretDetail, 'hunter2', 'db.internal', 'mongodb://']) expect(JSON.stringify(res.body)).to.not.include(leak);
      // Assert: the operator finds it in the log under that request id
      const logged = t.logs.map((line) => JSON.parse(line) as { level: number; reqId?: string; err?: { message?: string } });
      expect(logged.some((log) => log.level >= 50 && log.reqId === requestId && log.err?.message === secretDetail)).to.equal(true);
    });
  });
});
